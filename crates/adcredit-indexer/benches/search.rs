//! Benchmarks: the browser's bundle scorer against tantivy, index build time, bundle sizes,
//! and a synthetic 10,000-article corpus in the sharded layout (bytes fetched per query,
//! latency).
//!
//! `cargo bench -p adcredit-indexer` (about two minutes). Sizes and one-shot timings are
//! printed; per-query latencies are criterion's.
#![allow(clippy::unwrap_used)] // a benchmark that cannot run should stop loudly

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use adcredit_indexer::{gzip_len, synthetic_corpus, Corpus, TantivyIndex};
use adcredit_search::{
    encode, encode_sharded, SearchOptions, Searcher, ShardKey, ShardPlan, ShardedBundle,
};
use criterion::{criterion_group, criterion_main, Criterion};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The real content when present, else the test fixture corpus.
fn small_corpus() -> (Corpus, &'static str) {
    let real = repo_root().join("content");
    if real.join("faq").is_dir() {
        if let Ok(c) = adcredit_indexer::load_content(&real) {
            return (c, "content/");
        }
    }
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/content");
    (adcredit_indexer::load_content(&fixture).unwrap(), "fixture")
}

fn dev_questions() -> Vec<String> {
    let text = std::fs::read_to_string(repo_root().join("../shared/eval/dev-questions.tsv"))
        .unwrap_or_default();
    let mut qs: Vec<String> = text
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next().map(str::to_owned))
        .collect();
    if qs.is_empty() {
        qs = [
            "can I move ad credit",
            "who can allocate credit",
            "payment portfolio cash",
        ]
        .map(String::from)
        .to_vec();
    }
    qs
}

fn small(c: &mut Criterion) {
    let (corpus, label) = small_corpus();
    let questions = dev_questions();
    let index = TantivyIndex::in_memory(&corpus).unwrap();
    let data = index.export(&corpus.glossary).unwrap();
    let bytes = encode(&data).unwrap();
    println!(
        "bundle ({label}): {} docs, {} terms, {} bytes raw, {} bytes gzip",
        data.num_docs,
        data.terms.len(),
        bytes.len(),
        gzip_len(&bytes)
    );
    let searcher = Searcher::from_bundle(&bytes).unwrap();
    let product = SearchOptions::default();
    let n = questions.len();
    c.bench_function(&format!("dev questions x{n}: bundle BM25 core"), |b| {
        b.iter(|| {
            for q in &questions {
                black_box(searcher.score_bm25(q, 10).unwrap());
            }
        })
    });
    c.bench_function(
        &format!("dev questions x{n}: bundle product search + snippets"),
        |b| {
            b.iter(|| {
                for q in &questions {
                    black_box(searcher.search(q, &product).unwrap());
                }
            })
        },
    );
    c.bench_function(&format!("dev questions x{n}: tantivy"), |b| {
        b.iter(|| {
            for q in &questions {
                black_box(index.search(q, 10).unwrap());
            }
        })
    });
    c.bench_function("open the shipped bundle (Searcher::from_bundle)", |b| {
        b.iter(|| black_box(Searcher::from_bundle(&bytes).unwrap()))
    });
    let out = std::env::temp_dir().join(format!("adcredit-bench-{}", std::process::id()));
    c.bench_function(
        &format!("index build ({label}, tantivy on disk + bundle)"),
        |b| b.iter(|| black_box(adcredit_indexer::build(&corpus, &out).unwrap())),
    );
    let _ = std::fs::remove_dir_all(&out);
}

/// Bytes a browser fetches for one query: the meta, then what `missing_shards` asks for,
/// round after round. Returns (raw, gzip, raw bytes of doc shards) byte counts.
fn fetched(
    sharded: &ShardedBundle,
    gz: &std::collections::BTreeMap<ShardKey, usize>,
    meta_gz: usize,
    query: &str,
) -> (usize, usize, usize) {
    let options = SearchOptions::default();
    let mut searcher = Searcher::from_meta(&sharded.meta).unwrap();
    let (mut raw, mut zipped, mut docs) = (sharded.meta.len(), meta_gz, 0);
    loop {
        let missing = searcher.missing_shards(query, &options);
        if missing.is_empty() {
            black_box(searcher.search(query, &options).unwrap());
            return (raw, zipped, docs);
        }
        for key in missing {
            let (_, bytes) = sharded.shards.iter().find(|(k, _)| *k == key).unwrap();
            raw += bytes.len();
            zipped += gz.get(&key).copied().unwrap_or(0);
            if matches!(key, ShardKey::Docs(_)) {
                docs += bytes.len();
            }
            searcher.add_shard(key, bytes).unwrap();
        }
    }
}

fn percentile(sorted: &[usize], p: f64) -> usize {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(i).copied().unwrap_or(0)
}

