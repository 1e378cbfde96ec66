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

mod assign;
mod check;
mod date;
mod error;
mod money;
mod moves;
mod plan;
mod policy;
mod rules;
mod scenario;

pub use check::{
    check, AccountAfter, After, BusinessCenterAfter, CreditAfter, Finding, Report, Step,
    EXPIRY_WARNING_DAYS, SMALL_LEFTOVER_DIVISOR,
};
pub use date::{Date, DateParseError};
#[doc(hidden)]
pub use error::from_json_checked;
pub use error::{escape_controls, from_json, Error, MAX_DEPTH, NOT_A_JSON_NUMBER};
pub use money::{Money, MoneyParseError, MAX_FRACTION_DIGITS, MAX_INTEGER_DIGITS};
pub use moves::{can_move, entity_refusal, status_refusal, Fund, MoveQuestion, Verdict};
pub use plan::{plan, AccountShare, CreditShare, Left, Plan, Skipped};
pub use rules::{RuleId, Severity};
pub use scenario::{
    normalize_id, Account, AdCredit, Allocation, BusinessCenter, Currency, Role, Scenario, Status,
    TRANSFER_DECIMALS,
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
