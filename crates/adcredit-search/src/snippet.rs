//! Snippets: a window of a document's text around its best cluster of matched words.

use crate::analyzer::StemCache;
use crate::intern::{intern, TermIds};
use crate::Analyzer;

/// Target window, in bytes of source text, before it is cut back to word boundaries.
const WINDOW: usize = 200;
/// Texts up to this many bytes are shown whole.
const WHOLE: usize = 220;
const ELLIPSIS: char = '…';

/// A snippet and the `[start, end)` UTF-16 offsets of its highlighted words.
pub(crate) struct Snippet {
    pub(crate) text: String,
    pub(crate) highlights: Vec<[u32; 2]>,
}

/// A text's analysis, compacted for snippets: its distinct terms and, per token, the source
/// span and the term's index. About 12 bytes per word; built once per document.
#[derive(Debug)]
pub(crate) struct DocTerms {
    terms: Vec<Box<str>>,
    /// `(start, end, index into terms)`, in text order.
    tokens: Vec<(u32, u32, u32)>,
}

impl DocTerms {
    pub(crate) fn new(analyzer: &Analyzer, text: &str) -> DocTerms {
        DocTerms::with_cache(analyzer, text, &mut StemCache::default())
    }

    /// [`new`](Self::new), sharing stems with other texts analysed with `cache`.
    pub(crate) fn with_cache(analyzer: &Analyzer, text: &str, cache: &mut StemCache) -> DocTerms {
        let mut ids = TermIds::new();
        let mut terms: Vec<Box<str>> = Vec::new();
        let analysed = analyzer.analyze_with(text, cache);
        let mut tokens = Vec::with_capacity(analysed.len());
        for token in analysed {
            let i = intern(&mut ids, &mut terms, &token.term, || {
                token.term.as_str().into()
            });
            // Offsets of a text over 4 GiB would not fit; bundles hold far smaller texts.
            let offset = |o: usize| u32::try_from(o).unwrap_or(u32::MAX);
            tokens.push((offset(token.start), offset(token.end), i as u32));
        }
        DocTerms { terms, tokens }
    }

    /// Number of tokens (the field length of the text).
    pub(crate) fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Each distinct term with its number of occurrences, in order of first appearance.
    pub(crate) fn term_freqs(&self) -> impl Iterator<Item = (&str, u32)> {
        let mut counts = vec![0u32; self.terms.len()];
        for &(_, _, i) in &self.tokens {
            if let Some(c) = counts.get_mut(i as usize) {
                *c += 1;
            }
        }
        self.terms.iter().map(|t| &**t).zip(counts)
    }
}

/// Cuts a snippet of `text` (analysed as `doc`) around the words whose term is in `terms`.
pub(crate) fn make_snippet(text: &str, doc: &DocTerms, terms: &[&str]) -> Snippet {
    // Which query term each distinct document term is, if any.
    let matched: Vec<Option<usize>> = doc
        .terms
        .iter()
        .map(|d| terms.iter().position(|t| **t == **d))
        .collect();
    // Matched source spans, merged where synonym tokens share a span.
    let mut spans: Vec<(usize, usize, usize)> = Vec::new(); // (start, end, term index)
    for &(start, end, term) in &doc.tokens {
        let Some(&Some(index)) = matched.get(term as usize) else {
            continue;
        };
        let (start, end) = (start as usize, end as usize);
        match spans.last_mut() {
            Some(last) if start < last.1 => last.1 = last.1.max(end),
            _ => spans.push((start, end, index)),
        }
    }

    let (start, end) = if text.len() <= WHOLE {
        (0, text.len())
    } else {
        let (cs, ce) = best_cluster(&spans).unwrap_or((0, 0));
        let slack = WINDOW.saturating_sub(ce - cs);
        let mut start = cs.saturating_sub(slack / 3);
        let mut end = (start + WINDOW.max(ce - cs)).min(text.len());
        if end == text.len() {
            start = end.saturating_sub(WINDOW.max(ce - cs)).min(start);
        }
        start = snap_start(text, start, cs);
        end = snap_end(text, end, ce);
        (start, end)
    };

    let window: Vec<(usize, usize)> = spans
        .iter()
        .filter(|s| s.0 >= start && s.1 <= end)
        .map(|s| (s.0, s.1))
        .collect();
    render(text, start, end, &window)
}

/// The span `[first start, last end)` of the window of matches with the most distinct terms
/// (then the most matches), the earliest on ties.
fn best_cluster(spans: &[(usize, usize, usize)]) -> Option<(usize, usize)> {
    let mut best: Option<((usize, usize), (usize, usize))> = None;
    for (i, first) in spans.iter().enumerate() {
        let mut distinct: Vec<usize> = Vec::new();
        let mut last_end = first.1;
        let mut count = 0;
        for s in spans.get(i..).unwrap_or_default() {
            if s.1 > first.0 + WINDOW {
                break;
            }
            if !distinct.contains(&s.2) {
                distinct.push(s.2);
            }
            count += 1;
            last_end = s.1;
        }
        let key = (distinct.len(), count);
        if best.is_none_or(|(k, _)| key > k) {
            best = Some((key, (first.0, last_end)));
        }
    }
    best.map(|(_, span)| span)
}

