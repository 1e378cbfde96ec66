// The chart of bench/results.md, drawn from the run's figures: gzip bytes per query (first answer
// and mean later query) and query latency p50, one bar per system and corpus, log scales.
const COLORS = { adcredit: '#0b57d0', pagefind: '#c2410c', minisearch: '#15803d' };
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function fmtBytes(n) {
  if (n >= 1048576) return `${(n / 1048576).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(n < 10240 ? 1 : 0)} KB`;
  return `${Math.round(n)} B`;
}
const fmtMs = (n) => `${n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0)} ms`;

/** One panel of horizontal bars on a log10 axis; rows: { label, sys, value, text }; ticks: axis values. */
function panel({ x, y, width, title, rows, ticks, fmt, room }) {
  const labelW = 250;
  const barH = 16;
  const gap = 6;
  const plotW = width - labelW - room;
  const max = Math.max(...rows.filter((r) => r.label).map((r) => r.value));
  const axis = ticks.filter((t, i) => i === 0 || ticks[i - 1] < max);
  const lo = Math.log10(axis[0]);
  const hi = Math.log10(axis[axis.length - 1]);
  const sx = (v) => (v <= axis[0] ? 0 : ((Math.log10(v) - lo) / (hi - lo)) * plotW);
  const out = [`<text x="${x}" y="${y}" class="h">${esc(title)}</text>`];
  const top = y + 22;
  const height = rows.length * (barH + gap);
  for (const v of axis) {
    const tx = x + labelW + sx(v);
    out.push(`<line x1="${tx.toFixed(1)}" y1="${top - 4}" x2="${tx.toFixed(1)}" y2="${top + height}" class="grid"/>`);
    out.push(`<text x="${tx.toFixed(1)}" y="${top + height + 12}" class="tick" text-anchor="middle">${esc(fmt(v))}</text>`);
  }
  rows.forEach((r, i) => {
    const ry = top + i * (barH + gap);
    if (r.group) out.push(`<text x="${x}" y="${ry + barH - 4}" class="g">${esc(r.group)}</text>`);
    if (!r.label) return;
    out.push(`<text x="${x + labelW - 6}" y="${ry + barH - 4}" text-anchor="end">${esc(r.label)}</text>`);
    const w = Math.max(0, sx(r.value));
    out.push(`<rect x="${x + labelW}" y="${ry}" width="${w.toFixed(1)}" height="${barH}" fill="${COLORS[r.sys]}"${r.light ? ' fill-opacity="0.5"' : ''}/>`);
    out.push(`<text x="${(x + labelW + w + 4).toFixed(1)}" y="${ry + barH - 4}">${esc(r.text)}</text>`);
  });
  return { svg: out.join('\n'), height: height + 40 };
}

export function chart({ corpora, systems, names, timed, date, limit }) {
  const width = 760;
  const parts = [];
  let y = 24;
  parts.push(`<text x="12" y="${y}" class="t">adcredit vs Pagefind vs MiniSearch — headless Chromium, ${esc(date)}</text>`);
  y += 26;
  const byteRows = [];
  const latRows = [];
  y += 4;
  for (const [corpus, label] of Object.entries(corpora)) {
    let first = true;
    for (const sys of systems) {
      const t = timed[corpus][sys];
      byteRows.push({ group: first ? label : null, label: `${names[sys]}: first answer`, sys, value: t.firstBytes, text: fmtBytes(t.firstBytes) });
      byteRows.push({ label: `${names[sys]}: later query (mean)`, sys, value: t.laterBytes, text: fmtBytes(t.laterBytes), light: true });
      latRows.push({ group: first ? label : null, label: `${names[sys]}`, sys, value: t.p50, text: `p50 ${fmtMs(t.p50)} · p95 ${fmtMs(t.p95)}` });
      first = false;
    }
  }
  // Each corpus starts with a row holding its name.
  const grouped = (rows) => rows.flatMap((r) => (r.group ? [{ group: r.group }, { ...r, group: null }] : [r]));
  const draw = (opts) => {
    const p = panel({ ...opts, rows: grouped(opts.rows) });
    parts.push(p.svg);
    y += p.height + 16;
  };
  const KB = 1024;
  draw({
    x: 12, y, width, room: 80, rows: byteRows, fmt: (v) => fmtBytes(v).replace('.0 ', ' '),
    title: `Gzip bytes transferred per query, ${limit} results in hand (log scale; 0 B: nothing fetched)`,
    ticks: [100, KB, 10 * KB, 100 * KB, KB * KB, 10 * KB * KB, 100 * KB * KB],
  });
  draw({
    x: 12, y, width, room: 170, rows: latRows, fmt: (v) => `${v} ms`,
    title: `Query latency p50, from the call to ${limit} results in hand (log scale)`,
    ticks: [0.1, 1, 10, 100, 1000, 10000],
  });
  const height = y + 8;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif" font-size="11">
<style>.t{font-size:14px;font-weight:700}.h{font-size:12px;font-weight:700}.g{font-size:11px;font-weight:700;fill:#444}.tick{fill:#666;font-size:10px}.grid{stroke:#ddd}</style>
<rect width="100%" height="100%" fill="#fff"/>
${parts.join('\n')}
</svg>
`;
}
