//! Every rule names the facts its messages rest on, and every one of those ids exists in
//! `../shared/domain/FACTS.md` (the core reads no files; this test does).

use std::collections::BTreeSet;
use std::path::Path;

use adcredit_core::RuleId;

/// The fact ids FACTS.md defines: its `- **F12**` bullets. `None` when the file is absent
/// (a checkout without the shared folder).
fn defined_facts() -> Option<BTreeSet<String>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/domain/FACTS.md");
    let text = std::fs::read_to_string(path).ok()?;
    Some(
        text.lines()
            .filter_map(|l| l.trim_start().strip_prefix("- **F"))
            .filter_map(|rest| rest.split_once("**"))
            .map(|(n, _)| format!("F{n}"))
            .collect(),
    )
}

#[test]
fn every_rule_names_facts_that_exist() {
    let defined = defined_facts();
    match &defined {
        Some(ids) => assert!(ids.len() >= 41, "FACTS.md defines only {ids:?}"),
        None => println!("../shared/domain/FACTS.md not found: checking the id format only"),
    }
    let mut problems = Vec::new();
    for rule in RuleId::ALL {
        let facts = rule.facts();
        if facts.is_empty() {
            problems.push(format!("{rule}: names no fact"));
        }
        for id in facts {
            let known = match &defined {
                Some(ids) => ids.contains(*id),
                None => id
                    .strip_prefix('F')
                    .and_then(|n| n.parse::<u32>().ok())
                    .is_some_and(|n| (1..=41).contains(&n)),
            };
            if !known {
                problems.push(format!("{rule}: `{id}` is not a fact of FACTS.md"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_fact_table_reads_as_written() {
    assert_eq!(
        RuleId::ManualAllocation.facts()[..5],
        ["F4", "F6", "F7", "F8", "F9"]
    );
    assert_eq!(RuleId::RoleNotPermitted.facts(), ["F6", "F20", "F40"]);
    assert_eq!(RuleId::CashRefundToBc.facts(), ["F23"]);
}
