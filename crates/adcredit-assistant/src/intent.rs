//! Reading a move question out of plain words: "can I move credit from the DE shop to AT?"
//!
//! The reader looks for a moving verb, the kind of funds, the places named (the Business
//! Center, or the scenario's accounts by id or name, case-insensitively, longest name first)
//! and an amount. Places after "from" are the source and after "to"/"into" the target; an
//! allocation verb with only a target means "from the Business Center". When something is
//! missing it says what, instead of guessing.

use adcredit_core::{Fund, Money, MoveQuestion, Scenario};

/// What a question asks, as far as moving money goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Intent {
    /// Not a question about moving money between places of the scenario.
    NotAMove,
    /// A complete move question.
    Move(Box<MoveQuestion>),
    /// A move question with something missing; the sentence says what.
    Needs(String),
}

/// Words that make a question about moving money.
const MOVE_WORDS: &[&str] = &[
    "move",
    "moving",
    "moved",
    "transfer",
    "transferring",
    "transferred",
    "shift",
    "reallocate",
    "re-allocate",
    "send",
    "give",
    "allocate",
    "allocating",
    "assign",
    "put",
    "share",
    "sharing",
    "split",
    "return",
    "refund",
    "withdraw",
    "back",
    "top",
    "fund",
    "use",
    "spend",
    "pass",
];
/// Verbs after which a lone target means "from the Business Center".
const ALLOCATE_WORDS: &[&str] = &[
    "allocate",
    "allocating",
    "assign",
    "give",
    "top",
    "fund",
    "put",
    "send",
];

#[derive(Clone, Debug, PartialEq, Eq)]
struct Word {
    text: String,
    start: usize,
}

fn words(q: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut start = 0;
    for (i, ch) in q.char_indices() {
        if ch.is_alphanumeric() || ch == '.' || ch == '-' || ch == '_' {
            if cur.is_empty() {
                start = i;
            }
            cur.push(adcredit_search::lowercase(ch));
        } else if !cur.is_empty() {
            out.push(Word {
                text: trim_word(&cur),
                start,
            });
            cur.clear();
        }
    }
    if !cur.is_empty() {
        out.push(Word {
            text: trim_word(&cur),
            start,
        });
    }
    out.retain(|w| !w.text.is_empty());
    out
}

/// Sentence punctuation stuck to a word ("AT." → "at", "-de" → "de").
fn trim_word(w: &str) -> String {
    w.trim_matches(|c| c == '.' || c == '-').to_owned()
}

/// A place named in the question: `None` is the Business Center, `Some(i)` account `i`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Mention {
    place: Option<usize>,
    /// Index of the first word of the mention.
    at: usize,
}

/// Every way the question may name a place, as word sequences, longest first: `None` is the
/// Business Center, `Some(i)` the account at `i` (named by its id or its name).
fn place_names<'a>(
    accounts: impl Iterator<Item = (&'a str, Option<&'a str>)>,
) -> Vec<(Vec<String>, Option<usize>)> {
    let mut names: Vec<(Vec<String>, Option<usize>)> = vec![
        (vec!["business".into(), "center".into()], None),
        (vec!["business".into(), "centre".into()], None),
        (vec!["bc".into()], None),
    ];
    for (i, (id, name)) in accounts.enumerate() {
        for n in [Some(id), name].into_iter().flatten() {
            let seq: Vec<String> = words(n).into_iter().map(|w| w.text).collect();
            if !seq.is_empty() {
                // Longest first, in order of appearance among equally long names (an insertion
                // rather than a sort: one sort instantiation less in the search module).
                let at = names
                    .iter()
                    .position(|(other, _)| other.len() < seq.len())
                    .unwrap_or(names.len());
                names.insert(at, (seq, Some(i)));
            }
        }
    }
    names
}

fn find_mentions(ws: &[Word], names: &[(Vec<String>, Option<usize>)]) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let hit = names.iter().find(|(seq, _)| {
            ws.len() - i >= seq.len() && seq.iter().zip(&ws[i..]).all(|(a, b)| *a == b.text)
        });
        match hit {
            Some((seq, place)) => {
                out.push(Mention {
                    place: *place,
                    at: i,
                });
                i += seq.len();
            }
            None => i += 1,
        }
    }
    out
}

