// The module Web Worker behind adcredit.js: loads the search module's wasm and the search
// bundle once, the rules module's wasm on the first call that needs it (checkPlan, suggestPlan,
// canMove, or ask about moving money with a scenario), then answers { id, op, args } messages with
// { id, value } or { id, error }. Every request gets an answer, whatever its handler does
// (throws, rejects, traps); a message that cannot be read is answered with { lost }, the id
// of the last request read before it, so the page can reject the one that was lost.
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

async function load({ search: searchUrl, index }) {
  const first = fetchIndex(index);
  // Handled below once the wasm has started; without this a 404 that comes first would be
  // reported as an unhandled rejection meanwhile.
  first.catch(() => {});
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

/** The rules module, started once on first use (it needs neither the search module nor the bundle). */
function rulesReady() {
  if (!rulesUrl) return Promise.reject(codedError('internal', 'the rules module has no URL: the page did not configure the worker'));
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

/**
 * The search module builds its results as JS values in place (smaller and faster than JSON text,
 * README "Values crossing into JS"), so a score arrives as its f32's exact value. The native JSON
 * holds the shortest decimal that reads back as the same f32, rounded half to even as serde_json
 * writes it (162.640625 → 162.64062; toPrecision would round the tie up): give the page that number.
 */
function shortest(x) {
  const [m, e] = Math.abs(x).toExponential(99).split('e'); // the f32's exact decimal digits
  const digits = m.replace('.', '');
  for (let p = 1; p < 10; p++) {
    const head = digits.slice(0, p);
    const rest = digits.slice(p);
    const up = /^50*$/.test(rest) ? Number(head.at(-1)) % 2 === 1 : rest[0] >= '5' && /[^0]/.test(rest);
    const y = Number(`${x < 0 ? '-' : ''}${up ? BigInt(head) + 1n : head}e${Number(e) - p + 1}`);
    if (Math.fround(y) === x) return y;
  }
  return x;
}
function found(q, o, limit) {
  const r = search.search(q, o, limit);
  for (const hit of r.results) hit.score = shortest(hit.score);
  return r;
}

// The rules module answers with serde_json's text, parsed here rather than on the page: posting
// the text was measured 25 ms faster for a 10,000-line report, but its JSON.parse (8 MB) was then
// a main-thread task of over 50 ms, where reading the structured clone is not (README, "Values
// crossing into JS").
const ops = {
  checkPlan: async (s) => (await rulesReady(), JSON.parse(rules.checkPlan(s))),
  suggestPlan: async (s) => (await rulesReady(), JSON.parse(rules.suggestPlan(s))),
  canMove: async (q) => (await rulesReady(), JSON.parse(rules.canMove(q))),
  search: async (q, o) => (await need(text(q), o, 10), found(q, o, 10)),
  // The rules module is loaded, and the scenario read, only for questions about moving money
  // between places they name (mentionsMove): the scenario's, or without one the Business
  // Center, countries and ids. The others are answered by the search module alone.
  ask: async (q, s, o, tooDeep) => {
    await need(text(q), o, 5);
    const scenario = s ?? null;
    const { results, answered } = found(q, o, 5);
    if (!search.mentionsMove(q, scenario)) return { results, answered };
    if (tooDeep && scenario !== null) throw Object.assign(codedError('input', tooDeep.message), { path: tooDeep.path });
    await rulesReady();
    return { results, ...JSON.parse(rules.answerMove(q, scenario, answered)) };
  },
};

const RULES = new Set(['checkPlan', 'suggestPlan', 'canMove']);
let lastRead = 0;

async function answer(op, args) {
  if (op === 'init') {
    loading ??= load(args);
    loading.catch(() => (loading = null));
    return loading;
  }
  if (!ops[op]) throw codedError('internal', `${op}: no such operation`);
  if (!Array.isArray(args)) throw codedError('input', `${op}: expected a list of arguments`);
  if (!RULES.has(op)) {
    if (!loading) throw codedError('internal', `${op}: called before init()`);
    await loading;
  }
  return ops[op](...args);
}

self.onmessage = async ({ data }) => {
  if (!data || typeof data !== 'object' || !Number.isInteger(data.id)) {
    self.postMessage({ lost: lastRead, message: 'the request is not { id, op, args }' });
    return;
  }
  const { id, op, args } = data;
  lastRead = id;
  if (op === 'config') {
    rulesUrl = args?.rules ?? null;
    return;
  }
  try {
    self.postMessage({ id, value: await answer(op, args) });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // A wasm trap (a Rust panic, an out-of-bounds access) leaves the module's memory in an
    // unknown state: the page answers the other calls with an error and starts a new worker.
    const fatal = typeof WebAssembly !== 'undefined' && e instanceof WebAssembly.RuntimeError;
    const error = { code: (e && typeof e.code === 'string' && e.code) || 'internal', message };
    if (e && typeof e.path === 'string') error.path = e.path;
    try {
      self.postMessage({ id, error, fatal });
    } catch {
      self.postMessage({ id, error: { code: 'internal', message: `${op}: the error cannot be sent back` }, fatal });
    }
  }
};

// The structured clone of a message could not be read here (nested too deep, say).
self.onmessageerror = () => self.postMessage({ lost: lastRead, message: 'the message could not be read' });
