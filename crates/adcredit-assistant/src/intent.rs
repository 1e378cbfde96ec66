//! Reading a move question out of plain words: "can I move credit from the DE shop to AT?",
//! "give the Aussie store $200 of the launch voucher", "I'm only an analyst, can I hand out
//! the promo credit?".
//!
//! The reader finds the places (`places.rs`), the amount (`amounts.rs`), the kind of funds,
//! the direction of each place and a role the asker states. When something is missing or two
//! places fit the same words it says what, with the candidates, instead of guessing.

use adcredit_core::{Fund, Money, MoveQuestion, Role, Scenario, Status};
use serde::Serialize;

use crate::amounts::{self, Amount};
use crate::lexicon::{
    fund_word, is, month_word, role_word, status_word, ALLOCATE_WORDS, ALLOCATION_NOUNS,
    CURRENCY_WORDS, EXPIRY_WORDS, FILLER, FROM_WORDS, MODALS, MONEY_WORDS, MOVE_WORDS,
    RECEIVE_AFTER, RETURN_WORDS, ROLE_CUES, TO_WORDS, UNDO_WORDS,
};
use crate::places::{self, Known, Mention, Place};
use crate::words::{tokenize, Tok, ARROW};

/// What a question asks, as far as moving money goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Intent {
    /// Not a question about moving money between places.
    NotAMove,
    /// A move question, complete except perhaps one open end.
    Move(Box<Reading>),
    /// A move question with something missing or unclear.
    Needs(Needs),
}

/// A move question read from words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reading {
    /// The question for the rules; an open end is written [`ANY`].
    pub question: MoveQuestion,
    /// The end the words leave open ("can the paused account's credit be used anywhere
    /// else?"): judged for every place it could be.
    pub open: Option<End>,
    /// Whether the words leave the kind of funds open (then `question.fund` is a placeholder
    /// and every kind is tried).
    pub fund_open: bool,
    /// More targets ("share the q4 promo between Germany and the US store", "can the Irish
    /// shops have the grant?"): each judged too, and a refusal for any is the answer.
    pub also_to: Vec<String>,
    /// The role the question states, judged instead of the scenario's.
    pub role: Option<Role>,
    /// Without a scenario, the status the words give an end's account ("to a suspended
    /// account", "from an account in review"), judged by the rules for that status.
    pub statuses: Vec<(End, Status)>,
    /// Without a scenario, the words say the two ends belong to different business entities
    /// ("between accounts of two different companies"), judged by `different-entity`.
    pub entities_differ: bool,
    /// How the words were read where a reader may wonder (the role, "all of it", a vague
    /// money word), as sentences.
    pub notes: Vec<String>,
}

/// The id an open end of a move has in the verdict: "any other place".
pub const ANY: &str = "any";

/// One end of a move.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum End {
    /// Where the money comes from.
    From,
    /// Where it goes.
    To,
}

/// What is missing to judge a move, or what is unclear.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum AsksFor {
    /// Where the money comes from.
    From,
    /// Where it goes.
    To,
    /// Which kind of funds.
    Fund,
    /// Which of several places that fit the words (see `choices`).
    Place,
    /// An amount that could not be read.
    Amount,
}

/// A place the asker may have meant, with the question made explicit for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Choice {
    /// `"bc"` or the account id.
    pub id: String,
    /// The place as people know it: "Germany (de)", "Business Center".
    pub label: String,
    /// The question again, naming this place by its id.
    pub question: String,
}

/// What the reader asks back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Needs {
    /// What is missing.
    pub asks_for: AsksFor,
    /// The question back, as one sentence.
    pub message: String,
    /// The places to choose from when `asks_for` is [`AsksFor::Place`].
    pub choices: Vec<Choice>,
}

impl Needs {
    fn ask(asks_for: AsksFor, message: String) -> Intent {
        Intent::Needs(Needs {
            asks_for,
            message,
            choices: Vec::new(),
        })
    }
}

/// "can the US store have Germany's credit?": a modal, a place (not a pronoun), "have", and
/// money or a number after it ("can the US store have two admins?" is not a move); with
/// `credits`, also a credit of the scenario named after it ("can Stockholm have some of the
/// black friday boost?").
fn modal_have(toks: &[Tok], credits: &[Mention]) -> bool {
    toks.iter().enumerate().any(|(i, t)| {
        t.text == "have"
            && i >= 2
            // "can the US store have a credit line?" asks whether it may have one; "have its
            // 70 of credit" is an amount
            && !toks.get(i + 1).is_some_and(|n| {
                is(&["a", "an"], &n.text)
                    || (is(&["its", "their"], &n.text)
                        && !toks
                            .get(i + 2)
                            .is_some_and(|t| t.text.starts_with(|c: char| c.is_ascii_digit())))
            })
            && (toks[i + 1..].iter().any(|t| {
                fund_word(&t.text).is_some()
                    || is(&["money", "funds", "budget", "balance"], &t.text)
                    || t.text.starts_with(|c: char| c.is_ascii_digit())
            })
                // "what happens to the credit in Warsaw, can Dublin have it?", "… have all of it?"
                || (toks[i + 1..]
                    .iter()
                    .take(3)
                    .position(|n| is(&["it", "them"], &n.text))
                    .is_some_and(|k| {
                        k == 0
                            || (k == 2
                                && is(&["all", "some", "half", "part", "most", "rest", "any"], &toks[i + 1].text)
                                && toks[i + 2].text == "of")
                    })
                    && toks[..i].iter().any(|t| fund_word(&t.text).is_some()))
                || credits.iter().any(|m| {
                m.start > i && m.places.iter().any(|p| matches!(p, Place::Credit(_)))
            }))
            && !is(
                &["i", "we", "you", "they", "it", "he", "she", "who", "which"],
                &toks[i - 1].text,
            )
            && toks[i.saturating_sub(6)..i - 1]
                .iter()
                .any(|p| is(MODALS, &p.text))
    })
}

/// Whether word `i` is a moving verb that says what happened, not what to do ("how much of
/// the q4 promo was used", "what has been allocated to Germany").
fn done(toks: &[Tok], i: usize) -> bool {
    is(
        &[
            "used",
            "spent",
            "moved",
            "transferred",
            "allocated",
            "given",
            "sent",
            "shared",
        ],
        &toks[i].text,
    ) && i.checked_sub(1).is_some_and(|p| {
        is(
            &["was", "were", "been", "has", "have", "had"],
            &toks[p].text,
        )
    })
}

/// Whether the words name money at all: a kind of funds, a vague money word, an amount, a
/// credit, "it"/"all of it", or a verb only money takes ("top up", "allocate", "refund").
/// "how do I add a payment method to Germany?" moves nothing.
fn names_money(q: &str, toks: &[Tok], mentions: &[Mention]) -> bool {
    toks.iter().any(|t| {
        fund_word(&t.text).is_some()
            || is(MONEY_WORDS, &t.text)
            || is(crate::lexicon::CURRENCY_WORDS, &t.text)
            || t.text.starts_with(|c: char| c.is_ascii_digit())
    }) || q.contains(crate::amounts::SYMBOLS)
        || mentions
            .iter()
            .any(|m| m.places.iter().any(|p| matches!(p, Place::Credit(_))))
}

/// Whether the words move money at all.
fn is_move(toks: &[Tok]) -> bool {
    let has = |set: &[&str]| toks.iter().any(|t| is(set, &t.text));
    toks.iter()
        .enumerate()
        .any(|(i, t)| is(MOVE_WORDS, &t.text) && !done(toks, i))
        || modal_have(toks, &[])
        || has(&[ARROW])
        || has(&["top up", "hand out"])
        || undoing(toks).is_some()
        || pays(toks)
        || allocation_to(toks)
        // "25,000 from the credit line to Paris, possible?", "Sydney's credit to Melbourne?"
        || (has(&["from"]) && has(&["to", "into"]))
        || (has(&["to", "into"])
            && toks.iter().any(|t| t.possessive)
            && toks.iter().any(|t| fund_word(&t.text).is_some()))
}

