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
    for line in table.lines() {
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
        "malformed inputs: {}/{rows} rejected with the expected message",
        rows - wrong.len()
    );
    assert!(rows >= 40, "only {rows} malformed cases");
    assert!(update || wrong.is_empty(), "{}", wrong.join("\n"));
}
