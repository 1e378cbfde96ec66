//! The scenario: a Business Center, its linked ad accounts, and a proposed allocation plan.
//!
//! These types are the JSON input of CONTRACT §2. They reject unknown fields, and after
//! decoding [`Scenario::validate`] checks what serde cannot: unique, non-empty ids.
//! Well-formed but unusable amounts are *not* rejected here; they become `invalid-amount`
//! findings so that the rest of the plan can still be checked.
//!
//! Two readings make careless input mean what its writer meant:
//! - an optional field given as `""` or only spaces (a row still being typed) is *not given*:
//!   no planned spend, no expiry, no name, a zero balance. A required field that is empty
//!   stays an input error at its path.
//! - every id (of a credit, an account, an allocation's `credit` and `account`, a move's
//!   `from` and `to`) goes through [`normalize_id`] when it is read and again before every
//!   comparison: `"bc "`, full-width `"ｂｃ"` and `"b\u{200b}c"` are all `bc`. The report
//!   shows the normalised id; a finding's `path` points at the value as written.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{Date, Error, Money};

/// The proposed plan and everything it is checked against.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Scenario {
    /// The day the plan would be carried out; expiry is judged against it.
    pub today: Date,
    /// The Business Center role of the person who would carry out the plan.
    pub actor_role: Role,
    /// The Business Center that holds the funds.
    pub business_center: BusinessCenter,
    /// The ad accounts linked to the Business Center.
    pub accounts: Vec<Account>,
    /// The proposed allocations of ad credit, in the order they would be made.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub allocations: Vec<Allocation>,
}

/// A Business Center and the funds it holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BusinessCenter {
    /// The legal entity the Business Center belongs to.
    pub entity: String,
    /// The Business Center's currency (ISO 4217).
    pub currency: Currency,
    /// Promotional ad credits not yet allocated to any ad account.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub ad_credits: Vec<AdCredit>,
    /// Cash balance held at Business Center level.
    #[serde(default, deserialize_with = "blank::or_default")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub cash_balance: Money,
    /// Credit line available to the Business Center.
    #[serde(default, deserialize_with = "blank::or_default")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub credit_line: Money,
}

/// One promotional ad credit held by the Business Center.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AdCredit {
    /// Identifier used by allocation lines (normalised when read: trimmed, full-width forms and Unicode spaces folded, invisible characters removed).
    #[serde(deserialize_with = "id")]
    pub id: String,
    /// What is left of the credit in the Business Center.
    pub amount: Money,
    /// Last day the credit can be used, if it expires.
    #[serde(
        default,
        deserialize_with = "blank::optional",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub expires: Option<Date>,
}

/// An ad account linked to the Business Center.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Account {
    /// Identifier used by allocation lines and move questions (normalised when read: trimmed, full-width forms and Unicode spaces folded, invisible characters removed).
    #[serde(deserialize_with = "id")]
    pub id: String,
    /// Display name; the id is shown when it is absent.
    #[serde(
        default,
        deserialize_with = "blank::optional",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub name: Option<String>,
    /// The legal entity that owns the account.
    pub entity: String,
    /// The account's currency, fixed when the account was created.
    pub currency: Currency,
    /// Review and enforcement status.
    pub status: Status,
    /// Whether the account is in the Business Center's Payment Portfolio.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub in_payment_portfolio: bool,
    /// Ad credit already allocated to the account and not yet spent.
    #[serde(default, deserialize_with = "blank::or_default")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub ad_credit_balance: Money,
    /// Cash balance of the account.
    #[serde(default, deserialize_with = "blank::or_default")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub cash_balance: Money,
    /// What the account's campaigns are planned to spend before the credit expires.
    #[serde(
        default,
        deserialize_with = "blank::optional",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub planned_spend: Option<Money>,
}

impl Account {
    /// The name people know the account by: its name, or its id.
    pub fn label(&self) -> &str {
        self.name
            .as_deref()
            .filter(|n| !n.trim().is_empty())
            .unwrap_or(&self.id)
    }
}

