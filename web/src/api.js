// The public API of CONTRACT §7: init, checkPlan, canMove, search, ask — all Promises.
// The wasm module and the search bundle live in a module Web Worker, so typing never
// waits for them. Assets are found next to this module (import.meta.url), or under
// `init({ base })` when a bundler moved it.

let base = import.meta.url;
let worker = null;
let ready = null;
let next = 0;
const pending = new Map();

/** An Error with a `code` ("input", "bundle", "load", "worker", "internal"). */
export function codedError(code, message) {
  const e = new Error(message);
  e.code = code;
  return e;
}

function start() {
  worker = new Worker(new URL('./adcredit-worker.js', base), { type: 'module', name: 'adcredit' });
  worker.onmessage = ({ data }) => {
    const p = pending.get(data.id);
    if (!p) return;
    pending.delete(data.id);
    if (data.error) p.reject(codedError(data.error.code, data.error.message));
    else p.resolve(data.value);
  };
  worker.onerror = (ev) => {
    ev.preventDefault();
    const e = codedError('worker', `the adcredit worker stopped: ${ev.message || 'adcredit-worker.js did not load'}`);
    for (const p of pending.values()) p.reject(e);
    pending.clear();
    worker.terminate();
    worker = null;
    ready = null;
  };
}

function call(op, args) {
  if (!worker) start();
  return new Promise((resolve, reject) => {
    const id = ++next;
    pending.set(id, { resolve, reject });
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
 *   to this module); the rules module is fetched on the first checkPlan, canMove or ask about
 *   moving money. `index`: the folder `adcredit index --out` wrote (its adcredit.bundle is
 *   the whole index, or the meta of shards/ fetched per question), or the URL of the bundle
 *   file; relative to the page (default: the folder of `base`).
 */
export function init(options = {}) {
  if (!ready) {
    if (options.base && !worker) base = new URL(options.base, document.baseURI).href;
    ready = call('init', {
      search: new URL('./adcredit_search_bg.wasm', base).href,
      rules: new URL('./adcredit_rules_bg.wasm', base).href,
      index: options.index ? new URL(options.index, document.baseURI).href : new URL('./', base).href,
    });
    ready.catch(() => {
      ready = null;
    });
  }
  return ready;
}

const op =
  (name) =>
  async (...args) => {
    await init();
    return call(name, args);
  };

/** Validates and simulates a scenario (CONTRACT §2) → report (§3). */
export const checkPlan = op('checkPlan');
/** Answers a move question (§4) → verdict. */
export const canMove = op('canMove');
/** Searches the knowledge base → `{ results: Hit[] }`, best first. */
export const search = op('search');
/**
 * Searches and, given a scenario, answers move questions about its accounts → `{ results,
 * verdict?, needs? }`. The scenario is read (and validated) only when the question is about
 * moving money and names the Business Center or one of its accounts; other questions are
 * answered from the knowledge base alone.
 */
export const ask = op('ask');
