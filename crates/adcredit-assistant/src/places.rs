//! Which places a question names: the Business Center (by its names, or by one of its
//! credits: "the launch voucher"), the scenario's accounts (by id, name, part of a name, a
//! country word that fits the id or name, or a status: "the paused account"), and without a
//! scenario, countries and ids written after "from"/"to".
//!
//! Linear in the accounts: every account's words are read once and compared with the few
//! words of the question; there is no per-pair work.

use adcredit_core::{Scenario, Status};

use crate::lexicon::{
    is, status_word, AMBIGUOUS, BC_FORMS, COUNTRIES, FILLER, FROM_WORDS, KIND_NOUNS, MOVE_WORDS,
    PLACE_NOUNS, TO_WORDS,
};
use crate::words::{tokenize, Tok};

/// What the words of a question are matched against: the scenario's accounts and credits.
/// The browser's search module builds it from the few fields it reads (see
/// [`crate::mentions_move`]); [`Known::of`] builds it from a whole scenario.
#[derive(Clone, Debug, Default)]
pub struct Known<'a> {
    /// The accounts, in scenario order.
    pub accounts: Vec<KnownAccount<'a>>,
    /// The ids of the Business Center's credits.
    pub credits: Vec<&'a str>,
}

/// An account as far as naming it goes.
#[derive(Clone, Copy, Debug)]
pub struct KnownAccount<'a> {
    /// Its id.
    pub id: &'a str,
    /// Its name, if any.
    pub name: Option<&'a str>,
    /// Its status as written in JSON (`"active"`, `"in_review"`, `"suspended"`, `"closed"`).
    pub status: &'a str,
}

impl<'a> Known<'a> {
    /// The accounts and credits of `s`.
    pub fn of(s: &'a Scenario) -> Known<'a> {
        Known {
            accounts: s
                .accounts
                .iter()
                .map(|a| KnownAccount {
                    id: &a.id,
                    name: a.name.as_deref(),
                    status: match a.status {
                        Status::Active => "active",
                        Status::InReview => "in_review",
                        Status::Suspended => "suspended",
                        Status::Closed => "closed",
                    },
                })
                .collect(),
            credits: s
                .business_center
                .ad_credits
                .iter()
                .map(|c| c.id.as_str())
                .collect(),
        }
    }
}

/// A place a mention may mean.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Place {
    /// Account `i` of the scenario.
    Account(usize),
    /// The Business Center, through its credit `i` ("the launch voucher").
    Credit(usize),
    /// The Business Center.
    Bc,
    /// Without a scenario: an account named by a country code or an id (`id`, `label`).
    Named(String, String),
}

/// Words of the question that name a place.
#[derive(Clone, Debug)]
pub(crate) struct Mention {
    /// First word (index into the words).
    pub start: usize,
    /// One past the last word.
    pub end: usize,
    /// The places that fit, in scenario order; more than one is ambiguous.
    pub places: Vec<Place>,
    /// Set when the words name a country no account fits (the places are then empty).
    pub unknown: Option<String>,
}

impl Mention {
    /// Whether every place that fits is the Business Center or one of its credits (true for
    /// no places).
    pub(crate) fn in_bc(&self) -> bool {
        self.places
            .iter()
            .all(|p| matches!(p, Place::Bc | Place::Credit(_)))
    }
}

/// The canonical key of a word: `@de` for every way of naming Germany, `!suspended` for a
/// status, else the word itself.
fn key(w: &str) -> String {
    if let Some(c) = country(w) {
        return format!("@{}", c.code);
    }
    if let Some(s) = status_word(w) {
        return format!("!{}", s.label());
    }
    w.to_owned()
}

/// The country a word names, if any.
pub(crate) fn country(w: &str) -> Option<&'static crate::lexicon::Country> {
    COUNTRIES.iter().find(|c| c.forms.contains(&w))
}