fn is_space_at(text: &str, i: usize) -> bool {
    text.get(i..)
        .and_then(|s| s.chars().next())
        .is_some_and(char::is_whitespace)
}

/// Moves `start` forward to the beginning of a word, never past `limit`.
fn snap_start(text: &str, start: usize, limit: usize) -> usize {
    let mut i = start;
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    if i == 0
        || text
            .get(..i)
            .and_then(|s| s.chars().last())
            .is_some_and(char::is_whitespace)
    {
        return i;
    }
    // Skip the rest of the cut word, then the spaces after it.
    while i < text.len() && !is_space_at(text, i) {
        i += 1;
    }
    while i < text.len() && (is_space_at(text, i) || !text.is_char_boundary(i)) {
        i += 1;
    }
    i.min(limit)
}

/// Moves `end` back to the end of a word, never before `limit`.
fn snap_end(text: &str, end: usize, limit: usize) -> usize {
    let mut i = end.min(text.len());
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    if i >= text.len() || is_space_at(text, i) {
        return i;
    }
    let mut j = i;
    while j > limit && !is_space_at(text, j) {
        j -= 1;
    }
    if j > limit {
        return j;
    }
    // The cluster itself reaches past the cut: end at the end of that word instead.
    while i < text.len() && !is_space_at(text, i) {
        i += 1;
    }
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Writes `text[start..end]` with whitespace runs collapsed to one space and ellipses where
/// the text was cut; maps the highlighted byte spans to UTF-16 offsets of the output.
fn render(text: &str, start: usize, end: usize, spans: &[(usize, usize)]) -> Snippet {
    let mut out = String::new();
    let mut units = 0u32;
    let mut highlights = Vec::with_capacity(spans.len());
    let mut open: Option<u32> = None;
    let mut next = 0usize;
    if start > 0 {
        out.push(ELLIPSIS);
        units += 1;
    }
    let mut pending_space = false;
    let body = text.get(start..end).unwrap_or_default();
    for (offset, c) in body.char_indices() {
        let at = start + offset;
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        if pending_space && !out.is_empty() && !out.ends_with(ELLIPSIS) {
            out.push(' ');
            units += 1;
        }
        pending_space = false;
        if let Some(&(s, _)) = spans.get(next) {
            if s == at && open.is_none() {
                open = Some(units);
            }
        }
        out.push(c);
        units += c.len_utf16() as u32;
        if let (Some(&(_, e)), Some(o)) = (spans.get(next), open) {
            if at + c.len_utf8() == e {
                highlights.push([o, units]);
                open = None;
                next += 1;
            }
        }
    }
    if end < text.len() {
        out.push(ELLIPSIS);
    }
    Snippet {
        text: out,
        highlights,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(s: &Snippet) -> String {
        let units: Vec<u16> = s.text.encode_utf16().collect();
        let mut out = String::new();
        let mut last = 0usize;
        for [a, b] in &s.highlights {
            out.push_str(&String::from_utf16_lossy(&units[last..*a as usize]));
            out.push('[');
            out.push_str(&String::from_utf16_lossy(&units[*a as usize..*b as usize]));
            out.push(']');
            last = *b as usize;
        }
        out.push_str(&String::from_utf16_lossy(&units[last..]));
        out
    }

    #[test]
    fn short_text_is_whole_with_utf16_highlights() {
        let a = Analyzer::default();
        let text = "Le crédit 🎉 est   alloué\n\nau compte.";
        let s = make_snippet(text, &DocTerms::new(&a, text), &["credit", "compt"]);
        assert_eq!(marked(&s), "Le [crédit] 🎉 est alloué au [compte].");
        assert_eq!(s.highlights, [[3, 9], [27, 33]]);
    }

    #[test]
    fn long_text_is_cut_at_words_around_the_matches() {
        let a = Analyzer::default();
        let filler = "lorem ipsum dolor sit amet ".repeat(20);
        let text = format!("{filler}the allocated credit stays locked in the account {filler}");
        let s = make_snippet(
            &text,
            &DocTerms::new(&a, &text),
            &["alloc", "credit", "lock"],
        );
        let chars = s.text.chars().count();
        assert!((150..=230).contains(&chars), "{chars}: {}", s.text);
        assert!(s.text.starts_with('…') && s.text.ends_with('…'));
        assert!(marked(&s).contains("[allocated] [credit] stays [locked]"));
        assert!(!s.text.contains("  "));
    }

    #[test]
    fn no_match_gives_the_start() {
        let a = Analyzer::default();
        let text = "word ".repeat(100);
        let s = make_snippet(&text, &DocTerms::new(&a, &text), &["credit"]);
        assert!(s.text.starts_with("word word") && s.text.ends_with('…'));
        assert!(s.highlights.is_empty());
    }
}
