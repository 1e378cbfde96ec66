// Diagnostic only (not one of the compared systems): adcredit's wasm and monolithic bundle on the
// page's main thread, without the Web Worker of web/dist/adcredit.js — the same search, to show
// how much of adcredit's latency is the worker round trip.
import initWasm, { loadBundle, search as find } from './adcredit_search.js';

export async function init() {
  const bundle = fetch(new URL('./adcredit.bundle', import.meta.url)).then((r) => r.arrayBuffer());
  await initWasm({ module_or_path: new URL('./adcredit_search_bg.wasm', import.meta.url) });
  loadBundle(new Uint8Array(await bundle));
}

export async function search(query, limit) {
  const { results } = find(query, { limit });
  return results.map((r) => ({ id: r.id, title: r.title, snippet: r.snippet }));
}
