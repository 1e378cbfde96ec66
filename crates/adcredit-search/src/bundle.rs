//! The bundle format: written by the indexer, read by the browser. It exists once, here.
//!
//! Every file starts with the same 33-byte header:
//!
//! | bytes | field |
//! |---|---|
//! | 4 | magic `ADCB` |
//! | 4 | [`SCHEMA_VERSION`], u32 little-endian |
//! | 1 | part kind: 0 bundle, 1 meta, 2 term shard, 3 doc shard |
//! | 8 | build hash (FNV-1a 64 of every part's payload): ties shards to their meta |
//! | 8 | payload length, u64 LE |
//! | 8 | payload checksum (FNV-1a 64), u64 LE |
//!
//! Numbers in payloads are LEB128 varints unless said otherwise; strings are a varint byte
//! length then UTF-8. Payloads are laid out in columns (like next to like) because the files
//! are served gzipped.
//!
//! - **meta**: for each field its name, boost (f32 LE), total token count (tantivy's
//!   `total_num_tokens`, so `avgdl = total / N` exactly as tantivy) and whether its postings
//!   are *derived* (below); `N`; the kind of each document, run-length coded (so the FAQ
//!   preference applies before any doc shard is fetched); the field norms, either as a table
//!   of one tantivy field-norm byte per document and field, or "with the postings"; the
//!   glossary; the first term of each term shard (front-coded); documents per doc shard.
//! - **term shard**: its index and term count; its terms in byte order, front-coded (shared
//!   prefix length, suffix); one byte per term with a bit per field it occurs in; the document
//!   frequency of each of those (term, field) lists; then all doc ids (first absolute, then
//!   gap − 1), all term frequencies, and, when the meta has no table, all field-norm bytes.
//! - **doc shard**: its index and document count, then columns: ids, titles, summaries, and
//!   texts (a text that starts with the summary and a blank line stores only the rest).
//! - **bundle** (one file): the meta payload, then every term shard payload, then every doc
//!   shard payload, each length-prefixed.
//!
//! A single-file bundle leaves out the postings of a field when analysing the shipped
//! document texts gives exactly tantivy's postings for it (the body field: its text is the
//! snippet text). [`encode`] checks that equality against the exported postings before it
//! drops them, and opening the bundle derives them again, so the numbers the scorer sees
//! are tantivy's. Sharded bundles always store every field (their texts are fetched lazily).

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::analyzer::StemCache;
use crate::codec::{fnv1a64, Fnv, Reader, Writer};
use crate::intern::{intern, TermIds};
use crate::snippet::DocTerms;
use crate::{fieldnorm_to_id, Analyzer, Error, Glossary, Synonym};

/// The first four bytes of every bundle part.
pub const MAGIC: [u8; 4] = *b"ADCB";
/// Bumped on every change of the byte layout; readers refuse other versions.
pub const SCHEMA_VERSION: u32 = 2;
/// Bytes of the header every part starts with.
pub const HEADER_LEN: usize = 33;
/// Most fields a bundle may have.
pub const MAX_FIELDS: usize = 8;

const KIND_BUNDLE: u8 = 0;
const KIND_META: u8 = 1;
const KIND_TERMS: u8 = 2;
const KIND_DOCS: u8 = 3;

fn kind_name(kind: u8) -> &'static str {
    match kind {
        KIND_BUNDLE => "bundle",
        KIND_META => "meta",
        KIND_TERMS => "term shard",
        KIND_DOCS => "doc shard",
        _ => "unknown part",
    }
}

/// What a document is: an FAQ entry or a section of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum DocKind {
    /// An FAQ entry, `faq/<slug>`.
    Faq,
    /// A section of an article, `article/<slug>#<section>`.
    Article,
}

impl DocKind {
    /// `"faq"` or `"article"`.
    pub fn as_str(self) -> &'static str {
        match self {
            DocKind::Faq => "faq",
            DocKind::Article => "article",
        }
    }
}

/// One indexed field and its statistics.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldStats {
    /// Field name, e.g. `title`.
    pub name: String,
    /// Multiplies the BM25 weight of every term matched in this field.
    pub boost: f32,
    /// Tokens in this field over all documents (tantivy's `total_num_tokens`); divided by
    /// `N` it is the average field length of BM25.
    pub total_tokens: u64,
}

/// One document containing a term in a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    /// Document address (tantivy's doc id in the single segment).
    pub doc: u32,
    /// Occurrences of the term in the field of that document (at least 1).
    pub term_freq: u32,
    /// tantivy's one-byte field-norm code of that field in that document.
    pub fieldnorm_id: u8,
}

/// A term of the dictionary and its postings in each field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermPostings {
    /// The analysed term.
    pub term: String,
    /// One postings list per field, in field order, sorted by doc.
    pub fields: Vec<Vec<Posting>>,
}

/// What the browser shows for a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocRecord {
    /// Content id, e.g. `faq/move-after-allocation`.
    pub id: String,
    /// FAQ entry or article section.
    pub kind: DocKind,
    /// Display title.
    pub title: String,
    /// The direct answer (FAQ) or the article summary.
    pub summary: String,
    /// Plain text that snippets are cut from.
    pub text: String,
}

/// Everything a bundle holds, decoded: what the indexer encodes and [`decode`] returns.
#[derive(Debug, Clone, PartialEq)]
pub struct BundleData {
    /// The analyzer configuration.
    pub glossary: Glossary,
    /// Indexed fields with boosts and token totals.
    pub fields: Vec<FieldStats>,
    /// Number of documents, `N` of BM25.
    pub num_docs: u32,
    /// The term dictionary in byte order, with postings.
    pub terms: Vec<TermPostings>,
    /// Documents in doc-address order (`docs[i]` is doc `i`).
    pub docs: Vec<DocRecord>,
}

/// How to split a bundle into shards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShardPlan {
    /// A term shard is closed once its payload reaches this many bytes (a single term with a
    /// longer postings list gets a shard of its own).
    pub term_shard_bytes: usize,
    /// Documents per doc shard (the last one may hold fewer).
    pub docs_per_shard: u32,
    /// Store each document's field norms once, in the meta (small corpora: fewer bytes),
    /// rather than with every posting (big corpora: the meta stays small).
    pub fieldnorms_in_meta: bool,
}