fn fund_of(ws: &[Word]) -> Option<Fund> {
    let has = |w: &str| ws.iter().any(|x| x.text == w);
    let pair = |a: &str, b: &str| ws.windows(2).any(|p| p[0].text == a && p[1].text == b);
    if pair("credit", "line") || pair("line", "of") || has("credit-line") || pair("credit", "lines")
    {
        Some(Fund::CreditLine)
    } else if has("cash") || has("prepaid") {
        Some(Fund::Cash)
    } else if [
        "credit",
        "credits",
        "coupon",
        "coupons",
        "voucher",
        "vouchers",
        "promo",
        "grant",
        "ad-credit",
    ]
    .iter()
    .any(|w| has(w))
    {
        Some(Fund::AdCredit)
    } else {
        None
    }
}

fn amount_of(ws: &[Word]) -> Option<Money> {
    ws.iter().find_map(|w| {
        let t = w.text.trim_start_matches(['$', '€', '£']);
        let t = t.trim_end_matches(['$', '€', '£']);
        if t.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            t.parse::<Money>().ok().filter(|m| m.is_positive())
        } else {
            None
        }
    })
}

/// Whether `question` has a moving verb and names a place: the Business Center or one of the
/// accounts given as `(id, name)`. When it does not, [`interpret`] answers
/// [`Intent::NotAMove`] for any scenario with these accounts, so a caller may skip reading the
/// rest of the scenario (the browser loads the rules module only for such questions).
pub fn mentions_move<'a>(
    question: &str,
    accounts: impl Iterator<Item = (&'a str, Option<&'a str>)>,
) -> bool {
    let ws = words(question);
    is_move(&ws) && !find_mentions(&ws, &place_names(accounts)).is_empty()
}

/// Whether `question` has a moving verb ("move", "transfer", "allocate", …); without one,
/// [`interpret`] answers [`Intent::NotAMove`] whatever the scenario.
pub fn has_moving_verb(question: &str) -> bool {
    is_move(&words(question))
}

fn is_move(ws: &[Word]) -> bool {
    ws.iter().any(|w| MOVE_WORDS.contains(&w.text.as_str()))
}

