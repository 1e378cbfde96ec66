//! Query resolution and ranking over a bundle (whole or sharded).

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::analyzer::{is_word_char, truncate_query, MAX_QUERY_TERMS};
use crate::bm25::{self, NormCache};
use crate::bundle::{self, Meta, OpenedShard, TermShard};
use crate::distance::{bounded_distance_sets, letter_set};
use crate::snippet::{make_snippet, DocTerms};
use crate::{
    fold_words, is_common_word, is_question_word, Analyzer, DocKind, DocRecord, Error, FieldStats,
    ShardKey,
};

/// Score factor of a word completed from the last, still-typed query word.
pub const PREFIX_FACTOR: f32 = 0.8;
/// Score factor of a dictionary term one edit away from an unknown query word.
pub const FUZZY_FACTOR_1: f32 = 0.6;
/// Score factor of a dictionary term two edits away from an unknown query word.
pub const FUZZY_FACTOR_2: f32 = 0.4;
/// Most expansions (prefix or typo) of one query word.
pub const MAX_EXPANSIONS: usize = 8;
/// Most query words looked up with typo tolerance (the first ones absent from the dictionary);
/// keeps a long garbled query as fast as a short one.
pub const MAX_FUZZY_WORDS: usize = 6;
/// Most results one search returns: the one limit of the CLI (`ask --limit`), the browser
/// (`search(q, { limit })`, `ask`) and the assistant, checked by [`check_limit`].
pub const MAX_LIMIT: usize = 50;

/// The one check of a result count, wherever it comes from (a JS number, a command-line
/// argument): an integer from 1 to [`MAX_LIMIT`], or [`Error::Limit`]. Zero, negatives,
/// fractions, `NaN`, infinities and huge numbers are refused, never clamped.
///
/// ```
/// use adcredit_search::check_limit;
/// assert_eq!(check_limit(5.0), Ok(5));
/// for bad in [0.0, -1.0, 2.5, 1e9, f64::NAN, f64::INFINITY] {
///     assert_eq!(check_limit(bad).unwrap_err().to_string(), "limit: must be an integer from 1 to 50");
/// }
/// ```
pub fn check_limit(n: f64) -> Result<usize, Error> {
    if n.fract() == 0.0 && (1.0..=MAX_LIMIT as f64).contains(&n) {
        Ok(n as usize)
    } else {
        Err(Error::Limit)
    }
}
/// A question counts as answered ([`Found::answered`]) when one of the three best hits matches
/// at least this share of the question's weight ([`Found::coverage`])…
pub const ANSWERED_COVERAGE: f32 = 0.8;
/// …or when the best hit matches at least this much weight ([`Found::evidence`]), counted in
/// distinctive words: long questions spread their weight over many words.
///
/// 3.0 since the FAQ entries and article sections got twelve other questions each instead of
/// six (2026-12-05): more words to match made near misses such as "how long does ad review
/// take" count as answered. On the tune half, 2.5 → 3.0 took in-scope answered from 94.3 to
/// 91.5 % and out-of-scope recognised from 86.6 to 91.0 % (before the new questions: 89.0 and
/// 88.1 %).
pub const ANSWERED_EVIDENCE: f32 = 3.0;
/// An everyday English word ([`is_common_word`]: "got", "lose", "need") weighs this share of
/// its rarity in the knowledge base: it says little about what a question is about.
pub const COMMON_WORD_WEIGHT: f32 = 0.25;
/// In the product ranking, this share of a hit's score is scaled by the share of the
/// question's weight the hit matches (its coverage, see [`Found`]): of two hits with the same
/// BM25 score, the one that matches more of what the question is about comes first.
///
/// 0.8 since 2026-12-04 (it was 0.5, with FAQ entries' scores also multiplied by 1.2): on the
/// tune half of `tests/questions/questions.tsv` (282 questions) top-1 went from 245 to 250;
/// see the README, "How well it understands".
pub const COVERAGE_RERANK: f32 = 0.8;
/// How many of the best BM25 hits the product ranking re-scores by coverage.
const RERANK_DEPTH: usize = 20;
/// A word in at most this share of the entries is *distinctive*: it weighs fully in
/// [`Found::coverage`] (rarer words weigh no more; commoner words weigh their idf, less).
pub const DISTINCTIVE_SHARE: f32 = 0.25;
/// How many of the best hits [`Found::coverage`] looks at.
const COVERAGE_HITS: usize = 3;

