//! Loading `content/`: front matter, Markdown to plain text and sections, and validation.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use adcredit_search::{fold_words, DocKind, Glossary};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::markers::{check_union, take_marker, valid_fact, Marked};
use crate::{Error, Problem, Problems};

/// The FAQ entries the product relies on (CONTRACT §1 and the rules' extra sources).
pub const REQUIRED_FAQ_IDS: &[&str] = &[
    "faq/fund-types",
    "faq/share-across-accounts",
    "faq/share-credit-line-cash",
    "faq/portfolio-ad-credit",
    "faq/who-can-allocate",
    "faq/how-to-allocate",
    "faq/auto-allocation",
    "faq/partial-allocation",
    "faq/move-after-allocation",
    "faq/unused-credit",
    "faq/suspended-account",
    "faq/minimum-allocation",
    "faq/check-balance",
    "faq/different-entities",
    "faq/payment-portfolio-eligibility",
    "faq/account-in-review",
    "faq/currency-mismatch",
    "faq/credit-expiry",
    "faq/which-accounts",
    "faq/take-cash-back",
];

/// Highest fact id of `FACTS.md` (facts are `F1` to `F41`).
pub const MAX_FACT: u32 = 41;

const FIELDS: &[&str] = &[
    "id",
    "title",
    "summary",
    "tags",
    "updated",
    "facts",
    "sources",
    "related",
    "questions",
];

/// The front matter every content file starts with.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    /// `faq/<slug>` or `article/<slug>`.
    pub id: String,
    /// The question (FAQ) or the article title.
    pub title: String,
    /// The direct answer in at most two sentences, without its fact marker.
    pub summary: String,
    /// Search keywords.
    pub tags: Vec<String>,
    /// Last update, `YYYY-MM-DD`.
    pub updated: String,
    /// Fact ids of `FACTS.md` this file states: the union of its markers.
    pub facts: Vec<String>,
    /// Where the facts come from.
    pub sources: Vec<String>,
    /// Related content ids.
    pub related: Vec<String>,
    /// Other ways people ask this (FAQ entries): short keyword queries, long stories,
    /// non-native English, British spelling, misspellings. Optional in the parser.
    pub questions: Vec<String>,
    /// Articles: other ways people ask each section, keyed by section id (front matter
    /// table `[questions]`), with the line of each key (for messages).
    pub section_questions: BTreeMap<String, (usize, Vec<String>)>,
    /// Line of the `id` key (for messages).
    pub id_line: usize,
    /// Line of the `related` key (for messages).
    pub related_line: usize,
}

/// A `content:` link in a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The content id linked to.
    pub target: String,
    /// Line of the link.
    pub line: usize,
}

/// One FAQ entry (`content/faq/<slug>.md`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Faq {
    /// The file it was read from.
    pub file: PathBuf,
    /// Its front matter.
    pub front: FrontMatter,
    /// The body as plain text, paragraphs separated by blank lines.
    pub body: String,
    /// `content:` links of the body.
    pub links: Vec<Link>,
}

/// One `##` section of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The section slug: explicit `{#id}` or the slugified heading.
    pub slug: String,
    /// The heading text.
    pub heading: String,
    /// The section as plain text.
    pub text: String,
    /// Line of the heading.
    pub line: usize,
}

/// One article (`content/articles/<slug>.md`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// The file it was read from.
    pub file: PathBuf,
    /// Its front matter.
    pub front: FrontMatter,
    /// The text before the first `##` section (not indexed on its own).
    pub intro: String,
    /// The sections, in order; each is a search document `article/<slug>#<section>`.
    pub sections: Vec<Section>,
    /// `content:` links of the body.
    pub links: Vec<Link>,
}

