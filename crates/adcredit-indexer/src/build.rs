//! The entry points: load, validate, build the index and write the bundle.

use std::fmt;
use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use adcredit_search::{encode, encode_sharded, BundleData, ShardPlan, ShardedBundle};
use flate2::write::GzEncoder;
use flate2::Compression;

use crate::content::{check_corpus, into_result, parse_dir};
use crate::{Corpus, Error, TantivyIndex};

/// File name of the single-file bundle in the output directory.
pub const BUNDLE_FILE: &str = "adcredit.bundle";
/// Directory of the tantivy index in the output directory.
pub const TANTIVY_DIR: &str = "tantivy";
/// Directory of the sharded layout in the output directory (`meta.bin`, `t/<n>.bin`,
/// `d/<n>.bin`).
pub const SHARDS_DIR: &str = "shards";

/// What [`build`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildReport {
    /// Search documents indexed (FAQ entries and article sections).
    pub docs: usize,
    /// Distinct terms in the dictionary.
    pub terms: usize,
    /// Size of `adcredit.bundle`.
    pub bundle_bytes: usize,
    /// Its size gzipped (level 9), as a static host would serve it.
    pub gzip_bytes: usize,
    /// Wall time of the build.
    pub elapsed: Duration,
}

impl fmt::Display for BuildReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} documents, {} terms, bundle {} bytes ({} gzip) in {:.2} s",
            self.docs,
            self.terms,
            self.bundle_bytes,
            self.gzip_bytes,
            self.elapsed.as_secs_f64()
        )
    }
}

/// What [`write_sharded`] wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShardedReport {
    /// Size of `meta.bin`.
    pub meta_bytes: usize,
    /// Number of term shards.
    pub term_shards: usize,
    /// Number of doc shards.
    pub doc_shards: usize,
    /// All shard files together.
    pub shard_bytes: usize,
}

/// Reads `dir` (`faq/*.md`, `articles/*.md`, `glossary.toml`); fails with every problem
/// found in the files themselves. Cross-file checks are [`validate`]'s.
pub fn load_content(dir: &Path) -> Result<Corpus, Error> {
    let parsed = parse_dir(dir)?;
    into_result(parsed.problems)?;
    Ok(parsed.corpus)
}

/// Cross-file checks: duplicate ids, `content:` links and `related` ids that point nowhere,
/// missing required FAQ entries ([`REQUIRED_FAQ_IDS`](crate::REQUIRED_FAQ_IDS)) and missing
/// `required_ids` (the rule sources the CLI passes from `adcredit_core::RuleId`).
pub fn validate(corpus: &Corpus, required_ids: &[&str]) -> Result<(), Error> {
    into_result(check_corpus(corpus, required_ids, &Default::default(), &[]))
}

/// [`load_content`] and [`validate`] in one pass, so every problem is reported at once.
pub fn check_content(dir: &Path, required_ids: &[&str]) -> Result<Corpus, Error> {
    let mut parsed = parse_dir(dir)?;
    let more = check_corpus(
        &parsed.corpus,
        required_ids,
        &parsed.broken_ids,
        &parsed.orphan_links,
    );
    parsed.problems.extend(more);
    into_result(parsed.problems)?;
    Ok(parsed.corpus)
}

/// Builds `<out>/tantivy/` (one segment) and `<out>/adcredit.bundle` from the corpus.
pub fn build(corpus: &Corpus, out_dir: &Path) -> Result<BuildReport, Error> {
    let started = Instant::now();
    std::fs::create_dir_all(out_dir).map_err(|e| Error::io(out_dir, e))?;
    let index = TantivyIndex::create_in_dir(corpus, &out_dir.join(TANTIVY_DIR))?;
    let data = index.export(&corpus.glossary)?;
    let bytes = encode(&data)?;
    write_file(&out_dir.join(BUNDLE_FILE), &bytes)?;
    Ok(BuildReport {
        docs: data.docs.len(),
        terms: data.terms.len(),
        bundle_bytes: bytes.len(),
        gzip_bytes: gzip_len(&bytes),
        elapsed: started.elapsed(),
    })
}

/// [`check_content`] then [`build`]: what `adcredit index` runs.
pub fn build_from_dir(
    content_dir: &Path,
    out_dir: &Path,
    required_ids: &[&str],
) -> Result<BuildReport, Error> {
    let corpus = check_content(content_dir, required_ids)?;
    build(&corpus, out_dir)
}

/// The bundle data of a corpus, exported from an in-memory tantivy index.
pub fn bundle_data(corpus: &Corpus) -> Result<BundleData, Error> {
    TantivyIndex::in_memory(corpus)?.export(&corpus.glossary)
}

/// The single-file bundle of a corpus, built in memory (for `ask` without an index, tests).
pub fn bundle_bytes(corpus: &Corpus) -> Result<Vec<u8>, Error> {
    Ok(encode(&bundle_data(corpus)?)?)
}

/// [`check_content`] then [`bundle_bytes`].
pub fn bundle_from_dir(content_dir: &Path, required_ids: &[&str]) -> Result<Vec<u8>, Error> {
    bundle_bytes(&check_content(content_dir, required_ids)?)
}

/// The sharded layout of a corpus, in memory.
pub fn sharded_bundle(corpus: &Corpus, plan: &ShardPlan) -> Result<ShardedBundle, Error> {
    Ok(encode_sharded(&bundle_data(corpus)?, plan)?)
}

/// Writes the sharded layout to `<out>/shards/` (`meta.bin`, `t/<n>.bin`, `d/<n>.bin`),
/// replacing what was there.
pub fn write_sharded(
    corpus: &Corpus,
    out_dir: &Path,
    plan: &ShardPlan,
) -> Result<ShardedReport, Error> {
    let sharded = sharded_bundle(corpus, plan)?;
    crate::layout::write_shards(&sharded, &out_dir.join(SHARDS_DIR))
}

/// Writes through a temporary file and a rename, so readers never see half a bundle.
pub(crate) fn write_file(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, bytes).map_err(|e| Error::io(&tmp, e))?;
    std::fs::rename(&tmp, path).map_err(|e| Error::io(path, e))
}

/// Size of `bytes` gzipped at level 9.
pub fn gzip_len(bytes: &[u8]) -> usize {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    if encoder.write_all(bytes).is_err() {
        return 0;
    }
    encoder.finish().map_or(0, |v| v.len())
}
