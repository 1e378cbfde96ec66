//! A built HTML site, indexed as Pagefind indexes one: one page per `.html` file, its text from
//! the element marked `data-adcredit-body`, else `<main>`, else `<body>`; never `nav`,
//! `header`, `footer`, `script`, `style`, `template`, `noscript` or anything marked
//! `data-adcredit-ignore`; sections at headings that carry an `id`. Markup in the pages is
//! only ever read as text.

use std::path::Path;

use scraper::{ElementRef, Html, Node, Selector};

use crate::content::into_result;
use crate::page::{
    into_corpus, page_id, tidy, unique_anchors, walk, Ignored, Page, PageSection, Site,
};
use crate::{Error, Problem};

/// Elements whose content is never indexed.
const SKIPPED: &[&str] = &[
    "nav", "header", "footer", "script", "style", "template", "noscript", "svg", "iframe",
    "object", "canvas", "button", "select", "textarea",
];
/// Elements after which the text breaks (a blank line, as between paragraphs).
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "aside",
    "blockquote",
    "pre",
    "table",
    "ul",
    "ol",
    "dl",
    "figure",
    "figcaption",
    "details",
    "summary",
    "form",
    "fieldset",
    "hr",
    "address",
    "main",
];
/// Elements after which the text breaks a line.
const LINES: &[&str] = &["li", "dt", "dd", "tr", "br", "caption"];
const HEADINGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];

/// Reads every `.html` / `.htm` file under `dir` (a built site); other files are listed as
/// ignored, as are pages with no text. `glossary.toml` at the root gives synonyms.
pub fn load_html(dir: &Path) -> Result<Site, Error> {
    let mut ignored = Vec::new();
    let files = walk(dir, &mut ignored)?;
    let mut problems = Vec::new();
    let mut pages = Vec::new();
    for file in &files {
        let is_html = file
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
        if !is_html {
            if file.strip_prefix(dir).ok() != Some(Path::new("glossary.toml")) {
                ignored.push(Ignored {
                    path: file.clone(),
                    reason: "not HTML".into(),
                });
            }
            continue;
        }
        let bytes = std::fs::read(file).map_err(|e| Error::io(file, e))?;
        let Ok(text) = String::from_utf8(bytes) else {
            problems.push(Problem {
                file: file.clone(),
                line: 1,
                message: "not UTF-8 text (built sites are read as UTF-8)".into(),
            });
            continue;
        };
        match read_page(dir, file, &text) {
            Ok(page) => pages.push(page),
            Err(reason) => ignored.push(Ignored {
                path: file.clone(),
                reason: reason.into(),
            }),
        }
    }
    let count = pages.len();
    let mut corpus = into_corpus(dir, pages, &mut problems);
    let glossary = dir.join("glossary.toml");
    if glossary.is_file() {
        let text = std::fs::read_to_string(&glossary).map_err(|e| Error::io(&glossary, e))?;
        corpus.glossary = crate::content::parse_glossary(&glossary, &text, &mut problems);
    }
    into_result(problems)?;
    ignored.sort();
    Ok(Site {
        corpus,
        pages: count,
        ignored,
    })
}

fn selector(css: &str) -> Option<Selector> {
    Selector::parse(css).ok()
}

fn first<'a>(doc: &'a Html, css: &str) -> Option<ElementRef<'a>> {
    selector(css).and_then(|s| doc.select(&s).next())
}

/// One page, or why it is not indexed.
fn read_page(root: &Path, file: &Path, text: &str) -> Result<Page, &'static str> {
    let doc = Html::parse_document(text);
    if first(&doc, "meta[name=robots][content*=noindex]").is_some() {
        return Err("<meta name=\"robots\" content=\"noindex\">");
    }
    if first(
        &doc,
        "html[data-adcredit-ignore], body[data-adcredit-ignore]",
    )
    .is_some()
    {
        return Err("marked data-adcredit-ignore");
    }
    let root_el = first(&doc, "[data-adcredit-body]")
        .or_else(|| first(&doc, "main"))
        .or_else(|| first(&doc, "body"))
        .ok_or("no <body>")?;
    let mut w = Walker::default();
    w.walk(root_el);
    let h1 = w.h1.take();
    w.close();
    let title = h1
        .or_else(|| first(&doc, "title").map(|t| words(&t.text().collect::<String>())))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| page_id(root, file));
    let meta = |name: &str| {
        first(&doc, &format!("meta[name={name}]"))
            .and_then(|m| m.value().attr("content"))
            .map(words)
            .unwrap_or_default()
    };
    if w.intro.is_empty() && w.sections.is_empty() {
        return Err("no text in its body");
    }
    unique_anchors(&mut w.sections);
    Ok(Page {
        file: file.to_path_buf(),
        id: page_id(root, file),
        title,
        summary: meta("description"),
        tags: meta("keywords")
            .split(',')
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect(),
        intro: w.intro,
        sections: w.sections,
    })
}

fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Collects the text of a page's body, split into sections at headings with an id.
#[derive(Default)]
struct Walker {
    h1: Option<String>,
    text: String,
    open: Option<(String, String)>,
    intro: String,
    sections: Vec<PageSection>,
}

impl Walker {
    fn close(&mut self) {
        let plain = tidy(&self.text);
        self.text.clear();
        match self.open.take() {
            None => self.intro = plain,
            Some((anchor, heading)) => self.sections.push(PageSection {
                anchor,
                heading,
                text: plain,
            }),
        }
    }

    fn walk(&mut self, el: ElementRef<'_>) {
        for child in el.children() {
            match child.value() {
                Node::Text(t) => self.text.push_str(t),
                Node::Element(e) => {
                    let Some(child_el) = ElementRef::wrap(child) else {
                        continue;
                    };
                    let name = e.name();
                    if SKIPPED.contains(&name) || e.attr("data-adcredit-ignore").is_some() {
                        continue;
                    }
                    if HEADINGS.contains(&name) {
                        self.heading(child_el, name, e.attr("id"));
                        continue;
                    }
                    self.walk(child_el);
                    if BLOCKS.contains(&name) {
                        self.text.push_str("\n\n");
                    } else if LINES.contains(&name) {
                        self.text.push('\n');
                    } else if name == "td" || name == "th" {
                        self.text.push(' ');
                    }
                }
                _ => {}
            }
        }
    }

    fn heading(&mut self, el: ElementRef<'_>, name: &str, id: Option<&str>) {
        let mut inner = Walker::default();
        inner.walk(el);
        let heading = words(&inner.text);
        if name == "h1" && self.h1.is_none() {
            self.h1 = Some(heading);
            return;
        }
        match id.map(str::trim).filter(|id| !id.is_empty()) {
            Some(id) => {
                self.close();
                self.open = Some((id.to_owned(), heading));
            }
            None => {
                self.text.push_str("\n\n");
                self.text.push_str(&heading);
                self.text.push_str("\n\n");
            }
        }
    }
}
