//! Human-readable output: aligned tables, a mark per severity, colour only on a terminal.

use std::borrow::Cow;
use std::fmt::Write;

use adcredit_assistant::Answer;
use adcredit_core::{Plan, Report, Scenario, Severity, Verdict};
use adcredit_search::Hit;

/// Every piece of user text printed (ids, names, entities, messages that quote them, search
/// titles and snippets) goes through this: control characters and bidirectional overrides are
/// shown escaped (`\u{1b}`), as the input-error messages show them, so a name cannot move the
/// cursor, set the window title, forge a line or reorder what the terminal shows.
pub fn esc(text: &str) -> Cow<'_, str> {
    adcredit_core::escape_controls(text)
}

/// ANSI styles, or nothing when colour is off.
struct Style {
    on: bool,
}

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }
    fn bold(&self, t: &str) -> String {
        self.paint("1", t)
    }
    fn dim(&self, t: &str) -> String {
        self.paint("2", t)
    }
    fn red(&self, t: &str) -> String {
        self.paint("1;31", t)
    }
    fn yellow(&self, t: &str) -> String {
        self.paint("33", t)
    }
    fn green(&self, t: &str) -> String {
        self.paint("1;32", t)
    }
    fn cyan(&self, t: &str) -> String {
        self.paint("36", t)
    }
}

/// Left-align the first column and right-align the rest, padding by character count.
fn table(rows: &[Vec<String>], indent: &str) -> String {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let width: Vec<usize> = (0..cols)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for r in rows {
        out.push_str(indent);
        for (c, cell) in r.iter().enumerate() {
            let pad = width[c] - cell.chars().count();
            if c == 0 {
                out.push_str(cell);
                out.push_str(&" ".repeat(pad));
            } else {
                out.push_str("  ");
                out.push_str(&" ".repeat(pad));
                out.push_str(cell);
            }
        }
        out.truncate(out.trim_end().len());
        out.push('\n');
    }
    out
}

/// The plan report.
pub fn report(s: &Scenario, r: &Report, color: bool) -> String {
    let st = Style { on: color };
    let mut out = String::new();
    let count = |sev| r.findings.iter().filter(|f| f.severity == sev).count();
    let (e, w) = (count(Severity::Error), count(Severity::Warning));
    let verdict = if r.valid {
        st.green("can be carried out")
    } else {
        st.red("cannot be carried out as written")
    };
    let _ = writeln!(
        out,
        "{} — {} allocation line{} from {} ({}): {verdict}",
        st.bold("Plan"),
        s.allocations.len(),
        if s.allocations.len() == 1 { "" } else { "s" },
        esc(&s.business_center.entity),
        r.currency,
    );
    let _ = writeln!(
        out,
        "{} error{}, {} warning{}\n",
        e,
        plural(e),
        w,
        plural(w)
    );

    if !r.findings.is_empty() {
        let _ = writeln!(out, "{}", st.bold("Findings"));
        for f in &r.findings {
            let (mark, sev) = match f.severity {
                Severity::Error => (st.red("✗"), st.red("error  ")),
                Severity::Warning => (st.yellow("!"), st.yellow("warning")),
                Severity::Info => (st.cyan("i"), st.cyan("info   ")),
            };
            let line = f
                .allocation
                .map(|i| format!(" line {}", i + 1))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  {mark} {sev} {}{}",
                st.bold(f.rule.as_str()),
                st.dim(&line)
            );
            let _ = writeln!(out, "            {}", esc(&f.message));
            let _ = writeln!(out, "            {}", st.dim(&format!("why: {}", f.source)));
        }
        out.push('\n');
    }

    let _ = writeln!(out, "{}", st.bold("Business Center credits after the plan"));
    let mut rows = vec![vec![
        "credit".into(),
        "amount".into(),
        "allocated".into(),
        "remaining".into(),
        "expires".into(),
    ]];
    for c in &r.after.business_center.ad_credits {
        rows.push(vec![
            esc(&c.id).into_owned(),
            c.amount.to_string(),
            c.allocated.to_string(),
            c.remaining.to_string(),
            c.expires
                .map(|d| d.to_string())
                .unwrap_or_else(|| "—".into()),
        ]);
    }
    out.push_str(&table(&rows, "  "));
    out.push('\n');

    let _ = writeln!(out, "{}", st.bold("Accounts after the plan"));
    let mut rows = vec![vec![
        "account".into(),
        "status".into(),
        "received".into(),
        "ad credit".into(),
        "locked surplus".into(),
    ]];
    for (a, after) in s.accounts.iter().zip(&r.after.accounts) {
        let name = if a.label() == a.id {
            esc(&a.id).into_owned()
        } else {
            format!("{} ({})", esc(a.label()), esc(&a.id))
        };
        rows.push(vec![
            name,
            a.status.label().into(),
            after.received.to_string(),
            after.ad_credit_balance.to_string(),
            after
                .locked_surplus
                .map(|m| m.to_string())
                .unwrap_or_else(|| "—".into()),
        ]);
    }
    out.push_str(&table(&rows, "  "));
    out.push('\n');

    if r.steps.is_empty() {
        let _ = writeln!(out, "{}", st.bold("No allocation can be carried out."));
    } else {
        let _ = writeln!(
            out,
            "{} {}",
            st.bold("Steps"),
            st.dim("(each one is final: it cannot be undone or moved later)")
        );
        for step in &r.steps {
            let _ = writeln!(
                out,
                "  {}. {} → {} from {}",
                step.order,
                st.bold(&format!("{} {}", step.amount, r.currency)),
                esc(&step.account_name),
                esc(&step.credit)
            );
            let _ = writeln!(out, "     {}", st.dim(&esc(&step.how)));
        }
    }
    out
}

