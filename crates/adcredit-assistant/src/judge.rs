//! From a [`Reading`] to a verdict: the rules core decides; this module only handles what a
//! question in words adds — an end left open ("anywhere else") and a role the asker states
//! when there is no scenario to put it in.

use adcredit_core::{can_move, Fund, RuleId, Scenario, Verdict};

use crate::intent::{AsksFor, End, Reading, ANY};
use crate::MoveAnswer;

/// Most kinds of places an open end is tried with; beyond, the reader asks instead.
const MAX_KINDS: usize = 12;

pub(crate) fn judge(mut r: Reading) -> Result<MoveAnswer, crate::Error> {
    let more = std::mem::take(&mut r.also_to);
    if more.is_empty() {
        return judge_one(r);
    }
    // Several targets: each is judged; the first refusal is the answer, else the first
    // target's, and a note says how it goes for each of the others.
    let r_scenario = r.question.scenario.clone();
    let mut answers = vec![judge_one(r.clone())?];
    for to in more {
        let mut other = r.clone();
        other.question.to = to;
        answers.push(judge_one(other)?);
    }
    if let Some(unclear) = answers.iter().position(|a| a.verdict.is_none()) {
        return Ok(answers.swap_remove(unclear));
    }
    let shown_at = answers
        .iter()
        .position(|a| a.verdict.as_ref().is_some_and(|v| !v.allowed))
        .unwrap_or(0);
    let mut answer = answers[shown_at].clone();
    let shown = answer.verdict.as_ref().map(|v| (v.allowed, v.rule));
    for (i, other) in answers.iter().enumerate() {
        let Some(also) = other.verdict.as_ref().filter(|_| i != shown_at) else {
            continue;
        };
        let to = match r_scenario.as_ref().and_then(|s| s.account(&also.to)) {
            Some(acc) if acc.label() != acc.id => format!("{} ({})", acc.label(), acc.id),
            _ => also.to.clone(),
        };
        answer
            .notes
            .push(if shown == Some((also.allowed, also.rule)) {
                format!("The same holds for {to}.")
            } else if also.allowed {
                format!("To {to} it is allowed ({}).", also.rule)
            } else {
                format!("To {to} it is not allowed either: {}.", also.reason)
            });
    }
    Ok(answer)
}

fn judge_one(r: Reading) -> Result<MoveAnswer, crate::Error> {
    let Reading {
        mut question,
        open,
        fund_open,
        also_to: _,
        role,
        statuses,
        entities_differ,
        mut notes,
    } = r;
    // "money", "budget", "200 euros": every kind of funds is tried, and the verdict given
    // when it is the same for all of them.
    let funds: &[Fund] = if fund_open {
        &[Fund::Cash, Fund::CreditLine, Fund::AdCredit]
    } else {
        &[question.fund]
    };
    let mut verdicts = Vec::new();
    let mut note = None;
    for &fund in funds {
        question.fund = fund;
        match for_fund(&mut question, open)? {
            Some((v, n)) => {
                verdicts.push(v);
                note = note.or(n);
            }
            None if fund_open => return Ok(fund_needs()),
            None => return Ok(open_needs(&question, open.unwrap_or(End::To))),
        }
    }
    // Each kind of funds has its own rules: one answer for all of them only when the same
    // rule decides it ("no" for different reasons is not one answer).
    let one_rule = verdicts
        .windows(2)
        .all(|w| w[0].allowed == w[1].allowed && w[0].rule == w[1].rule);
    let Some(mut verdict) = same(verdicts).filter(|_| one_rule) else {
        return Ok(fund_needs());
    };
    if fund_open {
        notes.push(format!(
            "No kind of money is named; the answer is the same for ad credit, cash and the credit line (shown for {}).",
            verdict.fund.label()
        ));
    }
    notes.extend(note.map(str::to_owned));
    if let Some(role) = role.filter(|r| !r.can_allocate()) {
        if question.scenario.is_none() && verdict.allowed {
            // Without a scenario the rules judge no role; the question states one.
            verdict.allowed = false;
            verdict.rule = RuleId::RoleNotPermitted;
            verdict.source = verdict.rule.source();
            verdict.reason = format!(
                "{} cannot move funds: only a Business Center admin or a finance manager can",
                role.subject()
            );
        }
    }
    // Without a scenario the rules know no account's status; the question states one.
    for (end, status) in statuses {
        let stated =
            adcredit_core::status_refusal(verdict.fund, status, "This account", end == End::To);
        if let Some((rule, reason)) = stated.filter(|_| verdict.allowed) {
            verdict.allowed = false;
            verdict.rule = rule;
            verdict.source = rule.source();
            verdict.reason = reason;
            notes.push(format!(
                "Judged for an account that is {}, as the question says.",
                status.label()
            ));
        }
    }
    // Nor whose accounts they are; the question says they belong to different entities.
    if let Some((rule, reason)) = adcredit_core::entity_refusal(verdict.fund)
        .filter(|_| entities_differ && !fund_open && verdict.allowed && question.scenario.is_none())
    {
        verdict.allowed = false;
        verdict.rule = rule;
        verdict.source = rule.source();
        verdict.reason = reason;
        notes.push(
            "Judged for accounts of different business entities, as the question says.".to_owned(),
        );
    }
    if let Some(end) = open {
        match end {
            End::To => verdict.to = ANY.to_owned(),
            End::From => verdict.from = ANY.to_owned(),
        }
    }
    Ok(MoveAnswer {
        verdict: Some(verdict),
        notes,
        ..MoveAnswer::default()
    })
}

