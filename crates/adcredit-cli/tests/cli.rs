//! The `adcredit` binary as a user runs it: exit codes, messages on stderr, text and JSON output,
//! and a snapshot of `ask --json` over the shipped knowledge base.

#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs `adcredit args…` with `stdin`, returns (exit code, stdout, stderr).
fn run(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_adcredit"))
        .args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("adcredit starts");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// An index of the shipped content, built once per test run into target/.
fn index_dir() -> &'static str {
    static DIR: OnceLock<String> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = root().join("target/cli-test-index");
        let d = dir.to_str().unwrap().to_owned();
        let (code, out, err) = run(&["index", "--out", &d], "");
        assert_eq!(code, 0, "index failed: {out}{err}");
        d
    })
}

const PLAN: &str = r#"{
  "today": "2026-11-24", "actor_role": "finance_manager",
  "business_center": { "entity": "Acme Ltd", "currency": "USD",
    "ad_credits": [ { "id": "q4-promo", "amount": "500.00", "expires": "2026-12-31" } ] },
  "accounts": [
    { "id": "us", "name": "US store", "entity": "Acme Ltd", "currency": "USD", "status": "active",
      "in_payment_portfolio": true, "planned_spend": "150.00" },
    { "id": "eu", "name": "EU store", "entity": "Acme Ltd", "currency": "EUR", "status": "active" }
  ],
  "allocations": [
    { "credit": "q4-promo", "account": "us", "amount": "200.00" },
    { "credit": "q4-promo", "account": "eu", "amount": "100.00" }
  ]
}"#;

/// One case: arguments, stdin, expected exit code, text expected in stdout and in stderr.
fn check(args: &[&str], stdin: &str, code: i32, stdout_has: &[&str], stderr_has: &[&str]) {
    let (got, out, err) = run(args, stdin);
    assert_eq!(got, code, "{args:?}\nstdout: {out}\nstderr: {err}");
    for s in stdout_has {
        assert!(out.contains(s), "{args:?}: stdout lacks {s:?}:\n{out}");
    }
    for s in stderr_has {
        assert!(err.contains(s), "{args:?}: stderr lacks {s:?}:\n{err}");
    }
}

#[test]
fn check_command() {
    // A plan with an error: exit 1, findings and steps shown.
    check(
        &["check", "-"],
        PLAN,
        1,
        &[
            "cannot be carried out",
            "currency-mismatch",
            "exceeds-planned-spend",
            "1. 200.00 USD → US store",
        ],
        &[],
    );
    let (code, out, _) = run(&["check", "--json", "-"], PLAN);
    assert_eq!(code, 1);
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["valid"], false);
    assert_eq!(
        report["after"]["business_center"]["ad_credits"][0]["remaining"],
        "300.00"
    );
    assert_eq!(report["after"]["accounts"][0]["locked_surplus"], "50.00");
    assert_eq!(
        report["after"]["accounts"][1]["locked_surplus"],
        serde_json::Value::Null
    );
    // A valid plan: exit 0.
    let valid = PLAN.replace(r#""currency": "EUR""#, r#""currency": "USD""#);
    check(&["check", "-"], &valid, 0, &["can be carried out"], &[]);
    // Bad input: exit 2, the JSON path on stderr, nothing on stdout.
    let bad = PLAN.replace(
        r#""planned_spend": "150.00""#,
        r#""planned_spend": "12,50""#,
    );
    check(
        &["check", "-"],
        &bad,
        2,
        &[],
        &["stdin: accounts[0].planned_spend: \"12,50\" is not a decimal amount"],
    );
    check(
        &["check", "no-such-file.json"],
        "",
        2,
        &[],
        &["cannot read no-such-file.json"],
    );
    check(&["check", "-"], "{", 2, &[], &["not valid JSON"]);
}