/// A suggested plan: the lines, why each account gets what it gets, what is left and who is
/// left out, then the report of the plan as `check` prints it.
pub fn plan(s: &Scenario, p: &Plan, color: bool) -> String {
    let st = Style { on: color };
    let cur = &p.report.currency;
    let mut out = String::new();
    let n = p.allocations.len();
    let _ = writeln!(
        out,
        "{} — {n} allocation line{} from {} ({cur}), soonest-expiring credit first",
        st.bold("Suggested plan"),
        plural(n),
        s.business_center.entity,
    );
    let name = |id: &str| {
        s.account(id).map_or_else(
            || id.to_owned(),
            |a| {
                if a.label() == a.id {
                    a.id.clone()
                } else {
                    format!("{} ({})", a.label(), a.id)
                }
            },
        )
    };
    if n == 0 {
        let _ = writeln!(
            out,
            "  No line: no eligible account can take credit without locking it."
        );
    }
    for (i, l) in p.allocations.iter().enumerate() {
        let _ = writeln!(
            out,
            "  {}. {} of {} → {}",
            i + 1,
            st.bold(&format!("{} {cur}", l.amount)),
            l.credit,
            name(&l.account)
        );
    }
    out.push('\n');
    let _ = writeln!(out, "{}", st.bold("Why each account gets what it gets"));
    for a in &p.accounts {
        let rule = p
            .skipped
            .iter()
            .find(|k| k.account == a.account)
            .map(|k| format!(" {}", st.dim(&format!("[{}]", k.rule))))
            .unwrap_or_default();
        let _ = writeln!(out, "  {}{rule}: {}", name(&a.account), a.why);
    }
    if !p.left.is_empty() {
        out.push('\n');
        let _ = writeln!(out, "{}", st.bold("Credit left in the Business Center"));
        for l in &p.left {
            let _ = writeln!(out, "  {} {cur} of {}: {}", l.amount, l.credit, l.why);
        }
    }
    out.push('\n');
    let mut with_plan = s.clone();
    with_plan.allocations.clone_from(&p.allocations);
    out.push_str(&report(&with_plan, &p.report, color));
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// A can-move verdict.
pub fn verdict(v: &Verdict, color: bool) -> String {
    let st = Style { on: color };
    let head = if v.allowed {
        st.green("✓ Allowed")
    } else {
        st.red("✗ Not allowed")
    };
    let amount = v.amount.map(|m| format!(" {m}")).unwrap_or_default();
    let place = |p: &str| {
        if p == adcredit_assistant::ANY {
            "anywhere".to_owned()
        } else {
            p.to_owned()
        }
    };
    format!(
        "{head} — {}{amount} from {} to {}  {}\n  {}\n  {}\n",
        v.fund.label(),
        esc(&place(&v.from)),
        esc(&place(&v.to)),
        st.dim(&format!("[{}]", v.rule)),
        esc(&reason_after_head(v)),
        st.dim(&format!("why: {}", v.source)),
    )
}

/// The reason as shown under "Allowed": without its own "Yes:" / "Yes," (the head says it
/// already), so the reply does not answer twice. The widget's `verdictCard` does the same.
pub fn reason_after_head(v: &Verdict) -> Cow<'_, str> {
    let rest = v
        .allowed
        .then(|| {
            v.reason
                .strip_prefix("Yes: ")
                .or_else(|| v.reason.strip_prefix("Yes, "))
        })
        .flatten();
    match rest {
        Some(rest) => {
            let mut c = rest.chars();
            match c.next() {
                Some(f) => Cow::Owned(f.to_uppercase().chain(c).collect()),
                None => Cow::Borrowed(&v.reason),
            }
        }
        None => Cow::Borrowed(&v.reason),
    }
}

