//! adcredit-indexer: turns `content/` into the tantivy index and the browser's search bundle.
//!
//! Native only. It reads the knowledge base ([`load_content`]: TOML front matter, Markdown,
//! the glossary), reports every problem with file and line ([`validate`], [`check_content`]),
//! indexes it with tantivy using the very analyzer the browser runs
//! ([`adcredit_search::Analyzer`], registered as tantivy's tokenizer), and exports tantivy's
//! own statistics into the bundle ([`build`], [`bundle_bytes`]) so the browser's scorer ranks
//! exactly as tantivy does. [`tantivy_search`] is the reference the parity tests compare
//! against; [`synthetic_corpus`] feeds the benchmarks.
//!
//! Someone else's site is read too: any Markdown tree ([`load_tree`]: YAML, TOML or no front
//! matter, nothing required) or a built HTML site ([`load_html`]); [`load_content_dir`] picks
//! our strict checks only for a folder whose `adcredit.toml` says `strict = true`, and
//! [`write_index`] writes one bundle file or shards depending on the size ([`BundleMode`]).
//!
//! ```no_run
//! use std::path::Path;
//!
//! let corpus = adcredit_indexer::load_content(Path::new("content"))?;
//! adcredit_indexer::validate(&corpus, &["faq/move-after-allocation"])?;
//! let report = adcredit_indexer::build(&corpus, Path::new("index"))?;
//! println!("{report}");
//! # Ok::<(), adcredit_indexer::Error>(())
//! ```

mod build;
mod content;
mod error;
mod html;
mod index;
mod layout;
mod markers;
mod page;
mod synthetic;
mod tree;

pub use build::{
    build, build_from_dir, bundle_bytes, bundle_data, bundle_from_dir, check_content, gzip_len,
    load_content, sharded_bundle, validate, write_sharded, BuildReport, ShardedReport, BUNDLE_FILE,
    SHARDS_DIR, TANTIVY_DIR,
};
pub use content::{
    coverage, Article, Corpus, Faq, FrontMatter, Link, SearchDoc, Section, MAX_FACT,
    REQUIRED_FAQ_IDS,
};
pub use error::{Error, Problem, Problems};
pub use html::load_html;
pub use index::{
    tantivy_search, AdcreditTokenStream, AdcreditTokenizer, TantivyIndex, BODY_BOOST,
    QUESTIONS_BOOST, TAGS_BOOST, TITLE_BOOST, TOKENIZER,
};
pub use layout::{
    is_sharded_meta, is_strict, load_content_dir, open_searcher, write_index, BundleMode,
    IndexReport, Layout, CONFIG_FILE, SHARD_ABOVE_GZIP,
};
pub use page::{Ignored, Page, PageSection, Site};
pub use synthetic::synthetic_corpus;
pub use tree::load_tree;
