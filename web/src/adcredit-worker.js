// The module Web Worker behind adcredit.js: loads the wasm glue, the wasm and the search
// bundle once, then answers { id, op, args } messages with { id, value } or { id, error }.
import initWasm, * as wasm from 'adcredit-wasm-glue';

let loading = null;

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

async function load({ wasm: wasmUrl, bundle: bundleUrl }) {
  const bytes = fetchBytes(bundleUrl);
  try {
    await initWasm({ module_or_path: wasmUrl });
  } catch (e) {
    throw codedError('load', `could not start ${wasmUrl}: ${e.message}`);
  }
  const data = await bytes;
  try {
    wasm.loadBundle(data);
  } catch (e) {
    throw codedError(e.code || 'bundle', `${bundleUrl}: ${e.message}`);
  }
  return { schemaVersion: wasm.schemaVersion() };
}

const ops = {
  checkPlan: (s) => wasm.checkPlan(s),
  canMove: (q) => wasm.canMove(q),
  search: (q, o) => wasm.search(q, o),
  ask: (q, s, o) => wasm.ask(q, s, o),
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
      value = ops[op](...args);
    }
    self.postMessage({ id, value });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    self.postMessage({ id, error: { code: (e && e.code) || 'internal', message } });
  }
};