/// One proposed allocation: an amount of one credit to one account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Allocation {
    /// Id of the Business Center credit to allocate from.
    #[serde(deserialize_with = "id")]
    pub credit: String,
    /// Id of the receiving account.
    #[serde(deserialize_with = "id")]
    pub account: String,
    /// Amount to allocate.
    pub amount: Money,
}

/// Business Center and ad-account roles (F20).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Role {
    /// Business Center admin.
    Admin,
    /// Finance manager: full control of finance and payments.
    FinanceManager,
    /// Finance analyst: can view bills, invoices and transactions only.
    FinanceAnalyst,
    /// Standard Business Center member.
    Standard,
    /// Ad-account operator.
    Operator,
    /// Ad-account analyst.
    Analyst,
}

impl Role {
    /// Every role, in contract order.
    pub const ALL: [Role; 6] = [
        Role::Admin,
        Role::FinanceManager,
        Role::FinanceAnalyst,
        Role::Standard,
        Role::Operator,
        Role::Analyst,
    ];

    /// Whether this role may allocate or move funds (F6; see F20 for the admin caveat).
    pub fn can_allocate(self) -> bool {
        matches!(self, Role::Admin | Role::FinanceManager)
    }

    /// The role as the subject of a sentence: "An operator", "A finance manager".
    pub fn subject(self) -> &'static str {
        match self {
            Role::Admin => "An admin",
            Role::FinanceManager => "A finance manager",
            Role::FinanceAnalyst => "A finance analyst",
            Role::Standard => "A standard member",
            Role::Operator => "An operator",
            Role::Analyst => "An analyst",
        }
    }
}

/// An ad account's status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Status {
    /// Approved and running.
    Active,
    /// Not approved yet: it cannot receive funds (F21).
    InReview,
    /// Suspended: funds in it are generally forfeited (F16, F31).
    Suspended,
    /// Closed for good.
    Closed,
}

impl Status {
    /// Every status, in contract order.
    pub const ALL: [Status; 4] = [
        Status::Active,
        Status::InReview,
        Status::Suspended,
        Status::Closed,
    ];

    /// The status as people write it.
    pub fn label(self) -> &'static str {
        match self {
            Status::Active => "active",
            Status::InReview => "in review",
            Status::Suspended => "suspended",
            Status::Closed => "closed",
        }
    }
}

impl<'de> Deserialize<'de> for Role {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        named(
            d,
            &[
                ("admin", Role::Admin),
                ("finance_manager", Role::FinanceManager),
                ("finance_analyst", Role::FinanceAnalyst),
                ("standard", Role::Standard),
                ("operator", Role::Operator),
                ("analyst", Role::Analyst),
            ],
        )
    }
}

impl<'de> Deserialize<'de> for Status {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        named(
            d,
            &[
                ("active", Status::Active),
                ("in_review", Status::InReview),
                ("suspended", Status::Suspended),
                ("closed", Status::Closed),
            ],
        )
    }
}

/// Decode one of a fixed set of names, with one wording for every wrong value: an unknown
/// name is `"x" is not one of …`, any other JSON type `expected one of …, found …`.
pub(crate) fn named<'de, D: Deserializer<'de>, T: Copy>(
    d: D,
    names: &'static [(&'static str, T)],
) -> Result<T, D::Error> {
    struct V<T: 'static>(&'static [(&'static str, T)]);
    impl<T: 'static> V<T> {
        fn list(&self) -> String {
            self.0
                .iter()
                .map(|(n, _)| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", ")
        }
    }
    impl<T: Copy + 'static> Visitor<'_> for V<T> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "one of {}", self.list())
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
            match self.0.iter().find(|(n, _)| *n == v) {
                Some((_, t)) => Ok(*t),
                None => Err(E::custom(format_args!(
                    "{v:?} is not one of {}",
                    self.list()
                ))),
            }
        }
    }
    d.deserialize_any(V(names))
}

