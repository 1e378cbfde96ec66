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
    /// A sum of amounts needs more digits than an exact decimal holds (28): rather than a
    /// rounded amount, this error. `path` is the JSON path of the value whose sum it was
    /// (`accounts[3].ad_credit_balance`), empty when no single value is.
    #[error("{}", render_input(path, &format!("{what} is too large to compute exactly")))]
    Overflow {
        /// JSON path of the value the sum belongs to.
        path: String,
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

    /// The JSON path of the value at fault (`accounts[2].planned_spend`), empty for the whole
    /// input. Callers show it as data (the CLI before the message, the browser as `error.path`)
    /// instead of reading it back out of the message.
    pub fn path(&self) -> &str {
        match self {
            Error::Input { path, .. } | Error::Overflow { path, .. } => path,
        }
    }

    /// What is wrong, without the path.
    pub fn message(&self) -> String {
        match self {
            Error::Input { message, .. } => message.clone(),
            Error::Overflow { what, .. } => format!("{what} is too large to compute exactly"),
        }
    }

    /// The same error located at `path` when it has no location yet (arithmetic does not know
    /// which value its operands came from; the caller does).
    pub fn at(self, path: impl Into<String>) -> Error {
        match self {
            Error::Overflow { path: p, what } if p.is_empty() => Error::Overflow {
                path: path.into(),
                what,
            },
            Error::Input { path: p, message } if p.is_empty() => Error::Input {
                path: path.into(),
                message,
            },
            other => other,
        }
    }
}

/// Control characters in user text shown escaped, the way the input-error messages show
/// strings (`\u{1b}`, `\r`, `\n`): C0 and C1 controls, DEL, the line and paragraph separators,
/// and the bidirectional marks, embeddings, overrides and isolates (U+061C, U+200E, U+200F,
/// U+202A–U+202E, U+2066–U+2069), which can forge lines or reorder what a terminal shows.
/// Everything else, quotes and backslashes included, is left as it is.
///
/// ```
/// use adcredit_core::escape_controls;
/// assert_eq!(escape_controls("US store"), "US store");
/// assert_eq!(escape_controls("u\u{1b}]0;PWNED\u{7}"), "u\\u{1b}]0;PWNED\\u{7}");
/// assert_eq!(escape_controls("a\r\nFAKE"), "a\\r\\nFAKE");
/// assert_eq!(escape_controls("\u{202e}cba"), "\\u{202e}cba");
/// ```
pub fn escape_controls(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_shown_escaped) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_shown_escaped(c) {
            // As `{:?}` writes it (`\r`, `\u{1b}`); `\u{…}` where Debug would print it as is.
            let debug: String = c.escape_debug().collect();
            if debug.starts_with('\\') {
                out.push_str(&debug);
            } else {
                out.extend(c.escape_unicode());
            }
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Whether [`escape_controls`] escapes `c`.
fn is_shown_escaped(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
        )
}

/// Decode a value from JSON text, with errors that name the JSON path.
///
/// ```
/// let err = adcredit_core::from_json::<adcredit_core::Scenario>("{\"today\": 5}").unwrap_err();
/// assert_eq!(err.to_string(), "today: expected a date string such as \"2026-11-24\", found the number 5");
/// ```
pub fn from_json<T: DeserializeOwned>(json: &str) -> Result<T, Error> {
    // A UTF-8 byte order mark (as some editors save files) is not part of the JSON; the
    // checked path strips it itself, so it gets `json` as given (stripping twice would take a
    // second mark for the first: the scenario fuzz target found that).
    let body = json.strip_prefix('\u{feff}').unwrap_or(json);
    // Fast path: well-formed input decodes straight into `T`, with no tree and no path
    // tracking. It is taken only where it cannot accept what the checked path refuses (see
    // [`fast_path_safe`]); any failure is decoded again by the checked path, which alone words
    // the error, so messages and paths are the same either way.
    if fast_path_safe(body) {
        if let Ok(v) = serde_json::from_str::<T>(body) {
            return Ok(v);
        }
    }
    from_json_checked(json)
}