#[test]
fn plan_command() {
    // Text: the lines, why each account gets its share, then the summary `check` prints.
    let (code, out, err) = run(
        &["plan", "tests/scenarios/multi-credit-multi-account.json"],
        "",
    );
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!("plan_text", out);
    // JSON: CONTRACT §8, the scenario's own lines ignored.
    let (code, out, _) = run(&["plan", "--json", "-"], PLAN);
    assert_eq!(code, 0);
    let p: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        p["allocations"],
        serde_json::json!([{ "credit": "q4-promo", "account": "us", "amount": "150.00" }])
    );
    assert_eq!(p["left"][0]["amount"], "350.00");
    assert_eq!(p["skipped"][0]["account"], "eu");
    assert_eq!(p["skipped"][0]["rule"], "currency-mismatch");
    assert_eq!(p["report"]["valid"], true);
    assert_eq!(p["report"]["steps"][0]["amount"], "150.00");
    // A role that may not allocate: the plan is still suggested, the report says who must act.
    check(
        &["plan", "-"],
        &PLAN.replace("finance_manager", "analyst"),
        1,
        &[
            "1. 150.00 USD of q4-promo → US store (us)",
            "role-not-permitted",
        ],
        &[],
    );
    // Bad input: exit 2 with the JSON path.
    check(
        &["plan", "-"],
        &PLAN.replace(r#""expires": "2026-12-31""#, r#""expires": "2026-12-32""#),
        2,
        &[],
        &["stdin: business_center.ad_credits[0].expires"],
    );
}

#[test]
fn can_move_command() {
    check(
        &[
            "can-move",
            "--fund",
            "ad_credit",
            "--from",
            "us",
            "--to",
            "eu",
        ],
        "",
        0,
        &[
            "✗ Not allowed",
            "[ad-credit-locked]",
            "why: faq/move-after-allocation",
        ],
        &[],
    );
    let (code, out, _) = run(
        &[
            "can-move", "--json", "--fund", "cash", "--from", "us", "--to", "bc",
        ],
        "",
    );
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["allowed"], true);
    assert_eq!(v["rule"], "cash-refund-to-bc");
    // With a scenario from stdin: the EUR account cannot take USD credit.
    check(
        &[
            "can-move",
            "--fund",
            "ad_credit",
            "--from",
            "bc",
            "--to",
            "eu",
            "--amount",
            "50",
            "--scenario",
            "-",
        ],
        PLAN,
        0,
        &["[currency-mismatch]"],
        &[],
    );
    check(
        &["can-move", "--fund", "gold", "--from", "bc", "--to", "us"],
        "",
        2,
        &[],
        &["invalid value 'gold'"],
    );
    check(
        &[
            "can-move", "--fund", "cash", "--from", "bc", "--to", "us", "--amount", "1e3",
        ],
        "",
        2,
        &[],
        &["--amount: \"1e3\" is not a decimal amount"],
    );
    check(
        &["can-move", "--fund", "cash", "--from", "us", "--to", "us"],
        "",
        2,
        &[],
        &["to: is the same as from"],
    );
}

