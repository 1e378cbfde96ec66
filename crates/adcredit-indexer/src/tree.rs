//! A Markdown tree as site generators keep one (Hugo, Jekyll, Docusaurus, Eleventy, Astro…):
//! nested folders of `.md` files with YAML (`---`) front matter, TOML (`+++`) front matter, or
//! none. Nothing is required of the files; what cannot be read is reported with file and line.

use std::path::Path;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::content::{into_result, parse_glossary};
use crate::page::PageSection;
use crate::page::{into_corpus, page_id, slug, tidy, unique_anchors, walk, Ignored, Page, Site};
use crate::{Error, Problem};

/// Files at the root of a tree that configure it rather than being pages.
const CONFIG_FILES: &[&str] = &["adcredit.toml", "glossary.toml"];

/// Reads every Markdown file (`.md`, `.markdown`) under `dir`; other files are listed as
/// ignored, `glossary.toml` at the root gives synonyms. Fails with every problem found.
pub fn load_tree(dir: &Path) -> Result<Site, Error> {
    let mut ignored = Vec::new();
    let files = walk(dir, &mut ignored)?;
    let mut problems = Vec::new();
    let mut pages = Vec::new();
    for file in &files {
        let rel = file.strip_prefix(dir).unwrap_or(file);
        let is_md = file
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"));
        if !is_md {
            if !CONFIG_FILES.iter().any(|c| rel == Path::new(c)) {
                ignored.push(Ignored {
                    path: file.clone(),
                    reason: "not Markdown".into(),
                });
            }
            continue;
        }
        let bytes = std::fs::read(file).map_err(|e| Error::io(file, e))?;
        let Ok(text) = String::from_utf8(bytes) else {
            problems.push(problem(file, 1, "not UTF-8 text"));
            continue;
        };
        match parse_page(dir, file, &text, &mut problems) {
            Some(Parsed::Page(p)) => pages.push(p),
            Some(Parsed::Draft) => ignored.push(Ignored {
                path: file.clone(),
                reason: "draft: true".into(),
            }),
            None => {}
        }
    }
    let count = pages.len();
    let mut corpus = into_corpus(dir, pages, &mut problems);
    let glossary = dir.join("glossary.toml");
    if glossary.is_file() {
        let text = std::fs::read_to_string(&glossary).map_err(|e| Error::io(&glossary, e))?;
        corpus.glossary = parse_glossary(&glossary, &text, &mut problems);
    }
    into_result(problems)?;
    ignored.sort();
    Ok(Site {
        corpus,
        pages: count,
        ignored,
    })
}

fn problem(file: &Path, line: usize, message: impl Into<String>) -> Problem {
    Problem {
        file: file.to_path_buf(),
        line,
        message: message.into(),
    }
}

enum Parsed {
    Page(Page),
    Draft,
}

/// What the front matter says, whatever its language.
#[derive(Default)]
struct Front {
    title: Option<String>,
    summary: Option<String>,
    tags: Vec<String>,
    draft: bool,
}

/// The front matter's language and text, and the body.
struct Split<'a> {
    yaml: bool,
    front: &'a str,
    body: &'a str,
}

fn split<'a>(file: &Path, text: &'a str, out: &mut Vec<Problem>) -> Option<Split<'a>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or_default();
    let (yaml, closers): (bool, &[&str]) = match first.trim_end() {
        "---" => (true, &["---", "..."]),
        "+++" => (false, &["+++"]),
        _ => {
            return Some(Split {
                yaml: false,
                front: "",
                body: text,
            })
        }
    };
    let mut offset = first.len();
    for l in lines {
        if closers.contains(&l.trim_end()) {
            return Some(Split {
                yaml,
                front: text.get(first.len()..offset).unwrap_or_default(),
                body: text.get(offset + l.len()..).unwrap_or_default(),
            });
        }
        offset += l.len();
    }
    out.push(problem(
        file,
        1,
        format!(
            "front matter opened by `{}` is not closed",
            first.trim_end()
        ),
    ));
    None
}