/// The checked decoder behind [`from_json`]: JSON text to a tree (refusing duplicate keys,
/// positional structs, deep nesting and JS's non-finite numbers), then the tree into `T` with
/// the JSON path of any error. Public only so that the fuzz target can compare it with the
/// fast path.
#[doc(hidden)]
pub fn from_json_checked<T: DeserializeOwned>(json: &str) -> Result<T, Error> {
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
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
/// refuses. serde's derived structs already refuse duplicate and unknown fields, and nesting
/// deeper than our shapes; what they accept and the checked path does not is a struct written
/// as an array, and a string that stands for JS's `NaN` ([`NOT_A_JSON_NUMBER`]). So every `[`
/// must open the value of a list key (`{"accounts": [` or `, "allocations" : [`), and the marker
/// may not appear; any other `[`, even one inside a string, sends the input to the checked
/// path. For JSON that parses this is exact: a `[` after `"key":` is the key's value.
/// Conservative: an escaped key, a `[` in a name, or invalid JSON just means the slower path.
fn fast_path_safe(json: &str) -> bool {
    const LIST_KEYS: [&[u8]; 3] = [b"ad_credits", b"accounts", b"allocations"];
    if json.contains("not-a-json-number") {
        return false;
    }
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

/// Deepest nesting of arrays and objects the decoder accepts. The deepest real input (a move
/// question's scenario's credit) is 5 levels; the limit is checked before serde_json's own
/// recursion limit (128), so that the error names where the nesting is.
pub const MAX_DEPTH: usize = 64;

/// Prefix of a string that stands for a number JSON cannot carry: the wasm binding writes a JS
/// `NaN`, `Infinity` or `-Infinity` as this prefix + its name (`JSON.stringify` would make it
/// `null`), and the decoder refuses it at its path, as it refuses `NaN` in JSON text.
pub const NOT_A_JSON_NUMBER: &str = "\u{1}not-a-json-number\u{1}";

/// The names of the numbers JSON cannot carry.
const NON_FINITE: [&str; 3] = ["-Infinity", "Infinity", "NaN"];

fn non_finite_message(name: &str) -> String {
    format!("{name} is not a number JSON allows (amounts are decimal strings such as \"12.50\")")
}

/// JSON text to a tree, with the checks serde_json leaves out: duplicate keys are an error
/// (serde_json keeps the last silently), and so is an array where an object belongs (serde
/// accepts a struct written positionally, `["2026-11-24", "admin", …]`). Errors found while
/// reading a value (a lone surrogate, `NaN`, nesting too deep) name that value's path.
mod tree {
    use std::fmt;

    use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
    use serde_json::{Map, Value};

    use super::{
        non_finite_message, strip_position, syntax_error, Error, MAX_DEPTH, NON_FINITE,
        NOT_A_JSON_NUMBER,
    };

    /// Marks a serde error message that already names its path: `AT path AT message`.
    const AT: &str = "\u{1}at\u{1}";
    /// Marks one of serde_json's syntax errors with the path of the value it happened in.
    const SYNTAX: &str = "\u{1}syntax\u{1}";

    fn located<E: de::Error>(path: &str, message: impl fmt::Display) -> E {
        E::custom(format_args!("{AT}{path}{AT}{message}"))
    }

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
            role: Role::Root,
            depth: 0,
            outer: None,
        }
        .deserialize(&mut de)
        .map_err(|e| explain(json, &e))?;
        de.end().map_err(|e| syntax_error(&e))?;
        Ok(tree)
    }

    /// The error of a failed parse, at the path of the value it happened in.
    fn explain(json: &str, e: &serde_json::Error) -> Error {
        let msg = strip_position(&e.to_string(), e);
        if let Some((path, what)) = msg.strip_prefix(AT).and_then(|m| m.split_once(AT)) {
            // Ours (nesting, duplicates, NaN from JS): the message is complete.
            return Error::input(path, what);
        }
        let Some((path, what)) = msg.strip_prefix(SYNTAX).and_then(|m| m.split_once(SYNTAX)) else {
            return syntax_error(e);
        };
        // serde_json's own message; its position is the outer error's, or its own if it had one.
        let (what, line, column) = what
            .rsplit_once(" at line ")
            .and_then(|(w, pos)| {
                let (l, c) = pos.split_once(" column ")?;
                Some((w, l.parse::<usize>().ok()?, c.parse::<usize>().ok()?))
            })
            .unwrap_or((what, e.line(), e.column()));
        let at = offset(json, line, column);
        let message = if what.contains("surrogate") || what.contains("end of hex escape") {
            match surrogate_before(json, at) {
                Some(unit) => format!(
                    "contains an unpaired surrogate (\\u{unit:04x}); text must be valid Unicode"
                ),
                None => "contains an unpaired surrogate; text must be valid Unicode".to_owned(),
            }
        } else if let Some(name) = ["expected value", "invalid number"]
            .contains(&what)
            .then(|| non_finite_at(json, at))
            .flatten()
        {
            non_finite_message(name)
        } else {
            format!("not valid JSON: {what} (line {line}, column {column})")
        };
        Error::input(path, message)
    }

    /// Byte offset of serde_json's (1-based line, column).
    fn offset(json: &str, line: usize, column: usize) -> usize {
        let start: usize = json
            .split_inclusive('\n')
            .take(line.saturating_sub(1))
            .map(str::len)
            .sum();
        (start + column).min(json.len())
    }

    /// The UTF-16 unit of the unpaired `\\uXXXX` escape that ends just before `at`.
    fn surrogate_before(json: &str, at: usize) -> Option<u32> {
        let b = json.as_bytes();
        let unit = |p: usize| -> Option<u32> {
            let hex = json.get(p + 2..p + 6)?;
            (b.get(p) == Some(&b'\\') && b.get(p + 1) == Some(&b'u'))
                .then(|| u32::from_str_radix(hex, 16).ok())
                .flatten()
                .filter(|u| (0xD800..=0xDFFF).contains(u))
        };
        let end = at.min(b.len());
        let p = (end.saturating_sub(12)..end)
            .rev()
            .find(|&p| unit(p).is_some())?;
        // "\\ud800\\ud801": the unpaired one is the first of two leading surrogates.
        match p.checked_sub(6).and_then(unit) {
            Some(first) if first < 0xDC00 => Some(first),
            _ => unit(p),
        }
    }

    /// `NaN`, `Infinity` or `-Infinity` written as a bare word around `at`.
    fn non_finite_at(json: &str, at: usize) -> Option<&'static str> {
        let b = json.as_bytes();
        let mut start = at.min(b.len());
        while start > 0 && (b[start - 1].is_ascii_alphabetic() || b[start - 1] == b'-') {
            start -= 1;
        }
        let from = json.get(start..)?;
        NON_FINITE.into_iter().find(|n| from.starts_with(n))
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

    /// What a value is in the input's shape, as far as nesting goes.
    #[derive(Clone, Copy, PartialEq, Eq)]
    enum Role {
        /// The whole input: an object.
        Root,
        /// The value of a key in `OBJECTS`: an object.
        Object,
        /// The value of a key in `LISTS`: an array.
        List,
        /// An element of a list: an object.
        Item,
        /// Anything else: no input of ours has an array or object there.
        Scalar,
    }

    /// Builds a [`Value`] like serde_json's own, refusing duplicate keys and deep nesting.
    struct Node {
        path: String,
        role: Role,
        /// Arrays and objects around this value.
        depth: usize,
        /// Path of the outermost array or object around this value where none belongs.
        outer: Option<String>,
    }

    impl Node {
        fn child(&self, path: String, role: Role, container_is_expected: bool) -> Node {
            let outer = match &self.outer {
                Some(o) => Some(o.clone()),
                None if !container_is_expected => Some(self.path.clone()),
                None => None,
            };
            Node {
                path,
                role,
                depth: self.depth + 1,
                outer,
            }
        }

        fn too_deep<E: de::Error>(&self) -> Option<E> {
            (self.depth + 1 > MAX_DEPTH).then(|| {
                located(
                    self.outer.as_deref().unwrap_or(&self.path),
                    format_args!("nested deeper than {MAX_DEPTH} levels"),
                )
            })
        }
    }

    impl<'de> DeserializeSeed<'de> for Node {
        type Value = Value;
        fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
            d.deserialize_any(&self).map_err(|e| {
                let msg = e.to_string();
                if msg.starts_with(AT) || msg.starts_with(SYNTAX) {
                    e
                } else {
                    de::Error::custom(format_args!("{SYNTAX}{}{SYNTAX}{msg}", self.path))
                }
            })
        }
    }

    impl<'de> Visitor<'de> for &Node {
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
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
            if let Some(name) = v.strip_prefix(NOT_A_JSON_NUMBER) {
                if NON_FINITE.contains(&name) {
                    return Err(located(&self.path, non_finite_message(name)));
                }
            }
            Ok(Value::String(v.to_owned()))
        }
        fn visit_unit<E>(self) -> Result<Value, E> {
            Ok(Value::Null)
        }
        fn visit_none<E>(self) -> Result<Value, E> {
            Ok(Value::Null)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
            if let Some(e) = self.too_deep() {
                return Err(e);
            }
            let expected = self.role == Role::List;
            let role = if expected { Role::Item } else { Role::Scalar };
            let mut items = Vec::new();
            while let Some(item) = seq.next_element_seed(self.child(
                format!("{}[{}]", self.path, items.len()),
                role,
                expected,
            ))? {
                items.push(item);
            }
            Ok(Value::Array(items))
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
            if let Some(e) = self.too_deep() {
                return Err(e);
            }
            let expected = matches!(self.role, Role::Root | Role::Object | Role::Item);
            let mut out = Map::new();
            while let Some(key) = map.next_key::<String>()? {
                let path = if self.path.is_empty() {
                    key.clone()
                } else {
                    format!("{}.{key}", self.path)
                };
                if out.contains_key(&key) {
                    return Err(located(&path, "is given twice"));
                }
                let role = if LISTS.contains(&key.as_str()) {
                    Role::List
                } else if OBJECTS.contains(&key.as_str()) {
                    Role::Object
                } else {
                    Role::Scalar
                };
                let value = map.next_value_seed(self.child(path, role, expected))?;
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
mod fast_path_tests {
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
            (r#"{"accounts" : [ ], "allocations":[]}"#, true),
            (r#"{"accounts": [{"id": "a[b"}]}"#, false),
            (r#"{"accounts": [["a"]]}"#, false),
            (r#"{"accounts": [{}, ["a"]]}"#, false),
            (r#"{"business_center": ["Acme"]}"#, false),
            (r#"{"scenario": []}"#, false),
            (r#"{"name": "accounts", "x": []}"#, false),
            (r#"{"acc\u006funts": []}"#, false),
            (r#"{"id": "\"accounts\":"[]}"#, false),
            (r#"["2026-11-24"]"#, false),
            (r#"{"name": "\u0001not-a-json-number\u0001NaN"}"#, false),
        ] {
            assert_eq!(fast_path_safe(json), safe, "{json}");
        }
    }
}
