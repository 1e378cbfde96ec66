//! adcredit-search: the search engine the help widget runs in the browser, and the format of
//! the bundle it reads.
//!
//! The indexer (`adcredit-indexer`, native) builds a tantivy index of `content/` and exports
//! its exact statistics into a compact bundle with [`encode`]; the browser (through the wasm
//! binding) opens it with [`Searcher::from_bundle`] and ranks exactly as tantivy would. Three
//! things make that work, and all three live here so there is one copy of each:
//!
//! - the **analyzer** ([`Analyzer`]): tokenize, lowercase, fold diacritics, glossary synonyms,
//!   stopwords, Snowball English stemming — the indexer registers it as tantivy's tokenizer;
//! - the **bundle format** ([`encode`], [`encode_sharded`], [`decode`]): versioned, validated,
//!   shardable for big corpora;
//! - the **scorer** ([`Searcher`]): tantivy 0.27's BM25 in `f32` ([`Searcher::score_bm25`]),
//!   plus, for people, prefix completion, typo tolerance, a coverage re-rank and snippets
//!   ([`Searcher::search`]).
//!
//! The crate is pure: no IO, no clock, no threads; it compiles for `wasm32-unknown-unknown`.
//!
//! ## Bundle layout (in short)
//! Every part starts with a 33-byte header: magic `ADCB`, [`SCHEMA_VERSION`], part kind
//! (bundle, meta, term shard, doc shard), build hash (ties shards to their meta), payload
//! length and FNV-1a checksum. The **meta** holds fields (boost, tantivy's token total), `N`,
//! document kinds, tantivy's one-byte field norms (or "with the postings"), the glossary and
//! the shard directory; **term shards** hold a front-coded range of the sorted dictionary
//! with per-field document frequencies, doc-id gaps and term frequencies; **doc shards** hold
//! ids, titles, summaries and snippet texts. The single file is meta + all shards; there the
//! body field's postings are re-derived from the shipped texts (checked equal to tantivy's at
//! encode time) instead of stored. Sharded, a query fetches the meta, the term shards of its
//! terms and the doc shards of its top hits ([`Searcher::missing_shards`]).
//!
//! ## Ranking
//! [`Searcher::score_bm25`] is tantivy's BM25 (K1 = 1.2, B = 0.75, its idf, its field-norm
//! table and per-field norm cache, boosts multiplying the weight, scores of every (term,
//! field) summed, ties by doc address). [`Searcher::search`] adds, for people typing: the
//! last word completed while typed ([`PREFIX_FACTOR`]), typo tolerance for words absent from
//! the dictionary ([`FUZZY_FACTOR_1`], [`FUZZY_FACTOR_2`]), both as the best of their
//! expansions and discounted so they never beat an exact match of the same strength; then the
//! best hits are re-scored by the
//! share of the question's weight they match ([`COVERAGE_RERANK`]). [`Searcher::find`] also
//! says whether the knowledge base answers the question at all ([`Found::answered`]). In a sharded bundle typo candidates come
//! from the word's own term shard (the terms that sort next to it).
//!
//! ```
//! use adcredit_search::*;
//!
//! let doc = |id: &str, text: &str| DocRecord {
//!     id: id.into(),
//!     kind: DocKind::Faq,
//!     title: id.into(),
//!     summary: String::new(),
//!     text: text.into(),
//! };
//! // Normally the indexer fills this in from tantivy; a hand-made one-field index here.
//! let analyzer = Analyzer::default();
//! let texts = ["Allocated credit stays locked", "Credit lines are shared"];
//! let mut terms: std::collections::BTreeMap<String, Vec<Posting>> = Default::default();
//! let mut total = 0;
//! for (doc, text) in texts.iter().enumerate() {
//!     let tokens = analyzer.analyze(text);
//!     total += tokens.len() as u64;
//!     for t in &tokens {
//!         let list = terms.entry(t.term.clone()).or_default();
//!         match list.last_mut() {
//!             Some(p) if p.doc == doc as u32 => p.term_freq += 1,
//!             _ => list.push(Posting {
//!                 doc: doc as u32,
//!                 term_freq: 1,
//!                 fieldnorm_id: fieldnorm_to_id(tokens.len() as u32),
//!             }),
//!         }
//!     }
//! }
//! let data = BundleData {
//!     glossary: Glossary::default(),
//!     fields: vec![FieldStats { name: "body".into(), boost: 1.0, total_tokens: total }],
//!     num_docs: 2,
//!     terms: terms
//!         .into_iter()
//!         .map(|(term, list)| TermPostings { term, fields: vec![list] })
//!         .collect(),
//!     docs: vec![doc("faq/a", texts[0]), doc("faq/b", texts[1])],
//! };
//! let bytes = encode(&data)?;
//! let searcher = Searcher::from_bundle(&bytes)?;
//! let hits = searcher.search("locked credit", &SearchOptions::default())?;
//! assert_eq!(hits[0].id, "faq/a");
//! assert_eq!(hits[0].snippet, "Allocated credit stays locked");
//! assert_eq!(hits[0].highlights, [[10, 16], [23, 29]]);
//! # Ok::<(), adcredit_search::Error>(())
//! ```

mod analyzer;
mod bm25;
mod bundle;
mod codec;
mod distance;
mod error;
mod intern;
mod searcher;
mod snippet;

pub use analyzer::{
    fold_words, is_combining_mark, is_common_word, is_question_word, is_stopword, is_word_char,
    lowercase, Analyzer, Glossary, Synonym, Token, MAX_QUERY_BYTES, MAX_QUERY_TERMS,
    MAX_WORD_BYTES,
};
pub use bm25::{fieldnorm_to_id, id_to_fieldnorm, idf, B, K1};
pub use bundle::{
    decode, encode, encode_sharded, BundleData, DocKind, DocRecord, FieldStats, Posting, ShardKey,
    ShardPlan, ShardedBundle, TermPostings, HEADER_LEN, MAGIC, MAX_FIELDS, SCHEMA_VERSION,
};
pub use distance::one_edit_apart;
pub use error::Error;
pub use searcher::{
    check_limit, Found, Hit, ScoredDoc, SearchOptions, Searcher, ANSWERED_COVERAGE,
    ANSWERED_EVIDENCE, COMMON_WORD_WEIGHT, COVERAGE_RERANK, DISTINCTIVE_SHARE, FUZZY_FACTOR_1,
    FUZZY_FACTOR_2, MAX_EXPANSIONS, MAX_FUZZY_WORDS, MAX_LIMIT, PREFIX_FACTOR,
};