/// "I'm only an analyst, can I hand out the credit?", "can I hand out some coupons today?":
/// an allocation with no place, by the asker (a role, or "I"/"we" with funds and no
/// destination at all, and not "how"/"which"/… — those ask about allocating in general) —
/// from the Business Center, to wherever. Likewise a return with no place ("can I take back
/// credit I allocated by mistake?"): from wherever, to the Business Center.
fn hands_out(toks: &[Tok]) -> bool {
    let has = |set: &[&str]| toks.iter().any(|t| is(set, &t.text));
    // The asker gives: "can I get more credit?" asks how to obtain some, and a refund or a
    // withdrawal takes money out of TikTok (the search answers both).
    let receiving = [
        "get", "gets", "getting", "receive", "receives", "refund", "withdraw",
    ];
    let allocating = toks
        .iter()
        .any(|t| is(ALLOCATE_WORDS, &t.text) && !is(&receiving, &t.text))
        || has(&["top up", "hand out"])
        || taking_back(toks);
    if has(&["refund", "refunded", "refunds", "withdraw", "withdrawal"]) {
        return false;
    }
    let own = has(&["i", "we"])
        && toks.iter().any(|t| fund_word(&t.text).is_some())
        && !has(TO_WORDS)
        && !has(crate::lexicon::QUESTION_WORDS);
    allocating && (stated_role(toks).is_some() || own)
}

/// A return said with no place: "take back", "undo", "reverse", "reclaim"… — not a refund or a
/// withdrawal, which take money out of TikTok (the search answers those).
fn taking_back(toks: &[Tok]) -> bool {
    toks.iter()
        .any(|t| is(RETURN_WORDS, &t.text) && !is(&["refund", "withdraw"], &t.text))
        || undoing(toks).is_some()
}

/// "can the credit line pay for the Chile account?", "can Brazil be paid from the credit
/// line?", "can Stockholm pay with the credit line?": paying *for* a place, being paid *from*
/// money or paying *with* it moves it; "does Brussels pay in euros?" does not.
fn pays(toks: &[Tok]) -> bool {
    toks.windows(2).enumerate().any(|(i, w)| {
        (is(&["pay", "pays"], &w[0].text) && w[1].text == "for")
            || (w[0].text == "paid" && is(&["from", "with", "out of", "by"], &w[1].text))
            // "can Stockholm pay with the credit line?": paying with money names that money.
            || (is(&["pay", "pays"], &w[0].text)
                && is(&["with", "from", "out of", "using"], &w[1].text)
                && toks[i + 2..]
                    .iter()
                    .take(3)
                    .any(|t| fund_word(&t.text).is_some()))
    })
}

/// The word that names a move being undone: "undo the allocation", "cancel the credit
/// transfer", "reverse our allocations" (an allocation noun at most four words after a verb
/// that undoes). "Cancel" alone undoes nothing here ("cancel my credit line").
fn undoing(toks: &[Tok]) -> Option<usize> {
    toks.iter().enumerate().position(|(i, t)| {
        is(ALLOCATION_NOUNS, &t.text)
            && toks[i.saturating_sub(4)..i]
                .iter()
                .any(|v| is(UNDO_WORDS, &v.text))
    })
}

/// "can I queue an allocation for the Singapore shop?", "make an allocation to Germany": an
/// allocation said as a noun, with its target (not one being undone).
fn allocation_to(toks: &[Tok]) -> bool {
    toks.windows(2).enumerate().any(|(i, w)| {
        is(ALLOCATION_NOUNS, &w[0].text)
            && is(&["to", "for", "onto", "into"], &w[1].text)
            && undoing(toks) != Some(i)
    })
}

/// Words before the first of two places that share a move: "between Germany and Austria",
/// "across", "among".
const PAIR_WORDS: &[&str] = &["between", "across", "among", "amongst"];

/// Whether `question` has a moving verb ("move", "transfer", "allocate", …), a target
/// marker and money (a move said without a verb), or "have" (which a scenario's credit named
/// after it makes a move); without one, [`interpret`] answers [`Intent::NotAMove`] whatever
/// the scenario.
pub fn has_moving_verb(question: &str) -> bool {
    let toks = tokenize(question);
    is_move(&toks) || funds_to_place(&toks) || terse(&toks) || toks.iter().any(|t| t.text == "have")
}

/// Which way a mention points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Dir {
    From,
    To,
    Loose,
}