impl Default for ShardPlan {
    fn default() -> Self {
        ShardPlan {
            term_shard_bytes: 16 * 1024,
            docs_per_shard: 2,
            fieldnorms_in_meta: false,
        }
    }
}

/// Names a shard of a sharded bundle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "kind", content = "index", rename_all = "lowercase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum ShardKey {
    /// A range of the term dictionary with its postings.
    Terms(u32),
    /// A range of documents with their display text.
    Docs(u32),
}

impl ShardKey {
    /// The shard's path relative to the meta file: `t/<n>.bin` or `d/<n>.bin`.
    pub fn path(&self) -> String {
        match self {
            ShardKey::Terms(n) => format!("t/{n}.bin"),
            ShardKey::Docs(n) => format!("d/{n}.bin"),
        }
    }
}

/// A bundle split into a small meta part and shards fetched on demand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShardedBundle {
    /// The meta part: read it with [`Searcher::from_meta`](crate::Searcher::from_meta).
    pub meta: Vec<u8>,
    /// Every shard with its key, term shards first.
    pub shards: Vec<(ShardKey, Vec<u8>)>,
}

/// The meta part, decoded.
#[derive(Debug, Clone)]
pub(crate) struct Meta {
    pub(crate) build: u64,
    pub(crate) glossary: Glossary,
    pub(crate) fields: Vec<FieldStats>,
    pub(crate) num_docs: u32,
    /// `(first doc, kind)` of each run of documents of one kind.
    pub(crate) kind_runs: Vec<(u32, DocKind)>,
    /// `fieldnorms[doc * fields + field]` when the meta holds them (else with the postings).
    pub(crate) fieldnorms: Option<Vec<u8>>,
    /// Fields whose postings are derived from the document texts when a single-file bundle
    /// is opened, rather than stored.
    pub(crate) derived: Vec<bool>,
    /// First term of each term shard; never empty.
    pub(crate) shard_first_terms: Vec<String>,
    pub(crate) docs_per_shard: u32,
}

impl Meta {
    pub(crate) fn kind(&self, doc: u32) -> DocKind {
        let n = self.kind_runs.partition_point(|&(start, _)| start <= doc);
        n.checked_sub(1)
            .and_then(|i| self.kind_runs.get(i))
            .map_or(DocKind::Article, |&(_, kind)| kind)
    }

    pub(crate) fn num_doc_shards(&self) -> u32 {
        self.num_docs.div_ceil(self.docs_per_shard.max(1))
    }

    pub(crate) fn doc_shard_len(&self, shard: u32) -> u32 {
        let start = shard.saturating_mul(self.docs_per_shard);
        self.num_docs.saturating_sub(start).min(self.docs_per_shard)
    }

    /// The term shard a term belongs in (the last shard whose first term is <= term).
    pub(crate) fn home_shard(&self, term: &str) -> u32 {
        let n = self
            .shard_first_terms
            .partition_point(|first| first.as_str() <= term);
        n.saturating_sub(1) as u32
    }
}

/// A decoded term shard.
#[derive(Debug, Clone)]
pub(crate) struct TermShard {
    pub(crate) terms: Vec<String>,
    /// `postings[term][field]`.
    pub(crate) postings: Vec<Vec<Vec<Posting>>>,
}

// ---------------------------------------------------------------------------------------------
// Encoding

fn kind_code(kind: DocKind) -> u8 {
    match kind {
        DocKind::Faq => 0,
        DocKind::Article => 1,
    }
}

/// Encodes the single-file bundle: one term shard and one doc shard inside one file.
pub fn encode(data: &BundleData) -> Result<Vec<u8>, Error> {
    let plan = ShardPlan {
        term_shard_bytes: usize::MAX,
        docs_per_shard: data.num_docs.max(1),
        fieldnorms_in_meta: true,
    };
    let parts = encode_parts(data, &plan, true)?;
    Ok(assemble(&parts))
}

/// Lays the parts out as one single-file bundle.
fn assemble(parts: &Parts) -> Vec<u8> {
    let mut payload = Writer::default();
    payload.bytes(&parts.meta);
    payload.usize(parts.term_shards.len());
    for shard in &parts.term_shards {
        payload.bytes(shard);
    }
    payload.usize(parts.doc_shards.len());
    for shard in &parts.doc_shards {
        payload.bytes(shard);
    }
    with_header(KIND_BUNDLE, parts.build, &payload.buf)
}

/// Encodes a sharded bundle: a meta part, term shards grouped by term range (so a query and
/// its prefix expansion touch few shards) and doc shards by document range.
pub fn encode_sharded(data: &BundleData, plan: &ShardPlan) -> Result<ShardedBundle, Error> {
    let parts = encode_parts(data, plan, false)?;
    let mut shards = Vec::with_capacity(parts.term_shards.len() + parts.doc_shards.len());
    for (i, shard) in parts.term_shards.iter().enumerate() {
        shards.push((
            ShardKey::Terms(i as u32),
            with_header(KIND_TERMS, parts.build, shard),
        ));
    }
    for (i, shard) in parts.doc_shards.iter().enumerate() {
        shards.push((
            ShardKey::Docs(i as u32),
            with_header(KIND_DOCS, parts.build, shard),
        ));
    }
    Ok(ShardedBundle {
        meta: with_header(KIND_META, parts.build, &parts.meta),
        shards,
    })
}

struct Parts {
    build: u64,
    meta: Vec<u8>,
    term_shards: Vec<Vec<u8>>,
    doc_shards: Vec<Vec<u8>>,
}

fn with_header(kind: u8, build: u64, payload: &[u8]) -> Vec<u8> {
    let mut w = Writer::default();
    w.buf.reserve(HEADER_LEN + payload.len());
    w.buf.extend_from_slice(&MAGIC);
    w.u32_le(SCHEMA_VERSION);
    w.u8(kind);
    w.u64_le(build);
    w.u64_le(payload.len() as u64);
    w.u64_le(fnv1a64(payload));
    w.buf.extend_from_slice(payload);
    w.buf
}

