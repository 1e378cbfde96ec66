//! The words people use for places, funds, directions and roles, as plain tables.
//!
//! Everything here is data: the readers in `places.rs`, `amounts.rs` and `intent.rs` decide
//! what to do with it. Words are lowercase; multi-word forms are written with single spaces.

use adcredit_core::{Fund, Role};

/// One ad market: its ISO code and the ways people name it (country names, adjectives,
/// demonyms, the code itself). Matched against account ids and names, never a city list.
pub(crate) struct Country {
    /// ISO 3166 alpha-2, lowercase.
    pub code: &'static str,
    /// The name shown when asking back.
    pub name: &'static str,
    /// Every form, lowercase; the code is included where people write it.
    pub forms: &'static [&'static str],
}

/// The 45 largest ad markets (and the forms people use for them).
pub(crate) const COUNTRIES: &[Country] = &[
    c(
        "us",
        "the United States",
        &[
            "us",
            "usa",
            "u.s",
            "u.s.a",
            "united states",
            "united states of america",
            "america",
            "american",
            "americans",
            "the states",
            "stateside",
        ],
    ),
    c("cn", "China", &["cn", "china", "chinese"]),
    c("jp", "Japan", &["jp", "japan", "japanese"]),
    c(
        "gb",
        "the United Kingdom",
        &[
            "gb",
            "uk",
            "u.k",
            "united kingdom",
            "britain",
            "great britain",
            "british",
            "brits",
            "brit",
            "england",
            "english",
            "scotland",
            "scottish",
            "wales",
            "welsh",
        ],
    ),
    c(
        "de",
        "Germany",
        &["de", "germany", "german", "deutschland", "deutsch"],
    ),
    c("fr", "France", &["fr", "france", "french"]),
    c("in", "India", &["in", "india", "indian"]),
    c("it", "Italy", &["it", "italy", "italian", "italia"]),
    c("br", "Brazil", &["br", "brazil", "brasil", "brazilian"]),
    c("ca", "Canada", &["ca", "canada", "canadian"]),
    c(
        "kr",
        "South Korea",
        &["kr", "korea", "south korea", "korean"],
    ),
    c(
        "au",
        "Australia",
        &["au", "australia", "australian", "aussie", "aussies", "oz"],
    ),
    c(
        "es",
        "Spain",
        &["es", "spain", "spanish", "espana", "españa"],
    ),
    c("mx", "Mexico", &["mx", "mexico", "méxico", "mexican"]),
    c("id", "Indonesia", &["id", "indonesia", "indonesian"]),
    c(
        "nl",
        "the Netherlands",
        &[
            "nl",
            "netherlands",
            "the netherlands",
            "holland",
            "dutch",
            "nederland",
        ],
    ),
    c(
        "sa",
        "Saudi Arabia",
        &["sa", "ksa", "saudi", "saudi arabia"],
    ),
    c(
        "tr",
        "Türkiye",
        &["tr", "turkey", "turkiye", "türkiye", "turkish"],
    ),
    c(
        "ch",
        "Switzerland",
        &["ch", "switzerland", "swiss", "schweiz", "suisse"],
    ),
    c("pl", "Poland", &["pl", "poland", "polish", "polska"]),
    c("se", "Sweden", &["se", "sweden", "swedish", "sverige"]),
    c(
        "be",
        "Belgium",
        &["be", "belgium", "belgian", "belgique", "belgië", "belgie"],
    ),
    c(
        "ar",
        "Argentina",
        &["ar", "argentina", "argentinian", "argentine"],
    ),
    c("no", "Norway", &["no", "norway", "norwegian", "norge"]),
    c(
        "at",
        "Austria",
        &["at", "austria", "austrian", "österreich", "osterreich"],
    ),
    c(
        "ae",
        "the United Arab Emirates",
        &["ae", "uae", "united arab emirates", "emirates", "emirati"],
    ),
    c("th", "Thailand", &["th", "thailand", "thai"]),
    c("il", "Israel", &["il", "israel", "israeli"]),
    c("dk", "Denmark", &["dk", "denmark", "danish", "danmark"]),
    c("sg", "Singapore", &["sg", "singapore", "singaporean"]),
    c("my", "Malaysia", &["my", "malaysia", "malaysian"]),
    c(
        "ph",
        "the Philippines",
        &["ph", "philippines", "philippine", "filipino"],
    ),
    c("ie", "Ireland", &["ie", "ireland", "irish"]),
    c(
        "za",
        "South Africa",
        &["za", "south africa", "south african"],
    ),
    c(
        "vn",
        "Vietnam",
        &["vn", "vietnam", "viet nam", "vietnamese"],
    ),
    c("co", "Colombia", &["co", "colombia", "colombian"]),
    c("cl", "Chile", &["cl", "chile", "chilean"]),
    c("fi", "Finland", &["fi", "finland", "finnish", "suomi"]),
    c("nz", "New Zealand", &["nz", "new zealand", "kiwi"]),
    c("eg", "Egypt", &["eg", "egypt", "egyptian"]),
    c("pt", "Portugal", &["pt", "portugal", "portuguese"]),
    c(
        "cz",
        "Czechia",
        &["cz", "czechia", "czech", "czech republic"],
    ),
    c("gr", "Greece", &["gr", "greece", "greek"]),
    c("hk", "Hong Kong", &["hk", "hong kong"]),
    c("tw", "Taiwan", &["tw", "taiwan", "taiwanese"]),
];

