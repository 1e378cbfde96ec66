//! What `adcredit index` reads and writes: our strict knowledge base or any Markdown tree
//! ([`load_content_dir`]), one bundle file or shards fetched on demand ([`write_index`]), and
//! opening whichever an index folder holds ([`open_searcher`]).

use std::fmt;
use std::path::Path;
use std::time::{Duration, Instant};

use adcredit_search::{encode, encode_sharded, Searcher, ShardKey, ShardPlan};

use crate::build::write_file;
use crate::page::Site;
use crate::{
    check_content, gzip_len, load_tree, Corpus, Error, Problem, Problems, ShardedReport,
    TantivyIndex, BUNDLE_FILE, SHARDS_DIR, TANTIVY_DIR,
};

/// The file in a content folder that switches on the strict checks of our own knowledge base.
pub const CONFIG_FILE: &str = "adcredit.toml";

/// Above this gzip size of the single-file bundle, [`BundleMode::Auto`] writes shards.
///
/// A visitor's first answer costs the search wasm and scripts (about 72 KB gzip) plus the
/// whole single-file bundle, and later queries cost nothing; the sharded layout costs its meta
/// and a few shards per query instead. Up to 200 KB the single file keeps the first answer
/// under the 300 KB goal in one request; above it, the first answer would pass the goal and
/// grows with the corpus, while the sharded one stays near the meta's size.
pub const SHARD_ABOVE_GZIP: usize = 200 * 1024;

/// Which layout to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BundleMode {
    /// One file while its gzip size is at most [`SHARD_ABOVE_GZIP`], shards above.
    #[default]
    Auto,
    /// Always `adcredit.bundle`.
    Monolithic,
    /// Always `shards/` (`meta.bin`, `t/<n>.bin`, `d/<n>.bin`).
    Sharded,
}

/// The layout [`write_index`] wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Layout {
    /// `adcredit.bundle`.
    Monolithic,
    /// `shards/`.
    Sharded(ShardedReport),
}

/// What [`write_index`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexReport {
    /// Search documents indexed.
    pub docs: usize,
    /// Distinct terms in the dictionary.
    pub terms: usize,
    /// The layout written.
    pub layout: Layout,
    /// The single-file bundle's size, raw and gzipped (level 9): what decides the layout.
    pub bundle_bytes: usize,
    /// See `bundle_bytes`.
    pub gzip_bytes: usize,
    /// Wall time of the build.
    pub elapsed: Duration,
}

impl fmt::Display for IndexReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} documents, {} terms, ", self.docs, self.terms)?;
        match &self.layout {
            Layout::Monolithic => write!(
                f,
                "bundle {} bytes ({} gzip)",
                self.bundle_bytes, self.gzip_bytes
            )?,
            Layout::Sharded(s) => write!(
                f,
                "sharded: meta {} bytes, {} term and {} doc shards, {} bytes (one file would be {} gzip)",
                s.meta_bytes, s.term_shards, s.doc_shards, s.shard_bytes, self.gzip_bytes
            )?,
        }
        write!(f, " in {:.2} s", self.elapsed.as_secs_f64())
    }
}

/// Whether `dir` holds our own knowledge base: its `adcredit.toml` says `strict = true`.
pub fn is_strict(dir: &Path) -> Result<bool, Error> {
    let path = dir.join(CONFIG_FILE);
    if !path.is_file() {
        return Ok(false);
    }
    let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
    let fail = |line: usize, message: String| {
        Error::Content(Problems(vec![Problem {
            file: path.clone(),
            line,
            message,
        }]))
    };
    let table: toml::Table = toml::from_str(&text).map_err(|e| {
        let line = e.span().map_or(1, |s| {
            1 + text
                .get(..s.start)
                .unwrap_or_default()
                .matches('\n')
                .count()
        });
        fail(
            line,
            format!(
                "invalid {CONFIG_FILE}: {}",
                e.message().trim_end_matches('.')
            ),
        )
    })?;
    let mut strict = false;
    for (key, value) in &table {
        let line = text
            .lines()
            .position(|l| l.trim_start().starts_with(key.as_str()))
            .map_or(1, |i| i + 1);
        match (key.as_str(), value) {
            ("strict", toml::Value::Boolean(b)) => strict = *b,
            ("strict", _) => return Err(fail(line, "`strict` must be true or false".into())),
            _ => return Err(fail(line, format!("unknown field `{key}` (known: strict)"))),
        }
    }
    Ok(strict)
}

/// Reads a content folder: with `strict = true` in its `adcredit.toml`, our knowledge base
/// with every check ([`check_content`], `required_ids` included); otherwise any Markdown tree
/// ([`load_tree`]), of which nothing is required.
pub fn load_content_dir(dir: &Path, required_ids: &[&str]) -> Result<Site, Error> {
    if is_strict(dir)? {
        let corpus = check_content(dir, required_ids)?;
        let pages = corpus.faqs.len() + corpus.articles.len();
        Ok(Site {
            corpus,
            pages,
            ignored: Vec::new(),
        })
    } else {
        load_tree(dir)
    }
}