/// How [`Searcher::search`] treats the query.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SearchOptions {
    /// Most hits to return (at most [`MAX_LIMIT`]).
    pub limit: usize,
    /// Complete the last query word while it is typed (the query does not end in a space or
    /// punctuation): `paym` finds `payment`.
    pub prefix: bool,
    /// Tolerate typos in query words that are not in the dictionary: one edit for words of
    /// 4–7 letters, two from 8 letters, none below 4.
    pub fuzzy: bool,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            limit: 10,
            prefix: true,
            fuzzy: true,
        }
    }
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Hit {
    /// Content id, e.g. `faq/move-after-allocation`.
    pub id: String,
    /// Display title.
    pub title: String,
    /// FAQ entry or article section.
    pub kind: DocKind,
    /// Ranking score (higher is better).
    pub score: f32,
    /// The direct answer (FAQ) or the article's summary.
    pub summary: String,
    /// Plain text around the best cluster of matched words, cut at word boundaries with `…`.
    pub snippet: String,
    /// `[start, end)` of each matched word in `snippet`, in UTF-16 code units (JS string
    /// offsets).
    pub highlights: Vec<[u32; 2]>,
}

/// What [`Searcher::find`] returns: the hits, and whether they answer the question.
///
/// Each word of the question weighs its inverse document frequency over all fields, capped at
/// that of a word in a quarter of the entries ([`DISTINCTIVE_SHARE`]): a distinctive or unknown
/// word weighs fully, a word most entries contain next to nothing, and question words such as
/// `how` or `who` nothing at all. A hit matches a word, with its prefix or typo factor, when it
/// contains the word's term. The decision rests on those weights only, never on
/// particular phrasings, so it holds for any knowledge base.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The best entries, best first (the closest ones even when `answered` is false).
    pub hits: Vec<Hit>,
    /// The largest share of the question's weight one of the three best hits matches, 0 to 1.
    pub coverage: f32,
    /// The weight the best hit matches, in distinctive words (the weight of one).
    pub evidence: f32,
    /// The knowledge base answers the question: there is a hit, and `coverage` reaches
    /// [`ANSWERED_COVERAGE`] or `evidence` reaches [`ANSWERED_EVIDENCE`]. When false the hits
    /// are only the closest entries.
    pub answered: bool,
}

/// A document address and its BM25 score, as tantivy's `TopDocs` returns them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScoredDoc {
    /// Document address (position in the bundle, tantivy's doc id).
    pub doc: u32,
    /// Raw BM25 score.
    pub score: f32,
}

/// A term of the dictionary: shard and position in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct TermRef {
    shard: u32,
    index: usize,
}

/// One dictionary term a query word is matched by, with its score factor.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    term: TermRef,
    factor: f32,
}

/// One query word: exact term (factor 1) or its expansions. A document's slot score is the
/// best of its candidates'; slot scores are summed.
#[derive(Debug, Default)]
struct Slot {
    candidates: Vec<Candidate>,
    /// How much the word says: the idf of its exact term, or of a term no document has.
    weight: f32,
    /// An everyday English word ([`is_common_word`]): a hit that lacks it loses only
    /// [`COMMON_WORD_WEIGHT`] of its weight in the coverage.
    common: bool,
}

enum Lookup {
    Found(TermRef),
    Absent,
    Missing,
}

/// Searches a bundle: whole ([`Searcher::from_bundle`]) or sharded ([`Searcher::from_meta`]
/// plus [`Searcher::add_shard`] for what [`Searcher::missing_shards`] asks for).
#[derive(Debug)]
pub struct Searcher {
    meta: Meta,
    analyzer: Analyzer,
    norms: Vec<NormCache>,
    term_shards: Shards<LoadedTerms>,
    doc_shards: Shards<Vec<LoadedDoc>>,
}

/// A term shard with each term's letter set, for the typo lookup's quick rejection.
#[derive(Debug)]
struct LoadedTerms {
    shard: TermShard,
    letter_sets: Vec<u64>,
}

impl LoadedTerms {
    fn new(shard: TermShard) -> LoadedTerms {
        let letter_sets = shard.terms.iter().map(|t| letter_set(t)).collect();
        LoadedTerms { shard, letter_sets }
    }
}

impl std::ops::Deref for LoadedTerms {
    type Target = TermShard;
    fn deref(&self) -> &TermShard {
        &self.shard
    }
}

/// Loaded shards by number (numbers are checked against the meta before a shard is added).
/// A `Vec` rather than a map: the browser module carries one map type only (`TermIds`).
#[derive(Debug)]
struct Shards<T>(Vec<Option<T>>);

