//! Rule ids (CONTRACT §5): the stable names of every finding and verdict, with the knowledge-base
//! entry that explains each one.

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
    ($( $(#[$doc:meta])* $variant:ident = $id:literal, $source:literal; )*) => {
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
        }
    };
}

rules! {
    /// Ad credit from the Business Center to a linked, active account: allowed, manual, final (F6–F9).
    ManualAllocation = "manual-allocation", "faq/how-to-allocate";
    /// Cash or credit line between accounts of one entity in a Payment Portfolio (F2, F3, F17).
    PortfolioShare = "portfolio-share", "faq/share-credit-line-cash";
    /// Allocated ad credit cannot go to another account (F4, F14).
    AdCreditLocked = "ad-credit-locked", "faq/move-after-allocation";
    /// Allocated ad credit cannot go back to the Business Center (F14).
    AdCreditNoReturn = "ad-credit-no-return", "faq/move-after-allocation";
    /// Payment Portfolio does not share ad credit (F18).
    PortfolioExcludesAdCredit = "portfolio-excludes-ad-credit", "faq/portfolio-ad-credit";
    /// Cash or credit line cannot cross business entities (F2, F17).
    DifferentEntity = "different-entity", "faq/different-entities";
    /// Sharing needs both sides in the Payment Portfolio (F17, F27).
    NotInPortfolio = "not-in-portfolio", "faq/payment-portfolio-eligibility";
    /// Only an admin or a finance manager can allocate or move funds (F6, F20).
    RoleNotPermitted = "role-not-permitted", "faq/who-can-allocate";
    /// A suspended or closed account forfeits what it holds (F16, F31).
    AccountSuspended = "account-suspended", "faq/suspended-account";
    /// An account in review cannot receive funds yet (F21).
    AccountNotApproved = "account-not-approved", "faq/account-in-review";
    /// Funds cannot cross currencies (F28).
    CurrencyMismatch = "currency-mismatch", "faq/currency-mismatch";
    /// The credit expired before `today` (F15).
    CreditExpired = "credit-expired", "faq/credit-expiry";
    /// The allocations exceed what the credit has left (F11).
    InsufficientCredit = "insufficient-credit", "faq/partial-allocation";
    /// Zero, negative, or more decimals than allowed (F29).
    InvalidAmount = "invalid-amount", "faq/minimum-allocation";
    /// The plan names an account the scenario does not have (F22).
    UnknownAccount = "unknown-account", "faq/which-accounts";
    /// The plan names a credit the Business Center does not hold (F10).
    UnknownCredit = "unknown-credit", "faq/check-balance";
    /// More than the account plans to spend: the surplus stays locked until it expires (F12, F15).
    ExceedsPlannedSpend = "exceeds-planned-spend", "faq/unused-credit";
    /// A remainder too small to be useful is left in the Business Center (F12).
    SmallLeftover = "small-leftover", "faq/minimum-allocation";
    /// Each allocation is its own manual action; there is no bulk allocation (F7).
    OneActionPerAllocation = "one-action-per-allocation", "faq/auto-allocation";
    /// Extension: allocated credit expires within 30 days of `today`, unspent credit is lost (F15, F30).
    ExpiresSoon = "expires-soon", "faq/credit-expiry";
    /// Extension: cash or credit line from the Business Center to one of its accounts (F3, F22).
    BalanceAllocation = "balance-allocation", "faq/share-credit-line-cash";
    /// Extension: cash from an account back to the Business Center, with conditions (F23).
    CashRefundToBc = "cash-refund-to-bc", "faq/take-cash-back";
    /// Extension: the cash or credit line to move exceeds the balance that holds it.
    InsufficientBalance = "insufficient-balance", "faq/check-balance";
}

impl std::fmt::Display for RuleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
