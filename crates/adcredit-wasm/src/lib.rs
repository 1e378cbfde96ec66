//! The thin wasm-bindgen binding of adcredit, built as two modules so that the first answer
//! downloads only what searching needs:
//!
//! - feature `search` → `adcredit_search_bg.wasm`: `loadBundle`, `loadMeta`, `missingShards`,
//!   `addShard`, `search`, `mentionsMove` (does `ask` need the rules?), `schemaVersion`,
//!   `version`;
//! - feature `rules` → `adcredit_rules_bg.wasm`: `checkPlan`, `suggestPlan`, `canMove`,
//!   `answerMove` (the move part of `ask`), fetched by the worker on the first call that needs the rules.
//!
//! Every export decodes its input, calls a pure crate, and encodes the output; every error
//! leaves through `js_error` as a JS `Error` with a `code`. Nothing else lives here.
//!
//! Scenarios and move questions are decoded through JSON text (`JSON.stringify` →
//! `adcredit_core::from_json`), not serde-wasm-bindgen: serde-wasm-bindgen reads only the
//! fields a struct declares, so it cannot reject unknown fields, and its number handling
//! words errors differently. Through JSON the browser gets byte-for-byte the native answers
//! and messages (same decoder, same serializer), which the parity tests check. The search
//! module's two small inputs (`{ limit }` and a shard key) are read field by field, so it
//! carries no JSON parser.

#![allow(unsafe_code)] // wasm-bindgen's generated glue

#[cfg(any(feature = "rules", feature = "in-place", feature = "serde-json"))]
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The search module's small allocator (the rules module keeps Rust's default, dlmalloc).
#[cfg(all(target_arch = "wasm32", feature = "search", not(feature = "rules")))]
mod heap;

#[cfg(all(target_arch = "wasm32", feature = "search", not(feature = "rules")))]
#[global_allocator]
static HEAP: heap::Heap = heap::Heap::new();

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("../types.d.ts");

/// Error codes a rejected call carries in `error.code`.
#[allow(dead_code)] // each module uses its own codes
mod code {
    /// Bad input: the message names the JSON path.
    pub const INPUT: &str = "input";
    /// The search bundle is corrupt or of another schema version.
    pub const BUNDLE: &str = "bundle";
    /// `search` before `loadBundle`.
    pub const NOT_LOADED: &str = "not-loaded";
    /// A computation limit (an overflowing sum) or an output that cannot be encoded.
    pub const INTERNAL: &str = "internal";
}

/// The one error helper: a JS `Error` with `code` set, and `path` (the JSON path of the
/// value at fault, `""` for the whole input) when the error has one, so that callers mark
/// the field from data instead of parsing the message.
fn js_error_at(code: &str, message: &str, path: Option<&str>) -> JsValue {
    let e = js_sys::Error::new(message);
    // Setting a property on a fresh Error cannot fail.
    let _ = js_sys::Reflect::set(&e, &JsValue::from_str("code"), &JsValue::from_str(code));
    if let Some(path) = path {
        let _ = js_sys::Reflect::set(&e, &JsValue::from_str("path"), &JsValue::from_str(path));
    }
    e.into()
}

/// [`js_error_at`] without a path.
fn js_error(code: &str, message: &str) -> JsValue {
    js_error_at(code, message, None)
}

/// An answer as JSON text (serde_json's output, the native JSON byte for byte), which the worker
/// parses: for the rules module's reports, verdicts and plans this is smaller and faster than
/// building the objects in place (README, "Values crossing into JS"). `hint` is the
/// expected length: a 10,000-line report is 8 MB, which doubling from a small buffer would
/// copy and touch twice over.
#[cfg(feature = "rules")]
fn encode<T: Serialize>(v: &T, hint: usize) -> Result<String, JsValue> {
    let mut out = Vec::with_capacity(hint);
    // Our answers always serialise; the error's text would pull serde_json's whole error
    // vocabulary into the module for nothing.
    serde_json::to_writer(&mut out, v)
        .map_err(|_| js_error(code::INTERNAL, "the answer cannot be written as JSON"))?;
    String::from_utf8(out).map_err(|_| js_error(code::INTERNAL, "the answer is not UTF-8"))
}

