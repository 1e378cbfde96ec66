//! Scenario and move fixtures (`tests/scenarios/*.json`, `tests/moves/*.json` at the repo root)
//! with their expected reports, suggested plans and verdicts as insta snapshots, plus the
//! invariants every report must keep, and a check that every rule id fires somewhere.

#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use adcredit_core::{
    can_move, check, parse_move_question, parse_scenario, plan, Fund, Money, MoveQuestion, Report,
    Role, RuleId, Scenario, Severity, Status, Verdict,
};

fn fixtures(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests")
        .join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

fn name(p: &Path) -> String {
    p.file_stem().unwrap().to_string_lossy().into_owned()
}

/// The invariants of CONTRACT §3 that hold for every report.
fn invariants(file: &str, s: &Scenario, r: &Report) {
    let errors = r.findings.iter().any(|f| f.severity == Severity::Error);
    assert_eq!(r.valid, !errors, "{file}: valid iff no error");
    for f in &r.findings {
        assert_eq!(f.source, f.rule.source(), "{file}: source of {}", f.rule);
    }
    for c in &r.after.business_center.ad_credits {
        assert_eq!(
            c.remaining.checked_add(c.allocated).unwrap(),
            c.amount,
            "{file}: conservation of {}",
            c.id
        );
        let from_steps = r
            .steps
            .iter()
            .filter(|st| st.credit == c.id)
            .try_fold(Money::ZERO, |acc, st| acc.checked_add(st.amount))
            .unwrap();
        assert_eq!(from_steps, c.allocated, "{file}: steps of {}", c.id);
        assert!(
            !c.remaining.is_negative() || c.amount.is_negative(),
            "{file}: {} overdrawn",
            c.id
        );
    }
    for (a, after) in s.accounts.iter().zip(&r.after.accounts) {
        let received = r
            .steps
            .iter()
            .filter(|st| st.account == a.id)
            .try_fold(Money::ZERO, |acc, st| acc.checked_add(st.amount))
            .unwrap();
        assert_eq!(after.received, received, "{file}: received by {}", a.id);
        assert_eq!(
            after.ad_credit_balance,
            a.ad_credit_balance.checked_add(received).unwrap(),
            "{file}: balance of {}",
            a.id
        );
        // An unusable planned spend (negative, over-precise) is reported and counts as no plan.
        let surplus = a
            .planned_spend
            .filter(|p| !p.is_negative() && !p.has_more_decimals_than(a.currency.decimals()))
            .map(|p| after.ad_credit_balance.saturating_surplus_over(p).unwrap());
        assert_eq!(
            after.locked_surplus, surplus,
            "{file}: locked surplus of {}",
            a.id
        );
    }
    for (i, st) in r.steps.iter().enumerate() {
        assert_eq!(st.order, i + 1, "{file}: step order");
        assert!(st.irreversible, "{file}: steps are irreversible");
    }
}

/// The rules a verdict can allow a move under; every other rule refuses.
const ALLOWING: [RuleId; 4] = [
    RuleId::ManualAllocation,
    RuleId::BalanceAllocation,
    RuleId::CashRefundToBc,
    RuleId::PortfolioShare,
];

/// What every verdict keeps: it echoes the question, cites its rule's entry, and allows exactly
/// under the allowing rules; allocated ad credit never moves, whoever asks.
fn verdict_invariants(file: &str, q: &MoveQuestion, v: &Verdict) {
    assert_eq!(v.source, v.rule.source(), "{file}: source");
    assert_eq!(
        (v.fund, v.from.as_str(), v.to.as_str(), v.amount),
        (q.fund, q.from.as_str(), q.to.as_str(), q.amount),
        "{file}: the verdict echoes the question"
    );
    assert_eq!(
        v.allowed,
        ALLOWING.contains(&v.rule),
        "{file}: allowed under {}",
        v.rule
    );
    if q.fund == Fund::AdCredit && !q.from.eq_ignore_ascii_case("bc") {
        assert!(!v.allowed, "{file}: allocated ad credit moved");
    }
}

/// `bc`, or `account` for an account id.
fn side(id: &str) -> &'static str {
    if id.eq_ignore_ascii_case("bc") {
        "bc"
    } else {
        "account"
    }
}