const fn c(code: &'static str, name: &'static str, forms: &'static [&'static str]) -> Country {
    Country { code, name, forms }
}

/// Short words that are both a country code or an account id and an everyday English word
/// ("us", "at", "in"): they name a place only when written in capitals, after a direction
/// word ("from us", "to at") or next to a place noun ("the US store").
pub(crate) const AMBIGUOUS: &[&str] = &[
    "us", "at", "in", "it", "id", "no", "be", "my", "co", "eg", "me", "am", "as", "is", "or", "an",
    "so", "do", "on", "of", "to", "a", "i", "oz", "kiwi", "polish", "turkey", "new", "main", "one",
    "all", "any", "can", "up",
];

/// Nouns that say "a place" without saying which: skipped when matching names ("the Paris
/// store" fits an account named "Paris shop").
pub(crate) const PLACE_NOUNS: &[&str] = &[
    "account",
    "accounts",
    "acct",
    "ad-account",
    "shop",
    "shops",
    "store",
    "stores",
    "webshop",
    "webstore",
    "web-shop",
    "e-shop",
    "eshop",
    "online-shop",
    "client",
    "clients",
    "customer",
    "brand",
    "market",
    "site",
    "one",
    "branch",
    "entity",
    "team",
    "office",
    "subaccount",
    "sub-account",
    "advertiser",
];

/// The place nouns that say what kind of place an account is ("the webshop", "the client"):
/// alone, after "the"/"our", they name the accounts whose name has that very noun. Generic
/// nouns ("account", "one") and plurals never do.
pub(crate) const KIND_NOUNS: &[&str] = &[
    "shop",
    "store",
    "webshop",
    "webstore",
    "web-shop",
    "e-shop",
    "eshop",
    "online-shop",
    "client",
    "customer",
    "brand",
    "site",
    "branch",
    "office",
];

/// Words that name the Business Center (multi-word forms are joined first).
pub(crate) const BC_FORMS: &[&str] = &[
    "bc",
    "business center",
    "business centre",
    "business-center",
    "business-centre",
    "businesscenter",
    "tiktok business center",
    "tiktok business centre",
    "business manager",
    "bc level",
];

/// Words a question uses to point at no place in particular ("anywhere else"): the move has
/// no stated destination (or source).
pub(crate) const ANYWHERE: &[&str] = &[
    "anywhere",
    "elsewhere",
    "somewhere",
    "another",
    "other",
    "others",
    "any",
    "different",
];

/// Filler skipped when reading what stands before a place ("from *the* DE shop").
pub(crate) const FILLER: &[&str] = &[
    "the",
    "a",
    "an",
    "my",
    "our",
    "your",
    "their",
    "its",
    "this",
    "that",
    "these",
    "those",
    "his",
    "her",
    "some",
    "of",
    "ad",
    "ads",
    "tiktok",
    "all",
    "remaining",
    "unused",
    "leftover",
    "left",
    "over",
    "back",
    "just",
    "only",
    "also",
    "then",
    "new",
    "old",
    "existing",
    "current",
];