/// An answer built as JS values in place (serde-wasm-bindgen, JSON-compatible: plain objects,
/// `null` for a missing value). Kept for measuring against [`text`] (README, "Values crossing
/// into JS"); the search module ships [`text`].
#[cfg(all(feature = "search", feature = "in-place"))]
fn to_js<T: Serialize>(v: &T) -> Result<JsValue, JsValue> {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|_| js_error(code::INTERNAL, "the answer cannot be written as a JS value"))
}

/// The same through serde_json text and `JSON.parse`, also for measuring only.
#[cfg(all(feature = "search", feature = "serde-json", not(feature = "in-place")))]
fn to_js<T: Serialize>(v: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(v)
        .map_err(|_| js_error(code::INTERNAL, "the answer cannot be written as JSON"))?;
    js_sys::JSON::parse(&text).map_err(|_| js_error(code::INTERNAL, "the answer is not valid JSON"))
}

/// The search module's two answers (results, shard keys) as JSON text written by hand and read
/// by `JSON.parse`: smaller than serde-wasm-bindgen or serde_json and as fast (README, "Values
/// crossing into JS"). A score is set on its hit afterwards as the f32's exact value, as
/// serde-wasm-bindgen gave it (writing an f32 in decimal would need the float formatter).
#[cfg(all(
    feature = "search",
    not(feature = "in-place"),
    not(feature = "serde-json")
))]
mod text {
    use adcredit_assistant::SearchResults;
    use adcredit_search::ShardKey;
    use wasm_bindgen::prelude::*;

    use super::{code, js_error};

    /// `s` as a JSON string: `"` and `\\` escaped, control characters as `\u00XX`; runs
    /// without either are copied whole.
    fn string(out: &mut String, s: &str) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        out.push('"');
        let mut rest = s;
        while let Some(i) = rest.find(|c: char| c == '"' || c == '\\' || c < ' ') {
            out.push_str(rest.get(..i).unwrap_or_default());
            let b = rest.as_bytes().get(i).copied().unwrap_or_default();
            out.push('\\');
            match b {
                b'"' | b'\\' => out.push(char::from(b)),
                _ => {
                    out.push_str("u00");
                    for nibble in [b >> 4, b & 15] {
                        let digit = HEX.get(usize::from(nibble)).copied().unwrap_or(b'0');
                        out.push(char::from(digit));
                    }
                }
            }
            rest = rest.get(i + 1..).unwrap_or_default();
        }
        out.push_str(rest);
        out.push('"');
    }

    fn number(out: &mut String, n: u32) {
        let mut digits = [0u8; 10];
        let mut len = 0;
        let mut n = n;
        while let Some(slot) = digits.get_mut(len) {
            *slot = b'0' + (n % 10) as u8;
            len += 1;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        for &d in digits.get(..len).unwrap_or_default().iter().rev() {
            out.push(char::from(d));
        }
    }

    fn parse(text: &str) -> Result<JsValue, JsValue> {
        js_sys::JSON::parse(text)
            .map_err(|_| js_error(code::INTERNAL, "the answer is not valid JSON"))
    }

    /// `{ results: Hit[], answered }`, each hit's fields in the order of `Hit`.
    pub(crate) fn results(r: &SearchResults) -> Result<JsValue, JsValue> {
        let mut out = String::with_capacity(256 + 512 * r.results.len());
        out.push_str("{\"results\":[");
        for (i, hit) in r.results.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str("{\"id\":");
            string(&mut out, &hit.id);
            out.push_str(",\"title\":");
            string(&mut out, &hit.title);
            out.push_str(",\"kind\":");
            string(&mut out, hit.kind.as_str());
            out.push_str(",\"score\":0,\"summary\":");
            string(&mut out, &hit.summary);
            out.push_str(",\"snippet\":");
            string(&mut out, &hit.snippet);
            out.push_str(",\"highlights\":[");
            for (j, [start, end]) in hit.highlights.iter().enumerate() {
                if j > 0 {
                    out.push(',');
                }
                out.push('[');
                number(&mut out, *start);
                out.push(',');
                number(&mut out, *end);
                out.push(']');
            }
            out.push_str("]}");
        }
        out.push_str("],\"answered\":");
        out.push_str(if r.answered { "true" } else { "false" });
        out.push('}');
        let value = parse(&out)?;
        let hits = js_sys::Reflect::get(&value, &JsValue::from_str("results"))?;
        let hits: &js_sys::Array = hits.unchecked_ref();
        for (i, hit) in r.results.iter().enumerate() {
            js_sys::Reflect::set(
                &hits.get(i as u32),
                &JsValue::from_str("score"),
                &JsValue::from_f64(f64::from(hit.score)),
            )?;
        }
        Ok(value)
    }

    /// `[{ kind: "terms" | "docs", index }]`.
    pub(crate) fn shard_keys(keys: &[ShardKey]) -> Result<JsValue, JsValue> {
        let mut out = String::from("[");
        for (i, key) in keys.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let (kind, index) = match key {
                ShardKey::Terms(n) => ("terms", *n),
                ShardKey::Docs(n) => ("docs", *n),
            };
            out.push_str("{\"kind\":\"");
            out.push_str(kind);
            out.push_str("\",\"index\":");
            number(&mut out, index);
            out.push('}');
        }
        out.push(']');
        parse(&out)
    }
}

