//! `adcredit export`: one corpus in every form the side-by-side benchmark needs, so adcredit,
//! Pagefind and MiniSearch index exactly the same documents.

use std::fmt::Write as _;
use std::path::Path;
use std::time::Instant;

use adcredit_indexer::{Corpus, SearchDoc};
use anyhow::{Context, Result};
use serde::Serialize;

/// A document as MiniSearch (or any JS indexer) takes it.
#[derive(Serialize)]
struct JsonDoc<'a> {
    id: &'a str,
    kind: &'a str,
    title: &'a str,
    body: &'a str,
    tags: String,
    /// The other ways people ask (FAQ front matter), one per line.
    questions: String,
    summary: &'a str,
}

/// Writes `out/index/` (tantivy + bundle, timed), `out/index/shards/`, `out/html/` and
/// `out/docs.json`; returns a one-line summary.
pub fn export(corpus: &Corpus, out: &Path) -> Result<String> {
    let index_dir = out.join("index");
    let started = Instant::now();
    let report = adcredit_indexer::build(corpus, &index_dir).map_err(|e| anyhow::anyhow!("{e}"))?;
    let index_secs = started.elapsed().as_secs_f64();
    let sharded = adcredit_indexer::write_sharded(corpus, &index_dir, &Default::default())
        .map_err(|e| anyhow::anyhow!("{e}"))?;

    let docs = corpus.docs();
    let html = out.join("html");
    if html.exists() {
        std::fs::remove_dir_all(&html)
            .with_context(|| format!("cannot clear {}", html.display()))?;
    }
    for d in &docs {
        let file = html.join(format!("{}.html", page_name(&d.id)));
        if let Some(dir) = file.parent() {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
        }
        std::fs::write(&file, page(d))
            .with_context(|| format!("cannot write {}", file.display()))?;
    }
    let json: Vec<JsonDoc<'_>> = docs
        .iter()
        .map(|d| JsonDoc {
            id: &d.id,
            kind: d.kind.as_str(),
            title: &d.title,
            body: &d.body,
            tags: d.tags.join(" "),
            questions: d.questions.join("\n"),
            summary: &d.summary,
        })
        .collect();
    let docs_json = out.join("docs.json");
    std::fs::write(&docs_json, serde_json::to_vec(&json)?)
        .with_context(|| format!("cannot write {}", docs_json.display()))?;
    Ok(format!(
        "exported {} documents to {}: index {index_secs:.2} s ({report}); sharded: meta {} bytes, {} term + {} doc shards, {} bytes",
        docs.len(),
        out.display(),
        sharded.meta_bytes,
        sharded.term_shards,
        sharded.doc_shards,
        sharded.shard_bytes
    ))
}

/// `faq/move-after-allocation` → `faq/move-after-allocation`; `article/a#b` → `article/a/b`.
fn page_name(id: &str) -> String {
    id.replace('#', "/")
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A plain page: the title as `<h1>` (Pagefind weights it), the tags, the other ways people
/// ask, the body paragraphs.
fn page(d: &SearchDoc) -> String {
    let mut body = String::new();
    for q in &d.questions {
        let _ = writeln!(body, "<p>{}</p>", escape(q));
    }
    for para in d.body.split("\n\n").filter(|p| !p.trim().is_empty()) {
        let _ = writeln!(body, "<p>{}</p>", escape(para.trim()));
    }
    format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{t}</title>\
         <meta name=\"adcredit-id\" content=\"{id}\"></head>\n<body><main data-pagefind-body>\
         <h1>{t}</h1>\n<p data-pagefind-weight=\"1.5\">{tags}</p>\n{body}</main></body></html>\n",
        t = escape(&d.title),
        id = escape(&d.id),
        tags = escape(&d.tags.join(" ")),
    )
}
