//! "How much?" questions about the asker's accounts get the suggested plan's figures
//! (`suggestion` / `suggestions`), never a verdict that allows everything the Business Center
//! holds. Each case: a question on the demo scenario, and what the reply must carry.

use adcredit_assistant::answer_move;

fn demo() -> adcredit_core::Scenario {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/assistant/scenarios/demo.json"
    ))
    .expect("demo scenario");
    adcredit_core::parse_scenario(&text).expect("valid demo scenario")
}

/// What a reply says, in one line: `suggestion <account> <amount> [<credit> <amount>…]`,
/// `suggestions <account>=<amount>…`, `verdict <rule>`, `needs <what>`, or `nothing`.
fn summary(question: &str) -> String {
    let a = answer_move(question, Some(&demo())).expect("answer");
    if let Some(s) = &a.suggestion {
        let credits: Vec<String> = s
            .credits
            .iter()
            .map(|c| format!("{} {}", c.credit, c.amount))
            .collect();
        return format!(
            "suggestion {} {} [{}]",
            s.account,
            s.amount,
            credits.join(", ")
        );
    }
    if !a.suggestions.is_empty() {
        let parts: Vec<String> = a
            .suggestions
            .iter()
            .map(|s| format!("{}={}", s.account, s.amount))
            .collect();
        return format!("suggestions {}", parts.join(" "));
    }
    match (&a.verdict, &a.asks_for) {
        (Some(v), _) => format!("verdict {}", v.rule.as_str()),
        (None, Some(n)) => format!("needs {n:?}"),
        _ => "nothing".into(),
    }
}

#[test]
fn how_much_questions_get_the_plans_figures() {
    // The demo: Germany (de) holds 120.00 and plans 300.00; the US store plans 900.00; the
    // q4-promo (1500.00) expires before the spring-grant (800.00).
    let cases = [
        (
            "how much credit should I give Germany?",
            "suggestion de 180.00 [q4-promo 180.00]",
        ),
        (
            "How much should the US store get?",
            "suggestion us 900.00 [q4-promo 900.00]",
        ),
        (
            "which credit should go to the US store?",
            "suggestion us 900.00 [q4-promo 900.00]",
        ),
        (
            "how much does the German account need?",
            "suggestion de 180.00 [q4-promo 180.00]",
        ),
        // Austria is still in review: the plan gives it nothing, and says why.
        ("how much should Austria get?", "suggestion at 0.00 []"),
        // Not "how much should … get": a move, or nothing.
        (
            "can I move credit from us to de?",
            "verdict portfolio-excludes-ad-credit",
        ),
        ("how much credit is left?", "nothing"),
        (
            "how do I split the q4 promo?",
            "suggestions us=900.00 de=180.00",
        ),
    ];
    let mut wrong = Vec::new();
    for (q, expect) in cases {
        let got = summary(q);
        if got != expect {
            wrong.push(format!("{q}\n  expected: {expect}\n  got:      {got}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_credit_the_plan_does_not_use_now_is_explained() {
    // The q4-promo covers every planned need, so the later spring-grant stays in the BC.
    let a = answer_move("how do I split the spring grant?", Some(&demo())).expect("answer");
    assert!(a.suggestions.is_empty());
    assert!(
        a.notes
            .iter()
            .any(|n| n.starts_with("The plan leaves 800.00 of spring-grant")),
        "notes: {:?}",
        a.notes
    );
}

#[test]
fn a_how_much_reply_explains_each_figure() {
    let a = answer_move("how much should Austria get?", Some(&demo())).expect("answer");
    let s = a.suggestion.expect("a suggestion for Austria");
    assert!(s.why.contains("review"), "why: {}", s.why);
}