/// An ISO 4217 currency code such as `USD`: its three letters and its minor units, both kept
/// inline (every account has a currency, and the rules ask for its decimals on every line).
#[derive(Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(as = "String"))]
pub struct Currency {
    code: [u8; 3],
    /// ISO 4217 exponent, computed from `code` when parsed.
    minor: u8,
}

impl fmt::Debug for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Currency").field(&self.code()).finish()
    }
}

/// Currencies without minor units (ISO 4217 exponent 0).
const ZERO_DECIMAL: [&str; 17] = [
    "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND",
    "VUV", "XAF", "XOF", "XPF",
];

/// Currencies with three minor units (ISO 4217 exponent 3).
const THREE_DECIMAL: [&str; 7] = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"];

/// Currencies with four minor units (ISO 4217 exponent 4; units of account).
const FOUR_DECIMAL: [&str; 2] = ["CLF", "UYW"];

/// Most decimals a Business Center transfer takes, whatever the currency (F29: "amounts moved
/// through the API must be greater than 0 with at most 2 decimal places"). F29 is about the
/// transfer API; the facts say nothing more specific about 3-decimal currencies, so their
/// amounts are capped at 2 like every other.
pub const TRANSFER_DECIMALS: u32 = 2;

/// ISO 4217 exponent of a code (see [`Currency::minor_units`]).
fn minor_units_of(code: &str) -> u8 {
    // Most scenarios are in a handful of two-decimal currencies: skip the lists for them.
    if matches!(code, "USD" | "EUR" | "GBP") {
        return 2;
    }
    if ZERO_DECIMAL.contains(&code) {
        0
    } else if THREE_DECIMAL.contains(&code) {
        3
    } else if FOUR_DECIMAL.contains(&code) {
        4
    } else {
        2
    }
}

impl Currency {
    /// Parse a three-capital-letter code.
    pub fn parse(s: &str) -> Option<Currency> {
        let code: [u8; 3] = s.as_bytes().try_into().ok()?;
        code.iter().all(u8::is_ascii_uppercase).then(|| Currency {
            code,
            minor: minor_units_of(s),
        })
    }

    /// The code, e.g. `"USD"`.
    pub fn code(&self) -> &str {
        // Three ASCII capitals, checked by `parse`.
        std::str::from_utf8(&self.code).unwrap_or_default()
    }

    /// The currency's minor units (ISO 4217 exponent): 0 for JPY, KRW, …; 3 for BHD, KWD, …;
    /// 2 for most, and for codes this list does not know.
    pub fn minor_units(&self) -> u32 {
        u32::from(self.minor)
    }

    /// The one rule for decimals: how many an amount in this currency may have and is shown
    /// with — its minor units, capped at [`TRANSFER_DECIMALS`] (F29). `invalid-amount`, the
    /// after-state, the steps and every message use it: JPY amounts are whole numbers
    /// (`"50000"`), USD and KWD ones have two decimals.
    ///
    /// ```
    /// use adcredit_core::Currency;
    /// let d = |c| Currency::parse(c).unwrap().decimals();
    /// assert_eq!((d("JPY"), d("USD"), d("KWD")), (0, 2, 2));
    /// ```
    pub fn decimals(&self) -> u32 {
        self.minor_units().min(TRANSFER_DECIMALS)
    }

    /// `m` shown with this currency's decimals (see [`Money::shown_with`]).
    pub fn amount(&self, m: Money) -> Money {
        m.shown_with(self.decimals())
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Currency {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Currency;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a currency code such as \"USD\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Currency, E> {
                Currency::parse(v).ok_or_else(|| {
                    E::custom(format_args!(
                        "{v:?} is not a currency code (three capital letters such as \"USD\")"
                    ))
                })
            }
        }
        d.deserialize_str(V)
    }
}

/// Longest id accepted for accounts and credits.
const MAX_ID_LEN: usize = 200;