fn direction(
    toks: &[Tok],
    m: &Mention,
    mentions: &[Mention],
    (allocating, returning): (bool, bool),
    bc: bool,
) -> Dir {
    let last = &toks[m.end - 1];
    if last.possessive {
        // "the paused account's credit" is where it is; "cover Mexico City's spend" is what
        // the money pays for.
        let paid_for = toks.get(m.end).is_some_and(|n| {
            is(
                &[
                    "spend",
                    "spending",
                    "ads",
                    "campaigns",
                    "campaign",
                    "costs",
                    "bills",
                    "bill",
                    "invoice",
                    "invoices",
                ],
                &n.text,
            )
        });
        return if paid_for { Dir::To } else { Dir::From };
    }
    // "the Milan credit", "our Berlin cash": a place that names whose money it is, after a
    // determiner — not after a target marker ("to the Berlin credit"), nor after a verb that
    // gives, with no target or "out" later ("give the Berlin store credit" gives it to
    // Berlin).
    let k = with_determiners(toks, m);
    let is_bc = m.in_bc();
    let before = k.checked_sub(1).map_or("", |p| toks[p].text.as_str());
    // "get the Milan credit out": out of the place it names.
    let target_later = toks[m.end..]
        .iter()
        .any(|t| is(TO_WORDS, &t.text) || t.text == "out");
    if !is_bc
        && k < m.start
        && is(&["the", "our", "my"], &toks[k].text)
        && toks
            .get(m.end)
            .is_some_and(|n| fund_word(&n.text).is_some())
        && !is(TO_WORDS, before)
        && (!is(ALLOCATE_WORDS, before) || target_later)
    {
        return Dir::From;
    }
    if let Some(next) = toks.get(m.end) {
        if is(RECEIVE_AFTER, &next.text) {
            return Dir::To; // "can DE get some credit"
        }
        let before = toks[..m.start]
            .iter()
            .rev()
            .find(|t| !is(&["the", "our", "my", "your", "this", "that"], &t.text));
        if next.text == "have" && before.is_some_and(|t| is(MODALS, &t.text)) {
            return Dir::To; // "can NZ have the Sydney cash?"
        }
        // "Berlin has 200 of promo left, can Paris use it?": what a place holds is where the
        // money is — for money it has ("has 200 of promo", "still holds some credit"), not
        // for what it lacks ("has no credit left, can it get some?").
        let then = toks.get(m.end + 1).map(|t| t.text.as_str()).unwrap_or("");
        let held = if is(&["has", "holds"], &next.text) {
            Some(m.end + 1)
        } else if next.text == "still" && is(&["has", "holds", "have"], then) {
            Some(m.end + 2)
        } else {
            None
        };
        if let Some(h) = held {
            let what: Vec<&str> = toks[h.min(toks.len())..]
                .iter()
                .take(4)
                .map(|t| t.text.as_str())
                .collect();
            let money = what
                .iter()
                .take_while(|w| !is(&["can", "could", "so", "but", "and"], w))
                .any(|w| fund_word(w).is_some() || w.starts_with(|c: char| c.is_ascii_digit()));
            let lacks = what.iter().any(|w| {
                is(
                    &[
                        "no", "nothing", "none", "zero", "not", "little", "run", "ran", "only",
                        "less", "barely",
                    ],
                    w,
                )
            });
            if money && !lacks {
                return Dir::From;
            }
        }
        if is(&["be", "is", "being", "been", "was", "get"], &next.text)
            && is(
                &[
                    "given",
                    "allocated",
                    "assigned",
                    "sent",
                    "topped",
                    "funded",
                    "credited",
                    "paid",
                    "covered",
                    "billed",
                    "charged",
                ],
                then,
            )
        {
            return Dir::To; // "could our Canadian shop be given 50"
        }
    }
    let in_other = |i: usize| mentions.iter().any(|o| o.start <= i && i < o.end);
    let mut steps = 0;
    let mut only_articles = true;
    let mut i = m.start;
    while i > 0 && steps < 5 {
        i -= 1;
        if in_other(i) {
            // "between DE and AT": the second of a pair is the target.
            return if toks[i + 1..m.start].iter().any(|t| t.text == "and")
                && toks[..i].iter().any(|t| is(PAIR_WORDS, &t.text))
            {
                Dir::To
            } else {
                Dir::Loose
            };
        }
        let w = toks[i].text.as_str();
        if is(FROM_WORDS, w) || w == "out of" || is(PAIR_WORDS, w) {
            return Dir::From;
        }
        // "top up Osaka with the launch voucher": what something is topped up with is the
        // source; "share the credit line with Thailand": an account after "with" is the target.
        if w == "with" && bc {
            return Dir::From;
        }
        // "to", or "used by the US store"; but where money was put is where it is now
        // ("we allocated too much credit to Germany, can we take some back?").
        if is(TO_WORDS, w) || (w == "by" && only_articles) {
            return if was_put(toks, i) { Dir::From } else { Dir::To };
        }
        if is(&["in", "inside", "within", "on", "at"], w) {
            // Money "in the q4 promo" or "in the BC" is where it is, unless it goes back there
            // ("put the cash back in the BC"); an account after "in" where a credit of the
            // Business Center is used or spent is where it is spent ("can I use the launch
            // voucher in Germany?"), unless a target follows ("use the voucher in Germany for
            // Austria").
            return match (bc, allocating) {
                (true, _) if returning => Dir::To,
                (false, false) if spent_there(toks, m, mentions) && !returning => Dir::To,
                (true, _) | (false, false) => Dir::From,
                // A target unless another place is ("send the credit in Germany back to
                // the BC"): a lone place of an allocation is its target anyway.
                (false, true) => Dir::Loose,
            };
        }
        if is(
            &[
                "top up", "top", "topup", "fund", "give", "giving", "refill", "reload", "preload",
                "pre-load", "prefund", "pre-fund", "cover", "covers",
            ],
            w,
        ) && only_articles
            && !bc
        {
            return Dir::To; // "give the US store 50", "top up Germany"
        }
        // "we gave Berlin too much of the voucher": told as done, the money is there now.
        if is(&["gave", "funded", "topped", "loaded"], w)
            && only_articles
            && !bc
            && i.checked_sub(1)
                .is_some_and(|p| is(&["i", "we", "they", "already"], &toks[p].text))
        {
            return Dir::From;
        }
        // (a state is part of the place: "used by a suspended account")
        only_articles &= is(&["the", "our", "my", "a", "an", "your", "this", "that"], w)
            || status_word(w).is_some();
        let skippable = is(FILLER, w)
            || status_word(w).is_some()
            || fund_word(w).is_some()
            || w.starts_with(|c: char| c.is_ascii_digit())
            || is(crate::lexicon::CURRENCY_WORDS, w)
            || is(
                &[
                    "it", "them", "some", "any", "money", "funds", "balance", "budget", "up",
                    // "between Germany and the US store": on to the first of the pair
                    "and",
                ],
                w,
            );
        if !skippable {
            break;
        }
        steps += 1;
    }
    Dir::Loose
}

/// Whether place `m`, after "in"/"on"/"at", is where a credit of the Business Center named
/// before it is to be used: a verb of using comes before that credit ("use the launch voucher
/// in Germany", "spend our q4 promo on the US store"), and no target marker follows `m`.
fn spent_there(toks: &[Tok], m: &Mention, mentions: &[Mention]) -> bool {
    let Some(credit) = mentions
        .iter()
        .rev()
        .find(|o| o.end <= m.start && !o.places.is_empty() && o.in_bc())
    else {
        return false;
    };
    let used = toks[..credit.start].iter().any(|t| {
        is(
            &[
                "use",
                "using",
                "spend",
                "spending",
                "apply",
                "applying",
                "redeem",
                "redeeming",
                "run",
                "burn",
            ],
            &t.text,
        )
    });
    used && !toks[m.end..].iter().any(|t| is(TO_WORDS, &t.text))
}

/// Whether the nearest moving verb before word `at` says money was put there by someone
/// ("we allocated …", "the credit I gave …", "credit allocated …").
fn was_put(toks: &[Tok], at: usize) -> bool {
    // "undo the allocation to Germany": the allocation put the money there.
    if at >= 1 && is(ALLOCATION_NOUNS, &toks[at - 1].text) && undoing(toks) == Some(at - 1) {
        return true;
    }
    let Some(v) = (at.saturating_sub(8)..at)
        .rev()
        .find(|&k| is(MOVE_WORDS, &toks[k].text) || is(&["top up", "hand out"], &toks[k].text))
    else {
        return false;
    };
    is(
        &[
            "allocated",
            "gave",
            "given",
            "sent",
            "moved",
            "transferred",
            "assigned",
            "added",
            "spent",
        ],
        &toks[v].text,
    ) && v.checked_sub(1).is_some_and(|p| {
        let w = toks[p].text.as_str();
        is(
            &[
                "i",
                "we",
                "they",
                "you",
                "he",
                "she",
                "was",
                "were",
                "been",
                "had",
                "has",
                "have",
                "already",
                "accidentally",
                "mistakenly",
                "wrongly",
            ],
            w,
        ) || fund_word(w).is_some()
            || is(MONEY_WORDS, w)
    })
}

