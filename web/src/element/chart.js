// The plan as a picture: one bar per account (ad credit held, added by the plan, planned spend
// marked, locked surplus hatched in the warning colour) and the credits on a time line by
// expiry date. Plain SVG built with DOM calls (no library, no inline style: colours come from
// classes in plan.css). Every figure is also written as text next to its mark, so nothing
// depends on telling colours apart; plan.js adds a table with the same figures.

const NS = 'http://www.w3.org/2000/svg';

/** An SVG element; `null` attributes are skipped, strings among the children become text. */
function s(tag, attrs, ...kids) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) if (v != null) el.setAttribute(k, String(v));
  for (const k of kids.flat()) if (k != null && k !== false) el.append(k);
  return el;
}

/** A decimal string as a number, for drawing only (the figures shown stay the strings). */
export const num = (v) => {
  const n = Number(v);
  return Number.isFinite(n) && n > 0 ? n : 0;
};

const PAD = 8;
/** Width of a character of 12 px text, on the generous side, to wrap labels before they clip. */
const CHAR = 6.8;

/** `parts` joined with " · " into lines that fit `width`. */
function wrap(parts, width) {
  const max = Math.max(12, Math.floor((width - 2 * PAD) / CHAR));
  const out = [];
  let line = '';
  for (const p of parts) {
    const next = line ? `${line} · ${p}` : p;
    if (line && next.length > max) {
      out.push(line);
      line = p;
    } else line = next;
  }
  if (line) out.push(line);
  return out;
}

/** One text element of several lines, 14 px apart. */
const lines = (x, y, list, cls) => s('text', { x, y, class: cls }, list.map((l, i) => s('tspan', { x, dy: i ? 14 : 0 }, l)));

/** Diagonal hatching for the locked surplus, so it reads without colour. */
function hatch(id) {
  return s(
    'defs',
    null,
    s('pattern', { id, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
      s('rect', { width: 6, height: 6, class: 'ch-locked' }),
      s('line', { x1: 0, y1: 0, x2: 0, y2: 6, class: 'ch-hatch' })),
  );
}

/**
 * Bars, one per account. rows: [{ name, held, added, planned (string|null), locked (string|null),
 * parts }], amounts as decimal strings; `parts` are the row's figures in words.
 */
export function accountBars(rows, width, T, uid) {
  let y = 4;
  const inner = Math.max(40, width - 2 * PAD);
  const max = Math.max(1, ...rows.map((r) => Math.max(num(r.held) + num(r.added), num(r.planned))));
  const x = (v) => PAD + (inner * v) / max;
  const hatchId = `${uid}-hatch`;
  const bars = rows.map((r) => {
    const text = wrap(r.parts, width);
    const held = num(r.held);
    const after = held + num(r.added);
    const planned = r.planned == null ? null : num(r.planned);
    const locked = num(r.locked);
    const g = s(
      'g',
      { 'data-account': r.id },
      s('text', { x: PAD, y: y + 12, class: 'ch-name' }, r.name),
      s('rect', { x: PAD, y: y + 18, width: inner, height: 14, class: 'ch-track' }),
      held > 0 && s('rect', { x: x(0), y: y + 18, width: x(held) - x(0), height: 14, class: 'ch-held' }),
      after > held && s('rect', { x: x(held), y: y + 18, width: x(after) - x(held), height: 14, class: 'ch-added' }),
      locked > 0 && s('rect', { x: x(after - locked), y: y + 18, width: x(after) - x(after - locked), height: 14, fill: `url(#${hatchId})`, class: 'ch-locked-bar' }),
      planned != null && s('line', { x1: x(planned), y1: y + 14, x2: x(planned), y2: y + 36, class: 'ch-plan' }),
      lines(PAD, y + 48, text, locked > 0 ? 'ch-fig ch-warn' : 'ch-fig'),
    );
    y += 44 + 14 * text.length;
    return g;
  });
  const height = y;
  return s('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': T.barsLabel(rows.length), 'data-chart': 'accounts' }, hatch(hatchId), bars);
}

/** A 14 px key for the legend: `held`, `added`, `locked` (hatched) or `planned` (a line). */
export function swatch(kind, uid) {
  const id = `${uid}-key-hatch`;
  const mark =
    kind === 'planned'
      ? s('line', { x1: 7, y1: 0, x2: 7, y2: 14, class: 'ch-plan' })
      : s('rect', { width: 14, height: 14, class: kind === 'locked' ? 'ch-locked-bar' : `ch-${kind}`, fill: kind === 'locked' ? `url(#${id})` : null });
  return s('svg', { width: 14, height: 14, viewBox: '0 0 14 14', 'aria-hidden': 'true', class: 'ch-swatch' }, kind === 'locked' && hatch(id), mark);
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` string, or null. */
export function day(d) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d || '');
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) / 864e5 : null;
}

/**
 * The credits on a time line from today to the last expiry. rows: [{ id, expires (string|null),
 * parts }], soonest first; `parts` say what is left of the credit and when it expires.
 */
export function creditTimeline(rows, today, width, T) {
  const top = 30;
  let y = top;
  const t0 = day(today) ?? 0;
  const ends = rows.map((r) => day(r.expires)).filter((d) => d != null && d >= t0);
  const t1 = Math.max(t0 + 30, ...ends);
  const inner = Math.max(40, width - 2 * PAD - 10);
  const x = (d) => PAD + (inner * Math.max(0, Math.min(d - t0, t1 - t0))) / (t1 - t0);
  const axis = [
    s('line', { x1: x(t0), y1: 18, x2: x(t0), y2: 0, class: 'ch-today' }),
    s('text', { x: x(t0), y: 12, class: 'ch-key' }, T.today(today)),
    s('text', { x: PAD + inner, y: 12, class: 'ch-key', 'text-anchor': 'end' }, T.until(new Date(t1 * 864e5).toISOString().slice(0, 10))),
  ];
  const marks = rows.map((r) => {
    const text = wrap(r.parts, width - 6);
    y += 14 * (text.length - 1);
    const end = day(r.expires);
    const expired = end != null && end < t0;
    const xe = end == null ? PAD + inner + 8 : x(end);
    const g = s(
      'g',
      { 'data-credit': r.id },
      lines(PAD + 6, y + 12 - 14 * (text.length - 1), text, expired ? 'ch-fig ch-muted' : 'ch-fig'),
      !expired && s('line', { x1: x(t0), y1: y + 24, x2: xe, y2: y + 24, class: end == null ? 'ch-span ch-open' : 'ch-span' }),
      !expired && end != null && s('circle', { cx: xe, cy: y + 24, r: 5, class: 'ch-end' }),
      expired && s('line', { x1: PAD, y1: y + 24, x2: PAD + 24, y2: y + 24, class: 'ch-span ch-gone' }),
    );
    y += 40;
    return g;
  });
  const height = y;
  axis[0].setAttribute('y2', height);
  return s('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': T.timelineLabel(rows.length), 'data-chart': 'credits' }, axis, marks);
}
