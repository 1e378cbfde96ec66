//! Rule ids (CONTRACT §5): the stable names of every finding and verdict, with the knowledge-base
//! entry that explains each one and the facts of `FACTS.md` its messages rest on.

use serde::{Deserialize, Serialize};

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Severity {
    /// The plan cannot be carried out as written.
    Error,
    /// The plan works but loses or strands money.
    Warning,
    /// Worth knowing before clicking.
    Info,
}

macro_rules! rules {
    ($( $(#[$doc:meta])* $variant:ident = $id:literal, $source:literal, [$($fact:literal),+]; )*) => {
        /// A stable rule id, written in kebab case in JSON (`"ad-credit-locked"`).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "ts", derive(ts_rs::TS))]
        pub enum RuleId {
            $( $(#[$doc])* #[serde(rename = $id)] $variant, )*
        }

        impl RuleId {
            /// Every rule, in contract order.
            pub const ALL: &'static [RuleId] = &[ $( RuleId::$variant, )* ];

            /// The id as written in JSON.
            pub fn as_str(self) -> &'static str {
                match self { $( RuleId::$variant => $id, )* }
            }

            /// The content id (`faq/…`) of the entry that explains this rule.
            pub fn source(self) -> &'static str {
                match self { $( RuleId::$variant => $source, )* }
            }

            /// The fact ids of `FACTS.md` (`"F14"`) that this rule's findings and verdicts
            /// state, so a message can be traced to the facts behind it.
            pub fn facts(self) -> &'static [&'static str] {
                match self { $( RuleId::$variant => &[$($fact),+], )* }
            }
        }
    };
}

rules! {
    /// Ad credit from the Business Center to a linked, active account: allowed, manual, final (F6–F9).
    ManualAllocation = "manual-allocation", "faq/how-to-allocate", ["F4", "F6", "F7", "F8", "F9", "F14", "F20", "F21", "F28"];
    /// Cash or credit line between accounts of one entity in a Payment Portfolio (F2, F3, F17).
    PortfolioShare = "portfolio-share", "faq/share-credit-line-cash", ["F2", "F3", "F17", "F20", "F40"];
    /// Allocated ad credit cannot go to another account (F4, F14).
    AdCreditLocked = "ad-credit-locked", "faq/move-after-allocation", ["F4", "F14"];
    /// Allocated ad credit cannot go back to the Business Center (F14).
    AdCreditNoReturn = "ad-credit-no-return", "faq/move-after-allocation", ["F9", "F14"];
    /// Payment Portfolio does not share ad credit (F18).
    PortfolioExcludesAdCredit = "portfolio-excludes-ad-credit", "faq/portfolio-ad-credit", ["F14", "F18"];
    /// Cash or credit line cannot cross business entities (F2, F17).
    DifferentEntity = "different-entity", "faq/different-entities", ["F2", "F17"];
    /// Sharing needs both sides in the Payment Portfolio (F17, F27).
    NotInPortfolio = "not-in-portfolio", "faq/payment-portfolio-eligibility", ["F17", "F27"];
    /// The actor's role may not allocate or move funds: the core guide's admin-or-finance-manager
    /// rule, applied with the caveats of F20 and F40.
    RoleNotPermitted = "role-not-permitted", "faq/who-can-allocate", ["F6", "F20", "F40"];
    /// A suspended or closed account forfeits what it holds (F16, F31).
    AccountSuspended = "account-suspended", "faq/suspended-account", ["F16", "F31"];
    /// An account in review cannot receive funds yet (F21).
    AccountNotApproved = "account-not-approved", "faq/account-in-review", ["F21"];
    /// Funds cannot cross currencies (F28).
    CurrencyMismatch = "currency-mismatch", "faq/currency-mismatch", ["F28"];
    /// The credit expired before `today` (F15).
    CreditExpired = "credit-expired", "faq/credit-expiry", ["F15"];
    /// The allocations exceed what the credit has left (F11).
    InsufficientCredit = "insufficient-credit", "faq/partial-allocation", ["F10", "F11"];
    /// Zero, negative, or more decimals than allowed (F29).
    InvalidAmount = "invalid-amount", "faq/minimum-allocation", ["F12", "F29"];
    /// The plan names an account the scenario does not have (F22).
    UnknownAccount = "unknown-account", "faq/which-accounts", ["F22"];
    /// The plan names a credit the Business Center does not hold (F10).
    UnknownCredit = "unknown-credit", "faq/check-balance", ["F10"];
    /// More than the account plans to spend: the surplus stays locked until it expires (F12, F15).
    ExceedsPlannedSpend = "exceeds-planned-spend", "faq/unused-credit", ["F12", "F14", "F15"];
    /// A remainder small next to its credit (our heuristic) is left in the Business Center (F12).
    SmallLeftover = "small-leftover", "faq/minimum-allocation", ["F4", "F12", "F15"];
    /// Each allocation is its own manual action; there is no bulk allocation (F7).
    OneActionPerAllocation = "one-action-per-allocation", "faq/auto-allocation", ["F7", "F9"];
    /// Extension: allocated credit expires within 30 days of `today`, unspent credit is lost (F15, F30).
    ExpiresSoon = "expires-soon", "faq/credit-expiry", ["F15", "F39"];
    /// Extension: cash or credit line from the Business Center to one of its accounts (F3, F22).
    BalanceAllocation = "balance-allocation", "faq/share-credit-line-cash", ["F3", "F6", "F20", "F21", "F22", "F28"];
    /// Extension: cash from an account back to the Business Center, with conditions (F23).
    CashRefundToBc = "cash-refund-to-bc", "faq/take-cash-back", ["F23"];
    /// Extension: the cash or credit line to move exceeds the balance that holds it.
    InsufficientBalance = "insufficient-balance", "faq/check-balance", ["F10", "F23"];
}

impl std::fmt::Display for RuleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
