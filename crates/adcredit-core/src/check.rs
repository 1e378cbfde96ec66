//! Plan validation and simulation: every finding about a proposed allocation plan, the state
//! it leaves behind, and the ordered list of manual, irreversible steps (CONTRACT §3).
//!
//! A line is *applied* in the simulation when it has no error of its own (unknown names,
//! unusable amount, expired credit, an account that cannot receive, not enough credit left).
//! Plan-wide errors such as the actor's role do not stop the simulation: it shows what the plan
//! would do when someone permitted carries it out. Money is conserved by construction: a
//! credit's `remaining` is its amount minus exactly the applied lines drawn from it.

use std::borrow::Cow;
use std::collections::HashMap;

use serde::Serialize;

use crate::policy::{self, Act, Refusal};
use crate::{
    normalize_id, Account, AdCredit, Currency, Date, Error, Money, RuleId, Scenario, Severity,
    Status,
};

/// Days before expiry from which allocating a credit draws an `expires-soon` warning.
pub const EXPIRY_WARNING_DAYS: i64 = 30;

/// A remainder is "small" when it is less than 1/`SMALL_LEFTOVER_DIVISOR` of the credit. This
/// is our own rule of thumb, not TikTok's: no minimum allocation is published (F12), and the
/// `small-leftover` message says so.
pub const SMALL_LEFTOVER_DIVISOR: u32 = 20;

/// The result of checking a plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Report {
    /// False exactly when some finding has severity `error`.
    pub valid: bool,
    /// The Business Center's currency, which every amount below is in.
    pub currency: Currency,
    /// Everything worth knowing about the plan, in a stable order.
    pub findings: Vec<Finding>,
    /// The state after the applied lines.
    pub after: After,
    /// The manual actions to carry out, in order; each is final.
    pub steps: Vec<Step>,
}

/// One thing the checker found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Finding {
    /// How serious it is.
    pub severity: Severity,
    /// Which rule it comes from.
    pub rule: RuleId,
    /// Index (from 0) of the allocation line it concerns, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub allocation: Option<usize>,
    /// Id of the account it concerns, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub account: Option<String>,
    /// Id of the credit it concerns, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub credit: Option<String>,
    /// JSON path of the value at fault, if one value is (`allocations[1].amount`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub path: Option<String>,
    /// A plain-language explanation with the figures.
    pub message: String,
    /// Content id of the FAQ entry that explains the rule.
    pub source: &'static str,
}

/// The state the plan leaves behind.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct After {
    /// What stays in the Business Center.
    pub business_center: BusinessCenterAfter,
    /// What each account holds.
    pub accounts: Vec<AccountAfter>,
}

/// The Business Center after the plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BusinessCenterAfter {
    /// Each credit, with what the plan takes from it.
    pub ad_credits: Vec<CreditAfter>,
}

/// One Business Center credit after the plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CreditAfter {
    /// The credit's id.
    pub id: String,
    /// What it held before the plan.
    pub amount: Money,
    /// What the applied lines take from it.
    pub allocated: Money,
    /// What stays in the Business Center: `amount - allocated`.
    pub remaining: Money,
    /// When it expires, if it does.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub expires: Option<Date>,
}

/// One account after the plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AccountAfter {
    /// The account's id.
    pub id: String,
    /// Ad credit balance before the plan plus what the plan allocates to it.
    pub ad_credit_balance: Money,
    /// What the plan allocates to it.
    pub received: Money,
    /// Credit beyond the planned spend, which can never move to another account and is lost at
    /// expiry; null without a planned spend.
    pub locked_surplus: Option<Money>,
}

/// One manual, irreversible action in Business Center.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Step {
    /// Position in the sequence, from 1.
    pub order: usize,
    /// Index (from 0) of the allocation line it carries out.
    pub allocation: usize,
    /// Receiving account id.
    pub account: String,
    /// Receiving account's display name.
    pub account_name: String,
    /// Credit id.
    pub credit: String,
    /// Amount to enter.
    pub amount: Money,
    /// Always true: an allocation cannot be undone (F9).
    pub irreversible: bool,
    /// Where to click (F8).
    pub how: String,
}

/// `m` in `cur`, written with the currency's decimals ("20000 JPY", "12.50 USD").
pub(crate) fn money_in(m: Money, cur: &Currency) -> String {
    let mut s = String::with_capacity(24);
    m.push_with_decimals(&mut s, cur.decimals());
    s.push(' ');
    s.push_str(cur.code());
    s
}

