//! A deterministic synthetic corpus for benchmarks: articles about ad accounts and billing,
//! with a Zipf-distributed vocabulary and a long tail of rare words, like real help content.

use std::path::PathBuf;

use adcredit_search::{Glossary, Synonym};

use crate::{Article, Corpus, FrontMatter, Section};

/// The frequent vocabulary, most frequent first (rank drives the Zipf weight).
const COMMON: &str = "credit account ad balance business center allocate payment portfolio \
cash line finance manager admin campaign budget spend expire suspend transfer move share \
role permission approve review currency invoice bill refund coupon promo code threshold \
activate method card entity agency client region market brand product team member operator \
analyst standard owner access request support policy rule limit amount total remaining \
available daily monthly weekly schedule report history transaction log statement tax fee \
charge debit deposit prepaid postpaid automatic manual bulk split partial minimum maximum \
check verify confirm select enter open close pause resume start stop create delete update \
change edit view show hide list filter search export import sync link unlink add remove \
assign grant receive send return keep lock unlock hold release cancel renew extend reduce \
increase decrease estimate forecast plan target goal result performance conversion click \
impression reach audience creative video image format placement bid cost price rate value \
time date day week month year quarter period window deadline notice email message alert \
setting option feature tool page menu tab button field form step guide help question answer \
issue problem error reason cause fix solution example case scenario note tip warning detail \
summary overview section chapter part item entry record data number id name type status \
state level tier group set pool fund money dollar euro currency rate exchange conversion \
country local global international domestic company organization office store shop seller \
merchant partner reseller vendor service platform network channel app website mobile device";

/// Words that glue sentences together (most are stopwords).
const GLUE: &[&str] = &[
    "the", "a", "an", "and", "or", "to", "of", "in", "for", "on", "with", "is", "are", "can", "be",
    "it", "this", "that", "your", "you", "each", "when", "after", "before", "only", "not", "every",
    "any", "from", "by", "as", "at", "then", "also", "must", "will",
];

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ter", "van", "sol", "ri", "den", "pa", "qu", "ble", "nor", "zi", "tha",
    "mon", "ex", "vel", "cor", "pri", "sta", "gen", "lum", "dra", "fin", "bo", "ces", "tro", "wan",
    "ly", "har", "ne", "sim", "pel", "gra", "tu", "ven", "ost", "ram", "cal", "dis",
];

/// xorshift64*: small, fast and deterministic.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
}

/// Vocabulary: the common words, then generated rare words; sampled with Zipf weights.
struct Vocabulary {
    words: Vec<String>,
    /// Cumulative weights, scaled to integers.
    cumulative: Vec<u64>,
}

impl Vocabulary {
    fn new(rare: usize) -> Vocabulary {
        let mut words: Vec<String> = COMMON.split_whitespace().map(str::to_owned).collect();
        words.dedup();
        for rank in 0..rare {
            let mut h = (rank as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15);
            let n = 2 + (h % 2) as usize;
            let mut word = String::new();
            for _ in 0..n {
                h = h.rotate_left(17).wrapping_mul(0xff51_afd7_ed55_8ccd);
                word.push_str(SYLLABLES[(h % SYLLABLES.len() as u64) as usize]);
            }
            words.push(word);
        }
        let mut total = 0u64;
        let cumulative = (0..words.len())
            .map(|rank| {
                total += 1_000_000_000 / (rank as u64 + 2);
                total
            })
            .collect();
        Vocabulary { words, cumulative }
    }

    fn pick(&self, rng: &mut Rng) -> &str {
        let total = self.cumulative.last().copied().unwrap_or(1);
        let x = rng.next() % total;
        let i = self.cumulative.partition_point(|&c| c <= x);
        self.words.get(i).map_or("credit", String::as_str)
    }
}

fn sentence(rng: &mut Rng, vocab: &Vocabulary, words: usize) -> String {
    let mut out = String::new();
    for i in 0..words {
        let w = if rng.below(3) == 0 {
            GLUE[rng.below(GLUE.len())]
        } else {
            vocab.pick(rng)
        };
        if i == 0 {
            let mut chars = w.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
        } else {
            out.push(' ');
            out.push_str(w);
        }
    }
    out.push('.');
    out
}

fn title(rng: &mut Rng, vocab: &Vocabulary, words: usize) -> String {
    let s = sentence(rng, vocab, words);
    s.trim_end_matches('.').to_owned()
}

/// A deterministic corpus of `n_articles` articles (each 300–800 words in 3–6 sections) for
/// benchmarks: same `n_articles` and `seed`, same corpus.
pub fn synthetic_corpus(n_articles: usize, seed: u64) -> Corpus {
    let mut rng = Rng::new(seed);
    let vocab = Vocabulary::new(20_000);
    let mut articles = Vec::with_capacity(n_articles);
    for n in 0..n_articles {
        let id = format!("article/synthetic-{n:05}");
        let target_words = rng.range(300, 800);
        let num_sections = rng.range(3, 6);
        let mut sections = Vec::with_capacity(num_sections);
        for s in 0..num_sections {
            let heading = title(&mut rng, &vocab, rng_range_heading(s));
            let mut text = String::new();
            let mut words = 0;
            let budget = target_words / num_sections;
            while words < budget {
                if !text.is_empty() {
                    text.push_str(if rng.below(4) == 0 { "\n\n" } else { " " });
                }
                let len = rng.range(8, 20);
                text.push_str(&sentence(&mut rng, &vocab, len));
                words += len;
            }
            sections.push(Section {
                slug: format!("s{s}"),
                heading,
                text,
                line: 0,
            });
        }
        let front = FrontMatter {
            id,
            title: title(&mut rng, &vocab, 6),
            summary: sentence(&mut rng, &vocab, 18),
            tags: (0..rng.range(3, 6))
                .map(|_| vocab.pick(&mut rng).to_owned())
                .collect(),
            updated: "2026-11-24".into(),
            facts: Vec::new(),
            sources: vec!["synthetic".into()],
            related: Vec::new(),
            questions: Vec::new(),
            section_questions: std::collections::BTreeMap::new(),
            id_line: 0,
            related_line: 0,
        };
        articles.push(Article {
            file: PathBuf::from(format!("articles/synthetic-{n:05}.md")),
            front,
            intro: String::new(),
            sections,
            links: Vec::new(),
        });
    }
    Corpus {
        root: PathBuf::from("synthetic"),
        faqs: Vec::new(),
        articles,
        pages: Vec::new(),
        glossary: Glossary {
            synonyms: vec![
                Synonym {
                    canonical: "ad credit".into(),
                    variants: vec!["coupon".into(), "promo credit".into(), "voucher".into()],
                },
                Synonym {
                    canonical: "move".into(),
                    variants: vec!["transfer".into(), "reallocate".into()],
                },
            ],
        },
    }
}

fn rng_range_heading(section: usize) -> usize {
    3 + section % 4
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_sized() {
        let a = synthetic_corpus(20, 7);
        assert_eq!(a, synthetic_corpus(20, 7));
        assert_ne!(a, synthetic_corpus(20, 8));
        for article in &a.articles {
            let words: usize = article
                .sections
                .iter()
                .map(|s| s.text.split_whitespace().count())
                .sum();
            assert!((250..=900).contains(&words), "{words}");
        }
    }
}
