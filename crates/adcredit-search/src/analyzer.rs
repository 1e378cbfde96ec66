//! The one text analyzer, used by the tantivy index (through the indexer's tokenizer) and by
//! the browser's scorer, so both see the same terms.

use crate::intern::{intern, TermIds};

use rust_stemmers::{Algorithm, Stemmer};
use serde::{Deserialize, Serialize};

/// Longest folded word kept, in bytes; longer runs (hashes, base64) are skipped so that tantivy
/// never drops a token we kept.
pub const MAX_WORD_BYTES: usize = 64;
/// Only the first this many bytes of a query are analysed.
pub const MAX_QUERY_BYTES: usize = 4096;
/// At most this many distinct terms of a query are searched.
pub const MAX_QUERY_TERMS: usize = 32;

/// English words too common to help ranking; dropped after synonym rewriting.
/// Sorted, so membership is a binary search.
const STOPWORDS: &[&str] = &[
    "a", "about", "am", "an", "and", "are", "as", "at", "be", "been", "being", "but", "by", "can",
    "could", "d", "did", "do", "does", "doing", "for", "from", "had", "has", "have", "having",
    "he", "her", "him", "his", "i", "if", "in", "into", "is", "it", "its", "just", "ll", "m",
    "may", "me", "might", "must", "my", "no", "not", "of", "on", "or", "our", "re", "s", "shall",
    "she", "should", "so", "such", "t", "than", "that", "the", "their", "them", "then", "there",
    "these", "they", "this", "those", "to", "too", "us", "ve", "very", "was", "we", "were", "whom",
    "will", "with", "would", "you", "your",
];

/// Base letters of U+00E0..=U+017F after lowercasing; digits stand for two-letter foldings
/// (`1` = ae, `2` = th, `3` = ij, `4` = oe) and `_` for a character that is not a letter.
const FOLD_TABLE: &[u8; 160] = b"aaaaaa1ceeeeiiiidnooooo_ouuuuy2yaaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii33jjkkkllllllllllnnnnnnnnnoooooo44rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/// One group of the glossary: every variant (a word or a phrase) means `canonical`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Synonym {
    /// The form every variant is rewritten to, e.g. `ad credit`.
    pub canonical: String,
    /// Words or phrases that mean the canonical form, e.g. `voucher`, `promo credit`.
    pub variants: Vec<String>,
}

/// The analyzer's configuration: the synonyms of `content/glossary.toml`, shipped inside the
/// bundle so that the browser analyses exactly as the index did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Glossary {
    /// The synonym groups, in file order.
    #[serde(default)]
    pub synonyms: Vec<Synonym>,
}

/// One analysed token: a stemmed term and where it came from in the source text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The indexed form: lowercased, folded to ASCII, stemmed.
    pub term: String,
    /// Ordinal of the source word (stopwords leave gaps, as in tantivy).
    pub position: usize,
    /// Byte offset of the first byte of the source word or phrase.
    pub start: usize,
    /// Byte offset just past the source word or phrase.
    pub end: usize,
    /// True when the term comes from a glossary rewrite rather than the word itself.
    pub synonym: bool,
}

/// A word of the source text before stopwords and stemming.
struct Word {
    folded: String,
    stem: String,
    start: usize,
    end: usize,
}

/// A compiled glossary rule: a sequence of stems and what it is rewritten to.
struct Rule {
    pattern: Vec<String>,
    canonical: Vec<String>,
}

/// Tokenize, lowercase, fold diacritics, rewrite glossary synonyms, drop stopwords, stem
/// (Snowball English).
///
/// Synonym variants are matched on stems, greedily, longest phrase first, so `coupons` and
/// `promo credits` are rewritten as well as `coupon` and `promo credit`. A canonical phrase is
/// emitted as its own words, each spanning the whole matched variant.
pub struct Analyzer {
    glossary: Glossary,
    /// First stem → index into `rules`.
    rule_ids: TermIds,
    /// Rule groups sharing a first stem, longest pattern first within a group.
    rules: Vec<Vec<Rule>>,
    stemmer: Stemmer,
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analyzer")
            .field("glossary", &self.glossary)
            .finish_non_exhaustive()
    }
}