/// The whole knowledge base.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Corpus {
    /// The content directory it was read from.
    pub root: PathBuf,
    /// FAQ entries, sorted by id.
    pub faqs: Vec<Faq>,
    /// Articles, sorted by id.
    pub articles: Vec<Article>,
    /// Synonyms of `glossary.toml`.
    pub glossary: Glossary,
    /// Documents of someone else's pages ([`load_tree`](crate::load_tree),
    /// [`load_html`](crate::load_html)); empty for our own knowledge base.
    pub pages: Vec<SearchDoc>,
}

/// One search document as the index sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchDoc {
    /// Content id.
    pub id: String,
    /// FAQ entry or article section.
    pub kind: DocKind,
    /// Display title (for a section: `Heading — Article title`).
    pub title: String,
    /// Indexed title: the question, or the section heading.
    pub index_title: String,
    /// Indexed body and snippet text: FAQ summary and body, or the section text.
    pub body: String,
    /// Indexed tags (one value each).
    pub tags: Vec<String>,
    /// Indexed other ways people ask (front matter `questions`: the FAQ entry's list, or the
    /// section's list of the article's `[questions]` table).
    pub questions: Vec<String>,
    /// FAQ summary, or the article summary for a section.
    pub summary: String,
}

impl Corpus {
    /// The search documents in index order: FAQ entries by id, then article sections, then
    /// the documents of other sites' pages.
    pub fn docs(&self) -> Vec<SearchDoc> {
        let mut docs = Vec::new();
        for faq in &self.faqs {
            docs.push(SearchDoc {
                id: faq.front.id.clone(),
                kind: DocKind::Faq,
                title: faq.front.title.clone(),
                index_title: faq.front.title.clone(),
                body: format!("{}\n\n{}", faq.front.summary, faq.body),
                tags: faq.front.tags.clone(),
                questions: faq.front.questions.clone(),
                summary: faq.front.summary.clone(),
            });
        }
        for article in &self.articles {
            for section in &article.sections {
                docs.push(SearchDoc {
                    id: format!("{}#{}", article.front.id, section.slug),
                    kind: DocKind::Article,
                    title: format!("{} — {}", section.heading, article.front.title),
                    index_title: section.heading.clone(),
                    body: section.text.clone(),
                    tags: article.front.tags.clone(),
                    questions: article
                        .front
                        .section_questions
                        .get(&section.slug)
                        .map(|(_, q)| q.clone())
                        .unwrap_or_default(),
                    summary: article.front.summary.clone(),
                });
            }
        }
        docs.extend(self.pages.iter().cloned());
        docs
    }

    /// Every id content can link to: FAQ entries, articles and article sections.
    pub fn ids(&self) -> BTreeSet<String> {
        let mut ids: BTreeSet<String> = self.faqs.iter().map(|f| f.front.id.clone()).collect();
        for a in &self.articles {
            ids.insert(a.front.id.clone());
            for s in &a.sections {
                ids.insert(format!("{}#{}", a.front.id, s.slug));
            }
        }
        ids
    }
}

/// What parsing found: the corpus of the files that parsed, their problems, and the ids of
/// the files that did not parse (so that cross-checks do not also call them missing).
pub(crate) struct Parsed {
    pub(crate) corpus: Corpus,
    pub(crate) problems: Vec<Problem>,
    pub(crate) broken_ids: BTreeSet<String>,
    /// Links of files whose front matter did not parse (still checked).
    pub(crate) orphan_links: Vec<(PathBuf, Link)>,
}

