// The public API of CONTRACT §7: init, checkPlan, suggestPlan, canMove, search, ask — all Promises.
// Assets are found next to this module (import.meta.url), or under `init({ base })` when a
// bundler moved it.
//
// Searching runs on the page's thread: the search module is small and a query takes well under
// a millisecond, so a round trip to a worker would be most of its cost. Its wasm is compiled
// asynchronously (instantiateStreaming) while the bundle downloads. The rules (checkPlan of a
// large plan takes hundreds of milliseconds) run in a module Web Worker started on the first
// call that needs them, so the page never waits on them.
//
// Every call settles: the worker answers each request (even when its handler throws), a
// request the worker could not read is rejected by the worker naming it, and when the worker
// itself fails (a load error, an unreadable reply, a wasm trap) every pending call is rejected
// and the next call starts a fresh worker. Values too deep to post are refused here.
import initSearch, * as engine from 'adcredit-search-glue';
import { tooDeep, deepMessage } from './depth.js';

let base = import.meta.url;
let worker = null;
let ready = null;
let next = 0;
const pending = new Map();

/** An Error with a `code` ("input", "bundle", "load", "worker", "internal") and, for input, maybe a `path`. */
export function codedError(code, message, path) {
  const e = new Error(message);
  e.code = code;
  if (path !== undefined) e.path = path;
  return e;
}

/** Rejects every pending call with `e` and drops the worker; the next call starts another. */
function stop(e) {
  for (const p of pending.values()) p.reject(e);
  pending.clear();
  worker?.terminate();
  worker = null;
}

function start() {
  worker = new Worker(new URL('./adcredit-worker.js', base), { type: 'module', name: 'adcredit' });
  worker.onmessage = ({ data }) => {
    // The worker could not read request `lost` (the one after the last it read).
    if (data && Number.isInteger(data.lost)) {
      const id = Math.min(...[...pending.keys()].filter((k) => k > data.lost));
      const p = pending.get(id);
      if (p) {
        pending.delete(id);
        p.reject(codedError('input', `${p.op}: the worker could not read the argument (${data.message})`));
      }
      return;
    }
    const p = data && pending.get(data.id);
    if (!p) return;
    pending.delete(data.id);
    if (data.error) p.reject(codedError(data.error.code, data.error.message, data.error.path));
    else p.resolve(data.value);
    // A wasm trap leaves the module unusable: answer the rest with an error and start afresh.
    if (data.fatal) stop(codedError('worker', `the adcredit worker stopped: ${data.error?.message ?? 'a wasm trap'}`));
  };
  worker.onerror = (ev) => {
    ev.preventDefault();
    stop(codedError('worker', `the adcredit worker stopped: ${ev.message || 'adcredit-worker.js did not load'}`));
  };
  worker.onmessageerror = () => stop(codedError('worker', 'the adcredit worker sent a reply that cannot be read'));
  // Where the rules module is: the worker fetches it on its first request.
  worker.postMessage({ id: 0, op: 'config', args: { rules: new URL('./adcredit_rules_bg.wasm', base).href } });
}