/// Read a move question out of `question`, against `scenario` or, without one, against the
/// rules alone (places are then the Business Center, countries and ids).
pub fn interpret(question: &str, scenario: Option<&Scenario>) -> Intent {
    let toks = tokenize(question);
    let verb = is_move(&toks) || funds_to_place(&toks);
    let have = toks.iter().any(|t| t.text == "have");
    if (!verb && !have && !terse(&toks)) || about_the_past(&toks) {
        return Intent::NotAMove;
    }
    let known = scenario.map(Known::of);
    let mut mentions: Vec<Mention> = places::find(&toks, known.as_ref())
        .into_iter()
        .filter(|m| !m.places.is_empty() || m.unknown.is_some())
        .collect();
    let names_credit = |m: &Mention| m.places.iter().any(|p| matches!(p, Place::Credit(_)));
    if let Some(d) = scenario
        .filter(|_| !mentions.iter().any(names_credit))
        .and_then(|s| described_credit(&toks, s))
    {
        if !mentions
            .iter()
            .any(|m| m.start <= d.start && d.start < m.end)
        {
            let at = mentions.partition_point(|m| m.start < d.start);
            mentions.insert(at, d);
        }
    }
    let verb = verb || (have && modal_have(&toks, &mentions));
    if !verb && !terse(&toks) {
        return Intent::NotAMove;
    }
    if (mentions.is_empty() && !hands_out(&toks))
        || !names_money(question, &toks, &mentions)
        || (!verb && !place_to_place(&toks, &mentions))
    {
        return Intent::NotAMove;
    }
    let has = |set: &[&str]| toks.iter().any(|t| is(set, &t.text));
    let allocating =
        has(ALLOCATE_WORDS) || has(&["top up", "hand out"]) || allocation_to(&toks) || pays(&toks);
    let returning = has(RETURN_WORDS) || undoing(&toks).is_some();

    // Each mention's direction; the first of each kind wins, the rest are loose.
    let mut from: Option<&Mention> = None;
    let mut to: Option<&Mention> = None;
    let mut loose: Vec<&Mention> = Vec::new();
    for m in &mentions {
        let same_as = |o: Option<&Mention>| o.is_some_and(|o| o.places == m.places);
        if same_as(from) || same_as(to) {
            continue;
        }
        let bc = m.in_bc();
        match direction(&toks, m, &mentions, (allocating, returning), bc) {
            Dir::From if from.is_none() => from = Some(m),
            Dir::To if to.is_none() => to = Some(m),
            _ if loose.iter().any(|o| o.places == m.places) => {}
            _ => loose.push(m),
        }
    }
    let is_bc = Mention::in_bc;
    if let ([only], None, None) = (loose.as_slice(), from, to) {
        // A lone place: the target of an allocation ("give the US store 50"), the source of a
        // return ("take the credit back from DE" was read above; "refund DE"), else the source.
        if allocating && !is_bc(only) && !returning {
            to = Some(only);
        } else {
            from = Some(only);
        }
        loose.clear();
    }
    // "share the q4 promo between Germany and the US store": the Business Center's money
    // goes to both of the pair.
    let mut also_to: Option<&Mention> = None;
    if let (Some(f), Some(t)) = (from, to) {
        let between = toks[..f.start]
            .iter()
            .rev()
            .find(|p| !is(FILLER, &p.text))
            .is_some_and(|p| is(PAIR_WORDS, &p.text));
        if let Some(at) = loose.iter().position(|m| is_bc(m)).filter(|_| between) {
            also_to = Some(t);
            to = Some(f);
            from = Some(loose.remove(at));
        }
    }
    // "give 100 of the spring grant to Germany and Austria", "can Germany and Austria each get
    // 100?": a place joined to the target by "and"/"or", after or before it, is a second
    // target.
    let joined = |a: &Mention, b: &Mention| {
        let k = with_determiners(&toks, b);
        k >= 1 && k - 1 == a.end && is(&["and", "or"], &toks[k - 1].text)
    };
    let pair_of = |t: &Mention, m: &Mention| !is_bc(m) && (joined(t, m) || joined(m, t));
    if let (Some(t), None) = (to, also_to) {
        if let Some(at) = loose.iter().position(|m| pair_of(t, m)) {
            also_to = Some(loose.remove(at));
        }
    }
    // Of two loose places, the Business Center (or a credit) is the source; the target when
    // money goes back ("Germany got too much of the q4 promo, can I pull 200 back?").
    if let Some(at) = loose.iter().position(|m| is_bc(m)) {
        let bc = loose.remove(at);
        if returning {
            loose.push(bc);
        } else {
            loose.insert(0, bc);
        }
    }
    let mut left: Vec<&Mention> = Vec::new();
    for m in loose {
        if from.is_none() {
            from = Some(m);
        } else if to.is_none() {
            to = Some(m);
        } else {
            left.push(m);
        }
    }
    if let (Some(t), None) = (to, also_to) {
        also_to = left.into_iter().find(|m| pair_of(t, m));
    }
    // "can Germany and Austria each get 100 of credit?", "can the UK and US accounts both use
    // the credit line?": a pair that receives together is two targets, not a source and a
    // target ("share … between X and Y" is read above).
    if let (Some(f), Some(t), None) = (from, to, also_to) {
        let (first, second) = if f.start < t.start { (f, t) } else { (t, f) };
        let receives = toks[second.end..]
            .iter()
            .map(|w| w.text.as_str())
            .find(|w| {
                !is(
                    &[
                        "each", "both", "also", "then", "all", "accounts", "stores", "shops",
                    ],
                    w,
                )
            })
            .is_some_and(|w| is(RECEIVE_AFTER, w) || w == "have");
        let before = toks[..with_determiners(&toks, first)]
            .iter()
            .rev()
            .find(|p| !is(FILLER, &p.text))
            .is_some_and(|p| is(PAIR_WORDS, &p.text));
        if joined(first, second) && receives && !before && !is_bc(first) && !is_bc(second) {
            from = None;
            to = Some(first);
            also_to = Some(second);
        }
    }

    // "I accidentally put the q4 promo on Germany instead of the US store, can I fix it?": told
    // as done, the money is where it went, and the place after "instead of" is where it
    // should have gone — a move from the one to the other. ("Allocate it to Germany instead of
    // the US store" is an allocation to Germany: the other place is no end of it.)
    let instead = mentions.iter().find(|m| {
        let k = with_determiners(&toks, m);
        k >= 2 && toks[k - 2].text == "instead" && toks[k - 1].text == "of"
    });
    if let Some(right) = instead.filter(|_| told_as_done(&toks)) {
        let went = [to, from]
            .into_iter()
            .flatten()
            .find(|m| !std::ptr::eq(*m, right) && !is_bc(m));
        if let Some(went) = went {
            from = Some(went);
            to = Some(right);
            also_to = None;
        }
    }
    // "redistribute the launch voucher among all stores", "to every account": each account of
    // the scenario.
    let everyone = to
        .is_none()
        .then(|| every_account(&toks, scenario))
        .flatten();
    to = everyone.as_ref().or(to);
    // Money moves between two different places: when one end is known, it is not among the
    // places the other end's words fit ("from Berlin to the other German one" is the German
    // store that is not Berlin).
    let other_than = |m: Option<&Mention>, other: Option<&Mention>| {
        let (m, o) = (m?, other?);
        let [known] = o.places.as_slice() else {
            return None;
        };
        (m.places.len() > 1 && m.places.contains(known)).then(|| {
            let mut m = m.clone();
            m.places.retain(|p| p != known);
            m
        })
    };
    let (from_other, to_other) = (other_than(from, to), other_than(to, from));
    from = from_other.as_ref().or(from);
    to = to_other.as_ref().or(to);
    // "can the Irish shops share the grant?", "both US stores": a target in the plural that
    // fits several accounts is each of them.
    let mut more_to: Vec<Place> = Vec::new();
    let each_target = to.filter(|t| {
        also_to.is_none()
            && t.places.len() > 1
            && t.places.iter().all(|p| matches!(p, Place::Account(_)))
            && plural(&toks, t)
    });
    let first_target = each_target.map(|t| {
        more_to = t.places[1..].iter().take(MAX_CHOICES).cloned().collect();
        let mut first = t.clone();
        first.places.truncate(1);
        first
    });
    to = first_target.as_ref().or(to);
    // Which place each end is; ambiguous or unknown places are asked back first.
    for (m, end) in [(from, End::From), (to, End::To), (also_to, End::To)] {
        let Some(m) = m else { continue };
        if let Some(country) = &m.unknown {
            return Needs::ask(
                if end == End::From {
                    AsksFor::From
                } else {
                    AsksFor::To
                },
                format!(
                    "None of your accounts fits “{}” ({country}). Which account do you mean: {}?",
                    span(question, &toks, m),
                    account_list(scenario)
                ),
            );
        }
        if m.places.len() > 1 {
            return choose(question, &toks, m, scenario);
        }
    }
    let named_fund = {
        let kinds: Vec<Fund> = toks.iter().filter_map(|t| fund_word(&t.text)).collect();
        [Fund::CreditLine, Fund::Cash, Fund::AdCredit]
            .into_iter()
            .find(|f| kinds.contains(f))
            // "move the Black Friday boost from Helsinki to Dublin": a credit named anywhere
            // says the money is ad credit.
            .or_else(|| {
                mentions
                    .iter()
                    .any(|m| m.places.iter().any(|p| matches!(p, Place::Credit(_))))
                    .then_some(Fund::AdCredit)
            })
    };
    let place = |m: Option<&Mention>| m.and_then(|m| m.places.first().cloned());
    let mut from_place = place(from);
    let mut to_place = place(to);
    let credit = [&from_place, &to_place].into_iter().find_map(|p| match p {
        Some(Place::Credit(c)) => Some(*c),
        _ => None,
    });
    match (&from_place, &to_place) {
        // Only ad credit is handed out from the Business Center alone; cash can also come
        // from another account, so for it the source stays open. A credit line with no account
        // named as its source is the Business Center's ("credit line 5k to the Brazil
        // outlet", "2 grand of the credit line for Helsinki").
        (None, Some(p))
            if (allocating || from_credit_line(&toks) || named_fund == Some(Fund::CreditLine))
                && (credit.is_some()
                    || matches!(named_fund, Some(Fund::AdCredit | Fund::CreditLine)))
                && *p != Place::Bc
                && !matches!(p, Place::Credit(_)) =>
        {
            from_place = Some(Place::Bc);
        }
        (Some(Place::Account(_) | Place::Named(..)), None) if returning => {
            to_place = Some(Place::Bc);
        }
        (None, None) if taking_back(&toks) => to_place = Some(Place::Bc),
        (None, None) if allocating => from_place = Some(Place::Bc),
        _ => {}
    }
    let id = |p: &Place| -> String {
        match p {
            Place::Bc | Place::Credit(_) => "bc".to_owned(),
            Place::Account(a) => scenario.map_or_else(String::new, |s| s.accounts[*a].id.clone()),
            Place::Named(id, _) => id.clone(),
        }
    };
    let (from_id, to_id, open) = match (&from_place, &to_place) {
        (Some(f), Some(t)) => (id(f), id(t), None),
        (Some(f), None) => (id(f), ANY.to_owned(), Some(End::To)),
        (None, Some(t)) => (ANY.to_owned(), id(t), Some(End::From)),
        (None, None) => return Intent::NotAMove,
    };
    let also_to: Vec<String> = place(also_to)
        .into_iter()
        .chain(more_to)
        .map(|p| id(&p))
        .filter(|t| *t != from_id)
        .collect();
    if from_id == to_id {
        return Needs::ask(
            AsksFor::To,
            format!(
                "The question names {} as both ends of the move: where should the money go?",
                label(&from_place.unwrap_or(Place::Bc), scenario)
            ),
        );
    }

    let mut notes = Vec::new();
    // The kind of funds: a word that names it, or a credit named as the source. Vague words
    // ("money", "balance", "budget", "200 euros") leave it open: the verdict is given when it
    // is the same for every kind (see `judge.rs`), else the reader asks back, because each
    // kind has its own rules and a guess could give a wrong verdict.
    let mut fund = match (named_fund, credit) {
        (Some(f), _) => Some(f),
        (None, Some(_)) => Some(Fund::AdCredit),
        (None, None) => None,
    };
    let in_place = |i: usize| mentions.iter().any(|m| m.start <= i && i < m.end);
    let amount_read = amounts::read(question, &toks, in_place);
    if let (Amount::Exact(m, _, Some(written)), Some(s)) = (&amount_read, scenario) {
        // Money is held in the currency of where it is (an account's, or the Business
        // Center's); an amount written in another one is judged as written, and said so.
        let held = match (&from_place, &to_place) {
            (Some(Place::Account(a)), _) | (None, Some(Place::Account(a))) => {
                s.accounts.get(*a).map(|a| a.currency.clone())
            }
            _ => Some(s.business_center.currency.clone()),
        };
        if let Some(cur) = held.filter(|c| !written.fits(c.code())) {
            notes.push(format!(
                "The amount is written in {}, but this money is held in {}: judged as {} {}, \
                 without converting.",
                written.shown(),
                cur.code(),
                m.with_decimals(cur.decimals()),
                cur.code()
            ));
        }
    }
    let amount = match amount_read {
        Amount::None => None,
        Amount::Exact(m, marked, _) => {
            // "can I get the 300 stuck in São Paulo back?": an amount that is exactly what the
            // source account holds of one kind of funds, and not of the other, is that money.
            // Only for an amount said as a known one ("the 300", "its 300"): "could Melbourne
            // have 50 from Sydney?" names no money Sydney holds.
            let definite = || {
                toks.iter().enumerate().any(|(i, t)| {
                    t.text.starts_with(|c: char| c.is_ascii_digit())
                        && toks[..i]
                            .iter()
                            .rev()
                            .find(|p| !is(crate::lexicon::CURRENCY_WORDS, &p.text))
                            .is_some_and(|p| {
                                is(
                                    &["the", "its", "their", "that", "those", "these", "this"],
                                    &p.text,
                                )
                            })
                })
            };
            let held = match (&from_place, scenario) {
                (Some(Place::Account(a)), Some(s)) if fund.is_none() && definite() => {
                    s.accounts.get(*a)
                }
                _ => None,
            };
            if let Some(acc) = held {
                let kind = match (m == acc.ad_credit_balance, m == acc.cash_balance) {
                    (true, false) => Some((Fund::AdCredit, "ad credit")),
                    (false, true) => Some((Fund::Cash, "cash")),
                    _ => None,
                };
                if let Some((f, what)) = kind {
                    fund = Some(f);
                    notes.push(format!(
                        "Read as {what}: {} holds {} of {what} and no kind of funds was named.",
                        acc.name.as_deref().unwrap_or(&acc.id),
                        with_currency(m, scenario)
                    ));
                }
            }
            if fund.is_none() && marked {
                // "301 euros", "$50" with no fund word: money in a currency is cash.
                fund = Some(Fund::Cash);
                notes.push(
                    "Read as cash: an amount of money, and no kind of funds named.".to_owned(),
                );
            }
            Some(m)
        }
        Amount::Unreadable(why) => {
            return Needs::ask(AsksFor::Amount, format!("How much do you mean? {why}."))
        }
        Amount::All => {
            let all = scenario
                .zip(fund)
                .and_then(|(s, f)| available(s, f, from_place.as_ref(), credit));
            if let Some((m, what)) = &all {
                notes.push(format!(
                    "“All of it” was read as {what}: {}.",
                    with_currency(*m, scenario)
                ));
            }
            all.map(|(m, _)| m)
        }
        Amount::Part(num, den, said) => {
            // A share of what is available (as "all of it", none without a scenario),
            // rounded down to the smallest unit of the currency where the money is.
            let part = scenario.zip(fund).and_then(|(s, f)| {
                let (whole, what) = available(s, f, from_place.as_ref(), credit)?;
                let places = match &from_place {
                    Some(Place::Account(a)) => s.accounts.get(*a).map(|a| a.currency.decimals()),
                    _ => None,
                }
                .unwrap_or_else(|| s.business_center.currency.decimals());
                Some((whole.part(num, den, places).ok()?, what))
            });
            if let Some((m, what)) = &part {
                notes.push(format!(
                    "“{said}” was read as that share of {what}: {}.",
                    with_currency(*m, scenario)
                ));
            }
            part.map(|(m, _)| m)
        }
    };

    let role = stated_role(&toks);
    let mut scenario = scenario.cloned();
    // A credit named as the source is judged alone: "the holiday promo" that expired is
    // refused even when other credits could cover the move, and an amount beyond it is more
    // than it has.
    if let (Some(c), Some(s), Some(Fund::AdCredit)) = (credit, scenario.as_mut(), fund) {
        if from_id == "bc" && c < s.business_center.ad_credits.len() {
            let named = s.business_center.ad_credits.swap_remove(c);
            if !s.business_center.ad_credits.is_empty() {
                notes.push(format!(
                    "Judged for credit {} alone, as the question names it.",
                    named.id
                ));
            }
            s.business_center.ad_credits = vec![named];
        }
    }
    if let Some(r) = role {
        let was = scenario.as_ref().map(|s| s.actor_role);
        if let Some(s) = scenario.as_mut() {
            s.actor_role = r;
        }
        notes.push(match was {
            Some(w) if w != r => format!(
                "Judged for {}, as the question says (the scenario says {}).",
                role_name(r),
                role_name(w)
            ),
            _ => format!("Judged for {}, as the question says.", role_name(r)),
        });
    }
    let statuses: Vec<(End, Status)> = if scenario.is_none() {
        [(from, End::From), (to, End::To)]
            .into_iter()
            .filter_map(|(m, end)| Some((end, stated_status(&toks, m?)?)))
            .collect()
    } else {
        Vec::new()
    };
    let entities_differ = scenario.is_none() && other_entity(&toks);
    Intent::Move(Box::new(Reading {
        question: MoveQuestion {
            fund: fund.unwrap_or(Fund::Cash),
            from: from_id,
            to: to_id,
            amount,
            scenario,
        },
        open,
        fund_open: fund.is_none(),
        also_to,
        role,
        statuses,
        entities_differ,
        notes,
    }))
}