impl Clone for Analyzer {
    fn clone(&self) -> Self {
        Analyzer::new(&self.glossary)
    }
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer::new(&Glossary::default())
    }
}

impl Analyzer {
    /// Compiles the glossary into rewrite rules.
    pub fn new(glossary: &Glossary) -> Analyzer {
        let stemmer = Stemmer::create(Algorithm::English);
        let mut rule_ids = TermIds::new();
        let mut rules: Vec<Vec<Rule>> = Vec::new();
        for synonym in &glossary.synonyms {
            let canonical = fold_words(&synonym.canonical);
            if canonical.is_empty() {
                continue;
            }
            for variant in &synonym.variants {
                let pattern: Vec<String> = fold_words(variant)
                    .iter()
                    .map(|w| stemmer.stem(w).into_owned())
                    .collect();
                let Some(first) = pattern.first().cloned() else {
                    continue;
                };
                let id = intern(&mut rule_ids, &mut rules, &first, Vec::new);
                let Some(group) = rules.get_mut(id) else {
                    continue;
                };
                if group.iter().any(|r| r.pattern == pattern) {
                    continue;
                }
                // Longest first; among equally long patterns the glossary's order decides.
                let at = group
                    .iter()
                    .position(|r| r.pattern.len() < pattern.len())
                    .unwrap_or(group.len());
                group.insert(
                    at,
                    Rule {
                        pattern,
                        canonical: canonical.clone(),
                    },
                );
            }
        }
        Analyzer {
            glossary: glossary.clone(),
            rule_ids,
            rules,
            stemmer,
        }
    }

    /// The glossary this analyzer was built from.
    pub fn glossary(&self) -> &Glossary {
        &self.glossary
    }

    /// Stems one folded word (no stopword check, no synonyms).
    pub fn stem(&self, folded_word: &str) -> String {
        self.stemmer.stem(folded_word).into_owned()
    }

    /// Analyses `text` into terms with positions and byte offsets.
    pub fn analyze(&self, text: &str) -> Vec<Token> {
        self.analyze_with(text, &mut StemCache::default())
    }

    /// [`analyze`](Self::analyze), stemming each distinct word once across the calls that
    /// share `cache` (opening a bundle analyses every text: stemming was half its time).
    pub(crate) fn analyze_with(&self, text: &str, cache: &mut StemCache) -> Vec<Token> {
        let words: Vec<Word> = split_words(text)
            .into_iter()
            .map(|(folded, start, end)| {
                let i = intern(&mut cache.ids, &mut cache.stems, &folded, || {
                    self.stem(&folded)
                });
                let stem = cache.stems.get(i).cloned().unwrap_or_default();
                Word {
                    folded,
                    stem,
                    start,
                    end,
                }
            })
            .collect();
        let mut tokens = Vec::with_capacity(words.len());
        let mut position = 0usize;
        let mut i = 0usize;
        while let Some(word) = words.get(i) {
            if let Some(rule) = self.matching_rule(&words[i..]) {
                let len = rule.pattern.len();
                let end = words.get(i + len - 1).map_or(word.end, |w| w.end);
                for canonical in &rule.canonical {
                    if !is_stopword(canonical) {
                        tokens.push(Token {
                            term: self.stem(canonical),
                            position,
                            start: word.start,
                            end,
                            synonym: true,
                        });
                    }
                    position += 1;
                }
                i += len;
                continue;
            }
            if !is_stopword(&word.folded) {
                tokens.push(Token {
                    term: word.stem.clone(),
                    position,
                    start: word.start,
                    end: word.end,
                    synonym: false,
                });
            }
            position += 1;
            i += 1;
        }
        tokens
    }