/// Whether a word of a question, as written, names an ad market: a country's name or
/// adjective ("Germany", "german"), or a short form such as a code ("UK", "US") only when
/// written in capitals, since "us", "it" and "no" are everyday words. The search weighs such
/// words at nothing when it decides whether it has an answer ([`crate::find`]).
pub fn names_a_country(written: &str) -> bool {
    let folded: String = written.chars().map(adcredit_search::lowercase).collect();
    if country(&folded).is_none() {
        return false;
    }
    let short = folded.chars().count() <= 3 || is(AMBIGUOUS, &folded);
    // ASCII tests keep std's Unicode tables out of the search module (codes are ASCII).
    let capitals = written.bytes().all(|b| !b.is_ascii_lowercase());
    !short || capitals
}

/// Whether word `w` may be a name written with a typo: five letters or more, and not an
/// everyday word ("germny" may be; "grant", "shops" are not).
pub(crate) fn may_be_typo(w: &str) -> bool {
    w.len() >= TYPO_MIN_LEN
        && w.bytes().all(|b| b.is_ascii_lowercase())
        && !adcredit_search::is_common_word(w)
}

/// Names this short or shorter are not matched with a typo: too many words are one edit
/// from them.
pub(crate) const TYPO_MIN_LEN: usize = 5;

/// The country a word names with one typo ("germny", "austira"), when exactly one does.
fn typo_country(w: &str) -> Option<&'static crate::lexicon::Country> {
    if !may_be_typo(w) {
        return None;
    }
    let mut near = COUNTRIES.iter().filter(|c| {
        c.forms
            .iter()
            .any(|f| f.len() >= TYPO_MIN_LEN && adcredit_search::one_edit_apart(w, f))
    });
    let first = near.next()?;
    near.next().is_none().then_some(first)
}

fn skip(w: &str) -> bool {
    is(PLACE_NOUNS, w) || is(FILLER, w) || crate::lexicon::fund_word(w).is_some()
}

/// Words that say which of two things ("the new account", "the old coupon"): filler in a
/// question, but a name's own word when an account or a credit is called by it ("Austria
/// (new)", `old-coupon`).
const MODIFIERS: &[&str] = &["new", "old", "existing", "current", "main"];

/// Whether word `w` of a name or an id is one of its keys.
fn name_key(w: &str) -> bool {
    !skip(w) || is(MODIFIERS, w)
}

/// The keys of an id or a name: its words (and an id's parts), without nouns and filler.
fn keys_of(text: &str, out: &mut Vec<String>) {
    for t in tokenize(text) {
        let parts = t.text.split(['-', '_', '.']).filter(|p| !p.is_empty());
        for w in std::iter::once(t.text.as_str()).chain(parts) {
            if name_key(w) {
                let k = key(w);
                if !out.contains(&k) {
                    out.push(k);
                }
            }
        }
    }
}

/// Whether word `i` may name a place at all: an everyday short word ("us", "at", "it")
/// only in capitals, after "from"/"to"/"and"/"between", or next to a place noun.
fn eligible(toks: &[Tok], i: usize) -> bool {
    let t = &toks[i];
    if !is(AMBIGUOUS, &t.text) {
        return !is(MOVE_WORDS, &t.text) || t.caps;
    }
    if t.caps && t.text.len() >= 2 {
        return true;
    }
    // "to my German account": in lower case, "my" and "me" are the asker, never Malaysia or
    // Montenegro.
    if is(&["my", "me"], &t.text) {
        return false;
    }
    let prev = toks[..i]
        .iter()
        .rev()
        .find(|p| !is(&["the", "our", "my", "a"], &p.text))
        .map(|p| p.text.as_str())
        .unwrap_or("");
    let next = toks.get(i + 1).map(|t| t.text.as_str()).unwrap_or("");
    is(FROM_WORDS, prev)
        || is(TO_WORDS, prev)
        || is(&["between", "and"], prev)
        // "account at", but not "an account in a different currency" or "a closed account be
        // moved" (a verb or a little word after "account" names nothing)
        // "account in review": a status after it names no place either.
        || (prev == "account"
            && !is(FILLER, next)
            // "every account in it": a preposition before a pronoun
            && !is(&["it", "them", "there", "here", "which", "what"], next)
            && status_word(next).is_none()
            && !is(
                &[
                    "be", "is", "am", "do", "can", "so", "or", "as", "an", "a", "i", "of", "to",
                    "on", "up", "all", "any", "one", "no", "me", "my",
                ],
                &t.text,
            ))
        || is(PLACE_NOUNS, next)
        || t.possessive
}