/// Reads and parses `dir`; IO failures are errors, content problems are collected.
pub(crate) fn parse_dir(dir: &Path) -> Result<Parsed, Error> {
    let mut parsed = Parsed {
        corpus: Corpus {
            root: dir.to_path_buf(),
            ..Corpus::default()
        },
        problems: Vec::new(),
        broken_ids: BTreeSet::new(),
        orphan_links: Vec::new(),
    };
    for (sub, prefix) in [("faq", "faq"), ("articles", "article")] {
        for file in markdown_files(&dir.join(sub))? {
            let text = std::fs::read_to_string(&file).map_err(|e| Error::io(&file, e))?;
            let stem = file
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let expected = format!("{prefix}/{stem}");
            let mut problems = Vec::new();
            let orphans = &mut parsed.orphan_links;
            let result = if prefix == "faq" {
                parse_faq(&file, &text, &expected, &mut problems, orphans)
                    .map(|f| parsed.corpus.faqs.push(f))
            } else {
                parse_article(&file, &text, &expected, &mut problems, orphans)
                    .map(|a| parsed.corpus.articles.push(a))
            };
            if result.is_none() || !problems.is_empty() {
                parsed.broken_ids.insert(expected);
            }
            parsed.problems.extend(problems);
        }
    }
    parsed
        .corpus
        .faqs
        .sort_by(|a, b| a.front.id.cmp(&b.front.id));
    parsed
        .corpus
        .articles
        .sort_by(|a, b| a.front.id.cmp(&b.front.id));
    let glossary_path = dir.join("glossary.toml");
    if glossary_path.is_file() {
        let text =
            std::fs::read_to_string(&glossary_path).map_err(|e| Error::io(&glossary_path, e))?;
        parsed.corpus.glossary = parse_glossary(&glossary_path, &text, &mut parsed.problems);
    }
    Ok(parsed)
}

fn markdown_files(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| Error::io(dir, e))?.path();
        if path.is_file() && path.extension().is_some_and(|e| e == "md") {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

fn problem(file: &Path, line: usize, message: impl Into<String>) -> Problem {
    Problem {
        file: file.to_path_buf(),
        line,
        message: message.into(),
    }
}

/// 1-based line of byte `offset` in `text`, plus `first_line - 1`.
fn line_at(text: &str, offset: usize, first_line: usize) -> usize {
    let upto = text.get(..offset.min(text.len())).unwrap_or(text);
    first_line + upto.bytes().filter(|&b| b == b'\n').count()
}

/// The front matter source, the line it starts on, the body and the line it starts on.
struct Split<'a> {
    front: &'a str,
    front_line: usize,
    body: &'a str,
    body_line: usize,
}

fn split_front_matter<'a>(file: &Path, text: &'a str, out: &mut Vec<Problem>) -> Option<Split<'a>> {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or_default();
    if first.trim_end() != "+++" {
        out.push(problem(file, 1, "file must start with `+++` front matter"));
        return None;
    }
    let front_start = first.len();
    let mut offset = front_start;
    for (line, l) in (2..).zip(lines) {
        if l.trim_end() == "+++" {
            let front = text.get(front_start..offset).unwrap_or_default();
            let body = text.get(offset + l.len()..).unwrap_or_default();
            return Some(Split {
                front,
                front_line: 2,
                body,
                body_line: line + 1,
            });
        }
        offset += l.len();
    }
    out.push(problem(
        file,
        1,
        "front matter is not closed by a `+++` line",
    ));
    None
}

/// Line of `key = …` in the front matter (1 when absent).
fn key_line(split: &Split<'_>, key: &str) -> usize {
    for (i, l) in split.front.lines().enumerate() {
        let t = l.trim_start();
        if let Some(rest) = t.strip_prefix(key) {
            if rest.trim_start().starts_with('=') {
                return split.front_line + i;
            }
        }
    }
    1
}

