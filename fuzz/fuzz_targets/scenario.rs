//! Any bytes as a scenario or a move question: parsing never panics, the fast decoder gives
//! exactly what the checked one gives (value or error), and every accepted scenario checks
//! without error, with `valid` iff no error finding and money conserved.
#![no_main]

use adcredit_core::{
    can_move, check, from_json, from_json_checked, parse_move_question, parse_scenario,
    MoveQuestion, Scenario, Severity,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    assert_eq!(from_json::<Scenario>(text), from_json_checked::<Scenario>(text));
    assert_eq!(from_json::<MoveQuestion>(text), from_json_checked::<MoveQuestion>(text));
    if let Ok(s) = parse_scenario(text) {
        let r = check(&s).expect("a parsed scenario always checks");
        let errors = r.findings.iter().any(|f| f.severity == Severity::Error);
        assert_eq!(r.valid, !errors);
        for c in &r.after.business_center.ad_credits {
            assert_eq!(c.remaining.checked_add(c.allocated).unwrap(), c.amount);
        }
    }
    if let Ok(q) = parse_move_question(text) {
        let _ = can_move(&q);
    }
});
