// Loaded by every bench page (served as /harness.js). The system under test is the module
// ./adapter.js beside the page, imported on the first query: the clock and the byte count of the
// first answer start before the import, so they hold the system's whole download and start-up.
// Every adapter exports init(params) and search(query, limit) → [{ id, title, snippet }].
const params = new URLSearchParams(location.search);
let adapter = null;

window.bench = {
  /** Page is up, nothing of the system loaded yet → the first answer. */
  async first(query, limit) {
    const t0 = performance.now();
    adapter = await import(new URL('./adapter.js', location.href).href);
    await adapter.init(params);
    const results = await adapter.search(query, limit);
    return { ms: performance.now() - t0, results };
  },
  /** A later query: from the call to results in hand (titles and snippets included). */
  async one(query, limit) {
    const t0 = performance.now();
    const results = await adapter.search(query, limit);
    return { ms: performance.now() - t0, results };
  },
  /** Several queries in a row, each timed; ids kept for the quality check. */
  async many(queries, limit) {
    const out = [];
    for (const q of queries) {
      const t0 = performance.now();
      const results = await adapter.search(q, limit);
      out.push({ ms: performance.now() - t0, ids: results.map((r) => r.id) });
    }
    return out;
  },
  /** Memory of the page, its workers and their wasm memories (needs cross-origin isolation). */
  async memory() {
    if (!self.crossOriginIsolated || !performance.measureUserAgentSpecificMemory) return null;
    const m = await performance.measureUserAgentSpecificMemory();
    return m.bytes;
  },
};