/// Builds `<out>/tantivy/` and, as `mode` says, the single-file `<out>/adcredit.bundle` or
/// `<out>/shards/` (the sharded layout of [`ShardPlan::default`]). `adcredit.bundle` is always
/// the entry point: for a sharded index it is a copy of `shards/meta.bin` (its header says
/// which), so a loader needs one request to know what it has. Old shards are removed.
pub fn write_index(corpus: &Corpus, out: &Path, mode: BundleMode) -> Result<IndexReport, Error> {
    let started = Instant::now();
    std::fs::create_dir_all(out).map_err(|e| Error::io(out, e))?;
    let index = TantivyIndex::create_in_dir(corpus, &out.join(TANTIVY_DIR))?;
    let data = index.export(&corpus.glossary)?;
    let bytes = encode(&data)?;
    let gzip_bytes = gzip_len(&bytes);
    let sharded = match mode {
        BundleMode::Auto => gzip_bytes > SHARD_ABOVE_GZIP,
        BundleMode::Monolithic => false,
        BundleMode::Sharded => true,
    };
    let bundle = out.join(BUNDLE_FILE);
    let shards = out.join(SHARDS_DIR);
    let layout = if sharded {
        let parts = encode_sharded(&data, &ShardPlan::default())?;
        let report = write_shards(&parts, &shards)?;
        write_file(&bundle, &parts.meta)?;
        Layout::Sharded(report)
    } else {
        remove(&shards)?;
        write_file(&bundle, &bytes)?;
        Layout::Monolithic
    };
    Ok(IndexReport {
        docs: data.docs.len(),
        terms: data.terms.len(),
        layout,
        bundle_bytes: bytes.len(),
        gzip_bytes,
        elapsed: started.elapsed(),
    })
}

fn remove(path: &Path) -> Result<(), Error> {
    let result = if path.is_dir() {
        std::fs::remove_dir_all(path)
    } else if path.exists() {
        std::fs::remove_file(path)
    } else {
        Ok(())
    };
    result.map_err(|e| Error::io(path, e))
}

/// Writes a sharded bundle into `dir` (`meta.bin`, `t/<n>.bin`, `d/<n>.bin`), replacing it.
pub(crate) fn write_shards(
    sharded: &adcredit_search::ShardedBundle,
    dir: &Path,
) -> Result<ShardedReport, Error> {
    remove(dir)?;
    for sub in ["t", "d"] {
        let d = dir.join(sub);
        std::fs::create_dir_all(&d).map_err(|e| Error::io(&d, e))?;
    }
    write_file(&dir.join("meta.bin"), &sharded.meta)?;
    let mut report = ShardedReport {
        meta_bytes: sharded.meta.len(),
        term_shards: 0,
        doc_shards: 0,
        shard_bytes: 0,
    };
    for (key, bytes) in &sharded.shards {
        write_file(&dir.join(key.path()), bytes)?;
        report.shard_bytes += bytes.len();
        match key {
            ShardKey::Terms(_) => report.term_shards += 1,
            ShardKey::Docs(_) => report.doc_shards += 1,
        }
    }
    Ok(report)
}

/// Byte of the bundle header that names the part kind; [`META_KIND`] is a sharded index's meta.
const KIND_BYTE: usize = 8;
const META_KIND: u8 = 1;

/// Whether `bytes` (the start of an `adcredit.bundle`) are a sharded index's meta.
pub fn is_sharded_meta(bytes: &[u8]) -> bool {
    bytes.get(..4) == Some(&adcredit_search::MAGIC[..]) && bytes.get(KIND_BYTE) == Some(&META_KIND)
}

/// Opens what [`write_index`] wrote in `dir`: the single-file bundle, or the meta and every
/// shard of `shards/` (natively there is nothing to save by loading them lazily).
pub fn open_searcher(dir: &Path) -> Result<Searcher, Error> {
    let bundle = dir.join(BUNDLE_FILE);
    let bytes = std::fs::read(&bundle).map_err(|e| Error::io(&bundle, e))?;
    if !is_sharded_meta(&bytes) {
        return Searcher::from_bundle(&bytes).map_err(|e| bundle_error(&bundle, e));
    }
    let shards = dir.join(SHARDS_DIR);
    let mut searcher = Searcher::from_meta(&bytes).map_err(|e| bundle_error(&bundle, e))?;
    for (sub, key) in [
        ("t", ShardKey::Terms as fn(u32) -> ShardKey),
        ("d", ShardKey::Docs),
    ] {
        let d = shards.join(sub);
        let entries = std::fs::read_dir(&d).map_err(|e| Error::io(&d, e))?;
        for entry in entries {
            let path = entry.map_err(|e| Error::io(&d, e))?.path();
            let n = path
                .file_stem()
                .and_then(|s| s.to_str())
                .and_then(|s| s.parse::<u32>().ok());
            let Some(n) = n.filter(|_| path.extension().is_some_and(|e| e == "bin")) else {
                continue;
            };
            let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
            searcher
                .add_shard(key(n), &bytes)
                .map_err(|e| bundle_error(&path, e))?;
        }
    }
    Ok(searcher)
}

fn bundle_error(path: &Path, e: adcredit_search::Error) -> Error {
    Error::Index(format!("{}: {e}", path.display()))
}
