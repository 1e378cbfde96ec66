//! The thin wasm-bindgen binding of adcredit: `checkPlan`, `canMove`, `search`, `ask` for the
//! browser, with the JSON shapes of CONTRACT §2–§4 and §7.
//!
//! Every export decodes its input, calls a pure crate, and encodes the output; every error
//! leaves through `js_error` as a JS `Error` with a `code`. Nothing else lives here.
//!
//! Values cross as JS objects but are decoded through JSON text (`JSON.stringify` →
//! `adcredit_core::from_json`), not serde-wasm-bindgen: serde-wasm-bindgen reads only the
//! fields a struct declares, so it cannot reject unknown fields, and its number handling
//! words errors differently. Through JSON the browser gets byte-for-byte the native answers
//! and messages (same decoder, same serializer), which the parity tests check.

#![allow(unsafe_code)] // wasm-bindgen's generated glue

use std::cell::RefCell;

use adcredit_core::{MoveQuestion, Scenario};
use adcredit_search::Searcher;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("../types.d.ts");

thread_local! {
    static SEARCHER: RefCell<Option<Searcher>> = const { RefCell::new(None) };
}

/// Error codes a rejected call carries in `error.code`.
mod code {
    /// Bad input: the message names the JSON path.
    pub const INPUT: &str = "input";
    /// The search bundle is corrupt or of another schema version.
    pub const BUNDLE: &str = "bundle";
    /// `search`/`ask` before `loadBundle`.
    pub const NOT_LOADED: &str = "not-loaded";
    /// A computation limit (an overflowing sum) or an output that cannot be encoded.
    pub const INTERNAL: &str = "internal";
}

/// The one error helper: a JS `Error` with `code` set.
fn js_error(code: &str, message: &str) -> JsValue {
    let e = js_sys::Error::new(message);
    // Setting a property on a fresh Error cannot fail.
    let _ = js_sys::Reflect::set(&e, &JsValue::from_str("code"), &JsValue::from_str(code));
    e.into()
}

fn core_error(e: adcredit_core::Error) -> JsValue {
    js_error(
        if e.is_input() {
            code::INPUT
        } else {
            code::INTERNAL
        },
        &e.to_string(),
    )
}

fn decode<T: DeserializeOwned>(v: JsValue) -> Result<T, JsValue> {
    if v.is_undefined() || v.is_function() || v.is_symbol() {
        return Err(js_error(
            code::INPUT,
            "expected an object, found undefined or a function",
        ));
    }
    let text = js_sys::JSON::stringify(&v)
        .map_err(|_| {
            js_error(
                code::INPUT,
                "the value cannot be written as JSON (a BigInt or a cycle in it)",
            )
        })?
        .as_string()
        .unwrap_or_default();
    adcredit_core::from_json(&text).map_err(core_error)
}

fn encode<T: Serialize>(v: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(v).map_err(|e| js_error(code::INTERNAL, &e.to_string()))?;
    js_sys::JSON::parse(&text).map_err(|_| js_error(code::INTERNAL, "the answer is not valid JSON"))
}

fn scenario(v: JsValue) -> Result<Scenario, JsValue> {
    let s: Scenario = decode(v)?;
    s.validate().map_err(core_error)?;
    Ok(s)
}

/// Options of `search` and `ask`.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename = "SearchOptionsInput"))]
struct Options {
    /// How many results (1–50; default 10 for `search`, 5 for `ask`).
    #[serde(default)]
    #[cfg_attr(test, ts(optional = nullable))]
    limit: Option<usize>,
}