    /// The distinct terms of a query, in order of first appearance: at most
    /// [`MAX_QUERY_TERMS`] of them, from the first [`MAX_QUERY_BYTES`] bytes.
    ///
    /// Both the tantivy reference query and the bundle scorer are built from this list, so
    /// repeated words count once on both sides.
    pub fn query_terms(&self, query: &str) -> Vec<String> {
        let mut terms: Vec<String> = Vec::new();
        for token in self.analyze(truncate_query(query)) {
            if terms.len() >= MAX_QUERY_TERMS {
                break;
            }
            if !terms.contains(&token.term) {
                terms.push(token.term);
            }
        }
        terms
    }

    fn matching_rule(&self, words: &[Word]) -> Option<&Rule> {
        let first = words.first()?;
        let group = self.rules.get(*self.rule_ids.get(&first.stem)? as usize)?;
        group.iter().find(|rule| {
            rule.pattern.len() <= words.len()
                && rule
                    .pattern
                    .iter()
                    .zip(words)
                    .all(|(stem, word)| *stem == word.stem)
        })
    }
}

/// Stems of the words seen so far (the same words recur across a bundle's texts).
#[derive(Default)]
pub(crate) struct StemCache {
    ids: TermIds,
    stems: Vec<String>,
}

/// The first [`MAX_QUERY_BYTES`] bytes of `query`, cut at a character boundary.
pub(crate) fn truncate_query(query: &str) -> &str {
    if query.len() <= MAX_QUERY_BYTES {
        return query;
    }
    let mut end = MAX_QUERY_BYTES;
    while end > 0 && !query.is_char_boundary(end) {
        end -= 1;
    }
    query.get(..end).unwrap_or("")
}

/// True for the words the analyzer drops.
pub fn is_stopword(folded_word: &str) -> bool {
    STOPWORDS.binary_search(&folded_word).is_ok()
}

/// Question words: indexed (they tell "who can allocate" from "how to allocate"), but they say
/// what kind of answer is wanted, not what it is about, so they do not count when the searcher
/// judges whether the knowledge base answers a question. Sorted.
const QUESTION_WORDS: &[&str] = &[
    "how", "what", "when", "where", "which", "who", "whom", "why",
];

/// True for a question word (`how`, `who`, …), folded.
pub fn is_question_word(folded_word: &str) -> bool {
    QUESTION_WORDS.binary_search(&folded_word).is_ok()
}

/// Everyday English words (not stopwords, not question words) that say little about what a
/// question is about: a question's words are weighed by how rare they are in the knowledge
/// base, and an everyday word the content happens not to use ("got", "lose") would otherwise
/// weigh as much as a topic word. They weigh [`COMMON_WORD_WEIGHT`] of that when the searcher
/// judges whether the knowledge base answers a question. Sorted.
const COMMON_WORDS: &[&str] = &[
    "after",
    "again",
    "against",
    "all",
    "almost",
    "already",
    "also",
    "always",
    "another",
    "any",
    "anyone",
    "anything",
    "anyway",
    "around",
    "away",
    "back",
    "bad",
    "because",
    "before",
    "best",
    "better",
    "big",
    "both",
    "bring",
    "came",
    "case",
    "cause",
    "certain",
    "come",
    "comes",
    "coming",
    "day",
    "days",
    "didn",
    "different",
    "doesn",
    "don",
    "done",
    "down",
    "each",
    "either",
    "else",
    "enough",
    "even",
    "ever",
    "every",
    "everything",
    "example",
    "fine",
    "first",
    "get",
    "gets",
    "getting",
    "give",
    "given",
    "gives",
    "giving",
    "go",
    "goes",
    "going",
    "gone",
    "good",
    "got",
    "gotten",
    "great",
    "half",
    "happen",
    "happened",
    "happening",
    "happens",
    "hello",
    "help",
    "hey",
    "hi",
    "hold",
    "however",
    "idea",
    "instead",
    "keep",
    "kind",
    "know",
    "last",
    "later",
    "least",
    "left",
    "less",
    "let",
    "like",
    "little",
    "long",
    "look",
    "looking",
    "lose",
    "loses",
    "losing",
    "lost",
    "lot",
    "lots",
    "make",
    "makes",
    "making",
    "many",
    "maybe",
    "mean",
    "means",
    "more",
    "most",
    "much",
    "need",
    "needed",
    "needs",
    "never",
    "new",
    "next",
    "nothing",
    "now",
    "off",
    "ok",
    "okay",
    "old",
    "once",
    "one",
    "only",
    "other",
    "others",
    "out",
    "over",
    "own",
    "part",
    "people",
    "please",
    "point",
    "possible",
    "pretty",
    "probably",
    "put",
    "quite",
    "rather",
    "really",
    "right",
    "said",
    "same",
    "say",
    "see",
    "seem",
    "seems",
    "set",
    "several",
    "show",
    "since",
    "some",
    "someone",
    "something",
    "sometimes",
    "soon",
    "still",
    "stuff",
    "sure",
    "take",
    "taken",
    "takes",
    "taking",
    "tell",
    "thank",
    "thanks",
    "thing",
    "things",
    "think",
    "though",
    "thought",
    "through",
    "time",
    "times",
    "today",
    "together",
    "took",
    "tried",
    "try",
    "trying",
    "turn",
    "two",
    "under",
    "until",
    "up",
    "use",
    "used",
    "uses",
    "using",
    "want",
    "wanted",
    "wants",
    "way",
    "well",
    "went",
    "while",
    "without",
    "work",
    "working",
    "works",
    "yes",
    "yet",
];

