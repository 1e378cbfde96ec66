//! How long `check` takes for plans of 1,000, 10,000 and 100,000 accounts and allocation lines,
//! and whether that grows linearly; and how much of parse + check is the decoder (fast path vs
//! the checked path). Run with `cargo xtask bench` (or `cargo bench -p adcredit-core`).

use std::hint::black_box;
use std::time::Duration;

use adcredit_core::{check, from_json_checked, parse_scenario, Scenario};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

/// A scenario with `n` active accounts, `n` allocation lines spread over 4 credits, and a few
/// lines that draw findings (over-planned spend, small leftovers).
fn scenario_json(n: usize) -> String {
    let mut s = String::from(
        r#"{"today":"2026-11-24","actor_role":"finance_manager","business_center":{"entity":"Acme","currency":"USD","ad_credits":["#,
    );
    for c in 0..4 {
        if c > 0 {
            s.push(',');
        }
        s.push_str(&format!(
            r#"{{"id":"credit-{c}","amount":"{}.00","expires":"2027-01-31"}}"#,
            n * 30
        ));
    }
    s.push_str(r#"]},"accounts":["#);
    for i in 0..n {
        if i > 0 {
            s.push(',');
        }
        s.push_str(&format!(
            r#"{{"id":"acct-{i}","name":"Account {i}","entity":"Acme","currency":"USD","status":"active","in_payment_portfolio":true,"ad_credit_balance":"0.00","planned_spend":"{}.00"}}"#,
            100 + i % 50
        ));
    }
    s.push_str(r#"],"allocations":["#);
    for i in 0..n {
        if i > 0 {
            s.push(',');
        }
        s.push_str(&format!(
            r#"{{"credit":"credit-{}","account":"acct-{i}","amount":"{}.25"}}"#,
            i % 4,
            90 + i % 40
        ));
    }
    s.push_str("]}");
    s
}

fn bench_check(c: &mut Criterion) {
    let mut group = c.benchmark_group("check");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(4))
        .warm_up_time(Duration::from_secs(1));
    for n in [1_000usize, 10_000, 100_000] {
        let json = scenario_json(n);
        let scenario = parse_scenario(&json).expect("bench scenario parses");
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::new("check", n), &scenario, |b, s| {
            b.iter(|| check(black_box(s)).expect("check succeeds"))
        });
        group.bench_with_input(BenchmarkId::new("parse+check", n), &json, |b, j| {
            b.iter(|| {
                check(&parse_scenario(black_box(j)).expect("parses")).expect("check succeeds")
            })
        });
        // The decoder every input went through before the fast path (and the one that words
        // errors now): a tree with duplicate-key checks, then serde_path_to_error.
        group.bench_with_input(BenchmarkId::new("parse-checked", n), &json, |b, j| {
            b.iter(|| {
                let s: Scenario = from_json_checked(black_box(j)).expect("parses");
                s.validate().expect("valid")
            })
        });
        group.bench_with_input(BenchmarkId::new("parse", n), &json, |b, j| {
            b.iter(|| parse_scenario(black_box(j)).expect("parses"))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_check);
criterion_main!(benches);