fn options(v: JsValue) -> Result<Options, JsValue> {
    if v.is_undefined() || v.is_null() {
        Ok(Options::default())
    } else {
        decode(v)
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

/// Load (or replace) the search bundle.
#[wasm_bindgen(js_name = loadBundle)]
pub fn load_bundle(bytes: &[u8]) -> Result<(), JsValue> {
    let searcher =
        Searcher::from_bundle(bytes).map_err(|e| js_error(code::BUNDLE, &e.to_string()))?;
    SEARCHER.with(|s| *s.borrow_mut() = Some(searcher));
    Ok(())
}

/// Open a sharded bundle by its meta part; shards come later through `addShard`.
#[wasm_bindgen(js_name = loadMeta)]
pub fn load_meta(bytes: &[u8]) -> Result<(), JsValue> {
    let searcher =
        Searcher::from_meta(bytes).map_err(|e| js_error(code::BUNDLE, &e.to_string()))?;
    SEARCHER.with(|s| *s.borrow_mut() = Some(searcher));
    Ok(())
}

/// The shards `search(query)` needs that are not loaded yet: `{ kind, index }` objects whose
/// file is `t/<index>.bin` (terms) or `d/<index>.bin` (docs) beside the meta.
#[wasm_bindgen(js_name = missingShards, unchecked_return_type = "ShardKey[]")]
pub fn missing_shards(
    query: &str,
    #[wasm_bindgen(unchecked_param_type = "SearchOptionsInput | undefined")] options_: JsValue,
) -> Result<JsValue, JsValue> {
    let o = options(options_)?;
    with_searcher(|s| {
        encode(&adcredit_assistant::missing_shards(
            s,
            query,
            o.limit.unwrap_or(10),
        ))
    })
}

/// Add a fetched shard (`key` as `missingShards` named it).
#[wasm_bindgen(js_name = addShard)]
pub fn add_shard(
    #[wasm_bindgen(unchecked_param_type = "ShardKey")] key: JsValue,
    bytes: &[u8],
) -> Result<(), JsValue> {
    let key: adcredit_search::ShardKey = decode(key)?;
    SEARCHER.with(|s| match s.borrow_mut().as_mut() {
        Some(searcher) => searcher
            .add_shard(key, bytes)
            .map_err(|e| js_error(code::BUNDLE, &e.to_string())),
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

/// The package version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// Validate and simulate a plan (CONTRACT §2 → §3).
#[wasm_bindgen(js_name = checkPlan, unchecked_return_type = "Report")]
pub fn check_plan(
    #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario_: JsValue,
) -> Result<JsValue, JsValue> {
    let s = scenario(scenario_)?;
    encode(&adcredit_core::check(&s).map_err(core_error)?)
}

/// Decide a move question (CONTRACT §4).
#[wasm_bindgen(js_name = canMove, unchecked_return_type = "Verdict")]
pub fn can_move(
    #[wasm_bindgen(unchecked_param_type = "MoveQuestion")] question: JsValue,
) -> Result<JsValue, JsValue> {
    let q: MoveQuestion = decode(question)?;
    encode(&adcredit_core::can_move(&q).map_err(core_error)?)
}

/// Search the knowledge base: `{ results: Hit[] }`, best first.
#[wasm_bindgen(unchecked_return_type = "SearchResults")]
pub fn search(
    query: &str,
    #[wasm_bindgen(unchecked_param_type = "SearchOptionsInput | undefined")] options_: JsValue,
) -> Result<JsValue, JsValue> {
    let o = options(options_)?;
    with_searcher(|s| {
        let results = adcredit_assistant::search(s, query, o.limit.unwrap_or(10))
            .map_err(|e| js_error(code::INPUT, &e.to_string()))?;
        encode(&results)
    })
}

/// Answer a question; with a scenario, a move question also gets a verdict (CONTRACT §7).
#[wasm_bindgen(unchecked_return_type = "Answer")]
pub fn ask(
    question: &str,
    #[wasm_bindgen(unchecked_param_type = "Scenario | undefined")] scenario_: JsValue,
    #[wasm_bindgen(unchecked_param_type = "SearchOptionsInput | undefined")] options_: JsValue,
) -> Result<JsValue, JsValue> {
    let s = if scenario_.is_undefined() || scenario_.is_null() {
        None
    } else {
        Some(scenario(scenario_)?)
    };
    let o = options(options_)?;
    with_searcher(|searcher| {
        let answer = adcredit_assistant::ask(searcher, question, s.as_ref(), o.limit.unwrap_or(5))
            .map_err(|e| match e {
                adcredit_assistant::Error::Core(e) => core_error(e),
                other => js_error(code::INPUT, &other.to_string()),
            })?;
        encode(&answer)
    })
}

#[cfg(test)]
mod typescript {
    //! The TypeScript declarations shipped in the `.d.ts`, generated from the Rust types.
    use adcredit_assistant::{Answer, SearchResults};
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
            MoveQuestion::decl(&cfg),
            Fund::decl(&cfg),
            Verdict::decl(&cfg),
            Hit::decl(&cfg),
            adcredit_search::ShardKey::decl(&cfg),
            SearchResults::decl(&cfg),
            Answer::decl(&cfg),
            super::Options::decl(&cfg),
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