/// The long moving verbs people misspell ("alocate", "trasnfer", "realocate"), which no
/// everyday word is one edit away from (unlike "sending", one edit from "spending").
const TYPO_VERBS: &[&str] = &[
    "allocate",
    "allocating",
    "allocated",
    "transfer",
    "transfers",
    "transferring",
    "transferred",
    "reallocate",
    "redistribute",
    "reassign",
];

/// The moving verb `w` is a misspelling of (one edit: a letter missing, extra, wrong, or two
/// swapped), for words of six letters or more that are not a verb already.
fn verb_typo(w: &str) -> Option<&'static str> {
    if w.len() < 6 || !w.bytes().all(|b| b.is_ascii_lowercase()) || is(TYPO_VERBS, w) {
        return None;
    }
    TYPO_VERBS
        .iter()
        .find(|v| adcredit_search::one_edit_apart(w, v))
        .copied()
}

/// The word the reader reads `w` as, after `prev`: a long moving verb with one typo is the
/// verb ("alocate"), "like" after "would" is "wants"; `None` when it stays as written. The
/// reader (`crate::words::tokenize`) and the gate (`crate::gate`) both read words through it.
pub(crate) fn read_as(prev: &str, w: &str) -> Option<&'static str> {
    verb_typo(w).or_else(|| (w == "like" && prev == "would").then_some("wants"))
}

/// Words that make a question about moving money.
pub(crate) const MOVE_WORDS: &[&str] = &[
    "move",
    "moves",
    "moving",
    "moved",
    "transfer",
    "transfers",
    "transferring",
    "transferred",
    "shift",
    "shifting",
    "reallocate",
    "re-allocate",
    "reassign",
    "re-assign",
    "redistribute",
    "send",
    "sending",
    "give",
    "giving",
    "allocate",
    "allocating",
    "allocated",
    "assign",
    "assigning",
    "put",
    "share",
    "sharing",
    "shared",
    "split",
    "return",
    "returning",
    "refund",
    "withdraw",
    "back",
    "top",
    "topup",
    "top-up",
    "fund",
    "use",
    "used",
    "using",
    "usable",
    "spend",
    "spent",
    "pass",
    "hand",
    "handing",
    "distribute",
    "push",
    "pull",
    "take",
    "reclaim",
    "recover",
    "rescue",
    "salvage",
    "get",
    "gets",
    "receive",
    "receives",
    "go",
    "goes",
    "carry",
    "roll",
    "migrate",
    "swap",
    "redirect",
    "load",
    "add",
    "apply",
    "pool",
    "claw",
    "given",
    "gave",
    "need",
    "needs",
    "wants",
    "bring",
    "sent",
    // "could Germany borrow 300 from the US store?", "lend", "park 500 in the Dutch account"
    "borrow",
    "borrowing",
    "lend",
    "lending",
    "loan",
    "park",
    "parking",
    // "spread the grant across Berlin and Paris"
    "spread",
    "spreading",
    // "unallocate the credit from Germany", "undo the allocation to Germany"
    "unallocate",
    "deallocate",
    // "cover Mexico City's spend" (paying: see `intent::pays`)
    "cover",
    "covers",
    // "preload the Vienna pop-up with the voucher", "can Paris chip in some cash for Berlin?"
    "preload",
    "pre-load",
    "prefund",
    "pre-fund",
    "contribute",
    "chip",
    // "can the Thai partner draw on our credit line?"
    "draw",
    "draws",
];

/// Verbs after which a lone target means "from the Business Center".
pub(crate) const ALLOCATE_WORDS: &[&str] = &[
    "allocate",
    "park",
    "allocating",
    "allocated",
    "assign",
    "assigning",
    "give",
    "giving",
    "top",
    "topup",
    "top-up",
    "fund",
    "put",
    "send",
    "sending",
    "hand",
    "handing",
    "distribute",
    "spread",
    "spreading",
    "cover",
    "covers",
    "preload",
    "pre-load",
    "prefund",
    "pre-fund",
    "load",
    "add",
    "gets",
    "get",
    "receive",
    "receives",
    "given",
    "gave",
    "needs",
    "need",
    "wants",
];

/// Words that send money back where it came from (a lone account is then the source and the
/// Business Center the target).
pub(crate) const RETURN_WORDS: &[&str] = &[
    "back",
    "return",
    "returning",
    "refund",
    "withdraw",
    "reclaim",
    "recover",
    "rescue",
    "salvage",
    "claw",
    "pull",
    "undo",
    "reverse",
    "revert",
    "unallocate",
    "deallocate",
    "bring",
];

