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
mod index;
mod markers;
mod synthetic;

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
pub use index::{
    tantivy_search, AdcreditTokenStream, AdcreditTokenizer, TantivyIndex, BODY_BOOST,
    QUESTIONS_BOOST, TAGS_BOOST, TITLE_BOOST, TOKENIZER,
};
pub use synthetic::synthetic_corpus;