fn parse_front_matter(
    file: &Path,
    split: &Split<'_>,
    expected_id: &str,
    marked: &mut Marked,
    out: &mut Vec<Problem>,
) -> Option<FrontMatter> {
    let table: toml::Table = match toml::from_str(split.front) {
        Ok(t) => t,
        Err(e) => {
            let line = e
                .span()
                .map_or(1, |s| line_at(split.front, s.start, split.front_line));
            let message = e.message().trim_end().trim_end_matches('.').to_owned();
            out.push(problem(
                file,
                line,
                format!("invalid front matter: {message}"),
            ));
            return None;
        }
    };
    let before = out.len();
    for key in table.keys() {
        if !FIELDS.contains(&key.as_str()) {
            out.push(problem(
                file,
                key_line(split, key),
                format!("unknown front matter field `{key}`"),
            ));
        }
    }
    let mut fm = FrontMatter {
        id_line: key_line(split, "id"),
        related_line: key_line(split, "related"),
        ..FrontMatter::default()
    };
    let missing = |key: &str, out: &mut Vec<Problem>| {
        out.push(problem(
            file,
            1,
            format!("missing front matter field `{key}`"),
        ));
    };
    let text_field = |key: &str, out: &mut Vec<Problem>| -> String {
        match table.get(key) {
            None => {
                missing(key, out);
                String::new()
            }
            Some(toml::Value::String(s)) if !s.trim().is_empty() => s.clone(),
            Some(_) => {
                out.push(problem(
                    file,
                    key_line(split, key),
                    format!("front matter field `{key}` must be a non-empty string"),
                ));
                String::new()
            }
        }
    };
    let list_field = |key: &str, required: bool, out: &mut Vec<Problem>| -> Vec<String> {
        match table.get(key) {
            None => {
                if required {
                    missing(key, out);
                }
                Vec::new()
            }
            Some(toml::Value::Array(items)) => {
                let strings: Vec<String> = items
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .filter(|s| !s.trim().is_empty())
                    .collect();
                if strings.len() != items.len() {
                    out.push(problem(
                        file,
                        key_line(split, key),
                        format!("front matter field `{key}` must be an array of non-empty strings"),
                    ));
                }
                strings
            }
            Some(_) => {
                out.push(problem(
                    file,
                    key_line(split, key),
                    format!("front matter field `{key}` must be an array of strings"),
                ));
                Vec::new()
            }
        }
    };
    fm.id = text_field("id", out);
    fm.title = text_field("title", out);
    fm.summary = text_field("summary", out);
    if !fm.summary.is_empty() {
        let line = key_line(split, "summary");
        let keep = take_marker(file, line, "summary", &fm.summary, marked, out);
        fm.summary.truncate(keep);
    }
    fm.tags = list_field("tags", true, out);
    fm.facts = list_field("facts", true, out);
    fm.sources = list_field("sources", true, out);
    fm.related = list_field("related", false, out);
    if let Some(toml::Value::Table(sections)) = table.get("questions") {
        if expected_id.starts_with("faq/") {
            out.push(problem(
                file,
                1,
                "front matter field `questions` of an FAQ entry must be an array of strings",
            ));
        }
        for (slug, value) in sections {
            let line = key_line(split, slug);
            let strings: Vec<String> = match value {
                toml::Value::Array(items) => items
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .filter(|s| !s.trim().is_empty())
                    .collect(),
                _ => Vec::new(),
            };
            if value.as_array().map(Vec::len) != Some(strings.len()) || strings.is_empty() {
                out.push(problem(
                    file,
                    line,
                    format!("`questions.{slug}` must be an array of non-empty strings"),
                ));
            }
            fm.section_questions.insert(slug.clone(), (line, strings));
        }
    } else {
        fm.questions = list_field("questions", false, out);
        if !fm.questions.is_empty() && expected_id.starts_with("article/") {
            out.push(problem(
                file,
                key_line(split, "questions"),
                "an article's `questions` is a table keyed by section id: `[questions]` then `section-id = [...]`",
            ));
        }
    }
    match table.get("updated") {
        None => missing("updated", out),
        Some(toml::Value::Datetime(d)) if d.date.is_some() && d.time.is_none() => {
            fm.updated = d.to_string();
        }
        Some(_) => out.push(problem(
            file,
            key_line(split, "updated"),
            "front matter field `updated` must be a TOML date such as 2026-11-24",
        )),
    }
    if !fm.id.is_empty() && fm.id != expected_id {
        out.push(problem(
            file,
            fm.id_line,
            format!(
                "id `{}` does not match the file path (expected `{expected_id}`)",
                fm.id
            ),
        ));
    }
    if table.contains_key("sources") && fm.sources.is_empty() {
        out.push(problem(
            file,
            key_line(split, "sources"),
            "front matter field `sources` must list at least one source",
        ));
    }
    for fact in &fm.facts {
        if !valid_fact(fact) {
            out.push(problem(
                file,
                key_line(split, "facts"),
                format!("unknown fact `{fact}` (facts are F1 to F{MAX_FACT})"),
            ));
        }
    }
    (out.len() == before).then_some(fm)
}

