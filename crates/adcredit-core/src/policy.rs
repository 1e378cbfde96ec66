//! The refusal rules, each written once: who may allocate, which account may receive or send,
//! which credit may be drawn, which amount can be entered, and what may cross business entities
//! or go through Payment Portfolio.
//!
//! Each rule is one small function beside its rule id that returns the [`Refusal`] (rule id and
//! message with the figures) or `None`. [`check`](crate::check) turns refusals into findings,
//! [`can_move`](crate::can_move) into verdicts, and [`plan`](crate::plan) into the accounts and
//! credits it leaves out, so the three cannot disagree on what is allowed. The wording follows
//! the [`Act`]: a line of a plan allocates ad credit, a move question moves one kind of funds.

use crate::check::money_in;
use crate::{Account, AdCredit, Currency, Date, Fund, Money, Role, RuleId, Status};

/// Why something cannot be done.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Refusal {
    /// The rule that refuses.
    pub rule: RuleId,
    /// A plain-language explanation with the figures.
    pub message: String,
}

impl Refusal {
    fn new(rule: RuleId, message: String) -> Refusal {
        Refusal { rule, message }
    }
}

/// What is being done: a line of an allocation plan, or a move of one kind of funds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Act {
    /// Allocating ad credit from the Business Center as a line of a plan.
    Allocate,
    /// Moving funds of this kind (a move question).
    Move(Fund),
}

/// The caveat F20 asks every role refusal to carry.
const ADMIN_CAVEAT: &str = "some help-center pages also require an admin to hold a finance role";

/// `role-not-permitted`: the core guide's rule, an admin or a finance manager, applied with the
/// caveats of F20 (admins and finance roles) and F40 (credit lines: admins only).
pub(crate) fn role(role: Role, act: Act) -> Option<Refusal> {
    if role.can_allocate() {
        return None;
    }
    let who = role.subject();
    let message = match act {
        Act::Allocate => format!(
            "{who} cannot allocate ad credit: we apply the core guide's rule that only a Business \
             Center admin or a finance manager can ({ADMIN_CAVEAT}). Ask one of them to carry out \
             this plan"
        ),
        Act::Move(_) => format!(
            "{who} cannot move funds: we apply the core guide's rule that only a Business Center admin or \
             a finance manager can ({ADMIN_CAVEAT}, and for credit lines help pages name admins only)"
        ),
    };
    Some(Refusal::new(RuleId::RoleNotPermitted, message))
}

/// `account-suspended` / `account-not-approved`: only an active account can receive funds
/// (F16, F21).
pub(crate) fn receiver_status(acc: &Account, act: Act) -> Option<Refusal> {
    let (rule, message) = match (acc.status, act) {
        (Status::Active, _) => return None,
        (Status::Suspended | Status::Closed, Act::Allocate) => (
            RuleId::AccountSuspended,
            format!(
                "{} is {}: credit allocated to it would generally be forfeited, and TikTok does \
                 not return it to the Business Center",
                acc.label(),
                acc.status.label()
            ),
        ),
        (Status::Suspended | Status::Closed, Act::Move(fund)) => (
            RuleId::AccountSuspended,
            format!(
                "{} is {}: do not send {} there. Ad credit in an account that is suspended or shut \
                 down is generally forfeited and not returned, and a suspended account's balance \
                 cannot be refunded unless the suspension is resolved",
                acc.label(),
                acc.status.label(),
                fund.label()
            ),
        ),
        (Status::InReview, Act::Allocate) => (
            RuleId::AccountNotApproved,
            format!(
                "{} is still in review: an account can receive funds only after it is approved",
                acc.label()
            ),
        ),
        (Status::InReview, Act::Move(_)) => (
            RuleId::AccountNotApproved,
            format!(
                "{} is still in review: it can receive funds only once it is approved",
                acc.label()
            ),
        ),
    };
    Some(Refusal::new(rule, message))
}

/// `account-suspended`: a suspended or closed account's balance cannot be moved out (F16, F31).
pub(crate) fn sender_status(acc: &Account) -> Option<Refusal> {
    let message = match acc.status {
        Status::Active | Status::InReview => return None,
        Status::Closed => format!(
            "{} is closed: ad credit in an account that is shut down is generally forfeited, and our \
             sources describe no way to move money out of a closed account",
            acc.label()
        ),
        Status::Suspended => format!(
            "{} is suspended: its balance cannot be refunded unless the suspension is resolved, and \
             the ad credit in it is generally forfeited",
            acc.label()
        ),
    };
    Some(Refusal::new(RuleId::AccountSuspended, message))
}

