// DOM building without innerHTML: every piece of data becomes a text node or an attribute.

/**
 * h('button', { type: 'button', onclick: fn, 'aria-label': 'x' }, 'text', child, [more])
 * `on*` props must be functions and become listeners; `value`/`checked` are set as properties
 * (after the children, so a <select> finds its options); everything else is an attribute.
 * `null`, `undefined` and `false` props are skipped; `true` sets an empty attribute.
 */
export function h(tag, props, ...kids) {
  const el = document.createElement(tag);
  let value;
  for (const [k, v] of Object.entries(props || {})) {
    if (v == null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'value') value = v;
    else if (k === 'checked') el.checked = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  add(el, kids);
  if (value !== undefined) el.value = value;
  return el;
}

function add(el, kids) {
  for (const k of kids) {
    if (k == null || k === false) continue;
    if (Array.isArray(k)) add(el, k);
    else el.append(k); // strings become text nodes
  }
}

/** Replaces the children of `el` with `kids`. */
export function fill(el, ...kids) {
  el.replaceChildren();
  add(el, kids);
  return el;
}

/** `text` with the [start, end) UTF-16 ranges wrapped in <mark>, as a fragment of text nodes. */
export function marked(text, ranges) {
  const out = document.createDocumentFragment();
  let at = 0;
  const sorted = (Array.isArray(ranges) ? ranges : []).slice().sort((a, b) => a[0] - b[0]);
  for (const [s, e] of sorted) {
    const start = Math.max(at, Math.min(s | 0, text.length));
    const end = Math.min(e | 0, text.length);
    if (end <= start) continue;
    out.append(text.slice(at, start), h('mark', null, text.slice(start, end)));
    at = end;
  }
  out.append(text.slice(at));
  return out;
}

/** A link to a content id (`faq/…`, `article/…#…`) inside the widget, or under `base` when set. */
export function contentHref(id, base) {
  return base ? base + encodeURI(id) : '#' + encodeURI(id);
}

/** Calls `fn` `ms` after the last call; `.now()` runs it at once, `.cancel()` drops a pending call. */
export function debounce(fn, ms) {
  let t;
  const d = (...a) => {
    clearTimeout(t);
    t = setTimeout(() => fn(...a), ms);
  };
  d.now = (...a) => {
    clearTimeout(t);
    return fn(...a);
  };
  d.cancel = () => clearTimeout(t);
  return d;
}
