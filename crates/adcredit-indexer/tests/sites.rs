//! Someone else's site: a Markdown tree (YAML, TOML or no front matter) and a built HTML site
//! become search documents; what cannot be read is reported with file and line. Each fixture
//! folder `tests/fixtures/site-*/` has its expected documents (or problems) in
//! `tests/fixtures/site-*.expected`; `UPDATE_EXPECT=1` rewrites them.
#![allow(clippy::unwrap_used)] // tests fail loudly

mod common;

use std::path::{Path, PathBuf};

use adcredit_indexer::{BundleMode, Layout, Site};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The documents of a site, one block each, then what was ignored; paths relative to `root`.
fn render(site: &Site, root: &Path) -> String {
    let mut out = format!("pages: {}\n", site.pages);
    for d in site.corpus.docs() {
        out.push_str(&format!(
            "\n[{}] {}\n  index title: {}\n  tags: {:?}\n  summary: {}\n  body: {}\n",
            d.id,
            d.title,
            d.index_title,
            d.tags,
            d.summary,
            d.body.replace('\n', "⏎")
        ));
    }
    for i in &site.ignored {
        let rel = i.path.strip_prefix(root).unwrap_or(&i.path);
        out.push_str(&format!("\nignored: {} ({})", rel.display(), i.reason));
    }
    out.push('\n');
    out
}

/// Compares `actual` with `<name>.expected` (or rewrites it under `UPDATE_EXPECT=1`).
fn check(name: &str, actual: &str) {
    let path = fixtures().join(format!("{name}.expected"));
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(
        actual,
        expected,
        "{name}: documents differ from {}",
        path.display()
    );
}

#[test]
fn markdown_tree() {
    let root = fixtures().join("site-md");
    let site = adcredit_indexer::load_tree(&root).unwrap();
    check("site-md", &render(&site, &root));
}

#[test]
fn html_site() {
    let root = fixtures().join("site-html");
    let site = adcredit_indexer::load_html(&root).unwrap();
    let text = render(&site, &root);
    // Never chrome, ignored parts, styles or scripts; markup written as text stays text.
    for absent in [
        "Menu words",
        "Footer words",
        "Newsletter",
        "Chrome words",
        "headscript",
        "bodyscript",
        "color: red",
        "Site header",
    ] {
        assert!(!text.contains(absent), "indexed {absent:?}:\n{text}");
    }
    assert!(text.contains("<img src=x onerror=alert(1)>"), "{text}");
    check("site-html", &text);
}

#[test]
fn unreadable_pages_are_reported_with_file_and_line() {
    let root = fixtures().join("site-invalid");
    let err = adcredit_indexer::load_tree(&root).unwrap_err().to_string();
    let prefix = format!("{}/", root.display());
    check("site-invalid", &format!("{}\n", err.replace(&prefix, "")));
}

/// Our own content, read through the new entry point (strict because of its adcredit.toml),
/// gives byte for byte the bundle the strict path gives.
#[test]
fn own_content_bundle_is_unchanged() {
    let content = common::repo_root().join("content");
    assert!(adcredit_indexer::is_strict(&content).unwrap());
    let before = adcredit_indexer::bundle_from_dir(&content, &[]).unwrap();
    let site = adcredit_indexer::load_content_dir(&content, &[]).unwrap();
    let out = std::env::temp_dir().join(format!("adcredit-sites-{}", std::process::id()));
    let report = adcredit_indexer::write_index(&site.corpus, &out, BundleMode::Auto).unwrap();
    assert_eq!(report.layout, Layout::Monolithic);
    let after = std::fs::read(out.join("adcredit.bundle")).unwrap();
    assert!(before == after, "the bundle of content/ changed");
    // A tree without adcredit.toml is not strict: nothing of our format is required of it.
    assert!(!adcredit_indexer::is_strict(&fixtures().join("site-md")).unwrap());
}

/// Forced shards are written (`adcredit.bundle` becomes their meta, the entry point), and the
/// searcher opened from them answers as the single file does.
#[test]
fn sharded_layout_answers_as_the_single_file() {
    let root = fixtures().join("site-md");
    let site = adcredit_indexer::load_tree(&root).unwrap();
    let out = std::env::temp_dir().join(format!("adcredit-sites-sh-{}", std::process::id()));
    adcredit_indexer::write_index(&site.corpus, &out, BundleMode::Monolithic).unwrap();
    let one = adcredit_indexer::open_searcher(&out).unwrap();
    let report = adcredit_indexer::write_index(&site.corpus, &out, BundleMode::Sharded).unwrap();
    assert!(matches!(report.layout, Layout::Sharded(_)));
    let entry = std::fs::read(out.join("adcredit.bundle")).unwrap();
    assert!(adcredit_indexer::is_sharded_meta(&entry));
    assert_eq!(entry, std::fs::read(out.join("shards/meta.bin")).unwrap());
    let sharded = adcredit_indexer::open_searcher(&out).unwrap();
    let options = adcredit_search::SearchOptions {
        limit: 5,
        ..Default::default()
    };
    for q in ["refund", "dishwasher", "international orders", "ceramics"] {
        let ids = |s: &adcredit_search::Searcher| -> Vec<String> {
            s.search(q, &options)
                .unwrap()
                .into_iter()
                .map(|h| h.id)
                .collect()
        };
        let (a, b) = (ids(&one), ids(&sharded));
        assert!(!a.is_empty(), "{q}: no results");
        assert_eq!(a, b, "{q}");
    }
}