/** Sends a request to the rules worker (started on first use). */
function call(op, args) {
  const deep = tooDeep(args);
  if (deep) {
    // args is an array: drop its index from the path ("[0].accounts…" → "accounts…").
    deep.path = deep.path.slice(1);
    deep.depth -= 1;
    const { message, path } = deepMessage(deep);
    return Promise.reject(codedError('input', message, path));
  }
  if (!worker) start();
  return new Promise((resolve, reject) => {
    const id = ++next;
    pending.set(id, { resolve, reject, op });
    try {
      worker.postMessage({ id, op, args });
    } catch (err) {
      pending.delete(id);
      reject(codedError('input', `${op}: the argument cannot be sent to the worker (${err.message})`));
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Search, on the page's thread.

let shardBase = null; // set when the index is sharded: where t/<n>.bin and d/<n>.bin are
const shards = new Map(); // shard path → Promise of it being added (each fetched once)
let trapped = null; // the error of a wasm trap: the search module's memory can no longer be trusted

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
 * Starts the search module and opens the index. `index` is a folder URL (ending in `/`)
 * holding adcredit.bundle, or the URL of a bundle file; the header says whether it is a whole
 * bundle or a sharded index's meta, whose shards are in `shards/` beside it (or beside a
 * `meta.bin`).
 */
async function load(wasmUrl, index) {
  const bundleUrl = index.endsWith('/') ? new URL('adcredit.bundle', index).href : index;
  const first = fetchBytes(bundleUrl);
  // Handled below once the wasm has started; without this a 404 that comes first would be
  // reported as an unhandled rejection meanwhile.
  first.catch(() => {});
  try {
    await initSearch({ module_or_path: wasmUrl });
  } catch (e) {
    throw codedError('load', `could not start ${wasmUrl}: ${e.message}`);
  }
  const data = await first;
  const t0 = performance.now();
  guard(() => {
    try {
      // Byte 8 of the header is the part kind: 1 is a sharded index's meta.
      if (data[8] === 1) {
        engine.loadMeta(data);
        shardBase = new URL(/\/meta\.bin$/.test(new URL(bundleUrl).pathname) ? './' : 'shards/', bundleUrl).href;
      } else {
        engine.loadBundle(data);
        shardBase = null;
      }
    } catch (e) {
      throw e instanceof WebAssembly.RuntimeError ? e : codedError(e.code || 'bundle', `${bundleUrl}: ${e.message}`);
    }
  });
  // How long opening the index held the page (web/bench/run.mjs reads it).
  performance.measure?.('adcredit:open-index', { start: t0 });
  return { schemaVersion: engine.schemaVersion() };
}

/**
 * Runs a call into the search module. A trap (a Rust panic, an out-of-bounds access) leaves
 * its memory in an unknown state: that call and every later one reject with code "internal"
 * (the page must be reloaded to search again; the rules, in their worker, are unaffected).
 */
function guard(f) {
  if (trapped) throw trapped;
  try {
    return f();
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) {
      trapped = codedError('internal', `the search module stopped: ${e.message}`);
      throw trapped;
    }
    throw e;
  }
}

/** With a sharded index, fetches the shards a query needs (terms, then the top hits' texts). */
async function need(q, o, limit) {
  if (!shardBase) return;
  const options = { limit: o?.limit ?? limit };
  for (let round = 0; round < 4; round++) {
    const keys = guard(() => engine.missingShards(q, options));
    if (!keys.length) return;
    await Promise.all(
      keys.map((key) => {
        const path = `${key.kind === 'terms' ? 't' : 'd'}/${key.index}.bin`;
        if (!shards.has(path)) {
          const added = fetchBytes(new URL(path, shardBase).href).then((b) => guard(() => engine.addShard(key, b)));
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
  const r = guard(() => engine.search(q, o, limit));
  for (const hit of r.results) hit.score = shortest(hit.score);
  return r;
}

// ---------------------------------------------------------------------------------------------
// The API.

/**
 * Loads the search module and the search bundle once (later calls return the same Promise).
 * Resolves to `{ schemaVersion }`; rejects with code "bundle" when the bundle is corrupt or
 * was built for another schema version, "load" when a file cannot be fetched.
 * @param {{ base?: string | URL, index?: string | URL }} [options] `base`: where
 *   adcredit_search_bg.wasm, adcredit-worker.js and adcredit_rules_bg.wasm are (default: next
 *   to this module); the worker and the rules module are fetched on the first checkPlan,
 *   suggestPlan, canMove or ask about moving money. `index`: the folder `adcredit index --out`
 *   wrote (its adcredit.bundle is the whole index, or the meta of shards/ fetched per
 *   question), or the URL of the bundle file; relative to the page (default: the folder of `base`).
 */
export function init(options = {}) {
  if (!ready) {
    if (options.base && !worker) base = new URL(options.base, document.baseURI).href;
    const index = options.index ? new URL(options.index, document.baseURI).href : new URL('./', base).href;
    ready = load(new URL('./adcredit_search_bg.wasm', base).href, index);
    ready.catch(() => {
      ready = null;
    });
  }
  return ready;
}

/** The URL of a file shipped next to this module (or under `init({ base })`). */
export const assetUrl = (name) => new URL(name, base).href;

/** An operation of the rules module alone: it works whether or not the bundle loads. */
const ruling =
  (name) =>
  (...args) =>
    call(name, args);

/** Validates and simulates a scenario (CONTRACT §2) → report (§3). */
export const checkPlan = ruling('checkPlan');
/**
 * Suggests the allocation lines for a scenario (§2; its own lines are ignored) → plan (§8):
 * `{ allocations, left, skipped, accounts, report }`, the same JSON as `adcredit plan --json`.
 */
export const suggestPlan = ruling('suggestPlan');
/** Answers a move question (§4) → verdict. */
export const canMove = ruling('canMove');
/** Searches the knowledge base → `{ results: Hit[], answered }`, best first. */
export const search = async (query, options) => {
  await init();
  await need(text(query), options, 10);
  return found(query, options, 10);
};
/**
 * Searches and answers move questions → `{ results, verdict?, needs?, asks_for?, choices?,
 * notes? }`: about the scenario's accounts when one is given, from the rules alone otherwise.
 * The scenario is read (and validated, in the worker) only when the question is about moving
 * money and names a place (mentionsMove, which reads only the accounts' and credits' names);
 * other questions are answered from the knowledge base alone, without the rules module.
 */
export const ask = async (question, scenario, options) => {
  await init();
  await need(text(question), options, 5);
  const s = scenario ?? null;
  const { results, answered } = found(question, options, 5);
  if (!guard(() => engine.mentionsMove(question, s))) return { results, answered };
  return { results, ...(await call('answerMove', [question, s, answered])) };
};