/// Whether the words say the accounts belong to different business entities: "two different
/// companies", "another company's account", "our sister company", "separate legal entities".
fn other_entity(toks: &[Tok]) -> bool {
    const ENTITY: &[&str] = &[
        "company",
        "companies",
        "entity",
        "entities",
        "business",
        "businesses",
        "firm",
        "firms",
        "corporation",
        "corporations",
        "subsidiary",
        "subsidiaries",
    ];
    const OTHER: &[&str] = &[
        "different",
        "another",
        "other",
        "separate",
        "two",
        "sister",
        "second",
        "unrelated",
    ];
    toks.iter().enumerate().any(|(i, t)| {
        is(ENTITY, &t.text)
            && toks[i.saturating_sub(3)..i].iter().any(|p| is(OTHER, &p.text))
            // "business" of "Business Center" names no entity.
            && !toks.get(i + 1).is_some_and(|n| is(&["center", "centre", "manager"], &n.text))
    })
}

/// The status the words right around mention `m` give its account: "a suspended account",
/// "the closed one", "an account in review", "an account that is suspended" — not past a word
/// that starts the other end ("from a closed account to a suspended one" gives each its own).
fn stated_status(toks: &[Tok], m: &Mention) -> Option<Status> {
    let ends = |w: &str| is(FROM_WORDS, w) || is(TO_WORDS, w) || is(&["and", "or", "but"], w);
    let before = toks[..m.start]
        .iter()
        .rev()
        .take(3)
        .take_while(|t| !ends(&t.text))
        .find_map(|t| status_word(&t.text));
    before.or_else(|| {
        toks[m.end..]
            .iter()
            .take(4)
            .take_while(|t| !ends(&t.text))
            .find_map(|t| status_word(&t.text))
    })
}