fn large(c: &mut Criterion) {
    let started = Instant::now();
    let corpus = synthetic_corpus(10_000, 2026);
    let generated = started.elapsed();
    let started = Instant::now();
    let index = TantivyIndex::in_memory(&corpus).unwrap();
    let indexed = started.elapsed();
    let started = Instant::now();
    let data = index.export(&corpus.glossary).unwrap();
    let plan = ShardPlan::default();
    let sharded = encode_sharded(&data, &plan).unwrap();
    let exported = started.elapsed();
    let words: usize = corpus
        .articles
        .iter()
        .flat_map(|a| &a.sections)
        .map(|s| s.text.split_whitespace().count())
        .sum();
    println!(
        "synthetic 10k: {} articles, {} docs, {words} words, {} terms; generated in {:.1} s, \
         tantivy index in {:.1} s, export + shard in {:.1} s",
        corpus.articles.len(),
        data.num_docs,
        data.terms.len(),
        generated.as_secs_f64(),
        indexed.as_secs_f64(),
        exported.as_secs_f64()
    );
    let gz: std::collections::BTreeMap<ShardKey, usize> = sharded
        .shards
        .iter()
        .map(|(k, b)| (*k, gzip_len(b)))
        .collect();
    let meta_gz = gzip_len(&sharded.meta);
    let (mut t_n, mut t_raw, mut t_gz, mut d_n, mut d_raw, mut d_gz) = (0, 0, 0, 0, 0, 0);
    for (key, bytes) in &sharded.shards {
        match key {
            ShardKey::Terms(_) => {
                (t_n, t_raw, t_gz) = (t_n + 1, t_raw + bytes.len(), t_gz + gz[key])
            }
            ShardKey::Docs(_) => {
                (d_n, d_raw, d_gz) = (d_n + 1, d_raw + bytes.len(), d_gz + gz[key])
            }
        }
    }
    println!(
        "synthetic 10k sharded: meta {} B ({meta_gz} B gzip); {t_n} term shards {t_raw} B \
         ({t_gz} B gzip, mean {} B); {d_n} doc shards {d_raw} B ({d_gz} B gzip, mean {} B)",
        sharded.meta.len(),
        t_raw / t_n.max(1),
        d_raw / d_n.max(1)
    );

    // Queries: the dev questions, and words and pairs drawn from the synthetic vocabulary.
    let mut queries = dev_questions();
    for (i, a) in corpus.articles.iter().enumerate().step_by(250) {
        let heading = &a.sections[i % a.sections.len()].heading;
        let mut w = heading.split_whitespace();
        queries.push(w.next().unwrap_or("credit").to_lowercase());
        queries.push(heading.clone());
        queries.push(format!(
            "{} {}",
            a.front.tags[0],
            w.next().unwrap_or("balance")
        ));
    }
    let mut raw_sizes = Vec::new();
    let mut gz_sizes = Vec::new();
    let mut doc_sizes = Vec::new();
    for q in &queries {
        let (r, z, d) = fetched(&sharded, &gz, meta_gz, q);
        raw_sizes.push(r);
        gz_sizes.push(z);
        doc_sizes.push(d);
    }
    raw_sizes.sort_unstable();
    gz_sizes.sort_unstable();
    let mean = |v: &[usize]| v.iter().sum::<usize>() / v.len().max(1);
    println!(
        "synthetic 10k bytes fetched per query ({} queries, meta + shards): raw mean {} B, \
         p95 {} B; gzip mean {} B, p95 {} B; of which doc shards: raw mean {} B",
        queries.len(),
        mean(&raw_sizes),
        percentile(&raw_sizes, 0.95),
        mean(&gz_sizes),
        percentile(&gz_sizes, 0.95),
        mean(&doc_sizes)
    );

    let mut searcher = Searcher::from_meta(&sharded.meta).unwrap();
    for (key, bytes) in &sharded.shards {
        searcher.add_shard(*key, bytes).unwrap();
    }
    let options = SearchOptions::default();
    let sample: Vec<&String> = queries.iter().take(30).collect();
    let n = sample.len();
    c.bench_function(&format!("synthetic 10k x{n}: bundle product search"), |b| {
        b.iter(|| {
            for q in &sample {
                black_box(searcher.search(q, &options).unwrap());
            }
        })
    });
    c.bench_function(&format!("synthetic 10k x{n}: bundle BM25 core"), |b| {
        b.iter(|| {
            for q in &sample {
                black_box(searcher.score_bm25(q, 10).unwrap());
            }
        })
    });
    c.bench_function(&format!("synthetic 10k x{n}: tantivy"), |b| {
        b.iter(|| {
            for q in &sample {
                black_box(index.search(q, 10).unwrap());
            }
        })
    });
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
}

criterion_group! {
    name = benches;
    config = config();
    targets = small, large
}
criterion_main!(benches);