/// True for an everyday English word ("got", "lose", "need"), folded.
pub fn is_common_word(folded_word: &str) -> bool {
    COMMON_WORDS.binary_search(&folded_word).is_ok()
}

/// The words of `text`, lowercased and folded to ASCII, without stopword removal or
/// stemming. Used for glossary entries and for heading slugs.
pub fn fold_words(text: &str) -> Vec<String> {
    split_words(text).into_iter().map(|(w, _, _)| w).collect()
}

/// A combining diacritical mark (U+0300–U+036F): part of the word it follows, dropped when
/// the word is folded.
pub fn is_combining_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// A character that belongs to a word: alphanumeric, or a combining mark.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// Splits on non-alphanumeric characters; returns (folded word, start, end) for each word of
/// at most [`MAX_WORD_BYTES`] folded bytes.
fn split_words(text: &str) -> Vec<(String, usize, usize)> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut start: Option<usize> = None;
    for (offset, c) in text.char_indices() {
        if is_word_char(c) {
            if start.is_none() {
                start = Some(offset);
            }
            fold_char(lowercase(c), &mut current);
        } else if let Some(s) = start.take() {
            push_word(&mut words, &mut current, s, offset);
        }
    }
    if let Some(s) = start {
        push_word(&mut words, &mut current, s, text.len());
    }
    words
}

fn push_word(words: &mut Vec<(String, usize, usize)>, current: &mut String, s: usize, e: usize) {
    let word = std::mem::take(current);
    if !word.is_empty() && word.len() <= MAX_WORD_BYTES {
        words.push((word, s, e));
    }
}

