//! Splitting a question into words: lowercase, with their byte spans in the question, and the
//! multi-word phrases of the lexicon ("credit line", "United Kingdom") joined into one word.

use crate::lexicon::PHRASES;

/// One word of the question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Tok {
    /// Lowercase text; a joined phrase has single spaces between its words.
    pub text: String,
    /// Byte offsets of the word in the question.
    pub start: usize,
    /// End of the word (exclusive), before any possessive "'s".
    pub end: usize,
    /// Whether the word was written entirely in capitals (two letters or more).
    pub caps: bool,
    /// Whether the word is followed by a possessive "'s" ("the paused account's credit").
    pub possessive: bool,
}

/// The word an arrow ("→", "->", "=>") is read as.
pub(crate) const ARROW: &str = "→";

/// Arrows people type between two places.
pub(crate) fn is_arrow(c: char) -> bool {
    matches!(c, '→' | '⇒' | '⟶' | '➔' | '➜')
}

fn inner(c: char) -> bool {
    matches!(c, '.' | ',' | '-' | '_' | '\'' | '’')
}

/// The words of `q`, phrases joined.
pub(crate) fn tokenize(q: &str) -> Vec<Tok> {
    let chars: Vec<(usize, char)> = q.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        // An arrow is a direction word: "de → us", "Osaka->Tokyo".
        let next = chars.get(i + 1).map(|c| c.1);
        let arrow = if is_arrow(c) {
            1
        } else if matches!(c, '-' | '=') && next == Some('>') {
            2
        } else {
            0
        };
        if arrow > 0 {
            let end = chars.get(i + arrow).map_or(q.len(), |c| c.0);
            out.push(Tok {
                text: ARROW.to_owned(),
                start,
                end,
                caps: false,
                possessive: false,
            });
            i += arrow;
            continue;
        }
        // A combining mark starts no word (some, such as U+0345, count as alphabetic), as the
        // search analyzer and the gate (`crate::gate`) split words.
        if !c.is_alphanumeric() || adcredit_search::is_combining_mark(c) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() {
            let c = chars[j].1;
            // As the search analyzer splits words: a combining mark continues the word.
            if adcredit_search::is_word_char(c) {
                j += 1;
            } else if inner(c) && chars.get(j + 1).is_some_and(|n| n.1.is_alphanumeric()) {
                j += 2;
            } else {
                break;
            }
        }
        let end = chars.get(j).map_or(q.len(), |c| c.0);
        let raw = &q[start..end];
        let mut text: String = raw
            .chars()
            .filter(|&c| !adcredit_search::is_combining_mark(c))
            .map(|c| {
                if c == '’' {
                    '\''
                } else {
                    adcredit_search::lowercase(c)
                }
            })
            .collect();
        let mut word_end = end;
        let mut possessive = false;
        if text.len() > 2 && text.ends_with("'s") {
            text.truncate(text.len() - 2);
            word_end = start + raw.rfind(['\'', '’']).unwrap_or(raw.len());
            possessive = true;
        }
        // Codes are ASCII ("US", "DE"): a word with any other character ("пED") is not one,
        // as the gate (`crate::gate`) sees it. ASCII tests keep std's Unicode tables out of
        // the search module.
        let letters = raw.bytes().filter(u8::is_ascii_alphabetic).count();
        let caps = letters >= 2 && raw.bytes().all(|b| b.is_ascii() && !b.is_ascii_lowercase());
        out.push(Tok {
            text,
            start,
            end: word_end,
            caps,
            possessive,
        });
        i = j;
    }
    let mut toks = join_phrases(join_digit_groups(q, out));
    // A misspelt moving verb reads as the verb ("can I alocate the grant to Paris?"), and
    // "would like" as "wants" ("Osaka would like Tokyo's cash").
    for i in 0..toks.len() {
        let prev = i.checked_sub(1).map_or("", |p| toks[p].text.as_str());
        if let Some(v) = crate::lexicon::read_as(prev, &toks[i].text) {
            v.clone_into(&mut toks[i].text);
        }
    }
    toks
}

/// Join digits grouped in threes by spaces ("1 200", "1 200 000,50", as French, Swedish or
/// Polish write them) into one word: "1 200" is twelve hundred, never one and two hundred.
/// The word's text is the digits without the spaces; its span covers them all.
fn join_digit_groups(q: &str, toks: Vec<Tok>) -> Vec<Tok> {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let mut out: Vec<Tok> = Vec::with_capacity(toks.len());
    for t in toks {
        if let Some(last) = out.last_mut() {
            let gap = q.get(last.end..t.start).unwrap_or("");
            let whole = t.text.split([',', '.']).next().unwrap_or("");
            let last_groups_ok = {
                let mut groups = last.text.split(' ');
                groups.next().is_some_and(|g| digits(g) && g.len() <= 3)
                    && groups.all(|g| digits(g) && g.len() == 3)
            };
            let spaced = matches!(gap, " " | "\u{a0}" | "\u{202f}" | "\u{2009}");
            if spaced && last_groups_ok && digits(whole) && whole.len() == 3 && !last.possessive {
                last.text.push(' ');
                last.text.push_str(&t.text);
                last.end = t.end;
                last.possessive = t.possessive;
                continue;
            }
        }
        out.push(t);
    }
    for t in &mut out {
        if t.text.contains(' ') && t.text.starts_with(|c: char| c.is_ascii_digit()) {
            t.text.retain(|c| c != ' ');
        }
    }
    out
}

/// Join the lexicon's multi-word phrases into one word each, longest first.
fn join_phrases(toks: Vec<Tok>) -> Vec<Tok> {
    let mut out: Vec<Tok> = Vec::with_capacity(toks.len());
    let mut i = 0;
    'outer: while i < toks.len() {
        for n in (2..=5).rev() {
            if i + n > toks.len() {
                continue;
            }
            let words = &toks[i..i + n];
            if words[..n - 1].iter().any(|t| t.possessive) {
                continue;
            }
            let joined = words
                .iter()
                .map(|t| t.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            if PHRASES.contains(&joined.as_str()) {
                let last = &words[n - 1];
                out.push(Tok {
                    text: joined,
                    start: words[0].start,
                    end: last.end,
                    caps: words.iter().all(|t| t.caps),
                    possessive: last.possessive,
                });
                i += n;
                continue 'outer;
            }
        }
        out.push(toks[i].clone());
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(q: &str) -> Vec<String> {
        tokenize(q).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn words_numbers_phrases_and_possessives() {
        assert_eq!(
            texts("Move €1,200.50 from the U.S. store's credit line to us-main."),
            [
                "move",
                "1,200.50",
                "from",
                "the",
                "u.s",
                "store",
                "credit line",
                "to",
                "us-main"
            ]
        );
        let t = tokenize("the paused account’s credit");
        assert!(t[2].possessive && t[2].text == "account");
        assert!(tokenize("the US store")[1].caps);
        assert!(!tokenize("the Us store")[1].caps);
        assert!(!tokenize("to пED")[1].caps);
        assert_eq!(
            texts("I'm only an analyst"),
            ["i'm", "only", "an", "analyst"]
        );
        assert_eq!(texts("de → us"), ["de", "→", "us"]);
        assert_eq!(texts("Osaka->Tokyo, -50"), ["osaka", "→", "tokyo", "50"]);
    }
}
