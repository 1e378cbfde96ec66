//! The scenario: a Business Center, its linked ad accounts, and a proposed allocation plan.
//!
//! These types are the JSON input of CONTRACT §2. They reject unknown fields, and after
//! decoding [`Scenario::validate`] checks what serde cannot: unique, non-empty ids.
//! Well-formed but unusable amounts are *not* rejected here; they become `invalid-amount`
//! findings so that the rest of the plan can still be checked.

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
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub cash_balance: Money,
    /// Credit line available to the Business Center.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub credit_line: Money,
}

/// One promotional ad credit held by the Business Center.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AdCredit {
    /// Identifier used by allocation lines.
    pub id: String,
    /// What is left of the credit in the Business Center.
    pub amount: Money,
    /// Last day the credit can be used, if it expires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub expires: Option<Date>,
}

/// An ad account linked to the Business Center.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Account {
    /// Identifier used by allocation lines and move questions.
    pub id: String,
    /// Display name; the id is shown when it is absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub ad_credit_balance: Money,
    /// Cash balance of the account.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub cash_balance: Money,
    /// What the account's campaigns are planned to spend before the credit expires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
    pub credit: String,
    /// Id of the receiving account.
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

/// An ISO 4217 currency code such as `USD`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(as = "String"))]
pub struct Currency(String);

impl Currency {
    /// Parse a three-capital-letter code.
    pub fn parse(s: &str) -> Option<Currency> {
        (s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase())).then(|| Currency(s.into()))
    }

    /// The code, e.g. `"USD"`.
    pub fn code(&self) -> &str {
        &self.0
    }

    /// Decimal places an amount in this currency may have: the currency's minor units,
    /// capped at 2 because Business Center transfers take at most 2 decimals (F29).
    pub fn decimals(&self) -> u32 {
        // Currencies without minor units (ISO 4217 exponent 0), matched on the bytes: every
        // amount in a message asks.
        if matches!(
            self.0.as_bytes(),
            b"BIF"
                | b"CLP"
                | b"DJF"
                | b"GNF"
                | b"ISK"
                | b"JPY"
                | b"KMF"
                | b"KRW"
                | b"PYG"
                | b"RWF"
                | b"UGX"
                | b"UYI"
                | b"VND"
                | b"VUV"
                | b"XAF"
                | b"XOF"
                | b"XPF"
        ) {
            0
        } else {
            2
        }
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Currency {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
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
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, c) in self.business_center.ad_credits.iter().enumerate() {
            let path = || format!("{prefix}business_center.ad_credits[{i}].id");
            check_id(&c.id, path)?;
            if let Some(first) = seen.insert(c.id.as_str(), i) {
                return Err(Error::input(
                    path(),
                    format!(
                        "duplicate credit id {:?} (also at {prefix}business_center.ad_credits[{first}])",
                        c.id
                    ),
                ));
            }
        }
        let mut seen: HashMap<&str, usize> = HashMap::with_capacity(self.accounts.len());
        for (i, a) in self.accounts.iter().enumerate() {
            let path = || format!("{prefix}accounts[{i}].id");
            check_id(&a.id, path)?;
            if a.id.eq_ignore_ascii_case("bc") {
                return Err(Error::input(
                    path(),
                    "\"bc\" is reserved for the Business Center itself; give the account another id",
                ));
            }
            if let Some(first) = seen.insert(a.id.as_str(), i) {
                return Err(Error::input(
                    path(),
                    format!(
                        "duplicate account id {:?} (also at {prefix}accounts[{first}])",
                        a.id
                    ),
                ));
            }
        }
        Ok(())
    }

    /// The account with this id.
    pub fn account(&self, id: &str) -> Option<&Account> {
        self.accounts.iter().find(|a| a.id == id)
    }

    /// The Business Center credit with this id.
    pub fn credit(&self, id: &str) -> Option<&AdCredit> {
        self.business_center.ad_credits.iter().find(|c| c.id == id)
    }
}

fn check_id(id: &str, path: impl Fn() -> String) -> Result<(), Error> {
    if id.trim().is_empty() {
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