/// Line (1-based, in the file) of `key:` / `key =` in the front matter, else 1.
fn key_line(front: &str, key: &str) -> usize {
    for (i, l) in front.lines().enumerate() {
        if let Some(rest) = l.trim_start().strip_prefix(key) {
            let rest = rest.trim_start();
            if rest.starts_with(':') || rest.starts_with('=') {
                return i + 2;
            }
        }
    }
    1
}

/// A front-matter value as text, a list of texts, a flag, or something else.
enum Value {
    Text(String),
    List(Option<Vec<String>>),
    Flag(bool),
    Other,
}

fn yaml_value(v: &serde_yaml_ng::Value) -> Value {
    use serde_yaml_ng::Value as Y;
    match v {
        Y::String(s) => Value::Text(s.clone()),
        Y::Number(n) => Value::Text(n.to_string()),
        Y::Bool(b) => Value::Flag(*b),
        Y::Sequence(items) => Value::List(
            items
                .iter()
                .map(|i| match yaml_value(i) {
                    Value::Text(s) => Some(s),
                    _ => None,
                })
                .collect(),
        ),
        Y::Null => Value::List(Some(Vec::new())),
        _ => Value::Other,
    }
}

fn toml_value(v: &toml::Value) -> Value {
    match v {
        toml::Value::String(s) => Value::Text(s.clone()),
        toml::Value::Integer(n) => Value::Text(n.to_string()),
        toml::Value::Float(n) => Value::Text(n.to_string()),
        toml::Value::Boolean(b) => Value::Flag(*b),
        toml::Value::Array(items) => Value::List(
            items
                .iter()
                .map(|i| match toml_value(i) {
                    Value::Text(s) => Some(s),
                    _ => None,
                })
                .collect(),
        ),
        _ => Value::Other,
    }
}

/// Reads the fields we use; other fields are the generator's business and are left alone.
fn read_front(file: &Path, s: &Split<'_>, out: &mut Vec<Problem>) -> Option<Front> {
    let entries: Vec<(String, Value)> = if s.front.trim().is_empty() {
        Vec::new()
    } else if s.yaml {
        match serde_yaml_ng::from_str::<serde_yaml_ng::Value>(s.front) {
            Ok(serde_yaml_ng::Value::Mapping(m)) => m
                .iter()
                .filter_map(|(k, v)| k.as_str().map(|k| (k.to_owned(), yaml_value(v))))
                .collect(),
            Ok(serde_yaml_ng::Value::Null) => Vec::new(),
            Ok(_) => {
                out.push(problem(
                    file,
                    2,
                    "YAML front matter must be a mapping of fields",
                ));
                return None;
            }
            Err(e) => {
                let line = e.location().map_or(1, |l| l.line() + 1);
                out.push(problem(
                    file,
                    line,
                    format!("invalid YAML front matter: {e}"),
                ));
                return None;
            }
        }
    } else {
        match toml::from_str::<toml::Table>(s.front) {
            Ok(t) => t.iter().map(|(k, v)| (k.clone(), toml_value(v))).collect(),
            Err(e) => {
                let line = e.span().map_or(1, |sp| {
                    2 + s
                        .front
                        .get(..sp.start)
                        .unwrap_or_default()
                        .matches('\n')
                        .count()
                });
                let message = e.message().trim_end().trim_end_matches('.').to_owned();
                out.push(problem(
                    file,
                    line,
                    format!("invalid TOML front matter: {message}"),
                ));
                return None;
            }
        }
    };
    let mut front = Front::default();
    let before = out.len();
    for (key, value) in entries {
        let line = key_line(s.front, &key);
        let mut wrong = |what: &str| {
            out.push(problem(
                file,
                line,
                format!("front matter field `{key}` must be {what}"),
            ));
        };
        match key.as_str() {
            "title" => match value {
                Value::Text(t) if !t.trim().is_empty() => front.title = Some(t.trim().to_owned()),
                _ => wrong("a non-empty string"),
            },
            "description" | "summary" => match value {
                Value::Text(t) => {
                    if front.summary.is_none() || key == "description" {
                        front.summary = Some(t.trim().to_owned());
                    }
                }
                _ => wrong("a string"),
            },
            "tags" | "keywords" => match value {
                Value::List(Some(list)) => front.tags.extend(list),
                Value::Text(t) => front.tags.extend(
                    t.split(',')
                        .map(|s| s.trim().to_owned())
                        .filter(|s| !s.is_empty()),
                ),
                _ => wrong("a string or a list of strings"),
            },
            "draft" => match value {
                Value::Flag(b) => front.draft = b,
                _ => wrong("true or false"),
            },
            _ => {}
        }
    }
    (out.len() == before).then_some(front)
}

