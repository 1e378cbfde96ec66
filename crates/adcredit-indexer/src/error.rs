use std::fmt;
use std::path::PathBuf;

use thiserror::Error;

/// One problem found in `content/`, with the file and line it is on.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    /// The file, as the content directory was given joined with its relative path.
    pub file: PathBuf,
    /// 1-based line number (1 when the problem concerns the whole file).
    pub line: usize,
    /// What is wrong, without a final period.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file.display(), self.line, self.message)
    }
}

/// Every problem found, one `file:line: message` per line when displayed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Problems(pub Vec<Problem>);

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

/// Everything that can go wrong while loading content or building the index.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum Error {
    /// The content has problems; all of them are listed.
    #[error("{0}")]
    Content(Problems),
    /// A file or directory could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// tantivy failed to build or read the index.
    #[error("tantivy: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    /// The index does not have the shape the exporter expects (one segment, known fields).
    #[error("index: {0}")]
    Index(String),
    /// The bundle could not be encoded or decoded.
    #[error("bundle: {0}")]
    Bundle(#[from] adcredit_search::Error),
}

impl Error {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}