/// `currency-mismatch`: funds cannot cross currencies (F28).
pub(crate) fn currency(acc: &Account, bc: &Currency, act: Act) -> Option<Refusal> {
    if acc.currency == *bc {
        return None;
    }
    let message = match act {
        Act::Allocate => format!(
            "{} is billed in {} but the Business Center's credit is in {}: credit cannot be \
             allocated across currencies, and an account's currency cannot be changed",
            acc.label(),
            acc.currency,
            bc
        ),
        Act::Move(_) => format!(
            "{} is billed in {} while the Business Center uses {}: Billing Sharing needs matching \
             currencies, ad credit cannot be allocated across currencies, and an account's currency \
             cannot be changed after it is created",
            acc.label(),
            acc.currency,
            bc
        ),
    };
    Some(Refusal::new(RuleId::CurrencyMismatch, message))
}

/// Whether `acc` can receive an allocation of the Business Center's credit at all: the first
/// refusal of its status or currency.
pub(crate) fn receiver(acc: &Account, bc: &Currency, act: Act) -> Option<Refusal> {
    receiver_status(acc, act).or_else(|| currency(acc, bc, act))
}

/// Why `different-entity` refuses (F2, F17).
pub(crate) const SAME_ENTITY_ONLY: &str =
    "credit lines and cash are shared only among accounts of the same business entity";

/// `different-entity`: cash and credit lines stay within one business entity (F2, F17).
pub(crate) fn entity(acc: &Account, other_entity: &str) -> Option<Refusal> {
    (acc.entity != other_entity).then(|| {
        Refusal::new(
            RuleId::DifferentEntity,
            format!(
                "{} belongs to {:?}, not {:?}: {SAME_ENTITY_ONLY}",
                acc.label(),
                acc.entity,
                other_entity
            ),
        )
    })
}

/// `not-in-portfolio`: sharing needs the account in the Payment Portfolio (F17, F27).
pub(crate) fn portfolio(acc: &Account) -> Option<Refusal> {
    (!acc.in_payment_portfolio).then(|| {
        Refusal::new(
            RuleId::NotInPortfolio,
            format!(
                "{} is not in the Payment Portfolio: sharing works only among approved accounts that have joined it",
                acc.label()
            ),
        )
    })
}

/// Whether the credit expired before `today` (a credit is usable on its expiry day).
pub(crate) fn is_expired(c: &AdCredit, today: Date) -> bool {
    c.expires.is_some_and(|e| e < today)
}

/// `credit-expired`: expired credit cannot be allocated (F15).
pub(crate) fn expired(c: &AdCredit, today: Date) -> Option<Refusal> {
    let exp = c.expires.filter(|e| *e < today)?;
    Some(Refusal::new(
        RuleId::CreditExpired,
        format!(
            "Credit {:?} expired on {exp}, before {today}: expired credit cannot be allocated",
            c.id
        ),
    ))
}

/// `credit-expired`, for a Business Center whose every credit has expired.
pub(crate) fn all_expired(today: Date) -> Refusal {
    Refusal::new(
        RuleId::CreditExpired,
        format!("Every ad credit in the Business Center expired before {today}; expired credit cannot be allocated"),
    )
}

/// Whether `m` is a usable amount with at most `places` decimals: more than zero when
/// `must_be_positive` (an amount to enter), otherwise not negative (a balance).
pub(crate) fn amount_ok(m: Money, must_be_positive: bool, places: u32) -> bool {
    let sign_ok = if must_be_positive {
        m.is_positive()
    } else {
        !m.is_negative()
    };
    sign_ok && !m.has_more_decimals_than(places)
}

/// `invalid-amount` for a value of a scenario (`what` names it: "Line 2", "Credit \"q4\"") that
/// [`amount_ok`] refuses (F29).
pub(crate) fn bad_amount(what: &str, m: Money, must_be_positive: bool, cur: &Currency) -> Refusal {
    let shown = money_in(m, cur);
    let message = if must_be_positive && !m.is_positive() {
        format!("{what}: {shown} is not an amount that can be allocated; it must be more than zero")
    } else if m.is_negative() {
        format!("{what}: {shown} is negative; it cannot be below zero")
    } else {
        match cur.decimals() {
            0 => format!(
                "{what}: {shown}: {cur} has no minor unit, so this checker takes whole amounts \
                 (TikTok publishes decimal limits only for its API: at most 2 places)"
            ),
            places => format!(
                "{what}: {shown} has more than {places} decimal places (TikTok's API takes at most \
                 2; this checker applies that limit to {cur})"
            ),
        }
    };
    Refusal::new(RuleId::InvalidAmount, message)
}

/// `invalid-amount` for the amount of a move question, in a currency with `places` decimals.
pub(crate) fn move_amount(m: Money, places: u32) -> Option<Refusal> {
    if amount_ok(m, true, places) {
        return None;
    }
    let message = match (places, m.with_decimals(places)) {
        (0, shown) if m.is_positive() => format!(
            "{shown} cannot be moved: this currency has no minor unit, so this checker takes whole \
             amounts (TikTok publishes decimal limits only for its API: at most 2 places)"
        ),
        (_, shown) => format!(
            "{shown} cannot be moved: an amount must be more than zero with at most {places} decimal \
             places (TikTok's API limit; this checker applies it)"
        ),
    };
    Some(Refusal::new(RuleId::InvalidAmount, message))
}
