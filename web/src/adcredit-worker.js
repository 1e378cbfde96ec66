// The module Web Worker behind adcredit.js: loads the search module's wasm and the search
// bundle once, the rules module's wasm on the first call that needs it (checkPlan, suggestPlan,
// canMove, or ask about moving money with a scenario), then answers { id, op, args } messages with
// { id, value } or { id, error }.
import initSearch, * as search from 'adcredit-search-glue';
import initRules, * as rules from 'adcredit-rules-glue';

let loading = null;
let rulesUrl = null;
let rulesLoading = null;

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

async function load({ search: searchUrl, rules: rulesAt, bundle: bundleUrl }) {
  rulesUrl = rulesAt;
  const bytes = fetchBytes(bundleUrl);
  try {
    await initSearch({ module_or_path: searchUrl });
  } catch (e) {
    throw codedError('load', `could not start ${searchUrl}: ${e.message}`);
  }
  const data = await bytes;
  try {
    search.loadBundle(data);
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

function text(q) {
  if (typeof q !== 'string') throw codedError('input', `question: expected a string, found ${q === null ? 'null' : typeof q}`);
  return q;
}

const ops = {
  checkPlan: async (s) => (await rulesReady(), rules.checkPlan(s)),
  suggestPlan: async (s) => (await rulesReady(), rules.suggestPlan(s)),
  canMove: async (q) => (await rulesReady(), rules.canMove(q)),
  search: (q, o) => search.search(text(q), o, 10),
  // The scenario is read only for questions about moving money between places it names
  // (mentionsMove): the others are answered by the search module alone.
  ask: async (q, s, o) => {
    text(q);
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