/// The places named in `toks` (the words of `q`), against `scenario` or, without one, by
/// country words and ids after "from"/"to".
pub(crate) fn find(toks: &[Tok], scenario: Option<&Known<'_>>) -> Vec<Mention> {
    let n = toks.len();
    let ok: Vec<bool> = (0..n).map(|i| eligible(toks, i)).collect();
    // after_determiner[i]: word i follows "the", "our", "this"…
    let after_determiner: Vec<bool> = (0..n)
        .map(|i| {
            i.checked_sub(1)
                .is_some_and(|p| is(&["the", "our", "my", "your", "this", "that"], &toks[p].text))
        })
        .collect();
    // modifier[i]: word i is "new", "old"… after a determiner, and says which account ("the
    // new account", "our old one": `Some(true)`) or which credit ("the old coupon":
    // `Some(false)`); a name that has the word is meant only then.
    let modifier: Vec<Option<bool>> = (0..n)
        .map(|i| {
            let next = toks.get(i + 1).map_or("", |t| t.text.as_str());
            if !(is(MODIFIERS, &toks[i].text) && after_determiner[i]) {
                None
            } else if is(PLACE_NOUNS, next) || next == "one" {
                Some(true)
            } else if crate::lexicon::fund_word(next).is_some() {
                Some(false)
            } else {
                None
            }
        })
        .collect();
    let qkeys: Vec<Option<String>> = toks
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let fund_only = crate::lexicon::fund_word(&t.text).is_some()
                && !is(&["credit", "credits"], &t.text);
            (ok[i] && (!skip(&t.text) || fund_only || modifier[i].is_some())).then(|| key(&t.text))
        })
        .collect();
    // hits[i]: the places word i fits (accounts in scenario order, then credits, then the BC).
    let mut hits: Vec<Vec<Place>> = vec![Vec::new(); n];
    // exact[i]: word i is this account's or credit's whole id.
    let mut exact: Vec<Option<Place>> = vec![None; n];
    let mut keys: Vec<String> = Vec::new();
    // kinds[i]: the accounts whose name has word i's kind noun ("the webshop").
    let mut kinds: Vec<Vec<Place>> = vec![Vec::new(); n];
    // people[i]: the places whose name word word i is the people of ("our Parisian shop").
    let mut people: Vec<Vec<Place>> = vec![Vec::new(); n];
    // near[i]: the places a name word of which word i is with one typo ("germny").
    let mut near: Vec<Vec<Place>> = vec![Vec::new(); n];
    let typo_keys: Vec<Option<String>> = qkeys
        .iter()
        .map(|k| {
            k.as_ref()
                .filter(|k| may_be_typo(k))
                .map(|k| typo_country(k).map_or_else(|| k.clone(), |c| format!("@{}", c.code)))
        })
        .collect();
    if let Some(s) = scenario {
        let mut mark = |place: Place, id: &str, name: Option<&str>, extra: Option<String>| {
            keys.clear();
            keys_of(id, &mut keys);
            if let Some(name) = name {
                keys_of(name, &mut keys);
            }
            let id: String = id.chars().map(adcredit_search::lowercase).collect();
            // The id written without its separators ("q4promo" for `q4-promo`).
            let compact: String = id
                .chars()
                .filter(|c| !matches!(c, '-' | '_' | '.'))
                .collect();
            for i in 0..n {
                // A credit's fund word names it only as a definite thing ("the promo", "our
                // voucher"), not as an amount of a kind of money ("60 of promo credit"); an
                // account's status key ("in review") names it anyhow.
                let definite = !matches!(place, Place::Credit(_)) || after_determiner[i];
                // "the new account" is no credit called `new-…`, "the old coupon" no account
                // called "Old …".
                if modifier[i].is_some_and(|account| account != matches!(place, Place::Account(_)))
                {
                    continue;
                }
                if (toks[i].text == id || toks[i].text == compact) && ok[i] {
                    exact[i] = Some(place.clone());
                    hits[i].push(place.clone());
                } else if qkeys[i]
                    .as_ref()
                    .is_some_and(|k| keys.contains(k) || (definite && extra.as_ref() == Some(k)))
                {
                    hits[i].push(place.clone());
                } else if qkeys[i]
                    .as_ref()
                    .is_some_and(|k| keys.iter().any(|name| demonym(k, name)))
                {
                    people[i].push(place.clone());
                } else if typo_keys[i].as_ref().is_some_and(|k| {
                    keys.contains(k)
                        || keys.iter().any(|name| {
                            may_be_typo(name) && adcredit_search::one_edit_apart(k, name)
                        })
                }) {
                    near[i].push(place.clone());
                }
            }
        };
        for (a, acc) in s.accounts.iter().enumerate() {
            let status = match acc.status {
                "suspended" => Some(Status::Suspended),
                "closed" => Some(Status::Closed),
                "in_review" => Some(Status::InReview),
                _ => None,
            };
            mark(
                Place::Account(a),
                acc.id,
                acc.name,
                status.map(|s| format!("!{}", s.label())),
            );
            let name = acc.name.map(tokenize).unwrap_or_default();
            for (i, t) in toks.iter().enumerate() {
                if is(KIND_NOUNS, &t.text) && name.iter().any(|w| w.text == t.text) {
                    kinds[i].push(Place::Account(a));
                }
            }
        }
        for (c, credit) in s.credits.iter().enumerate() {
            // A credit is also named by its fund word ("the promo credit" for `q4-promo`).
            let mut extra = None;
            for t in tokenize(credit) {
                for w in t.text.split(['-', '_', '.']) {
                    if crate::lexicon::fund_word(w).is_some() && !is(&["credit", "credits"], w) {
                        extra = Some(w.to_owned());
                    }
                }
            }
            mark(Place::Credit(c), credit, None, extra);
        }
    }
    // A people's word names a place only when no place has it as a word ("easter" is a
    // credit's word before it is the people of "East").
    for i in 0..n {
        if hits[i].is_empty() {
            hits[i] = std::mem::take(&mut people[i]);
        }
        // A typo names a place only when nothing names it exactly.
        if hits[i].is_empty() {
            hits[i] = std::mem::take(&mut near[i]);
        }
    }
    for (i, t) in toks.iter().enumerate() {
        if is(BC_FORMS, &t.text) {
            // "the BC admin", "our business center owner": a role, not a place.
            let role = toks.get(i + 1).is_some_and(|n| {
                is(
                    &[
                        "admin",
                        "admins",
                        "administrator",
                        "administrators",
                        "owner",
                        "owners",
                        "manager",
                        "managers",
                        "analyst",
                        "analysts",
                        "operator",
                        "operators",
                        "member",
                        "members",
                        "employee",
                        "employees",
                        "user",
                        "users",
                        "role",
                        "roles",
                        "permission",
                        "permissions",
                        "access",
                    ],
                    &n.text,
                )
            });
            if role {
                hits[i].clear();
                continue;
            }
            hits[i] = vec![Place::Bc];
            exact[i] = Some(Place::Bc);
        } else if scenario.is_none() && ok[i] {
            if let Some(c) = country(&t.text).or_else(|| {
                typo_country(&t.text).filter(|_| qkeys[i].is_some() && hits[i].is_empty())
            }) {
                hits[i] = vec![Place::Named(c.code.to_owned(), c.name.to_owned())];
            } else if literal_id(toks, i) {
                hits[i] = vec![Place::Named(t.text.clone(), t.text.clone())];
            }
        } else if ok[i] && hits[i].is_empty() && literal_id(toks, i) && country(&t.text).is_none() {
            // An id after "from"/"to" that is not in the scenario: the rules say so.
            hits[i] = vec![Place::Named(t.text.clone(), t.text.clone())];
        }
    }
    if scenario.is_none() {
        generic_accounts(toks, &mut hits);
    }
    // "the webshop", "our client": a kind noun alone names the accounts that are one — not
    // next to other words of a place ("the Italian store", "the store in Berlin").
    for i in 0..n {
        let prev = i.checked_sub(1).map_or("", |p| toks[p].text.as_str());
        let next = toks.get(i + 1).map_or("", |t| t.text.as_str());
        let alone = is(&["the", "our", "my", "your", "that", "this"], prev)
            && !toks[i - 1].possessive
            && hits.get(i + 1).is_none_or(Vec::is_empty)
            && !is(&["in", "at", "of", "for", "called", "named"], next)
            && !is(PLACE_NOUNS, next);
        if hits[i].is_empty() && ok[i] && alone && !kinds[i].is_empty() {
            hits[i] = std::mem::take(&mut kinds[i]);
        }
    }
    // A number before a currency is money, not a name ("2025 euros").
    for i in 0..n {
        let next = toks.get(i + 1).map(|t| t.text.as_str()).unwrap_or("");
        if toks[i].text.starts_with(|c: char| c.is_ascii_digit())
            && is(crate::lexicon::CURRENCY_WORDS, next)
        {
            hits[i].clear();
        }
    }
    // A number is part of a name only next to another word of it ("DE 2025 store").
    let numeric = |i: usize| {
        toks[i]
            .text
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    };
    for i in 0..n {
        if numeric(i) && exact[i].is_none() && !hits[i].is_empty() {
            let near = |j: Option<usize>| {
                j.and_then(|j| toks.get(j).map(|t| (j, t)))
                    .is_some_and(|(j, t)| {
                        !numeric(j) && (!hits[j].is_empty() || is(PLACE_NOUNS, &t.text))
                    })
            };
            if !near(i.checked_sub(1)) && !near(Some(i + 1)) {
                hits[i].clear();
            }
        }
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        if hits[i].is_empty() {
            if let Some(c) = scenario
                .and(qkeys[i].as_ref())
                .filter(|k| k.starts_with('@') && (toks[i].caps || !is(AMBIGUOUS, &toks[i].text)))
                .and_then(|_| country(&toks[i].text))
            {
                out.push(Mention {
                    start: i,
                    end: i + 1,
                    places: Vec::new(),
                    unknown: Some(c.name.to_owned()),
                });
            }
            i += 1;
            continue;
        }
        // Grow the mention while the next words still fit a common place (nouns in between).
        let start = i;
        let mut places = hits[i].clone();
        let mut chosen = exact[i].clone();
        let mut end = i + 1;
        let mut j = i + 1;
        while j < n {
            if is(PLACE_NOUNS, &toks[j].text) && !toks[j - 1].possessive {
                j += 1;
                end = j;
                continue;
            }
            if hits[j].is_empty() || toks[j - 1].possessive {
                break;
            }
            // A name says its number once: "the DE 2025 store 2025 of the grant".
            if numeric(j) && toks[start..j].iter().any(|t| t.text == toks[j].text) {
                break;
            }
            let common: Vec<Place> = places
                .iter()
                .filter(|p| hits[j].contains(p))
                .cloned()
                .collect();
            if common.is_empty() {
                break;
            }
            places = common;
            if exact[j].is_some() {
                chosen = exact[j].clone();
            }
            j += 1;
            end = j;
        }
        // A number alone is an amount, not a name ("the DE 2025 store 2025 of the grant"),
        // unless an article makes it one ("the 2025 store").
        if chosen.is_none()
            && numeric(start)
            && start
                .checked_sub(1)
                .is_none_or(|p| !is(&["the", "our", "my", "your", "this", "that"], &toks[p].text))
            && (start..end).all(|k| numeric(k) || is(PLACE_NOUNS, &toks[k].text))
        {
            i = end;
            continue;
        }
        if let Some(p) = chosen.filter(|p| places.contains(p)) {
            places = vec![p];
        }
        if places.len() > 1 {
            places = best_fit(toks, start, end, places, scenario);
        }
        if places.len() == 2
            && places
                .iter()
                .all(|p| matches!(p, Place::Named(id, _) if id.ends_with("account")))
        {
            // "between two accounts": two places in the same words.
            for p in places {
                out.push(Mention {
                    start,
                    end,
                    places: vec![p],
                    unknown: None,
                });
            }
        } else {
            out.push(Mention {
                start,
                end,
                places,
                unknown: None,
            });
        }
        i = end;
    }
    out
}

