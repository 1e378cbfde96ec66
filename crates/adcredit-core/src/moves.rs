//! "Can I move this money from X to Y?" — a verdict for every fund kind × source × target,
//! from the rules alone or against a scenario (CONTRACT §4).
//!
//! Checks run from the most fundamental rule to the most circumstantial, and the first one
//! that refuses is the verdict: allocated ad credit is locked whoever asks, so `ad-credit-locked`
//! comes before the role or the account status.

use serde::{Deserialize, Serialize};

use std::borrow::Cow;

use crate::policy::{self, Act, Refusal};
use crate::scenario::is_bc;
use crate::{normalize_id, Account, Error, Money, RuleId, Scenario};

/// The kind of funds a move question is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Fund {
    /// Promotional ad credit.
    AdCredit,
    /// Cash balance.
    Cash,
    /// Credit line.
    CreditLine,
}

impl<'de> Deserialize<'de> for Fund {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        crate::scenario::named(
            d,
            &[
                ("ad_credit", Fund::AdCredit),
                ("cash", Fund::Cash),
                ("credit_line", Fund::CreditLine),
            ],
        )
    }
}

impl Fund {
    /// The fund kind as people write it.
    pub fn label(self) -> &'static str {
        match self {
            Fund::AdCredit => "ad credit",
            Fund::Cash => "cash",
            Fund::CreditLine => "credit line",
        }
    }
}

/// The question: move `amount` of `fund` from `from` to `to` (`"bc"` or an account id).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MoveQuestion {
    /// Which kind of funds.
    pub fund: Fund,
    /// `"bc"` for the Business Center, or an account id (normalised when read).
    #[serde(deserialize_with = "crate::scenario::id")]
    pub from: String,
    /// `"bc"` for the Business Center, or an account id (normalised when read).
    #[serde(deserialize_with = "crate::scenario::id")]
    pub to: String,
    /// How much, if known (`""` is not known).
    #[serde(
        default,
        deserialize_with = "crate::scenario::blank::optional",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub amount: Option<Money>,
    /// The setup to judge against; without it the verdict comes from the rules alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub scenario: Option<Scenario>,
}

/// The answer to a [`MoveQuestion`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Verdict {
    /// Whether the move can be made.
    pub allowed: bool,
    /// The rule that decides it.
    pub rule: RuleId,
    /// Why, in plain language, with the figures when a scenario gives them.
    pub reason: String,
    /// Content id of the FAQ entry that explains the rule.
    pub source: &'static str,
    /// The question's fund kind.
    pub fund: Fund,
    /// The question's source.
    pub from: String,
    /// The question's target.
    pub to: String,
    /// The question's amount, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub amount: Option<Money>,
}

/// Which side of a move an endpoint is.
#[derive(Clone, Copy)]
enum End<'a> {
    Bc,
    Account(&'a str),
}

fn end(s: &str) -> End<'_> {
    if is_bc(s) {
        End::Bc
    } else {
        End::Account(s)
    }
}

/// Decide a move question.
///
/// ```
/// use adcredit_core::{can_move, Fund, MoveQuestion};
/// let q = MoveQuestion { fund: Fund::AdCredit, from: "us".into(), to: "de".into(), amount: None, scenario: None };
/// let v = can_move(&q).unwrap();
/// assert!(!v.allowed);
/// assert_eq!(v.rule.as_str(), "ad-credit-locked");
/// ```
pub fn can_move(q: &MoveQuestion) -> Result<Verdict, Error> {
    if let Some(s) = &q.scenario {
        s.validate_at("scenario.")?;
    }
    // Ids are compared normalised (`"bc "` and `"ｂｃ"` are the Business Center).
    let q = match (normalize_id(&q.from), normalize_id(&q.to)) {
        (Cow::Borrowed(_), Cow::Borrowed(_)) => Cow::Borrowed(q),
        (from, to) => Cow::Owned(MoveQuestion {
            from: from.into_owned(),
            to: to.into_owned(),
            ..q.clone()
        }),
    };
    let q = q.as_ref();
    for (field, v) in [("from", &q.from), ("to", &q.to)] {
        if v.trim().is_empty() {
            return Err(Error::input(field, "is empty; use \"bc\" or an account id"));
        }
    }
    if q.from == q.to || (is_bc(&q.from) && is_bc(&q.to)) {
        return Err(Error::input(
            "to",
            format!(
                "is the same as from ({:?}); name two different places",
                q.from
            ),
        ));
    }
    let (allowed, rule, reason) = decide(q)?;
    Ok(Verdict {
        allowed,
        rule,
        reason,
        source: rule.source(),
        fund: q.fund,
        from: q.from.clone(),
        to: q.to.clone(),
        amount: q.amount.map(|m| match &q.scenario {
            Some(s) => s.business_center.currency.amount(m),
            None => m,
        }),
    })
}