/// The verdict for `q`'s fund, with a note when an open end was judged for every place; `None`
/// when the answer depends on the open end.
fn for_fund(
    question: &mut adcredit_core::MoveQuestion,
    open: Option<End>,
) -> Result<Option<(Verdict, Option<&'static str>)>, crate::Error> {
    let Some(end) = open else {
        return Ok(Some((can_move(question)?, None)));
    };
    if end == End::To && question.fund == Fund::AdCredit && question.from != "bc" {
        // Ad credit in an account can go nowhere: locked whatever the destination (the rules
        // alone say so; the scenario cannot change it).
        let scenario = question.scenario.take();
        let v = can_move(question);
        question.scenario = scenario;
        return Ok(Some((
            v?,
            Some("This holds wherever it would go: any other account or back to the Business Center."),
        )));
    }
    Ok(same_everywhere(question, end)?.map(|v| {
        let note = match end {
            End::To => "No destination is named; the answer is the same for every account and the Business Center.",
            End::From => "No source is named; the answer is the same wherever the money comes from.",
        };
        (v, Some(note))
    }))
}

fn fund_needs() -> MoveAnswer {
    MoveAnswer {
        needs: Some(
            "Which kind of money do you mean: ad credit, cash or the credit line? Each has its own rules."
                .to_owned(),
        ),
        asks_for: Some(AsksFor::Fund),
        ..MoveAnswer::default()
    }
}

/// The verdict when it is the same for every place the open `end` could be, else `None`.
/// Accounts that the rules cannot tell apart (same status, currency, entity and portfolio
/// membership) are tried once, so this is linear in the accounts.
fn same_everywhere(
    q: &mut adcredit_core::MoveQuestion,
    end: End,
) -> Result<Option<Verdict>, crate::Error> {
    let fixed = match end {
        End::To => q.from.clone(),
        End::From => q.to.clone(),
    };
    let mut tries: Vec<String> = Vec::new();
    if fixed != "bc" {
        tries.push("bc".to_owned());
    }
    match &q.scenario {
        Some(s) => {
            let mut kinds: Vec<&adcredit_core::Account> = Vec::new();
            for acc in s.accounts.iter().filter(|a| a.id != fixed) {
                let same = |o: &adcredit_core::Account| {
                    o.status == acc.status
                        && o.currency == acc.currency
                        && o.entity == acc.entity
                        && o.in_payment_portfolio == acc.in_payment_portfolio
                };
                if !kinds.iter().any(|o| same(o)) {
                    if kinds.len() == MAX_KINDS {
                        return Ok(None);
                    }
                    kinds.push(acc);
                }
            }
            // The accounts the rules have least against first: their reason is the one shown
            // when every place is refused.
            let bc = &s.business_center;
            let rank = |a: &adcredit_core::Account| {
                usize::from(a.status != adcredit_core::Status::Active) * 8
                    + usize::from(a.currency != bc.currency) * 4
                    + usize::from(a.entity != bc.entity) * 2
                    + usize::from(!a.in_payment_portfolio)
            };
            // A stable selection by rank (no sort: the kinds are at most a dozen).
            let mut ordered = Vec::with_capacity(kinds.len());
            for r in 0..16 {
                ordered.extend(kinds.iter().copied().filter(|a| rank(a) == r));
            }
            let kinds = ordered;
            tries.extend(kinds.iter().map(|a| a.id.clone()));
        }
        None => tries.push(ANY.to_owned()),
    }
    let mut verdicts = Vec::new();
    for place in tries {
        match end {
            End::To => q.to = place,
            End::From => q.from = place,
        }
        if q.from == q.to {
            continue;
        }
        verdicts.push(can_move(q)?);
    }
    Ok(same(verdicts))
}

/// The verdict that holds for all of `verdicts` (tried most likely first): every one allowed
/// by the same rule, or every one refused — "no, wherever" — with the first one's reason
/// (the Business Center, or an account the rules have nothing against of its own).
fn same(verdicts: Vec<Verdict>) -> Option<Verdict> {
    let first = verdicts.first()?;
    let all_denied = verdicts.iter().all(|v| !v.allowed);
    let all_same = verdicts
        .iter()
        .all(|v| v.allowed && v.rule == first.rule && v.reason == first.reason);
    (all_denied || all_same).then(|| first.clone())
}

fn open_needs(q: &adcredit_core::MoveQuestion, end: End) -> MoveAnswer {
    let list = accounts(q.scenario.as_ref());
    let (asks_for, message) = match end {
        End::To => (
            AsksFor::To,
            format!(
                "Where should the {} go: to which account{list}, or to the Business Center?",
                q.fund.label()
            ),
        ),
        End::From => (
            AsksFor::From,
            format!(
                "Where is the {} now: in the Business Center, or in which account{list}?",
                q.fund.label()
            ),
        ),
    };
    MoveAnswer {
        needs: Some(message),
        asks_for: Some(asks_for),
        ..MoveAnswer::default()
    }
}

fn accounts(s: Option<&Scenario>) -> String {
    let Some(s) = s else { return String::new() };
    let mut ids: Vec<&str> = s.accounts.iter().take(8).map(|a| a.id.as_str()).collect();
    let more = s.accounts.len().saturating_sub(8);
    let more = if more > 0 {
        format!(" and {more} more")
    } else {
        String::new()
    };
    if ids.is_empty() {
        return String::new();
    }
    ids.dedup();
    format!(" ({}{more})", ids.join(", "))
}