/// The part of `snippet` (with its highlights) that does not repeat `summary`, printed just
/// above it: the body starts with the summary, so a snippet from the start of the body says
/// the direct answer again. `None` when nothing new is left.
fn after_summary(
    snippet: &str,
    ranges: &[[u32; 2]],
    summary: &str,
) -> Option<(String, Vec<[u32; 2]>)> {
    let (lead, text) = match snippet.strip_prefix('…') {
        Some(t) => ("…".len(), t),
        None => (0, snippet),
    };
    // A window inside the summary ("…it stays in that ad account for good…") says nothing new.
    if summary.contains(text.strip_suffix('…').unwrap_or(text).trim()) {
        return None;
    }
    // The longest start of the snippet that ends the summary (a summary suffix): at least a
    // few words, so a shared word is not an overlap.
    let overlap = (1..=text.len())
        .rev()
        .filter(|&k| text.is_char_boundary(k))
        .find(|&k| summary.ends_with(&text[..k]))
        .filter(|&k| k >= 20 || k == text.len());
    let Some(k) = overlap else {
        return Some((snippet.to_owned(), ranges.to_vec()));
    };
    let rest = text[k..].trim_start();
    // A few words cut off by the snippet's end say nothing new.
    if rest.split_whitespace().count() < 4 {
        return None;
    }
    let cut = &snippet[..lead + text.len() - rest.len()];
    let cut16 = cut.encode_utf16().count() as u32;
    // "…" (one UTF-16 unit) stands before what is left.
    let shift = |x: u32| x.saturating_sub(cut16) + 1;
    let ranges = ranges
        .iter()
        .filter(|r| r[1] > cut16)
        .map(|r| [shift(r[0].max(cut16)), shift(r[1])])
        .collect();
    Some((format!("…{rest}"), ranges))
}