/// Plain text and structure of a Markdown body.
struct Body {
    /// Text before the first `##` heading (the whole body when there is none).
    intro: String,
    sections: Vec<Section>,
    links: Vec<Link>,
}

/// Appends a block separator: a blank line between blocks, a newline between list items.
fn break_block(out: &mut String, separator: &str) {
    if out.ends_with("\n\n") {
        return;
    }
    let trimmed = out.trim_end_matches([' ', '\n']).len();
    if trimmed == 0 {
        out.clear();
        return;
    }
    out.truncate(trimmed);
    out.push_str(separator);
}

/// The paragraph, list item or table row being read: where its text starts in the output,
/// the line it starts on, and what it is called in messages.
type OpenBlock = Option<(usize, usize, &'static str)>;

/// Ends the open block: checks its fact marker and strips it from `text`.
fn close_block(
    open: &mut OpenBlock,
    text: &mut String,
    file: &Path,
    marked: &mut Marked,
    out: &mut Vec<Problem>,
) {
    let Some((start, line, what)) = open.take() else {
        return;
    };
    let Some(block) = text.get(start..) else {
        return;
    };
    if block.trim().is_empty() {
        return;
    }
    let keep = take_marker(file, line, what, block, marked, out);
    text.truncate(start + keep);
}

/// Converts Markdown to plain text, splitting at `##` headings in articles. Every paragraph,
/// list item and table row must end with a fact marker, which is checked, recorded in
/// `marked` and left out of the text.
fn parse_body(
    file: &Path,
    body: &str,
    first_line: usize,
    is_faq: bool,
    marked: &mut Marked,
    out: &mut Vec<Problem>,
) -> Body {
    let options = Options::ENABLE_HEADING_ATTRIBUTES | Options::ENABLE_TABLES;
    let mut result = Body {
        intro: String::new(),
        sections: Vec::new(),
        links: Vec::new(),
    };
    let mut text = String::new();
    let mut heading: Option<(String, Option<String>, usize)> = None;
    let mut current: Option<(String, Option<String>, usize)> = None; // open section
    let mut in_h2 = false;
    let mut block: OpenBlock = None;
    let finish = |current: &mut Option<(String, Option<String>, usize)>,
                  text: &mut String,
                  result: &mut Body| {
        let plain = text.trim().to_owned();
        text.clear();
        match current.take() {
            None => result.intro = plain,
            Some((heading, id, line)) => {
                let slug = id.unwrap_or_else(|| fold_words(&heading).join("-"));
                result.sections.push(Section {
                    slug,
                    heading,
                    text: plain,
                    line,
                });
            }
        }
    };
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        let line = line_at(body, range.start, first_line);
        let opens = match &event {
            Event::Start(Tag::Paragraph) => Some("paragraph"),
            Event::Start(Tag::Item) => Some("list item"),
            Event::Start(Tag::TableRow) => Some("table row"),
            _ => None,
        };
        let closes = matches!(
            &event,
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::TableRow)
                | Event::Start(
                    Tag::List(_) | Tag::Heading { .. } | Tag::CodeBlock(_) | Tag::Table(_)
                )
        );
        if opens.is_some() || closes {
            close_block(&mut block, &mut text, file, marked, out);
        }
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                let forbidden = match level {
                    HeadingLevel::H1 => true,
                    HeadingLevel::H2 => is_faq,
                    _ => false,
                };
                if forbidden {
                    let message = if is_faq {
                        "FAQ bodies allow no `#` or `##` headings (use `###`)"
                    } else {
                        "articles allow no `#` headings (sections are `##`)"
                    };
                    out.push(problem(file, line, message));
                }
                if level == HeadingLevel::H2 && !is_faq {
                    finish(&mut current, &mut text, &mut result);
                    in_h2 = true;
                    heading = Some((String::new(), id.map(|s| s.to_string()), line));
                } else {
                    break_block(&mut text, "\n\n");
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if in_h2 {
                    in_h2 = false;
                    current = heading
                        .take()
                        .map(|(h, id, l)| (h.trim().to_owned(), id, l));
                } else {
                    break_block(&mut text, "\n\n");
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                if let Some(target) = dest_url.strip_prefix("content:") {
                    result.links.push(Link {
                        target: target.to_owned(),
                        line,
                    });
                }
            }
            Event::Start(Tag::Item) => break_block(&mut text, "\n"),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_)
                | TagEnd::List(_)
                | TagEnd::Table,
            ) => break_block(&mut text, "\n\n"),
            Event::End(TagEnd::TableRow | TagEnd::TableHead) => break_block(&mut text, "\n"),
            Event::End(TagEnd::TableCell) => text.push(' '),
            Event::Text(t) | Event::Code(t) => {
                if in_h2 {
                    if let Some((h, _, _)) = heading.as_mut() {
                        h.push_str(&t);
                    }
                } else {
                    text.push_str(&t);
                }
            }
            Event::SoftBreak => {
                if in_h2 {
                    if let Some((h, _, _)) = heading.as_mut() {
                        h.push(' ');
                    }
                } else {
                    text.push(' ');
                }
            }
            Event::HardBreak => text.push('\n'),
            _ => {}
        }
        if let Some(what) = opens {
            block = Some((text.len(), line, what));
        }
    }
    close_block(&mut block, &mut text, file, marked, out);
    finish(&mut current, &mut text, &mut result);
    result
}