fn build_hash<'a>(parts: impl Iterator<Item = &'a [u8]>) -> u64 {
    let mut h = Fnv::new();
    for part in parts {
        h.update(&(part.len() as u64).to_le_bytes());
        h.update(part);
    }
    h.finish()
}

fn invalid(message: impl Into<String>) -> Error {
    Error::InvalidData(message.into())
}

fn check_data(data: &BundleData, plan: &ShardPlan) -> Result<(), Error> {
    if data.fields.is_empty() || data.fields.len() > MAX_FIELDS {
        return Err(invalid(format!(
            "{} fields (1 to 8 allowed)",
            data.fields.len()
        )));
    }
    if let Some(f) = data
        .fields
        .iter()
        .find(|f| !f.boost.is_finite() || f.boost <= 0.0)
    {
        return Err(invalid(format!("field {} has boost {}", f.name, f.boost)));
    }
    if data.docs.len() != data.num_docs as usize {
        return Err(invalid(format!(
            "num_docs is {} but {} documents are given",
            data.num_docs,
            data.docs.len()
        )));
    }
    if plan.docs_per_shard == 0 {
        return Err(invalid("docs_per_shard is 0"));
    }
    for pair in data.terms.windows(2) {
        if let [a, b] = pair {
            if a.term.as_bytes() >= b.term.as_bytes() {
                return Err(invalid(format!(
                    "terms not strictly sorted: {:?} then {:?}",
                    a.term, b.term
                )));
            }
        }
    }
    for t in &data.terms {
        if t.fields.len() != data.fields.len() {
            return Err(invalid(format!(
                "term {:?} has the wrong field count",
                t.term
            )));
        }
        for postings in &t.fields {
            let mut previous: Option<u32> = None;
            for p in postings {
                if p.doc >= data.num_docs
                    || previous.is_some_and(|d| p.doc <= d)
                    || p.term_freq == 0
                {
                    return Err(invalid(format!("bad postings for term {:?}", t.term)));
                }
                previous = Some(p.doc);
            }
        }
    }
    Ok(())
}

/// The one-byte field norm of each (doc, field), taken from the postings; `None` when two
/// postings disagree.
fn fieldnorm_table(data: &BundleData) -> Option<Vec<u8>> {
    let nf = data.fields.len();
    let mut table = vec![0u8; data.num_docs as usize * nf];
    let mut set = vec![false; table.len()];
    for t in &data.terms {
        for (f, postings) in t.fields.iter().enumerate() {
            for p in postings {
                let i = p.doc as usize * nf + f;
                if *set.get(i)? && table.get(i) != Some(&p.fieldnorm_id) {
                    return None;
                }
                *table.get_mut(i)? = p.fieldnorm_id;
                *set.get_mut(i)? = true;
            }
        }
    }
    Some(table)
}

/// Writes one term shard: index, count, the front-coded terms, then columns (document
/// frequencies, doc gaps, term frequencies and, when not in the meta, field norms) so that
/// gzip sees like next to like.
fn write_term_shard(index: usize, terms: &[TermPostings], inline_norms: bool) -> Vec<u8> {
    let mut w = Writer::default();
    w.usize(index);
    w.usize(terms.len());
    let mut previous = "";
    for t in terms {
        let shared = common_prefix(previous, &t.term);
        w.usize(shared);
        w.bytes(t.term.as_bytes().get(shared..).unwrap_or_default());
        previous = &t.term;
    }
    let postings = || terms.iter().flat_map(|t| &t.fields);
    // Which fields each term occurs in (a bit per field), then the non-zero frequencies.
    for t in terms {
        let mask = t
            .fields
            .iter()
            .enumerate()
            .filter(|(_, l)| !l.is_empty())
            .fold(0u8, |m, (f, _)| m | (1 << f));
        w.u8(mask);
    }
    for list in postings().filter(|l| !l.is_empty()) {
        w.usize(list.len());
    }
    for list in postings() {
        let mut last: Option<u32> = None;
        for p in list {
            w.varint(u64::from(match last {
                None => p.doc,
                Some(d) => p.doc - d - 1,
            }));
            last = Some(p.doc);
        }
    }
    for p in postings().flatten() {
        w.varint(u64::from(p.term_freq));
    }
    if inline_norms {
        for p in postings().flatten() {
            w.u8(p.fieldnorm_id);
        }
    }
    w.buf
}

/// Approximate encoded size of one term's entry, for cutting shards.
fn entry_size(t: &TermPostings, inline_norms: bool) -> usize {
    let per_posting = if inline_norms { 4 } else { 3 };
    2 + t.term.len()
        + t.fields
            .iter()
            .map(|l| 1 + per_posting * l.len())
            .sum::<usize>()
}

/// Which fields hold exactly the postings that analysing the document texts gives: those
/// are not stored in a single-file bundle but derived again when it is opened.
fn derivable_fields(data: &BundleData) -> Vec<bool> {
    let TextPostings {
        postings: derived,
        total,
        ..
    } = text_postings(&Analyzer::new(&data.glossary), &data.docs);
    (0..data.fields.len())
        .map(|f| {
            // Both in byte order of the terms (check_data holds the dictionary to it).
            let stored: Vec<(&str, &Vec<Posting>)> = data
                .terms
                .iter()
                .filter_map(|t| {
                    t.fields
                        .get(f)
                        .filter(|l| !l.is_empty())
                        .map(|l| (t.term.as_str(), l))
                })
                .collect();
            data.fields.get(f).is_some_and(|s| s.total_tokens == total)
                && stored.len() == derived.len()
                && stored
                    .iter()
                    .zip(&derived)
                    .all(|((term, list), (t, l))| term == t && *list == l)
        })
        .collect()
}

/// The document texts analysed as one field.
pub(crate) struct TextPostings {
    /// Postings by term, sorted by term.
    pub(crate) postings: Vec<(String, Vec<Posting>)>,
    /// Total token count.
    pub(crate) total: u64,
    /// Each document's analysis (kept by the searcher for snippets: a text is analysed once).
    pub(crate) docs: Vec<DocTerms>,
}