/// Read a move question out of `question`, against the places of `scenario`.
pub fn interpret(question: &str, scenario: &Scenario) -> Intent {
    let ws = words(question);
    let is_move = is_move(&ws);
    let mentions = find_mentions(
        &ws,
        &place_names(
            scenario
                .accounts
                .iter()
                .map(|a| (a.id.as_str(), a.name.as_deref())),
        ),
    );
    if !is_move || mentions.is_empty() {
        return Intent::NotAMove;
    }
    let before = |m: &Mention, set: &[&str]| {
        let lo = m.at.saturating_sub(3);
        ws[lo..m.at]
            .iter()
            .rev()
            .find(|w| set.contains(&w.text.as_str()) || is_place_word(w, &ws, &mentions))
            .is_some_and(|w| set.contains(&w.text.as_str()))
    };
    let mut from: Option<Option<usize>> = None;
    let mut to: Option<Option<usize>> = None;
    let mut loose = Vec::new();
    for m in &mentions {
        if before(m, &["from", "out"]) && from.is_none() {
            from = Some(m.place);
        } else if before(m, &["to", "into", "onto", "for", "toward", "towards"]) && to.is_none() {
            to = Some(m.place);
        } else {
            loose.push(m.place);
        }
    }
    let allocating = ws.iter().any(|w| ALLOCATE_WORDS.contains(&w.text.as_str()));
    if let ([only], None, None) = (loose.as_slice(), from, to) {
        // "give the US store 50 of credit": with an allocation verb a lone place is the target.
        if allocating && only.is_some() {
            to = Some(*only);
            loose.clear();
        }
    }
    for p in loose {
        if from.is_none() && to.is_none_or(|t| t != p) {
            from = Some(p);
        } else if to.is_none() && from.is_none_or(|f| f != p) {
            to = Some(p);
        }
    }
    let has = |w: &str| ws.iter().any(|x| x.text == w);
    match (from, to) {
        (None, Some(_)) if allocating => from = Some(None),
        (Some(Some(_)), None)
            if has("back") || has("return") || has("refund") || has("withdraw") =>
        {
            to = Some(None)
        }
        _ => {}
    }
    let fund = fund_of(&ws);
    let accounts_list = || {
        scenario
            .accounts
            .iter()
            .take(8)
            .map(|a| match &a.name {
                Some(n) if n != &a.id => format!("{} ({n})", a.id),
                _ => a.id.clone(),
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let (Some(from), Some(to)) = (from, to) else {
        return Intent::Needs(format!(
            "To answer for your setup I need both ends of the move: say where the money comes from and \
             where it goes, e.g. \"from bc to {}\". Your accounts: {}",
            scenario.accounts.first().map_or("an account", |a| a.id.as_str()),
            accounts_list()
        ));
    };
    if from == to {
        return Intent::Needs("The question names the same place twice: say where the money comes from and where it goes".into());
    }
    let Some(fund) = fund else {
        return Intent::Needs(
            "Which kind of funds do you mean: ad credit, cash or a credit line? Each has its own rules".into(),
        );
    };
    let id =
        |p: Option<usize>| p.map_or_else(|| "bc".to_owned(), |i| scenario.accounts[i].id.clone());
    Intent::Move(Box::new(MoveQuestion {
        fund,
        from: id(from),
        to: id(to),
        amount: amount_of(&ws),
        scenario: Some(scenario.clone()),
    }))
}

/// Whether word `w` is part of a place mention (so "from" before an earlier place does not count).
fn is_place_word(w: &Word, ws: &[Word], mentions: &[Mention]) -> bool {
    mentions
        .iter()
        .any(|m| ws.get(m.at).is_some_and(|x| x.start == w.start))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scenario() -> Scenario {
        adcredit_core::parse_scenario(
            r#"{"today":"2026-11-24","actor_role":"admin",
            "business_center":{"entity":"Acme","currency":"EUR"},
            "accounts":[
              {"id":"de","name":"DE shop","entity":"Acme","currency":"EUR","status":"active"},
              {"id":"at","name":"Austria","entity":"Acme","currency":"EUR","status":"active"},
              {"id":"us-main","name":"US store","entity":"Acme","currency":"EUR","status":"active"}]}"#,
        )
        .unwrap()
    }

    /// `question` → "fund from→to [amount]" or "needs: …" or "not a move".
    fn check(question: &str, expected: &str) {
        let got = match interpret(question, &scenario()) {
            Intent::NotAMove => "not a move".to_owned(),
            Intent::Needs(n) => format!("needs: {}", n.split(':').next().unwrap_or_default()),
            Intent::Move(q) => format!(
                "{} {}→{}{}",
                q.fund.label(),
                q.from,
                q.to,
                q.amount.map(|m| format!(" {m}")).unwrap_or_default()
            ),
        };
        assert_eq!(got, expected, "{question}");
    }

    #[test]
    fn questions() {
        check(
            "can I move credit from the DE shop to AT?",
            "ad credit de→at",
        );
        check("Can I move ad credit from de to at", "ad credit de→at");
        check(
            "transfer 50 EUR of cash from Austria into the DE shop",
            "cash at→de 50.00",
        );
        check(
            "can I give the US store 120.50 of promo credit?",
            "ad credit bc→us-main 120.50",
        );
        check("allocate coupon to austria", "ad credit bc→at");
        check(
            "can I get the credit back from DE to the business center",
            "ad credit de→bc",
        );
        check("can I take the credit back from de", "ad credit de→bc");
        check(
            "share the credit line between DE shop and Austria",
            "credit line de→at",
        );
        check(
            "move money from de to at",
            "needs: Which kind of funds do you mean",
        );
        check("move credit to somewhere", "not a move");
        check(
            "move credit from de",
            "needs: To answer for your setup I need both ends of the move",
        );
        check("what is a credit line?", "not a move");
        check(
            "how do I move credit from de to de",
            "needs: The question names the same place twice",
        );
        check(
            "move credit from US store to DE shop",
            "ad credit us-main→de",
        );
    }

    #[test]
    fn without_a_moving_verb_and_a_place_it_is_not_a_move() {
        let s = scenario();
        let accounts = || {
            s.accounts
                .iter()
                .map(|a| (a.id.as_str(), a.name.as_deref()))
        };
        for q in [
            "what is a credit line?",
            "credit from de to at",
            "",
            "DE shop Austria bc",
            "Can I share TikTok ad credit across accounts?",
            "move credit to somewhere",
        ] {
            assert!(!mentions_move(q, accounts()), "{q}");
            assert_eq!(interpret(q, &s), Intent::NotAMove, "{q}");
        }
        for q in [
            "Can I MOVE it to the BC",
            "move credit from de",
            "give the us store 5",
        ] {
            assert!(mentions_move(q, accounts()), "{q}");
            assert_ne!(interpret(q, &s), Intent::NotAMove, "{q}");
        }
    }
}