fn parse_faq(
    file: &Path,
    text: &str,
    expected: &str,
    out: &mut Vec<Problem>,
    orphans: &mut Vec<(PathBuf, Link)>,
) -> Option<Faq> {
    let split = split_front_matter(file, text, out)?;
    let mut marked = Marked::new();
    let front = parse_front_matter(file, &split, expected, &mut marked, out);
    let body = parse_body(file, split.body, split.body_line, true, &mut marked, out);
    if body.intro.is_empty() {
        out.push(problem(file, split.body_line, "FAQ body is empty"));
    }
    let Some(front) = front else {
        orphans.extend(body.links.into_iter().map(|l| (file.to_path_buf(), l)));
        return None;
    };
    check_union(file, &front.facts, key_line(&split, "facts"), &marked, out);
    Some(Faq {
        file: file.to_path_buf(),
        front,
        body: body.intro,
        links: body.links,
    })
}

fn parse_article(
    file: &Path,
    text: &str,
    expected: &str,
    out: &mut Vec<Problem>,
    orphans: &mut Vec<(PathBuf, Link)>,
) -> Option<Article> {
    let split = split_front_matter(file, text, out)?;
    let mut marked = Marked::new();
    let front = parse_front_matter(file, &split, expected, &mut marked, out);
    let body = parse_body(file, split.body, split.body_line, false, &mut marked, out);
    if body.sections.is_empty() {
        out.push(problem(
            file,
            split.body_line,
            "article has no `##` section",
        ));
    }
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for s in &body.sections {
        let valid = !s.slug.is_empty()
            && s.slug
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !valid {
            out.push(problem(
                file,
                s.line,
                format!(
                    "section id `{}` must be lowercase ASCII letters, digits and `-`",
                    s.slug
                ),
            ));
        }
        if let Some(first) = seen.insert(&s.slug, s.line) {
            out.push(problem(
                file,
                s.line,
                format!("duplicate section id `{}` (first at line {first})", s.slug),
            ));
        }
        if s.text.is_empty() {
            out.push(problem(
                file,
                s.line,
                format!("section `{}` is empty", s.slug),
            ));
        }
    }
    let Some(front) = front else {
        orphans.extend(body.links.into_iter().map(|l| (file.to_path_buf(), l)));
        return None;
    };
    check_union(file, &front.facts, key_line(&split, "facts"), &marked, out);
    for (slug, (line, _)) in &front.section_questions {
        if !body.sections.iter().any(|s| &s.slug == slug) {
            let known: Vec<&str> = body.sections.iter().map(|s| s.slug.as_str()).collect();
            out.push(problem(
                file,
                *line,
                format!(
                    "`questions.{slug}` names no section of this article (sections: {})",
                    known.join(", ")
                ),
            ));
        }
    }
    Some(Article {
        file: file.to_path_buf(),
        front,
        intro: body.intro,
        sections: body.sections,
        links: body.links,
    })
}