/// Analyses the document texts as one field.
pub(crate) fn text_postings(analyzer: &Analyzer, docs: &[DocRecord]) -> TextPostings {
    let mut ids = TermIds::new();
    let mut lists: Vec<Vec<Posting>> = Vec::new();
    let mut total = 0u64;
    let mut analysed = Vec::with_capacity(docs.len());
    let mut stems = StemCache::default();
    for (doc, record) in docs.iter().enumerate() {
        let terms = DocTerms::with_cache(analyzer, &record.text, &mut stems);
        total += terms.len() as u64;
        let fieldnorm_id = fieldnorm_to_id(u32::try_from(terms.len()).unwrap_or(u32::MAX));
        for (term, term_freq) in terms.term_freqs() {
            let id = intern(&mut ids, &mut lists, term, Vec::new);
            if let Some(list) = lists.get_mut(id) {
                list.push(Posting {
                    doc: doc as u32,
                    term_freq,
                    fieldnorm_id,
                });
            }
        }
        analysed.push(terms);
    }
    let sorted = ids
        .into_iter()
        .map(|(term, id)| {
            let list = lists.get_mut(id as usize).map(std::mem::take);
            (term, list.unwrap_or_default())
        })
        .collect();
    TextPostings {
        postings: sorted,
        total,
        docs: analysed,
    }
}

fn encode_parts(data: &BundleData, plan: &ShardPlan, single: bool) -> Result<Parts, Error> {
    check_data(data, plan)?;
    let table = if plan.fieldnorms_in_meta {
        Some(
            fieldnorm_table(data)
                .ok_or_else(|| invalid("postings disagree on the field norm of a document"))?,
        )
    } else {
        None
    };
    let inline_norms = table.is_none();
    let derived = if single && table.is_some() {
        derivable_fields(data)
    } else {
        vec![false; data.fields.len()]
    };
    let terms: Cow<'_, [TermPostings]> = if derived.contains(&true) {
        Cow::Owned(
            data.terms
                .iter()
                .map(|t| TermPostings {
                    term: t.term.clone(),
                    fields: t
                        .fields
                        .iter()
                        .zip(&derived)
                        .map(|(l, d)| if *d { Vec::new() } else { l.clone() })
                        .collect(),
                })
                .filter(|t| t.fields.iter().any(|l| !l.is_empty()))
                .collect(),
        )
    } else {
        Cow::Borrowed(&data.terms)
    };

    // Term shards: contiguous term ranges closed at the byte target.
    let mut ranges: Vec<&[TermPostings]> = Vec::new();
    let mut begin = 0usize;
    let mut size = 0usize;
    for (i, t) in terms.iter().enumerate() {
        size += entry_size(t, inline_norms);
        if size >= plan.term_shard_bytes {
            ranges.push(terms.get(begin..=i).unwrap_or_default());
            begin = i + 1;
            size = 0;
        }
    }
    if begin < terms.len() || ranges.is_empty() {
        ranges.push(terms.get(begin..).unwrap_or_default());
    }
    let term_shards: Vec<Vec<u8>> = ranges
        .iter()
        .enumerate()
        .map(|(i, terms)| write_term_shard(i, terms, inline_norms))
        .collect();
    let first_terms: Vec<&str> = ranges
        .iter()
        .map(|r| r.first().map_or("", |t| t.term.as_str()))
        .collect();

    // Doc shards: fixed-size document ranges, in columns. A text that starts with the
    // summary (FAQ entries) stores only what follows it.
    let mut doc_shards = Vec::new();
    for (i, chunk) in data.docs.chunks(plan.docs_per_shard as usize).enumerate() {
        let mut w = Writer::default();
        w.usize(i);
        w.usize(chunk.len());
        for d in chunk {
            w.str(&d.id);
        }
        for d in chunk {
            w.str(&d.title);
        }
        for d in chunk {
            w.str(&d.summary);
        }
        for d in chunk {
            match summary_rest(d) {
                Some(rest) => {
                    w.u8(1);
                    w.str(rest);
                }
                None => {
                    w.u8(0);
                    w.str(&d.text);
                }
            }
        }
        doc_shards.push(w.buf);
    }

    // Meta.
    let mut m = Writer::default();
    m.usize(data.fields.len());
    for (f, d) in data.fields.iter().zip(&derived) {
        m.str(&f.name);
        m.f32_le(f.boost);
        m.varint(f.total_tokens);
        m.u8(u8::from(*d));
    }
    m.varint(u64::from(data.num_docs));
    let mut runs: Vec<(DocKind, u32)> = Vec::new();
    for d in &data.docs {
        match runs.last_mut() {
            Some((kind, len)) if *kind == d.kind => *len += 1,
            _ => runs.push((d.kind, 1)),
        }
    }
    m.usize(runs.len());
    for (kind, len) in runs {
        m.u8(kind_code(kind));
        m.varint(u64::from(len));
    }
    match &table {
        Some(table) => {
            m.u8(1);
            m.buf.extend_from_slice(table);
        }
        None => m.u8(0),
    }
    m.usize(data.glossary.synonyms.len());
    for s in &data.glossary.synonyms {
        m.str(&s.canonical);
        m.usize(s.variants.len());
        for v in &s.variants {
            m.str(v);
        }
    }
    m.usize(first_terms.len());
    let mut previous = "";
    for first in &first_terms {
        let shared = common_prefix(previous, first);
        m.usize(shared);
        m.bytes(first.as_bytes().get(shared..).unwrap_or_default());
        previous = first;
    }
    m.varint(u64::from(plan.docs_per_shard));

    let build = build_hash(
        std::iter::once(m.buf.as_slice())
            .chain(term_shards.iter().map(Vec::as_slice))
            .chain(doc_shards.iter().map(Vec::as_slice)),
    );
    Ok(Parts {
        build,
        meta: m.buf,
        term_shards,
        doc_shards,
    })
}