/// The package version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

#[cfg(feature = "search")]
pub use search::*;

#[cfg(feature = "search")]
mod search {
    use std::cell::RefCell;

    use adcredit_search::{Searcher, ShardKey};
    use wasm_bindgen::prelude::*;

    #[cfg(any(feature = "in-place", feature = "serde-json"))]
    use super::to_js;
    use super::{code, js_error, js_error_at};

    thread_local! {
        static SEARCHER: RefCell<Option<Searcher>> = const { RefCell::new(None) };
    }

    /// Options of `search`.
    #[derive(Default)]
    #[cfg_attr(test, derive(ts_rs::TS), ts(rename = "SearchOptionsInput"))]
    pub(crate) struct Options {
        /// How many results (an integer from 1 to 50; default 10 for `search`, 5 for `ask`).
        #[cfg_attr(test, ts(optional = nullable))]
        limit: Option<usize>,
    }

    fn is_object(v: &JsValue) -> bool {
        v.is_object() && !js_sys::Array::is_array(v) && !v.is_function()
    }

    /// `{ limit? }`, read field by field; unknown fields are refused as the JSON decoder would.
    fn options(v: JsValue) -> Result<Options, JsValue> {
        if v.is_undefined() || v.is_null() {
            return Ok(Options::default());
        }
        if !is_object(&v) {
            return Err(js_error(
                code::INPUT,
                "options: expected an object like { limit: 5 }",
            ));
        }
        for key in js_sys::Object::keys(v.unchecked_ref::<js_sys::Object>()).iter() {
            let key = key.as_string().unwrap_or_default();
            if key != "limit" {
                let message = [
                    "options.",
                    &key,
                    ": unknown field `",
                    &key,
                    "`, expected `limit`",
                ]
                .concat();
                return Err(js_error(code::INPUT, &message));
            }
        }
        let limit = js_sys::Reflect::get(&v, &JsValue::from_str("limit")).unwrap_or(JsValue::NULL);
        if limit.is_undefined() || limit.is_null() {
            return Ok(Options::default());
        }
        // A string or a boolean is no count either: NaN, refused like 0 or 1e9.
        let n = limit.as_f64().unwrap_or(f64::NAN);
        match adcredit_search::check_limit(n) {
            Ok(n) => Ok(Options { limit: Some(n) }),
            Err(e) => Err(js_error_at(code::INPUT, &e.message(), Some("limit"))),
        }
    }

