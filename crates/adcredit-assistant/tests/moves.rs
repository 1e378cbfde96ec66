//! Move questions in plain words: a table of cases (`check(question, expect)`), a property
//! over written amounts, and the evaluation set `tests/assistant/moves.tsv` split into a tune
//! half and a validation half by a fixed rule.
#![allow(clippy::unwrap_used)] // tests fail loudly

use std::path::{Path, PathBuf};

use adcredit_assistant::{answer_move, mentions_move, AsksFor, Known, MoveAnswer};
use adcredit_core::Scenario;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn scenario_file(path: &Path) -> Scenario {
    adcredit_core::parse_scenario(&std::fs::read_to_string(path).unwrap())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The answer in the evaluation's terms: `allowed:<rule>`, `denied:<rule>`, `needs:from|to|
/// fund|amount`, `needs:choose:<id>|<id>…` (sorted) or `none`, and the amount echoed.
fn outcome(a: &MoveAnswer) -> (String, Option<String>) {
    if let Some(v) = &a.verdict {
        let kind = if v.allowed { "allowed" } else { "denied" };
        return (
            format!("{kind}:{}", v.rule),
            v.amount.map(|m| m.to_string()),
        );
    }
    match a.asks_for {
        Some(AsksFor::Place) => {
            let mut ids: Vec<&str> = a.choices.iter().map(|c| c.id.as_str()).collect();
            ids.sort_unstable();
            (format!("needs:choose:{}", ids.join("|")), None)
        }
        Some(k) => (
            format!(
                "needs:{}",
                serde_json::to_value(k).unwrap().as_str().unwrap()
            ),
            None,
        ),
        None => ("none".to_owned(), None),
    }
}

/// `question` against the unit scenario (or none with a leading `-: `) → `expect`, written as
/// the outcome followed by the amount when one is echoed (`denied:insufficient-credit 1200.00`).
fn check(question: &str, expect: &str) {
    let s = scenario_file(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/unit-scenario.json"));
    let (q, s) = match question.strip_prefix("-: ") {
        Some(q) => (q, None),
        None => (question, Some(&s)),
    };
    let a = answer_move(q, s).unwrap_or_else(|e| panic!("{q}: {e}"));
    gate_lets_through(q, s, &a);
    let (got, amount) = outcome(&a);
    let got = match amount {
        Some(m) => format!("{got} {m}"),
        None => got,
    };
    assert_eq!(got, expect, "{question}\n{a:#?}");
}

#[test]
fn plain_words() {
    let cases: &[(&str, &str)] = &[
        // Ids, names, parts of names, name variants.
        (
            "can I move credit from de to at?",
            "denied:ad-credit-locked",
        ),
        (
            "Can I move ad credit from us to de",
            "denied:portfolio-excludes-ad-credit",
        ),
        (
            "can I allocate credit from the BC to the US store?",
            "allowed:manual-allocation",
        ),
        (
            "give the Paris store 50 of promo credit",
            "allowed:manual-allocation 50.00",
        ),
        (
            "allocate coupon to the Fabrikam client",
            "denied:currency-mismatch",
        ),
        (
            "can I top up the Sydney shop with the launch voucher?",
            "allowed:manual-allocation",
        ),
        // Country words.
        (
            "can I give the French one some credit?",
            "allowed:manual-allocation",
        ),
        (
            "move credit from the Aussie shop to the French account",
            "denied:ad-credit-locked",
        ),
        (
            "can I send the holiday grant to our American store?",
            "denied:credit-expired",
        ),
        (
            "can the Austrian account get some of the launch voucher?",
            "denied:account-not-approved",
        ),
        // An id written without its separators.
        ("allocate launchvoucher to the Paris shop", "allowed:manual-allocation"),
        ("move cash from de2025 to the US store", "denied:not-in-portfolio"),
        // A name with one typo, when nothing names the word exactly.
        ("can germny get some of the launch voucher?", "needs:choose:de|de-2025"),
        ("move cash from the US sotre to the Paris shop", "denied:not-in-portfolio"),
        ("can Austira get some of the launch voucher?", "denied:account-not-approved"),
        ("-: can I move credit from Germny to Frnace?", "denied:ad-credit-locked"),
        // Without a scenario, a status the words give an account is judged by the rules.
        ("-: can I give ad credit to a suspended account?", "denied:account-suspended"),
        ("-: can I give ad credit to an account in review?", "denied:account-not-approved"),
        ("-: can an account under review receive credit?", "denied:account-not-approved"),
        ("-: can a suspended account receive ad credit?", "denied:account-suspended"),
        (
            "-: can I move cash from a suspended account to another account?",
            "denied:account-suspended",
        ),
        ("-: can I move cash from an account to a closed one?", "denied:account-suspended"),
        ("-: can I give credit to an account?", "allowed:manual-allocation"),
        // Everyday words and short names are never typos ("grant", "shops").
        ("can the shops get some of the launch voucher?", "needs:to"),
        // Two places fit: never guess.
        (
            "allocate credit to our Dutch account",
            "needs:choose:nl|nl-web",
        ),
        (
            "allocate credit to the German shop",
            "needs:choose:de|de-2025",
        ),
        (
            "allocate credit to the DE 2025 store",
            "allowed:manual-allocation",
        ),
        // Unless one of them is the other end: money moves between two different places.
        (
            "move cash from Germany to the other German shop",
            "denied:not-in-portfolio",
        ),
        (
            "can the German shop send cash to the US store?",
            "needs:choose:de|de-2025",
        ),
        // Credit named as the source.
        (
            "can the launch voucher go to the Paris shop?",
            "allowed:manual-allocation",
        ),
        // Business centre spellings, direction words.
        (
            "can I get the credit back from Germany to the business centre",
            "denied:ad-credit-no-return",
        ),
        (
            "can I take the credit back from de",
            "denied:ad-credit-no-return",
        ),
        (
            "share the credit line between the US store and Germany",
            "allowed:portfolio-share",
        ),
        (
            "transfer $50 cash from the US store into Germany",
            "allowed:portfolio-share 50.00",
        ),
        // No destination: the verdict that holds everywhere, or the question back.
        (
            "can the paused account's credit be used anywhere else?",
            "denied:ad-credit-locked",
        ),
        ("can I move the cash from the US store?", "needs:to"),
        ("move credit from the BC", "needs:to"),
        // The fund, when the words do not say.
        // Each kind of money is refused by its own rule: no one answer.
        ("move money from de to at", "needs:fund"),
        (
            "can I move money from the US store to Germany?",
            "needs:fund",
        ),
        ("move money from the BC to us", "needs:fund"),
        // A role stated in the question.
        (
            "I'm only an analyst, can I hand out the launch voucher to the Paris shop?",
            "denied:role-not-permitted",
        ),
        (
            "as an operator can I allocate credit to us?",
            "denied:role-not-permitted",
        ),
        (
            "I'm the finance manager, can I allocate credit to us?",
            "allowed:manual-allocation",
        ),
        (
            "I'm only an analyst, can I hand out the promo credit?",
            "denied:role-not-permitted",
        ),
        // Amounts (issue 13 item 2).
        (
            "can I allocate 1,200 of ad credit from bc to us?",
            "denied:insufficient-credit 1200.00",
        ),
        (
            "can I allocate 5,000.00 of ad credit from bc to us?",
            "denied:insufficient-credit 5000.00",
        ),
        (
            "can I allocate €1,200.50 of credit from bc to us?",
            "denied:insufficient-credit 1200.50",
        ),
        (
            "allocate 1.200,50 of credit from bc to us",
            "denied:insufficient-credit 1200.50",
        ),
        (
            "allocate USD 300 of credit from bc to us",
            "allowed:manual-allocation 300.00",
        ),
        (
            "allocate 300 usd of credit from bc to us",
            "allowed:manual-allocation 300.00",
        ),
        (
            "allocate 200 euros of credit from bc to us",
            "allowed:manual-allocation 200.00",
        ),
        (
            "allocate 1.5k of credit from bc to us",
            "denied:insufficient-credit 1500.00",
        ),
        (
            "can I allocate -50 of credit from bc to us?",
            "denied:invalid-amount -50.00",
        ),
        // Scale words and amounts in words.
        (
            "allocate 2 million of credit from bc to us",
            "denied:insufficient-credit 2000000.00",
        ),
        (
            "allocate $1.5m of credit from bc to us",
            "denied:insufficient-credit 1500000.00",
        ),
        (
            "allocate 2 grand of credit from bc to us",
            "denied:insufficient-credit 2000.00",
        ),
        (
            "allocate five hundred dollars of credit from bc to us",
            "allowed:manual-allocation 500.00",
        ),
        (
            "allocate two hundred and fifty of credit from bc to us",
            "allowed:manual-allocation 250.00",
        ),
        (
            "can I give the Paris shop one thousand two hundred of the launch voucher?",
            "denied:insufficient-credit 1200.00",
        ),
        (
            "can I give the Paris shop a thousand of the launch voucher?",
            "allowed:manual-allocation 1000.00",
        ),
        (
            "allocate ten euros of credit from bc to us",
            "allowed:manual-allocation 10.00",
        ),
        // "one" as a pronoun and counts are not amounts.
        (
            "move credit from the Sydney one to the US store",
            "denied:ad-credit-locked",
        ),
        (
            "can I allocate credit from bc to the DE 2025 store?",
            "allowed:manual-allocation",
        ),
        (
            "can I allocate 1e3 of credit from bc to us?",
            "needs:amount",
        ),
        (
            "can I allocate 12345678901234567890 of credit from bc to us?",
            "needs:amount",
        ),
        (
            "can I allocate 10.005 of credit from bc to us?",
            "denied:invalid-amount 10.005",
        ),
        // One dot and three digits: with the symbol after, the continental thousands dot;
        // alone, one and a half or fifteen hundred, asked back.
        (
            "us needs 2.000 € of credit from bc, doable?",
            "denied:insufficient-credit 2000.00",
        ),
        (
            "can I allocate 1.500 of credit from bc to us?",
            "needs:amount",
        ),
        (
            "can I allocate €1.500 of credit from bc to us?",
            "needs:amount",
        ),
        (
            "can I allocate all of it from the launch voucher to us?",
            "allowed:manual-allocation 1000.00",
        ),
        (
            "can I give all the credit to the Paris shop?",
            "allowed:manual-allocation 1000.00",
        ),
        ("can I give everything to the Paris shop?", "needs:fund"),
        (
            "can I allocate 0.005 of credit from bc to us",
            "denied:invalid-amount 0.005",
        ),
        (
            "allocate credit to us within 3 hours",
            "allowed:manual-allocation",
        ),
        (
            "bring 30 euros back from Germany to the BC",
            "denied:insufficient-balance 30.00",
        ),
        // A story before the question: its amounts are balances, the asking sentence's is
        // the move's; "promo credit" as a kind of money names no credit of the Business
        // Center.
        (
            "Hi! Our US store has 400 in cash and Germany has nothing. Could Germany borrow 100 from the US store for a week?",
            "allowed:portfolio-share 100.00",
        ),
        (
            "Germany got paused last week and it still has 120 of promo credit on it. Is there any way to get that into the Paris shop?",
            "denied:ad-credit-locked 120.00",
        ),
        // A short everyday word after "account" is no country code ("be" is not Belgium),
        // and an account said by its state is an account.
        (
            "-: can ad credit from a closed account be moved to a new account?",
            "denied:ad-credit-locked",
        ),
        // A credit named in a return is the money going back, not where it comes from.
        (
            "Germany got too much of the launch voucher. Can I pull 200 back?",
            "denied:ad-credit-no-return 200.00",
        ),
        (
            "the Paris shop got the launch voucher by mistake, can we get it back?",
            "denied:ad-credit-no-return",
        ),
        // What a place holds is where the money is; what it lacks is not.
        (
            "Germany has 200 of promo credit left, can the Paris shop use it?",
            "denied:ad-credit-locked 200.00",
        ),
        (
            "the US store still has some credit, could Germany use it?",
            "denied:portfolio-excludes-ad-credit",
        ),
        (
            "Germany has no credit left, can it get some of the launch voucher?",
            "allowed:manual-allocation",
        ),
        (
            "could our Paris shop be given 50 of the launch voucher?",
            "allowed:manual-allocation 50.00",
        ),
        (
            "who should get the launch voucher, can I give it out now?",
            "needs:to",
        ),
        (
            // The credit named is expired: refused wherever it would go.
            "who should get the holiday grant, can I give it out now?",
            "denied:credit-expired",
        ),
        (
            "put 100 of the credit line into the US store",
            "denied:insufficient-balance 100.00",
        ),
        ("can I put cash into Germany?", "needs:from"),
        // Not moves.
        ("what is a credit line?", "none"),
        ("Can I share TikTok ad credit across accounts?", "none"),
        ("how do I move credit to somewhere", "none"),
        // Without a scenario: the rules alone.
        (
            "-: can I move ad credit from the German account to the French one?",
            "denied:ad-credit-locked",
        ),
        (
            "-: can I allocate 200 of credit from the business center to the UK account?",
            "allowed:manual-allocation 200.00",
        ),
        (
            "-: can I get ad credit back from acc-7 to the BC?",
            "denied:ad-credit-no-return",
        ),
        (
            "-: can cash go from the BC to de?",
            "allowed:balance-allocation",
        ),
        (
            "-: I'm only an analyst, can I allocate credit from the BC to de?",
            "denied:role-not-permitted",
        ),
        ("-: what is a credit line?", "none"),
        // A credit of the Business Center used "in" an account goes there; a credit in an
        // account with a target after it stays the source.
        (
            "can I use the launch voucher in Germany?",
            "allowed:manual-allocation",
        ),
        (
            "can I spend the launch voucher on the US store?",
            "allowed:manual-allocation",
        ),
        (
            "can I use the launch voucher in Germany for the Austrian account?",
            "denied:ad-credit-locked",
        ),
        (
            "can I use the credit in Germany for Austria?",
            "denied:ad-credit-locked",
        ),
        // "new", "old" name what has them in its name ("Austria (new)", `old-coupon`), and
        // only the kind of thing they are said of.
        (
            "can the new account get 200 of the launch voucher?",
            "denied:account-not-approved 200.00",
        ),
        (
            "move 100 of the launch voucher to the new one",
            "denied:account-not-approved 100.00",
        ),
        ("can the old coupon go to Germany?", "denied:credit-expired"),
        (
            "I want to open a new account and give it the launch voucher",
            "needs:to",
        ),
        // A credit by its state: both expired credits fit, so the reader asks which.
        (
            "can the expired credit go to Germany?",
            "needs:choose:holiday-grant|old-coupon",
        ),
        // A share of the money: of what the named credit has, rounded down to cents.
        (
            "can I give half of the launch voucher to Germany?",
            "allowed:manual-allocation 500.00",
        ),
        (
            "give 25% of the launch voucher to Germany",
            "allowed:manual-allocation 250.00",
        ),
        (
            "move two thirds of the launch voucher to Germany",
            "allowed:manual-allocation 666.66",
        ),
        (
            "can Germany get half the launch voucher in the second half of December?",
            "allowed:manual-allocation 500.00",
        ),
        (
            "-: can I give half of the voucher to Germany?",
            "allowed:manual-allocation",
        ),
        // A share in the asking sentence of what the story says a place has.
        (
            "Germany has 120 of credit. Could half of it go to the US store?",
            "denied:portfolio-excludes-ad-credit 60.00",
        ),
        // "the BC admin" is a role, not the Business Center as a place.
        (
            "I'm the BC admin, can I put $300 of the launch voucher on Germany?",
            "allowed:manual-allocation 300.00",
        ),
        // A credit line with no account as its source is the Business Center's.
        (
            "2 grand of the credit line for the US store",
            "denied:insufficient-balance 2000.00",
        ),
        // A misspelt long verb; "would like" as "wants".
        (
            "Can I alocate the launch voucher to the Paris shop?",
            "allowed:manual-allocation",
        ),
        (
            "Germany would like the US store's cash: $100, ok?",
            "allowed:portfolio-share 100.00",
        ),
        // A modal in a clause of time tells the past: no move.
        (
            "Why did the holiday grant expire before we could use it?",
            "none",
        ),
        // Without a scenario: accounts of different companies (cash and credit lines stay in
        // one entity); "one of my ad accounts" is an account; "every account in it" names no
        // India.
        (
            "-: Is it possible to share cash between ad accounts that belong to two different companies?",
            "denied:different-entity",
        ),
        (
            "-: Can I move ad credit from one of my ad accounts to another one?",
            "denied:ad-credit-locked",
        ),
        (
            "-: Can our ad credit go into the Payment Portfolio so every account in it can draw on it?",
            "none",
        ),
    ];
    let mut wrong = Vec::new();
    for (q, expect) in cases {
        if let Err(e) = std::panic::catch_unwind(|| check(q, expect)) {
            wrong.push(
                e.downcast_ref::<String>()
                    .cloned()
                    .unwrap_or_default()
                    .lines()
                    .take(3)
                    .collect::<Vec<_>>()
                    .join(" | "),
            );
        }
    }
    println!(
        "unit table: {}/{} cases",
        cases.len() - wrong.len(),
        cases.len()
    );
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// An amount written in another currency than the money is held in is judged as written, and
/// the reply says so (no conversion, no silence): `question` against the unit scenario (its
/// Business Center and most accounts in USD, the UK client in GBP) → the note, or none.
#[test]
fn amounts_in_another_currency_are_said() {
    let s = scenario_file(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/unit-scenario.json"));
    let cases: &[(&str, Option<&str>)] = &[
        (
            "allocate 200 euros of credit from bc to us",
            Some("The amount is written in EUR, but this money is held in USD: judged as 200.00 USD, without converting."),
        ),
        (
            "is 1.200,50 € of the launch voucher for Germany ok?",
            Some("The amount is written in EUR, but this money is held in USD: judged as 1200.50 USD, without converting."),
        ),
        (
            "move € 30 of cash from the UK client to the US store",
            Some("The amount is written in EUR, but this money is held in GBP: judged as 30.00 GBP, without converting."),
        ),
        (
            "can the Paris shop get ¥5000 of the launch voucher?",
            Some("The amount is written in yen or yuan, but this money is held in USD: judged as 5000.00 USD, without converting."),
        ),
        ("allocate $200 of credit from bc to us", None),
        ("allocate 200 dollars of credit from bc to us", None),
        ("allocate 300usd of credit from bc to us", None),
        ("give £50 of cash to the UK client", None),
        ("allocate 5k of credit from bc to us", None),
        ("allocate 200 of credit from bc to us", None),
    ];
    for (q, want) in cases {
        let a = answer_move(q, Some(&s)).unwrap_or_else(|e| panic!("{q}: {e}"));
        assert!(a.verdict.is_some(), "{q}: no verdict\n{a:#?}");
        let said: Vec<&String> = a
            .notes
            .iter()
            .filter(|n| n.starts_with("The amount is written"))
            .collect();
        assert_eq!(said.first().map(|n| n.as_str()), *want, "{q}\n{a:#?}");
    }
}

/// The browser loads the rules only when `mentions_move` says so: it must for every question
/// that gets a move answer, or the browser and the CLI would answer differently.
fn gate_lets_through(q: &str, s: Option<&Scenario>, a: &MoveAnswer) {
    if *a != MoveAnswer::default() {
        let known = s.map(Known::of);
        assert!(
            mentions_move(q, known.as_ref()),
            "the gate stops a move question: {q}"
        );
    }
}

#[test]
fn the_gate_keeps_plain_questions_in_the_search_module() {
    let demo = scenario_file(&root().join("web/src/demo-scenario.json"));
    let known = Known::of(&demo);
    for q in [
        "Can I share TikTok ad credit across accounts?",
        "what is a credit line?",
        "Which role can allocate ad credits?",
        "What happens to credit that is never spent?",
    ] {
        assert!(!mentions_move(q, Some(&known)), "{q}");
    }
}

/// The 32-bit FNV-1a hash of `s`'s UTF-8 bytes: odd is the validation half.
fn fnv1a(s: &str) -> u32 {
    s.bytes().fold(2_166_136_261u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(16_777_619)
    })
}

#[test]
fn evaluation_set() {
    let file = root().join("tests/assistant/moves.tsv");
    let Ok(text) = std::fs::read_to_string(&file) else {
        println!("move evaluation: {} not found, skipped", file.display());
        return;
    };
    let mut scenarios = std::collections::HashMap::new();
    // [tune, validation]: (right, total)
    let mut score = [(0usize, 0usize); 2];
    let mut misses = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let [stem, question, expected, amount] = cols[..] else {
            panic!("{}:{}: want 4 tab-separated columns", file.display(), n + 1);
        };
        if stem == "scenario" {
            continue; // a header
        }
        let scenario = (stem != "-").then(|| {
            scenarios
                .entry(stem.to_owned())
                .or_insert_with(|| {
                    scenario_file(&root().join(format!("tests/assistant/scenarios/{stem}.json")))
                })
                .clone()
        });
        let a = answer_move(question, scenario.as_ref())
            .unwrap_or_else(|e| panic!("{}:{}: {e}", file.display(), n + 1));
        gate_lets_through(question, scenario.as_ref(), &a);
        let (got, got_amount) = outcome(&a);
        // Amounts compare as decimals ("10000.00" = "10000").
        let amount_ok = amount == "-"
            || got_amount
                .as_deref()
                .and_then(|g| g.parse::<adcredit_core::Money>().ok())
                == amount.parse::<adcredit_core::Money>().ok();
        let ok = got == expected && amount_ok;
        let half = usize::from(fnv1a(question) % 2 == 1);
        score[half].1 += 1;
        score[half].0 += usize::from(ok);
        if !ok && half == 0 {
            misses.push(format!(
                "  {stem}\t{question}\texpected {expected} {amount}, got {got} {}",
                got_amount.unwrap_or_default()
            ));
        }
    }
    let pct = |(r, t): (usize, usize)| {
        if t == 0 {
            0.0
        } else {
            100.0 * r as f64 / t as f64
        }
    };
    let (tune, val) = (pct(score[0]), pct(score[1]));
    println!(
        "move verdicts: tune {}/{} ({tune:.1} %), validation {}/{} ({val:.1} %)",
        score[0].0, score[0].1, score[1].0, score[1].1
    );
    println!("tune misses:");
    for m in &misses {
        println!("{m}");
    }
    // The goal (issue 9): validation ≥ 97 % and the halves within 5 points.
    assert!(val >= FLOOR, "validation {val:.1} % < {FLOOR} %");
    assert!(
        (tune - val).abs() <= 5.0,
        "the halves are {:.1} points apart",
        (tune - val).abs()
    );
}

/// The reader's own probes (`tests/probes.tsv`, the format of `moves.tsv`): phrasings of every
/// kind issue 9 lists, written while tuning against the evaluation scenarios (and `world`,
/// `tests/world-scenario.json`: the country words of 45 ad markets). Not part of the judged
/// set; every line must hold.
#[test]
fn probes() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/probes.tsv");
    let text = std::fs::read_to_string(&file).unwrap();
    let mut scenarios = std::collections::HashMap::new();
    let mut wrong = Vec::new();
    let mut total = 0;
    for line in text.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let [stem, question, expected, amount, ..] = cols[..] else {
            panic!(
                "{}: want 4 or 5 tab-separated columns: {line}",
                file.display()
            );
        };
        // An optional fifth column, `from>to`: the verdict's ends.
        let ends = cols.get(4).copied();
        let scenario = (stem != "-").then(|| {
            scenarios
                .entry(stem.to_owned())
                .or_insert_with(|| {
                    scenario_file(&if stem == "world" {
                        // one active account per large ad market, named "<Country> store"
                        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/world-scenario.json")
                    } else {
                        root().join(format!("tests/assistant/scenarios/{stem}.json"))
                    })
                })
                .clone()
        });
        let a = answer_move(question, scenario.as_ref()).unwrap();
        gate_lets_through(question, scenario.as_ref(), &a);
        let (got, got_amount) = outcome(&a);
        let got_amount = got_amount.unwrap_or_else(|| "-".to_owned());
        let amount_ok = amount == "-"
            || got_amount.parse::<adcredit_core::Money>().ok()
                == amount.parse::<adcredit_core::Money>().ok();
        total += 1;
        let ends_ok = ends.is_none_or(|e| {
            a.verdict
                .as_ref()
                .is_some_and(|v| format!("{}>{}", v.from, v.to) == e)
        });
        if got != expected || !amount_ok || !ends_ok {
            wrong.push(format!(
                "  {stem}\t{question}\texpected {expected} {amount}, got {got} {got_amount}"
            ));
        }
    }
    println!("probes: {}/{total}", total - wrong.len());
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// The validation accuracy this reader must keep: issue 9's goal (reached with batch 2:
/// 170/175, 97.1 %, tune 178/178).
const FLOOR: f64 = 97.0;

mod amounts {
    use super::*;
    use proptest::prelude::*;

    /// Group the integer digits of `int` with `sep` every three digits from the right.
    fn grouped(int: &str, sep: char) -> String {
        let mut out = String::new();
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                out.push(sep);
            }
            out.push(c);
        }
        out
    }

    proptest! {
        /// An amount written as people write it reads back as the same decimal.
        #[test]
        fn formatted_amounts_read_back(
            int in 1u64..10_000_000_000,
            cents in 0u32..100,
            style in 0usize..8,
        ) {
            let int_s = int.to_string();
            let exact = format!("{int_s}.{cents:02}");
            let written = match style {
                0 => format!("${}.{cents:02}", grouped(&int_s, ',')),
                1 => format!("{}.{cents:02} USD", grouped(&int_s, ',')),
                2 => format!("€{},{cents:02}", grouped(&int_s, '.')),
                3 => format!("USD {exact}"),
                4 => format!("{exact} dollars"),
                5 => format!("{},{cents:02} €", grouped(&int_s, '.')),
                6 => format!("{exact}$"),
                _ => exact.clone(),
            };
            // "1.200,00": a single dot group and no decimals would be ambiguous; with the
            // decimal comma it is not.
            let q = format!("can I allocate {written} of credit from bc to us?");
            let s = scenario_file(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/unit-scenario.json"));
            let a = answer_move(&q, Some(&s)).unwrap();
            let v = a.verdict.clone().unwrap_or_else(|| panic!("{q}: {a:?}"));
            prop_assert_eq!(v.amount.map(|m| m.to_string()), Some(exact), "{}", q);
        }
    }
}
