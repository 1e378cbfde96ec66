//! Retrieval quality with the product ranking the widget uses (prefix, typo tolerance and the
//! coverage re-rank on): the judged question sets of `tests/questions/`, split into a tune and a
//! validation half, the dev questions, and the words people type.
#![allow(clippy::unwrap_used)] // tests fail loudly

mod common;

use adcredit_search::{SearchOptions, Searcher};
use common::Judged;

/// What the validation halves must keep (percent). Each floor sits a little under the level
/// reached when it was set, so a regression fails; `cargo xtask test` prints the figures.
/// Goals (issue 9): top-1 90, top-3 98, out-of-scope recognised 80 with top-1 at 90, halves
/// within 5 points. Reached: out-of-scope recognised and the halves' gap (asserted at the
/// goal); top-1 and top-3 are not (89.0 % and 97.1 % on 2026-12-04), so their floors sit
/// 2 points under.
const FLOOR_TOP1: f64 = 87.0;
const FLOOR_TOP3: f64 = 95.0;
const FLOOR_OUT_OF_SCOPE: f64 = 80.0;
/// Most the tune and validation halves' top-1 may differ by (points).
const MAX_HALVES_GAP: f64 = 5.0;

/// Figures of one half of the question sets.
#[derive(Default)]
struct Figures {
    in_scope: usize,
    /// Questions with an acceptable id in the corpus, and their top-1 and top-3.
    answerable: usize,
    answerable_top1: usize,
    answerable_top3: usize,
    top1: usize,
    top3: usize,
    answered: usize,
    top1_answered: usize,
    out_of_scope: usize,
    recognised: usize,
    misses: Vec<String>,
    in_scope_coverage: Vec<f32>,
    out_of_scope_coverage: Vec<f32>,
    /// One line per question (kind, top-1 right, coverage, evidence, question), for
    /// `ADCREDIT_QUALITY_DUMP`.
    dump: Vec<String>,
}

fn pct(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}

impl Figures {
    fn measure(
        searcher: &Searcher,
        in_scope: &[&Judged],
        out_of_scope: &[&String],
        known: &dyn Fn(&str) -> bool,
    ) -> Figures {
        let options = SearchOptions::default();
        let mut f = Figures {
            in_scope: in_scope.len(),
            out_of_scope: out_of_scope.len(),
            ..Figures::default()
        };
        for (question, ids) in in_scope {
            let found = adcredit_assistant::find(searcher, question, options.limit).unwrap();
            let top: Vec<&str> = found.hits.iter().take(3).map(|h| h.id.as_str()).collect();
            let ok1 = top.first().is_some_and(|t| ids.iter().any(|i| i == t));
            let ok3 = top.iter().any(|t| ids.iter().any(|i| i == t));
            f.top1 += usize::from(ok1);
            f.top3 += usize::from(ok3);
            f.answered += usize::from(found.answered);
            f.top1_answered += usize::from(ok1 && found.answered);
            if ids.iter().any(|i| known(i)) {
                f.answerable += 1;
                f.answerable_top1 += usize::from(ok1);
                f.answerable_top3 += usize::from(ok3);
            } else {
                continue; // its answer is not written yet: a miss, not listed
            }
            f.in_scope_coverage.push(found.coverage);
            f.dump.push(format!(
                "in\t{}\t{}\t{}\t{question}",
                u8::from(ok1),
                found.coverage,
                found.evidence
            ));
            if !ok1 || !found.answered {
                let said = if found.answered {
                    String::new()
                } else {
                    format!(" [not answered, coverage {:.2}]", found.coverage)
                };
                f.misses.push(format!(
                    "  {question:?}: expected {ids:?}, got {top:?}{said}"
                ));
            }
        }
        for question in out_of_scope {
            let found = adcredit_assistant::find(searcher, question, options.limit).unwrap();
            f.recognised += usize::from(!found.answered);
            f.out_of_scope_coverage.push(found.coverage);
            f.dump.push(format!(
                "out\t0\t{}\t{}\t{question}",
                found.coverage, found.evidence
            ));
            if found.answered {
                let top = found.hits.first().map_or("", |h| h.id.as_str());
                f.misses.push(format!(
                    "  {question:?}: out of scope, answered with {top:?} (coverage {:.2})",
                    found.coverage
                ));
            }
        }
        f
    }