    /// `{ kind: "terms" | "docs", index }`, as `missingShards` gives it.
    fn shard_key(v: &JsValue) -> Result<ShardKey, JsValue> {
        let get = |k: &str| js_sys::Reflect::get(v, &JsValue::from_str(k)).unwrap_or(JsValue::NULL);
        let index = match get("index").as_f64() {
            Some(n) if n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&n) => n as u32,
            _ => return Err(js_error(code::INPUT, "key.index: expected a shard number")),
        };
        match get("kind").as_string().as_deref() {
            Some("terms") => Ok(ShardKey::Terms(index)),
            Some("docs") => Ok(ShardKey::Docs(index)),
            _ => Err(js_error(
                code::INPUT,
                "key.kind: expected \"terms\" or \"docs\"",
            )),
        }
    }

    fn with_searcher<T>(f: impl FnOnce(&Searcher) -> Result<T, JsValue>) -> Result<T, JsValue> {
        SEARCHER.with(|s| match s.borrow().as_ref() {
            Some(searcher) => f(searcher),
            None => Err(js_error(
                code::NOT_LOADED,
                "no search bundle loaded: call loadBundle(bytes) first",
            )),
        })
    }

    /// Makes `opened` the searcher every later call uses.
    fn install(opened: Result<Searcher, adcredit_search::Error>) -> Result<(), JsValue> {
        let searcher = opened.map_err(|e| js_error(code::BUNDLE, &e.message()))?;
        SEARCHER.with(|s| *s.borrow_mut() = Some(searcher));
        Ok(())
    }

    /// Load (or replace) the search bundle.
    #[wasm_bindgen(js_name = loadBundle)]
    pub fn load_bundle(bytes: &[u8]) -> Result<(), JsValue> {
        install(Searcher::from_bundle(bytes))
    }

    /// Open a sharded bundle by its meta part; shards come later through `addShard`.
    #[wasm_bindgen(js_name = loadMeta)]
    pub fn load_meta(bytes: &[u8]) -> Result<(), JsValue> {
        install(Searcher::from_meta(bytes))
    }

    /// The shards `search(query)` needs that are not loaded yet: `{ kind, index }` objects
    /// whose file is `t/<index>.bin` (terms) or `d/<index>.bin` (docs) beside the meta.
    #[wasm_bindgen(js_name = missingShards, unchecked_return_type = "ShardKey[]")]
    pub fn missing_shards(
        query: &str,
        #[wasm_bindgen(unchecked_param_type = "SearchOptionsInput | undefined")] options_: JsValue,
    ) -> Result<JsValue, JsValue> {
        let o = options(options_)?;
        with_searcher(|s| {
            let keys = adcredit_assistant::missing_shards(s, query, o.limit.unwrap_or(10));
            #[cfg(any(feature = "in-place", feature = "serde-json"))]
            return to_js(&keys);
            #[cfg(not(any(feature = "in-place", feature = "serde-json")))]
            super::text::shard_keys(&keys)
        })
    }

    /// Add a fetched shard (`key` as `missingShards` named it).
    #[wasm_bindgen(js_name = addShard)]
    pub fn add_shard(
        #[wasm_bindgen(unchecked_param_type = "ShardKey")] key: JsValue,
        bytes: &[u8],
    ) -> Result<(), JsValue> {
        let key = shard_key(&key)?;
        SEARCHER.with(|s| match s.borrow_mut().as_mut() {
            Some(searcher) => searcher
                .add_shard(key, bytes)
                .map_err(|e| js_error(code::BUNDLE, &e.message())),
            None => Err(js_error(
                code::NOT_LOADED,
                "no search bundle loaded: call loadMeta(bytes) first",
            )),
        })
    }

    /// The bundle schema version this module reads.
    #[wasm_bindgen(js_name = schemaVersion)]
    pub fn schema_version() -> u32 {
        adcredit_search::SCHEMA_VERSION
    }

    /// Search the knowledge base: `{ results: Hit[] }`, best first. `defaultLimit` applies when
    /// the options name none (10 for `search`, 5 for `ask`).
    #[wasm_bindgen(unchecked_return_type = "SearchResults")]
    pub fn search(
        query: &str,
        #[wasm_bindgen(unchecked_param_type = "SearchOptionsInput | undefined")] options_: JsValue,
        #[wasm_bindgen(js_name = defaultLimit)] default_limit: Option<u32>,
    ) -> Result<JsValue, JsValue> {
        let o = options(options_)?;
        let limit = o.limit.unwrap_or(default_limit.map_or(10, |n| n as usize));
        with_searcher(|s| {
            // Messages without `core::fmt` (`Error::message`): the search module carries none
            // of its machinery. A search raises no error of the rules core.
            let results = adcredit_assistant::search(s, query, limit).map_err(|e| match e {
                adcredit_assistant::Error::Search(e @ adcredit_search::Error::Limit) => {
                    js_error_at(code::INPUT, &e.message(), Some("limit"))
                }
                adcredit_assistant::Error::Search(e) => js_error(code::INPUT, &e.message()),
                _ => js_error(code::INTERNAL, "the search raised an error of the rules"),
            })?;
            // Scores are f32s, built here as their exact value (21.108247756958008); api.js
            // rounds them to the shortest decimal, as serde_json writes them (21.108248).
            #[cfg(any(feature = "in-place", feature = "serde-json"))]
            return to_js(&results);
            #[cfg(not(any(feature = "in-place", feature = "serde-json")))]
            super::text::results(&results)
        })
    }

    /// Whether `ask` needs the rules module: the question has a moving verb and names the
    /// Business Center, one of the scenario's accounts (by id, name or status) or credits, or —
    /// without a scenario (`undefined` or `null`) — a country or an id after "from"/"to".
    /// Only the accounts' `id`, `name` and `status` and the credits' `id` are read; when they
    /// cannot be read the answer is `true`, so the rules module reads the whole scenario and
    /// names what is wrong with it.
    #[wasm_bindgen(js_name = mentionsMove)]
    pub fn mentions_move(
        question: &str,
        #[wasm_bindgen(unchecked_param_type = "Scenario | undefined | null")] scenario: JsValue,
    ) -> bool {
        if !adcredit_assistant::may_move(question) {
            return false;
        }
        if scenario.is_undefined() || scenario.is_null() {
            return adcredit_assistant::mentions_move(question, None);
        }
        let Some((accounts, credits)) = names(&scenario) else {
            return true;
        };
        let known = adcredit_assistant::Known {
            accounts: accounts
                .iter()
                .map(|(id, name, status)| adcredit_assistant::KnownAccount {
                    id,
                    name: name.as_deref(),
                    status,
                })
                .collect(),
            credits: credits.iter().map(String::as_str).collect(),
        };
        adcredit_assistant::mentions_move(question, Some(&known))
    }

    type Names = (Vec<(String, Option<String>, String)>, Vec<String>);

    /// `(id, name, status)` of each of `scenario.accounts` and the ids of
    /// `scenario.business_center.ad_credits`, or `None` when they are not strings.
    fn names(scenario: &JsValue) -> Option<Names> {
        let get = |v: &JsValue, k: &str| js_sys::Reflect::get(v, &JsValue::from_str(k)).ok();
        let opt = |v: JsValue| -> Option<Option<String>> {
            if v.is_undefined() || v.is_null() {
                Some(None)
            } else {
                v.as_string().map(Some)
            }
        };
        if !is_object(scenario) {
            return None;
        }
        let accounts = get(scenario, "accounts")?;
        if !js_sys::Array::is_array(&accounts) {
            return None;
        }
        let mut out = Vec::new();
        for a in js_sys::Array::from(&accounts).iter() {
            if !is_object(&a) {
                return None;
            }
            let id = get(&a, "id")?.as_string()?;
            let name = opt(get(&a, "name")?)?;
            let status = opt(get(&a, "status")?)?.unwrap_or_default();
            out.push((id, name, status));
        }
        let mut credits = Vec::new();
        let bc = get(scenario, "business_center")?;
        if is_object(&bc) {
            let list = get(&bc, "ad_credits")?;
            if js_sys::Array::is_array(&list) {
                for c in js_sys::Array::from(&list).iter() {
                    if !is_object(&c) {
                        return None;
                    }
                    credits.push(get(&c, "id")?.as_string()?);
                }
            }
        }
        Some((out, credits))
    }
}

