//! The one error type of the core, and the decoding helpers that turn serde's errors into
//! messages that name the JSON path of the problem.

use serde::de::DeserializeOwned;

/// Everything that can go wrong in the core.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is not a well-formed scenario or question: bad JSON, a wrong type, a missing
    /// or unknown field, an amount or date that does not parse, a duplicate id. `path` is the
    /// JSON path of the offending value (`accounts[2].planned_spend`), empty for the whole input.
    #[error("{}", render_input(path, message))]
    Input {
        /// JSON path of the offending value.
        path: String,
        /// What is wrong with it.
        message: String,
    },
    /// A sum of amounts exceeded what an exact decimal can hold. The parser bounds amounts so
    /// that no scenario reaches this; it exists so that arithmetic never panics.
    #[error("{what} is too large to compute exactly")]
    Overflow {
        /// What was being computed.
        what: String,
    },
}

fn render_input(path: &str, message: &str) -> String {
    if path.is_empty() {
        message.to_owned()
    } else {
        format!("{path}: {message}")
    }
}

impl Error {
    /// An input error at `path`.
    pub fn input(path: impl Into<String>, message: impl Into<String>) -> Error {
        Error::Input {
            path: path.into(),
            message: message.into(),
        }
    }

    /// Whether this is bad input (as opposed to a computation limit).
    pub fn is_input(&self) -> bool {
        matches!(self, Error::Input { .. })
    }
}

/// Decode a value from JSON text, with errors that name the JSON path.
///
/// ```
/// let err = adcredit_core::from_json::<adcredit_core::Scenario>("{\"today\": 5}").unwrap_err();
/// assert_eq!(err.to_string(), "today: expected a date string such as \"2026-11-24\", found the number 5");
/// ```
pub fn from_json<T: DeserializeOwned>(json: &str) -> Result<T, Error> {
    // Fast path: well-formed input decodes straight into `T`, with no tree and no path
    // tracking. It is taken only where it cannot accept what the checked path refuses (see
    // [`fast_path_safe`]); any failure is decoded again by the checked path, which alone words
    // the error, so messages and paths are the same either way.
    if fast_path_safe(json) {
        if let Ok(v) = serde_json::from_str::<T>(json) {
            return Ok(v);
        }
    }
    from_json_checked(json)
}

/// The checked decoder behind [`from_json`]: JSON text to a tree (refusing duplicate keys and
/// positional structs), then the tree into `T` with the JSON path of any error. Public only so
/// that the fuzz target can compare it with the fast path.
#[doc(hidden)]
pub fn from_json_checked<T: DeserializeOwned>(json: &str) -> Result<T, Error> {
    let tree = tree::parse(json).map_err(|e| match e {
        // A whole input written as an array: name what was expected.
        Error::Input { path, message }
            if path.is_empty() && message.ends_with("found an array") =>
        {
            let name = std::any::type_name::<T>()
                .rsplit("::")
                .next()
                .unwrap_or_default();
            let expected = expected_phrase(&format!("struct {name}"));
            Error::input("", format!("expected {expected}, found an array"))
        }
        other => other,
    })?;
    tree::reject_positional_structs(&tree)?;
    serde_path_to_error::deserialize(&tree)
        .map_err(|e| path_error(&e.path().to_string(), &e.inner().to_string()))
}

/// Whether decoding `json` straight into a type cannot accept input that the checked path
/// refuses. serde's derived structs already refuse duplicate and unknown fields; what they
/// accept and the checked path does not is a struct written as an array. So every `[` must
/// open the value of a list key (`{"accounts": [` or `, "allocations" : [`); any other `[`,
/// even one inside a string, sends the input to the checked path. For JSON that parses this is
/// exact: a `[` after `"key":` is the key's value. Conservative: an escaped key, a `[` in a
/// name, or invalid JSON just means the slower path.
fn fast_path_safe(json: &str) -> bool {
    const LIST_KEYS: [&[u8]; 3] = [b"ad_credits", b"accounts", b"allocations"];
    let b = json.as_bytes();
    let skip_ws = |mut i: usize| {
        while i > 0 && matches!(b[i - 1], b' ' | b'\t' | b'\n' | b'\r') {
            i -= 1;
        }
        i
    };
    json.match_indices('[').all(|(at, _)| {
        // Walk back: `:`, then the key's closing quote, the key, its opening quote, and `{` or `,`.
        let i = skip_ws(at);
        if i == 0 || b[i - 1] != b':' {
            return false;
        }
        let i = skip_ws(i - 1);
        if i == 0 || b[i - 1] != b'"' {
            return false;
        }
        let key_end = i - 1;
        LIST_KEYS.iter().any(|key| {
            key_end > key.len()
                && b[..key_end].ends_with(key)
                && b[key_end - key.len() - 1] == b'"'
                && matches!(
                    b.get(skip_ws(key_end - key.len() - 1).wrapping_sub(1)),
                    Some(b'{' | b',')
                )
        })
    })
}