#[test]
fn scenario_and_move_fixtures() {
    let mut fired: BTreeMap<RuleId, usize> = BTreeMap::new();
    let (mut roles, mut statuses, mut directions) =
        (BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
    let scenarios = fixtures("scenarios");
    for path in &scenarios {
        let file = name(path);
        let text = std::fs::read_to_string(path).unwrap();
        let s = parse_scenario(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
        let r = check(&s).unwrap_or_else(|e| panic!("{file}: {e}"));
        invariants(&file, &s, &r);
        roles.insert(format!("{:?}", s.actor_role));
        statuses.extend(s.accounts.iter().map(|a| format!("{:?}", a.status)));
        for f in &r.findings {
            *fired.entry(f.rule).or_default() += 1;
        }
        insta::assert_json_snapshot!(format!("scenario-{file}"), r);
        let p = plan(&s).unwrap_or_else(|e| panic!("{file}: plan: {e}"));
        let mut with_plan = s.clone();
        with_plan.allocations.clone_from(&p.allocations);
        invariants(&format!("{file} (plan)"), &with_plan, &p.report);
        insta::assert_json_snapshot!(format!("plan-{file}"), p);
    }
    let moves = fixtures("moves");
    for path in &moves {
        let file = name(path);
        let text = std::fs::read_to_string(path).unwrap();
        let q = parse_move_question(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
        let v = can_move(&q).unwrap_or_else(|e| panic!("{file}: {e}"));
        verdict_invariants(&file, &q, &v);
        directions.insert((
            format!("{:?}", q.fund),
            side(&q.from),
            side(&q.to),
            q.scenario.is_some(),
        ));
        if let Some(s) = &q.scenario {
            roles.insert(format!("{:?}", s.actor_role));
        }
        *fired.entry(v.rule).or_default() += 1;
        insta::assert_json_snapshot!(format!("move-{file}"), v);
    }
    let never: BTreeSet<&str> = RuleId::ALL
        .iter()
        .filter(|r| !fired.contains_key(r))
        .map(|r| r.as_str())
        .collect();
    println!(
        "fixtures: {} scenarios, {} moves; rules fired: {}/{}",
        scenarios.len(),
        moves.len(),
        RuleId::ALL.len() - never.len(),
        RuleId::ALL.len()
    );
    assert!(
        scenarios.len() >= 40 && moves.len() >= 30,
        "too few fixtures"
    );
    // Every role, every status, and every fund × direction (with and without a scenario).
    for role in Role::ALL {
        assert!(
            roles.contains(&format!("{role:?}")),
            "no fixture as {role:?}"
        );
    }
    for status in Status::ALL {
        assert!(
            statuses.contains(&format!("{status:?}")),
            "no scenario with a {status:?} account"
        );
    }
    for fund in [Fund::AdCredit, Fund::Cash, Fund::CreditLine] {
        for (from, to) in [("bc", "account"), ("account", "bc"), ("account", "account")] {
            for with_scenario in [false, true] {
                assert!(
                    directions.contains(&(format!("{fund:?}"), from, to, with_scenario)),
                    "no move fixture for {fund:?} {from} → {to} (scenario: {with_scenario})"
                );
            }
        }
    }
    assert!(never.is_empty(), "rules no fixture makes fire: {never:?}");
    // Every rule also has a fixture where it does not fire: some report lacks it.
    let mut absent_somewhere = BTreeSet::new();
    for path in &scenarios {
        let r = check(&parse_scenario(&std::fs::read_to_string(path).unwrap()).unwrap()).unwrap();
        for rule in RuleId::ALL {
            if !r.findings.iter().any(|f| f.rule == *rule) {
                absent_somewhere.insert(*rule);
            }
        }
    }
    assert_eq!(
        absent_somewhere.len(),
        RuleId::ALL.len(),
        "a rule fires in every scenario"
    );
}
