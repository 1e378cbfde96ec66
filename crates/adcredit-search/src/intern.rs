//! Term → index tables: the one map type of the browser's search path.
//!
//! Every term-keyed table the searcher needs (rule groups of the analyzer, postings being
//! rebuilt from text, a document's distinct terms) is a [`TermIds`] map plus a `Vec` indexed by
//! it. Each map instantiation costs kilobytes of wasm, so keeping to one matters.

use std::collections::BTreeMap;

/// Term → index into a `Vec` kept beside the map.
pub(crate) type TermIds = BTreeMap<String, u32>;

/// The index of `key` in `items`; a new key gets `make()` appended as its item.
pub(crate) fn intern<T>(
    ids: &mut TermIds,
    items: &mut Vec<T>,
    key: &str,
    make: impl FnOnce() -> T,
) -> usize {
    if let Some(&id) = ids.get(key) {
        return id as usize;
    }
    let id = items.len();
    ids.insert(key.to_owned(), id as u32);
    items.push(make());
    id
}
