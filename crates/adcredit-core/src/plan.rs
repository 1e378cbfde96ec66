//! Suggest a plan (CONTRACT §8): the allocation lines that use the Business Center's credit
//! best, and why each account gets what it gets.
//!
//! In this order of importance:
//! 1. **lock nothing**: no account ends with more ad credit than its `planned_spend`;
//! 2. **use as much unexpired credit as that allows**: the total allocated is
//!    min(Σ unexpired credit, Σ over eligible accounts of max(0, planned spend − balance));
//! 3. **soonest expiry first**: no credit is drawn while one that expires sooner (or, among
//!    credits expiring the same day, one listed earlier) stays partly unused;
//! 4. **few lines**: each line is a manual, final action (F7), see `assign.rs`;
//! 5. **deterministic**: ties go to the account and the credit listed first.
//!
//! An account is eligible when the policy lets it receive ad credit (the same functions `check`
//! calls) and its balance and planned spend are usable amounts. The scenario's own allocations
//! are ignored; the plan's report is `check` of the scenario with the suggested lines, so an
//! actor who may not allocate gets the plan *and* the `role-not-permitted` finding.

use serde::Serialize;

use crate::check::money_in;
use crate::policy::{self, Act};
use crate::{assign, check, Allocation, Date, Error, Money, Report, RuleId, Scenario};

/// A suggested plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Plan {
    /// The lines to carry out, soonest-expiring credit first.
    pub allocations: Vec<Allocation>,
    /// Credit that stays in the Business Center, with why.
    pub left: Vec<Left>,
    /// Accounts that get nothing, with the rule that leaves them out.
    pub skipped: Vec<Skipped>,
    /// Every account, in scenario order: what the plan gives it and why.
    pub accounts: Vec<AccountShare>,
    /// The report of `check` on the scenario with these lines (CONTRACT §3).
    pub report: Report,
}

/// Credit the plan leaves in the Business Center.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Left {
    /// The credit's id.
    pub credit: String,
    /// What stays of it.
    pub amount: Money,
    /// When it expires, if it does.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub expires: Option<Date>,
    /// Why it stays, and until when it can still be used.
    pub why: String,
}

/// An account the plan gives nothing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Skipped {
    /// The account's id.
    pub account: String,
    /// The rule that leaves it out.
    pub rule: RuleId,
    /// Why, with the figures.
    pub why: String,
}

/// What the plan gives one account, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AccountShare {
    /// The account's id.
    pub account: String,
    /// What the plan allocates to it in total.
    pub amount: Money,
    /// The lines that make it up: which credit, how much.
    pub credits: Vec<CreditShare>,
    /// One sentence for a person about to click: why this much.
    pub why: String,
}

/// Part of an account's share drawn from one credit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CreditShare {
    /// The credit's id.
    pub credit: String,
    /// How much of it.
    pub amount: Money,
}

impl Plan {
    /// What the plan gives the account `id` (amount, credits and why); `None` for an id the
    /// scenario does not have.
    pub fn share(&self, id: &str) -> Option<&AccountShare> {
        self.accounts.iter().find(|a| a.account == id)
    }
}

/// What the plan knows about one account before assigning credit.
enum Standing {
    /// Left out by a rule.
    Out(Skipped),
    /// Eligible, and could use this much more without locking any (positive).
    Needs { need: Money, planned: Money },
}