/// Check and simulate a plan.
///
/// ```
/// let scenario = adcredit_core::from_json(r#"{
///   "today": "2026-11-24", "actor_role": "admin",
///   "business_center": { "entity": "Acme", "currency": "USD",
///     "ad_credits": [{ "id": "promo", "amount": "500.00" }] },
///   "accounts": [{ "id": "us", "entity": "Acme", "currency": "USD", "status": "active" }],
///   "allocations": [{ "credit": "promo", "account": "us", "amount": "200.00" }]
/// }"#).unwrap();
/// let report = adcredit_core::check(&scenario).unwrap();
/// assert!(report.valid);
/// assert_eq!(report.after.business_center.ad_credits[0].remaining.to_string(), "300.00");
/// ```
pub fn check(s: &Scenario) -> Result<Report, Error> {
    Checker::new(s).run()
}

struct Checker<'a> {
    s: &'a Scenario,
    cur: &'a Currency,
    findings: Vec<Finding>,
    /// Findings of severity `error` so far (kept so that each line is checked in O(1)).
    errors: usize,
    /// Accounts and credits by normalised id.
    accounts: HashMap<Cow<'a, str>, usize>,
    credits: HashMap<Cow<'a, str>, usize>,
}

/// What the lines draw from one credit, in the credit's index order.
struct CreditState {
    usable: bool,
    left: Money,
    allocated: Money,
}

impl<'a> Checker<'a> {
    fn new(s: &'a Scenario) -> Self {
        let accounts = s
            .accounts
            .iter()
            .enumerate()
            .map(|(i, a)| (normalize_id(&a.id), i))
            .collect();
        let credits = s
            .business_center
            .ad_credits
            .iter()
            .enumerate()
            .map(|(i, c)| (normalize_id(&c.id), i))
            .collect();
        Checker {
            s,
            cur: &s.business_center.currency,
            findings: Vec::new(),
            errors: 0,
            accounts,
            credits,
        }
    }

    fn push(&mut self, severity: Severity, rule: RuleId, message: String) -> &mut Finding {
        if severity == Severity::Error {
            self.errors += 1;
        }
        self.findings.push(Finding {
            severity,
            rule,
            allocation: None,
            account: None,
            credit: None,
            path: None,
            message,
            source: rule.source(),
        });
        let last = self.findings.len() - 1;
        &mut self.findings[last]
    }

    /// A refusal of the policy, as an error finding.
    fn refuse(&mut self, r: Refusal) -> &mut Finding {
        self.push(Severity::Error, r.rule, r.message)
    }

    /// An amount in the Business Center's currency, with that currency's decimals.
    fn money(&self, m: Money) -> String {
        money_in(m, self.cur)
    }