/// The part of a document's text after its summary and a blank line, if it starts so.
fn summary_rest(d: &DocRecord) -> Option<&str> {
    if d.summary.is_empty() {
        return None;
    }
    d.text
        .strip_prefix(d.summary.as_str())?
        .strip_prefix("\n\n")
}

/// Length in bytes of the common prefix, at a character boundary.
fn common_prefix(a: &str, b: &str) -> usize {
    let mut n = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    while n > 0 && !b.is_char_boundary(n) {
        n -= 1;
    }
    n
}

// ---------------------------------------------------------------------------------------------
// Decoding

/// Checks the header of a part and returns its build hash and payload.
pub(crate) fn open_part(bytes: &[u8], expected: u8) -> Result<(u64, &[u8]), Error> {
    let magic_len = bytes.len().min(MAGIC.len());
    if bytes.get(..magic_len) != MAGIC.get(..magic_len) {
        return Err(Error::BadMagic);
    }
    if bytes.len() < HEADER_LEN {
        return Err(Error::Truncated("header"));
    }
    let mut r = Reader::new(bytes);
    r.take(MAGIC.len())?;
    let version = r.u32_le()?;
    if version != SCHEMA_VERSION {
        return Err(Error::UnsupportedVersion {
            found: version,
            expected: SCHEMA_VERSION,
        });
    }
    let kind = r.u8()?;
    if kind > KIND_DOCS {
        return Err(Error::Malformed("unknown part kind"));
    }
    if kind != expected {
        return Err(Error::WrongKind {
            expected: kind_name(expected),
            found: kind_name(kind),
        });
    }
    let build = r.u64_le()?;
    let declared = r.u64_le()?;
    let checksum = r.u64_le()?;
    let actual = r.remaining() as u64;
    if actual < declared {
        return Err(Error::Truncated("payload shorter than declared"));
    }
    if actual > declared {
        return Err(Error::Malformed("bytes after the payload"));
    }
    let payload = r.take(r.remaining())?;
    if fnv1a64(payload) != checksum {
        return Err(Error::ChecksumMismatch);
    }
    Ok((build, payload))
}

fn read_front_coded(r: &mut Reader<'_>, previous: &str) -> Result<String, Error> {
    let shared = r.count(0)?;
    let prefix = previous.as_bytes().get(..shared).ok_or(Error::Malformed(
        "front-coded prefix longer than the previous term",
    ))?;
    let suffix = r.bytes()?;
    let mut bytes = Vec::with_capacity(prefix.len() + suffix.len());
    bytes.extend_from_slice(prefix);
    bytes.extend_from_slice(suffix);
    String::from_utf8(bytes).map_err(|_| Error::Malformed("term is not UTF-8"))
}

pub(crate) fn parse_meta(build: u64, payload: &[u8]) -> Result<Meta, Error> {
    let mut r = Reader::new(payload);
    let num_fields = r.count(7)?;
    if num_fields == 0 || num_fields > MAX_FIELDS {
        return Err(Error::Malformed("field count out of range"));
    }
    let mut fields = Vec::with_capacity(num_fields);
    let mut derived = Vec::with_capacity(num_fields);
    for _ in 0..num_fields {
        let name = r.str()?.to_owned();
        let boost = r.f32_le()?;
        if !boost.is_finite() || boost <= 0.0 {
            return Err(Error::Malformed("field boost not a positive number"));
        }
        let total_tokens = r.varint()?;
        derived.push(match r.u8()? {
            0 => false,
            1 => true,
            _ => return Err(Error::Malformed("unknown field storage")),
        });
        fields.push(FieldStats {
            name,
            boost,
            total_tokens,
        });
    }
    let num_docs = r.u32v()?;
    let num_runs = r.count(2)?;
    let mut kind_runs = Vec::with_capacity(num_runs);
    let mut start = 0u32;
    for _ in 0..num_runs {
        let kind = match r.u8()? {
            0 => DocKind::Faq,
            1 => DocKind::Article,
            _ => return Err(Error::Malformed("unknown document kind")),
        };
        let len = r.u32v()?;
        if len == 0 {
            return Err(Error::Malformed("empty run of document kinds"));
        }
        kind_runs.push((start, kind));
        start = start
            .checked_add(len)
            .filter(|&s| s <= num_docs)
            .ok_or(Error::Malformed("document kinds exceed N"))?;
    }
    if start != num_docs {
        return Err(Error::Malformed("document kinds do not cover N"));
    }
    let fieldnorms = match r.u8()? {
        0 => None,
        1 => {
            let len = (num_docs as usize)
                .checked_mul(num_fields)
                .ok_or(Error::Malformed("field norm table too large"))?;
            Some(r.take(len)?.to_vec())
        }
        _ => return Err(Error::Malformed("unknown field norm mode")),
    };
    let num_synonyms = r.count(2)?;
    let mut synonyms = Vec::with_capacity(num_synonyms);
    for _ in 0..num_synonyms {
        let canonical = r.str()?.to_owned();
        let n = r.count(1)?;
        let mut variants = Vec::with_capacity(n);
        for _ in 0..n {
            variants.push(r.str()?.to_owned());
        }
        synonyms.push(Synonym {
            canonical,
            variants,
        });
    }
    let num_shards = r.count(2)?;
    if num_shards == 0 {
        return Err(Error::Malformed("no term shard"));
    }
    let mut shard_first_terms: Vec<String> = Vec::with_capacity(num_shards);
    for i in 0..num_shards {
        let previous = shard_first_terms.last().map_or("", String::as_str);
        let term = read_front_coded(&mut r, previous)?;
        if i > 0 && term.as_bytes() <= previous.as_bytes() {
            return Err(Error::Malformed("term shards not in term order"));
        }
        shard_first_terms.push(term);
    }
    let docs_per_shard = r.u32v()?;
    if docs_per_shard == 0 {
        return Err(Error::Malformed("zero documents per shard"));
    }
    r.finish()?;
    Ok(Meta {
        build,
        glossary: Glossary { synonyms },
        fields,
        num_docs,
        kind_runs,
        fieldnorms,
        derived,
        shard_first_terms,
        docs_per_shard,
    })
}