/// Whether `word` names the people of `name` (a city or region word of an account's name):
/// "parisian" for "paris", "berliner" for "berlin", "milanese" for "milan", "viennese" for
/// "vienna", "osakan" for "osaka", "tokyoite" for "tokyo".
fn demonym(word: &str, name: &str) -> bool {
    const SUFFIXES: &[&str] = &[
        "ian", "ians", "ean", "eans", "an", "ans", "n", "ns", "ese", "er", "ers", "ite", "ites",
        "sider", "siders",
    ];
    if name.chars().count() < 4 || name.starts_with(['@', '!']) || word.len() <= name.len() {
        return false;
    }
    let stems = [Some(name), name.strip_suffix(['a', 'e', 'o'])];
    stems.into_iter().flatten().any(|stem| {
        word.strip_prefix(stem).is_some_and(|rest| {
            is(SUFFIXES, rest) && (rest.len() > 1 || name.ends_with(['a', 'e', 'o']))
        })
    })
}

/// Among several places that fit, the one the question names exactly — its id, or its
/// whole name word for word ("Germany" over "Germany 2"); all of them otherwise.
fn best_fit(
    toks: &[Tok],
    start: usize,
    end: usize,
    places: Vec<Place>,
    scenario: Option<&Known<'_>>,
) -> Vec<Place> {
    let Some(s) = scenario else { return places };
    let words = |ts: &[Tok]| -> Vec<String> {
        let w: Vec<String> = ts
            .iter()
            .filter(|t| !is(FILLER, &t.text))
            .map(|t| t.text.clone())
            .collect();
        w
    };
    let said = words(&toks[start..end]);
    // The same words, in any order (no sort: one instantiation less in the search module).
    let named = |text: &str| {
        let w = words(&tokenize(text));
        w.iter().all(|x| said.contains(x)) && said.iter().all(|x| w.contains(x))
    };
    let exact: Vec<Place> = places
        .iter()
        .filter(|p| match p {
            Place::Account(a) => {
                let acc = &s.accounts[*a];
                named(acc.id) || acc.name.is_some_and(named)
            }
            Place::Credit(c) => named(s.credits[*c]),
            _ => false,
        })
        .cloned()
        .collect();
    if exact.len() == 1 {
        return exact;
    }
    // Credits all mean the Business Center: several credits are one place.
    if places
        .iter()
        .all(|p| matches!(p, Place::Credit(_) | Place::Bc))
    {
        return vec![Place::Bc];
    }
    places
}

