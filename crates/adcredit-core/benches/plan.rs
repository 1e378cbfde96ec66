//! How long `plan` takes for 1,000 accounts and 50 credits (goal: under 5 ms), the suggested
//! lines' `check` included. Run with `cargo xtask bench` (or `cargo bench -p adcredit-core --bench plan`).

use std::hint::black_box;
use std::time::Duration;

use adcredit_core::{parse_scenario, plan};
use criterion::{criterion_group, criterion_main, Criterion};

/// `accounts` accounts (one in ten not eligible, some already holding credit) and `credits`
/// credits with staggered expiry dates, some expired; the credit covers about 80% of the need.
fn scenario_json(accounts: usize, credits: usize) -> String {
    let mut s = String::from(
        r#"{"today":"2026-11-24","actor_role":"finance_manager","business_center":{"entity":"Acme","currency":"USD","ad_credits":["#,
    );
    for c in 0..credits {
        if c > 0 {
            s.push(',');
        }
        let expires = if c % 10 == 9 {
            "2026-11-01".to_owned()
        } else {
            format!("2027-01-{:02}", 1 + c % 28)
        };
        s.push_str(&format!(
            r#"{{"id":"credit-{c}","amount":"{}.{:02}","expires":"{expires}"}}"#,
            accounts * 4 + c * 37,
            c % 100
        ));
    }
    s.push_str(r#"]},"accounts":["#);
    for i in 0..accounts {
        if i > 0 {
            s.push(',');
        }
        let status = if i % 10 == 7 { "in_review" } else { "active" };
        s.push_str(&format!(
            r#"{{"id":"acct-{i}","entity":"Acme","currency":"USD","status":"{status}","ad_credit_balance":"{}.00","planned_spend":"{}.{:02}"}}"#,
            (i % 7) * 10,
            100 + (i * 13) % 400,
            i % 100
        ));
    }
    s.push_str("]}");
    s
}

fn bench_plan(c: &mut Criterion) {
    let mut group = c.benchmark_group("plan");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(3))
        .warm_up_time(Duration::from_secs(1));
    let scenario = parse_scenario(&scenario_json(1_000, 50)).expect("bench scenario parses");
    let p = plan(&scenario).expect("plan succeeds");
    println!(
        "plan of 1,000 accounts × 50 credits: {} lines, {} credits left, {} accounts skipped",
        p.allocations.len(),
        p.left.len(),
        p.skipped.len()
    );
    group.bench_function("1000 accounts x 50 credits", |b| {
        b.iter(|| plan(black_box(&scenario)).expect("plan succeeds"))
    });
    group.finish();
}

criterion_group!(benches, bench_plan);
criterion_main!(benches);