/// For a move question without a scenario whose words say the status of the account at one
/// end ("to a suspended account", "from a closed one"): the refusal that status brings — the
/// rule and wording a scenario's account of that status gets — or `None` when it refuses
/// nothing (an active account; an account in review may still send). `label` names the
/// account in the reason ("This account").
pub fn status_refusal(
    fund: Fund,
    status: crate::Status,
    label: &str,
    receiving: bool,
) -> Option<(RuleId, String)> {
    let acc = Account {
        id: label.to_owned(),
        name: Some(label.to_owned()),
        entity: String::new(),
        currency: crate::Currency::parse("USD")?,
        status,
        in_payment_portfolio: false,
        ad_credit_balance: Money::default(),
        cash_balance: Money::default(),
        planned_spend: None,
    };
    let r = if receiving {
        policy::receiver_status(&acc, Act::Move(fund))
    } else {
        policy::sender_status(&acc)
    }?;
    Some((r.rule, r.message))
}

/// For a move question without a scenario whose words say the two ends belong to different
/// business entities ("between accounts of two different companies", "to our sister
/// company's account"): the refusal of `different-entity` for cash and credit lines, `None`
/// for ad credit, which that rule does not decide.
pub fn entity_refusal(fund: Fund) -> Option<(RuleId, String)> {
    (fund != Fund::AdCredit).then(|| {
        (
            RuleId::DifferentEntity,
            format!(
                "The two ends belong to different business entities: {}",
                policy::SAME_ENTITY_ONLY
            ),
        )
    })
}

type Decision = (bool, RuleId, String);

fn deny(rule: RuleId, reason: String) -> Result<Decision, Error> {
    Ok((false, rule, reason))
}

fn refused(r: Refusal) -> Result<Decision, Error> {
    Ok((false, r.rule, r.message))
}

fn allow(rule: RuleId, reason: String) -> Result<Decision, Error> {
    Ok((true, rule, reason))
}

fn decide(q: &MoveQuestion) -> Result<Decision, Error> {
    let (from, to) = (end(&q.from), end(&q.to));
    // Rules that hold whatever the scenario says.
    if q.fund == Fund::AdCredit {
        match (from, to) {
            (End::Account(_), End::Bc) => {
                return deny(
                    RuleId::AdCreditNoReturn,
                    "Ad credit that has been allocated to an ad account cannot be returned to the Business \
                     Center, not even if the account stops running or plans change: the allocation is permanent"
                        .into(),
                )
            }
            (End::Account(a), End::Account(b)) => {
                let both_in_portfolio = q.scenario.as_ref().is_some_and(|s| {
                    [a, b].iter().all(|id| s.account(id).is_some_and(|acc| acc.in_payment_portfolio))
                });
                return if both_in_portfolio {
                    deny(
                        RuleId::PortfolioExcludesAdCredit,
                        "Both accounts are in the Payment Portfolio, but the portfolio shares only cash and \
                         credit lines, never promotional ad credit; allocated ad credit stays locked in its account"
                            .into(),
                    )
                } else {
                    deny(
                        RuleId::AdCreditLocked,
                        "Ad credit is locked to the account it was allocated to: it cannot be moved to \
                         another ad account. Only credit still in the Business Center can be allocated"
                            .into(),
                    )
                };
            }
            _ => {}
        }
    }
    if let Some(m) = q.amount {
        let places = q
            .scenario
            .as_ref()
            .map_or(2, |s| s.business_center.currency.decimals());
        if let Some(r) = policy::move_amount(m, places) {
            return refused(r);
        }
    }
    match &q.scenario {
        None => Ok(without_scenario(q.fund, from, to)),
        Some(s) => with_scenario(q, s, from, to),
    }
}

