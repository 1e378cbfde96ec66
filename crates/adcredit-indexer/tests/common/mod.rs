//! Helpers shared by the integration tests: where the content is, the dev questions, and a
//! deterministic set of generated queries.
#![allow(clippy::unwrap_used, dead_code)] // tests fail loudly; not every test uses every helper

use std::path::{Path, PathBuf};

use adcredit_indexer::Corpus;

/// The repository root (two levels above this crate).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The small fixture corpus shipped with the tests.
pub fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/content")
}

/// True once the content writer's FAQ is in `content/`.
pub fn has_real_content() -> bool {
    std::fs::read_dir(repo_root().join("content/faq"))
        .map(|d| {
            d.flatten()
                .any(|e| e.path().extension().is_some_and(|x| x == "md"))
        })
        .unwrap_or(false)
}

/// The real content when present, else the fixture corpus; and a label saying which.
pub fn corpus() -> (Corpus, &'static str) {
    let (dir, label) = if has_real_content() {
        (repo_root().join("content"), "content/")
    } else {
        (fixture_dir(), "fixture corpus")
    };
    match adcredit_indexer::check_content(&dir, &[]) {
        Ok(c) => (c, label),
        Err(e) => panic!("{label} does not load:\n{e}"),
    }
}

/// `../shared/eval/dev-questions.tsv`: (question, acceptable ids, best first).
pub fn dev_questions() -> Vec<(String, Vec<String>)> {
    let path = repo_root().join("../shared/eval/dev-questions.tsv");
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Vec::new();
    };
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .map(|(q, ids)| {
            (
                q.to_owned(),
                ids.split(',').map(|s| s.trim().to_owned()).collect(),
            )
        })
        .collect()
}

/// One judged question: the question and its acceptable ids, best first.
pub type Judged = (String, Vec<String>);

/// The fixed split of the question sets: a question is in the *validation* half when the
/// 32-bit FNV-1a hash (offset 2166136261, prime 16777619) of its UTF-8 bytes is odd, else in
/// the *tune* half. Ranking changes are made looking at the tune half only.
pub fn is_validation(question: &str) -> bool {
    let mut hash: u32 = 2_166_136_261;
    for b in question.bytes() {
        hash ^= u32::from(b);
        hash = hash.wrapping_mul(16_777_619);
    }
    hash & 1 == 1
}

fn data_lines(path: &Path) -> Option<Vec<String>> {
    let text = std::fs::read_to_string(path).ok()?;
    Some(
        text.lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .map(str::to_owned)
            .collect(),
    )
}

/// The folder of the judged question sets: `tests/questions/`, or the folder named by the
/// environment variable `ADCREDIT_QUESTIONS` (to measure another set).
pub fn questions_dir() -> PathBuf {
    std::env::var_os("ADCREDIT_QUESTIONS")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("tests/questions"))
}

/// `questions.tsv` of [`questions_dir`] (`question<TAB>id,id…`, best id first), or `None`
/// when the file is not there.
pub fn judged_questions() -> Option<Vec<Judged>> {
    let lines = data_lines(&questions_dir().join("questions.tsv"))?;
    Some(
        lines
            .iter()
            .map(|l| {
                let (q, ids) = l
                    .split_once('\t')
                    .unwrap_or_else(|| panic!("questions.tsv: no tab in {l:?}"));
                (
                    q.trim().to_owned(),
                    ids.split(',').map(|s| s.trim().to_owned()).collect(),
                )
            })
            .collect(),
    )
}

/// `out-of-scope.tsv` of [`questions_dir`]: questions the knowledge base has no answer to,
/// one per line (empty when the file is not there).
pub fn out_of_scope_questions() -> Vec<String> {
    data_lines(&questions_dir().join("out-of-scope.tsv"))
        .unwrap_or_default()
        .into_iter()
        .map(|l| l.trim().to_owned())
        .collect()
}

/// At least 200 deterministic queries built from the corpus: single words, pairs,
/// question-like sentences, glossary variants, words absent from the corpus, and odd input.
pub fn generated_queries(corpus: &Corpus) -> Vec<String> {
    let docs = corpus.docs();
    let words: Vec<String> = docs
        .iter()
        .flat_map(|d| {
            d.index_title
                .split_whitespace()
                .chain(d.tags.iter().map(String::as_str))
        })
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| w.len() > 2)
        .collect();
    let mut unique: Vec<String> = Vec::new();
    for w in words {
        if !unique.contains(&w) {
            unique.push(w);
        }
    }
    let mut queries: Vec<String> = Vec::new();
    // Single words and pairs, spread over the vocabulary.
    let step = (unique.len() / 80).max(1);
    for (i, w) in unique.iter().enumerate().step_by(step).take(80) {
        queries.push(w.clone());
        if let Some(next) = unique.get((i * 7 + 3) % unique.len()) {
            queries.push(format!("{w} {next}"));
        }
    }
    // Question-like sentences: the titles themselves and rephrasings.
    for d in docs.iter().step_by((docs.len() / 40).max(1)).take(40) {
        queries.push(d.index_title.clone());
        queries.push(format!("what about {} ?", d.index_title.to_uppercase()));
    }
    // Glossary variants.
    for s in &corpus.glossary.synonyms {
        for v in s.variants.iter().take(3) {
            queries.push(v.clone());
            queries.push(format!("can I use a {v} on another account"));
        }
    }
    // Words absent from the corpus, odd input, repeats, diacritics.
    for q in [
        "zebra",
        "kubernetes cluster",
        "qwertyuiop",
        "",
        "   ",
        "?!.,",
        "credit credit credit",
        "Crédit ALLOUÉ",
        "l'argent du compte",
        "ad-credit/cash_balance",
        "2026",
        "F14",
        "🎉 credit",
    ] {
        queries.push(q.to_owned());
    }
    queries
}