    fn line(&self, half: &str) -> String {
        let (n, m) = (self.in_scope, self.out_of_scope);
        format!(
            "questions {half}: top-1 {}/{n} ({:.1} %), top-3 {}/{n} ({:.1} %), \
             in scope answered {}/{n} ({:.1} %), top-1 and answered {:.1} %, \
             out-of-scope recognised {}/{m} ({:.1} %)",
            self.top1,
            pct(self.top1, n),
            self.top3,
            pct(self.top3, n),
            self.answered,
            pct(self.answered, n),
            pct(self.top1_answered, n),
            self.recognised,
            pct(self.recognised, m),
        ) + &if self.answerable < n {
            format!(
                "; with an answer in the corpus: top-1 {}/{} ({:.1} %), top-3 {:.1} %",
                self.answerable_top1,
                self.answerable,
                pct(self.answerable_top1, self.answerable),
                pct(self.answerable_top3, self.answerable)
            )
        } else {
            String::new()
        }
    }
}

/// The judged questions of `tests/questions/`, split by [`common::is_validation`]: figures for
/// both halves, the misses of the tune half only (the validation half is measured, never
/// looked at), and the floors asserted on the validation half.
#[test]
fn judged_questions_tune_and_validation() {
    let (corpus, label) = common::corpus();
    let (in_scope, out_of_scope, source) = match common::judged_questions() {
        Some(q) => (q, common::out_of_scope_questions(), "judged sets"),
        None => (common::dev_questions(), Vec::new(), "dev questions"),
    };
    if in_scope.is_empty() {
        println!("questions: no judged questions found, skipped");
        return;
    }
    let searcher =
        Searcher::from_bundle(&adcredit_indexer::bundle_bytes(&corpus).unwrap()).unwrap();
    let ids = corpus.ids();
    let half = |validation: bool| {
        let qs: Vec<&Judged> = in_scope
            .iter()
            .filter(|(q, _)| common::is_validation(q) == validation)
            .collect();
        let oos: Vec<&String> = out_of_scope
            .iter()
            .filter(|q| common::is_validation(q) == validation)
            .collect();
        Figures::measure(&searcher, &qs, &oos, &|id| ids.contains(id))
    };
    let (tune, validation) = (half(false), half(true));
    println!("questions ({source}, {label}):");
    let unknown = in_scope
        .iter()
        .filter(|(_, want)| !want.iter().any(|i| ids.contains(i)))
        .count();
    if unknown > 0 {
        println!(
            "questions: {unknown} of {} answered only by ids not in {label} (counted as misses)",
            in_scope.len()
        );
    }
    println!("{}", tune.line("tune"));
    println!("{}", validation.line("validation"));
    if std::env::var_os("ADCREDIT_QUALITY_SWEEP").is_some() {
        // How the answered threshold trades off on the tune half.
        for t in (20..=80).step_by(5).map(|t| t as f32 / 100.0) {
            let answered = tune.in_scope_coverage.iter().filter(|&&c| c >= t).count();
            let recognised = tune
                .out_of_scope_coverage
                .iter()
                .filter(|&&c| c < t)
                .count();
            println!(
                "questions tune sweep {t:.2}: in scope answered {:.1} %, out-of-scope recognised {:.1} %",
                pct(answered, tune.in_scope),
                pct(recognised, tune.out_of_scope)
            );
        }
    }
    if let Some(path) = std::env::var_os("ADCREDIT_QUALITY_DUMP") {
        // The tune half only, to study the answered decision outside the test.
        std::fs::write(path, tune.dump.join("\n")).unwrap();
    }
    println!("questions tune misses:");
    for m in &tune.misses {
        println!("{m}");
    }
    if !common::has_real_content() {
        return;
    }
    let v = &validation;
    let checks = [
        ("top-1", pct(v.top1, v.in_scope), FLOOR_TOP1),
        ("top-3", pct(v.top3, v.in_scope), FLOOR_TOP3),
        (
            "out-of-scope recognised",
            pct(v.recognised, v.out_of_scope),
            FLOOR_OUT_OF_SCOPE,
        ),
    ];
    for (what, got, floor) in checks {
        assert!(
            got >= floor,
            "validation {what} {got:.1} % < floor {floor} %"
        );
    }
    let gap = (pct(tune.top1, tune.in_scope) - pct(v.top1, v.in_scope)).abs();
    assert!(
        gap <= MAX_HALVES_GAP,
        "tune and validation top-1 differ by {gap:.1} points"
    );
}