fn without_scenario(fund: Fund, from: End<'_>, to: End<'_>) -> Decision {
    match (fund, from, to) {
        (Fund::AdCredit, End::Bc, _) => (
            true,
            RuleId::ManualAllocation,
            "Yes, as a manual allocation to one approved ad account in the Business Center's currency, \
             by an admin or a finance manager (the core guide's rule, which we apply; some help pages also \
             require an admin to hold a finance role). It takes effect at once and is final: the credit \
             can never move to another account or back to the Business Center"
                .into(),
        ),
        (Fund::Cash, End::Bc, _) => (
            true,
            RuleId::BalanceAllocation,
            "Yes: cash can go from the Business Center to an approved ad account it manages, in the same \
             currency, moved by an admin or a finance manager (the core guide's rule, which we apply; some \
             help pages also require an admin to hold a finance role)"
                .into(),
        ),
        (Fund::Cash, End::Account(_), End::Bc) => (
            true,
            RuleId::CashRefundToBc,
            "Yes, with conditions: cash can come back from an ad account to the Business Center only if the \
             account had no ad spend in the last 3 hours, and taxes or frozen amounts stay where they are"
                .into(),
        ),
        (Fund::Cash | Fund::CreditLine, _, _) => (
            true,
            RuleId::PortfolioShare,
            format!(
                "Yes, when both sides belong to the same business entity and the accounts are in the same \
                 Payment Portfolio: {} funds can be shared and reallocated there freely{}",
                fund.label(),
                credit_line_note(fund)
            ),
        ),
        // Ad credit between accounts or back to the BC is decided before this point.
        (Fund::AdCredit, End::Account(_), _) => (
            false,
            RuleId::AdCreditLocked,
            "Allocated ad credit is locked to its account".into(),
        ),
    }
}