impl<T> Shards<T> {
    fn new() -> Self {
        Shards(Vec::new())
    }

    fn get(&self, i: &u32) -> Option<&T> {
        self.0.get(*i as usize).and_then(Option::as_ref)
    }

    fn contains_key(&self, i: &u32) -> bool {
        self.get(i).is_some()
    }

    fn insert(&mut self, i: u32, shard: T) {
        let i = i as usize;
        if self.0.len() <= i {
            self.0.resize_with(i + 1, || None);
        }
        if let Some(slot) = self.0.get_mut(i) {
            *slot = Some(shard);
        }
    }
}

/// The shards a query needs and lacks, kept sorted and distinct (term shards first).
#[derive(Debug, Default)]
struct Missing(Vec<ShardKey>);

impl Missing {
    fn insert(&mut self, key: ShardKey) {
        if let Err(at) = self.0.binary_search(&key) {
            self.0.insert(at, key);
        }
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn len(&self) -> usize {
        self.0.len()
    }
}

/// Sorts by the `u64` key, ascending: the one sort of the search path. Each ordering the
/// searcher needs is packed into such a key, unique within its list (a document or term
/// index in the low bits), so any correct sort gives the same order. A heapsort: std's sort
/// instantiation was 3.3 KB of wasm, this is a few hundred bytes.
/// No word is a name ([`Searcher::find`]).
fn no_names(_: &str) -> bool {
    false
}

fn sort_keyed(v: &mut [(u64, f32)]) {
    let n = v.len();
    for root in (0..n / 2).rev() {
        sift_down(v, root, n);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift_down(v, 0, end);
    }
}

/// Moves `v[root]` down the max-heap `v[..end]` to its place.
fn sift_down(v: &mut [(u64, f32)], mut root: usize, end: usize) {
    let key = |v: &[(u64, f32)], i: usize| v.get(i).map_or(0, |e| e.0);
    loop {
        let mut child = 2 * root + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && key(v, child) < key(v, child + 1) {
            child += 1;
        }
        if key(v, root) >= key(v, child) {
            return;
        }
        v.swap(root, child);
        root = child;
    }
}

/// A key that sorts scores from the highest down, exactly as `f32::total_cmp` reversed.
fn descending(score: f32) -> u64 {
    let bits = score.to_bits();
    let ascending = if bits >> 31 == 1 {
        !bits
    } else {
        bits | 0x8000_0000
    };
    u64::from(!ascending)
}

/// A document with its text analysed once, on the first snippet cut from it: analysing
/// (stemming every word) is most of a search's cost, and the same answers come up again and
/// again while a visitor types.
#[derive(Debug)]
struct LoadedDoc {
    record: DocRecord,
    terms: OnceLock<DocTerms>,
}

fn loaded(docs: Vec<DocRecord>) -> Vec<LoadedDoc> {
    docs.into_iter()
        .map(|record| LoadedDoc {
            record,
            terms: OnceLock::new(),
        })
        .collect()
}

impl Searcher {
    fn new(meta: Meta) -> Searcher {
        let analyzer = Analyzer::new(&meta.glossary);
        let norms = meta
            .fields
            .iter()
            .map(|f| NormCache::new(f.total_tokens, u64::from(meta.num_docs)))
            .collect();
        Searcher {
            meta,
            analyzer,
            norms,
            term_shards: Shards::new(),
            doc_shards: Shards::new(),
        }
    }

    /// Opens a single-file bundle (everything loaded).
    pub fn from_bundle(bytes: &[u8]) -> Result<Searcher, Error> {
        let decoded = bundle::parse_bundle(bytes)?;
        let mut searcher = Searcher::new(decoded.meta);
        for (i, shard) in decoded.term_shards.into_iter().enumerate() {
            searcher
                .term_shards
                .insert(i as u32, LoadedTerms::new(shard));
        }
        for (i, shard) in decoded.doc_shards.into_iter().enumerate() {
            searcher.doc_shards.insert(i as u32, loaded(shard));
        }
        // Opening analysed every text already (derived postings): keep it for the snippets.
        for (doc, terms) in decoded.doc_terms.into_iter().enumerate() {
            if let Some(loaded) = searcher.loaded_doc(doc as u32) {
                let _ = loaded.terms.set(terms);
            }
        }
        Ok(searcher)
    }