fn parse_page(root: &Path, file: &Path, text: &str, out: &mut Vec<Problem>) -> Option<Parsed> {
    let s = split(file, text, out)?;
    let front = read_front(file, &s, out)?;
    if front.draft {
        return Some(Parsed::Draft);
    }
    let body = markdown(s.body);
    let title = front
        .title
        .or(body.h1)
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| {
            file.file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
        });
    Some(Parsed::Page(Page {
        file: file.to_path_buf(),
        id: page_id(root, file),
        title,
        summary: front.summary.unwrap_or_default(),
        tags: front.tags,
        intro: body.intro,
        sections: body.sections,
    }))
}

/// A Markdown body as plain text: the first `#` heading, the text before the first `##`, and
/// the `##` sections.
struct Body {
    h1: Option<String>,
    intro: String,
    sections: Vec<PageSection>,
}

fn markdown(source: &str) -> Body {
    let options = Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES;
    let mut body = Body {
        h1: None,
        intro: String::new(),
        sections: Vec::new(),
    };
    let mut text = String::new();
    // The heading being read: its level, explicit id and text so far.
    let mut heading: Option<(HeadingLevel, Option<String>, String)> = None;
    let mut open: Option<(String, String)> = None; // the section being read: anchor, heading
    let close = |open: &mut Option<(String, String)>, text: &mut String, body: &mut Body| {
        let plain = tidy(text);
        text.clear();
        match open.take() {
            None => body.intro = plain,
            Some((anchor, heading)) => body.sections.push(PageSection {
                anchor,
                heading,
                text: plain,
            }),
        }
    };
    for event in Parser::new_ext(source, options) {
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                heading = Some((level, id.map(|s| s.to_string()), String::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                let Some((level, id, h)) = heading.take() else {
                    continue;
                };
                let h = h.split_whitespace().collect::<Vec<_>>().join(" ");
                if level == HeadingLevel::H1 && body.h1.is_none() {
                    body.h1 = Some(h);
                } else if level == HeadingLevel::H2 {
                    close(&mut open, &mut text, &mut body);
                    open = Some((id.unwrap_or_else(|| slug(&h)), h));
                } else {
                    text.push_str("\n\n");
                    text.push_str(&h);
                    text.push_str("\n\n");
                }
            }
            Event::Text(t) | Event::Code(t) => match heading.as_mut() {
                Some((_, _, h)) => h.push_str(&t),
                None => text.push_str(&t),
            },
            Event::SoftBreak => match heading.as_mut() {
                Some((_, _, h)) => h.push(' '),
                None => text.push(' '),
            },
            Event::HardBreak | Event::Start(Tag::Item) => text.push('\n'),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_)
                | TagEnd::List(_)
                | TagEnd::Table
                | TagEnd::TableHead
                | TagEnd::TableRow
                | TagEnd::FootnoteDefinition,
            ) => text.push_str("\n\n"),
            Event::End(TagEnd::TableCell) => text.push(' '),
            _ => {}
        }
    }
    close(&mut open, &mut text, &mut body);
    body.sections
        .retain(|s| !s.heading.is_empty() || !s.text.is_empty());
    for s in &mut body.sections {
        if s.anchor.is_empty() {
            s.anchor = "section".into();
        }
    }
    unique_anchors(&mut body.sections);
    body
}