#[cfg(feature = "rules")]
pub use rules::*;

#[cfg(feature = "rules")]
mod rules {
    use adcredit_core::{MoveQuestion, Scenario};
    use serde::de::DeserializeOwned;
    use wasm_bindgen::prelude::*;

    use super::{code, encode, js_error, js_error_at};

    fn core_error(e: adcredit_core::Error) -> JsValue {
        js_error_at(
            if e.is_input() {
                code::INPUT
            } else {
                code::INTERNAL
            },
            &e.to_string(),
            Some(e.path()),
        )
    }

    /// `JSON.stringify(v)`, except that a number JSON cannot carry (`NaN`, `±Infinity`, which
    /// `JSON.stringify` turns into `null`) is written as the core's `NOT_A_JSON_NUMBER` marker,
    /// so that the decoder refuses it at its path instead of reading `null`.
    fn stringify(v: &JsValue) -> Result<Option<String>, JsValue> {
        let plain = js_sys::JSON::stringify(v)?.as_string();
        // Without a `null` in the text there was no NaN either: skip the per-value replacer.
        if !plain.as_deref().is_some_and(|t| t.contains("null")) {
            return Ok(plain);
        }
        let replacer =
            Closure::<dyn Fn(JsValue, JsValue) -> JsValue>::new(|_key: JsValue, value: JsValue| {
                match value.as_f64() {
                    Some(n) if !n.is_finite() => {
                        let name = if n.is_nan() {
                            "NaN"
                        } else if n > 0.0 {
                            "Infinity"
                        } else {
                            "-Infinity"
                        };
                        JsValue::from_str(&format!("{}{name}", adcredit_core::NOT_A_JSON_NUMBER))
                    }
                    _ => value,
                }
            });
        Ok(js_sys::JSON::stringify_with_replacer(v, replacer.as_ref())?.as_string())
    }

