//! How the move reading scales with the accounts of a scenario: `answer_move` on scenarios of
//! 1k, 10k, 30k and 100k accounts (it must grow linearly: every index is built once per call).
//! Run with `cargo bench -p adcredit-assistant --bench ask`; the figures are printed, nothing
//! is asserted.

use adcredit_core::Scenario;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};

/// A scenario with `n` accounts: ids `acc-<i>`, names "Paris shop <i>" or "Store <i>".
fn scenario(n: usize) -> Scenario {
    let accounts: Vec<String> = (0..n)
        .map(|i| {
            let name = if i % 10 == 3 { format!("Paris shop {i}") } else { format!("Store {i}") };
            format!(
                r#"{{"id":"acc-{i}","name":"{name}","entity":"Acme","currency":"USD","status":"active","in_payment_portfolio":true}}"#
            )
        })
        .collect();
    let json = format!(
        r#"{{"today":"2026-11-24","actor_role":"admin","business_center":{{"entity":"Acme","currency":"USD",
        "ad_credits":[{{"id":"launch-voucher","amount":"1000.00"}}]}},"accounts":[{}]}}"#,
        accounts.join(",")
    );
    adcredit_core::parse_scenario(&json).expect("the bench scenario parses")
}

const QUESTIONS: &[&str] = &[
    "can I move credit from acc-5 to acc-9?",
    "can I give the Paris shop 3 $1,200 of the launch voucher?",
    "can the credit in acc-7 be used anywhere else?",
];

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("answer_move");
    g.sample_size(10);
    for n in [1_000, 10_000, 30_000, 100_000] {
        let s = scenario(n);
        g.bench_with_input(BenchmarkId::from_parameter(n), &s, |b, s| {
            b.iter(|| {
                for q in QUESTIONS {
                    let a = adcredit_assistant::answer_move(q, Some(s)).expect("answers");
                    std::hint::black_box(a);
                }
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
