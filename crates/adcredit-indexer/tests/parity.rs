//! The bundle scorer's BM25 core ranks exactly as tantivy: same top-10 ids in the same
//! order, scores within 1e-4, for every dev question, every judged question of
//! `tests/questions/` (in scope and out of scope) and a few hundred generated queries.
#![allow(clippy::unwrap_used)] // tests fail loudly

mod common;

use adcredit_indexer::{Corpus, TantivyIndex};
use adcredit_search::{encode_sharded, Searcher, ShardKey, ShardPlan};

const TOP: usize = 10;
const TOLERANCE: f32 = 1e-4;

struct Outcome {
    identical: usize,
    total: usize,
    max_delta: f32,
    failures: Vec<String>,
}

fn compare(index: &TantivyIndex, searcher: &Searcher, queries: &[String]) -> Outcome {
    let mut outcome = Outcome {
        identical: 0,
        total: queries.len(),
        max_delta: 0.0,
        failures: Vec::new(),
    };
    for q in queries {
        let expected = index.search(q, TOP).unwrap();
        let actual: Vec<(String, f32)> = searcher
            .score_bm25(q, TOP)
            .unwrap()
            .into_iter()
            .map(|d| (searcher.doc(d.doc).unwrap().id.clone(), d.score))
            .collect();
        let same_ids =
            expected.len() == actual.len() && expected.iter().zip(&actual).all(|(e, a)| e.0 == a.0);
        let delta = expected
            .iter()
            .zip(&actual)
            .map(|(e, a)| (e.1 - a.1).abs())
            .fold(0f32, f32::max);
        outcome.max_delta = outcome.max_delta.max(delta);
        if same_ids && delta <= TOLERANCE {
            outcome.identical += 1;
        } else {
            outcome.failures.push(format!(
                "{q:?}\n  tantivy {expected:?}\n  bundle  {actual:?}"
            ));
        }
    }
    outcome
}

fn queries(corpus: &Corpus) -> Vec<String> {
    let mut queries: Vec<String> = common::dev_questions()
        .into_iter()
        .map(|(q, _)| q)
        .collect();
    queries.extend(
        common::judged_questions()
            .unwrap_or_default()
            .into_iter()
            .map(|(q, _)| q),
    );
    queries.extend(common::out_of_scope_questions());
    queries.extend(common::generated_queries(corpus));
    queries
}

#[test]
fn bundle_bm25_matches_tantivy() {
    let (corpus, label) = common::corpus();
    let index = TantivyIndex::in_memory(&corpus).unwrap();
    let bundle = adcredit_search::encode(&index.export(&corpus.glossary).unwrap()).unwrap();
    let searcher = Searcher::from_bundle(&bundle).unwrap();
    let queries = queries(&corpus);
    assert!(queries.len() >= 200, "{} queries", queries.len());
    let o = compare(&index, &searcher, &queries);
    println!(
        "parity ({label}): {}/{} queries identical top-{TOP}, max |Δscore| = {:e}",
        o.identical, o.total, o.max_delta
    );
    assert!(o.failures.is_empty(), "{}", o.failures.join("\n"));
}

#[test]
fn sharded_bundle_bm25_matches_tantivy() {
    // A synthetic corpus big enough for many term shards, opened shard by shard.
    let corpus = adcredit_indexer::synthetic_corpus(150, 42);
    let index = TantivyIndex::in_memory(&corpus).unwrap();
    let data = index.export(&corpus.glossary).unwrap();
    let plan = ShardPlan {
        term_shard_bytes: 2048,
        docs_per_shard: 16,
        fieldnorms_in_meta: false,
    };
    let sharded = encode_sharded(&data, &plan).unwrap();
    let terms = sharded
        .shards
        .iter()
        .filter(|(k, _)| matches!(k, ShardKey::Terms(_)))
        .count();
    assert!(terms > 10, "{terms} term shards");
    let mut searcher = Searcher::from_meta(&sharded.meta).unwrap();
    for (key, bytes) in &sharded.shards {
        searcher.add_shard(*key, bytes).unwrap();
    }
    let mut queries = common::generated_queries(&corpus);
    queries.extend(
        [
            "credit balance",
            "move the coupon",
            "allocate account budget",
        ]
        .map(String::from),
    );
    let o = compare(&index, &searcher, &queries);
    println!(
        "parity (synthetic, {terms} term shards): {}/{} queries identical top-{TOP}, max |Δscore| = {:e}",
        o.identical, o.total, o.max_delta
    );
    assert!(o.failures.is_empty(), "{}", o.failures.join("\n"));
}

#[test]
fn fieldnorm_codes_match_tantivy() {
    for id in 0..=255u8 {
        assert_eq!(
            adcredit_search::id_to_fieldnorm(id),
            tantivy::fieldnorm::FieldNormReader::id_to_fieldnorm(id),
            "code {id}"
        );
    }
    for n in [0u32, 1, 23, 24, 25, 41, 100, 1000, 123_456, u32::MAX] {
        assert_eq!(
            adcredit_search::fieldnorm_to_id(n),
            tantivy::fieldnorm::FieldNormReader::fieldnorm_to_id(n),
            "count {n}"
        );
    }
}