impl Scenario {
    /// Check what the JSON shape cannot: ids are non-empty, short, unique, and no account is
    /// called `bc` (which names the Business Center in move questions).
    pub fn validate(&self) -> Result<(), Error> {
        self.validate_at("")
    }

    /// [`Scenario::validate`] with a path prefix for scenarios nested in other input.
    pub(crate) fn validate_at(&self, prefix: &str) -> Result<(), Error> {
        let mut seen: HashMap<Cow<'_, str>, usize> = HashMap::new();
        for (i, c) in self.business_center.ad_credits.iter().enumerate() {
            // The path is written only for an error: a 10,000-account plan has 10,000 ids.
            let path = || format!("{prefix}business_center.ad_credits[{i}].id");
            let id = normalize_id(&c.id);
            check_id(&id, path)?;
            if let Some(first) = seen.get(&id) {
                return Err(Error::input(
                    path(),
                    format!(
                        "duplicate credit id {id:?} (also at {prefix}business_center.ad_credits[{first}])"
                    ),
                ));
            }
            seen.insert(id, i);
        }
        let mut seen: HashMap<Cow<'_, str>, usize> = HashMap::with_capacity(self.accounts.len());
        for (i, a) in self.accounts.iter().enumerate() {
            let path = || format!("{prefix}accounts[{i}].id");
            let id = normalize_id(&a.id);
            check_id(&id, path)?;
            if is_bc(&id) {
                return Err(Error::input(
                    path(),
                    "\"bc\" is reserved for the Business Center itself; give the account another id",
                ));
            }
            if let Some(first) = seen.get(&id) {
                return Err(Error::input(
                    path(),
                    format!("duplicate account id {id:?} (also at {prefix}accounts[{first}])"),
                ));
            }
            seen.insert(id, i);
        }
        Ok(())
    }

    /// The account with this id (both sides normalised).
    pub fn account(&self, id: &str) -> Option<&Account> {
        let id = normalize_id(id);
        self.accounts.iter().find(|a| normalize_id(&a.id) == id)
    }

    /// The Business Center credit with this id (both sides normalised).
    pub fn credit(&self, id: &str) -> Option<&AdCredit> {
        let id = normalize_id(id);
        self.business_center
            .ad_credits
            .iter()
            .find(|c| normalize_id(&c.id) == id)
    }
}

/// Whether a (normalised) id names the Business Center: `bc`, in any case.
pub(crate) fn is_bc(id: &str) -> bool {
    id.eq_ignore_ascii_case("bc")
}

/// The one normalisation of ids, applied when an id is read and before every comparison:
/// invisible characters removed (zero-width space, joiners, word joiner, BOM, soft hyphen,
/// bidirectional marks and overrides), the compatibility forms that pass for ASCII folded as
/// NFKC folds them (full-width `ｂｃ` is `bc`; a no-break, ideographic or other Unicode space
/// is a space), and surrounding white space trimmed. An id that is empty afterwards is
/// refused by [`Scenario::validate`].
///
/// Not the whole of NFKC: its tables (the `unicode-normalization` crate) measured 63 KB gzip
/// in the rules wasm module (96 → 165 KB), for ligatures, mathematical letters and the like
/// that no one types into an id field. The same function runs natively and in the browser,
/// so an id means the same everywhere; ids that differ only in those forms stay distinct.
///
/// ```
/// use adcredit_core::normalize_id;
/// assert_eq!(normalize_id("bc "), "bc");
/// assert_eq!(normalize_id("ｂｃ"), "bc");
/// assert_eq!(normalize_id("b\u{200b}c"), "bc");
/// assert_eq!(normalize_id("\u{200b}\u{a0}"), "");
/// assert_eq!(normalize_id("DE shop"), "DE shop");
/// ```
pub fn normalize_id(id: &str) -> Cow<'_, str> {
    let plain = |b: u8| b.is_ascii_graphic() || b == b' ';
    if id.bytes().all(plain) && !id.starts_with(' ') && !id.ends_with(' ') {
        return Cow::Borrowed(id);
    }
    let folded: String = id
        .chars()
        .filter(|c| !is_invisible(*c))
        .map(compatibility_fold)
        .collect();
    Cow::Owned(folded.trim().to_owned())
}