    /// Opens the meta part of a sharded bundle; shards are added as queries need them.
    pub fn from_meta(bytes: &[u8]) -> Result<Searcher, Error> {
        Ok(Searcher::new(bundle::open_meta(bytes)?))
    }

    /// Adds a shard fetched for `key` (checked against the meta's build and the key).
    pub fn add_shard(&mut self, key: ShardKey, bytes: &[u8]) -> Result<(), Error> {
        match bundle::open_shard(&self.meta, key, bytes)? {
            OpenedShard::Terms(shard) => {
                if let ShardKey::Terms(i) = key {
                    self.term_shards.insert(i, LoadedTerms::new(shard));
                }
            }
            OpenedShard::Docs(docs) => {
                if let ShardKey::Docs(i) = key {
                    self.doc_shards.insert(i, loaded(docs));
                }
            }
        }
        Ok(())
    }

    /// The shards this query needs that are not loaded yet. Call it, fetch and add what it
    /// lists, and repeat until it is empty (usually two rounds: term shards, then the doc
    /// shards of the top hits); then [`Searcher::search`] answers.
    pub fn missing_shards(&self, query: &str, options: &SearchOptions) -> Vec<ShardKey> {
        self.missing_shards_with(query, options, &no_names)
    }

    /// [`Searcher::missing_shards`] for [`Searcher::find_with`] with the same `names`.
    pub fn missing_shards_with(
        &self,
        query: &str,
        options: &SearchOptions,
        names: &dyn Fn(&str) -> bool,
    ) -> Vec<ShardKey> {
        let mut missing = Missing::default();
        let slots = self.resolve(query, Some(options), names, &mut missing);
        if missing.is_empty() {
            for scored in self.rank_product(&slots, options.limit) {
                let shard = scored.doc / self.meta.docs_per_shard.max(1);
                if !self.doc_shards.contains_key(&shard) {
                    missing.insert(ShardKey::Docs(shard));
                }
            }
        }
        missing.0
    }

    /// Number of documents (`N`).
    pub fn num_docs(&self) -> u32 {
        self.meta.num_docs
    }

    /// The indexed fields with their boosts and token totals.
    pub fn fields(&self) -> &[FieldStats] {
        &self.meta.fields
    }

    /// The analyzer built from the bundle's glossary.
    pub fn analyzer(&self) -> &Analyzer {
        &self.analyzer
    }

    /// The document at `doc`, when its shard is loaded.
    pub fn doc(&self, doc: u32) -> Option<&DocRecord> {
        self.loaded_doc(doc).map(|d| &d.record)
    }

    fn loaded_doc(&self, doc: u32) -> Option<&LoadedDoc> {
        let per = self.meta.docs_per_shard.max(1);
        self.doc_shards
            .get(&(doc / per))
            .and_then(|docs| docs.get((doc % per) as usize))
    }

    /// The BM25 core, for parity with tantivy: the query's distinct analysed terms
    /// ([`Analyzer::query_terms`]), each searched in every field with the field's boost,
    /// scores summed, best first, ties by doc address. No prefix, typo or coverage re-rank.
    pub fn score_bm25(&self, query: &str, limit: usize) -> Result<Vec<ScoredDoc>, Error> {
        let mut missing = Missing::default();
        let slots = self.resolve(query, None, &no_names, &mut missing);
        if !missing.is_empty() {
            return Err(Error::MissingShards(missing.len()));
        }
        Ok(self.rank(&slots, limit))
    }

    /// The product search: the BM25 core plus prefix completion of the last word, typo
    /// tolerance and the coverage re-rank (see [`SearchOptions`], [`PREFIX_FACTOR`],
    /// [`FUZZY_FACTOR_1`], [`COVERAGE_RERANK`]), with snippets.
    ///
    /// Empty, punctuation-only or huge queries give no hits, never a panic; only the first
    /// [`MAX_QUERY_TERMS`](crate::MAX_QUERY_TERMS) distinct terms count.
    pub fn search(&self, query: &str, options: &SearchOptions) -> Result<Vec<Hit>, Error> {
        Ok(self.find(query, options)?.hits)
    }

    /// [`Searcher::search`], and whether the knowledge base answers the question at all
    /// ([`Found::answered`]), decided from the words of the question the best hit matches.
    pub fn find(&self, query: &str, options: &SearchOptions) -> Result<Found, Error> {
        self.find_with(query, options, &no_names)
    }