/// JSON text to a tree, with the checks serde_json leaves out: duplicate keys are an error
/// (serde_json keeps the last silently), and so is an array where an object belongs (serde
/// accepts a struct written positionally, `["2026-11-24", "admin", …]`).
mod tree {
    use std::fmt;

    use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
    use serde_json::{Map, Value};

    use super::{strip_position, syntax_error, Error};

    /// Marks a duplicate key in a serde error message, followed by its path.
    const DUPLICATE: &str = "\u{1}duplicate\u{1}";

    pub(super) fn parse(json: &str) -> Result<Value, Error> {
        let trimmed = json.trim_start();
        if trimmed.is_empty() {
            return Err(Error::input(
                "",
                "the input is empty: expected a JSON object",
            ));
        }
        if trimmed.starts_with('[') {
            return Err(Error::input("", "expected an object, found an array"));
        }
        let mut de = serde_json::Deserializer::from_str(json);
        let tree = Node {
            path: String::new(),
        }
        .deserialize(&mut de)
        .map_err(|e| {
            let msg = strip_position(&e.to_string(), &e);
            match msg.strip_prefix(DUPLICATE) {
                Some(path) => Error::input(path, "is given twice"),
                None => syntax_error(&e),
            }
        })?;
        de.end().map_err(|e| syntax_error(&e))?;
        Ok(tree)
    }

    /// Where the input has lists of objects; everywhere else an array may not stand for an object.
    const LISTS: [&str; 3] = ["ad_credits", "accounts", "allocations"];
    /// Keys whose value is an object.
    const OBJECTS: [&str; 2] = ["business_center", "scenario"];

    pub(super) fn reject_positional_structs(v: &Value) -> Result<(), Error> {
        walk(v, "")
    }

    fn walk(v: &Value, path: &str) -> Result<(), Error> {
        let Value::Object(map) = v else { return Ok(()) };
        for (k, child) in map {
            let here = if path.is_empty() {
                k.clone()
            } else {
                format!("{path}.{k}")
            };
            match child {
                Value::Array(_) if OBJECTS.contains(&k.as_str()) => {
                    return Err(Error::input(here, "expected an object, found an array"));
                }
                Value::Array(items) if LISTS.contains(&k.as_str()) => {
                    for (i, item) in items.iter().enumerate() {
                        let at = format!("{here}[{i}]");
                        if item.is_array() {
                            return Err(Error::input(at, "expected an object, found an array"));
                        }
                        walk(item, &at)?;
                    }
                }
                Value::Object(_) if OBJECTS.contains(&k.as_str()) => walk(child, &here)?,
                _ => {}
            }
        }
        Ok(())
    }

    /// Builds a [`Value`] like serde_json's own, refusing duplicate keys.
    struct Node {
        path: String,
    }

    impl<'de> DeserializeSeed<'de> for Node {
        type Value = Value;
        fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
            d.deserialize_any(self)
        }
    }

    impl<'de> Visitor<'de> for Node {
        type Value = Value;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a JSON value")
        }
        fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
            Ok(Value::Bool(v))
        }
        fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
            Ok(Value::from(v))
        }
        fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
            Ok(Value::from(v))
        }
        fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
            Ok(Value::from(v))
        }
        fn visit_str<E>(self, v: &str) -> Result<Value, E> {
            Ok(Value::String(v.to_owned()))
        }
        fn visit_string<E>(self, v: String) -> Result<Value, E> {
            Ok(Value::String(v))
        }
        fn visit_unit<E>(self) -> Result<Value, E> {
            Ok(Value::Null)
        }
        fn visit_none<E>(self) -> Result<Value, E> {
            Ok(Value::Null)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
            let mut items = Vec::new();
            while let Some(item) = seq.next_element_seed(Node {
                path: format!("{}[{}]", self.path, items.len()),
            })? {
                items.push(item);
            }
            Ok(Value::Array(items))
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
            let mut out = Map::new();
            while let Some(key) = map.next_key::<String>()? {
                let path = if self.path.is_empty() {
                    key.clone()
                } else {
                    format!("{}.{key}", self.path)
                };
                if out.contains_key(&key) {
                    return Err(de::Error::custom(format_args!("{DUPLICATE}{path}")));
                }
                let value = map.next_value_seed(Node { path })?;
                out.insert(key, value);
            }
            Ok(Value::Object(out))
        }
    }
}

fn syntax_error(e: &serde_json::Error) -> Error {
    Error::input(
        "",
        format!(
            "not valid JSON: {} (line {}, column {})",
            strip_position(&e.to_string(), e),
            e.line(),
            e.column()
        ),
    )
}

/// serde_json appends " at line L column C"; the path says more, so drop it.
fn strip_position(msg: &str, e: &serde_json::Error) -> String {
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    msg.strip_suffix(&suffix).unwrap_or(msg).to_owned()
}

