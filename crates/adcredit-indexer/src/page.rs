//! Pages of someone else's site — a Markdown tree ([`load_tree`](crate::load_tree)) or a built
//! HTML site ([`load_html`](crate::load_html)) — and the search documents they become.
//!
//! A page is one document (its id, its title, the text before its first section) plus one
//! document per section (`<page id>#<anchor>`, titled `Heading — Page title`), as our own
//! articles are split. Every document of a page is of kind [`DocKind::Article`], so the FAQ
//! preference of our own knowledge base never applies to someone else's pages.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use adcredit_search::{fold_words, DocKind};

use crate::{Corpus, Error, Problem, SearchDoc};

/// One page of a site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The file it was read from.
    pub file: PathBuf,
    /// The path without its extension (`shipping/returns`; an index page is its folder).
    pub id: String,
    /// Display title.
    pub title: String,
    /// The description or summary (front matter, `<meta name="description">`), or empty.
    pub summary: String,
    /// Tags or keywords.
    pub tags: Vec<String>,
    /// The text before the first section.
    pub intro: String,
    /// The sections, in order.
    pub sections: Vec<PageSection>,
}

/// A section of a page: the text under a heading, up to the next one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageSection {
    /// The anchor (`#anchor` deep link): the heading's id.
    pub anchor: String,
    /// The heading text.
    pub heading: String,
    /// The section as plain text.
    pub text: String,
}

impl Page {
    /// The page's search documents: the page itself, then its sections.
    pub fn docs(&self) -> Vec<SearchDoc> {
        let mut docs = Vec::with_capacity(1 + self.sections.len());
        let body = match (self.summary.is_empty(), self.intro.is_empty()) {
            (true, _) => self.intro.clone(),
            (false, true) => self.summary.clone(),
            (false, false) => format!("{}\n\n{}", self.summary, self.intro),
        };
        if !body.is_empty() || self.sections.is_empty() {
            docs.push(SearchDoc {
                id: self.id.clone(),
                kind: DocKind::Article,
                title: self.title.clone(),
                index_title: self.title.clone(),
                body,
                tags: self.tags.clone(),
                questions: Vec::new(),
                summary: self.summary.clone(),
            });
        }
        for s in &self.sections {
            docs.push(SearchDoc {
                id: format!("{}#{}", self.id, s.anchor),
                kind: DocKind::Article,
                title: format!("{} — {}", s.heading, self.title),
                index_title: s.heading.clone(),
                body: s.text.clone(),
                tags: self.tags.clone(),
                questions: Vec::new(),
                summary: self.summary.clone(),
            });
        }
        docs
    }
}

/// A file of the tree that was not indexed, and why.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Ignored {
    /// The file or folder.
    pub path: PathBuf,
    /// Why, e.g. `not Markdown` or `draft`.
    pub reason: String,
}

impl fmt::Display for Ignored {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.path.display(), self.reason)
    }
}

/// What reading a site found: the pages as a corpus, and what was left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Site {
    /// The pages (in [`Corpus::pages`]) and the glossary, if the folder has one.
    pub corpus: Corpus,
    /// Pages read.
    pub pages: usize,
    /// Files and folders not indexed, with the reason, sorted by path.
    pub ignored: Vec<Ignored>,
}

/// The id of a page file: its path under `root` without the extension, `/`-separated; an
/// index page (`index`, `_index`) is its folder, and the root's index page is `index`.
pub(crate) fn page_id(root: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(root).unwrap_or(file);
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if let Some(last) = parts.pop() {
        let stem = Path::new(&last)
            .file_stem()
            .map_or(last.clone(), |s| s.to_string_lossy().into_owned());
        let is_index = stem == "index" || stem == "_index";
        if !is_index || parts.is_empty() {
            parts.push(if is_index { "index".to_owned() } else { stem });
        }
    }
    parts.join("/")
}

/// The anchor a heading gets when it has no id of its own: its folded words joined by `-`.
pub(crate) fn slug(heading: &str) -> String {
    fold_words(heading).join("-")
}

/// Makes each anchor of a page unique (`faq`, `faq-1`, `faq-2`, …, as GitHub does).
pub(crate) fn unique_anchors(sections: &mut [PageSection]) {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for s in sections {
        let n = seen.entry(s.anchor.clone()).or_insert(0);
        if *n > 0 {
            s.anchor = format!("{}-{n}", s.anchor);
        }
        *n += 1;
    }
}

/// Every file under `dir`, sorted, recursing into folders; hidden entries (`.git`, `.env`) and
/// `node_modules` are not entered and are listed in `ignored`.
pub(crate) fn walk(dir: &Path, ignored: &mut Vec<Ignored>) -> Result<Vec<PathBuf>, Error> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d).map_err(|e| Error::io(&d, e))?;
        for entry in entries {
            let path = entry.map_err(|e| Error::io(&d, e))?.path();
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if name.starts_with('.') || name == "node_modules" {
                ignored.push(Ignored {
                    path,
                    reason: "hidden or node_modules: not entered".into(),
                });
            } else if path.is_dir() {
                stack.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// Collapses runs of spaces and tabs, and runs of blank lines to one blank line.
pub(crate) fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        if words.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(&words.join(" "));
    }
    out
}

/// Checks that no two pages claim one id; returns the pages' corpus.
pub(crate) fn into_corpus(root: &Path, pages: Vec<Page>, problems: &mut Vec<Problem>) -> Corpus {
    let mut owners: BTreeMap<&str, &Path> = BTreeMap::new();
    for p in &pages {
        if let Some(first) = owners.insert(&p.id, &p.file) {
            problems.push(Problem {
                file: p.file.clone(),
                line: 1,
                message: format!("duplicate id `{}` (also {})", p.id, first.display()),
            });
        }
    }
    Corpus {
        root: root.to_path_buf(),
        pages: pages.iter().flat_map(Page::docs).collect(),
        ..Corpus::default()
    }
}
