// The module Web Worker behind adcredit.js: loads the search module's wasm and the search
// bundle once, the rules module's wasm on the first call that needs it (checkPlan, canMove, or
// ask about moving money with a scenario), then answers { id, op, args } messages with
// { id, value } or { id, error }.
import initSearch, * as search from 'adcredit-search-glue';
import initRules, * as rules from 'adcredit-rules-glue';

let loading = null;
let rulesUrl = null;
let rulesLoading = null;
let shardBase = null; // set when the index is sharded: where t/<n>.bin and d/<n>.bin are
const shards = new Map(); // shard path → Promise of it being added (each fetched once)

function codedError(code, message) {
  const e = new Error(message);
  e.code = code;
  return e;
}

async function fetchBytes(url) {
  let res;
  try {
    res = await fetch(url);
  } catch (e) {
    throw codedError('load', `could not fetch ${url}: ${e.message}`);
  }
  if (!res.ok) throw codedError('load', `could not fetch ${url}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

/**
 * The index's entry file: `index` is a folder URL (ending in `/`) holding adcredit.bundle, or
 * the URL of a bundle file. The header says whether it is a whole bundle or a sharded index's
 * meta, whose shards are in `shards/` beside it (or beside a `meta.bin`).
 */
async function fetchIndex(index) {
  const url = index.endsWith('/') ? new URL('adcredit.bundle', index).href : index;
  return { url, data: await fetchBytes(url) };
}

async function load({ search: searchUrl, rules: rulesAt, index }) {
  rulesUrl = rulesAt;
  const first = fetchIndex(index);
  try {
    await initSearch({ module_or_path: searchUrl });
  } catch (e) {
    throw codedError('load', `could not start ${searchUrl}: ${e.message}`);
  }
  const { url: bundleUrl, data } = await first;
  try {
    // Byte 8 of the header is the part kind: 1 is a sharded index's meta.
    if (data[8] === 1) {
      search.loadMeta(data);
      shardBase = new URL(/\/meta\.bin$/.test(new URL(bundleUrl).pathname) ? './' : 'shards/', bundleUrl).href;
    } else search.loadBundle(data);
  } catch (e) {
    throw codedError(e.code || 'bundle', `${bundleUrl}: ${e.message}`);
  }
  return { schemaVersion: search.schemaVersion() };
}

/** The rules module, started once on first use. */
function rulesReady() {
  rulesLoading ??= initRules({ module_or_path: rulesUrl }).catch((e) => {
    rulesLoading = null;
    throw codedError('load', `could not start ${rulesUrl}: ${e.message}`);
  });
  return rulesLoading;
}

/** With a sharded index, fetches the shards a query needs (terms, then the top hits' texts). */
async function need(q, o, limit) {
  if (!shardBase) return;
  const options = { limit: o?.limit ?? limit };
  for (let round = 0; round < 4; round++) {
    const keys = search.missingShards(q, options);
    if (!keys.length) return;
    await Promise.all(
      keys.map((key) => {
        const path = `${key.kind === 'terms' ? 't' : 'd'}/${key.index}.bin`;
        if (!shards.has(path)) {
          const added = fetchBytes(new URL(path, shardBase).href).then((b) => search.addShard(key, b));
          added.catch(() => shards.delete(path));
          shards.set(path, added);
        }
        return shards.get(path);
      }),
    );
  }
}

function text(q) {
  if (typeof q !== 'string') throw codedError('input', `question: expected a string, found ${q === null ? 'null' : typeof q}`);
  return q;
}

const ops = {
  checkPlan: async (s) => (await rulesReady(), rules.checkPlan(s)),
  canMove: async (q) => (await rulesReady(), rules.canMove(q)),
  search: async (q, o) => (await need(text(q), o, 10), search.search(q, o, 10)),
  // The scenario is read only for questions about moving money between places it names
  // (mentionsMove): the others are answered by the search module alone.
  ask: async (q, s, o) => {
    await need(text(q), o, 5);
    if (s === undefined || s === null || !search.mentionsMove(q, s)) return { results: search.search(q, o, 5).results };
    await rulesReady();
    const move = rules.answerMove(q, s);
    return { results: search.search(q, o, 5).results, ...move };
  },
};

self.onmessage = async ({ data: { id, op, args } }) => {
  try {
    let value;
    if (op === 'init') {
      loading ??= load(args);
      loading.catch(() => (loading = null));
      value = await loading;
    } else {
      if (!loading || !ops[op]) throw codedError('internal', `${op}: called before init()`);
      await loading;
      value = await ops[op](...args);
    }
    self.postMessage({ id, value });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    self.postMessage({ id, error: { code: (e && e.code) || 'internal', message } });
  }
};