/// "half of the launch voucher to the Paris shop", "€500 of the q4 promo for the German
/// store, fine?": funds, then "to"/"for" — a move without a verb (the places are checked
/// after).
fn funds_to_place(toks: &[Tok]) -> bool {
    let markers = terse_markers(toks);
    match (
        toks.iter().position(|t| fund_word(&t.text).is_some()),
        toks.iter().position(|t| is(markers, &t.text)),
    ) {
        (Some(f), Some(t)) => {
            f < t
                && !toks[..f].iter().any(|t| {
                    is(
                        &[
                            "what", "what's", "whats", "happens", "how", "why", "when", "who",
                        ],
                        &t.text,
                    )
                })
        }
        _ => false,
    }
}

/// Markers of a target in a move said without a verb ("Helsinki to Dublin: 200 euros of
/// cash", "200 of the Black Friday boost for Cork"); "for" (last) only with an amount or
/// after "good", "valid"… ("is the q4 promo for the US store only?" asks what it is for).
const TERSE_TO: &[&str] = &["to", "into", "onto", ARROW, "for"];

fn has_number(toks: &[Tok]) -> bool {
    toks.iter()
        .any(|t| t.text.starts_with(|c: char| c.is_ascii_digit()))
}

/// A credit of the Business Center the words describe instead of naming it: by when it
/// expires ("the December credit", "the one that runs out in March", "expiring 2026-12-15"), as
/// the one that expires first or last ("the soonest-expiring voucher"), or by what is left of
/// it ("the $800 grant", "our 1500 credit"), or as the expired one. The mention is the describing word, and its
/// places every credit that fits (several are the Business Center as one place); none when
/// no credit fits, so a description of nothing in the scenario is not taken for something.
fn described_credit(toks: &[Tok], s: &Scenario) -> Option<Mention> {
    let credits = &s.business_center.ad_credits;
    let credit_word = |w: &str| fund_word(w) == Some(Fund::AdCredit) || is(&["one", "ones"], w);
    if credits.is_empty() || !toks.iter().any(|t| credit_word(&t.text)) {
        return None;
    }
    let mention = |i: usize, fits: Vec<usize>| {
        (!fits.is_empty()).then(|| Mention {
            start: i,
            end: i + 1,
            places: fits.into_iter().map(Place::Credit).collect(),
            unknown: None,
        })
    };
    let word = |i: usize| toks.get(i).map_or("", |t| t.text.as_str());
    // "20 Dec", "1st December".
    let day = |w: &str| {
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        (1..=2).contains(&digits.len())
            && digits.bytes().all(|b| b.is_ascii_digit())
            && is(&["", "st", "nd", "rd", "th"], &w[digits.len()..])
    };
    let expiry_near = |i: usize| {
        (i.saturating_sub(3)..=i + 3).any(|k| word(k).split('-').any(|w| is(EXPIRY_WORDS, w)))
    };
    for (i, t) in toks.iter().enumerate() {
        let prev = i.checked_sub(1).map_or("", word);
        let next = word(i + 1);
        let determiner = is(&["the", "our", "my", "this", "that", "its", "your"], prev);
        // By month: after "in", "on", "until"…, before a day, or as a credit's adjective.
        if let Some(month) = month_word(&t.text) {
            let said = is(
                &[
                    "in", "on", "until", "till", "by", "before", "end", "of", "mid", "early",
                    "late", "through",
                ],
                prev,
            ) || next.starts_with(|c: char| c.is_ascii_digit())
                || day(prev)
                || (determiner && credit_word(next));
            if said {
                let fits = (0..credits.len())
                    .filter(|&c| credits[c].expires.is_some_and(|d| d.month() == month))
                    .collect();
                return mention(i, fits);
            }
        }
        // By its state: "the expired voucher", "our lapsed credit".
        if is(&["expired", "lapsed"], &t.text) && credit_word(next) {
            let fits = (0..credits.len())
                .filter(|&c| credits[c].expires.is_some_and(|d| d < s.today))
                .collect();
            return mention(i, fits);
        }
        // By date, written as in the scenario.
        if let Ok(date) = adcredit_core::Date::parse(&t.text) {
            let fits = (0..credits.len())
                .filter(|&c| credits[c].expires == Some(date))
                .collect();
            return mention(i, fits);
        }
        // First or last to expire.
        let parts: Vec<&str> = t.text.split('-').collect();
        let first = parts
            .iter()
            .any(|w| is(&["first", "soonest", "earliest", "sooner", "next"], w));
        let last = parts
            .iter()
            .any(|w| is(&["last", "latest", "later", "longest"], w));
        if (first || last) && expiry_near(i) {
            // The next to expire is one still valid, when there is one.
            let valid = |d: &adcredit_core::Date| s.today.days_until(*d) >= 0;
            let dated = || credits.iter().filter_map(|c| c.expires);
            let end = if first {
                dated().filter(valid).min().or_else(|| dated().min())
            } else {
                dated().max()
            };
            let fits = (0..credits.len())
                .filter(|&c| end.is_some() && credits[c].expires == end)
                .collect();
            return mention(i, fits);
        }
        // By what is left of it: "the $800 grant".
        let named_after = if is(CURRENCY_WORDS, next) {
            word(i + 2)
        } else {
            next
        };
        if determiner
            && credit_word(named_after)
            && t.text.starts_with(|c: char| c.is_ascii_digit())
        {
            let amount = amounts::plain_decimal(&t.text)
                .ok()
                .and_then(|p| Money::parse(&p).ok());
            if let Some(amount) = amount {
                let fits = (0..credits.len())
                    .filter(|&c| credits[c].amount == amount)
                    .collect();
                if let Some(m) = mention(i, fits) {
                    return Some(m);
                }
            }
        }
    }
    None
}