/// One character in lower case, for the scripts whose case the analyzer knows: ASCII, Latin-1,
/// Latin Extended-A (which the analyzer folds to ASCII), Greek and Cyrillic. Other characters
/// are kept as they are. Written out instead of `char::to_lowercase` because std's full Unicode
/// table is 11 KB of the browser module; the test checks it against std in these blocks.
pub fn lowercase(c: char) -> char {
    let u = c as u32;
    let lower = match u {
        0x41..=0x5a => u + 32,
        0xc0..=0xde if u != 0xd7 => u + 32,
        // İ: std gives "i̇" (i + combining dot), which folds to "i" anyway.
        0x130 => 0x69,
        0x100..=0x137 | 0x14a..=0x177 if u % 2 == 0 => u + 1,
        0x139..=0x148 | 0x179..=0x17e if u % 2 == 1 => u + 1,
        0x178 => 0xff,
        0x391..=0x3a9 if u != 0x3a2 => u + 32,
        0x410..=0x42f => u + 32,
        0x400..=0x40f => u + 80,
        _ => u,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// Appends the ASCII folding of one lowercase character.
fn fold_char(c: char, out: &mut String) {
    let code = c as u32;
    if c.is_ascii() {
        out.push(c);
    } else if code == 0xdf {
        out.push_str("ss");
    } else if (0xe0..0x180).contains(&code) {
        let index = (code - 0xe0) as usize;
        match FOLD_TABLE.get(index).copied() {
            Some(b'1') => out.push_str("ae"),
            Some(b'2') => out.push_str("th"),
            Some(b'3') => out.push_str("ij"),
            Some(b'4') => out.push_str("oe"),
            Some(b'_') | None => out.push(c),
            Some(letter) => out.push(char::from(letter)),
        }
    } else if !is_combining_mark(c) {
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercase_agrees_with_std_where_it_knows_the_script() {
        let blocks = [0..0x250u32, 0x370..0x400, 0x400..0x460];
        for c in blocks.into_iter().flatten().filter_map(char::from_u32) {
            let std: String = c.to_lowercase().collect();
            let ours = lowercase(c);
            let mut a = String::new();
            let mut b = String::new();
            for l in std.chars() {
                fold_char(l, &mut a);
            }
            fold_char(ours, &mut b);
            // Beyond Latin Extended-A, Greek and Cyrillic capitals we keep the character.
            let known = matches!(c as u32, 0..0x180 | 0x391..0x3aa | 0x400..0x430);
            if known {
                assert_eq!(a, b, "{c:?} U+{:04X}", c as u32);
            } else {
                assert!(ours == c, "{c:?} U+{:04X}", c as u32);
            }
        }
    }

    fn terms(analyzer: &Analyzer, text: &str) -> Vec<String> {
        analyzer.analyze(text).into_iter().map(|t| t.term).collect()
    }

    #[test]
    fn word_lists_are_sorted_and_apart() {
        for list in [STOPWORDS, QUESTION_WORDS, COMMON_WORDS] {
            let mut sorted = list.to_vec();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted, list);
        }
        for w in COMMON_WORDS {
            assert!(!is_stopword(w) && !is_question_word(w), "{w}");
        }
    }

    #[test]
    fn folds_lowercases_and_stems() {
        let a = Analyzer::default();
        assert_eq!(
            terms(&a, "Crédit ALLOCATIONS, naïve Œuvre straße"),
            ["credit", "alloc", "naiv", "oeuvr", "strass"]
        );
        // Decomposed accents are folded too and do not split the word.
        assert_eq!(terms(&a, "Cre\u{301}dit"), ["credit"]);
    }

    #[test]
    fn offsets_point_into_the_source() {
        let a = Analyzer::default();
        let text = "Où est l'argent?";
        let tokens = a.analyze(text);
        let spans: Vec<&str> = tokens.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(spans, ["Où", "est", "l", "argent"]);
    }

    #[test]
    fn synonyms_rewrite_longest_match_first() {
        let glossary = Glossary {
            synonyms: vec![
                Synonym {
                    canonical: "ad credit".into(),
                    variants: vec!["coupon".into(), "promo credit".into()],
                },
                Synonym {
                    canonical: "business center".into(),
                    variants: vec!["bc".into()],
                },
            ],
        };
        let a = Analyzer::new(&glossary);
        assert_eq!(
            terms(&a, "Two promo credits and coupons in the BC"),
            ["two", "ad", "credit", "ad", "credit", "busi", "center"]
        );
        let text = "promo credits";
        let tokens = a.analyze(text);
        assert!(tokens
            .iter()
            .all(|t| t.synonym && t.start == 0 && t.end == text.len()));
    }

    #[test]
    fn long_words_are_skipped_and_queries_capped() {
        let a = Analyzer::default();
        let long = "x".repeat(MAX_WORD_BYTES + 1);
        assert_eq!(terms(&a, &format!("{long} credit")), ["credit"]);
        let many: String = (0..100).map(|i| format!("w{i} ")).collect();
        assert_eq!(a.query_terms(&many).len(), MAX_QUERY_TERMS);
        assert_eq!(a.query_terms("credit credit CREDITS"), ["credit"]);
        let huge = "é".repeat(60_000);
        assert!(a.query_terms(&huge).is_empty());
    }
}