pub(crate) fn parse_term_shard(
    meta: &Meta,
    index: u32,
    payload: &[u8],
) -> Result<TermShard, Error> {
    let mut r = Reader::new(payload);
    if r.u32v()? != index {
        return Err(Error::ShardMismatch(
            "term shard index differs from its key",
        ));
    }
    let first = meta
        .shard_first_terms
        .get(index as usize)
        .ok_or(Error::ShardMismatch("no such term shard"))?;
    let next = meta.shard_first_terms.get(index as usize + 1);
    let num_fields = meta.fields.len();
    let count = r.count(2 + num_fields)?;
    if count == 0 && !first.is_empty() {
        return Err(Error::ShardMismatch("empty shard with a first term"));
    }
    let mut terms: Vec<String> = Vec::with_capacity(count);
    for i in 0..count {
        let previous = terms.last().map_or("", String::as_str);
        let term = read_front_coded(&mut r, previous)?;
        if i == 0 && term != *first {
            return Err(Error::ShardMismatch("first term differs from the meta"));
        }
        if i > 0 && term.as_bytes() <= previous.as_bytes() {
            return Err(Error::Malformed("terms not in order"));
        }
        if next.is_some_and(|n| term.as_bytes() >= n.as_bytes()) {
            return Err(Error::Malformed("term beyond its shard"));
        }
        terms.push(term);
    }
    // Field masks and document frequencies, then the posting columns.
    let masks = r.take(count)?;
    let lists = count * num_fields;
    let mut dfs = Vec::with_capacity(lists);
    let mut total = 0usize;
    let derived_mask =
        meta.derived
            .iter()
            .enumerate()
            .fold(0u32, |m, (f, d)| if *d { m | (1 << f) } else { m });
    for &mask in masks {
        if u32::from(mask) >= 1u32 << num_fields || u32::from(mask) & derived_mask != 0 {
            return Err(Error::Malformed(
                "field mask names an unknown or derived field",
            ));
        }
        for field in 0..num_fields {
            if mask & (1 << field) == 0 {
                dfs.push(0);
                continue;
            }
            let df = r.count(0)?;
            if df == 0 || df > meta.num_docs as usize {
                return Err(Error::Malformed("document frequency out of range"));
            }
            total = total.saturating_add(df);
            dfs.push(df);
        }
    }
    let per_posting = if meta.fieldnorms.is_some() { 2 } else { 3 };
    if total.saturating_mul(per_posting) > r.remaining() {
        return Err(Error::Truncated("postings larger than the data left"));
    }
    let mut docs = Vec::with_capacity(total);
    for &df in &dfs {
        let mut last: Option<u32> = None;
        for _ in 0..df {
            let gap = r.u32v()?;
            let doc = match last {
                None => Some(gap),
                Some(d) => d.checked_add(gap).and_then(|x| x.checked_add(1)),
            }
            .filter(|&d| d < meta.num_docs)
            .ok_or(Error::Malformed("doc id out of range"))?;
            docs.push(doc);
            last = Some(doc);
        }
    }
    let mut tfs = Vec::with_capacity(total);
    for _ in 0..total {
        let tf = r.u32v()?;
        if tf == 0 {
            return Err(Error::Malformed("zero term frequency"));
        }
        tfs.push(tf);
    }
    let inline = match meta.fieldnorms {
        Some(_) => None,
        None => Some(r.take(total)?),
    };
    r.finish()?;
    let mut postings = Vec::with_capacity(count);
    let mut k = 0usize;
    let mut dfs = dfs.into_iter();
    for _ in 0..count {
        let mut per_field = Vec::with_capacity(num_fields);
        for field in 0..num_fields {
            let df = dfs.next().unwrap_or(0);
            let mut list = Vec::with_capacity(df);
            for _ in 0..df {
                let doc = docs.get(k).copied().unwrap_or(0);
                let fieldnorm_id = match (inline, &meta.fieldnorms) {
                    (Some(norms), _) => norms.get(k).copied(),
                    (None, Some(table)) => table.get(doc as usize * num_fields + field).copied(),
                    (None, None) => None,
                }
                .unwrap_or(0);
                list.push(Posting {
                    doc,
                    term_freq: tfs.get(k).copied().unwrap_or(1),
                    fieldnorm_id,
                });
                k += 1;
            }
            per_field.push(list);
        }
        postings.push(per_field);
    }
    Ok(TermShard { terms, postings })
}

pub(crate) fn parse_doc_shard(
    meta: &Meta,
    index: u32,
    payload: &[u8],
) -> Result<Vec<DocRecord>, Error> {
    let mut r = Reader::new(payload);
    if r.u32v()? != index {
        return Err(Error::ShardMismatch("doc shard index differs from its key"));
    }
    if index >= meta.num_doc_shards() {
        return Err(Error::ShardMismatch("no such doc shard"));
    }
    let count = r.count(5)?;
    if count != meta.doc_shard_len(index) as usize {
        return Err(Error::Malformed(
            "doc shard holds the wrong number of documents",
        ));
    }
    let mut columns: [Vec<&str>; 3] = Default::default();
    for column in &mut columns {
        column.reserve(count);
        for _ in 0..count {
            column.push(r.str()?);
        }
    }
    let [ids, titles, summaries] = columns;
    let first_doc = index.saturating_mul(meta.docs_per_shard);
    let mut docs = Vec::with_capacity(count);
    for (i, ((id, title), summary)) in ids.into_iter().zip(titles).zip(summaries).enumerate() {
        let text = match r.u8()? {
            0 => r.str()?.to_owned(),
            1 => [summary, "\n\n", r.str()?].concat(),
            _ => return Err(Error::Malformed("unknown text mode")),
        };
        docs.push(DocRecord {
            id: id.to_owned(),
            kind: meta.kind(first_doc.saturating_add(i as u32)),
            title: title.to_owned(),
            summary: summary.to_owned(),
            text,
        });
    }
    r.finish()?;
    Ok(docs)
}

/// A single-file bundle split into its decoded parts.
pub(crate) struct Decoded {
    pub(crate) meta: Meta,
    pub(crate) term_shards: Vec<TermShard>,
    pub(crate) doc_shards: Vec<Vec<DocRecord>>,
    /// Each document's analysis, in document order, when opening the bundle analysed the
    /// texts anyway (derived fields); else empty.
    pub(crate) doc_terms: Vec<DocTerms>,
}

