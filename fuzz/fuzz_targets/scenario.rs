//! Any bytes as a scenario or a move question: parsing never panics, the fast decoder gives
//! exactly what the checked one gives (value or error), every error names its
//! path as data, and every accepted scenario checks to an exact report (`valid` iff no error
//! finding, money conserved) or to an overflow error at a path, never a rounded amount. The
//! same bytes as an id and as user text: normalisation is idempotent and leaves no padding,
//! and the CLI's escaping leaves no raw control character.
#![no_main]

use adcredit_core::{
    can_move, check, escape_controls, from_json, from_json_checked, normalize_id,
    parse_move_question, parse_scenario, Error, MoveQuestion, Scenario, Severity,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    assert_eq!(from_json::<Scenario>(text), from_json_checked::<Scenario>(text));
    assert_eq!(from_json::<MoveQuestion>(text), from_json_checked::<MoveQuestion>(text));
    match parse_scenario(text) {
        Ok(s) => match check(&s) {
            Ok(r) => {
                let errors = r.findings.iter().any(|f| f.severity == Severity::Error);
                assert_eq!(r.valid, !errors);
                for c in &r.after.business_center.ad_credits {
                    assert_eq!(c.remaining.checked_add(c.allocated).unwrap(), c.amount);
                }
            }
            Err(e) => assert!(
                matches!(&e, Error::Overflow { path, .. } if !path.is_empty()),
                "{e}"
            ),
        },
        Err(e) => assert!(e.is_input() && e.to_string().ends_with(&e.message()), "{e}"),
    }
    if let Ok(q) = parse_move_question(text) {
        let _ = can_move(&q);
    }
    let id = normalize_id(text);
    assert_eq!(normalize_id(&id), id);
    assert_eq!(id.trim(), id);
    assert!(!escape_controls(text).chars().any(char::is_control));
});
