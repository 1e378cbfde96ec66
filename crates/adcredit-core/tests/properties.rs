//! Properties over random scenarios and move questions: `check` never fails on a parsed
//! scenario, `valid` holds exactly when no finding is an error, money is conserved to the cent,
//! locked surplus is max(0, balance − planned spend); `can_move` answers or refuses input,
//! never panics; a scenario survives a JSON round trip.

#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use adcredit_core::{
    can_move, check, parse_scenario, Account, AdCredit, Allocation, BusinessCenter, Currency, Date,
    Fund, Money, MoveQuestion, Role, Scenario, Severity, Status,
};
use proptest::prelude::*;

const CASES: u32 = 2000;

fn money() -> impl Strategy<Value = Money> {
    prop_oneof![
        (0u64..100_000, 0u32..100).prop_map(|(i, c)| format!("{i}.{c:02}")),
        (0u64..1_000).prop_map(|i| format!("{i}")),
        (0u64..1_000, 0u32..1000).prop_map(|(i, c)| format!("{i}.{c:03}")),
        (0u64..500).prop_map(|i| format!("-{i}.00")),
        Just("0".to_owned()),
        Just("999999999999999.99".to_owned()),
    ]
    .prop_map(|s| Money::parse(&s).unwrap())
}

fn date() -> impl Strategy<Value = Date> {
    (2026u16..2028, 1u8..13, 1u8..29)
        .prop_map(|(y, m, d)| Date::parse(&format!("{y:04}-{m:02}-{d:02}")).unwrap())
}

fn currency() -> impl Strategy<Value = Currency> {
    prop::sample::select(vec!["USD", "EUR", "JPY", "GBP"]).prop_map(|c| Currency::parse(c).unwrap())
}

fn role() -> impl Strategy<Value = Role> {
    prop::sample::select(vec![
        Role::Admin,
        Role::FinanceManager,
        Role::FinanceAnalyst,
        Role::Standard,
        Role::Operator,
        Role::Analyst,
    ])
}

fn status() -> impl Strategy<Value = Status> {
    prop::sample::select(vec![
        Status::Active,
        Status::Active,
        Status::InReview,
        Status::Suspended,
        Status::Closed,
    ])
}

fn account(i: usize) -> impl Strategy<Value = Account> {
    (
        prop::sample::select(vec!["Acme", "Other"]),
        currency(),
        status(),
        any::<bool>(),
        money(),
        money(),
        prop::option::of(money()),
    )
        .prop_map(
            move |(entity, currency, status, pp, bal, cash, plan)| Account {
                id: format!("a{i}"),
                name: Some(format!("Account {i}")),
                entity: entity.into(),
                currency,
                status,
                in_payment_portfolio: pp,
                ad_credit_balance: bal,
                cash_balance: cash,
                planned_spend: plan,
            },
        )
}

fn scenario() -> impl Strategy<Value = Scenario> {
    (1usize..8, 1usize..5)
        .prop_flat_map(|(n_acc, n_cred)| {
            let accounts: Vec<_> = (0..n_acc).map(account).collect();
            let credits: Vec<_> = (0..n_cred)
                .map(|i| {
                    (money(), prop::option::of(date())).prop_map(move |(amount, expires)| {
                        AdCredit {
                            id: format!("c{i}"),
                            amount,
                            expires,
                        }
                    })
                })
                .collect();
            // Lines name existing ids mostly, unknown ones sometimes (index past the end).
            let line =
                (0..n_cred + 1, 0..n_acc + 1, money()).prop_map(|(c, a, amount)| Allocation {
                    credit: format!("c{c}"),
                    account: format!("a{a}"),
                    amount,
                });
            (
                date(),
                role(),
                currency(),
                money(),
                money(),
                accounts,
                credits,
                prop::collection::vec(line, 0..12),
            )
        })
        .prop_map(
            |(today, actor_role, currency, cash, line, accounts, credits, allocations)| Scenario {
                today,
                actor_role,
                business_center: BusinessCenter {
                    entity: "Acme".into(),
                    currency,
                    ad_credits: credits,
                    cash_balance: cash,
                    credit_line: line,
                },
                accounts,
                allocations,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: CASES, ..ProptestConfig::default() })]

    #[test]
    fn check_keeps_its_invariants(s in scenario()) {
        let r = check(&s).unwrap();
        let errors = r.findings.iter().any(|f| f.severity == Severity::Error);
        prop_assert_eq!(r.valid, !errors);
        for f in &r.findings {
            prop_assert_eq!(f.source, f.rule.source());
        }
        for c in &r.after.business_center.ad_credits {
            prop_assert_eq!(c.remaining.checked_add(c.allocated).unwrap(), c.amount);
            prop_assert!(!c.allocated.is_negative());
            prop_assert!(!c.remaining.is_negative() || c.amount.is_negative());
            let steps = r.steps.iter().filter(|st| st.credit == c.id)
                .try_fold(Money::ZERO, |acc, st| acc.checked_add(st.amount)).unwrap();
            prop_assert_eq!(steps, c.allocated);
        }
        for (a, after) in s.accounts.iter().zip(&r.after.accounts) {
            prop_assert_eq!(after.ad_credit_balance, a.ad_credit_balance.checked_add(after.received).unwrap());
            let surplus = a.planned_spend.map(|p| after.ad_credit_balance.saturating_surplus_over(p).unwrap());
            prop_assert_eq!(after.locked_surplus, surplus);
        }
        for st in &r.steps {
            // Only lines without an error of their own are carried out.
            prop_assert!(!r.findings.iter().any(|f| f.severity == Severity::Error && f.allocation == Some(st.allocation)));
        }
    }

    #[test]
    fn scenarios_round_trip_through_json(s in scenario()) {
        let json = serde_json::to_string(&s).unwrap();
        prop_assert_eq!(parse_scenario(&json).unwrap(), s);
    }

    #[test]
    fn can_move_answers_or_refuses_input(
        fund in prop::sample::select(vec![Fund::AdCredit, Fund::Cash, Fund::CreditLine]),
        from in prop::sample::select(vec!["bc", "BC", "a0", "a1", "a2", "zz", ""]),
        to in prop::sample::select(vec!["bc", "a0", "a1", "a3", "zz"]),
        amount in prop::option::of(money()),
        s in prop::option::of(scenario()),
    ) {
        let q = MoveQuestion { fund, from: from.into(), to: to.into(), amount, scenario: s };
        match can_move(&q) {
            Ok(v) => prop_assert_eq!(v.source, v.rule.source()),
            Err(e) => prop_assert!(e.is_input(), "{e}"),
        }
    }
}

#[test]
fn cases_run() {
    println!("properties: 3 properties × {CASES} random cases each");
}