/// "all stores", "all our accounts", "every shop", "each of the accounts": every account of
/// `scenario`, as one mention in the plural.
fn every_account(toks: &[Tok], scenario: Option<&Scenario>) -> Option<Mention> {
    let s = scenario.filter(|s| !s.accounts.is_empty())?;
    let start = toks
        .iter()
        .position(|t| is(&["all", "every", "each"], &t.text))?;
    let noun = toks[start + 1..]
        .iter()
        .position(|t| !is(&["the", "our", "my", "your", "of", "ad"], &t.text))
        .map(|k| start + 1 + k)?;
    let word = toks[noun].text.as_str();
    let singular = word.strip_suffix('s').unwrap_or(word);
    (is(&["account", "store", "shop", "client", "market"], singular)).then(|| Mention {
        start,
        end: noun + 1,
        places: (0..s.accounts.len()).map(Place::Account).collect(),
        unknown: None,
    })
}

/// Where mention `m` starts with the determiners before it ("the", "our", "a"…): the word
/// before that index says how the place joins the sentence ("and the US store", "instead of
/// our Paris shop").
fn with_determiners(toks: &[Tok], m: &Mention) -> usize {
    let mut k = m.start;
    while k > 0 && is(&["the", "our", "my", "a", "an"], &toks[k - 1].text) {
        k -= 1;
    }
    k
}

/// Whether the words tell a move as done ("I accidentally put…", "we gave … by mistake").
fn told_as_done(toks: &[Tok]) -> bool {
    let has = |set: &[&str]| toks.iter().any(|t| is(set, &t.text));
    has(&[
        "accidentally",
        "mistakenly",
        "wrongly",
        "mistake",
        "accident",
        "error",
    ]) || toks.windows(2).any(|w| {
        is(&["i", "we", "already"], &w[0].text)
            && is(
                &[
                    "put",
                    "allocated",
                    "gave",
                    "assigned",
                    "sent",
                    "moved",
                    "transferred",
                    "added",
                    "loaded",
                ],
                &w[1].text,
            )
    })
}

/// Whether mention `m` is in the plural: "the Irish shops", "both US stores", "all our German
/// accounts".
fn plural(toks: &[Tok], m: &Mention) -> bool {
    let last = toks[m.end - 1].text.as_str();
    let before = toks[..m.start]
        .iter()
        .rev()
        .find(|t| !is(&["the", "our", "my", "your", "of"], &t.text));
    (last.len() > 3
        && last.ends_with('s')
        && crate::lexicon::PLACE_NOUNS.contains(&&last[..last.len() - 1]))
        || before.is_some_and(|t| is(&["both", "all", "each", "every"], &t.text))
        || is(&["all", "each", "every"], &toks[m.start].text)
}

/// "is the summer grant still good for Sydney?", "valid for the Cork outlet": whether money
/// may be used for a place, which "for" then marks as the target.
fn valid_for(toks: &[Tok]) -> bool {
    toks.windows(2).any(|w| {
        w[1].text == "for"
            && is(
                &[
                    "good",
                    "valid",
                    "available",
                    "eligible",
                    "ok",
                    "okay",
                    "allowed",
                ],
                &w[0].text,
            )
    })
}

/// The target markers a move said without a verb may use in `toks`.
fn terse_markers(toks: &[Tok]) -> &'static [&'static str] {
    if has_number(toks) || valid_for(toks) {
        TERSE_TO
    } else {
        &TERSE_TO[..TERSE_TO.len() - 1]
    }
}

/// A move may be said without a verb: a target marker and money ([`place_to_place`] then
/// needs two places on either side of the marker).
fn terse(toks: &[Tok]) -> bool {
    toks.iter().any(|t| is(terse_markers(toks), &t.text))
        && toks.iter().any(|t| {
            fund_word(&t.text).is_some()
                || is(MONEY_WORDS, &t.text)
                || t.text.starts_with(|c: char| c.is_ascii_digit())
        })
}

/// "Germany to the US store: 50 dollars of cash": one place, a target marker, another place,
/// with nothing but articles between them.
fn place_to_place(toks: &[Tok], mentions: &[Mention]) -> bool {
    let markers = terse_markers(toks);
    mentions.windows(2).any(|w| {
        // Two places may share their words ("two accounts"): nothing between them then.
        let Some(between) = toks.get(w[0].end..w[1].start) else {
            return false;
        };
        between.iter().any(|t| is(markers, &t.text))
            && between
                .iter()
                .all(|t| is(markers, &t.text) || is(&["the", "our", "my", "a", "an"], &t.text))
    })
}

/// Whether the question asks what happened ("who gave Germany its credit?", "when was the q4
/// promo allocated?", "did Germany receive …?", "… yesterday") and not what the asker may do
/// now (no modal, "want"/"need", "please", or a verb first).
pub(crate) fn about_the_past(toks: &[Tok]) -> bool {
    let has = |set: &[&str]| toks.iter().any(|t| is(set, &t.text));
    let first = toks.first().map_or("", |t| t.text.as_str());
    let second = toks.get(1).map_or("", |t| t.text.as_str());
    let past = has(&["did", "didn't", "yesterday", "ago", "earlier"])
        || (is(crate::lexicon::QUESTION_WORDS, first) && is(&["was", "were", "had"], second))
        || (0..toks.len()).any(|i| done(toks, i))
        || (is(&["who", "what"], first)
            && is(
                &[
                    "gave",
                    "moved",
                    "sent",
                    "allocated",
                    "transferred",
                    "assigned",
                    "shared",
                    "took",
                    "put",
                ],
                second,
            ));
    // A modal in a clause of time or purpose tells the past too ("why did the grant expire
    // before we could use it?").
    let modal_now = toks.iter().enumerate().any(|(i, t)| {
        is(MODALS, &t.text)
            && !toks[i.saturating_sub(3)..i].iter().any(|p| {
                is(
                    &["before", "until", "till", "so", "because", "when"],
                    &p.text,
                )
            })
    });
    let now = modal_now
        || has(&[
            "want", "wants", "need", "needs", "please", "let", "shall", "will", "must",
        ])
        || is(MOVE_WORDS, first)
        || is(&["top up", "hand out"], first);
    past && !now
}