/// Answers to a question: the verdict first when there is one, then the direct answer (the
/// entry the verdict cites, `cited`, when given; else the best result), then the results.
pub fn answer(a: &Answer, cited: Option<&Hit>, color: bool) -> String {
    let st = Style { on: color };
    let mut out = String::new();
    let m = &a.about_move;
    if let Some(v) = &m.verdict {
        out.push_str(&verdict(v, color));
    }
    if let Some(n) = &m.needs {
        let _ = writeln!(out, "{} {}", st.yellow("?"), esc(n));
        for c in &m.choices {
            let _ = writeln!(
                out,
                "  - {}: {}",
                esc(&c.label),
                st.dim(&format!("adcredit ask {:?}", c.question))
            );
        }
    }
    for note in &m.notes {
        let _ = writeln!(out, "  {}", st.dim(&format!("note: {}", esc(note))));
    }
    let shares: Vec<_> = m.suggestion.iter().chain(&m.suggestions).collect();
    if !shares.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            st.bold("What the suggested plan gives (it locks nothing, soonest expiry first):")
        );
        for x in &shares {
            let from: Vec<String> = x
                .credits
                .iter()
                .map(|c| format!("{} {}", esc(&c.credit), c.amount))
                .collect();
            let _ = writeln!(
                out,
                "  {}: allocate {}  {}",
                esc(&x.account),
                x.amount,
                st.dim(&from.join(", "))
            );
            if !x.why.is_empty() {
                let _ = writeln!(out, "    {}", esc(&x.why));
            }
        }
        let _ = writeln!(out, "  {}", st.dim("Every allocation is final: check the figures in Business Center before you confirm."));
    }
    if m.verdict.is_some() || m.needs.is_some() || !shares.is_empty() {
        out.push('\n');
    }
    if a.results.is_empty() {
        let _ = writeln!(out, "No answer in the knowledge base matches that question. Try other words, e.g. \"move credit\" or \"suspended account\".");
        return out;
    }
    if !a.answered {
        let _ = writeln!(
            out,
            "We don't have an answer to that yet — the closest entries:"
        );
    }
    // The direct answer comes right after the verdict: the entry it cites, then the others.
    let order: Vec<&Hit> = cited
        .into_iter()
        .chain(
            a.results
                .iter()
                .filter(|h| cited.is_none_or(|c| c.id != h.id)),
        )
        .take(a.results.len().max(1))
        .collect();
    for (i, h) in order.into_iter().enumerate() {
        let _ = writeln!(
            out,
            "{}. {}  {}",
            i + 1,
            st.bold(&esc(&h.title)),
            st.dim(&format!("{}  (score {:.2})", esc(&h.id), h.score))
        );
        if i == 0 && a.answered && !h.summary.is_empty() {
            let _ = writeln!(out, "   {}", esc(&h.summary));
            if let Some((rest, ranges)) = after_summary(&h.snippet, &h.highlights, &h.summary) {
                let _ = writeln!(out, "   {}", highlight(&rest, &ranges, &st));
            }
            continue;
        }
        let _ = writeln!(out, "   {}", highlight(&h.snippet, &h.highlights, &st));
    }
    out
}

/// Mark the highlighted UTF-16 ranges of `text` in bold (or with *asterisks* without colour).
fn highlight(text: &str, ranges: &[[u32; 2]], st: &Style) -> String {
    let mut out = String::new();
    let mut pos16 = 0u32;
    let mut open = false;
    for ch in text.chars() {
        let starts = ranges.iter().any(|r| r[0] == pos16);
        let ends = ranges.iter().any(|r| r[1] == pos16);
        if ends && open {
            out.push_str(if st.on { "\x1b[0m" } else { "*" });
            open = false;
        }
        if starts && !open {
            out.push_str(if st.on { "\x1b[1;33m" } else { "*" });
            open = true;
        }
        let mut buf = [0u8; 4];
        out.push_str(&esc(ch.encode_utf8(&mut buf)));
        pos16 += ch.len_utf16() as u32;
    }
    if open {
        out.push_str(if st.on { "\x1b[0m" } else { "*" });
    }
    out
}

/// What `index` built.
pub fn index_report(
    site: &adcredit_indexer::Site,
    read: std::time::Duration,
    r: &adcredit_indexer::IndexReport,
    out: &std::path::Path,
) -> String {
    let mut s = String::new();
    let secs = read.as_secs_f64();
    let _ = writeln!(
        s,
        "read {} pages in {secs:.2} s ({:.0} pages/s)",
        site.pages,
        site.pages as f64 / secs.max(1e-6)
    );
    if !site.ignored.is_empty() {
        let _ = writeln!(s, "ignored {} (not indexed):", site.ignored.len());
        for i in &site.ignored {
            let _ = writeln!(s, "  {}", esc(&i.to_string()));
        }
    }
    let _ = writeln!(s, "indexed into {}: {r}", esc(&out.display().to_string()));
    s
}