    /// [`Searcher::find`], where the words `names` says are names of places (as the question
    /// wrote them: "Germany", "UK") weigh nothing in [`Found::coverage`]: they say where the
    /// asker's accounts are, not what the question is about, and a knowledge base that does
    /// not mention every country still answers "how do I check the balance of the Japan
    /// account?".
    pub fn find_with(
        &self,
        query: &str,
        options: &SearchOptions,
        names: &dyn Fn(&str) -> bool,
    ) -> Result<Found, Error> {
        let mut missing = Missing::default();
        let slots = self.resolve(query, Some(options), names, &mut missing);
        if !missing.is_empty() {
            return Err(Error::MissingShards(missing.len()));
        }
        let ranked = self.rank_product(&slots, options.limit);
        let best: Vec<u32> = ranked.iter().take(COVERAGE_HITS).map(|s| s.doc).collect();
        let mut terms: Vec<&str> = Vec::new();
        for c in slots.iter().flat_map(|s| &s.candidates) {
            if let Some(t) = self.term_text(c.term) {
                if !terms.contains(&t) {
                    terms.push(t);
                }
            }
        }
        let mut hits = Vec::with_capacity(ranked.len());
        let mut absent = 0;
        for scored in ranked {
            let Some(loaded) = self.loaded_doc(scored.doc) else {
                absent += 1;
                continue;
            };
            let doc = &loaded.record;
            let doc_terms = loaded
                .terms
                .get_or_init(|| DocTerms::new(&self.analyzer, &doc.text));
            let snippet = make_snippet(&doc.text, doc_terms, &terms);
            hits.push(Hit {
                id: doc.id.clone(),
                title: doc.title.clone(),
                kind: doc.kind,
                score: scored.score,
                summary: doc.summary.clone(),
                snippet: snippet.text,
                highlights: snippet.highlights,
            });
        }
        if absent > 0 {
            return Err(Error::MissingShards(absent));
        }
        let mut coverage = 0f32;
        let mut evidence = 0f32;
        for (i, &doc) in best.iter().enumerate() {
            let (matched, total) = self.coverage(&slots, doc);
            if i == 0 {
                evidence = matched / self.weight_cap();
            }
            if total > 0.0 {
                coverage = coverage.max(matched / total);
            }
        }
        Ok(Found {
            answered: !hits.is_empty()
                && (coverage >= ANSWERED_COVERAGE || evidence >= ANSWERED_EVIDENCE),
            hits,
            coverage,
            evidence,
        })
    }

    /// The weight of the query words `doc` matches, and of all the query words (see
    /// [`Found::coverage`]).
    fn coverage(&self, slots: &[Slot], doc: u32) -> (f32, f32) {
        let (mut matched, mut total) = (0f32, 0f32);
        for slot in slots {
            let best = slot
                .candidates
                .iter()
                .filter(|c| self.contains(c.term, doc))
                .map(|c| c.factor)
                .fold(0f32, f32::max);
            matched += slot.weight * best;
            total += if slot.common && best == 0.0 {
                COMMON_WORD_WEIGHT * slot.weight
            } else {
                slot.weight
            };
        }
        (matched, total)
    }

    /// True when `doc` has the term in some field.
    fn contains(&self, t: TermRef, doc: u32) -> bool {
        self.term_shards
            .get(&t.shard)
            .and_then(|s| s.postings.get(t.index))
            .is_some_and(|fields| {
                fields
                    .iter()
                    .any(|list| list.binary_search_by_key(&doc, |p| p.doc).is_ok())
            })
    }

    /// How much a query word weighs in [`Found::coverage`]: the inverse document frequency of
    /// its term over all fields (its largest document frequency in any one field), capped at
    /// [`Searcher::weight_cap`]; a term absent from the dictionary weighs the cap.
    fn term_idf(&self, t: Option<TermRef>) -> f32 {
        let df = t
            .and_then(|t| {
                self.term_shards
                    .get(&t.shard)
                    .and_then(|s| s.postings.get(t.index))
            })
            .map_or(0, |fields| fields.iter().map(Vec::len).max().unwrap_or(0));
        bm25::idf(df as u64, u64::from(self.meta.num_docs)).min(self.weight_cap())
    }

    /// The most a word weighs: the idf of a word in [`DISTINCTIVE_SHARE`] of the entries.
    fn weight_cap(&self) -> f32 {
        let n = u64::from(self.meta.num_docs);
        bm25::idf((DISTINCTIVE_SHARE * n as f32) as u64, n)
    }

    // -----------------------------------------------------------------------------------------