/// Suggest the allocation lines for a scenario (its own allocations are ignored).
///
/// ```
/// let scenario = adcredit_core::parse_scenario(r#"{
///   "today": "2026-11-24", "actor_role": "finance_manager",
///   "business_center": { "entity": "Acme", "currency": "USD", "ad_credits": [
///     { "id": "spring", "amount": "800.00", "expires": "2027-03-31" },
///     { "id": "q4", "amount": "500.00", "expires": "2026-12-31" } ] },
///   "accounts": [
///     { "id": "us", "entity": "Acme", "currency": "USD", "status": "active", "planned_spend": "600.00" },
///     { "id": "de", "entity": "Acme", "currency": "USD", "status": "active",
///       "ad_credit_balance": "715.00", "planned_spend": "300.00" } ]
/// }"#).unwrap();
/// let plan = adcredit_core::plan(&scenario).unwrap();
/// let lines: Vec<String> = plan.allocations.iter()
///     .map(|a| format!("{} → {}: {}", a.credit, a.account, a.amount)).collect();
/// assert_eq!(lines, ["q4 → us: 500.00", "spring → us: 100.00"]);
/// assert_eq!(plan.skipped[0].rule.as_str(), "exceeds-planned-spend");
/// assert_eq!(plan.left[0].amount.to_string(), "700.00");
/// assert!(plan.report.valid);
/// ```
pub fn plan(s: &Scenario) -> Result<Plan, Error> {
    let cur = &s.business_center.currency;
    let places = cur.decimals();
    let money = |m: Money| money_in(m, cur);

    // Accounts: who may receive, and how much each could use without locking any.
    let mut standing = Vec::with_capacity(s.accounts.len());
    for acc in &s.accounts {
        let out = |rule: RuleId, why: String| {
            Standing::Out(Skipped {
                account: acc.id.clone(),
                rule,
                why,
            })
        };
        let bad = |field: &str, m: Money| {
            let r = policy::bad_amount(&format!("{}'s {field}", acc.label()), m, false, cur);
            out(
                r.rule,
                format!("{}; fix it to include the account", r.message),
            )
        };
        standing.push(if let Some(r) = policy::receiver(acc, cur, Act::Allocate) {
            out(r.rule, r.message)
        } else if !policy::amount_ok(acc.ad_credit_balance, false, places) {
            bad("ad credit balance", acc.ad_credit_balance)
        } else {
            match acc.planned_spend {
                None => out(
                    RuleId::ExceedsPlannedSpend,
                    format!(
                        "{} has no planned spend: without one there is no telling how much credit it \
                         would spend before it expires, and what it does not spend stays locked there. \
                         Add its planned spend to include it",
                        acc.label()
                    ),
                ),
                Some(p) if !policy::amount_ok(p, false, places) => bad("planned spend", p),
                Some(p) => {
                    let need = p.checked_sub(acc.ad_credit_balance)?;
                    if need.is_positive() {
                        Standing::Needs { need, planned: p }
                    } else {
                        out(
                            RuleId::ExceedsPlannedSpend,
                            format!(
                                "{} already holds {} of ad credit and plans to spend {}: any more would stay \
                                 locked in the account",
                                acc.label(),
                                money(acc.ad_credit_balance),
                                money(p)
                            ),
                        )
                    }
                }
            }
        });
    }

    // Credits: why each unusable one cannot be drawn; the usable ones soonest expiry first (no
    // expiry last, then listing order).
    let credits = &s.business_center.ad_credits;
    let mut unusable: Vec<Option<String>> = Vec::with_capacity(credits.len());
    let mut usable: Vec<usize> = Vec::new();
    for (ci, c) in credits.iter().enumerate() {
        unusable.push(if let Some(r) = policy::expired(c, s.today) {
            Some(r.message)
        } else if !policy::amount_ok(c.amount, false, places) {
            let r = policy::bad_amount(&format!("Credit {:?}", c.id), c.amount, false, cur);
            Some(format!(
                "{}; fix it before allocating this credit",
                r.message
            ))
        } else {
            usable.push(ci);
            None
        });
    }
    usable.sort_by_key(|&ci| (credits[ci].expires.is_none(), credits[ci].expires, ci));

    // Soonest expiry first fixes what is drawn from each credit.
    let needy: Vec<(usize, Money)> = standing
        .iter()
        .enumerate()
        .filter_map(|(ai, st)| match st {
            Standing::Needs { need, .. } => Some((ai, *need)),
            Standing::Out(_) => None,
        })
        .collect();
    let mut to_fill = sum(needy.iter().map(|(_, n)| *n))?;
    let mut drawn = Vec::with_capacity(usable.len());
    for &ci in &usable {
        let d = credits[ci].amount.min(to_fill);
        to_fill = to_fill.checked_sub(d)?;
        drawn.push(d);
    }
    let needs: Vec<Money> = needy.iter().map(|(_, n)| *n).collect();
    // Soonest-expiring credit first (within a credit, in the order the greedy chose).
    let lines = assign::assign(&drawn, &needs)?;

    let mut shares: Vec<Vec<CreditShare>> = vec![Vec::new(); s.accounts.len()];
    let mut allocations = Vec::with_capacity(lines.len());
    let mut taken = vec![Money::ZERO; credits.len()];
    for &(j, i, amount) in &lines {
        let (ci, ai) = (usable[j], needy[i].0);
        let c = &credits[ci];
        taken[ci] = taken[ci].checked_add(amount)?;
        // Written with the currency's decimals, as the report writes amounts ("30000" JPY).
        let amount = cur.amount(amount);
        shares[ai].push(CreditShare {
            credit: c.id.clone(),
            amount,
        });
        allocations.push(Allocation {
            credit: c.id.clone(),
            account: s.accounts[ai].id.clone(),
            amount,
        });
    }

    // What stays of each credit, in listing order.
    let mut left = Vec::new();
    for ((c, unusable), taken) in credits.iter().zip(unusable).zip(taken) {
        if let Some(why) = unusable.filter(|_| !c.amount.is_zero()) {
            left.push(Left {
                credit: c.id.clone(),
                amount: cur.amount(c.amount),
                expires: c.expires,
                why,
            });
            continue;
        }
        let rest = c.amount.checked_sub(taken)?;
        if !rest.is_positive() {
            continue;
        }
        let until = match c.expires {
            Some(e) => match s.today.days_until(e) {
                0 => format!("it expires today ({e})"),
                1 => format!("it expires tomorrow ({e})"),
                n => format!("it can be used until {e}, in {n} days"),
            },
            None => "it does not expire".to_owned(),
        };
        let why = if needy.is_empty() {
            format!(
                "No account can take it without locking credit: none is eligible with a planned spend above \
                 what it holds; {until}"
            )
        } else {
            format!(
                "Every eligible account already gets its planned spend, so this stays in the Business \
                 Center; {until}"
            )
        };
        left.push(Left {
            credit: c.id.clone(),
            amount: cur.amount(rest),
            expires: c.expires,
            why,
        });
    }

    // Every account: its share and why.
    let mut skipped = Vec::new();
    let mut accounts = Vec::with_capacity(s.accounts.len());
    for ((acc, st), credits) in s.accounts.iter().zip(standing).zip(shares) {
        let amount = sum(credits.iter().map(|c| c.amount))?;
        let why = match st {
            Standing::Out(skip) => {
                let why = skip.why.clone();
                skipped.push(skip);
                why
            }
            Standing::Needs { need, planned } if amount == need => {
                let from = from_credits(&credits, &money);
                if acc.ad_credit_balance.is_positive() {
                    format!(
                        "{} {from}: it plans to spend {} and already holds {}, so it ends exactly at its \
                         planned spend",
                        money(amount),
                        money(planned),
                        money(acc.ad_credit_balance)
                    )
                } else {
                    format!("{} {from}: exactly its planned spend", money(amount))
                }
            }
            Standing::Needs { need, .. } if amount.is_positive() => format!(
                "{} {}, of the {} it could use: the unexpired credit runs out",
                money(amount),
                from_credits(&credits, &money),
                money(need)
            ),
            Standing::Needs { need, .. } => format!(
                "Nothing, though it could use {}: the unexpired credit runs out, and giving each credit whole \
                 to fewer accounts keeps the manual allocations few",
                money(need)
            ),
        };
        accounts.push(AccountShare {
            account: acc.id.clone(),
            amount: cur.amount(amount),
            credits,
            why,
        });
    }

    let mut with_plan = s.clone();
    with_plan.allocations.clone_from(&allocations);
    let report = check(&with_plan)?;
    Ok(Plan {
        allocations,
        left,
        skipped,
        accounts,
        report,
    })
}

/// "from \"q4\"", or "from \"q4\" (500.00 USD) and \"spring\" (100.00 USD)".
fn from_credits(credits: &[CreditShare], money: &impl Fn(Money) -> String) -> String {
    match credits {
        [one] => format!("from {:?}", one.credit),
        many => {
            let parts: Vec<String> = many
                .iter()
                .map(|c| format!("{:?} ({})", c.credit, money(c.amount)))
                .collect();
            match parts.split_last() {
                Some((last, rest)) if !rest.is_empty() => {
                    format!("from {} and {last}", rest.join(", "))
                }
                _ => format!("from {}", parts.join("")),
            }
        }
    }
}

fn sum(amounts: impl Iterator<Item = Money>) -> Result<Money, Error> {
    amounts
        .into_iter()
        .try_fold(Money::ZERO, Money::checked_add)
}