/// The knowledge base says so when it has nothing on a question, and does not when it has
/// (the examples of issue 9).
#[test]
fn questions_outside_the_knowledge_base_are_not_answered() {
    let (corpus, _) = common::corpus();
    if !common::has_real_content() {
        return;
    }
    let searcher =
        Searcher::from_bundle(&adcredit_indexer::bundle_bytes(&corpus).unwrap()).unwrap();
    let answered = |q: &str| {
        adcredit_assistant::find(&searcher, q, SearchOptions::default().limit)
            .unwrap()
            .answered
    };
    for q in [
        "how do I verify my domain for TikTok ads?",
        "which ad format gets the cheapest clicks?",
        "",
    ] {
        assert!(!answered(q), "{q:?} was answered");
    }
    for q in [
        "who can allocate ad credit?",
        "can I move credit to another account?",
        "voucher expiry",
        // Everyday words the content does not use ("got", "lose") do not sink a question.
        "my account got banned, do I lose the credit?",
        // A country names where the accounts are, not what the question is about.
        "how do I check the balance of the Japan account",
        "does the UK account need its own payment method?",
    ] {
        assert!(answered(q), "{q:?} was not answered");
    }
}

/// Every FAQ entry and article section of our knowledge base lists at least five other ways
/// people ask it (the `questions` front-matter field; optional for other corpora).
#[test]
fn every_faq_entry_and_section_has_five_other_questions() {
    let (corpus, _) = common::corpus();
    if !common::has_real_content() {
        return;
    }
    let short: Vec<String> = corpus
        .faqs
        .iter()
        .filter(|f| f.front.questions.len() < 5)
        .map(|f| format!("{} ({})", f.front.id, f.front.questions.len()))
        .chain(corpus.articles.iter().flat_map(|a| {
            a.sections.iter().filter_map(move |s| {
                let n = a
                    .front
                    .section_questions
                    .get(&s.slug)
                    .map_or(0, |q| q.1.len());
                (n < 5).then(|| format!("{}#{} ({n})", a.front.id, s.slug))
            })
        }))
        .collect();
    assert!(
        short.is_empty(),
        "FAQ entries and article sections with fewer than 5 questions: {short:?}"
    );
}

#[test]
fn dev_questions_rank_their_faq_first() {
    let questions = common::dev_questions();
    if questions.is_empty() {
        println!("dev questions: ../shared/eval/dev-questions.tsv not found, skipped");
        return;
    }
    let (corpus, label) = common::corpus();
    let searcher =
        Searcher::from_bundle(&adcredit_indexer::bundle_bytes(&corpus).unwrap()).unwrap();
    let options = SearchOptions::default();
    let (mut top1, mut top3) = (0, 0);
    let mut misses = Vec::new();
    for (question, ids) in &questions {
        let hits = searcher.search(question, &options).unwrap();
        let found: Vec<&str> = hits.iter().take(3).map(|h| h.id.as_str()).collect();
        let ok1 = found.first().is_some_and(|f| ids.iter().any(|i| i == f));
        let ok3 = found.iter().any(|f| ids.iter().any(|i| i == f));
        top1 += usize::from(ok1);
        top3 += usize::from(ok3);
        if !ok1 {
            misses.push(format!("  {question:?}: expected {ids:?}, got {found:?}"));
        }
    }
    let n = questions.len();
    println!("dev questions ({label}): top-1 {top1}/{n}, top-3 {top3}/{n}");
    for m in &misses {
        println!("{m}");
    }
    if common::has_real_content() {
        assert!(top1 + 1 >= n, "top-1 {top1}/{n}:\n{}", misses.join("\n"));
    }
}

#[test]
fn typing_typos_and_synonyms_find_the_answer() {
    let (corpus, _) = common::corpus();
    let searcher =
        Searcher::from_bundle(&adcredit_indexer::bundle_bytes(&corpus).unwrap()).unwrap();
    let first = |q: &str| {
        searcher
            .search(q, &SearchOptions::default())
            .unwrap()
            .first()
            .map(|h| h.id.clone())
            .unwrap_or_default()
    };
    // As the user types, the last word is completed.
    assert_eq!(first("suspen"), first("suspended"));
    // A typo in an unknown word still finds the word.
    assert_eq!(first("suspnded account"), first("suspended account"));
    // A glossary variant finds what the canonical form finds.
    assert_eq!(first("voucher"), first("ad credit"));
    // Nothing to search for: no hits, no panic.
    for q in [
        "",
        "   ",
        "?!",
        &"x".repeat(100_000),
        &"credit ".repeat(20_000),
    ] {
        let hits = searcher.search(q, &SearchOptions::default()).unwrap();
        assert!(hits.len() <= 10);
    }
}