    fn term_text(&self, t: TermRef) -> Option<&str> {
        self.term_shards
            .get(&t.shard)
            .and_then(|s| s.terms.get(t.index))
            .map(String::as_str)
    }

    fn lookup(&self, term: &str, missing: &mut Missing) -> Lookup {
        let shard = self.meta.home_shard(term);
        let Some(loaded) = self.term_shards.get(&shard) else {
            missing.insert(ShardKey::Terms(shard));
            return Lookup::Missing;
        };
        match loaded.terms.binary_search_by(|t| t.as_str().cmp(term)) {
            Ok(index) => Lookup::Found(TermRef { shard, index }),
            Err(_) => Lookup::Absent,
        }
    }

    /// Turns a query into slots of candidate terms; records shards it could not look in.
    /// `options` is `None` for the BM25 core (exact terms only).
    fn resolve(
        &self,
        query: &str,
        options: Option<&SearchOptions>,
        names: &dyn Fn(&str) -> bool,
        missing: &mut Missing,
    ) -> Vec<Slot> {
        let query = truncate_query(query);
        let tokens = self.analyzer.analyze(query);
        let open_last = options.is_some_and(|o| o.prefix)
            && query.chars().next_back().is_some_and(is_word_char);
        let fuzzy = options.is_some_and(|o| o.fuzzy);
        let mut fuzzy_words = 0;
        let mut seen: Vec<&str> = Vec::new();
        let mut slots = Vec::new();
        for (i, token) in tokens.iter().enumerate() {
            if seen.contains(&token.term.as_str()) {
                continue;
            }
            if seen.len() >= MAX_QUERY_TERMS {
                break;
            }
            seen.push(&token.term);
            let mut slot = Slot::default();
            let exact = self.lookup(&token.term, missing);
            if let Lookup::Found(t) = exact {
                slot.candidates.push(Candidate {
                    term: t,
                    factor: 1.0,
                });
            }
            if options.is_some() {
                let found = match exact {
                    Lookup::Found(t) => Some(t),
                    _ => None,
                };
                let word = query.get(token.start..token.end).unwrap_or_default();
                let asks = !token.synonym && fold_words(word).iter().all(|w| is_question_word(w));
                slot.common = !token.synonym && fold_words(word).iter().all(|w| is_common_word(w));
                let named = !token.synonym && names(word);
                slot.weight = if asks || named {
                    0.0
                } else {
                    self.term_idf(found)
                };
            }
            if options.is_some() && !token.synonym {
                let surface =
                    fold_words(query.get(token.start..token.end).unwrap_or_default()).concat();
                let letters = surface.chars().count();
                let is_open = open_last && i + 1 == tokens.len() && token.end == query.len();
                if is_open && letters >= 2 && (!matches!(exact, Lookup::Found(_)) || letters <= 3) {
                    self.expand_prefix(&surface, &mut slot, missing);
                }
                if fuzzy
                    && fuzzy_words < MAX_FUZZY_WORDS
                    && matches!(exact, Lookup::Absent)
                    && slot.candidates.is_empty()
                    && letters >= 4
                    && !surface.chars().any(|c| c.is_ascii_digit())
                {
                    fuzzy_words += 1;
                    self.expand_fuzzy(&token.term, &surface, letters, &mut slot, missing);
                }
            }
            // Words nothing matches still count in the coverage of the product search.
            if !slot.candidates.is_empty() || options.is_some() {
                slots.push(slot);
            }
        }
        slots
    }

    /// Completions of a word being typed: dictionary terms that start with it (in term
    /// order), and terms that are a stem of it (`allocatio` → `alloc`).
    fn expand_prefix(&self, word: &str, slot: &mut Slot, missing: &mut Missing) {
        let has = |slot: &Slot, t: TermRef| slot.candidates.iter().any(|c| c.term == t);
        // Stems the typed word already extends: its prefixes of at least 4 letters and half
        // its length, longest first.
        let chars: Vec<(usize, char)> = word.char_indices().collect();
        for n in (4..chars.len()).rev() {
            if 2 * n < chars.len() || slot.candidates.len() >= MAX_EXPANSIONS {
                break;
            }
            let Some(&(cut, _)) = chars.get(n) else {
                continue;
            };
            let prefix = word.get(..cut).unwrap_or_default();
            if let Lookup::Found(t) = self.lookup(prefix, missing) {
                if !has(slot, t) {
                    slot.candidates.push(Candidate {
                        term: t,
                        factor: PREFIX_FACTOR,
                    });
                }
            }
        }
        // Terms the typed word is the beginning of, in order, across shards if needed.
        let mut shard = self.meta.home_shard(word);
        let mut from_start = false;
        loop {
            let Some(loaded) = self.term_shards.get(&shard) else {
                missing.insert(ShardKey::Terms(shard));
                return;
            };
            let begin = if from_start {
                0
            } else {
                loaded.terms.partition_point(|t| t.as_str() < word)
            };
            for (index, term) in loaded.terms.iter().enumerate().skip(begin) {
                if !term.starts_with(word) || slot.candidates.len() >= MAX_EXPANSIONS {
                    return;
                }
                let t = TermRef { shard, index };
                if !has(slot, t) {
                    slot.candidates.push(Candidate {
                        term: t,
                        factor: PREFIX_FACTOR,
                    });
                }
            }
            shard += 1;
            from_start = true;
            match self.meta.shard_first_terms.get(shard as usize) {
                Some(first) if first.starts_with(word) => {}
                _ => return,
            }
        }
    }