pub(crate) fn parse_bundle(bytes: &[u8]) -> Result<Decoded, Error> {
    let (build, payload) = open_part(bytes, KIND_BUNDLE)?;
    let mut r = Reader::new(payload);
    let meta_payload = r.bytes()?;
    let meta = parse_meta(build, meta_payload)?;
    let n_terms = r.count(1)?;
    if n_terms != meta.shard_first_terms.len() {
        return Err(Error::Malformed("term shard count differs from the meta"));
    }
    let mut term_payloads = Vec::with_capacity(n_terms);
    for _ in 0..n_terms {
        term_payloads.push(r.bytes()?);
    }
    let n_docs = r.count(1)?;
    if n_docs != meta.num_doc_shards() as usize {
        return Err(Error::Malformed("doc shard count differs from the meta"));
    }
    let mut doc_payloads = Vec::with_capacity(n_docs);
    for _ in 0..n_docs {
        doc_payloads.push(r.bytes()?);
    }
    r.finish()?;
    let parts = std::iter::once(meta_payload)
        .chain(term_payloads.iter().copied())
        .chain(doc_payloads.iter().copied());
    if build_hash(parts) != build {
        return Err(Error::Malformed("build hash does not match the parts"));
    }
    let mut term_shards = Vec::with_capacity(n_terms);
    for (i, p) in term_payloads.iter().enumerate() {
        term_shards.push(parse_term_shard(&meta, i as u32, p)?);
    }
    let mut doc_shards = Vec::with_capacity(n_docs);
    for (i, p) in doc_payloads.iter().enumerate() {
        doc_shards.push(parse_doc_shard(&meta, i as u32, p)?);
    }
    let mut doc_terms = Vec::new();
    if meta.derived.contains(&true) {
        let docs: Vec<DocRecord> = doc_shards.iter().flatten().cloned().collect();
        let shard = match term_shards.as_mut_slice() {
            [shard] => shard,
            _ => {
                return Err(Error::Malformed(
                    "derived postings need a single term shard",
                ))
            }
        };
        doc_terms = derive_fields(&meta, &docs, shard)?;
    }
    Ok(Decoded {
        meta,
        term_shards,
        doc_shards,
        doc_terms,
    })
}

/// Adds the postings of derived fields, analysed from the document texts, to the shard;
/// returns each document's analysis.
fn derive_fields(
    meta: &Meta,
    docs: &[DocRecord],
    shard: &mut TermShard,
) -> Result<Vec<DocTerms>, Error> {
    let TextPostings {
        postings: derived,
        total,
        docs: analysed,
    } = text_postings(&Analyzer::new(&meta.glossary), docs);
    let num_fields = meta.fields.len();
    if let Some(table) = &meta.fieldnorms {
        for p in derived.iter().flat_map(|(_, list)| list) {
            for f in (0..num_fields).filter(|&f| meta.derived.get(f) == Some(&true)) {
                if table.get(p.doc as usize * num_fields + f) != Some(&p.fieldnorm_id) {
                    return Err(Error::Malformed("derived field norms differ from the meta"));
                }
            }
        }
    }
    let mut ids = TermIds::new();
    let mut lists: Vec<Vec<Vec<Posting>>> = Vec::new();
    for (term, postings) in std::mem::take(&mut shard.terms)
        .into_iter()
        .zip(std::mem::take(&mut shard.postings))
    {
        ids.insert(term, lists.len() as u32);
        lists.push(postings);
    }
    for (f, field) in meta.fields.iter().enumerate() {
        if meta.derived.get(f) != Some(&true) {
            continue;
        }
        if field.total_tokens != total {
            return Err(Error::Malformed(
                "derived token total differs from the meta",
            ));
        }
        for (term, list) in &derived {
            let id = intern(&mut ids, &mut lists, term, || vec![Vec::new(); num_fields]);
            if let Some(slot) = lists.get_mut(id).and_then(|e| e.get_mut(f)) {
                slot.clone_from(list);
            }
        }
    }
    for (term, id) in ids {
        if let Some(postings) = lists.get_mut(id as usize) {
            shard.terms.push(term);
            shard.postings.push(std::mem::take(postings));
        }
    }
    Ok(analysed)
}

pub(crate) fn open_meta(bytes: &[u8]) -> Result<Meta, Error> {
    let (build, payload) = open_part(bytes, KIND_META)?;
    parse_meta(build, payload)
}

/// Opens a shard file: checks its header against the meta and the key, and decodes it.
pub(crate) enum OpenedShard {
    Terms(TermShard),
    Docs(Vec<DocRecord>),
}

pub(crate) fn open_shard(meta: &Meta, key: ShardKey, bytes: &[u8]) -> Result<OpenedShard, Error> {
    let (expected, index) = match key {
        ShardKey::Terms(i) => (KIND_TERMS, i),
        ShardKey::Docs(i) => (KIND_DOCS, i),
    };
    let (build, payload) = open_part(bytes, expected)?;
    if build != meta.build {
        return Err(Error::ShardMismatch("shard belongs to another build"));
    }
    Ok(match key {
        ShardKey::Terms(_) => OpenedShard::Terms(parse_term_shard(meta, index, payload)?),
        ShardKey::Docs(_) => OpenedShard::Docs(parse_doc_shard(meta, index, payload)?),
    })
}