/// Word `i` stands right after "from"/"to" and looks like an id ("acc-9", "de", "x1").
fn literal_id(toks: &[Tok], i: usize) -> bool {
    let t = &toks[i].text;
    let prev = toks[..i]
        .iter()
        .rev()
        .find(|p| !is(&["the", "our", "my", "a", "account", "accounts"], &p.text))
        .map(|p| p.text.as_str())
        .unwrap_or("");
    let id_like = t
        .chars()
        .any(|c| c.is_ascii_digit() || c == '-' || c == '_')
        || (toks[i].caps && t.chars().count() <= 3 && !is(AMBIGUOUS, t));
    (is(FROM_WORDS, prev) || is(&["to", "into", "onto"], prev))
        && id_like
        && !skip(t)
        && !is(crate::lexicon::ANYWHERE, t)
        && crate::lexicon::status_word(t).is_none()
        && !t.starts_with(|c: char| c.is_ascii_digit())
        && crate::lexicon::role_word(t).is_none()
}

/// Without a scenario, accounts named in general: "from one ad account to another", "between
/// two accounts", "into a different account". The first is `account`, the second
/// `other-account` (the rules alone do not need to know which).
fn generic_accounts(toks: &[Tok], hits: &mut [Vec<Place>]) {
    const BEFORE: &[&str] = &[
        "ad",
        "one",
        // "from one of my ad accounts"
        "of",
        "an",
        "a",
        "my",
        "our",
        "another",
        "other",
        "different",
        "second",
        "separate",
        "two",
        "both",
        "the",
        "same",
        "wrong",
        "right",
        "correct",
        "new",
        "old",
        "first",
        "main",
        // Its state ("from a closed account", "in a suspended account"), besides `STATES`.
        "deactivated",
        "inactive",
    ];
    /// States that make an account of "account" or "one": "from a closed account", "to a
    /// suspended one".
    const STATES: &[&str] = &[
        "closed",
        "suspended",
        "paused",
        "banned",
        "disabled",
        "deleted",
    ];
    /// Adjectives that make "one" an account: "to the right one", "from the old one".
    const ONE_AFTER: &[&str] = &[
        "wrong",
        "right",
        "correct",
        "new",
        "old",
        "first",
        "main",
        "other",
        "different",
        "second",
    ];
    let mut seen = 0;
    let mut next_place = |hits: &mut Vec<Place>| {
        let (id, label) = if seen == 0 {
            ("account", "an ad account")
        } else {
            ("other-account", "another ad account")
        };
        seen += 1;
        hits.push(Place::Named(id.to_owned(), label.to_owned()));
    };
    for i in 0..toks.len() {
        if !hits[i].is_empty() {
            continue;
        }
        let w = toks[i].text.as_str();
        let prev = i
            .checked_sub(1)
            .map(|p| toks[p].text.as_str())
            .unwrap_or("");
        if is(&["another", "other"], w) && is(&["to", "into", "onto"], prev) {
            // "to another", "into other" with no noun after it.
            if toks
                .get(i + 1)
                .is_none_or(|t| !is(&["account", "accounts", "ad"], &t.text))
            {
                next_place(&mut hits[i]);
            }
            continue;
        }
        let one = w == "one" && (is(ONE_AFTER, prev) || is(STATES, prev));
        if !one && !is(&["account", "accounts", "ad-account", "ad-accounts"], w) {
            continue;
        }
        let mut j = i;
        while j > 0 && (is(BEFORE, &toks[j - 1].text) || is(STATES, &toks[j - 1].text)) {
            j -= 1;
        }
        let words = &toks[j..i];
        let marker = j
            .checked_sub(1)
            .map(|p| toks[p].text.as_str())
            .unwrap_or("");
        let other = words.iter().any(|t| {
            is(
                &[
                    "another",
                    "other",
                    "different",
                    "second",
                    "separate",
                    "right",
                    "correct",
                    "new",
                ],
                &t.text,
            )
        });
        let pair = words.iter().any(|t| is(&["two", "both"], &t.text))
            || (marker == "between" && w.ends_with('s'));
        // "can a suspended account receive credit?", "can an account in review get some?":
        // the account a modal asks about, when it receives.
        let asked = (is(crate::lexicon::MODALS, marker) || is(&["do", "does"], marker))
            && toks[i + 1..].iter().take(4).any(|n| {
                is(
                    &[
                        "receive", "get", "accept", "take", "hold", "keep", "use", "spend",
                    ],
                    &n.text,
                )
            });
        if !(is(
            &[
                // "pay for a suspended account", "used by an account in review", "give a
                // suspended account some credit"
                "from", "to", "into", "onto", "between", "and", "in", "inside", "for", "by", "give",
                "giving", "fund", "top up", "preload",
            ],
            marker,
        ) || other
            || asked)
        {
            continue;
        }
        next_place(&mut hits[i]);
        if pair {
            next_place(&mut hits[i]);
        }
    }
}