    /// Dictionary terms within the allowed edit distance of an unknown word (or of its stem),
    /// taken from the word's home shard: the terms that sort next to it.
    fn expand_fuzzy(
        &self,
        stem: &str,
        surface: &str,
        letters: usize,
        slot: &mut Slot,
        missing: &mut Missing,
    ) {
        let max = if letters >= 8 { 2 } else { 1 };
        let shard = self.meta.home_shard(stem);
        let Some(loaded) = self.term_shards.get(&shard) else {
            missing.insert(ShardKey::Terms(shard));
            return;
        };
        let mut found: Vec<(u64, f32)> = Vec::new(); // (distance << 32 | index, unused)
        let (stem_set, surface_set) = (letter_set(stem), letter_set(surface));
        for ((index, term), &set) in loaded.terms.iter().enumerate().zip(&loaded.letter_sets) {
            let d1 = bounded_distance_sets(stem, stem_set, term, set, max);
            let d2 = bounded_distance_sets(surface, surface_set, term, set, max);
            let best = match (d1, d2) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            if let Some(d) = best.filter(|&d| d > 0) {
                found.push(((d as u64) << 32 | index as u64, 0.0));
            }
        }
        sort_keyed(&mut found);
        for (key, _) in found.into_iter().take(MAX_EXPANSIONS / 2) {
            let (d, index) = (key >> 32, (key & 0xffff_ffff) as usize);
            slot.candidates.push(Candidate {
                term: TermRef { shard, index },
                factor: if d == 1 {
                    FUZZY_FACTOR_1
                } else {
                    FUZZY_FACTOR_2
                },
            });
        }
    }

    /// The product ranking: BM25 (with prefix and typo candidates),
    /// then the best [`RERANK_DEPTH`] re-scored by their coverage ([`COVERAGE_RERANK`]).
    fn rank_product(&self, slots: &[Slot], limit: usize) -> Vec<ScoredDoc> {
        let mut ranked = self.rank(slots, limit.max(RERANK_DEPTH));
        let mut keyed: Vec<(u64, f32)> = ranked
            .drain(..)
            .map(|s| {
                let (m, t) = self.coverage(slots, s.doc);
                let c = if t > 0.0 { m / t } else { 0.0 };
                let score = s.score * (1.0 - COVERAGE_RERANK + COVERAGE_RERANK * c);
                (descending(score) << 32 | u64::from(s.doc), score)
            })
            .collect();
        sort_keyed(&mut keyed);
        keyed.truncate(limit.min(MAX_LIMIT));
        keyed
            .into_iter()
            .map(|(key, score)| ScoredDoc {
                doc: (key & 0xffff_ffff) as u32,
                score,
            })
            .collect()
    }

