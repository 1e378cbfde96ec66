//! Any bytes as a question to the search and the assistant, against the shipped bundle
//! (`index/adcredit.bundle`, built by `cargo xtask fuzz` first) and a small scenario.
#![no_main]

use std::sync::OnceLock;

use adcredit_core::Scenario;
use adcredit_search::Searcher;
use libfuzzer_sys::fuzz_target;

static BUNDLE: &[u8] = include_bytes!("../../index/adcredit.bundle");

fn fixtures() -> &'static (Searcher, Scenario) {
    static F: OnceLock<(Searcher, Scenario)> = OnceLock::new();
    F.get_or_init(|| {
        let searcher = Searcher::from_bundle(BUNDLE).expect("the shipped bundle loads");
        let scenario = adcredit_core::parse_scenario(
            r#"{"today":"2026-11-24","actor_role":"admin",
            "business_center":{"entity":"Acme","currency":"EUR","ad_credits":[{"id":"promo","amount":"300.00"},
              {"id":"spring-grant","amount":"1200.00","expires":"2026-12-31"},
              {"id":"old","amount":"50","expires":"2026-10-01"}]},
            "accounts":[
              {"id":"de","name":"DE shop","entity":"Acme","currency":"EUR","status":"active","in_payment_portfolio":true},
              {"id":"at","name":"Austria","entity":"Acme","currency":"EUR","status":"suspended"}]}"#,
        )
        .expect("the fuzz scenario parses");
        (searcher, scenario)
    })
}

fuzz_target!(|data: &[u8]| {
    // Corrupt bundles are rejected, never trusted.
    let _ = Searcher::from_bundle(data);
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (searcher, scenario) = fixtures();
    // ask = the product search (prefix, typos, snippets) + the move reading and its verdict.
    let _ = adcredit_assistant::ask(searcher, text, Some(scenario), 3);
    // What the browser's search module decides before loading the rules.
    let known = adcredit_assistant::Known::of(scenario);
    let _ = adcredit_assistant::mentions_move(text, Some(&known));
    // Without a scenario: the rules alone, and the gate must let every move through.
    if let Ok(a) = adcredit_assistant::answer_move(text, None) {
        assert!(
            a == adcredit_assistant::MoveAnswer::default() || adcredit_assistant::mentions_move(text, None),
            "{text:?}"
        );
    }
});
