//! adcredit's assistant: a question in plain words, and optionally the asker's scenario, in;
//! the best answers from the knowledge base and — when the question is about moving money —
//! the can-move verdict for *that* scenario (or from the rules alone without one), out.
//!
//! Pure: the CLI and the wasm binding both call [`ask`], so a question gets the same answer in
//! a terminal and in the browser.
//!
//! ```
//! let s = adcredit_core::parse_scenario(r#"{"today":"2026-11-24","actor_role":"admin",
//!   "business_center":{"entity":"Acme","currency":"USD",
//!     "ad_credits":[{"id":"launch-voucher","amount":"1000.00"}]},
//!   "accounts":[{"id":"de","name":"Germany","entity":"Acme","currency":"USD","status":"active"}]}"#).unwrap();
//! let a = adcredit_assistant::answer_move("can I give the German shop $1,200 of the launch voucher?", Some(&s)).unwrap();
//! let v = a.verdict.unwrap();
//! assert_eq!((v.rule.as_str(), v.amount.unwrap().to_string().as_str()), ("insufficient-credit", "1200.00"));
//! ```

mod amounts;
mod gate;
mod howmuch;
mod intent;
mod judge;
mod lexicon;
mod places;
mod words;

use adcredit_core::{Scenario, Verdict};
use adcredit_search::{Found, Hit, SearchOptions, Searcher};
use serde::Serialize;

pub use gate::{may_move, mentions_move};
pub use intent::{has_moving_verb, interpret, AsksFor, Choice, End, Intent, Needs, Reading, ANY};
pub use places::{names_a_country, Known, KnownAccount};

/// Search results, best first (CONTRACT §7 `search`, §6 `ask --json` without a scenario).
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SearchResults {
    /// Knowledge-base entries, best first.
    pub results: Vec<Hit>,
    /// False when the knowledge base has no answer to the question: `results` are then only
    /// the closest entries (decided by the search from the words the best entry matches).
    pub answered: bool,
}

/// The assistant's reply.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Answer {
    /// Knowledge-base entries, best first.
    pub results: Vec<Hit>,
    /// False when the knowledge base has no answer to the question: `results` are then only
    /// the closest entries.
    pub answered: bool,
    /// The verdict on the move the question describes, or what is missing to give one.
    #[serde(flatten)]
    #[cfg_attr(feature = "ts", ts(flatten))]
    pub about_move: MoveAnswer,
}

/// The move part of an answer: a verdict, or what is missing to give one, or neither.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MoveAnswer {
    /// The verdict on the move the question describes (in the given scenario, or from the
    /// rules alone). An end the question leaves open, when the verdict is the same wherever
    /// it is, is `"any"`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub verdict: Option<Verdict>,
    /// The question back, as one sentence, when the question is about a move but something
    /// is missing or unclear.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub needs: Option<String>,
    /// What `needs` asks for.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub asks_for: Option<AsksFor>,
    /// When several places fit the words: each, with the question made explicit for it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "ts", ts(as = "Option<Vec<Choice>>", optional))]
    pub choices: Vec<Choice>,
    /// How the question was read where it matters to the verdict (a role the question
    /// states, "all of it", an open end), as sentences.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "ts", ts(as = "Option<Vec<String>>", optional))]
    pub notes: Vec<String>,
    /// For "how much should X get?": what the suggested plan (CONTRACT §8) gives the account
    /// asked about — its amount, the credits it is drawn from, and why.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub suggestion: Option<adcredit_core::AccountShare>,
    /// For "how do I split the launch voucher?": every account's part of that credit in the
    /// suggested plan.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(
        feature = "ts",
        ts(as = "Option<Vec<adcredit_core::AccountShare>>", optional)
    )]
    pub suggestions: Vec<adcredit_core::AccountShare>,
}

impl MoveAnswer {
    /// Whether the question was understood as one about the asker's money (a verdict, a
    /// question back, or the plan's figures): such a question is one the knowledge base
    /// covers, whatever words it uses for the places.
    pub fn understood(&self) -> bool {
        self.verdict.is_some()
            || self.needs.is_some()
            || self.suggestion.is_some()
            || !self.suggestions.is_empty()
            || !self.notes.is_empty()
    }

    fn needs(n: Needs) -> MoveAnswer {
        MoveAnswer {
            needs: Some(n.message),
            asks_for: Some(n.asks_for),
            choices: n.choices,
            ..MoveAnswer::default()
        }
    }
}