/// Turn serde's wording into ours: the path names the field, the message says what is wrong.
fn path_error(path: &str, msg: &str) -> Error {
    let path = if path == "." { "" } else { path };
    // The path already ends at an unknown key; for a missing one it stops at the parent.
    let join = |field: &str| {
        if path.is_empty() || path == field {
            field.to_owned()
        } else if path.ends_with(&format!(".{field}")) {
            path.to_owned()
        } else {
            format!("{path}.{field}")
        }
    };
    if let Some(field) = backticked(msg, "missing field `") {
        return Error::input(join(field), "is missing (required)");
    }
    if let Some(field) = backticked(msg, "unknown field `") {
        let expected = msg
            .split_once(", expected ")
            .map(|(_, e)| e)
            .unwrap_or("no fields");
        return Error::input(
            join(field),
            format!("is not a known field (expected {expected})"),
        );
    }
    if let Some(rest) = msg.strip_prefix("invalid type: ") {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            return Error::input(
                path,
                format!(
                    "expected {}, found {}",
                    expected_phrase(expected),
                    found_phrase(found)
                ),
            );
        }
    }
    if let Some(rest) = msg.strip_prefix("invalid length ") {
        // serde accepts a struct written as an array; say what we want instead.
        if let Some((_, expected)) = rest.split_once("expected struct ") {
            let name = expected.split_whitespace().next().unwrap_or_default();
            return Error::input(
                path,
                format!(
                    "expected {}, found an array",
                    expected_phrase(&format!("struct {name}"))
                ),
            );
        }
        return Error::input(path, format!("has the wrong length ({rest})"));
    }
    if let Some(rest) = msg.strip_prefix("unknown variant `") {
        if let Some((value, expected)) = rest.split_once("`, expected ") {
            return Error::input(path, format!("{value:?} is not {expected}"));
        }
    }
    Error::input(path, msg)
}

/// serde's names of what it expected, in the words of the JSON input.
fn expected_phrase(expected: &str) -> String {
    match expected {
        "struct Scenario" => "a scenario object".to_owned(),
        "struct MoveQuestion" => "a move question object".to_owned(),
        "a sequence" => "an array".to_owned(),
        e if e.starts_with("struct ") => "an object".to_owned(),
        e => e.to_owned(),
    }
}

/// "`foo`…" → "foo" after `prefix`.
fn backticked<'a>(msg: &'a str, prefix: &str) -> Option<&'a str> {
    msg.strip_prefix(prefix)?
        .split_once('`')
        .map(|(field, _)| field)
}

/// serde's `Unexpected` wording, in plain words: "floating point `1.5`" → "the number 1.5".
fn found_phrase(found: &str) -> String {
    let value = found.split_once('`').and_then(|(_, v)| v.strip_suffix('`'));
    match (
        found.split_once(' ').map(|(k, _)| k).unwrap_or(found),
        value,
    ) {
        // JS numbers arrive as floats ("5.0"), JSON integers as integers ("5"): say "5" for both.
        ("integer" | "floating", Some(v)) => {
            format!("the number {}", v.strip_suffix(".0").unwrap_or(v))
        }
        ("boolean", Some(v)) => format!("the boolean {v}"),
        ("string", _) => format!("the {found}"),
        ("sequence", _) => "an array".to_owned(),
        ("map", _) => "an object".to_owned(),
        ("unit", _) | ("null", _) | ("Option", _) => "null".to_owned(),
        _ => found.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Scenario;

    /// Every scenario fixture takes the fast path, and decodes to what the checked path gives.
    #[test]
    fn fixtures_take_the_fast_path_with_the_same_result() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/scenarios");
        let mut n = 0;
        for entry in std::fs::read_dir(dir).expect("fixtures") {
            let path = entry.expect("entry").path();
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let json = std::fs::read_to_string(&path).expect("read");
            let checked = from_json_checked::<Scenario>(&json);
            if checked.is_ok() {
                assert!(
                    fast_path_safe(&json),
                    "{} is not fast-path safe",
                    path.display()
                );
            }
            assert_eq!(from_json::<Scenario>(&json), checked, "{}", path.display());
            n += 1;
        }
        assert!(n >= 10, "only {n} fixtures");
    }

    /// Every `[` must open the value of a list key; anything else takes the checked path.
    #[test]
    fn arrays_outside_lists_take_the_checked_path() {
        for (json, safe) in [
            (r#"{"accounts": [{"id": "a]b"}], "x": "]"}"#, true),
            (r#"{"accounts": [{"id": "a[b"}]}"#, false),
            (r#"{"accounts" : [ ], "allocations":[]}"#, true),
            (r#"{"accounts": [["a"]]}"#, false),
            (r#"{"accounts": [{}, ["a"]]}"#, false),
            (r#"{"business_center": ["Acme"]}"#, false),
            (r#"{"scenario": []}"#, false),
            (r#"{"name": "accounts", "x": []}"#, false),
            (r#"{"acc\u006funts": []}"#, false),
            (r#"{"id": "\"accounts\":"[]}"#, false),
            (r#"["2026-11-24"]"#, false),
        ] {
            assert_eq!(fast_path_safe(json), safe, "{json}");
        }
    }
}