#[test]
fn ask_command() {
    let index = index_dir();
    let (code, out, err) = run(
        &[
            "ask",
            "--json",
            "--limit",
            "3",
            "--index",
            index,
            "my account got banned, do I lose the credit?",
        ],
        "",
    );
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!("ask_banned", out);
    // With a scenario, a move question names its accounts and gets a verdict.
    let (code, out, _) = run(
        &[
            "ask",
            "--json",
            "--limit",
            "1",
            "--index",
            index,
            "--scenario",
            "-",
            "can I move the credit from the US store to EU?",
        ],
        PLAN,
    );
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["verdict"]["rule"], "ad-credit-locked");
    assert_eq!(v["verdict"]["from"], "us");
    assert_eq!(v["verdict"]["to"], "eu");
    // Text output: the verdict first, then the answers.
    check(
        &[
            "ask",
            "--index",
            index,
            "--scenario",
            "-",
            "can I give EU store 10 of credit?",
        ],
        PLAN,
        0,
        &["✗ Not allowed", "[currency-mismatch]", "1. "],
        &[],
    );
    // Amounts as people write them: the verdict shows the amount it understood.
    check(
        &[
            "ask",
            "--index",
            index,
            "--scenario",
            "-",
            "can I allocate 1,200 of ad credit from bc to us?",
        ],
        PLAN,
        0,
        &[
            "✗ Not allowed — ad credit 1200.00 from bc to us",
            "[insufficient-credit]",
        ],
        &[],
    );
    // Without a scenario, a move question gets the verdict from the rules alone.
    check(
        &[
            "ask",
            "--index",
            index,
            "can I move ad credit from the German account to the French one?",
        ],
        "",
        0,
        &[
            "✗ Not allowed — ad credit from de to fr",
            "[ad-credit-locked]",
        ],
        &[],
    );
    // A question back reads as one sentence, then the answers; no repeated prefixes.
    let (_, out, _) = run(
        &[
            "ask",
            "--index",
            index,
            "--scenario",
            "-",
            "can I move the cash from the US store?",
        ],
        PLAN,
    );
    assert!(
        out.starts_with(
            "? Where should the cash go: to which account (us, eu), or to the Business Center?\n"
        ),
        "{out}"
    );
    assert_eq!(out.matches("To answer").count(), 0, "{out}");
    // No index yet: it indexes ./content in memory and says so.
    check(
        &["ask", "--index", "/nonexistent", "pool"],
        "",
        0,
        &["faq/share-across-accounts"],
        &["indexing ./content in memory"],
    );
}

/// `adcredit … | head -1`: the reader goes away before the output is written. That is no
/// error and certainly no panic.
#[test]
fn a_closed_pipe_is_not_a_panic() {
    let scenario = root().join("tests/scenarios");
    let first = std::fs::read_dir(&scenario)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "json"))
        .unwrap();
    let first = first.display().to_string();
    for args in [
        vec!["ask", "--json", "--index", index_dir(), "move credit"],
        vec!["check", "--json", first.as_str()],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_adcredit"))
            .args(&args)
            .current_dir(root())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take()); // the reader is gone before anything is written
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_ne!(out.status.code(), Some(101), "{args:?}: {stderr}");
    }
}

/// Someone else's site: `index --html` lists what it did not index, `--bundle sharded` writes
/// shards behind the same entry file, and `ask --index` answers from them.
#[test]
fn index_html_site_sharded_then_ask() {
    let out_dir = root().join("target/cli-test-site-index");
    let out = out_dir.to_str().unwrap();
    let site = "crates/adcredit-indexer/tests/fixtures/site-html";
    let (code, stdout, err) = run(
        &["index", "--html", site, "--out", out, "--bundle", "sharded"],
        "",
    );
    assert_eq!(code, 0, "{stdout}{err}");
    assert!(stdout.contains("read 3 pages"), "{stdout}");
    assert!(stdout.contains("ignored 2 (not indexed):"), "{stdout}");
    assert!(
        stdout.contains("site-html/css/site.css (not HTML)"),
        "{stdout}"
    );
    assert!(stdout.contains("sharded: meta"), "{stdout}");
    let (code, stdout, err) = run(&["ask", "--json", "--index", out, "refund card"], "");
    assert_eq!(code, 0, "{err}");
    let answer: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(answer["results"][0]["id"], "shipping/returns#refunds");
}

/// A Markdown tree that cannot be read stops `index` with every problem as `file:line:`.
#[test]
fn index_reports_unreadable_markdown_with_file_and_line() {
    let (code, _, err) = run(
        &[
            "index",
            "--content",
            "crates/adcredit-indexer/tests/fixtures/site-invalid",
            "--out",
            "target/cli-test-invalid-index",
        ],
        "",
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("site-invalid/bad-yaml.md:3: invalid YAML front matter"),
        "{err}"
    );
    assert!(
        err.contains("site-invalid/latin1.md:1: not UTF-8 text"),
        "{err}"
    );
}

/// Control characters a terminal acts on: ESC (CSI, OSC), BEL, CR/LF, DEL, a C1 control, and
/// the bidirectional overrides and isolates.
const TERMINAL_CONTROLS: [char; 9] = [
    '\u{1b}', '\u{7}', '\r', '\n', '\u{7f}', '\u{9b}', '\u{202e}', '\u{2066}', '\u{2069}',
];