/// Everything that can go wrong when answering.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The search failed (a broken bundle, a question it cannot take).
    #[error(transparent)]
    Search(#[from] adcredit_search::Error),
    /// The move question built from the words was refused by the rules core.
    #[error(transparent)]
    Core(#[from] adcredit_core::Error),
}

/// Search the knowledge base with the widget's options (prefix and typo tolerance on).
/// `limit` must be from 1 to [`adcredit_search::MAX_LIMIT`] ([`adcredit_search::check_limit`]).
pub fn search(searcher: &Searcher, query: &str, limit: usize) -> Result<SearchResults, Error> {
    let found = find(searcher, query, limit)?;
    Ok(SearchResults {
        results: found.hits,
        answered: found.answered,
    })
}

/// [`search`] with the search's own figures ([`Found`]: coverage and evidence too): the
/// widget's options, and the names of countries weighing nothing in whether the knowledge
/// base answers ([`Searcher::find_with`], [`names_a_country`]).
pub fn find(searcher: &Searcher, query: &str, limit: usize) -> Result<Found, Error> {
    let options = SearchOptions {
        limit: adcredit_search::check_limit(limit as f64)?,
        ..SearchOptions::default()
    };
    Ok(searcher.find_with(query, &options, &names_a_country)?)
}

/// The shards of a sharded bundle that [`search`] with the same question and limit needs.
pub fn missing_shards(
    searcher: &Searcher,
    query: &str,
    limit: usize,
) -> Vec<adcredit_search::ShardKey> {
    searcher.missing_shards_with(query, &options(limit), &names_a_country)
}

fn options(limit: usize) -> SearchOptions {
    SearchOptions {
        limit,
        ..SearchOptions::default()
    }
}

/// Answer `question`, with a verdict when it is about moving money (within `scenario`, or
/// from the rules alone without one).
pub fn ask(
    searcher: &Searcher,
    question: &str,
    scenario: Option<&Scenario>,
    limit: usize,
) -> Result<Answer, Error> {
    let SearchResults { results, answered } = search(searcher, question, limit)?;
    let about_move = answer_move(question, scenario)?;
    Ok(Answer {
        results,
        answered: answered || about_move.understood(),
        about_move,
    })
}

/// The knowledge-base entry the verdict of `answer` cites (its `source`), for the reply's
/// direct answer: from the results when it is among them, else found by the words of its id,
/// as the widget finds a deep link's entry. `None` without a verdict, or when the entry is
/// not in the index (someone else's help center).
pub fn cited_entry(searcher: &Searcher, answer: &Answer) -> Result<Option<Hit>, Error> {
    let Some(v) = &answer.about_move.verdict else {
        return Ok(None);
    };
    if let Some(h) = answer.results.iter().find(|h| h.id == v.source) {
        return Ok(Some(h.clone()));
    }
    let words: String = v
        .source
        .trim_start_matches("faq/")
        .trim_start_matches("article/")
        .chars()
        .map(|c| {
            if matches!(c, '#' | '/' | '_' | '-') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let found = search(searcher, &words, adcredit_search::MAX_LIMIT)?;
    Ok(found.results.into_iter().find(|h| h.id == v.source))
}

/// The move part of [`ask`] alone: the verdict on the move `question` describes (within
/// `scenario`, or from the rules alone), or what is missing to decide it. Empty when the
/// question is not about moving money between places (see [`mentions_move`]).
pub fn answer_move(question: &str, scenario: Option<&Scenario>) -> Result<MoveAnswer, Error> {
    // "How much should X get?" is answered with the plan's figures for X, not with a verdict
    // that would allow everything the Business Center holds.
    if let Some(s) = scenario {
        let about = howmuch::read(question, s);
        if about != howmuch::HowMuch::No {
            let (mut shares, left) = howmuch::suggest(&about, s)?;
            let notes = left.into_iter().collect();
            return Ok(match about {
                howmuch::HowMuch::Account(_) => MoveAnswer {
                    suggestion: shares.pop(),
                    notes,
                    ..MoveAnswer::default()
                },
                _ => MoveAnswer {
                    suggestions: shares,
                    notes,
                    ..MoveAnswer::default()
                },
            });
        }
    }
    Ok(match interpret(question, scenario) {
        Intent::NotAMove => MoveAnswer::default(),
        Intent::Needs(n) => MoveAnswer::needs(n),
        Intent::Move(r) => judge::judge(*r)?,
    })
}
