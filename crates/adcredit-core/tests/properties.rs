//! Properties over random scenarios and move questions: `check` never fails on a parsed
//! scenario, `valid` holds exactly when no finding is an error, money is conserved to the cent,
//! only lawful lines become steps, locked surplus is max(0, balance − planned spend); `can_move`
//! answers or refuses input, never panics, and allows exactly under the allowing rules; a
//! scenario survives a JSON round trip; damaged JSON text is refused, never a panic, and the
//! fast decoder and the checked one agree on it.
//!
//! Each property runs `CASES` random cases and prints how many it ran.

#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use std::cell::Cell;
use std::fmt::Debug;

use adcredit_core::{
    can_move, check, from_json, from_json_checked, parse_move_question, parse_scenario, Account,
    AdCredit, Allocation, BusinessCenter, Currency, Date, Fund, Money, MoveQuestion, Role, RuleId,
    Scenario, Severity, Status,
};
use proptest::prelude::*;
use proptest::test_runner::{TestCaseError, TestRunner};

const CASES: u32 = 2000;

/// Run `test` on `CASES` values of `strategy`, fail with the shrunk counterexample, and print
/// how many cases ran.
fn run<S>(name: &str, strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>)
where
    S: Strategy,
    S::Value: Debug,
{
    let config = ProptestConfig {
        cases: CASES,
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    let ran = Cell::new(0u32);
    let result = TestRunner::new(config).run(&strategy, |v| {
        ran.set(ran.get() + 1);
        test(v)
    });
    if let Err(e) = result {
        panic!("{name}: {e}");
    }
    println!("properties: {name}: {} cases", ran.get());
    assert!(ran.get() >= CASES, "{name}: only {} cases ran", ran.get());
}

/// Amounts of every kind a scenario may hold: ordinary, whole, zero and negative zero,
/// negative, over-precise (3 to 12 decimals), trailing zeros, and 15-digit amounts.
fn money() -> impl Strategy<Value = Money> {
    prop_oneof![
        6 => (0u64..100_000, 0u32..100).prop_map(|(i, c)| format!("{i}.{c:02}")),
        2 => (0u64..1_000).prop_map(|i| format!("{i}")),
        1 => prop::sample::select(vec!["0", "0.00", "-0.00", "0.01", "-0.01"]).prop_map(String::from),
        2 => (0u64..500, 0u32..100).prop_map(|(i, c)| format!("-{i}.{c:02}")),
        1 => (0u64..1_000, 0u32..1000).prop_map(|(i, c)| format!("{i}.{c:03}")),
        1 => (0u64..1_000, 0u64..1_000_000_000_000).prop_map(|(i, c)| format!("{i}.{c:012}")),
        1 => (0u64..1_000, 0u32..100).prop_map(|(i, c)| format!("{i}.{c:02}0000")),
        1 => (100_000_000_000_000u64..1_000_000_000_000_000, 0u32..100)
            .prop_map(|(i, c)| format!("{i}.{c:02}")),
        1 => Just("999999999999999.99".to_owned()),
    ]
    .prop_map(|s| Money::parse(&s).unwrap())
}

/// Every day from 2026-07-01 to 2027-04-30, so that today ± 45 days stays inside.
fn days() -> Vec<Date> {
    let mut out = Vec::new();
    for (y, m, len) in [
        (2026, 7, 31),
        (2026, 8, 31),
        (2026, 9, 30),
        (2026, 10, 31),
        (2026, 11, 30),
        (2026, 12, 31),
        (2027, 1, 31),
        (2027, 2, 28),
        (2027, 3, 31),
        (2027, 4, 30),
    ] {
        for d in 1..=len {
            out.push(Date::parse(&format!("{y:04}-{m:02}-{d:02}")).unwrap());
        }
    }
    out
}

/// Index of 2026-11-24 in [`days`].
const NOV_24: usize = 31 + 31 + 30 + 31 + 23;
/// Expiry offsets from today: the boundaries of `credit-expired` and `expires-soon` often, any
/// day within 45 days sometimes.
fn offset() -> impl Strategy<Value = i64> {
    prop_oneof![
        1 => prop::sample::select(vec![-1i64, 0, 1, 30, 31]),
        1 => -45i64..=45,
    ]
}

fn currency() -> impl Strategy<Value = Currency> {
    prop::sample::select(vec!["USD", "USD", "EUR", "JPY", "GBP", "KRW"])
        .prop_map(|c| Currency::parse(c).unwrap())
}

fn role() -> impl Strategy<Value = Role> {
    prop::sample::select(Role::ALL.to_vec())
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

fn name() -> impl Strategy<Value = Option<String>> {
    prop::option::of(
        prop::sample::select(vec!["US store", "", "   ", "Düsseldorf — Ω", "\"quoted\""])
            .prop_map(String::from),
    )
}

fn account(i: usize) -> impl Strategy<Value = Account> {
    (
        name(),
        prop::sample::select(vec!["Acme", "Acme", "Other"]),
        currency(),
        status(),
        any::<bool>(),
        money(),
        money(),
        prop::option::of(money()),
    )
        .prop_map(
            move |(name, entity, currency, status, pp, bal, cash, plan)| Account {
                id: format!("a{i}"),
                name,
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

/// 1–8 accounts, 1–4 credits expiring around today, 0–12 lines naming existing ids mostly and
/// unknown ones sometimes (one index past the end, or the wrong case).
fn scenario() -> impl Strategy<Value = Scenario> {
    (
        1usize..=8,
        1usize..=4,
        prop_oneof![Just(NOV_24), 92usize..=211],
    )
        .prop_flat_map(|(n_acc, n_cred, today)| {
            let days = days();
            let accounts: Vec<_> = (0..n_acc).map(account).collect();
            let credits: Vec<_> = (0..n_cred)
                .map(|i| {
                    let days = days.clone();
                    (money(), prop::option::of(offset())).prop_map(move |(amount, off)| AdCredit {
                        id: format!("c{i}"),
                        amount,
                        expires: off.map(|o| days[today.checked_add_signed(o as isize).unwrap()]),
                    })
                })
                .collect();
            let id = |prefix: &'static str, n: usize| {
                prop_oneof![
                    8 => (0..n).prop_map(move |i| format!("{prefix}{i}")),
                    1 => Just(format!("{prefix}{n}")),
                    1 => Just(format!("{}0", prefix.to_uppercase())),
                ]
            };
            let line =
                (id("c", n_cred), id("a", n_acc), money()).prop_map(|(credit, account, amount)| {
                    Allocation {
                        credit,
                        account,
                        amount,
                    }
                });
            (
                Just(days[today]),
                role(),
                currency(),
                money(),
                money(),
                accounts,
                credits,
                prop::collection::vec(line, 0..=12),
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

fn sum(mut amounts: impl Iterator<Item = Money>) -> Money {
    amounts
        .try_fold(Money::ZERO, |acc, m| acc.checked_add(m))
        .unwrap()
}

fn usable(m: Money, places: u32) -> bool {
    !m.is_negative() && !m.has_more_decimals_than(places)
}

#[test]
fn check_keeps_its_invariants() {
    run("check_keeps_its_invariants", scenario(), |s| {
        s.validate().unwrap();
        let r = check(&s).unwrap();
        let cur = &s.business_center.currency;
        let errors = r.findings.iter().any(|f| f.severity == Severity::Error);
        prop_assert_eq!(r.valid, !errors);
        prop_assert_eq!(&r.currency, cur);
        if r.valid && !s.allocations.is_empty() {
            prop_assert!(s.actor_role.can_allocate());
        }
        for f in &r.findings {
            prop_assert_eq!(f.source, f.rule.source());
            if let Some(i) = f.allocation {
                prop_assert!(i < s.allocations.len());
            }
        }
        // Conservation per credit, to the cent, and no credit overdrawn.
        prop_assert_eq!(
            r.after.business_center.ad_credits.len(),
            s.business_center.ad_credits.len()
        );
        for (c, after) in s
            .business_center
            .ad_credits
            .iter()
            .zip(&r.after.business_center.ad_credits)
        {
            prop_assert_eq!(&after.id, &c.id);
            prop_assert_eq!(after.amount, c.amount);
            prop_assert_eq!(
                after.remaining.checked_add(after.allocated).unwrap(),
                c.amount
            );
            prop_assert!(!after.allocated.is_negative());
            prop_assert!(!after.remaining.is_negative() || c.amount.is_negative());
            let steps = sum(r
                .steps
                .iter()
                .filter(|st| st.credit == c.id)
                .map(|st| st.amount));
            prop_assert_eq!(steps, after.allocated);
        }
        // Each account: balance = before + received = before + its steps; surplus per contract.
        prop_assert_eq!(r.after.accounts.len(), s.accounts.len());
        for (a, after) in s.accounts.iter().zip(&r.after.accounts) {
            prop_assert_eq!(&after.id, &a.id);
            let steps = sum(r
                .steps
                .iter()
                .filter(|st| st.account == a.id)
                .map(|st| st.amount));
            prop_assert_eq!(after.received, steps);
            prop_assert_eq!(
                after.ad_credit_balance,
                a.ad_credit_balance.checked_add(steps).unwrap()
            );
            // An unusable planned spend (negative, over-precise) counts as no plan.
            let surplus = a
                .planned_spend
                .filter(|p| !p.is_negative() && !p.has_more_decimals_than(a.currency.decimals()))
                .map(|p| after.ad_credit_balance.saturating_surplus_over(p).unwrap());
            prop_assert_eq!(after.locked_surplus, surplus);
            prop_assert!(after.locked_surplus.is_none_or(|m| !m.is_negative()));
        }
        // Only lawful lines become steps, in plan order, numbered from 1.
        let mut last = None;
        for (n, st) in r.steps.iter().enumerate() {
            prop_assert_eq!(st.order, n + 1);
            prop_assert!(st.irreversible);
            prop_assert!(last < Some(st.allocation));
            last = Some(st.allocation);
            let line = &s.allocations[st.allocation];
            prop_assert_eq!(
                (&line.credit, &line.account, line.amount),
                (&st.credit, &st.account, st.amount)
            );
            let acc = s.account(&st.account).unwrap();
            let credit = s.credit(&st.credit).unwrap();
            prop_assert_eq!(acc.status, Status::Active);
            prop_assert_eq!(&acc.currency, cur);
            prop_assert!(credit.expires.is_none_or(|e| e >= s.today));
            prop_assert!(
                st.amount.is_positive() && !st.amount.has_more_decimals_than(cur.decimals())
            );
            prop_assert!(usable(credit.amount, cur.decimals()));
            prop_assert!(!r
                .findings
                .iter()
                .any(|f| f.severity == Severity::Error && f.allocation == Some(st.allocation)));
        }
        // Every line is accounted for: a step, or an error finding of its own.
        for i in 0..s.allocations.len() {
            let stepped = r.steps.iter().any(|st| st.allocation == i);
            let refused = r
                .findings
                .iter()
                .any(|f| f.severity == Severity::Error && f.allocation == Some(i));
            prop_assert!(
                stepped || refused,
                "line {} neither carried out nor refused",
                i
            );
        }
        Ok(())
    });
}

/// A scenario survives a JSON round trip, except that a blank name reads back as no name
/// (an optional field given as `""` is not given).
#[test]
fn scenarios_round_trip_through_json() {
    run("scenarios_round_trip_through_json", scenario(), |mut s| {
        let json = serde_json::to_string(&s).unwrap();
        for a in &mut s.accounts {
            a.name = a.name.take().filter(|n| !n.trim().is_empty());
        }
        prop_assert_eq!(&parse_scenario(&json).unwrap(), &s);
        let pretty = serde_json::to_string_pretty(&s).unwrap();
        prop_assert_eq!(parse_scenario(&pretty).unwrap(), s);
        Ok(())
    });
}

const ALLOWING: [RuleId; 4] = [
    RuleId::ManualAllocation,
    RuleId::BalanceAllocation,
    RuleId::CashRefundToBc,
    RuleId::PortfolioShare,
];

#[test]
fn can_move_answers_or_refuses_input() {
    let endpoints = vec!["bc", "BC", "a0", "a1", "a2", "a3", "A0", "zz", "", " "];
    let question = (
        prop::sample::select(vec![Fund::AdCredit, Fund::Cash, Fund::CreditLine]),
        prop::sample::select(endpoints.clone()),
        prop::sample::select(endpoints),
        prop::option::of(money()),
        prop::option::of(scenario()),
    )
        .prop_map(|(fund, from, to, amount, scenario)| MoveQuestion {
            fund,
            from: from.into(),
            to: to.into(),
            amount,
            scenario,
        });
    run("can_move_answers_or_refuses_input", question, |q| {
        match can_move(&q) {
            Ok(v) => {
                prop_assert_eq!(v.source, v.rule.source());
                prop_assert_eq!(v.allowed, ALLOWING.contains(&v.rule), "{}", v.rule);
                prop_assert_eq!(
                    (v.fund, &v.from, &v.to, v.amount),
                    (q.fund, &q.from, &q.to, q.amount)
                );
                prop_assert!(!v.reason.is_empty());
                if q.fund == Fund::AdCredit && !q.from.eq_ignore_ascii_case("bc") {
                    prop_assert!(!v.allowed, "allocated ad credit moved");
                }
                if v.allowed {
                    if let Some(m) = q.amount {
                        prop_assert!(m.is_positive());
                    }
                    if let Some(s) = &q.scenario {
                        prop_assert!(s.actor_role.can_allocate());
                    }
                }
            }
            Err(e) => {
                prop_assert!(e.is_input(), "{}", e);
                let blank = |s: &str| s.trim().is_empty();
                let same = q.from == q.to
                    || (q.from.eq_ignore_ascii_case("bc") && q.to.eq_ignore_ascii_case("bc"));
                prop_assert!(
                    blank(&q.from) || blank(&q.to) || same,
                    "refused {:?}: {}",
                    q,
                    e
                );
            }
        }
        // The same question as JSON text gets the same answer.
        let json = serde_json::to_string(&q).unwrap();
        let again = parse_move_question(&json).and_then(|q| can_move(&q));
        prop_assert_eq!(
            again.map_err(|e| e.to_string()),
            can_move(&q).map_err(|e| e.to_string())
        );
        Ok(())
    });
}

/// Damage valid JSON (cut it, drop a slice, or insert a character) and decode it: the core
/// refuses it with an input error or accepts it, and never panics.
#[test]
fn damaged_json_is_refused_not_a_panic() {
    let damage = (
        scenario(),
        any::<bool>(),
        0usize..3,
        any::<prop::sample::Index>(),
        0usize..8,
        prop::sample::select(vec![
            '"', '{', '}', '[', ']', ',', ':', '-', '.', '0', 'e', ' ', '\\', 'é',
        ]),
    );
    run(
        "damaged_json_is_refused_not_a_panic",
        damage,
        |(s, as_move, how, at, len, ch)| {
            let json = if as_move {
                serde_json::to_string(&MoveQuestion {
                    fund: Fund::Cash,
                    from: "bc".into(),
                    to: "a0".into(),
                    amount: None,
                    scenario: Some(s),
                })
                .unwrap()
            } else {
                serde_json::to_string(&s).unwrap()
            };
            let chars: Vec<char> = json.chars().collect();
            let i = at.index(chars.len());
            let damaged: String = match how {
                0 => chars[..i].iter().collect(),
                1 => chars[..i]
                    .iter()
                    .chain(chars[(i + len).min(chars.len())..].iter())
                    .collect(),
                _ => chars[..i]
                    .iter()
                    .chain(std::iter::once(&ch))
                    .chain(chars[i..].iter())
                    .collect(),
            };
            // The fast decoder gives exactly what the checked one gives, value or error.
            prop_assert_eq!(
                from_json::<Scenario>(&damaged),
                from_json_checked::<Scenario>(&damaged)
            );
            prop_assert_eq!(
                from_json::<MoveQuestion>(&damaged),
                from_json_checked::<MoveQuestion>(&damaged)
            );
            let outcome = std::panic::catch_unwind(|| {
                if as_move {
                    parse_move_question(&damaged)
                        .and_then(|q| can_move(&q))
                        .map(|_| ())
                } else {
                    parse_scenario(&damaged).and_then(|s| check(&s)).map(|_| ())
                }
            });
            match outcome {
                Err(_) => return Err(TestCaseError::fail(format!("panic on {damaged}"))),
                Ok(Err(e)) => prop_assert!(e.is_input(), "{}", e),
                Ok(Ok(())) => {}
            }
            Ok(())
        },
    );
}

/// An id as a hurried or hostile writer may give it: padded with white space, invisible
/// characters slipped in, some letters full-width.
fn decorated(id: &'static str) -> impl Strategy<Value = String> {
    let pad = prop::sample::select(vec!["", " ", "\u{a0}", "\u{3000}", "\t", "\u{feff}"]);
    let invisible = prop::sample::select(vec![
        "", "\u{200b}", "\u{200c}", "\u{200d}", "\u{2060}", "\u{ad}", "\u{feff}", "\u{202e}",
    ]);
    (
        pad.clone(),
        pad,
        prop::collection::vec((any::<bool>(), invisible), id.chars().count()),
    )
        .prop_map(move |(before, after, marks)| {
            let mut out = before.to_owned();
            for (c, (wide, mark)) in id.chars().zip(marks) {
                out.push_str(mark);
                // Full-width forms of ASCII letters are U+FF21.. (A) and U+FF41.. (a).
                let w = if wide && c.is_ascii_alphabetic() {
                    char::from_u32(u32::from(c) - 0x21 + 0xFF01).unwrap_or(c)
                } else {
                    c
                };
                out.push(w);
            }
            out.push_str(after);
            out
        })
}

/// Id variants normalise to the same id everywhere: `bc` in any disguise is refused as an
/// account id; any other id written two ways still matches between account and allocation,
/// and the report shows it normalised.
#[test]
fn ids_are_normalised_the_same_everywhere() {
    let ids = prop::sample::select(vec!["bc", "BC", "us", "de-shop", "q4", "Bc"]);
    let variants = ids.prop_flat_map(|id| (Just(id), decorated(id), decorated(id)));
    run(
        "ids_are_normalised_the_same_everywhere",
        variants,
        |(id, as_account, in_line)| {
            let normalised = adcredit_core::normalize_id(&as_account);
            prop_assert_eq!(normalised.as_ref(), id);
            let json = serde_json::json!({
            "today": "2026-11-24", "actor_role": "admin",
            "business_center": { "entity": "Acme", "currency": "USD",
                "ad_credits": [{ "id": "promo", "amount": "100.00" }] },
            "accounts": [{ "id": as_account, "entity": "Acme", "currency": "USD", "status": "active" }],
            "allocations": [{ "credit": "promo", "account": in_line, "amount": "10.00" }]
        })
        .to_string();
            match parse_scenario(&json) {
                Err(e) => {
                    prop_assert!(id.eq_ignore_ascii_case("bc"), "{id:?} refused: {e}");
                    prop_assert_eq!(e.path(), "accounts[0].id");
                    prop_assert!(e.message().contains("reserved"), "{}", e);
                }
                Ok(s) => {
                    prop_assert!(!id.eq_ignore_ascii_case("bc"), "{as_account:?} accepted");
                    let r = check(&s).unwrap();
                    prop_assert!(r.valid, "{:?}", r.findings);
                    prop_assert_eq!(r.steps[0].account.as_str(), id);
                    prop_assert_eq!(r.after.accounts[0].id.as_str(), id);
                }
            }
            Ok(())
        },
    );
}

/// `m` as an integer number of 10⁻¹² units (every amount has at most 12 decimals).
fn pico(m: Money) -> i128 {
    let d = m.decimal();
    d.mantissa() * 10i128.pow(12 - d.scale())
}

/// Amounts near the limits (15 integer digits, up to 12 decimals), summed by up to 100 lines
/// into one account: the after-state is the exact sum, or an overflow error at a path, and an
/// error only when the exact value cannot fit in rust_decimal's 96-bit mantissa.
#[test]
fn sums_near_the_limits_are_exact_or_an_error() {
    let big = (
        900_000_000_000_000u64..1_000_000_000_000_000,
        0u64..1_000_000_000_000,
        0u32..=12,
    )
        .prop_map(|(i, f, places)| {
            let frac = format!("{f:012}");
            let s = if places == 0 {
                i.to_string()
            } else {
                format!("{i}.{}", &frac[..places as usize])
            };
            Money::parse(&s).unwrap()
        });
    let case = (big.clone(), prop::collection::vec(big, 1..100));
    run(
        "sums_near_the_limits_are_exact_or_an_error",
        case,
        |(balance, lines)| {
            let credits: Vec<AdCredit> = lines
                .iter()
                .enumerate()
                .map(|(i, m)| AdCredit {
                    id: format!("c{i}"),
                    amount: *m,
                    expires: None,
                })
                .collect();
            let allocations: Vec<Allocation> = lines
                .iter()
                .enumerate()
                .map(|(i, m)| Allocation {
                    credit: format!("c{i}"),
                    account: "us".into(),
                    amount: *m,
                })
                .collect();
            let s = Scenario {
                today: Date::parse("2026-11-24").unwrap(),
                actor_role: Role::Admin,
                business_center: BusinessCenter {
                    entity: "Acme".into(),
                    currency: Currency::parse("USD").unwrap(),
                    ad_credits: credits,
                    cash_balance: Money::ZERO,
                    credit_line: Money::ZERO,
                },
                accounts: vec![Account {
                    id: "us".into(),
                    name: None,
                    entity: "Acme".into(),
                    currency: Currency::parse("USD").unwrap(),
                    status: Status::Active,
                    in_payment_portfolio: false,
                    ad_credit_balance: balance,
                    cash_balance: Money::ZERO,
                    planned_spend: None,
                }],
                allocations,
            };
            // Lines with more than 2 decimals are invalid-amount and not applied.
            let applied: i128 = lines
                .iter()
                .filter(|m| !m.has_more_decimals_than(2))
                .map(|m| pico(*m))
                .sum();
            let exact = pico(balance) + applied;
            match check(&s) {
                Ok(r) => {
                    prop_assert_eq!(pico(r.after.accounts[0].ad_credit_balance), exact);
                    for c in &r.after.business_center.ad_credits {
                        prop_assert_eq!(pico(c.remaining) + pico(c.allocated), pico(c.amount));
                    }
                }
                Err(e) => {
                    prop_assert!(!e.is_input(), "{}", e);
                    prop_assert_eq!(e.path(), "accounts[0].ad_credit_balance");
                    prop_assert!(exact >= 1i128 << 96, "{e} although {exact} fits");
                }
            }
            Ok(())
        },
    );
}

/// Arrays and objects nested to any depth at any field: refused with the field's path when
/// deeper than `MAX_DEPTH`, never a panic or serde's "recursion limit exceeded".
#[test]
fn deep_nesting_names_its_path() {
    let fields = prop::sample::select(vec![
        ("today", "today"),
        ("name", "accounts[0].name"),
        ("planned_spend", "accounts[0].planned_spend"),
    ]);
    let case = (fields, 1usize..300, any::<bool>());
    run(
        "deep_nesting_names_its_path",
        case,
        |((field, path), depth, arrays)| {
            let (open, close) = if arrays { ("[", "]") } else { ("{\"a\":", "}") };
            let value = format!("{}1{}", open.repeat(depth), close.repeat(depth));
            let mut account = serde_json::json!({ "id": "us", "entity": "Acme", "currency": "USD",
            "status": "active", "name": "X", "planned_spend": "1.00" });
            let mut root = serde_json::json!({ "today": "2026-11-24", "actor_role": "admin",
            "business_center": { "entity": "Acme", "currency": "USD" }, "accounts": [] });
            let marker = "\u{1}here\u{1}";
            if field == "today" {
                root["today"] = marker.into();
            } else {
                account[field] = marker.into();
            }
            root["accounts"] = serde_json::json!([account]);
            let json = root
                .to_string()
                .replace(&serde_json::to_string(marker).unwrap(), &value);
            let e = std::panic::catch_unwind(|| parse_scenario(&json))
                .map_err(|_| TestCaseError::fail(format!("panic at depth {depth}")))?
                .unwrap_err();
            prop_assert_eq!(e.path(), path);
            // The field sits inside this many arrays and objects.
            let around = if field == "today" { 1 } else { 3 };
            let too_deep = e.message().contains("nested deeper than");
            prop_assert_eq!(too_deep, around + depth > adcredit_core::MAX_DEPTH, "{}", e);
            Ok(())
        },
    );
}

/// Any text as an id: normalising twice changes nothing, and leaves no padding and no
/// invisible character; what the CLI prints of it (`escape_controls`) has no raw control.
#[test]
fn id_normalisation_is_idempotent() {
    let text = prop::collection::vec(
        prop_oneof![
            any::<char>(),
            prop::sample::select(vec![
                ' ', '\u{a0}', '\u{3000}', '\u{200b}', '\u{ad}', '\u{feff}', '\u{301}', 'ｂ', 'ﬁ',
                '\u{1b}', '\u{202e}', '\r',
            ]),
        ],
        0..12,
    )
    .prop_map(|cs| cs.into_iter().collect::<String>());
    run("id_normalisation_is_idempotent", text, |s| {
        let once = adcredit_core::normalize_id(&s).into_owned();
        let twice = adcredit_core::normalize_id(&once).into_owned();
        prop_assert_eq!(&twice, &once);
        prop_assert_eq!(once.trim(), once.as_str());
        let invisible = ['\u{200b}', '\u{ad}', '\u{feff}', '\u{202e}'];
        let raw_control = adcredit_core::escape_controls(&s)
            .chars()
            .any(char::is_control);
        prop_assert!(!once.contains(invisible), "{:?}", once);
        prop_assert!(!raw_control, "{:?}", s);
        Ok(())
    });
}
