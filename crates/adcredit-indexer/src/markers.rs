//! Fact markers: every paragraph, list item and table row of `content/` (and every summary)
//! ends with the ids of the facts it states, `{F9 F14}`, or with `{advice}` when it states
//! none. The indexer checks them (the ids exist; a file's `facts` list is the union of its
//! markers) and strips them from everything it indexes and shows.

use std::collections::BTreeMap;
use std::path::Path;

use crate::content::MAX_FACT;
use crate::Problem;

/// The marker of a paragraph that gives advice and states no fact.
pub(crate) const ADVICE: &str = "advice";

/// The fact ids a file's markers state, each with the line of its first marker.
pub(crate) type Marked = BTreeMap<String, usize>;

/// True for `F1` to `F{MAX_FACT}` (no leading zeros).
pub(crate) fn valid_fact(id: &str) -> bool {
    id.strip_prefix('F')
        .filter(|n| !n.starts_with('0'))
        .and_then(|n| n.parse::<u32>().ok())
        .is_some_and(|n| (1..=MAX_FACT).contains(&n))
}

/// Splits a trailing `{…}` off `text`: the text before it (trimmed at the end) and what is
/// inside the braces; `None` when `text` does not end with one.
pub(crate) fn split_marker(text: &str) -> Option<(&str, &str)> {
    let inner_end = text.trim_end().strip_suffix('}')?;
    let open = inner_end.rfind('{')?;
    let before = inner_end.get(..open)?.trim_end();
    let inner = inner_end.get(open + 1..)?;
    Some((before, inner))
}

/// The fact ids inside a marker (none for `{advice}`), or what is wrong with it.
pub(crate) fn parse_marker(inner: &str) -> Result<Vec<String>, String> {
    let tokens: Vec<&str> = inner
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .collect();
    if tokens.is_empty() {
        return Err(
            "empty fact marker `{}`: list the fact ids, such as `{F9 F14}`, or write `{advice}`"
                .into(),
        );
    }
    if tokens.contains(&ADVICE) {
        return if tokens.len() == 1 {
            Ok(Vec::new())
        } else {
            Err(format!(
                "marker `{{{inner}}}` mixes `advice` with fact ids: a text that states facts lists only their ids"
            ))
        };
    }
    let unknown: Vec<String> = tokens
        .iter()
        .filter(|t| !valid_fact(t))
        .map(|t| format!("`{t}`"))
        .collect();
    if !unknown.is_empty() {
        return Err(format!(
            "unknown fact {} in marker (facts are F1 to F{MAX_FACT}, or `{{advice}}`)",
            unknown.join(", ")
        ));
    }
    Ok(tokens.into_iter().map(str::to_owned).collect())
}

/// Checks and strips the marker at the end of `text` (a summary, a paragraph, a list item or
/// a table row that starts on `line`), recording its ids in `marked`. Returns the length of
/// `text` without the marker; `what` names the text in messages ("paragraph").
pub(crate) fn take_marker(
    file: &Path,
    line: usize,
    what: &str,
    text: &str,
    marked: &mut Marked,
    out: &mut Vec<Problem>,
) -> usize {
    let Some((before, inner)) = split_marker(text) else {
        out.push(Problem {
            file: file.to_path_buf(),
            line,
            message: format!(
                "{what} has no fact marker: end it with the ids of the facts it states, such as \
                 `{{F9 F14}}`, or with `{{advice}}`"
            ),
        });
        return text.len();
    };
    match parse_marker(inner) {
        Ok(ids) => {
            for id in ids {
                marked.entry(id).or_insert(line);
            }
        }
        Err(message) => out.push(Problem {
            file: file.to_path_buf(),
            line,
            message,
        }),
    }
    before.len()
}

/// A file's `facts` list (declared on `facts_line`) must equal the union of its markers.
pub(crate) fn check_union(
    file: &Path,
    facts: &[String],
    facts_line: usize,
    marked: &Marked,
    out: &mut Vec<Problem>,
) {
    for id in facts {
        if valid_fact(id) && !marked.contains_key(id) {
            out.push(Problem {
                file: file.to_path_buf(),
                line: facts_line,
                message: format!("`facts` lists `{id}`, but no marker in the file states it"),
            });
        }
    }
    for (id, line) in marked {
        if !facts.contains(id) {
            out.push(Problem {
                file: file.to_path_buf(),
                line: *line,
                message: format!(
                    "a marker states `{id}`, but front matter `facts` does not list it"
                ),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A text, and what it splits into: the text before the marker and the marker's ids, or
    /// part of the error message (`None` when the text has no marker).
    type Case<'a> = (&'a str, Option<(&'a str, Result<Vec<&'a str>, &'a str>)>);

    #[test]
    fn markers_split_parse_and_refuse() {
        let cases: &[Case<'_>] = &[
            ("Final. {F9 F14}", Some(("Final.", Ok(vec!["F9", "F14"])))),
            ("Final.{F9,F14}  ", Some(("Final.", Ok(vec!["F9", "F14"])))),
            ("Tip. {advice}", Some(("Tip.", Ok(vec![])))),
            ("No marker.", None),
            (
                "A {brace} inside. {F1}",
                Some(("A {brace} inside.", Ok(vec!["F1"]))),
            ),
            (
                "Bad. {F0 F99 X}",
                Some(("Bad.", Err("unknown fact `F0`, `F99`, `X` in marker"))),
            ),
            (
                "Mixed. {advice F1}",
                Some(("Mixed.", Err("mixes `advice`"))),
            ),
            ("Empty. { }", Some(("Empty.", Err("empty fact marker")))),
        ];
        for (text, expected) in cases {
            let got = split_marker(text);
            match (got, expected) {
                (None, None) => {}
                (Some((before, inner)), Some((want_before, want))) => {
                    assert_eq!(before, *want_before, "{text}");
                    match (parse_marker(inner), want) {
                        (Ok(ids), Ok(want)) => assert_eq!(ids, *want, "{text}"),
                        (Err(e), Err(want)) => assert!(e.contains(want), "{text}: {e}"),
                        (got, want) => panic!("{text}: got {got:?}, want {want:?}"),
                    }
                }
                (got, want) => panic!("{text}: got {got:?}, want {want:?}"),
            }
        }
    }
}
