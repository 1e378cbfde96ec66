// How deep a value nests, measured on the main thread before it is posted to the worker:
// structured clone fails on values nested a few thousand levels deep (on the sending side, or
// worse on the receiving side, where the worker then gets nothing to answer), so such values
// are refused here with a message that names where they are too deep.

/** Deeper than this is refused before posting, as structured clone may fail past it. */
export const MAX_DEPTH = 1000;

/** The deepest nesting the rules read (`MAX_DEPTH` in crates/adcredit-core/src/error.rs). */
const RULES_DEPTH = 64;

const seg = (parentIsArray, key) => (parentIsArray ? `[${key}]` : /^[A-Za-z_]\w*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`);

/**
 * The deepest point of `value` when it nests more than `max` objects or arrays deep, else
 * null: `{ depth, path: ['.accounts', '[0]', '.name', '.a', …] }` (segments of the JSON path
 * from `value`). Iterative, so any depth is measured without exhausting the stack; each object
 * is entered once, so shared objects and cycles cost nothing more.
 */
export function tooDeep(value, max = MAX_DEPTH) {
  if (!value || typeof value !== 'object') return null;
  const seen = new Set();
  // A frame: the container, its depth, and a link to its parent frame + the key it sits under.
  const stack = [{ v: value, depth: 1, up: null, key: '' }];
  let deepest = null;
  while (stack.length) {
    const f = stack.pop();
    if (seen.has(f.v)) continue;
    seen.add(f.v);
    if (f.depth > max && (!deepest || f.depth > deepest.depth)) deepest = f;
    const isArray = Array.isArray(f.v);
    for (const k of Object.keys(f.v)) {
      const c = f.v[k];
      if (c && typeof c === 'object') stack.push({ v: c, depth: f.depth + 1, up: f, key: seg(isArray, k) });
    }
  }
  if (!deepest) return null;
  const path = [];
  for (let f = deepest; f.up; f = f.up) path.push(f.key);
  return { depth: deepest.depth, path: path.reverse() };
}

/** `['accounts', '[0]', '.name', '.a' × 2000]` → the path up to where one key starts repeating, and that run. */
export function describeDeep(found, root = '') {
  const segs = found.path;
  let start = segs.length;
  while (start > 1 && segs[start - 1] === segs[segs.length - 1]) start--;
  const run = segs.length - start;
  const join = (list) => (root + list.join('')).replace(/^\./, '');
  if (run >= 3) return { at: join(segs.slice(0, start)), repeated: segs[segs.length - 1], times: run };
  return { at: join(segs.slice(0, Math.min(segs.length, 8))), repeated: null, times: 0 };
}

/** The error for a value nested too deep: code "input", `path` where the nesting starts. */
export function deepMessage(found) {
  const d = describeDeep(found);
  const name = d.repeated?.replace(/^\./, '');
  const where = d.repeated
    ? `${(d.at + d.repeated + d.repeated).replace(/^\./, '')}… ("${name}" ${d.times} times)`
    : `${d.at}…`;
  return { path: d.at, message: `${d.at || '(the value)'}: nested deeper than ${RULES_DEPTH} levels (${found.depth} levels; the deepest point is ${where})` };
}

/** A copy of `value` with everything nested deeper than `keep` levels replaced by null. */
export function prune(value, keep = 8) {
  if (!value || typeof value !== 'object') return value;
  if (keep <= 0) return null;
  if (Array.isArray(value)) return value.map((v) => prune(v, keep - 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, prune(v, keep - 1)]));
}
