//! The malformed-input table (`tests/malformed/cases.tsv` at the repo root): every line is an
//! input that must be refused with exactly the message written beside it, and never a panic.
//! `UPDATE_MALFORMED=1` rewrites the expected column from what the core says (review the diff).

#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use adcredit_core::{can_move, check, parse_move_question, parse_scenario};

/// What the core says about `input` of `kind`: the error message, or "accepted".
fn outcome(kind: &str, input: &str) -> String {
    let result = match kind {
        "scenario" => parse_scenario(input).and_then(|s| check(&s)).map(|_| ()),
        "move" => parse_move_question(input)
            .and_then(|q| can_move(&q))
            .map(|_| ()),
        other => panic!("unknown kind {other}"),
    };
    match result {
        Ok(()) => "accepted".to_owned(),
        Err(e) => e.to_string(),
    }
}

#[test]
fn malformed_inputs() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/malformed/cases.tsv");
    let table = std::fs::read_to_string(&path).unwrap();
    let update = std::env::var_os("UPDATE_MALFORMED").is_some();
    let (mut rows, mut wrong, mut out) = (0, Vec::new(), String::new());
    let mut pending = 0;
    for line in table.lines() {
        if let Some(row) = line.strip_prefix("# pending: ") {
            // A known gap in the core: it must not panic, and once it gives the expected message
            // the row should become a normal one.
            let [name, kind, input, expected] = row.split('\t').collect::<Vec<_>>()[..] else {
                panic!("bad pending row: {row}")
            };
            let got = catch_unwind(AssertUnwindSafe(|| outcome(kind, input)))
                .unwrap_or_else(|_| format!("PANIC on {name}"));
            assert!(!got.starts_with("PANIC"), "{got}");
            if got == expected {
                println!("pending case {name} now gets the expected message: drop its prefix");
            }
            pending += 1;
        }
        if line.starts_with('#') || line.trim().is_empty() {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let [name, kind, input, expected] = cols[..] else {
            panic!("bad row: {line}")
        };
        rows += 1;
        let got = catch_unwind(AssertUnwindSafe(|| outcome(kind, input)))
            .unwrap_or_else(|_| format!("PANIC on {name}"));
        if got != expected {
            wrong.push(format!("{name}:\n  expected {expected}\n  got      {got}"));
        }
        out.push_str(&format!("{name}\t{kind}\t{input}\t{got}\n"));
    }
    if update {
        std::fs::write(&path, out).unwrap();
    }
    println!(
        "malformed inputs: {}/{rows} rejected with the expected message ({pending} pending)",
        rows - wrong.len()
    );
    assert!(rows >= 50, "only {rows} malformed cases");
    assert!(update || wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Negative zero is zero, not a malformed amount and not a negative balance.
#[test]
fn negative_zero_is_accepted_as_zero() {
    let input = r#"{"today": "2026-11-24", "actor_role": "admin",
        "business_center": {"entity": "Acme", "currency": "USD", "cash_balance": "-0.00",
          "ad_credits": [{"id": "promo", "amount": "100.00"}]},
        "accounts": [{"id": "us", "entity": "Acme", "currency": "USD", "status": "active",
          "ad_credit_balance": "-0", "cash_balance": "-0.0", "planned_spend": "-0.00"}],
        "allocations": [{"credit": "promo", "account": "us", "amount": "10.00"}]}"#;
    let s = parse_scenario(input).unwrap();
    assert_eq!(s.accounts[0].ad_credit_balance.to_string(), "0.00");
    assert!(!s.business_center.cash_balance.is_negative());
    let r = check(&s).unwrap();
    assert!(r.valid, "{:?}", r.findings);
    assert!(r
        .findings
        .iter()
        .all(|f| f.rule.as_str() != "invalid-amount"));
    // A zero planned spend: all 10.00 allocated would stay locked.
    assert_eq!(
        r.after.accounts[0].locked_surplus.unwrap().to_string(),
        "10.00"
    );
    // As a move amount it is zero, so it cannot be moved; but it is not an input error.
    let q = parse_move_question(r#"{"fund": "cash", "from": "bc", "to": "us", "amount": "-0.00"}"#)
        .unwrap();
    assert_eq!(can_move(&q).unwrap().rule.as_str(), "invalid-amount");
}