    /// Scores every matching document and returns the best `limit`, ties by doc address.
    fn rank(&self, slots: &[Slot], limit: usize) -> Vec<ScoredDoc> {
        let n = self.meta.num_docs as usize;
        let mut scores = vec![0f32; n];
        let mut matched = vec![false; n];
        let mut touched: Vec<u32> = Vec::new();
        let mut slot_scores = vec![0f32; n];
        let mut slot_docs: Vec<u32> = Vec::new();
        let num_docs = u64::from(self.meta.num_docs);
        for slot in slots {
            let single = slot.candidates.len() == 1;
            for candidate in &slot.candidates {
                let Some(fields) = self
                    .term_shards
                    .get(&candidate.term.shard)
                    .and_then(|s| s.postings.get(candidate.term.index))
                else {
                    continue;
                };
                // (doc << 32 | order of arrival, score): per document, fields stay in order.
                let mut cand_docs: Vec<(u64, f32)> = Vec::new();
                for ((postings, field), norms) in
                    fields.iter().zip(&self.meta.fields).zip(&self.norms)
                {
                    if postings.is_empty() {
                        continue;
                    }
                    let weight = bm25::term_weight(postings.len() as u64, num_docs, field.boost);
                    for p in postings {
                        let s = bm25::score(weight, norms, p.fieldnorm_id, p.term_freq);
                        let d = p.doc as usize;
                        if single && candidate.factor == 1.0 {
                            // The BM25 core: a flat sum, in query-term then field order.
                            if let Some(total) = scores.get_mut(d) {
                                *total += s;
                            }
                            if matched.get(d) == Some(&false) {
                                matched[d] = true;
                                touched.push(p.doc);
                            }
                        } else {
                            let seq = cand_docs.len() as u64;
                            cand_docs.push((u64::from(p.doc) << 32 | seq, s));
                        }
                    }
                }
                if cand_docs.is_empty() {
                    continue;
                }
                // Sum the candidate's fields per document, then keep the slot's best.
                sort_keyed(&mut cand_docs);
                let mut i = 0;
                while let Some(&(key, _)) = cand_docs.get(i) {
                    let doc = (key >> 32) as u32;
                    let mut sum = 0f32;
                    while let Some(&(k, s)) = cand_docs.get(i) {
                        if (k >> 32) as u32 != doc {
                            break;
                        }
                        sum += s;
                        i += 1;
                    }
                    let value = sum * candidate.factor;
                    let d = doc as usize;
                    if let Some(best) = slot_scores.get_mut(d) {
                        if *best == 0.0 {
                            slot_docs.push(doc);
                        }
                        if value > *best {
                            *best = value;
                        }
                    }
                }
            }
            for doc in slot_docs.drain(..) {
                let d = doc as usize;
                let value = std::mem::take(&mut slot_scores[d]);
                scores[d] += value;
                if !matched[d] {
                    matched[d] = true;
                    touched.push(doc);
                }
            }
        }
        // Highest score first, ties by doc address: (descending score << 32 | doc, score).
        let mut ranked: Vec<(u64, f32)> = touched
            .into_iter()
            .map(|doc| {
                let score = scores.get(doc as usize).copied().unwrap_or(0.0);
                (descending(score) << 32 | u64::from(doc), score)
            })
            .collect();
        sort_keyed(&mut ranked);
        ranked.truncate(limit.min(MAX_LIMIT));
        ranked
            .into_iter()
            .map(|(key, score)| ScoredDoc {
                doc: (key & 0xffff_ffff) as u32,
                score,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_keyed_sorts_as_std_does() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for n in [0usize, 1, 2, 3, 7, 8, 33, 100, 1000] {
            let mut v: Vec<(u64, f32)> = (0..n)
                .map(|i| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    // Small keys repeat in the high half, as scores tie; the low half is unique.
                    ((seed % 5) << 32 | i as u64, i as f32)
                })
                .collect();
            let mut want = v.clone();
            want.sort_by_key(|e| e.0);
            sort_keyed(&mut v);
            assert_eq!(v, want, "n = {n}");
        }
    }

    #[test]
    fn descending_keys_order_scores_as_total_cmp_reversed() {
        let xs = [
            f32::INFINITY,
            f32::MAX,
            18.37,
            1.0,
            f32::MIN_POSITIVE,
            1e-45,
            0.0,
            -0.0,
            -1e-45,
            -1.0,
            f32::MIN,
            f32::NEG_INFINITY,
        ];
        for a in xs {
            for b in xs {
                assert_eq!(
                    descending(a).cmp(&descending(b)),
                    b.total_cmp(&a),
                    "{a} vs {b}"
                );
            }
        }
    }

    #[test]
    fn missing_shards_stay_sorted_and_distinct() {
        let mut m = Missing::default();
        for k in [
            ShardKey::Docs(3),
            ShardKey::Terms(9),
            ShardKey::Docs(1),
            ShardKey::Terms(2),
            ShardKey::Docs(3),
        ] {
            m.insert(k);
        }
        assert_eq!(
            m.0,
            [
                ShardKey::Terms(2),
                ShardKey::Terms(9),
                ShardKey::Docs(1),
                ShardKey::Docs(3)
            ]
        );
    }
}