/// Verbs that undo what was done: with an allocation after them ("undo the allocation to
/// Germany", "cancel the transfer"), money goes back from where it was put.
pub(crate) const UNDO_WORDS: &[&str] = &[
    "undo",
    "reverse",
    "revert",
    "cancel",
    "rollback",
    "unallocate",
    "deallocate",
];
/// Nouns for a move that was made ("the allocation to Germany").
pub(crate) const ALLOCATION_NOUNS: &[&str] = &[
    "allocation",
    "allocations",
    "transfer",
    "transfers",
    "assignment",
    "top-up",
    "topup",
];

/// Markers before a place: it is the source.
pub(crate) const FROM_WORDS: &[&str] = &["from", "off", "out of"];
/// Markers before a place: it is the target.
pub(crate) const TO_WORDS: &[&str] = &[
    "to", "into", "onto", "toward", "towards", "for", "with", "in-to", "→",
];
/// Verbs after a place that make it the target ("can DE get the credit?").
pub(crate) const RECEIVE_AFTER: &[&str] = &[
    "get", "gets", "receive", "receives", "take", "use", "need", "needs", "wants", "draw", "draws",
];

/// Words before a place that, with "have" after it, make it the target ("can NZ have the
/// Sydney cash?").
pub(crate) const MODALS: &[&str] = &["can", "could", "may", "might", "should", "would"];

/// The kind of funds a word names, when it names one for sure. "Credit" alone is ad credit
/// (people say "credit" for the promotional credit); "credit line"/"line of credit" is the
/// credit line and is joined before this table is read.
pub(crate) fn fund_word(w: &str) -> Option<Fund> {
    Some(match w {
        "credit" | "credits" | "ad-credit" | "ad-credits" | "coupon" | "coupons" | "voucher"
        | "vouchers" | "promo" | "promos" | "promotional" | "grant" | "grants" | "bonus"
        | "incentive" | "incentives" | "giveaway" | "gift" => Fund::AdCredit,
        "credit line" | "credit-line" | "credit lines" | "line of credit" | "credit limit"
        | "postpaid" | "invoice" | "invoicing" | "monthly invoicing" => Fund::CreditLine,
        "cash" | "prepaid" | "prepayment" | "cash balance" | "prepaid balance" | "deposit"
        | "deposits" => Fund::Cash,
        _ => return None,
    })
}

/// The months as people write them, with their numbers: a credit is often named by when it
/// expires ("the December credit").
pub(crate) const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// The month a word names ("dec", "December"), if any. "may", "mar" and "march" are
/// also everyday words: the caller decides from the words around them.
pub(crate) fn month_word(w: &str) -> Option<u8> {
    MONTHS.iter().find(|(m, _)| *m == w).map(|&(_, n)| n)
}

/// Words saying that money runs out at a date ("the credit expiring in March").
pub(crate) const EXPIRY_WORDS: &[&str] = &[
    "expire",
    "expires",
    "expired",
    "expiring",
    "expiry",
    "expiration",
    "lapse",
    "lapses",
    "lapsing",
    "ends",
    "ending",
    "runs",
    "running",
    "valid",
    "until",
    "till",
];

/// Multi-word phrases joined into one word before reading (longest first).
pub(crate) const PHRASES: &[&str] = &[
    "united states of america",
    "united arab emirates",
    "tiktok business center",
    "tiktok business centre",
    "monthly invoicing",
    "czech republic",
    "line of credit",
    "finance manager",
    "finance analyst",
    "standard member",
    "standard user",
    "united states",
    "united kingdom",
    "great britain",
    "the netherlands",
    "south korea",
    "saudi arabia",
    "south africa",
    "south african",
    "new zealand",
    "hong kong",
    "viet nam",
    "the states",
    "business center",
    "business centre",
    "business manager",
    "bc level",
    "credit line",
    "credit lines",
    "credit limit",
    "cash balance",
    "prepaid balance",
    "out of",
    "top up",
    "hand out",
    "account admin",
];

