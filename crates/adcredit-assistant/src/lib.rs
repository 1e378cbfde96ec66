//! adcredit's assistant: a question in plain words, and optionally the asker's scenario, in;
//! the best answers from the knowledge base and — when the question is about moving money
//! between the scenario's places — the can-move verdict for *that* scenario, out.
//!
//! Pure: the CLI and the wasm binding both call [`ask`], so a question gets the same answer in
//! a terminal and in the browser.

mod intent;

use adcredit_core::{Scenario, Verdict};
use adcredit_search::{Hit, SearchOptions, Searcher};
use serde::Serialize;

pub use intent::{has_moving_verb, interpret, mentions_move, Intent};

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
#[derive(Clone, Debug, Default, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MoveAnswer {
    /// The verdict on the move the question describes, in the given scenario.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub verdict: Option<Verdict>,
    /// What is missing to give a verdict, when the question is about a move but incomplete.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub needs: Option<String>,
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
    let options = SearchOptions {
        limit: adcredit_search::check_limit(limit as f64)?,
        ..SearchOptions::default()
    };
    let found = searcher.find(query, &options)?;
    Ok(SearchResults {
        results: found.hits,
        answered: found.answered,
    })
}

/// The shards of a sharded bundle that [`search`] with the same question and limit needs.
pub fn missing_shards(
    searcher: &Searcher,
    query: &str,
    limit: usize,
) -> Vec<adcredit_search::ShardKey> {
    searcher.missing_shards(query, &options(limit))
}

fn options(limit: usize) -> SearchOptions {
    SearchOptions {
        limit,
        ..SearchOptions::default()
    }
}

/// Answer `question`, with a verdict when it is about moving money within `scenario`.
pub fn ask(
    searcher: &Searcher,
    question: &str,
    scenario: Option<&Scenario>,
    limit: usize,
) -> Result<Answer, Error> {
    let SearchResults { results, answered } = search(searcher, question, limit)?;
    let about_move = match scenario {
        Some(s) => answer_move(question, s)?,
        None => MoveAnswer::default(),
    };
    Ok(Answer {
        results,
        answered,
        about_move,
    })
}

/// The move part of [`ask`] alone: the verdict on the move `question` describes within
/// `scenario`, or what is missing to decide it. Empty when the question is not about moving
/// money (then the scenario is not even looked at, see [`mentions_move`]).
pub fn answer_move(question: &str, scenario: &Scenario) -> Result<MoveAnswer, Error> {
    Ok(match interpret(question, scenario) {
        Intent::Move(q) => MoveAnswer {
            verdict: Some(adcredit_core::can_move(&q)?),
            needs: None,
        },
        Intent::Needs(n) => MoveAnswer {
            verdict: None,
            needs: Some(n),
        },
        Intent::NotAMove => MoveAnswer::default(),
    })
}