    fn run(mut self) -> Result<Report, Error> {
        let s = self.s;
        if let Some(r) = policy::role(s.actor_role, Act::Allocate) {
            if !s.allocations.is_empty() {
                self.refuse(r).path = Some("actor_role".into());
            }
        }
        self.check_balances();

        let mut credit_state: Vec<CreditState> =
            Vec::with_capacity(s.business_center.ad_credits.len());
        for (i, c) in s.business_center.ad_credits.iter().enumerate() {
            let usable = policy::amount_ok(c.amount, false, self.cur.decimals());
            if !usable {
                let r =
                    policy::bad_amount(&format!("Credit {:?}", c.id), c.amount, false, self.cur);
                let f = self.refuse(r);
                f.credit = Some(c.id.clone());
                f.path = Some(format!("business_center.ad_credits[{i}].amount"));
            }
            credit_state.push(CreditState {
                usable,
                left: c.amount,
                allocated: Money::ZERO,
            });
        }

        let mut quoted_ids: Vec<Option<String>> = vec![None; credit_state.len()];
        let mut received = vec![Money::ZERO; s.accounts.len()];
        let mut last_line_to = vec![None; s.accounts.len()];
        let mut steps = Vec::with_capacity(s.allocations.len());
        for (i, line) in s.allocations.iter().enumerate() {
            let credit = self
                .credits
                .get(normalize_id(&line.credit).as_ref())
                .map(|&ci| (ci, &s.business_center.ad_credits[ci]));
            let account = self
                .accounts
                .get(normalize_id(&line.account).as_ref())
                .map(|&ai| (ai, &s.accounts[ai]));
            let errors_before = self.error_count();
            self.check_line(
                i,
                line.amount,
                &line.credit,
                &line.account,
                credit.map(|c| c.1),
                account.map(|a| a.1),
            );
            let (Some((ci, c)), Some((ai, acc))) = (credit, account) else {
                continue;
            };
            if self.error_count() > errors_before {
                continue;
            }
            if !credit_state[ci].usable {
                let msg = format!(
                    "Line {} draws on {:?}, whose own amount ({}) is not usable; fix the credit's amount first",
                    i + 1,
                    c.id,
                    self.money(c.amount)
                );
                let f = self.push(Severity::Error, RuleId::InvalidAmount, msg);
                f.allocation = Some(i);
                f.account = Some(acc.id.clone());
                f.credit = Some(c.id.clone());
                f.path = Some(format!("allocations[{i}].credit"));
                continue;
            }
            let st = &mut credit_state[ci];
            if line.amount > st.left {
                let left = credit_state[ci].left;
                let msg = if left == c.amount {
                    format!(
                        "Line {} asks for {} of {:?}, but the credit holds only {}",
                        i + 1,
                        self.money(line.amount),
                        c.id,
                        self.money(c.amount),
                    )
                } else {
                    format!(
                        "Line {} asks for {} of {:?}, but only {} of its {} is left after the earlier lines",
                        i + 1,
                        self.money(line.amount),
                        c.id,
                        self.money(left),
                        self.money(c.amount),
                    )
                };
                let f = self.push(Severity::Error, RuleId::InsufficientCredit, msg);
                f.allocation = Some(i);
                f.account = Some(acc.id.clone());
                f.credit = Some(c.id.clone());
                f.path = Some(format!("allocations[{i}].amount"));
                continue;
            }
            let at = |e: Error| e.at(format!("allocations[{i}].amount"));
            st.left = st.left.checked_sub(line.amount).map_err(at)?;
            st.allocated = st.allocated.checked_add(line.amount).map_err(at)?;
            received[ai] = received[ai].checked_add(line.amount).map_err(at)?;
            last_line_to[ai] = Some(i);
            // Written once per line for the finding and the step; the credit's quoted id once per credit.
            let amount = self.money(line.amount);
            let quoted = quoted_ids[ci].get_or_insert_with(|| format!("{:?}", c.id));
            let msg = format!(
                "Allocating {amount} of {quoted} to {} is a manual action in Business Center that takes effect at once \
                 and is final: this credit can never move to another account or back to the Business Center",
                acc.label()
            );
            let f = self.push(Severity::Info, RuleId::ManualAllocation, msg);
            f.allocation = Some(i);
            f.account = Some(acc.id.clone());
            f.credit = Some(c.id.clone());
            steps.push(Step {
                order: steps.len() + 1,
                allocation: i,
                account: acc.id.clone(),
                account_name: acc.label().to_owned(),
                credit: c.id.clone(),
                amount: self.cur.amount(line.amount),
                irreversible: true,
                how: format!(
                    "Business Center → Finance → Payment Management → select \"{}\" → allocate {amount} from \"{}\" → confirm",
                    acc.label(),
                    c.id
                ),
            });
        }

        let mut accounts_after = Vec::with_capacity(s.accounts.len());
        for (ai, acc) in s.accounts.iter().enumerate() {
            let balance = acc
                .ad_credit_balance
                .checked_add(received[ai])
                .map_err(|e| e.at(format!("accounts[{ai}].ad_credit_balance")))?;
            // A planned spend that is not a usable amount (reported as invalid-amount) is no plan.
            let plan = acc
                .planned_spend
                .filter(|p| policy::amount_ok(*p, false, acc.currency.decimals()));
            let locked_surplus = match plan {
                Some(p) => Some(
                    balance
                        .saturating_surplus_over(p)
                        .map_err(|e| e.at(format!("accounts[{ai}].planned_spend")))?,
                ),
                None => None,
            };
            if let (Some(p), Some(surplus), Some(line)) = (plan, locked_surplus, last_line_to[ai]) {
                if surplus.is_positive() {
                    let msg = format!(
                        "{} would hold {} of ad credit but plans to spend {} before it expires: \
                         {} would stay locked in the account and be lost at expiry",
                        acc.label(),
                        self.money(balance),
                        self.money(p),
                        self.money(surplus)
                    );
                    let f = self.push(Severity::Warning, RuleId::ExceedsPlannedSpend, msg);
                    f.allocation = Some(line);
                    f.account = Some(acc.id.clone());
                    f.path = Some(format!("accounts[{ai}].planned_spend"));
                }
            }
            if matches!(acc.status, Status::Suspended | Status::Closed) && balance.is_positive() {
                let held = money_in(balance, &acc.currency);
                let msg = if acc.status == Status::Closed {
                    format!(
                        "{} is closed and still holds {held} of ad credit: credit in an account that is \
                         shut down is generally forfeited, and TikTok does not return it to the Business Center",
                        acc.label()
                    )
                } else {
                    format!(
                        "{} is suspended and holds {held} of ad credit: that credit is generally forfeited, \
                         the account's balance cannot be refunded unless the suspension is resolved, and \
                         TikTok does not return the credit to the Business Center",
                        acc.label()
                    )
                };
                let f = self.push(Severity::Warning, RuleId::AccountSuspended, msg);
                f.account = Some(acc.id.clone());
                f.path = Some(format!("accounts[{ai}].ad_credit_balance"));
            }
            // The account's amounts are in its own currency, with that currency's decimals.
            let shown = |m: Money| acc.currency.amount(m);
            accounts_after.push(AccountAfter {
                id: acc.id.clone(),
                ad_credit_balance: shown(balance),
                received: shown(received[ai]),
                locked_surplus: locked_surplus.map(shown),
            });
        }

        let mut credits_after = Vec::with_capacity(credit_state.len());
        for (ci, (c, st)) in s
            .business_center
            .ad_credits
            .iter()
            .zip(&credit_state)
            .enumerate()
        {
            let at = |e: Error| e.at(format!("business_center.ad_credits[{ci}].amount"));
            let remaining = c.amount.checked_sub(st.allocated).map_err(at)?;
            if st.allocated.is_positive() {
                self.expiry_warning(c);
                let twentieth = remaining
                    .checked_mul_int(SMALL_LEFTOVER_DIVISOR)
                    .map_err(at)?;
                if remaining.is_positive() && twentieth < c.amount {
                    let msg = format!(
                        "{} of {:?} would stay unallocated in the Business Center, under 1/{SMALL_LEFTOVER_DIVISOR} \
                         of the credit (our rule of thumb; TikTok publishes no minimum). It can still go to \
                         any eligible account until the credit expires, so plan a use for it; do not add it \
                         to an allocation beyond what that account will spend, where a surplus is locked \
                         until it expires",
                        self.money(remaining),
                        c.id
                    );
                    self.push(Severity::Warning, RuleId::SmallLeftover, msg)
                        .credit = Some(c.id.clone());
                }
            }
            credits_after.push(CreditAfter {
                id: c.id.clone(),
                amount: self.cur.amount(c.amount),
                allocated: self.cur.amount(st.allocated),
                remaining: self.cur.amount(remaining),
                expires: c.expires,
            });
        }

        if steps.len() >= 2 {
            let msg = format!(
                "This plan is {} separate manual allocations: Business Center has no bulk or automatic \
                 allocation of ad credit, so each line is its own action, and each one is final",
                steps.len()
            );
            self.push(Severity::Info, RuleId::OneActionPerAllocation, msg);
        }

        let valid = self.error_count() == 0;
        Ok(Report {
            valid,
            currency: self.cur.clone(),
            findings: self.findings,
            after: After {
                business_center: BusinessCenterAfter {
                    ad_credits: credits_after,
                },
                accounts: accounts_after,
            },
            steps,
        })
    }

