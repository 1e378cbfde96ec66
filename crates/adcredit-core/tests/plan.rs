//! Properties of `plan` over random scenarios (up to 8 credits and 12 accounts, every status,
//! role and several currencies, credits expired, expiring and not expiring): the suggested lines
//! pass `check` with no error of their own and lock nothing, money is conserved, the total is the
//! bound of CONTRACT §8 computed here independently, soonest expiry goes first, and the plan is
//! deterministic. On instances small enough to enumerate, the number of lines is compared with
//! the true minimum and the ratio printed.

#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::fmt::Debug;

use adcredit_core::{
    check, plan, Account, AdCredit, BusinessCenter, Currency, Date, Money, Role, RuleId, Scenario,
    Severity, Status,
};
use proptest::prelude::*;
use proptest::test_runner::{TestCaseError, TestRunner};

const CASES: u32 = 2000;
const SMALL_CASES: u32 = 3000;

fn run<S>(name: &str, cases: u32, strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>)
where
    S: Strategy,
    S::Value: Debug,
{
    let config = ProptestConfig {
        cases,
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
    println!("plan properties: {name}: {} cases", ran.get());
    assert!(ran.get() >= cases, "{name}: only {} cases ran", ran.get());
}

fn money(s: &str) -> Money {
    Money::parse(s).unwrap()
}

/// Amounts: mostly whole or with cents, sometimes zero, negative or over-precise.
fn amount() -> impl Strategy<Value = Money> {
    prop_oneof![
        6 => (0u64..2_000, 0u32..100).prop_map(|(i, c)| format!("{i}.{c:02}")),
        3 => (1u64..20).prop_map(|i| format!("{}", i * 50)),
        1 => prop::sample::select(vec!["0", "0.01", "-5.00", "10.005", "100.000"]).prop_map(String::from),
    ]
    .prop_map(|s| money(&s))
}

fn day(offset: i64) -> Date {
    // 2026-11-24 plus `offset` days, within November 2026 – January 2027.
    let d = 24 + offset;
    let (y, m, d) = if d < 1 {
        (2026, 10, d + 31)
    } else if d <= 30 {
        (2026, 11, d)
    } else if d <= 61 {
        (2026, 12, d - 30)
    } else {
        (2027, 1, d - 61)
    };
    Date::parse(&format!("{y:04}-{m:02}-{d:02}")).unwrap()
}

fn scenario() -> impl Strategy<Value = Scenario> {
    let currency = || {
        prop::sample::select(vec!["USD", "USD", "USD", "EUR", "JPY"])
            .prop_map(|c| Currency::parse(c).unwrap())
    };
    let status = prop::sample::select(vec![
        Status::Active,
        Status::Active,
        Status::Active,
        Status::InReview,
        Status::Suspended,
        Status::Closed,
    ]);
    let account = (
        currency(),
        status,
        prop_oneof![3 => Just(Money::ZERO), 1 => amount()],
        prop::option::weighted(0.85, amount()),
    );
    let credit = (amount(), prop::option::weighted(0.8, -20i64..60));
    (
        prop::sample::select(Role::ALL.to_vec()),
        currency(),
        prop::collection::vec(credit, 0..=8),
        prop::collection::vec(account, 0..=12),
    )
        .prop_map(|(role, cur, credits, accounts)| Scenario {
            today: day(0),
            actor_role: role,
            business_center: BusinessCenter {
                entity: "Acme".into(),
                currency: cur,
                ad_credits: credits
                    .into_iter()
                    .enumerate()
                    .map(|(i, (amount, off))| AdCredit {
                        id: format!("c{i}"),
                        amount,
                        expires: off.map(day),
                    })
                    .collect(),
                cash_balance: Money::ZERO,
                credit_line: Money::ZERO,
            },
            accounts: accounts
                .into_iter()
                .enumerate()
                .map(|(i, (currency, status, bal, plan))| Account {
                    id: format!("a{i}"),
                    name: None,
                    entity: "Acme".into(),
                    currency,
                    status,
                    in_payment_portfolio: false,
                    ad_credit_balance: bal,
                    cash_balance: Money::ZERO,
                    planned_spend: plan,
                })
                .collect(),
            allocations: Vec::new(),
        })
}

fn sum(it: impl Iterator<Item = Money>) -> Money {
    it.fold(Money::ZERO, |a, b| a.checked_add(b).unwrap())
}

/// Whether `m` is a usable balance in a currency with `places` decimals.
fn usable(m: Money, places: u32) -> bool {
    !m.is_negative() && !m.has_more_decimals_than(places)
}

/// The bound of CONTRACT §8, from the scenario alone: min(unexpired usable credit, Σ over
/// accounts that may receive of max(0, planned spend − balance)).
fn bound(s: &Scenario) -> Money {
    let cur = &s.business_center.currency;
    let places = cur.decimals();
    let credit = sum(s
        .business_center
        .ad_credits
        .iter()
        .filter(|c| c.expires.is_none_or(|e| e >= s.today) && usable(c.amount, places))
        .map(|c| c.amount));
    let need = sum(s
        .accounts
        .iter()
        .filter(|a| a.status == Status::Active && a.currency == *cur)
        .filter(|a| usable(a.ad_credit_balance, places))
        .filter_map(|a| {
            a.planned_spend
                .filter(|p| usable(*p, places))
                .map(|p| (a, p))
        })
        .map(|(a, p)| p.saturating_surplus_over(a.ad_credit_balance).unwrap()));
    credit.min(need)
}

#[test]
fn plan_keeps_its_promises() {
    // (cases with lines, short of credit, credit left over, actor may not allocate)
    let seen = Cell::new((0u32, 0u32, 0u32, 0u32));
    run("plan_keeps_its_promises", CASES, scenario(), |s| {
        let p = plan(&s).unwrap();
        if !p.allocations.is_empty() {
            let (l, short, over, role) = seen.get();
            let unused = p
                .left
                .iter()
                .any(|l| l.expires.is_none_or(|e| e >= s.today));
            seen.set((
                l + 1,
                short + u32::from(p.accounts.iter().any(|a| a.why.contains("runs out"))),
                over + u32::from(unused),
                role + u32::from(!s.actor_role.can_allocate()),
            ));
        }
        let cur = &s.business_center.currency;
        let r = &p.report;
        // The lines are the report's steps, all of them carried out.
        prop_assert_eq!(r.steps.len(), p.allocations.len());
        // No error of the plan's own: the errors are those of the scenario with no lines, plus
        // the role finding when the actor may not allocate.
        let baseline = check(&s).unwrap();
        let errors = |r: &adcredit_core::Report| -> Vec<(RuleId, String)> {
            r.findings
                .iter()
                .filter(|f| f.severity == Severity::Error && f.rule != RuleId::RoleNotPermitted)
                .map(|f| (f.rule, f.message.clone()))
                .collect()
        };
        prop_assert_eq!(errors(r), errors(&baseline));
        let role = r
            .findings
            .iter()
            .any(|f| f.rule == RuleId::RoleNotPermitted);
        prop_assert_eq!(
            role,
            !p.allocations.is_empty() && !s.actor_role.can_allocate()
        );
        // Nothing locked.
        prop_assert!(!r
            .findings
            .iter()
            .any(|f| f.rule == RuleId::ExceedsPlannedSpend));
        for (a, after) in s.accounts.iter().zip(&r.after.accounts) {
            if after.received.is_positive() {
                let planned = a.planned_spend.unwrap();
                prop_assert!(after.ad_credit_balance <= planned, "{} locked", a.id);
            }
        }
        // Amounts an allocation can take; no credit overdrawn; money conserved.
        for l in &p.allocations {
            prop_assert!(
                l.amount.is_positive() && !l.amount.has_more_decimals_than(cur.decimals())
            );
        }
        let mut drawn: HashMap<&str, Money> = HashMap::new();
        for l in &p.allocations {
            let d = drawn.entry(l.credit.as_str()).or_insert(Money::ZERO);
            *d = d.checked_add(l.amount).unwrap();
        }
        for (c, after) in s
            .business_center
            .ad_credits
            .iter()
            .zip(&r.after.business_center.ad_credits)
        {
            let d = drawn.get(c.id.as_str()).copied().unwrap_or(Money::ZERO);
            prop_assert_eq!(after.allocated, d);
            prop_assert_eq!(after.remaining.checked_add(d).unwrap(), c.amount);
        }
        let shares = sum(p.accounts.iter().map(|a| a.amount));
        let total = sum(p.allocations.iter().map(|l| l.amount));
        prop_assert_eq!(shares, total);
        // As much as the bound allows.
        prop_assert_eq!(total, bound(&s));
        // Soonest expiry first: a credit that expires strictly later is drawn only when every
        // sooner one is used up. (No expiry counts as latest.)
        let key = |c: &AdCredit| (c.expires.is_none(), c.expires);
        for a in &s.business_center.ad_credits {
            for b in &s.business_center.ad_credits {
                if key(a) < key(b) && drawn.get(b.id.as_str()).is_some_and(|d| d.is_positive()) {
                    let used_up = drawn.get(a.id.as_str()).copied() == Some(a.amount)
                        || a.expires.is_some_and(|e| e < s.today)
                        || !usable(a.amount, cur.decimals())
                        || a.amount.is_zero();
                    prop_assert!(used_up, "{} drawn while {} is partly unused", b.id, a.id);
                }
            }
        }
        // Lines: a forest at most (credits drawn + accounts served − 1), one per credit × account.
        let served = p.accounts.iter().filter(|a| a.amount.is_positive()).count();
        if !p.allocations.is_empty() {
            prop_assert!(p.allocations.len() < drawn.len() + served);
        }
        // Every account explained once, in order; skipped ones get nothing.
        prop_assert_eq!(
            p.accounts
                .iter()
                .map(|a| a.account.as_str())
                .collect::<Vec<_>>(),
            s.accounts.iter().map(|a| a.id.as_str()).collect::<Vec<_>>()
        );
        for sk in &p.skipped {
            prop_assert!(p.share(&sk.account).unwrap().amount.is_zero());
        }
        for left in &p.left {
            prop_assert!(left.amount.is_positive() || !usable(left.amount, cur.decimals()));
        }
        // Deterministic, and blind to the scenario's own lines.
        let mut with_lines = s.clone();
        with_lines.allocations = p.allocations.clone();
        prop_assert_eq!(plan(&with_lines).unwrap(), p);
        Ok(())
    });
    let (lines, short, over, role) = seen.get();
    println!(
        "plan properties: {lines} cases with lines: {short} short of credit, {over} with credit left, \
         {role} by a role that may not allocate"
    );
    assert!(lines > CASES / 3 && short > 50 && over > 50 && role > 50);
}

/// Small instances: every account active and in need, credits with distinct expiry dates, whole
/// amounts from 1 to 12 (so exact fits are common).
fn small() -> impl Strategy<Value = (Vec<u32>, Vec<u32>)> {
    (
        prop::collection::vec(1u32..=12, 1..=4),
        prop::collection::vec(1u32..=12, 1..=5),
    )
}

/// The fewest lines that draw `drawn[j]` from each credit and give account `i` at most
/// `needs[i]`. The lines of a minimal plan form a forest; a tree over credits S and accounts A
/// has |S| + |A| − 1 lines and exists when Σ drawn(S) ≤ Σ needs(A) (and each account gets at
/// least one unit). So the minimum is (credits drawn) + min over ways to pair the credits into
/// groups with disjoint sets of accounts of Σ (|A| − 1), found by enumeration.
fn min_lines(drawn: &[u32], needs: &[u32]) -> usize {
    let drawn: Vec<u32> = drawn.iter().copied().filter(|d| *d > 0).collect();
    let full_s = (1u32 << drawn.len()) - 1;
    let full_a = (1u32 << needs.len()) - 1;
    let total = |mask: u32, v: &[u32]| -> u32 {
        (0..v.len())
            .filter(|i| mask & (1 << i) != 0)
            .map(|i| v[i])
            .sum()
    };
    fn go(
        rest_s: u32,
        free_a: u32,
        drawn: &[u32],
        needs: &[u32],
        total: &dyn Fn(u32, &[u32]) -> u32,
        memo: &mut HashMap<(u32, u32), Option<usize>>,
    ) -> Option<usize> {
        if rest_s == 0 {
            return Some(0);
        }
        if let Some(v) = memo.get(&(rest_s, free_a)) {
            return *v;
        }
        let low = rest_s & rest_s.wrapping_neg();
        let mut best: Option<usize> = None;
        let mut sub_s = rest_s;
        while sub_s > 0 {
            if sub_s & low != 0 {
                let d = total(sub_s, drawn);
                let mut sub_a = free_a;
                while sub_a > 0 {
                    let n_a = sub_a.count_ones();
                    if d <= total(sub_a, needs) && n_a <= d * 100 {
                        if let Some(r) =
                            go(rest_s & !sub_s, free_a & !sub_a, drawn, needs, total, memo)
                        {
                            let c = n_a as usize - 1 + r;
                            best = Some(best.map_or(c, |b: usize| b.min(c)));
                        }
                    }
                    sub_a = (sub_a - 1) & free_a;
                }
            }
            sub_s = (sub_s - 1) & rest_s;
        }
        memo.insert((rest_s, free_a), best);
        best
    }
    let mut memo = HashMap::new();
    drawn.len() + go(full_s, full_a, &drawn, needs, &total, &mut memo).unwrap()
}

#[test]
fn lines_compared_with_the_minimum() {
    let ratios = RefCell::new(Vec::new());
    run(
        "lines_compared_with_the_minimum",
        SMALL_CASES,
        small(),
        |(credits, needs)| {
            let s = Scenario {
                today: day(0),
                actor_role: Role::FinanceManager,
                business_center: BusinessCenter {
                    entity: "Acme".into(),
                    currency: Currency::parse("USD").unwrap(),
                    ad_credits: credits
                        .iter()
                        .enumerate()
                        .map(|(i, a)| AdCredit {
                            id: format!("c{i}"),
                            amount: money(&a.to_string()),
                            expires: Some(day(i as i64 * 7)),
                        })
                        .collect(),
                    cash_balance: Money::ZERO,
                    credit_line: Money::ZERO,
                },
                accounts: needs
                    .iter()
                    .enumerate()
                    .map(|(i, n)| Account {
                        id: format!("a{i}"),
                        name: None,
                        entity: "Acme".into(),
                        currency: Currency::parse("USD").unwrap(),
                        status: Status::Active,
                        in_payment_portfolio: false,
                        ad_credit_balance: Money::ZERO,
                        cash_balance: Money::ZERO,
                        planned_spend: Some(money(&n.to_string())),
                    })
                    .collect(),
                allocations: Vec::new(),
            };
            let p = plan(&s).unwrap();
            let drawn: Vec<u32> = (0..credits.len())
                .map(|j| {
                    let id = format!("c{j}");
                    let d = sum(p
                        .allocations
                        .iter()
                        .filter(|l| l.credit == id)
                        .map(|l| l.amount));
                    d.to_string().trim_end_matches(".00").parse().unwrap()
                })
                .collect();
            let min = min_lines(&drawn, &needs);
            let got = p.allocations.len();
            prop_assert!(got >= min, "{} lines, below the minimum {}", got, min);
            ratios.borrow_mut().push((got, min));
            Ok(())
        },
    );
    let ratios = ratios.into_inner();
    let ratio = |(got, min): (usize, usize)| {
        if min == 0 {
            1.0
        } else {
            got as f64 / min as f64
        }
    };
    let mean = ratios.iter().map(|r| ratio(*r)).sum::<f64>() / ratios.len() as f64;
    let worst = ratios
        .iter()
        .copied()
        .max_by(|a, b| ratio(*a).total_cmp(&ratio(*b)))
        .unwrap();
    let optimal = ratios.iter().filter(|(g, m)| g == m).count();
    println!(
        "plan lines vs the minimum over {} small instances: mean ratio {mean:.4}, worst {:.3} ({} lines where {} do), optimal in {optimal} ({:.1}%)",
        ratios.len(),
        ratio(worst),
        worst.0,
        worst.1,
        100.0 * optimal as f64 / ratios.len() as f64
    );
    // Soonest expiry first fixes the amounts; the greedy must stay close to the minimum.
    assert!(mean < 1.05, "mean ratio {mean}");
}
