//! Does a question need the rules at all? The browser's search module asks this before it
//! loads the rules module, so it must be small: it reads the question's words with the
//! search analyzer's own splitter and answers `true` for every question [`crate::interpret`]
//! reads as a move (a superset: a `true` for a question that is not a move only costs the
//! rules module's download). `tests/moves.rs` checks the superset on every case.

use adcredit_search::fold_words;

use crate::lexicon::{ALLOCATE_WORDS, COUNTRIES, MOVE_WORDS, PLACE_NOUNS, RETURN_WORDS};
use crate::places::{Known, TYPO_MIN_LEN};

/// Words that may start a move without a verb ("25,000 from the credit line to Paris").
/// "have" for "can NZ have the Sydney cash?", "for" for "€500 of the q4 promo for the German
/// store, fine?", "paid" for "can Brazil be paid out of the credit line?".
const LINKS: &[&str] = &[
    "from", "to", "into", "onto", "top", "hand", "have", "for", "pay", "pays", "paid",
];
/// Words of a "how much?" question besides its split words (with
/// `crate::howmuch::SPLIT_WORDS`, a superset of what `crate::howmuch` reads).
const HOW_MUCH: &[&str] = &["much", "which", "share"];
/// Words that name a place or say who asks, whatever the scenario.
const ALWAYS: &[&str] = &[
    "suspended",
    "paused",
    "banned",
    "disabled",
    "blocked",
    "frozen",
    "restricted",
    "closed",
    "deleted",
    "shut",
    "review",
    "pending",
    "unapproved",
    "admin",
    "admins",
    "administrator",
    "owner",
    "manager",
    "analyst",
    "analysts",
    "operator",
    "operators",
    "standard",
    "member",
    "viewer",
];

/// Whether `question` may be about moving money between places: the Business Center, one of
/// `known`'s accounts or credits, or — without a scenario (`None`) — a country, an account in
/// general or an id. When `false`, [`crate::interpret`] answers [`crate::Intent::NotAMove`],
/// so a caller may skip reading the rest of the scenario (the browser loads the rules module
/// only when it is `true`).
pub fn mentions_move(question: &str, known: Option<&Known<'_>>) -> bool {
    let words = read_as_reader(fold_words(question));
    let has = |set: &[&str]| words.iter().any(|w| set.contains(&w.as_str()));
    if !moving(&words) && !arrow(question) {
        return false;
    }
    // A word the reader may take for a name with one typo ("germny"): looser than the
    // reader (`crate::places::may_be_typo`), which also leaves out everyday words.
    let typo = |w: &str, name: &str| {
        w.len() >= TYPO_MIN_LEN
            && name.len() >= TYPO_MIN_LEN
            && adcredit_search::one_edit_apart(w, name)
    };
    let place_word = |w: &str| {
        w == "business"
            // the one-word forms ("bc", "businesscenter")
            || crate::lexicon::BC_FORMS.contains(&w)
            || ALWAYS.contains(&w)
            || (w != "the"
                && w != "of"
                && COUNTRIES.iter().any(|c| {
                    c.forms
                        .iter()
                        .any(|f| f.split(' ').any(|p| p == w) || typo(w, f))
                }))
    };
    // Ids with digits, dashes or in capitals ("acc-7", "XYZ"), which the reader may take as
    // places the scenario lacks.
    // Split as the reader splits words, so an id after a control character, a bracket or a
    // run of commas ("FF,,,F") is seen as the reader sees it.
    let id_like = reader_words(question).into_iter().any(|w| {
        w.contains(|c: char| c.is_ascii_digit() || c == '-' || c == '_')
            // Dotted codes ("u.k", "U.S.A."), which the reader joins into one word.
            || w
                .as_bytes()
                .windows(3)
                .any(|t| t[0].is_ascii_alphabetic() && t[1] == b'.' && t[2].is_ascii_alphabetic())
            || (w.len() >= 2
                && w.len() <= 4
                && w.bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_punctuation()))
    });
    if id_like || words.iter().any(|w| place_word(w)) {
        return true;
    }
    // "can I hand out some coupons today?", "can I take back credit?": the asker allocates or
    // takes back funds, no place named.
    if has(&["i", "we"])
        && (has(ALLOCATE_WORDS) || has(RETURN_WORDS))
        && words.iter().any(|w| crate::lexicon::fund_word(w).is_some())
    {
        return true;
    }
    match known {
        // Accounts in general ("from one ad account to another").
        None => PLACE_NOUNS.iter().any(|n| has(&[n])) || has(&["another", "other"]),
        Some(k) => {
            let named = |text: &str| {
                fold_words(text)
                    .iter()
                    .any(|n| words.iter().any(|w| w == n || typo(w, n)))
            };
            // An id written without its separators ("q4promo", "launchvoucher").
            let compact = |id: &str| {
                let id: String = fold_words(id).concat();
                words.contains(&id)
            };
            k.accounts
                .iter()
                .any(|a| named(a.id) || compact(a.id) || a.name.is_some_and(named))
                || k.credits.iter().any(|c| named(c) || compact(c))
        }
    }
}

/// The words of `q` as the move reader (`crate::words`) splits them: a word starts at a word
/// character that is not a combining mark, and one of `. , - _ ' ’` joins it to the next only
/// when a letter or digit follows ("acc-7", "u.k"; "FF,,,F" is two words).
fn reader_words(q: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    let mut chars = q.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if adcredit_search::is_word_char(c) {
            if start.is_none() && !adcredit_search::is_combining_mark(c) {
                start = Some(i);
            }
            continue;
        }
        let Some(s) = start else { continue };
        let joins = matches!(c, '.' | ',' | '-' | '_' | '\'' | '’')
            && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        if !joins {
            out.push(&q[s..i]);
            start = None;
        }
    }
    if let Some(s) = start {
        out.push(&q[s..]);
    }
    out
}

/// The words as the reader takes them (`crate::words::tokenize`): a long moving verb with one
/// typo is the verb ("alocate"), and "like" after "would" is "wants".
fn read_as_reader(mut words: Vec<String>) -> Vec<String> {
    for i in 0..words.len() {
        let prev = i.checked_sub(1).map_or("", |p| words[p].as_str());
        if let Some(v) = crate::lexicon::read_as(prev, &words[i]) {
            v.clone_into(&mut words[i]);
        }
    }
    words
}

/// Whether `question` has a word that may make it a move ("move", "give", "from", "to"…) or
/// an arrow ("de → us"); without one, [`mentions_move`] is `false` whatever the scenario.
pub fn may_move(question: &str) -> bool {
    moving(&read_as_reader(fold_words(question))) || arrow(question)
}

/// An arrow between places, which the reader reads as "to".
fn arrow(question: &str) -> bool {
    question.contains(crate::words::is_arrow) || question.contains("->") || question.contains("=>")
}

fn moving(words: &[String]) -> bool {
    words.iter().any(|w| {
        let w = w.as_str();
        // "How much should X get?", "which credit should go to X?", "how do I split the
        // voucher?" (crate::howmuch) are answered from the plan, in the rules module.
        HOW_MUCH.contains(&w)
            || crate::howmuch::SPLIT_WORDS.contains(&w)
            || MOVE_WORDS.contains(&w)
            || LINKS.contains(&w)
            || ALLOCATE_WORDS.contains(&w)
            || RETURN_WORDS.contains(&w)
    })
}