    fn error_count(&self) -> usize {
        self.errors
    }

    /// Every finding about one line except `insufficient-credit`, which needs the running totals.
    fn check_line(
        &mut self,
        i: usize,
        amount: Money,
        credit_id: &str,
        account_id: &str,
        credit: Option<&AdCredit>,
        account: Option<&Account>,
    ) {
        let at = |f: &mut Finding, path: &str| {
            f.allocation = Some(i);
            f.path = Some(format!("allocations[{i}].{path}"));
        };
        if credit.is_none() {
            let known = self.known(
                self.s
                    .business_center
                    .ad_credits
                    .iter()
                    .map(|c| c.id.as_str()),
            );
            let msg = format!("Line {} names credit {credit_id:?}, which the Business Center does not hold ({known})", i + 1);
            let f = self.push(Severity::Error, RuleId::UnknownCredit, msg);
            at(f, "credit");
            f.credit = Some(credit_id.to_owned());
        }
        if account.is_none() {
            let known = self.known(self.s.accounts.iter().map(|a| a.id.as_str()));
            let msg = format!("Line {} names account {account_id:?}, which is not linked to this Business Center ({known})", i + 1);
            let f = self.push(Severity::Error, RuleId::UnknownAccount, msg);
            at(f, "account");
            f.account = Some(account_id.to_owned());
        }
        if !policy::amount_ok(amount, true, self.cur.decimals()) {
            let r = policy::bad_amount(&format!("Line {}", i + 1), amount, true, self.cur);
            let f = self.refuse(r);
            at(f, "amount");
            f.account = account.map(|a| a.id.clone());
            f.credit = credit.map(|c| c.id.clone());
        }
        if let Some(r) = credit.and_then(|c| policy::expired(c, self.s.today)) {
            let f = self.refuse(r);
            at(f, "credit");
            f.credit = credit.map(|c| c.id.clone());
        }
        if let Some(acc) = account {
            let refusals = [
                policy::receiver_status(acc, Act::Allocate),
                policy::currency(acc, self.cur, Act::Allocate),
            ];
            for r in refusals.into_iter().flatten() {
                let f = self.refuse(r);
                at(f, "account");
                f.account = Some(acc.id.clone());
            }
        }
        // Findings about this line carry its account and credit when they are known.
        for f in self
            .findings
            .iter_mut()
            .rev()
            .take_while(|f| f.allocation == Some(i))
        {
            if f.account.is_none() {
                f.account = account.map(|a| a.id.clone());
            }
            if f.credit.is_none() {
                f.credit = credit.map(|c| c.id.clone());
            }
        }
    }

