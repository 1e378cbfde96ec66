//! adcredit's rules core: TikTok Business Center's rules for sharing and moving ad credit, as code.
//!
//! Give it a [`Scenario`] — a Business Center, its ad accounts and a proposed allocation plan —
//! and [`check`] returns every finding, the state the plan leaves behind and the manual,
//! irreversible steps; give it a [`MoveQuestion`] and [`can_move`] returns a [`Verdict`] with
//! the rule, the reason and the FAQ entry that explains it.
//!
//! The core has no IO, no clock and no JavaScript: the caller passes `today` inside the
//! scenario. Money is a [`Money`] (an exact decimal), read from and written as strings.
//!
//! ```
//! let json = r#"{
//!   "today": "2026-11-24", "actor_role": "finance_manager",
//!   "business_center": { "entity": "Acme", "currency": "USD",
//!     "ad_credits": [{ "id": "q4-promo", "amount": "500.00", "expires": "2026-12-31" }] },
//!   "accounts": [{ "id": "us", "entity": "Acme", "currency": "USD", "status": "active",
//!                  "planned_spend": "150.00" }],
//!   "allocations": [{ "credit": "q4-promo", "account": "us", "amount": "200.00" }]
//! }"#;
//! let report = adcredit_core::check(&adcredit_core::parse_scenario(json).unwrap()).unwrap();
//! assert!(report.valid);
//! let rules: Vec<&str> = report.findings.iter().map(|f| f.rule.as_str()).collect();
//! assert_eq!(rules, ["manual-allocation", "exceeds-planned-spend"]);
//! assert_eq!(report.after.accounts[0].locked_surplus.unwrap().to_string(), "50.00");
//! ```

mod check;
mod date;
mod error;
mod money;
mod moves;
mod rules;
mod scenario;

pub use check::{
    check, AccountAfter, After, BusinessCenterAfter, CreditAfter, Finding, Report, Step,
    EXPIRY_WARNING_DAYS, SMALL_LEFTOVER_DIVISOR,
};
pub use date::{Date, DateParseError};
pub use error::{from_deserializer, from_json, Error};
pub use money::{Money, MoneyParseError, MAX_FRACTION_DIGITS, MAX_INTEGER_DIGITS};
pub use moves::{can_move, Fund, MoveQuestion, Verdict};
pub use rules::{RuleId, Severity};
pub use scenario::{
    Account, AdCredit, Allocation, BusinessCenter, Currency, Role, Scenario, Status,
};

/// Parse and validate a scenario from JSON text (CONTRACT §2).
pub fn parse_scenario(json: &str) -> Result<Scenario, Error> {
    let s: Scenario = from_json(json)?;
    s.validate()?;
    Ok(s)
}

/// Parse a move question from JSON text (CONTRACT §4); its scenario is validated by [`can_move`].
pub fn parse_move_question(json: &str) -> Result<MoveQuestion, Error> {
    from_json(json)
}

#[cfg(test)]
mod typescript {
    //! The TypeScript declarations of the public JSON shapes, generated from these types.
    use ts_rs::TS;

    use super::*;

    /// Every exported declaration, in a stable order.
    fn declarations() -> String {
        let cfg = ts_rs::Config::default();
        let decls = [
            Money::decl(&cfg),
            Date::decl(&cfg),
            Currency::decl(&cfg),
            Scenario::decl(&cfg),
            BusinessCenter::decl(&cfg),
            AdCredit::decl(&cfg),
            Account::decl(&cfg),
            Allocation::decl(&cfg),
            Role::decl(&cfg),
            Status::decl(&cfg),
            Report::decl(&cfg),
            Finding::decl(&cfg),
            Severity::decl(&cfg),
            RuleId::decl(&cfg),
            After::decl(&cfg),
            BusinessCenterAfter::decl(&cfg),
            CreditAfter::decl(&cfg),
            AccountAfter::decl(&cfg),
            Step::decl(&cfg),
            MoveQuestion::decl(&cfg),
            Fund::decl(&cfg),
            Verdict::decl(&cfg),
        ];
        let mut out = String::from(
            "// Generated from the Rust types of adcredit-core by `cargo test -p adcredit-core`.\n\
             // Do not edit: change the Rust types and run the tests with UPDATE_TYPES=1.\n\
             // Money and dates are strings: \"150.00\", \"2026-11-24\".\n\n",
        );
        for d in decls {
            out.push_str("export ");
            out.push_str(&d);
            out.push_str("\n\n");
        }
        out
    }

    #[test]
    fn typescript_declarations_are_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../adcredit-wasm/types.d.ts");
        let want = declarations();
        if std::env::var_os("UPDATE_TYPES").is_some() {
            std::fs::write(path, &want).unwrap();
        }
        let have = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            have == want,
            "{path} is out of date: run `UPDATE_TYPES=1 cargo test -p adcredit-core typescript` and commit it"
        );
    }
}
