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

/// A scenario whose one account already holds `balance` and receives `lines` allocations of
/// 999999999999999.99, each from its own credit of that amount.
fn huge_sums(balance: &str, lines: usize) -> String {
    let credits: Vec<String> = (0..lines)
        .map(|i| format!(r#"{{"id": "c{i}", "amount": "999999999999999.99"}}"#))
        .collect();
    let allocations: Vec<String> = (0..lines)
        .map(|i| {
            format!(r#"{{"credit": "c{i}", "account": "us", "amount": "999999999999999.99"}}"#)
        })
        .collect();
    format!(
        r#"{{"today": "2026-11-24", "actor_role": "admin",
        "business_center": {{"entity": "Acme", "currency": "USD", "ad_credits": [{}]}},
        "accounts": [{{"id": "us", "entity": "Acme", "currency": "USD", "status": "active",
          "ad_credit_balance": "{balance}"}}],
        "allocations": [{}]}}"#,
        credits.join(","),
        allocations.join(",")
    )
}

/// Sums are exact or an error naming the path: never a silently rounded amount.
#[test]
fn sums_are_exact_or_an_overflow_error_at_their_path() {
    // 10 lines: 28 significant digits, exact.
    let r =
        check(&parse_scenario(&huge_sums("999999999999999.999999999999", 10)).unwrap()).unwrap();
    assert_eq!(
        r.after.accounts[0].ad_credit_balance.to_string(),
        "10999999999999999.899999999999"
    );
    // 80 lines: the exact balance needs 29 digits; rust_decimal alone gave "80999999999999999.20".
    let e = check(&parse_scenario(&huge_sums("999999999999999.999999999999", 80)).unwrap())
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "accounts[0].ad_credit_balance: a sum of amounts is too large to compute exactly"
    );
    assert_eq!(e.path(), "accounts[0].ad_credit_balance");
    assert!(!e.is_input());
    // The same lines onto a balance with cents only: exact.
    let r = check(&parse_scenario(&huge_sums("999999999999999.99", 80)).unwrap()).unwrap();
    assert_eq!(
        r.after.accounts[0].ad_credit_balance.to_string(),
        "80999999999999999.19"
    );
}

/// A UTF-8 byte order mark at the start of a file or stdin is skipped, not "expected value".
#[test]
fn a_byte_order_mark_is_skipped() {
    let text = format!("\u{feff}{}", huge_sums("0.00", 1));
    let s = parse_scenario(&text).unwrap();
    assert_eq!(s.accounts[0].id, "us");
    // Only at the start: inside the JSON it is not white space.
    let e = parse_scenario(&text.replacen("{", "{\u{feff}", 1)).unwrap_err();
    assert!(e.to_string().starts_with("not valid JSON"), "{e}");
}

/// The JSON path travels as a field of the error, not only inside its message.
#[test]
fn input_errors_carry_their_path_as_data() {
    for (input, path, message) in [
        (
            r#"{"fund": "cash", "from": "bc", "to": "us", "amount": "1,5"}"#,
            "amount",
            "\"1,5\" is not a decimal amount",
        ),
        (
            r#"{"fund": "cash", "from": "bc", "to": "us", "amount": NaN}"#,
            "amount",
            "NaN is not a number JSON allows (amounts are decimal strings such as \"12.50\")",
        ),
        ("[1]", "", "expected a move question object, found an array"),
    ] {
        let e = parse_move_question(input).unwrap_err();
        assert_eq!((e.path(), e.message().as_str()), (path, message), "{input}");
    }
}