    /// Decodes `v` through its JSON text; also returns the text's length, from which the
    /// answer's size is guessed.
    fn decode<T: DeserializeOwned>(v: JsValue) -> Result<(T, usize), JsValue> {
        if v.is_undefined() || v.is_function() || v.is_symbol() {
            return Err(js_error(
                code::INPUT,
                "expected an object, found undefined or a function",
            ));
        }
        let text = stringify(&v)
            .map_err(|_| {
                js_error(
                    code::INPUT,
                    "the value cannot be written as JSON (a BigInt or a cycle in it)",
                )
            })?
            .unwrap_or_default();
        let value = adcredit_core::from_json(&text).map_err(core_error)?;
        Ok((value, text.len()))
    }

    fn scenario(v: JsValue) -> Result<(Scenario, usize), JsValue> {
        let (s, len): (Scenario, usize) = decode(v)?;
        s.validate().map_err(core_error)?;
        Ok((s, len))
    }

    /// Validate and simulate a plan (CONTRACT §2 → §3): the report as JSON text.
    #[wasm_bindgen(js_name = checkPlan)]
    pub fn check_plan(
        #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario_: JsValue,
    ) -> Result<String, JsValue> {
        let (s, len) = scenario(scenario_)?;
        // A report's JSON is about 3.6 times the plan's (10,000 lines: 2.3 → 8.3 MB).
        encode(&adcredit_core::check(&s).map_err(core_error)?, len * 4)
    }

    /// Suggest the allocation lines for a scenario (CONTRACT §2 → §8): the plan as JSON text.
    #[wasm_bindgen(js_name = suggestPlan)]
    pub fn suggest_plan(
        #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario_: JsValue,
    ) -> Result<String, JsValue> {
        let (s, len) = scenario(scenario_)?;
        encode(&adcredit_core::plan(&s).map_err(core_error)?, len * 4)
    }

    /// Decide a move question (CONTRACT §4): the verdict as JSON text.
    #[wasm_bindgen(js_name = canMove)]
    pub fn can_move(
        #[wasm_bindgen(unchecked_param_type = "MoveQuestion")] question: JsValue,
    ) -> Result<String, JsValue> {
        let (q, _): (MoveQuestion, usize) = decode(question)?;
        encode(&adcredit_core::can_move(&q).map_err(core_error)?, 1024)
    }