/// Whether any line of `text` carries a raw control character (its own line ends aside).
fn has_raw_controls(text: &str) -> bool {
    text.lines()
        .any(|l| l.chars().any(|c| TERMINAL_CONTROLS.contains(&c)))
}

/// Ids and names are user text: printed with their control characters escaped, so a name
/// cannot set the window title, clear the screen, forge a line or reorder the output.
#[test]
fn user_text_is_printed_with_controls_escaped() {
    // An account id that sets the title and clears the screen (the issue's example).
    let (code, out, err) = run(
        &[
            "can-move",
            "--fund",
            "cash",
            "--from",
            "bc",
            "--to",
            "u\u{1b}]0;PWNED\u{7}\u{1b}[2J",
        ],
        "",
    );
    assert_eq!(code, 0, "{err}");
    assert!(!has_raw_controls(&out), "{out:?}");
    assert!(out.contains(r"u\u{1b}]0;PWNED\u{7}\u{1b}[2J"), "{out}");
    // A name with CR LF forging a line, a bidi override, a C1 CSI, in every part of `check`.
    let forged = PLAN
        .replace(
            "US store",
            r"US\r\nFAKE: all good \u202Eerots\u2069 \u009b2J",
        )
        .replace("q4-promo", r"q4\u0007promo")
        .replace("Acme Ltd", r"Acme\u001b[31m Ltd");
    let (code, out, err) = run(&["check", "-"], &forged);
    assert_eq!(code, 1, "{err}");
    assert!(!has_raw_controls(&out), "{out:?}");
    assert!(!out.lines().any(|l| l.starts_with("FAKE")), "{out}");
    for shown in [
        r"US\r\nFAKE: all good \u{202e}erots\u{2069} \u{9b}2J",
        r"q4\u{7}promo",
        r"Acme\u{1b}[31m Ltd",
    ] {
        assert!(out.contains(shown), "{shown} not in {out}");
    }
    // Error messages quote input too (here an unknown key): escaped on stderr as well.
    let (code, _, err) = run(&["check", "-"], "{\"\\u001b]0;PWNED\\u0007\": 1}");
    assert_eq!(code, 2);
    assert!(!has_raw_controls(&err), "{err:?}");
    assert!(err.contains(r"\u{1b}]0;PWNED\u{7}"), "{err}");
    // A question echoed in a verdict or in `needs`, and search output.
    let (code, out, err) = run(
        &[
            "ask",
            "--index",
            index_dir(),
            "move \u{1b}[2J credit\r\nFAKE",
        ],
        "",
    );
    assert_eq!(code, 0, "{err}");
    assert!(!has_raw_controls(&out), "{out:?}");
}

/// One limit, one check, one message: `ask --limit` takes an integer from 1 to 50.
#[test]
fn ask_limit_is_an_integer_from_1_to_50() {
    let index = index_dir();
    for bad in ["0", "-1", "51", "1.5", "1e9", "NaN", "five", ""] {
        check(
            &["ask", "--index", index, "--limit", bad, "move credit"],
            "",
            2,
            &[],
            &["adcredit: limit: must be an integer from 1 to 50"],
        );
    }
    for good in ["1", "50"] {
        let (code, out, err) = run(
            &["ask", "--json", "--index", index, "--limit", good, "credit"],
            "",
        );
        assert_eq!(code, 0, "{err}");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        let n = v["results"].as_array().unwrap().len();
        assert!(n >= 1 && n <= good.parse().unwrap(), "{good}: {n} results");
    }
}

/// `--amount ""` is not given, as `"amount": ""` is in JSON (the browser's parity).
#[test]
fn a_blank_amount_is_not_given() {
    check(
        &[
            "can-move",
            "--fund",
            "cash",
            "--from",
            "ｂｃ",
            "--to",
            " us",
            "--amount=",
        ],
        "",
        0,
        &["✓ Allowed — cash from bc to us  [balance-allocation]"],
        &[],
    );
}

