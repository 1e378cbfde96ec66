//! Broken content is reported with every problem, each as `file:line: message`.
//!
//! Each folder of `tests/fixtures/invalid/` is laid over a copy of the valid fixture corpus
//! (`delete.txt` lists files to remove, `required.txt` the rule sources to require) and must
//! give exactly the problems of its `expected.txt`. `UPDATE_EXPECT=1` rewrites them.
#![allow(clippy::unwrap_used)] // tests fail loudly

mod common;

use std::path::{Path, PathBuf};

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn lines(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .map(|t| {
            t.lines()
                .map(str::to_owned)
                .filter(|l| !l.is_empty())
                .collect()
        })
        .unwrap_or_default()
}

/// Runs one case and returns the reported problems with the temporary root stripped.
fn run(case: &Path) -> String {
    let name = case.file_name().unwrap().to_string_lossy().into_owned();
    let root: PathBuf = std::env::temp_dir()
        .join(format!("adcredit-validation-{}", std::process::id()))
        .join(&name);
    let _ = std::fs::remove_dir_all(&root);
    copy_dir(&common::fixture_dir(), &root);
    for entry in std::fs::read_dir(case).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap();
        if path.is_dir() {
            copy_dir(&path, &root.join(name));
        } else if !["delete.txt", "required.txt", "expected.txt"].contains(&name.to_str().unwrap())
        {
            std::fs::copy(&path, root.join(name)).unwrap();
        }
    }
    for file in lines(&case.join("delete.txt")) {
        std::fs::remove_file(root.join(file)).unwrap();
    }
    let required = lines(&case.join("required.txt"));
    let required: Vec<&str> = required.iter().map(String::as_str).collect();
    let result = adcredit_indexer::check_content(&root, &required);
    let _ = std::fs::remove_dir_all(&root);
    match result {
        Ok(_) => "ok".to_owned(),
        Err(e) => e.to_string().replace(&format!("{}/", root.display()), ""),
    }
}

fn check(case: &Path) -> Option<String> {
    let actual = run(case);
    let expected_path = case.join("expected.txt");
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&expected_path, format!("{actual}\n")).unwrap();
        return None;
    }
    let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
    (expected.trim_end() != actual).then(|| {
        format!(
            "{}:\n--- expected\n{}\n--- actual\n{actual}\n",
            case.display(),
            expected.trim_end()
        )
    })
}

#[test]
fn invalid_content_reports_every_problem() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 10);
    let failures: Vec<String> = cases.iter().filter_map(|c| check(c)).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_fixture_corpus_is_valid() {
    let corpus = adcredit_indexer::check_content(&common::fixture_dir(), &["article/guide#steps"])
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(corpus.faqs.len(), 20);
    let ids: Vec<String> = corpus.docs().into_iter().map(|d| d.id).collect();
    assert!(!ids.contains(&"article/guide#allocating-step-by-step".to_owned()));
    assert!(ids.contains(&"article/guide#steps".to_owned()));
    assert!(ids.contains(&"article/guide#other-platforms".to_owned()));
}

#[test]
fn the_real_content_is_valid_and_covers_every_fact() {
    if !common::has_real_content() {
        return;
    }
    let (corpus, _) = common::corpus();
    let uncovered = adcredit_indexer::coverage(&corpus);
    assert!(
        uncovered.is_empty(),
        "facts no content file states: {uncovered:?}"
    );
    for d in corpus.docs() {
        for text in [&d.title, &d.body, &d.summary] {
            assert!(
                !text.contains("{F") && !text.contains("{advice}"),
                "{}: {text}",
                d.id
            );
        }
    }
}

#[test]
fn fact_markers_are_stripped_from_what_is_indexed_and_shown() {
    let corpus = adcredit_indexer::load_content(&common::fixture_dir()).unwrap();
    let docs = corpus.docs();
    let fund = docs.iter().find(|d| d.id == "faq/fund-types").unwrap();
    assert_eq!(
        fund.summary,
        "Ad credits are promotional and must be allocated by hand; credit lines and cash balances can be shared."
    );
    assert_eq!(
        fund.body,
        "Ad credits are promotional and must be allocated by hand; credit lines and cash balances can be shared.\n\n\
         Ad credits are promotional and must be allocated by hand; credit lines and cash balances can be shared.\n\n\
         This entry explains the rule in more detail. See the overview for context."
    );
    for d in &docs {
        for text in [&d.title, &d.index_title, &d.body, &d.summary] {
            assert!(
                !text.contains('{') && !text.contains('}'),
                "{}: {text}",
                d.id
            );
        }
    }
    let faq = corpus
        .faqs
        .iter()
        .find(|f| f.front.id == "faq/fund-types")
        .unwrap();
    assert_eq!(faq.front.facts, ["F1", "F2", "F3"]);
}

#[test]
fn markdown_becomes_plain_text_with_sections() {
    let corpus = adcredit_indexer::load_content(&common::fixture_dir()).unwrap();
    let guide = &corpus.articles[0];
    assert_eq!(
        guide.intro,
        "An introduction that is not indexed on its own."
    );
    let steps = &guide.sections[1];
    assert_eq!(
        (steps.slug.as_str(), steps.heading.as_str()),
        ("steps", "Allocating, step by step")
    );
    assert_eq!(
        steps.text,
        "An admin or finance manager opens Finance, then Payment Management, picks the account and confirms.\n\n\
         Check the available balance first.\nAllocate only what the account will spend."
    );
    assert_eq!(guide.links[0].target, "faq/move-after-allocation");
}