    /// The move part of `ask`: `{ answered, verdict?, needs?, asks_for?, choices?, notes?,
    /// suggestion?, suggestions? }` for a question about moving money within `scenario`
    /// (validated as `checkPlan` does), or from the rules alone when it is `undefined` or
    /// `null`. `answered` is the search's flag, true also when the question was understood as
    /// one about the asker's money (`MoveAnswer::understood`), as the native `ask` decides.
    /// As JSON text.
    #[wasm_bindgen(js_name = answerMove)]
    pub fn answer_move(
        question: &str,
        #[wasm_bindgen(unchecked_param_type = "Scenario | undefined | null")] scenario_: JsValue,
        answered: bool,
    ) -> Result<String, JsValue> {
        let s = if scenario_.is_undefined() || scenario_.is_null() {
            None
        } else {
            Some(scenario(scenario_)?.0)
        };
        let about_move =
            adcredit_assistant::answer_move(question, s.as_ref()).map_err(|e| match e {
                adcredit_assistant::Error::Core(e) => core_error(e),
                other => js_error(code::INPUT, &other.to_string()),
            })?;
        #[derive(serde::Serialize)]
        struct MovePart {
            answered: bool,
            #[serde(flatten)]
            about_move: adcredit_assistant::MoveAnswer,
        }
        encode(
            &MovePart {
                answered: answered || about_move.understood(),
                about_move,
            },
            1024,
        )
    }
}

#[cfg(test)]
mod typescript {
    //! The TypeScript declarations shipped in the `.d.ts`, generated from the Rust types.
    use adcredit_assistant::{Answer, AsksFor, Choice, MoveAnswer, SearchResults};
    use adcredit_core::*;
    use adcredit_search::Hit;
    use ts_rs::TS;

    fn declarations() -> String {
        let cfg = ts_rs::Config::default();
        let decls = [
            Money::decl(&cfg),
            Date::decl(&cfg),
            Currency::decl(&cfg),
            Scenario::decl(&cfg),
            BusinessCenter::decl(&cfg),
            AdCredit::decl(&cfg),
            Account::decl(&cfg),
            Allocation::decl(&cfg),
            Role::decl(&cfg),
            Status::decl(&cfg),
            Report::decl(&cfg),
            Finding::decl(&cfg),
            Severity::decl(&cfg),
            RuleId::decl(&cfg),
            After::decl(&cfg),
            BusinessCenterAfter::decl(&cfg),
            CreditAfter::decl(&cfg),
            AccountAfter::decl(&cfg),
            Step::decl(&cfg),
            Plan::decl(&cfg),
            Left::decl(&cfg),
            Skipped::decl(&cfg),
            AccountShare::decl(&cfg),
            CreditShare::decl(&cfg),
            MoveQuestion::decl(&cfg),
            Fund::decl(&cfg),
            Verdict::decl(&cfg),
            Hit::decl(&cfg),
            adcredit_search::DocKind::decl(&cfg),
            adcredit_search::ShardKey::decl(&cfg),
            SearchResults::decl(&cfg),
            Answer::decl(&cfg),
            MoveAnswer::decl(&cfg),
            AsksFor::decl(&cfg),
            Choice::decl(&cfg),
            super::search::Options::decl(&cfg),
        ];
        let mut out = String::from(
            "// Generated from the Rust types by `cargo test -p adcredit-wasm`. Do not edit:\n\
             // change the Rust types and run `UPDATE_TYPES=1 cargo test -p adcredit-wasm typescript`.\n\
             // Money and dates are strings: \"150.00\", \"2026-11-24\".\n\n",
        );
        for d in decls {
            out.push_str("export ");
            out.push_str(&d);
            out.push_str("\n\n");
        }
        out
    }

    #[test]
    fn typescript_declarations_are_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/types.d.ts");
        let want = declarations();
        if std::env::var_os("UPDATE_TYPES").is_some() {
            std::fs::write(path, &want).unwrap();
        }
        let have = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            have == want,
            "{path} is out of date: run `UPDATE_TYPES=1 cargo test -p adcredit-wasm typescript` and commit it"
        );
    }
}
