// The module Web Worker behind adcredit.js: the rules. It loads the rules module's wasm on its
// first request (checkPlan, suggestPlan, canMove, or answerMove: the move part of ask, whose
// search part runs on the page), then answers { id, op, args } messages with { id, value } or
// { id, error }. Every request gets an answer, whatever its handler does (throws, rejects,
// traps); a message that cannot be read is answered with { lost }, the id of the last request
// read before it, so the page can reject the one that was lost.
import initRules, * as rules from 'adcredit-rules-glue';

let rulesUrl = null;
let rulesLoading = null;

function codedError(code, message) {
  const e = new Error(message);
  e.code = code;
  return e;
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

// The rules module answers with serde_json's text, parsed here rather than on the page: posting
// the text was measured 25 ms faster for a 10,000-line report, but its JSON.parse (8 MB) was then
// a main-thread task of over 50 ms, where reading the structured clone is not (README, "Values
// crossing into JS").
const ops = {
  checkPlan: async (s) => (await rulesReady(), JSON.parse(rules.checkPlan(s))),
  suggestPlan: async (s) => (await rulesReady(), JSON.parse(rules.suggestPlan(s))),
  canMove: async (q) => (await rulesReady(), JSON.parse(rules.canMove(q))),
  answerMove: async (q, s, answered) => (await rulesReady(), JSON.parse(rules.answerMove(q, s, answered))),
};

let lastRead = 0;

async function answer(op, args) {
  if (!ops[op]) throw codedError('internal', `${op}: no such operation`);
  if (!Array.isArray(args)) throw codedError('input', `${op}: expected a list of arguments`);
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