/// NFKC's mapping of the full-width forms of ASCII (U+FF01–U+FF5E) and of the Unicode spaces.
fn compatibility_fold(c: char) -> char {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(u32::from(c) - 0xfee0).unwrap_or(c),
        '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => {
            ' '
        }
        c => c,
    }
}

/// Characters that show nothing, so two ids differing only by them look the same.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00ad}'
            | '\u{034f}'
            | '\u{061c}'
            | '\u{180e}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{feff}'
    )
}

/// Reads an id, normalised (see [`normalize_id`]).
pub(crate) fn id<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let raw = String::deserialize(d)?;
    Ok(match normalize_id(&raw) {
        Cow::Borrowed(_) => raw,
        Cow::Owned(n) => n,
    })
}

/// Optional fields where `""` (or only white space) means "not given".
pub(crate) mod blank {
    use std::fmt;
    use std::marker::PhantomData;

    use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
    use serde::de::{self, IntoDeserializer, MapAccess, SeqAccess, Visitor};
    use serde::{Deserialize, Deserializer};

    /// `""`, white space or null → `None`; anything else is read as a `T`, with `T`'s errors.
    pub(crate) fn optional<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
    where
        D: Deserializer<'de>,
        T: Deserialize<'de>,
    {
        d.deserialize_any(Blank(PhantomData))
    }

    /// `""` or white space → `T::default()` (a zero balance); anything else is read as a `T`.
    pub(crate) fn or_default<'de, D, T>(d: D) -> Result<T, D::Error>
    where
        D: Deserializer<'de>,
        T: Deserialize<'de> + Default,
    {
        // `null` for a field with a default stays what it was: a wrong type.
        let v: Option<T> = d.deserialize_any(NotNull(PhantomData))?;
        Ok(v.unwrap_or_default())
    }

    struct Blank<T>(PhantomData<T>);

    impl<'de, T: Deserialize<'de>> Visitor<'de> for Blank<T> {
        type Value = Option<T>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a value or nothing")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            if v.trim().is_empty() {
                return Ok(None);
            }
            T::deserialize(v.into_deserializer()).map(Some)
        }
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
            T::deserialize(v.into_deserializer()).map(Some)
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
            T::deserialize(v.into_deserializer()).map(Some)
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            T::deserialize(v.into_deserializer()).map(Some)
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
            T::deserialize(v.into_deserializer()).map(Some)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(self)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
            T::deserialize(SeqAccessDeserializer::new(seq)).map(Some)
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
            T::deserialize(MapAccessDeserializer::new(map)).map(Some)
        }
    }

    /// [`Blank`], except that `null` is read as a `T` (and refused by it).
    struct NotNull<T>(PhantomData<T>);

    impl<'de, T: Deserialize<'de>> Visitor<'de> for NotNull<T> {
        type Value = Option<T>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a value or nothing")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Blank(PhantomData).visit_str(v)
        }
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
            Blank(PhantomData).visit_bool(v)
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Blank(PhantomData).visit_i64(v)
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Blank(PhantomData).visit_u64(v)
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
            Blank(PhantomData).visit_f64(v)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            T::deserialize(().into_deserializer()).map(Some)
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            T::deserialize(().into_deserializer()).map(Some)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
            Blank(PhantomData).visit_seq(seq)
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
            Blank(PhantomData).visit_map(map)
        }
    }
}

fn check_id(id: &str, path: impl Fn() -> String) -> Result<(), Error> {
    if id.is_empty() {
        return Err(Error::input(
            path(),
            "is empty; every id needs at least one visible character",
        ));
    }
    if id.chars().count() > MAX_ID_LEN {
        return Err(Error::input(
            path(),
            format!("is longer than {MAX_ID_LEN} characters"),
        ));
    }
    Ok(())
}