/// "from the credit line": the Business Center's credit line is the source.
fn from_credit_line(toks: &[Tok]) -> bool {
    toks.windows(3).any(|w| {
        w[0].text == "from"
            && (fund_word(&w[1].text) == Some(Fund::CreditLine)
                || (is(&["the", "our", "my"], &w[1].text)
                    && fund_word(&w[2].text) == Some(Fund::CreditLine)))
    }) || toks
        .windows(2)
        .last()
        .is_some_and(|w| w[0].text == "from" && fund_word(&w[1].text) == Some(Fund::CreditLine))
}

/// "a finance manager", "an analyst".
pub(crate) fn role_name(r: Role) -> String {
    let s = r.subject();
    let mut c = s.chars();
    c.next()
        .map(|f| format!("{}{}", adcredit_search::lowercase(f), c.as_str()))
        .unwrap_or_default()
}

/// A role the asker states: "I'm only an analyst", "as an operator", "can an analyst…".
fn stated_role(toks: &[Tok]) -> Option<Role> {
    // "my boss is an admin but I'm an operator": the asker's own role first.
    let own = toks.iter().enumerate().find_map(|(i, t)| {
        let role = role_word(&t.text)?;
        toks[i.saturating_sub(4)..i]
            .iter()
            .any(|p| {
                is(
                    &[
                        "i'm", "im", "am", "as", "being", "i", "promoted", "became", "become",
                    ],
                    &p.text,
                )
            })
            .then_some(role)
    });
    own.or_else(|| {
        toks.iter().enumerate().find_map(|(i, t)| {
            let role = role_word(&t.text)?;
            // "can operators move cash …?", "are analysts allowed to …": the role asked about.
            let cue_before = toks[i.saturating_sub(3)..i]
                .iter()
                .any(|p| is(ROLE_CUES, &p.text))
                || i.checked_sub(1).is_some_and(|p| {
                    let asks = |w: &str| is(MODALS, w) || is(&["do", "does", "are", "is"], w);
                    // "can operators…", "can our finance manager…", "may the admin…"
                    asks(&toks[p].text)
                        || (is(&["our", "my", "the", "an", "a"], &toks[p].text)
                            && p.checked_sub(1).is_some_and(|q| asks(&toks[q].text)))
                });
            let cue_after = toks.get(i + 1).is_some_and(|n| {
                is(
                    &[
                        "role",
                        "access",
                        "permission",
                        "permissions",
                        "rights",
                        "here",
                    ],
                    &n.text,
                )
            });
            (cue_before || cue_after).then_some(role)
        })
    })
}

/// The words of mention `m` as the question wrote them.
fn span<'q>(q: &'q str, toks: &[Tok], m: &Mention) -> &'q str {
    &q[toks[m.start].start..toks[m.end - 1].end]
}

fn label(p: &Place, scenario: Option<&Scenario>) -> String {
    match (p, scenario) {
        (Place::Bc | Place::Credit(_), _) => "the Business Center".to_owned(),
        (Place::Account(a), Some(s)) => {
            let acc = &s.accounts[*a];
            if acc.label() == acc.id {
                acc.id.clone()
            } else {
                format!("{} ({})", acc.label(), acc.id)
            }
        }
        (Place::Named(_, label), _) => label.clone(),
        (Place::Account(_), None) => String::new(),
    }
}

/// The first accounts of the scenario, for a question back.
fn account_list(scenario: Option<&Scenario>) -> String {
    let Some(s) = scenario else {
        return "give its id".to_owned();
    };
    let mut names: Vec<String> = s
        .accounts
        .iter()
        .take(8)
        .enumerate()
        .map(|(i, _)| label(&Place::Account(i), scenario))
        .collect();
    if s.accounts.len() > 8 {
        names.push(format!("and {} more", s.accounts.len() - 8));
    }
    if names.is_empty() {
        "the scenario has no accounts".to_owned()
    } else {
        names.join(", ")
    }
}

/// At most this many candidates are offered as buttons.
const MAX_CHOICES: usize = 10;

fn choose(q: &str, toks: &[Tok], m: &Mention, scenario: Option<&Scenario>) -> Intent {
    let words = span(q, toks, m);
    let (before, after) = (&q[..toks[m.start].start], &q[toks[m.end - 1].end..]);
    let choices: Vec<Choice> = m
        .places
        .iter()
        .take(MAX_CHOICES)
        .map(|p| {
            let (id, named) = match p {
                // A credit said another way ("the expired voucher", "the December credit"):
                // its id in place of the words.
                Place::Credit(c)
                    if scenario.is_some_and(|s| *c < s.business_center.ad_credits.len()) =>
                {
                    let id = scenario
                        .map_or_else(String::new, |s| s.business_center.ad_credits[*c].id.clone());
                    (id.clone(), id)
                }
                Place::Bc | Place::Credit(_) => ("bc".to_owned(), "the Business Center".to_owned()),
                Place::Account(a) => {
                    let id = scenario.map_or_else(String::new, |s| s.accounts[*a].id.clone());
                    (id.clone(), format!("account {id}"))
                }
                Place::Named(id, _) => (id.clone(), format!("account {id}")),
            };
            Choice {
                label: match p {
                    Place::Credit(_) if id != "bc" => format!("credit {id}"),
                    _ if id == "bc" => "Business Center".to_owned(),
                    _ => label(p, scenario),
                },
                question: format!("{before}{named}{after}"),
                id,
            }
        })
        .collect();
    let more = m.places.len().saturating_sub(MAX_CHOICES);
    let names: Vec<&str> = choices.iter().map(|c| c.label.as_str()).collect();
    Intent::Needs(Needs {
        asks_for: AsksFor::Place,
        message: format!(
            "“{words}” fits more than one place: {}{}. Which one do you mean?",
            names.join(", "),
            if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            }
        ),
        choices,
    })
}

/// "All of it": the whole amount of `fund` available at the source, and how to say it.
fn available(
    s: &Scenario,
    fund: Fund,
    from: Option<&Place>,
    credit: Option<usize>,
) -> Option<(Money, String)> {
    let unexpired = |c: &adcredit_core::AdCredit| c.expires.is_none_or(|e| e >= s.today);
    let from = from?;
    let credit = credit.or(match from {
        Place::Credit(c) => Some(*c),
        _ => None,
    });
    let (m, what) = match (fund, from) {
        (Fund::AdCredit, Place::Bc | Place::Credit(_)) => match credit {
            Some(c) => {
                let c = &s.business_center.ad_credits[c];
                (c.amount, format!("the whole of credit {}", c.id))
            }
            None => {
                let mut sum = Money::ZERO;
                for c in s.business_center.ad_credits.iter().filter(|c| unexpired(c)) {
                    sum = sum.checked_add(c.amount).ok()?;
                }
                (
                    sum,
                    "all the unexpired ad credit in the Business Center".to_owned(),
                )
            }
        },
        (Fund::Cash, Place::Bc | Place::Credit(_)) => (
            s.business_center.cash_balance,
            "the Business Center's whole cash balance".to_owned(),
        ),
        (Fund::CreditLine, Place::Bc | Place::Credit(_)) => (
            s.business_center.credit_line,
            "the whole available credit line".to_owned(),
        ),
        (Fund::AdCredit, Place::Account(a)) => {
            let acc = &s.accounts[*a];
            (
                acc.ad_credit_balance,
                format!("all the ad credit in {}", acc.label()),
            )
        }
        (Fund::Cash, Place::Account(a)) => {
            let acc = &s.accounts[*a];
            (acc.cash_balance, format!("all the cash in {}", acc.label()))
        }
        _ => return None,
    };
    m.is_positive().then_some((m, what))
}

fn with_currency(m: Money, scenario: Option<&Scenario>) -> String {
    match scenario {
        Some(s) => {
            let cur = &s.business_center.currency;
            format!("{} {cur}", m.with_decimals(cur.decimals()))
        }
        None => m.to_string(),
    }
}