/// Line of the `n`-th (0-based) occurrence of `"needle"` in `text`.
fn quoted_line(text: &str, needle: &str, n: usize) -> usize {
    let quoted = format!("\"{needle}\"");
    text.match_indices(&quoted)
        .nth(n)
        .map_or(1, |(offset, _)| line_at(text, offset, 1))
}

pub(crate) fn parse_glossary(file: &Path, text: &str, out: &mut Vec<Problem>) -> Glossary {
    let glossary: Glossary = match toml::from_str(text) {
        Ok(g) => g,
        Err(e) => {
            let line = e.span().map_or(1, |s| line_at(text, s.start, 1));
            let message = e.message().trim_end().trim_end_matches('.').to_owned();
            out.push(problem(file, line, format!("invalid glossary: {message}")));
            return Glossary::default();
        }
    };
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut occurrences: BTreeMap<String, usize> = BTreeMap::new();
    let mut check = |phrase: &str, out: &mut Vec<Problem>| -> usize {
        let n = occurrences.entry(phrase.to_owned()).or_insert(0);
        let line = quoted_line(text, phrase, *n);
        *n += 1;
        if phrase.trim().is_empty() || fold_words(phrase).is_empty() {
            out.push(problem(file, line, "empty glossary entry"));
        } else if phrase != phrase.to_lowercase() {
            out.push(problem(
                file,
                line,
                format!("glossary entry `{phrase}` must be lowercase"),
            ));
        }
        line
    };
    for s in &glossary.synonyms {
        check(&s.canonical, out);
        if s.variants.is_empty() {
            out.push(problem(
                file,
                quoted_line(text, &s.canonical, 0),
                format!("synonym `{}` has no variants", s.canonical),
            ));
        }
        for v in &s.variants {
            let line = check(v, out);
            let key = fold_words(v).join(" ");
            if key == fold_words(&s.canonical).join(" ") {
                out.push(problem(
                    file,
                    line,
                    format!("variant `{v}` is its own canonical form"),
                ));
            } else if let Some(first) = seen.get(&key) {
                out.push(problem(
                    file,
                    line,
                    format!("variant `{v}` is listed twice (first at line {first})"),
                ));
            } else {
                seen.insert(key, line);
            }
        }
    }
    glossary
}

/// Where a missing id's file would be: `faq/x` → `<root>/faq/x.md`.
fn file_for_id(root: &Path, id: &str) -> PathBuf {
    let base = id.split('#').next().unwrap_or(id);
    match base.split_once('/') {
        Some(("faq", slug)) => root.join("faq").join(format!("{slug}.md")),
        Some(("article", slug)) => root.join("articles").join(format!("{slug}.md")),
        _ => root.to_path_buf(),
    }
}