/// The reply to every question of the move evaluation set (`tests/assistant/moves.tsv`), as
/// `ask` prints it, reads as one answer (issue 9, item 3): the verdict or the question back,
/// then the direct answer, with no sentence said twice, no clause that starts as another one
/// ("To answer for your own accounts: To answer for your setup I need…") and no "Yes" after
/// "Allowed". Only the duplicated words are printed (and the question for the tune half), so
/// the check cannot be used to look at the validation half.
#[test]
fn move_replies_read_as_one_answer() {
    let index = index_dir();
    let set = std::fs::read_to_string(root().join("tests/assistant/moves.tsv")).unwrap();
    let mut wrong = Vec::new();
    let mut n = 0;
    for line in set.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        let [stem, question, ..] = cols[..] else {
            continue;
        };
        if line.starts_with('#') || stem == "scenario" {
            continue;
        }
        let path = root().join(format!("tests/assistant/scenarios/{stem}.json"));
        let path = path.to_str().unwrap();
        let mut args = vec!["ask", "--index", index, "--limit", "3"];
        if stem != "-" {
            args.extend(["--scenario", path]);
        }
        args.push(question);
        let (code, out, err) = run(&args, "");
        assert_eq!(code, 0, "{err}");
        n += 1;
        if let Some(problem) = repeats(&out) {
            let tune = question.bytes().fold(2_166_136_261u32, |h, b| {
                (h ^ u32::from(b)).wrapping_mul(16_777_619)
            }) % 2
                == 0;
            wrong.push(if tune {
                format!("{problem}\n    in the reply to: {question}")
            } else {
                format!("{problem}\n    (a validation question)")
            });
        }
    }
    assert!(n > 100, "only {n} questions read");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// What `reply` (the move part and the direct answer: everything before the second result)
/// says twice, if anything.
fn repeats(reply: &str) -> Option<String> {
    let part = reply.split("\n2. ").next().unwrap_or(reply);
    let lines: Vec<&str> = part.lines().collect();
    for w in lines.windows(2) {
        if w[0].starts_with("✓ Allowed") && w[1].trim_start().starts_with("Yes") {
            return Some(format!("“Allowed” then “Yes”: {}", w[1].trim()));
        }
    }
    // Clauses: split at line ends and after ". ", "? ", "! ", ": ", without the marks of
    // highlighted words and the ellipses of snippets.
    let clean: String = part.chars().filter(|c| !matches!(c, '*' | '…')).collect();
    // (clause, whether it belongs to the move part, which ends at the first blank line)
    let mut clauses: Vec<(String, bool)> = Vec::new();
    let mut own = !clean.starts_with("1. ");
    for line in clean.lines() {
        own &= !line.trim().is_empty();
        // The choices are a list of the same question for each place.
        if line.trim_start().starts_with("- ") {
            continue;
        }
        let mut rest = line.trim();
        while !rest.is_empty() {
            let cut = [". ", "? ", "! ", ": "]
                .iter()
                .filter_map(|m| rest.find(m).map(|i| i + m.len()))
                .min()
                .unwrap_or(rest.len());
            let clause = rest[..cut].trim().trim_end_matches(['.', '?', '!', ':']);
            clauses.push((clause.to_lowercase(), own));
            rest = &rest[cut..];
        }
    }
    let words = |c: &str| c.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
    for (i, (a, a_own)) in clauses.iter().enumerate() {
        for (b, b_own) in &clauses[i + 1..] {
            if a.split_whitespace().count() >= 4 && a == b {
                return Some(format!("said twice: “{a}”"));
            }
            // The knowledge base's own sentences may start alike ("It can't …"); ours may not.
            if *a_own
                && *b_own
                && a.split_whitespace().count() >= 3
                && b.split_whitespace().count() >= 3
                && words(a) == words(b)
            {
                return Some(format!("two clauses start alike: “{a}” / “{b}”"));
            }
        }
    }
    None
}