/// Roles as people write them, and the role each means (longest forms are joined first).
pub(crate) fn role_word(w: &str) -> Option<Role> {
    Some(match w {
        "admin" | "admins" | "administrator" | "bc admin" | "owner" => Role::Admin,
        "finance manager" | "finance-manager" | "finance_manager" => Role::FinanceManager,
        "finance analyst" | "finance-analyst" | "finance_analyst" => Role::FinanceAnalyst,
        "standard member" | "standard user" | "standard" | "member" => Role::Standard,
        "operator" | "operators" => Role::Operator,
        "analyst" | "analysts" | "viewer" => Role::Analyst,
        _ => return None,
    })
}

/// Words before a role that make it the asker's ("I'm only an analyst", "as an operator").
pub(crate) const ROLE_CUES: &[&str] = &[
    "i'm", "im", "am", "as", "an", "a", "only", "just", "role", "being", "merely", "i",
];

/// Account statuses people name places by ("the paused account").
pub(crate) fn status_word(w: &str) -> Option<adcredit_core::Status> {
    use adcredit_core::Status;
    Some(match w {
        "suspended" | "paused" | "banned" | "disabled" | "blocked" | "frozen" | "restricted" => {
            Status::Suspended
        }
        "closed" | "deleted" | "shut" => Status::Closed,
        "review" | "in-review" | "pending" | "unapproved" => Status::InReview,
        _ => return None,
    })
}

/// Words that say money without naming its kind, stand for it ("send it back"), or move
/// nothing but money ("top up", "allocate"): without one of them, or a fund word, an amount
/// or a credit, a question moves no money ("how do I add a payment method to Germany?").
pub(crate) const MONEY_WORDS: &[&str] = &[
    "money",
    "funds",
    "fund",
    "funding",
    "budget",
    "budgets",
    "balance",
    "balances",
    "amount",
    "dollars",
    "euros",
    "it",
    "them",
    "everything",
    "all",
    "rest",
    "whole",
    "top up",
    "top",
    "topup",
    "top-up",
    "refund",
    "allocate",
    "allocating",
    "allocated",
    "allocation",
    "reallocate",
    "re-allocate",
    "withdraw",
    "recharge",
    "reload",
    "refill",
    "hand out",
];

/// Words that make a question one about how things work in general ("how do I allocate
/// credit?", "which role can allocate credit?"), not about moving the asker's money now.
pub(crate) const QUESTION_WORDS: &[&str] = &[
    "how", "what", "what's", "which", "why", "when", "who", "where",
];

/// Words that stand for an unknown amount "the whole of it".
pub(crate) const ALL_WORDS: &[&str] = &["everything", "whole", "entire", "full", "rest"];

/// Words after a number that make it a count or a time, not money.
pub(crate) const UNIT_WORDS: &[&str] = &[
    "hour",
    "hours",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "minute",
    "minutes",
    "account",
    "accounts",
    "times",
    "percent",
    "pct",
    "campaign",
    "campaigns",
    "step",
    "steps",
    "people",
    "users",
    "members",
    "ads",
    "shops",
    "stores",
];

/// Currency words and codes after or before a number.
pub(crate) const CURRENCY_WORDS: &[&str] = &[
    "usd", "eur", "gbp", "jpy", "aud", "cad", "chf", "sek", "nok", "dkk", "pln", "brl", "mxn",
    "inr", "krw", "idr", "sgd", "hkd", "nzd", "zar", "aed", "sar", "thb", "myr", "php", "vnd",
    "czk", "huf", "ils", "cny", "twd", "dollar", "dollars", "bucks", "euro", "euros", "pound",
    "pounds", "quid", "yen", "franc", "francs", "krona", "kronor", "krone", "kroner",
];

/// Whether `w` is one of `set`.
pub(crate) fn is(set: &[&str], w: &str) -> bool {
    set.contains(&w)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The gate (`gate.rs`) sees the search analyzer's folded words ("belgië" → "belgie"): every
    /// country word must also be written folded, or the gate would stop a move the reader sees
    /// (found by the question fuzz target).
    #[test]
    fn every_country_word_is_also_written_folded() {
        for c in COUNTRIES {
            // Dotted codes ("u.s") pass the gate as dotted codes.
            for form in c.forms.iter().filter(|f| !f.contains('.')) {
                for word in adcredit_search::fold_words(form) {
                    assert!(
                        c.forms.iter().any(|f| f.split(' ').any(|p| p == word)),
                        "{form}: {word} is not a form of {}",
                        c.name
                    );
                }
            }
        }
    }
}