/// Decodes a single-file bundle, validating every byte of it.
///
/// Truncated input, a bad magic, another schema version and corrupted bytes each give their
/// own [`Error`] variant; no input makes it panic or allocate more than a small multiple of
/// the input's size.
pub fn decode(bytes: &[u8]) -> Result<BundleData, Error> {
    let Decoded {
        meta,
        term_shards,
        doc_shards,
        ..
    } = parse_bundle(bytes)?;
    let mut terms = Vec::new();
    for shard in term_shards {
        for (term, fields) in shard.terms.into_iter().zip(shard.postings) {
            terms.push(TermPostings { term, fields });
        }
    }
    Ok(BundleData {
        glossary: meta.glossary,
        fields: meta.fields,
        num_docs: meta.num_docs,
        terms,
        docs: doc_shards.into_iter().flatten().collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{SearchOptions, Searcher};
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    /// A small two-field bundle built by hand (as the indexer would from tantivy).
    fn sample() -> BundleData {
        let analyzer = Analyzer::default();
        let texts = [
            "Allocated ad credit stays locked in the account.",
            "A credit line is shared through Payment Portfolio.",
            "Cash can move back to the Business Center.",
        ];
        let docs: Vec<DocRecord> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| DocRecord {
                id: format!("faq/doc-{i}"),
                kind: if i == 2 {
                    DocKind::Article
                } else {
                    DocKind::Faq
                },
                title: format!("Title {i}"),
                summary: "Short.".into(),
                text: format!("Short.\n\n{t}"),
            })
            .collect();
        let TextPostings {
            postings: body,
            total,
            ..
        } = text_postings(&analyzer, &docs);
        let tags: BTreeMap<String, Vec<Posting>> = [(
            "credit".to_owned(),
            vec![Posting {
                doc: 1,
                term_freq: 1,
                fieldnorm_id: 1,
            }],
        )]
        .into();
        let mut terms: BTreeMap<String, Vec<Vec<Posting>>> = BTreeMap::new();
        for (term, list) in body {
            terms.entry(term).or_insert_with(|| vec![vec![], vec![]])[0] = list;
        }
        for (term, list) in tags {
            terms.entry(term).or_insert_with(|| vec![vec![], vec![]])[1] = list;
        }
        BundleData {
            glossary: Glossary {
                synonyms: vec![Synonym {
                    canonical: "ad credit".into(),
                    variants: vec!["coupon".into()],
                }],
            },
            fields: vec![
                FieldStats {
                    name: "body".into(),
                    boost: 1.0,
                    total_tokens: total,
                },
                FieldStats {
                    name: "tags".into(),
                    boost: 1.5,
                    total_tokens: 1,
                },
            ],
            num_docs: 3,
            terms: terms
                .into_iter()
                .map(|(term, fields)| TermPostings { term, fields })
                .collect(),
            docs,
        }
    }

    fn exercise(bytes: &[u8]) {
        if let Ok(s) = Searcher::from_bundle(bytes) {
            for q in ["credit", "cred", "coupn locked", ""] {
                let _ = s.search(q, &SearchOptions::default());
                let _ = s.score_bm25(q, 10);
            }
        }
    }

    #[test]
    fn round_trip_with_derived_and_stored_fields() {
        let data = sample();
        let bytes = encode(&data).unwrap();
        assert_eq!(decode(&bytes).unwrap(), data);
        let sharded = encode_sharded(&data, &ShardPlan::default()).unwrap();
        let mut s = Searcher::from_meta(&sharded.meta).unwrap();
        for (k, b) in &sharded.shards {
            s.add_shard(*k, b).unwrap();
        }
        let whole = Searcher::from_bundle(&bytes).unwrap();
        assert_eq!(
            s.score_bm25("credit locked", 10).unwrap(),
            whole.score_bm25("credit locked", 10).unwrap()
        );
    }

    /// Every byte of every part altered, with the checksums and build hash recomputed so the
    /// structural checks (not the checksum) must catch it: errors or a working searcher,
    /// never a panic.
    #[test]
    fn forged_parts_never_panic() {
        let data = sample();
        let plan = ShardPlan {
            term_shard_bytes: usize::MAX,
            docs_per_shard: 2,
            fieldnorms_in_meta: true,
        };
        let parts = encode_parts(&data, &plan, true).unwrap();
        let all = |p: &Parts| {
            build_hash(
                std::iter::once(p.meta.as_slice())
                    .chain(p.term_shards.iter().map(Vec::as_slice))
                    .chain(p.doc_shards.iter().map(Vec::as_slice)),
            )
        };
        let sizes = (
            parts.meta.len(),
            parts.term_shards.iter().map(Vec::len).collect::<Vec<_>>(),
            parts.doc_shards.iter().map(Vec::len).collect::<Vec<_>>(),
        );
        let forge = |select: &dyn Fn(&mut Parts) -> &mut Vec<u8>, len: usize| {
            for i in 0..len {
                for m in [0x01u8, 0x80, 0xff] {
                    let mut p = Parts {
                        build: 0,
                        meta: parts.meta.clone(),
                        term_shards: parts.term_shards.clone(),
                        doc_shards: parts.doc_shards.clone(),
                    };
                    let target = select(&mut p);
                    target[i] ^= m;
                    p.build = all(&p);
                    exercise(&assemble(&p));
                    let mut cut = Parts {
                        build: 0,
                        meta: parts.meta.clone(),
                        term_shards: parts.term_shards.clone(),
                        doc_shards: parts.doc_shards.clone(),
                    };
                    select(&mut cut).truncate(i);
                    cut.build = all(&cut);
                    exercise(&assemble(&cut));
                }
            }
        };
        forge(&|p| &mut p.meta, sizes.0);
        for (n, len) in sizes.1.iter().enumerate() {
            forge(&move |p| &mut p.term_shards[n], *len);
        }
        for (n, len) in sizes.2.iter().enumerate() {
            forge(&move |p| &mut p.doc_shards[n], *len);
        }
    }

    proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let _ = decode(&bytes);
            let _ = Searcher::from_meta(&bytes);
            exercise(&bytes);
        }

        #[test]
        fn mutated_bundles_never_panic(i in 0usize..10_000, m in 1u8..=255) {
            let mut bytes = encode(&sample()).unwrap();
            let n = i % bytes.len();
            bytes[n] ^= m;
            prop_assert!(decode(&bytes).is_err());
        }

        #[test]
        fn queries_never_panic(q in "\\PC{0,200}") {
            let s = Searcher::from_bundle(&encode(&sample()).unwrap()).unwrap();
            let _ = s.search(&q, &SearchOptions::default());
            let _ = s.score_bm25(&q, 10);
        }
    }
}
