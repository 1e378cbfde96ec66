// The public API of CONTRACT §7: init, checkPlan, suggestPlan, canMove, search, ask — all Promises.
// The wasm module and the search bundle live in a module Web Worker, so typing never
// waits for them. Assets are found next to this module (import.meta.url), or under
// `init({ base })` when a bundler moved it.
//
// Every call settles: the worker answers each request (even when its handler throws), a
// request the worker could not read is rejected by the worker naming it, and when the worker
// itself fails (a load error, an unreadable reply, a wasm trap) every pending call is rejected
// and the next call starts a fresh worker. Values too deep to post are refused here.
import { tooDeep, deepMessage, prune } from './depth.js';

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

/** Where the wasm modules and the index are; `index` (a folder or bundle URL) defaults to base's folder. */
const urls = (index) => ({
  search: new URL('./adcredit_search_bg.wasm', base).href,
  rules: new URL('./adcredit_rules_bg.wasm', base).href,
  index: index ?? new URL('./', base).href,
});

/** Rejects every pending call with `e` and drops the worker; the next call starts another. */
function stop(e) {
  for (const p of pending.values()) p.reject(e);
  pending.clear();
  worker?.terminate();
  worker = null;
  ready = null;
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
  // Where the wasm modules and the bundle are: the rules need no init() (nor the bundle).
  worker.postMessage({ id: 0, op: 'config', args: urls() });
}

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

/**
 * Loads the wasm module and the search bundle once (later calls return the same Promise).
 * Resolves to `{ schemaVersion }`; rejects with code "bundle" when the bundle is corrupt or
 * was built for another schema version, "load" when a file cannot be fetched.
 * @param {{ base?: string | URL, index?: string | URL }} [options] `base`: where
 *   adcredit-worker.js, adcredit_search_bg.wasm and adcredit_rules_bg.wasm are (default: next
 *   to this module); the rules module is fetched on the first checkPlan, suggestPlan, canMove
 *   or ask about moving money. `index`: the folder `adcredit index --out` wrote (its
 *   adcredit.bundle is the whole index, or the meta of shards/ fetched per question), or the
 *   URL of the bundle file; relative to the page (default: the folder of `base`).
 */
export function init(options = {}) {
  if (!ready) {
    if (options.base && !worker) base = new URL(options.base, document.baseURI).href;
    ready = call('init', urls(options.index ? new URL(options.index, document.baseURI).href : undefined));
    ready.catch(() => {
      ready = null;
    });
  }
  return ready;
}

/** The URL of a file shipped next to this module (or under `init({ base })`). */
export const assetUrl = (name) => new URL(name, base).href;

/** An operation that needs the search module and its bundle. */
const searching =
  (name) =>
  async (...args) => {
    await init();
    return call(name, args);
  };

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
/** Searches the knowledge base → `{ results: Hit[] }`, best first. */
export const search = searching('search');
/**
 * Searches and answers move questions → `{ results, verdict?, needs?, asks_for?, choices?,
 * notes? }`: about the scenario's accounts when one is given, from the rules alone otherwise.
 * The scenario is read (and validated) only when the question is about moving money and
 * names a place; other questions are answered from the knowledge base alone.
 */
export const ask = async (question, scenario, options) => {
  await init();
  const deep = scenario && typeof scenario === 'object' ? tooDeep(scenario) : null;
  if (!deep) return call('ask', [question, scenario, options]);
  // Too deep to post: the worker gets a shallow copy, enough to tell whether the question is
  // about moving money between the scenario's places; if it is, it rejects with this error.
  return call('ask', [question, prune(scenario), options, deepMessage(deep)]);
};
