//! Retrieval quality on the dev questions, with the product ranking the widget uses (prefix,
//! typo tolerance and the FAQ preference on).
#![allow(clippy::unwrap_used)] // tests fail loudly

mod common;

use adcredit_search::{SearchOptions, Searcher};

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