    /// Negative or over-precise balances anywhere in the scenario.
    fn check_balances(&mut self) {
        let s = self.s;
        let bc_places = self.cur.decimals();
        for (field, m) in [
            ("cash_balance", s.business_center.cash_balance),
            ("credit_line", s.business_center.credit_line),
        ] {
            if !policy::amount_ok(m, false, bc_places) {
                let what = format!("The Business Center's {}", field.replace('_', " "));
                self.refuse(policy::bad_amount(&what, m, false, self.cur))
                    .path = Some(format!("business_center.{field}"));
            }
        }
        for (ai, acc) in s.accounts.iter().enumerate() {
            let places = acc.currency.decimals();
            let fields = [
                ("ad_credit_balance", Some(acc.ad_credit_balance)),
                ("cash_balance", Some(acc.cash_balance)),
                ("planned_spend", acc.planned_spend),
            ];
            for (field, m) in fields {
                let Some(m) = m else { continue };
                if !policy::amount_ok(m, false, places) {
                    let what = format!("{}'s {}", acc.label(), field.replace('_', " "));
                    let f = self.refuse(policy::bad_amount(&what, m, false, &acc.currency));
                    f.account = Some(acc.id.clone());
                    f.path = Some(format!("accounts[{ai}].{field}"));
                }
            }
        }
    }

    fn expiry_warning(&mut self, c: &AdCredit) {
        let Some(exp) = c.expires else { return };
        let days = self.s.today.days_until(exp);
        if (0..=EXPIRY_WARNING_DAYS).contains(&days) {
            let when = match days {
                0 => "today".to_owned(),
                1 => "tomorrow".to_owned(),
                n => format!("in {n} days"),
            };
            let msg = format!(
                "{:?} expires on {exp}, {when}: whatever the receiving accounts have not spent by then is lost",
                c.id
            );
            self.push(Severity::Warning, RuleId::ExpiresSoon, msg)
                .credit = Some(c.id.clone());
        }
    }

    /// "known: a, b, c" or "it has none", capped so huge scenarios give short messages.
    fn known<'b>(&self, ids: impl Iterator<Item = &'b str>) -> String {
        let ids: Vec<&str> = ids.take(6).collect();
        match ids.len() {
            0 => "it has none".to_owned(),
            1..=5 => format!("known: {}", ids.join(", ")),
            _ => format!("known: {}, …", ids[..5].join(", ")),
        }
    }
}