/// Cross-file checks: duplicate ids, links and related ids, required ids.
pub(crate) fn check_corpus(
    corpus: &Corpus,
    required_ids: &[&str],
    broken_ids: &BTreeSet<String>,
    orphan_links: &[(PathBuf, Link)],
) -> Vec<Problem> {
    let mut out = Vec::new();
    let root = &corpus.root;
    // Duplicates: the same id claimed by two files or two sections.
    let mut owners: BTreeMap<String, (PathBuf, usize)> = BTreeMap::new();
    let mut claim = |id: String, file: &Path, line: usize, out: &mut Vec<Problem>| {
        if let Some((first_file, first_line)) = owners.get(&id) {
            out.push(problem(
                file,
                line,
                format!(
                    "duplicate id `{id}` (also {}:{first_line})",
                    first_file.display()
                ),
            ));
        } else {
            owners.insert(id, (file.to_path_buf(), line));
        }
    };
    for f in &corpus.faqs {
        claim(f.front.id.clone(), &f.file, f.front.id_line, &mut out);
    }
    for a in &corpus.articles {
        claim(a.front.id.clone(), &a.file, a.front.id_line, &mut out);
    }
    let ids = corpus.ids();
    let exists =
        |id: &str| ids.contains(id) || broken_ids.contains(id.split('#').next().unwrap_or(id));
    let mut links: Vec<(&Path, usize, &str, &str)> = Vec::new();
    for f in &corpus.faqs {
        links.extend(
            f.links
                .iter()
                .map(|l| (f.file.as_path(), l.line, l.target.as_str(), "link")),
        );
        links.extend(f.front.related.iter().map(|r| {
            (
                f.file.as_path(),
                f.front.related_line,
                r.as_str(),
                "related id",
            )
        }));
    }
    for a in &corpus.articles {
        links.extend(
            a.links
                .iter()
                .map(|l| (a.file.as_path(), l.line, l.target.as_str(), "link")),
        );
        links.extend(a.front.related.iter().map(|r| {
            (
                a.file.as_path(),
                a.front.related_line,
                r.as_str(),
                "related id",
            )
        }));
    }
    links.extend(
        orphan_links
            .iter()
            .map(|(file, l)| (file.as_path(), l.line, l.target.as_str(), "link")),
    );
    for (file, line, target, what) in links {
        if !exists(target) {
            out.push(problem(
                file,
                line,
                format!("{what} `{target}` points to no content"),
            ));
        }
    }
    for id in REQUIRED_FAQ_IDS {
        if !exists(id) {
            out.push(problem(
                &file_for_id(root, id),
                1,
                format!("missing required FAQ entry `{id}`"),
            ));
        }
    }
    for id in required_ids {
        if !exists(id) {
            out.push(problem(
                &file_for_id(root, id),
                1,
                format!("rule source `{id}` does not exist"),
            ));
        }
    }
    out
}

/// Sorts and wraps problems into an error, if any.
pub(crate) fn into_result(mut problems: Vec<Problem>) -> Result<(), Error> {
    if problems.is_empty() {
        return Ok(());
    }
    problems.sort();
    problems.dedup();
    Err(Error::Content(Problems(problems)))
}

/// Fact ids `F1`..=`F41` that no content file lists in `facts` (and so no marker states).
pub fn coverage(corpus: &Corpus) -> Vec<String> {
    let listed: BTreeSet<&str> = corpus
        .faqs
        .iter()
        .map(|f| &f.front)
        .chain(corpus.articles.iter().map(|a| &a.front))
        .flat_map(|fm| fm.facts.iter().map(String::as_str))
        .collect();
    (1..=MAX_FACT)
        .map(|n| format!("F{n}"))
        .filter(|f| !listed.contains(f.as_str()))
        .collect()
}
