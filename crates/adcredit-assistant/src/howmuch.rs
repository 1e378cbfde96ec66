//! "How much?" questions about the asker's own accounts: "how much credit should Germany
//! get?", "which credit should go to the US store?", "how do I split the launch voucher?".
//!
//! They are answered with the planner's figures ([`adcredit_core::plan`]) for the account
//! asked about — never with "allocate up to" everything the Business Center holds, which is the
//! over-allocation every allocation being final makes costly. The planner is the one home of
//! what to allocate; this module only finds which account or credit the words name.

use adcredit_core::{plan, AccountShare, Scenario};

use crate::lexicon::{fund_word, is};
use crate::places::{self, Known, Place};
use crate::words::{tokenize, Tok};

/// Words that make a "how much" or "which credit" question one about what to allocate
/// (rather than "how much is left?").
const ADVICE_WORDS: &[&str] = &[
    "should",
    "shall",
    "give",
    "get",
    "allocate",
    "assign",
    "put",
    "send",
    "receive",
    "need",
    "needs",
    "best",
    "ideal",
    "right",
    "go",
    "goes",
    "top up",
    "hand out",
    "plan",
    "suggest",
    "recommend",
];

/// Words that ask how to divide a credit between accounts.
pub(crate) const SPLIT_WORDS: &[&str] = &[
    "split",
    "splitting",
    "divide",
    "dividing",
    "distribute",
    "distributing",
    "share out",
    "spread",
];

/// What a "how much?" question is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum HowMuch {
    /// Not a "how much?" question, or it names no single account or credit.
    No,
    /// What the plan gives account `i` of the scenario.
    Account(usize),
    /// How the plan divides credit `i` of the Business Center.
    Credit(usize),
}

fn pair(toks: &[Tok], a: &str, b: &str) -> bool {
    toks.windows(2).any(|p| p[0].text == a && p[1].text == b)
}

/// Whether the words ask what to allocate: "how much … should/get/need", "which credit …
/// should/go", or "split/divide/distribute".
fn asks(toks: &[Tok]) -> bool {
    let has = |set: &[&str]| toks.iter().any(|t| is(set, &t.text));
    let advice = has(ADVICE_WORDS);
    (pair(toks, "how", "much") && advice)
        || (asks_which(toks) && toks.iter().any(|t| fund_word(&t.text).is_some()) && advice)
        || has(SPLIT_WORDS)
}

/// "which credit…", "what should…": not "what if I allocate…?" or "what happens…", which ask
/// about one move or in general.
fn asks_which(toks: &[Tok]) -> bool {
    toks.iter().enumerate().any(|(i, t)| {
        t.text == "which"
            || (t.text == "what"
                && !toks
                    .get(i + 1)
                    .is_some_and(|n| is(&["if", "happens", "happen", "about"], &n.text)))
    })
}

/// Which account (or credit) a "how much?" question is about, if it is one.
pub(crate) fn read(question: &str, scenario: &Scenario) -> HowMuch {
    let toks = tokenize(question);
    // "how much of the spring grant did the US store get?" asks what happened.
    if !asks(&toks) || crate::intent::about_the_past(&toks) {
        return HowMuch::No;
    }
    let known = Known::of(scenario);
    let mut account = None;
    let mut credit = None;
    for m in places::find(&toks, Some(&known)) {
        match m.places.as_slice() {
            [Place::Account(a)] if account.is_none() => account = Some(*a),
            // Two accounts fit the words: the move reader asks which one.
            [Place::Account(_), ..] => return HowMuch::No,
            [Place::Credit(c)] if credit.is_none() => credit = Some(*c),
            _ => {}
        }
    }
    match (account, credit) {
        (Some(a), _) => HowMuch::Account(a),
        (None, Some(c)) if toks.iter().any(|t| is(SPLIT_WORDS, &t.text)) => HowMuch::Credit(c),
        _ => HowMuch::No,
    }
}

/// The plan's figures for what `about` names: one account's share, or every share drawn
/// from one credit (in the plan's order); and, for a credit, what the plan leaves of it and why.
pub(crate) fn suggest(
    about: &HowMuch,
    scenario: &Scenario,
) -> Result<(Vec<AccountShare>, Option<String>), adcredit_core::Error> {
    let plan = match about {
        HowMuch::No => return Ok((Vec::new(), None)),
        _ => plan(scenario)?,
    };
    let left = match about {
        HowMuch::Credit(c) => {
            let credit = &scenario.business_center.ad_credits[*c].id;
            plan.left
                .iter()
                .find(|l| &l.credit == credit)
                .map(|l| format!("The plan leaves {} of {credit}: {}", l.amount, l.why))
        }
        _ => None,
    };
    let shares = match about {
        HowMuch::No => Vec::new(),
        HowMuch::Account(a) => {
            let id = &scenario.accounts[*a].id;
            let share = plan.share(id).cloned().unwrap_or_else(|| AccountShare {
                account: id.clone(),
                amount: adcredit_core::Money::ZERO,
                credits: Vec::new(),
                why: String::new(),
            });
            vec![share]
        }
        HowMuch::Credit(c) => {
            let credit = &scenario.business_center.ad_credits[*c].id;
            plan.accounts
                .iter()
                .filter_map(|share| {
                    let from: Vec<_> = share
                        .credits
                        .iter()
                        .filter(|s| &s.credit == credit)
                        .cloned()
                        .collect();
                    let amount = from.first().map(|s| s.amount)?;
                    let amount = from
                        .iter()
                        .skip(1)
                        .try_fold(amount, |sum, s| sum.checked_add(s.amount).ok())?;
                    Some(AccountShare {
                        account: share.account.clone(),
                        amount,
                        credits: from,
                        why: share.why.clone(),
                    })
                })
                .collect()
        }
    };
    Ok((shares, left))
}