fn with_scenario(
    q: &MoveQuestion,
    s: &Scenario,
    from: End<'_>,
    to: End<'_>,
) -> Result<Decision, Error> {
    let lookup = |e: End<'_>| -> Result<Option<&Account>, String> {
        match e {
            End::Bc => Ok(None),
            End::Account(id) => s.account(id).map(Some).ok_or_else(|| id.to_owned()),
        }
    };
    let (from_acc, to_acc) = match (lookup(from), lookup(to)) {
        (Ok(f), Ok(t)) => (f, t),
        (Err(id), _) | (_, Err(id)) => {
            let known: Vec<&str> = s.accounts.iter().take(8).map(|a| a.id.as_str()).collect();
            return deny(
                RuleId::UnknownAccount,
                format!(
                    "There is no account {id:?} linked to this Business Center (accounts: {})",
                    if known.is_empty() {
                        "none".to_owned()
                    } else {
                        known.join(", ")
                    }
                ),
            );
        }
    };
    let cur = &s.business_center.currency;
    let money = |m: Money| format!("{} {cur}", m.with_decimals(cur.decimals()));
    let act = Act::Move(q.fund);
    let refusal = policy::role(s.actor_role, act)
        .or_else(|| from_acc.and_then(policy::sender_status))
        .or_else(|| to_acc.and_then(|acc| policy::receiver_status(acc, act)))
        .or_else(|| {
            [from_acc, to_acc]
                .into_iter()
                .flatten()
                .find_map(|acc| policy::currency(acc, cur, act))
        });
    if let Some(r) = refusal {
        return refused(r);
    }
    let amount = q.amount;
    let exceeds = |have: Money| amount.is_some_and(|m| m > have);
    let asked = amount.map(money).unwrap_or_default();
    match (q.fund, from_acc, to_acc) {
        (Fund::AdCredit, None, Some(acc)) => {
            let mut usable = Money::ZERO;
            let mut largest = Money::ZERO;
            let mut expired = 0;
            for c in &s.business_center.ad_credits {
                if policy::is_expired(c, s.today) {
                    expired += 1;
                } else if c.amount.is_positive() {
                    usable = usable.checked_add(c.amount)?;
                    largest = largest.max(c.amount);
                }
            }
            // Only the total must cover the amount (F11); say so when no single credit does.
            let several = if exceeds(largest) {
                " (no single credit holds that much, but together they cover it)"
            } else {
                ""
            };
            if usable.is_zero() && expired > 0 {
                // One credit (the only one, or the one a question names): say which and when.
                if let [only] = s.business_center.ad_credits.as_slice() {
                    if let Some(r) = policy::expired(only, s.today) {
                        return refused(r);
                    }
                }
                return refused(policy::all_expired(s.today));
            }
            if usable.is_zero() || exceeds(usable) {
                return deny(
                    RuleId::InsufficientCredit,
                    format!(
                        "The Business Center has {} of unexpired ad credit{}",
                        money(usable),
                        amount
                            .map(|m| format!(", less than the {} asked for", money(m)))
                            .unwrap_or_default()
                    ),
                );
            }
            allow(
                RuleId::ManualAllocation,
                format!(
                    "Yes: allocate {} to {}{several} by hand in Business Center (Finance → Payment \
                     Management). It takes effect at once and is final; the credit can never move from {} to \
                     another account or back, so allocate only what it will spend before the credit expires",
                    amount.map(money).unwrap_or_else(|| format!("up to {}", money(usable))),
                    acc.label(),
                    acc.label()
                ),
            )
        }
        (Fund::Cash, None, Some(acc)) => {
            if exceeds(s.business_center.cash_balance) {
                return deny(
                    RuleId::InsufficientBalance,
                    format!(
                        "The Business Center holds {} in cash, less than the {asked} asked for",
                        money(s.business_center.cash_balance)
                    ),
                );
            }
            allow(
                RuleId::BalanceAllocation,
                format!(
                    "Yes: move the cash to {} from Business Center (Finance → Payment Management)",
                    acc.label()
                ),
            )
        }
        (Fund::Cash, Some(acc), None) => {
            if exceeds(acc.cash_balance) {
                return deny(
                    RuleId::InsufficientBalance,
                    format!(
                        "{} holds {} in cash, less than the {asked} asked for",
                        acc.label(),
                        money(acc.cash_balance)
                    ),
                );
            }
            allow(
                RuleId::CashRefundToBc,
                format!(
                    "Yes, with conditions: {} must have had no ad spend in the last 3 hours, and taxes or frozen \
                     amounts cannot be moved",
                    acc.label()
                ),
            )
        }
        (Fund::CreditLine, None, Some(acc)) | (Fund::CreditLine, Some(acc), None) => {
            let refusal =
                policy::entity(acc, &s.business_center.entity).or_else(|| policy::portfolio(acc));
            if let Some(r) = refusal {
                return refused(r);
            }
            if from_acc.is_none() && exceeds(s.business_center.credit_line) {
                return deny(
                    RuleId::InsufficientBalance,
                    format!(
                        "The credit line has {} available, less than the {asked} asked for",
                        money(s.business_center.credit_line)
                    ),
                );
            }
            allow(
                RuleId::PortfolioShare,
                format!(
                    "Yes: {} is in the Payment Portfolio, where the credit line is shared and can be reallocated \
                     freely{}",
                    acc.label(),
                    credit_line_note(Fund::CreditLine)
                ),
            )
        }
        (Fund::Cash | Fund::CreditLine, Some(a), Some(b)) => {
            let refusal = policy::entity(b, &a.entity)
                .or_else(|| [a, b].into_iter().find_map(policy::portfolio));
            if let Some(r) = refusal {
                return refused(r);
            }
            if q.fund == Fund::Cash && exceeds(a.cash_balance) {
                return deny(
                    RuleId::InsufficientBalance,
                    format!(
                        "{} holds {} in cash, less than the {asked} asked for",
                        a.label(),
                        money(a.cash_balance)
                    ),
                );
            }
            allow(
                RuleId::PortfolioShare,
                format!(
                    "Yes: {} and {} belong to the same entity and are both in the Payment Portfolio, where {} is \
                     shared and can be reallocated freely{}",
                    a.label(),
                    b.label(),
                    q.fund.label(),
                    credit_line_note(q.fund)
                ),
            )
        }
        // Ad credit from an account, or both ends the Business Center, were decided earlier.
        _ => Ok(without_scenario(q.fund, from, to)),
    }
}

/// What sources say about credit-line moves (F40), added to every credit-line verdict: the
/// money goes through the Business Center in two steps, and help pages give credit-line
/// functions to admins while the rule applied here is the core guide's (F20).
fn credit_line_note(fund: Fund) -> &'static str {
    if fund == Fund::CreditLine {
        ". Credit-line money moves in two steps (credit line → Business Center → ad account); help \
         pages give credit-line functions to Business Center admins only, while we apply the core \
         guide's rule (an admin or a finance manager)"
    } else {
        ""
    }
}
