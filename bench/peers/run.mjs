// `cargo xtask bench --peers`: adcredit side by side with Pagefind and MiniSearch, on the same
// content, in the same headless Chromium, in one run.
//
//   node bench/peers/run.mjs [--quick] [--reuse]
//     env ADCREDIT_BIN (the release CLI), ADCREDIT_ROOT (the workspace)
//     --quick  fewer cold runs (a smoke test, not for results.md)
//     --reuse  keep the corpora and indexes of a previous run in bench/out (build times are then
//              read back from that run)
//
// Steps: export both corpora with `adcredit export` (shipped content: 57 documents; synthetic:
// 10,000 articles), build Pagefind (its CLI over the HTML pages) and MiniSearch (in Node,
// serialized) over them, serve everything from one local server, then for each system in
// Chromium: answer quality on the dev questions (each peer in its best configuration of a small
// grid), cold first answers (new browser context each: requests, gzip bytes, time), ≥ 100 later
// queries (latency, bytes each), memory after them. Prints the table and writes
// bench/results.md, bench/peers.svg and bench/out/readme-performance.md.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { CONFIGS as MS_CONFIGS, describe as describeMs } from './minisearch-config.mjs';
import { startServer } from './server.mjs';
import { chart } from './chart.mjs';

const started = performance.now();
const PEERS = dirname(fileURLToPath(import.meta.url));
const BENCH = resolve(PEERS, '..');
const ROOT = resolve(process.env.ADCREDIT_ROOT ?? resolve(BENCH, '..'));
const BIN = process.env.ADCREDIT_BIN ?? join(ROOT, 'target/release/adcredit');
const WEB = join(ROOT, 'web');
const OUT = join(BENCH, 'out');
const SITE = join(OUT, 'site');
const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const REUSE = args.includes('--reuse');

const webRequire = createRequire(join(WEB, 'package.json'));
const { chromium } = webRequire('@playwright/test');
const esbuild = webRequire('esbuild');

for (const [what, path] of [
  ['the release CLI (cargo build --release -p adcredit-cli)', BIN],
  ['web/dist (cargo xtask dist)', join(WEB, 'dist/adcredit.js')],
  ['web/pkg (cargo xtask dist)', join(WEB, 'pkg/search/adcredit_search.js')],
  ['bench/node_modules (npm ci in bench/)', join(BENCH, 'node_modules/pagefind/package.json')],
]) {
  if (!existsSync(path)) throw new Error(`${what} is missing: ${path}`);
}

/** Results: one list per corpus of one row per system. */
const LIMIT = 5; // results in hand per query (title + snippet), as many as Pagefind's UI shows first
const COLD_RUNS = { content: QUICK ? 2 : 5, syn: QUICK ? 1 : 3 };
const SYSTEMS = ['adcredit', 'pagefind', 'minisearch'];
// A diagnostic row on the shipped content (adcredit's search module alone, without the API) was
// timed while the API searched in a Web Worker; since issue 12 the API searches on the page's
// thread too, so the row is no longer timed (set ADCREDIT_BENCH_DIAG=1 to time it anyway).
const TIMED_SYSTEMS = { content: process.env.ADCREDIT_BENCH_DIAG === '1' ? [...SYSTEMS, 'adcredit-main'] : SYSTEMS, syn: SYSTEMS };
const NAMES = { adcredit: 'adcredit', pagefind: 'Pagefind', minisearch: 'MiniSearch', 'adcredit-main': 'adcredit, search module alone (diagnostic)' };
const CORPORA = { content: 'shipped knowledge base', syn: 'synthetic 10,000 articles' };

const log = (s) => console.log(s);
const step = (s) => console.log(`\n\x1b[1m==> ${s}\x1b[0m  (${((performance.now() - started) / 1000).toFixed(0)} s)`);
const kb = (n) => (n / 1024).toFixed(n < 10240 ? 1 : 0);
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
};
const median = (xs) => quantile(xs, 0.5);
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

function walk(dir, keep = () => true) {
  let total = 0;
  let files = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      const r = walk(p, keep);
      total += r.total;
      files += r.files;
    } else if (keep(e.name)) {
      total += statSync(p).size;
      files += 1;
    }
  }
  return { total, files };
}
const size = (file) => statSync(file).size;
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

// --- the corpora, every form ---------------------------------------------------------------
mkdirSync(OUT, { recursive: true });
const buildsFile = join(OUT, 'builds.json');
const builds = REUSE && existsSync(buildsFile) ? JSON.parse(readFileSync(buildsFile, 'utf8')) : {};

function exportCorpus(corpus) {
  const dir = join(OUT, corpus);
  if (REUSE && existsSync(join(dir, 'docs.json')) && builds[corpus]?.adcredit) return;
  rmSync(dir, { recursive: true, force: true });
  const extra = corpus === 'content' ? ['--content', join(ROOT, 'content')] : ['--synthetic', '10000', '--seed', '7'];
  const t0 = performance.now();
  const out = execFileSync(BIN, ['export', '--out', dir, ...extra], { cwd: ROOT, encoding: 'utf8' });
  const wall = (performance.now() - t0) / 1000;
  log(out.trim());
  const m = /index ([\d.]+) s/.exec(out);
  (builds[corpus] ??= {}).adcredit = { secs: m ? Number(m[1]) : wall, wall, what: 'tantivy index + bundle (adcredit export)' };
  builds[corpus].export = out.trim();
}

function pagefindBuild(corpus) {
  const dir = join(OUT, corpus);
  if (REUSE && existsSync(join(dir, 'pagefind/pagefind.js')) && builds[corpus]?.pagefind) return;
  rmSync(join(dir, 'pagefind'), { recursive: true, force: true });
  const t0 = performance.now();
  const r = spawnSync(join(BENCH, 'node_modules/.bin/pagefind'), ['--site', join(dir, 'html'), '--output-path', join(dir, 'pagefind')], {
    cwd: BENCH, encoding: 'utf8',
  });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`pagefind failed:\n${r.stdout}\n${r.stderr}`);
  const m = /Finished in ([\d.]+) seconds/.exec(r.stdout);
  const pages = /Indexed (\d+) pages/.exec(r.stdout);
  log(`Pagefind: ${pages?.[1]} pages in ${m?.[1]} s (wall ${wall.toFixed(1)} s)`);
  (builds[corpus] ??= {}).pagefind = { secs: m ? Number(m[1]) : wall, wall, what: 'pagefind CLI over the HTML pages' };
}

function minisearchBuild(corpus, configName, file) {
  const dir = join(OUT, corpus, 'minisearch');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, file);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--max-old-space-size=12000', join(PEERS, 'minisearch-build.mjs'), join(OUT, corpus, 'docs.json'), out, configName], {
    encoding: 'utf8',
  });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`MiniSearch build failed:\n${r.stdout}\n${r.stderr}`);
  const res = JSON.parse(r.stdout.trim().split('\n').pop());
  return { secs: res.ms / 1000, wall, bytes: res.bytes, what: 'MiniSearch addAll + JSON.stringify in Node' };
}

step('exporting the shipped knowledge base and the 10,000-article synthetic corpus (adcredit export)');
exportCorpus('content');
exportCorpus('syn');

step('Pagefind: its CLI over the rendered HTML pages');
pagefindBuild('content');
pagefindBuild('syn');

step('MiniSearch: the index variants for the shipped content (built in Node, serialized)');
const msIndexes = [...new Set(MS_CONFIGS.map((c) => c.index))];
for (const v of msIndexes) {
  const f = join(OUT, 'content/minisearch', `index-${v}.json`);
  if (!(REUSE && existsSync(f))) {
    const b = minisearchBuild('content', v, `index-${v}.json`);
    (builds.content.minisearchVariants ??= {})[v] = b;
  }
}
writeFileSync(buildsFile, JSON.stringify(builds, null, 1));

// --- the site: one folder per corpus and system, each with bench.html + adapter.js -------------
step('assembling the bench site');
rmSync(SITE, { recursive: true, force: true });
mkdirSync(SITE, { recursive: true });
cpSync(join(PEERS, 'page-harness.js'), join(SITE, 'harness.js'));
const link = (target, path) => symlinkSync(target, path);
function sysDir(corpus, sys) {
  const d = join(SITE, corpus, sys);
  mkdirSync(d, { recursive: true });
  cpSync(join(PEERS, 'bench.html'), join(d, 'bench.html'));
  return d;
}
async function bundleMinisearch(dir, configName) {
  await esbuild.build({
    entryPoints: [join(PEERS, 'page-minisearch.js')],
    bundle: true, minify: true, format: 'esm', target: 'es2022', logLevel: 'warning',
    define: { __MS_CONFIG__: JSON.stringify(configName) },
    outfile: join(dir, 'adapter.js'),
  });
}
for (const corpus of ['content', 'syn']) {
  // adcredit
  const a = sysDir(corpus, 'adcredit');
  if (corpus === 'content') {
    for (const f of readdirSync(join(WEB, 'dist'))) if (f !== 'index.html') link(join(WEB, 'dist', f), join(a, f));
    cpSync(join(PEERS, 'page-adcredit.js'), join(a, 'adapter.js'));
    const d = sysDir(corpus, 'adcredit-main');
    for (const f of ['adcredit_search.js', 'adcredit_search_bg.wasm']) link(join(WEB, 'pkg/search', f), join(d, f));
    link(join(WEB, 'dist/adcredit.bundle'), join(d, 'adcredit.bundle'));
    cpSync(join(PEERS, 'page-adcredit-main.js'), join(d, 'adapter.js'));
  } else {
    for (const f of ['adcredit_search.js', 'adcredit_search_bg.wasm']) link(join(WEB, 'pkg/search', f), join(a, f));
    link(join(OUT, 'syn/index/shards'), join(a, 'shards'));
    cpSync(join(PEERS, 'page-adcredit-shards.js'), join(a, 'adapter.js'));
  }
  // Pagefind
  const p = sysDir(corpus, 'pagefind');
  link(join(OUT, corpus, 'pagefind'), join(p, 'pagefind'));
  cpSync(join(PEERS, 'page-pagefind.js'), join(p, 'adapter.js'));
  // MiniSearch (adapter bundled once the configuration is chosen)
  const m = sysDir(corpus, 'minisearch');
  if (corpus === 'content') for (const v of msIndexes) link(join(OUT, 'content/minisearch', `index-${v}.json`), join(m, `index-${v}.json`));
}
await bundleMinisearch(join(SITE, 'content/minisearch'), MS_CONFIGS[0].name);

const srv = await startServer({ dir: SITE });
const chromiumVersion = execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim();
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--enable-precise-memory-info', '--enable-blink-features=ForceEagerMeasureMemory'],
});

const browserCdp = await browser.newBrowserCDPSession();
/** Private memory (USS: private clean + dirty pages) of each renderer process, by pid. */
async function renderers() {
  const { processInfo } = await browserCdp.send('SystemInfo.getProcessInfo');
  const out = new Map();
  for (const p of processInfo) {
    if (p.type !== 'renderer') continue;
    try {
      const t = readFileSync(`/proc/${p.id}/smaps_rollup`, 'utf8');
      const v = (k) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(t)?.[1] ?? 0) * 1024;
      out.set(p.id, v('Private_Clean') + v('Private_Dirty'));
    } catch {
      /* gone */
    }
  }
  return out;
}

/** A fresh browser context (empty HTTP cache) on a system's bench page; the page itself not counted. */
async function openPage(corpus, sys, query = '') {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (e) => log(`  [${corpus}/${sys}] page error: ${e.message}`));
  page.on('console', (m) => {
    // The bench page's `<link rel="icon" href="data:,">` (no favicon request) is refused by the CSP: harmless.
    if (m.type() === 'error' && !m.text().includes("'data:,'")) log(`  [${corpus}/${sys}] console: ${m.text()}`);
  });
  await page.goto(`${srv.base}${corpus}/${sys}/bench.html${query}`);
  await page.waitForFunction(() => window.bench);
  srv.take();
  return { context, page };
}
const settle = () => new Promise((ok) => setTimeout(ok, 30));

// --- quality on the dev questions ------------------------------------------------------------
const devFile = join(ROOT, '..', 'shared', 'eval', 'dev-questions.tsv');
const dev = readFileSync(devFile, 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => {
    const [q, ids] = l.split('\t');
    return { q, ids: ids.split(',').map((s) => s.trim()) };
  });

// The judged set: the validation half of tests/questions/questions.tsv (the questions whose
// 32-bit FNV-1a hash of the UTF-8 bytes is odd, the same split as the Rust quality test), which
// no ranking change looked at; the dev questions when that file is absent. Its misses are not
// listed, so that the validation half stays unread.
const fnv1a32 = (text) => {
  let h = 2166136261;
  for (const b of new TextEncoder().encode(text)) h = Math.imul(h ^ b, 16777619) >>> 0;
  return h;
};
const judgedFile = join(ROOT, 'tests', 'questions', 'questions.tsv');
const judgedIsValidation = existsSync(judgedFile);
const judged = judgedIsValidation
  ? readFileSync(judgedFile, 'utf8')
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'))
      .map((l) => {
        const [q, ids] = l.split('\t');
        return { q: q.trim(), ids: ids.split(',').map((s) => s.trim()) };
      })
      .filter((d) => (fnv1a32(d.q) & 1) === 1)
  : dev;
const judgedLabel = judgedIsValidation
  ? `the ${judged.length} validation questions of tests/questions/questions.tsv`
  : `the ${dev.length} dev questions`;

async function quality(sys, query = '') {
  const { context, page } = await openPage('content', sys, query);
  const first = await page.evaluate(([q, l]) => window.bench.first(q, l), [judged[0].q, 3]);
  const rest = await page.evaluate(([qs, l]) => window.bench.many(qs, l), [judged.slice(1).map((d) => d.q), 3]);
  await context.close();
  const got = [first.results.map((r) => r.id), ...rest.map((r) => r.ids)];
  let top1 = 0;
  let top3 = 0;
  const misses = [];
  judged.forEach((d, i) => {
    const ok1 = d.ids.includes(got[i][0]);
    top1 += ok1;
    top3 += got[i].slice(0, 3).some((id) => d.ids.includes(id));
    if (!ok1) misses.push(`${d.q} → ${got[i].slice(0, 3).join(', ') || '(nothing)'} (expected ${d.ids[0]})`);
  });
  return { top1, top3, n: judged.length, misses: judgedIsValidation ? [] : misses };
}

step(`answer quality: ${judgedLabel}, top-1 / top-3`);
const PAGEFIND_RANKINGS = [
  { name: 'defaults', ranking: null },
  { name: 'termSaturation 2 (documented knob: more weight to repeated terms)', ranking: { termSaturation: 2 } },
  { name: 'pageLength 0.25 (less length normalisation)', ranking: { pageLength: 0.25 } },
  { name: 'termFrequency 0.5', ranking: { termFrequency: 0.5 } },
  { name: 'termSimilarity 3 (favour exact over prefix/stem matches)', ranking: { termSimilarity: 3 } },
  { name: 'pageLength 0.25 + termSaturation 2', ranking: { pageLength: 0.25, termSaturation: 2 } },
];
const qualityRows = { adcredit: null, pagefind: [], minisearch: [] };
qualityRows.adcredit = await quality('adcredit');
log(`  adcredit (defaults): top-1 ${qualityRows.adcredit.top1}/${judged.length}, top-3 ${qualityRows.adcredit.top3}/${judged.length}`);
for (const c of PAGEFIND_RANKINGS) {
  const r = await quality('pagefind', c.ranking ? `?ranking=${encodeURIComponent(JSON.stringify(c.ranking))}` : '');
  qualityRows.pagefind.push({ ...c, ...r });
  log(`  Pagefind ${c.name}: top-1 ${r.top1}/${r.n}, top-3 ${r.top3}/${r.n}`);
}
for (const c of MS_CONFIGS) {
  const r = await quality('minisearch', `?config=${c.name}`);
  qualityRows.minisearch.push({ ...c, ...r });
  log(`  MiniSearch ${c.name}: top-1 ${r.top1}/${r.n}, top-3 ${r.top3}/${r.n}`);
}
// Best = most top-1, then most top-3; ties go to the first listed (defaults first for Pagefind).
const best = (rows) => rows.reduce((b, r) => (r.top1 > b.top1 || (r.top1 === b.top1 && r.top3 > b.top3) ? r : b));
const pfBest = best(qualityRows.pagefind);
const msBest = best(qualityRows.minisearch);
const qual = { adcredit: qualityRows.adcredit, pagefind: pfBest, minisearch: msBest };
log(`  chosen: Pagefind "${pfBest.name}", MiniSearch "${msBest.name}"`);

// The chosen configurations for the timed runs.
if (pfBest.ranking) {
  const opts = `excerptLength: 30, ranking: ${JSON.stringify(pfBest.ranking)}`;
  for (const corpus of ['content', 'syn']) {
    const f = join(SITE, corpus, 'pagefind/adapter.js');
    writeFileSync(f, readFileSync(f, 'utf8').replace("const ranking = params.get('ranking');", `const ranking = params.get('ranking') ?? ${JSON.stringify(JSON.stringify(pfBest.ranking))};`));
  }
  log(`  Pagefind options for the timed runs: { ${opts} }`);
}
step(`MiniSearch: building the chosen configuration (${msBest.name}) over both corpora`);
builds.content.minisearch = builds.content.minisearchVariants?.[msBest.index] ?? builds.content.minisearch;
if (!builds.content.minisearch) builds.content.minisearch = minisearchBuild('content', msBest.index, `index-${msBest.index}.json`);
link(join(OUT, 'content/minisearch', `index-${msBest.index}.json`), join(SITE, 'content/minisearch/index.json'));
const synMs = join(OUT, 'syn/minisearch', `index-${msBest.index}.json`);
if (!(REUSE && existsSync(synMs) && builds.syn.minisearch?.config === msBest.name)) {
  builds.syn.minisearch = { ...minisearchBuild('syn', msBest.index, `index-${msBest.index}.json`), config: msBest.name };
}
log(`  10k: ${builds.syn.minisearch.secs.toFixed(1)} s, ${kb(builds.syn.minisearch.bytes)} KB`);
link(synMs, join(SITE, 'syn/minisearch/index.json'));
for (const corpus of ['content', 'syn']) await bundleMinisearch(join(SITE, corpus, 'minisearch'), msBest.name);
writeFileSync(buildsFile, JSON.stringify(builds, null, 1));

// --- sizes on disk ------------------------------------------------------------------------------
const PF_UI = /^pagefind-(ui|component-ui|modular-ui|highlight)\.|^wasm\.unknown\./;
function sizes(corpus, sys) {
  const d = join(SITE, corpus, sys);
  if (sys === 'adcredit') {
    const engine = corpus === 'content'
      ? ['adcredit.js', 'adcredit_search_bg.wasm']
      : ['adcredit_search.js', 'adcredit_search_bg.wasm'];
    const index = corpus === 'content' ? { total: size(join(d, 'adcredit.bundle')), files: 1 } : walk(join(d, 'shards'));
    return { index: index.total, files: index.files, engine: engine.reduce((a, f) => a + gz(join(d, f)), 0) };
  }
  if (sys === 'pagefind') {
    const pf = join(d, 'pagefind');
    const index = walk(pf, (n) => !/\.(js|css)$/.test(n) && !n.startsWith('wasm.'));
    const engine = ['pagefind.js', 'pagefind-worker.js', 'wasm.en.pagefind'].reduce((a, f) => a + gz(join(pf, f)), 0);
    return { index: index.total, files: index.files, engine };
  }
  return { index: size(join(d, 'index.json')), files: 1, engine: gz(join(d, 'adapter.js')) };
}

// --- the queries -------------------------------------------------------------------------------
// Shipped content: the dev questions as a visitor types them (word by word, the last word cut
// half way), each whole, each with a typo, and a few short typed queries.
function typed(question) {
  const words = question.replace(/[?!.,]/g, '').split(/\s+/).filter(Boolean);
  const out = [];
  for (let k = 1; k <= words.length; k++) {
    const w = words[k - 1];
    if (w.length >= 4) out.push([...words.slice(0, k - 1), w.slice(0, Math.ceil(w.length * 0.6))].join(' '));
  }
  out.push(question);
  const longest = words.reduce((a, w) => (w.length > a.length ? w : a), '');
  if (longest.length >= 5) {
    const i = Math.floor(longest.length / 2);
    const typo = longest.slice(0, i - 1) + longest[i] + longest[i - 1] + longest.slice(i + 1);
    out.push(question.replace(longest, typo));
  }
  return out;
}
const uniq = (xs) => [...new Set(xs.map((s) => s.trim()).filter((s) => s.length >= 2))];
const contentQueries = uniq([
  ...dev.flatMap((d) => typed(d.q)),
  'mo', 'move cr', 'suspen', 'payment portf', 'coupon', 'refnd', 'curency', 'who can', 'expiry', 'voucher',
]);
// Synthetic: the dev questions, then words, pairs and whole titles drawn from the corpus (every
// 400th document), some typed half way.
const synDocs = JSON.parse(readFileSync(join(OUT, 'syn/docs.json'), 'utf8'));
const synQueries = [...dev.map((d) => d.q)];
for (let i = 0; i < synDocs.length && synQueries.length < 130; i += 400) {
  const d = synDocs[i];
  const head = d.title.split(' — ')[0];
  const w = head.split(/\s+/);
  const tag = d.tags.split(/\s+/)[0] ?? 'credit';
  const pick = (i / 400) % 3;
  if (pick === 0) synQueries.push(w[0].toLowerCase(), `${tag} ${w[1] ?? 'balance'}`);
  else if (pick === 1) synQueries.push(head);
  else synQueries.push(head.slice(0, Math.ceil(head.length * 0.6)));
}
const QUERIES = { content: contentQueries, syn: uniq(synQueries) };
const FIRST = { content: dev[0].q, syn: dev[0].q };
log(`\nqueries: shipped content ${QUERIES.content.length}, synthetic ${QUERIES.syn.length} (plus the first answer: "${dev[0].q}")`);

// --- the timed runs ------------------------------------------------------------------------------
step('warming the server\'s gzip cache (so no request pays for gzip while timed)');
for (const corpus of ['content', 'syn']) {
  for (const sys of TIMED_SYSTEMS[corpus]) {
    const d = join(SITE, corpus, sys);
    const visit = (dir) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory() || (e.isSymbolicLink() && statSync(p).isDirectory())) visit(p);
        else srv.warm(p);
      }
    };
    visit(d);
  }
}

const timed = { content: {}, syn: {} };
const loadBefore = loadavg();
for (const corpus of ['content', 'syn']) {
  for (const sys of TIMED_SYSTEMS[corpus]) {
    step(`${CORPORA[corpus]}: ${NAMES[sys]}, ${COLD_RUNS[corpus]} cold runs × (first answer + ${QUERIES[corpus].length} queries)`);
    const runs = [];
    for (let run = 0; run < COLD_RUNS[corpus]; run++) {
      const { context, page } = await openPage(corpus, sys);
      const cdp = await context.newCDPSession(page);
      await cdp.send('HeapProfiler.collectGarbage');
      const before = await renderers();
      const first = await page.evaluate(([q, l]) => window.bench.first(q, l), [FIRST[corpus], LIMIT]);
      await settle();
      const firstNet = srv.take();
      const lat = [];
      const bytes = [];
      const reqs = [];
      for (const q of QUERIES[corpus]) {
        const r = await page.evaluate(([q, l]) => window.bench.one(q, l), [q, LIMIT]);
        const net = srv.take();
        lat.push(r.ms);
        bytes.push(net.bytes);
        reqs.push(net.requests);
      }
      await settle();
      const late = srv.take();
      const heaps = await page.evaluate(() => window.bench.memory());
      await cdp.send('HeapProfiler.collectGarbage');
      const after = await renderers();
      // What grew, summed over the renderer processes (the page's, with its workers; nothing else
      // runs meanwhile): the system's code, index, caches, workers and wasm memories.
      let memory = 0;
      for (const [pid, v] of after) memory += Math.max(0, v - (before.get(pid) ?? 0));
      await context.close();
      runs.push({
        first: { ms: first.ms, requests: firstNet.requests, bytes: firstNet.bytes, urls: firstNet.urls, top: first.results[0]?.id },
        lat, bytes, reqs, memory, heaps, late: late.requests,
      });
      log(`  run ${run + 1}: first answer ${firstNet.requests} requests ${kb(firstNet.bytes)} KB in ${first.ms.toFixed(0)} ms` +
        ` (top: ${first.results[0]?.id ?? 'nothing'}); later queries p50 ${median(lat).toFixed(2)} ms, mean ${kb(mean(bytes))} KB;` +
        ` memory +${(memory / 1048576).toFixed(1)} MB (JS heaps ${heaps ? (heaps / 1048576).toFixed(1) : '?'} MB)`);
    }
    const med = (f) => median(runs.map(f));
    timed[corpus][sys] = {
      firstBytes: med((r) => r.first.bytes),
      firstRequests: med((r) => r.first.requests),
      firstMs: med((r) => r.first.ms),
      firstUrls: runs[0].first.urls,
      laterBytes: med((r) => mean(r.bytes)),
      laterBytesP95: med((r) => quantile(r.bytes, 0.95)),
      laterBytesMax: med((r) => Math.max(...r.bytes)),
      laterBytesMaxQuery: QUERIES[corpus][runs[0].bytes.indexOf(Math.max(...runs[0].bytes))],
      laterRequests: med((r) => mean(r.reqs)),
      p50: med((r) => median(r.lat)),
      p95: med((r) => quantile(r.lat, 0.95)),
      memory: med((r) => r.memory),
      heaps: med((r) => r.heaps ?? NaN),
      queries: QUERIES[corpus].length,
      overBudget: med((r) => r.bytes.filter((b) => b > 150 * 1024).length),
      runs: runs.length,
    };
  }
}
await browser.close();
await srv.close();
const loadAfter = loadavg();

// --- report ---------------------------------------------------------------------------------------
const versions = {
  adcredit: JSON.parse(readFileSync(join(WEB, 'dist/package.json'), 'utf8')).version,
  pagefind: JSON.parse(readFileSync(join(BENCH, 'node_modules/pagefind/package.json'), 'utf8')).version,
  minisearch: JSON.parse(readFileSync(join(BENCH, 'node_modules/minisearch/package.json'), 'utf8')).version,
  stemmer: JSON.parse(readFileSync(join(BENCH, 'node_modules/stemmer/package.json'), 'utf8')).version,
};
const machine = {
  cores: cpus().length,
  cpu: (cpus()[0]?.model ?? 'unknown').trim(),
  memory: `${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
  chromium: chromiumVersion,
  node: process.version,
  date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  load: `load average (1 min) ${loadBefore[0].toFixed(1)} before the timed runs, ${loadAfter[0].toFixed(1)} after (the cores are shared; above ${cpus().length} means something else was running)`,
};
const docsCount = {
  content: JSON.parse(readFileSync(join(OUT, 'content/docs.json'), 'utf8')).length,
  syn: synDocs.length,
};

const fmtBytes = (n) => (n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : `${kb(n)} KB`);
const fmtMs = (n) => (n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0));
const rows = {};
for (const corpus of ['content', 'syn']) {
  rows[corpus] = TIMED_SYSTEMS[corpus].map((sys) => {
    const t = timed[corpus][sys];
    const diag = sys === 'adcredit-main';
    const s = diag ? null : sizes(corpus, sys);
    const b = builds[corpus][sys];
    const q = corpus === 'content' ? qual[sys] ?? { top1: '—', top3: '—', n: '—' } : null;
    return {
      sys,
      cells: [
        NAMES[sys],
        diag ? '—' : `${b.secs.toFixed(2)} s`,
        diag ? 'same bundle' : `${fmtBytes(s.index)} (${s.files} file${s.files > 1 ? 's' : ''})`,
        diag ? fmtBytes(gz(join(SITE, corpus, sys, 'adcredit_search_bg.wasm')) + gz(join(SITE, corpus, sys, 'adcredit_search.js'))) : fmtBytes(s.engine),
        `${t.firstRequests} / ${fmtBytes(t.firstBytes)}`,
        `${fmtMs(t.firstMs)} ms`,
        `${t.laterRequests.toFixed(1)} / ${fmtBytes(t.laterBytes)}`,
        `${fmtMs(t.p50)} / ${fmtMs(t.p95)} ms`,
        `+${(t.memory / 1048576).toFixed(1)} MB / ${Number.isFinite(t.heaps) ? (t.heaps / 1048576).toFixed(1) : '?'} MB`,
        ...(q ? (diag ? ['—', '—'] : [`${q.top1}/${q.n}`, `${q.top3}/${q.n}`]) : []),
      ],
    };
  });
}
const HEAD = ['system', 'index build', 'index on disk', 'engine (gzip)', 'first answer: requests / bytes',
  'first answer: time', 'later query: requests / bytes (mean)', 'query latency p50 / p95', 'memory after the queries: renderer growth / JS heaps'];
function table(corpus, md) {
  const head = corpus === 'content' ? [...HEAD, 'top-1', 'top-3'] : HEAD;
  const body = rows[corpus].map((r) => r.cells);
  if (md) return [`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`, ...body.map((c) => `| ${c.join(' | ')} |`)].join('\n');
  const w = head.map((h, i) => Math.max(h.length, ...body.map((c) => String(c[i]).length)));
  return [head, ...body].map((c) => c.map((x, i) => String(x).padEnd(w[i])).join('  ')).join('\n');
}

// Goals and ratios.
const T = timed;
const ratio = (a, b) => b / a;
const fx = (r) => (r >= 10 ? r.toFixed(0) : r.toFixed(1));
const words = (r, more = 'fewer', less = 'more') => (r >= 1 ? `${fx(r)}× ${more}` : `${fx(1 / r)}× ${less}`);
const goals = [];
{
  const a = T.content.adcredit.firstBytes;
  const p = T.content.pagefind.firstBytes;
  const met = a <= p / 2;
  goals.push(`${met ? 'MET' : 'MISSED'}: first answer ≤ 1/2 of Pagefind's bytes (shipped content): ${fmtBytes(a)} vs ${fmtBytes(p)}, ` +
    `${(a / p * 100).toFixed(0)} % of Pagefind's` + (met ? '' : ` (${fmtBytes(a - p / 2)} over the goal, ${fx(a / (p / 2))}× the budget)`));
  const a10 = T.syn.adcredit.firstBytes;
  const p10 = T.syn.pagefind.firstBytes;
  goals.push(`(10k corpus, for the record: ${fmtBytes(a10)} vs ${fmtBytes(p10)}, ${(a10 / p10 * 100).toFixed(0)} % of Pagefind's)`);
}
for (const corpus of ['content', 'syn']) {
  const a = T[corpus].adcredit.p50;
  const others = ['pagefind', 'minisearch'].map((s) => [s, T[corpus][s].p50]);
  const met = others.every(([, p]) => a <= p);
  const diag = T[corpus]['adcredit-main'];
  goals.push(`${met ? 'MET' : 'MISSED'}: query p50 no slower than Pagefind's and MiniSearch's (${CORPORA[corpus]}): adcredit ${fmtMs(a)} ms; ` +
    others.map(([s, p]) => `${NAMES[s]} ${fmtMs(p)} ms${a > p ? ` (slower by ${fmtMs(a - p)} ms, ${fx(a / p)}×)` : ''}`).join(', ') +
    (diag ? `; the search module alone, without the API: ${fmtMs(diag.p50)} ms` : ''));
}
{
  const a = qual.adcredit.top1;
  const met = a > qual.pagefind.top1 && a > qual.minisearch.top1;
  const n = judged.length;
  goals.push(`${met ? 'MET' : 'MISSED'}: top-1 on ${judgedLabel} strictly above both: adcredit ${a}/${n}, Pagefind ${qual.pagefind.top1}/${n}, MiniSearch ${qual.minisearch.top1}/${n}`);
}
{
  const a = T.syn.adcredit;
  const engine = sizes('syn', 'adcredit').engine;
  const budget = 150 * 1024;
  const verdict = a.laterBytesMax <= budget ? 'MET' : a.laterBytesP95 <= budget ? 'MET on the mean and p95, not on every query' : a.laterBytes <= budget ? 'MET on the mean only' : 'MISSED';
  goals.push(`${verdict}: 10k corpus ≤ 150 KB per query: mean ${fmtBytes(a.laterBytes)}, p95 ${fmtBytes(a.laterBytesP95)}, max ${fmtBytes(a.laterBytesMax)} per later query` +
    (a.laterBytesMax > budget ? ` (the largest, "${a.laterBytesMaxQuery}", over by ${fmtBytes(a.laterBytesMax - budget)}; ${T.syn.adcredit.overBudget} of ${QUERIES.syn.length} queries over 150 KB)` : '') +
    `; the first answer ${fmtBytes(a.firstBytes)}, of which the engine (wasm + glue, fetched once) ${fmtBytes(engine)}, index ${fmtBytes(a.firstBytes - engine)}` +
    (a.firstBytes - engine > budget ? ` (over by ${fmtBytes(a.firstBytes - engine - budget)} without the engine)` : ''));
}
const ratioLines = [];
for (const corpus of ['content', 'syn']) {
  const A = T[corpus].adcredit;
  const P = T[corpus].pagefind;
  const M = T[corpus].minisearch;
  const later = A.laterBytes === 0
    ? `later queries fetch nothing (Pagefind ${fmtBytes(P.laterBytes)} each; MiniSearch nothing, it loads the whole index up front)`
    : `later queries ${words(ratio(A.laterBytes, P.laterBytes))} bytes than Pagefind (${fmtBytes(A.laterBytes)} vs ${fmtBytes(P.laterBytes)} each; MiniSearch nothing, it loads the whole index up front)`;
  ratioLines.push(`- ${CORPORA[corpus]}: first answer ${words(ratio(A.firstBytes, P.firstBytes))} bytes than Pagefind, ${words(ratio(A.firstBytes, M.firstBytes))} than MiniSearch (${fmtBytes(A.firstBytes)} vs ${fmtBytes(P.firstBytes)} and ${fmtBytes(M.firstBytes)}); ` +
    `${later}; query p50 ${words(ratio(A.p50, P.p50), 'faster', 'slower')} than Pagefind, ${words(ratio(A.p50, M.p50), 'faster', 'slower')} than MiniSearch.`);
}
ratioLines.push(`- Top-1 on ${judgedLabel}: adcredit ${qual.adcredit.top1}, Pagefind ${qual.pagefind.top1}, MiniSearch ${qual.minisearch.top1} (top-3: ${qual.adcredit.top3}, ${qual.pagefind.top3}, ${qual.minisearch.top3}).`);

const elapsed = (performance.now() - started) / 1000;
const mdSections = [];
mdSections.push(`# adcredit vs Pagefind vs MiniSearch

Generated by \`cargo xtask bench --peers\` (\`bench/peers/run.mjs\`) on ${machine.date}; the whole command took ${(elapsed / 60).toFixed(1)} min (builds of the Rust side not included).

**Machine:** ${machine.cores} cores (\`nproc\`), ${machine.cpu}, ${machine.memory}; ${machine.chromium} (headless, on 127.0.0.1); Node ${machine.node}; ${machine.load}.
**Versions:** adcredit ${versions.adcredit}, Pagefind ${versions.pagefind} (npm \`pagefind\`, its own linux-x64 binary), MiniSearch ${versions.minisearch}, stemmer ${versions.stemmer}.

![bytes per query and latency per system](peers.svg)

## Goals
${goals.map((g) => `- ${g}`).join('\n')}

## Ratios
${ratioLines.join('\n')}
`);
for (const corpus of ['content', 'syn']) {
  mdSections.push(`## ${CORPORA[corpus]} (${docsCount[corpus]} search documents; ${QUERIES[corpus].length} later queries, median of ${COLD_RUNS[corpus]} cold runs)

${table(corpus, true)}
`);
}
const fmtFirst = (corpus, sys) => T[corpus][sys].firstUrls.map((u) => `\`${u.replace(/^200 \/[a-z]+\/[a-z]+\//, '')}\``).join(', ');
mdSections.push(`## What the first answer fetched (first cold run; status, path, gzip body bytes)
${['content', 'syn'].map((c) => SYSTEMS.map((s) => `- ${CORPORA[c]}, ${NAMES[s]}: ${fmtFirst(c, s)}`).join('\n')).join('\n')}

## Configurations (each system's best on ${judgedLabel}, which flatters the peers: their configuration is picked on the very questions it is scored on)
- **adcredit**: its defaults (the product ranking: prefix on the last word, typo tolerance, glossary synonyms, coverage re-rank); nothing tuned for this run. Shipped content: \`web/dist/adcredit.js\` as a site embeds it (\`init()\` then \`search(q, {limit})\`, on the page's thread as the API searches since issue 12 — its Web Worker holds only the rules and is not started — the monolithic bundle). 10k corpus: the sharded bundle fetched on demand (\`loadMeta\`, then per query \`missingShards\` → fetch → \`addShard\` → \`search\`), on the main thread.
- **Pagefind**: its CLI with defaults over the rendered pages (\`<html lang="en">\` so English stemming is on, \`data-pagefind-body\` on the content, tags weighted 1.5 with \`data-pagefind-weight\`, the title as \`<h1>\`), its JS API in its own Web Worker (\`pagefind.js\` → \`pagefind-worker.js\`), \`data()\` for the ${LIMIT} results shown (one fragment each). Ranking chosen from ${PAGEFIND_RANKINGS.length} settings of its documented ranking knobs: **${pfBest.name}**.
${qualityRows.pagefind.map((r) => `  - ${r.name}: top-1 ${r.top1}/${r.n}, top-3 ${r.top3}/${r.n}`).join('\n')}
- **MiniSearch**: index built in Node (\`addAll\`), serialized with \`JSON.stringify\`, loaded in the page with \`MiniSearch.loadJSON\` (one \`index.json\`, gzip on the wire); the page script is MiniSearch + stemmer + glue bundled and minified with esbuild. Chosen from ${MS_CONFIGS.length} configurations: **${msBest.name}** — ${describeMs(msBest)}.
${qualityRows.minisearch.map((r) => `  - ${r.name}: top-1 ${r.top1}/${r.n}, top-3 ${r.top3}/${r.n}`).join('\n')}

## Misses on ${judgedLabel} (top-1; the top 3 given)
${judgedIsValidation ? 'Not listed: the validation half is measured, never read (counts in the tables above).' : SYSTEMS.map((s) => `- ${NAMES[s]}: ${qual[s].misses.length ? qual[s].misses.map((m) => `\n  - ${m}`).join('') : 'none'}`).join('\n')}

## How it is measured
- **Same content**: \`adcredit export\` writes each corpus once as adcredit's index (tantivy + bundle, and the sharded bundle), one HTML page per search document (what Pagefind indexes) and \`docs.json\` (what MiniSearch indexes).
- **Index build**: adcredit: tantivy index + bundle, as \`adcredit export\` times it in-process; Pagefind: its CLI's own "Finished in" time (walking and parsing the HTML included); MiniSearch: \`addAll\` + \`JSON.stringify\` in Node. adcredit's figure leaves out the sharded bundle the 10k runs use (\`adcredit export\` does not time it apart); the whole export — tantivy + bundle + shards + every HTML page + docs.json — took ${builds.content.adcredit.wall.toFixed(1)} s and ${builds.syn.adcredit.wall.toFixed(1)} s of wall time. Pagefind's wall time: ${builds.content.pagefind.wall.toFixed(1)} s and ${builds.syn.pagefind.wall.toFixed(1)} s.
- **Index on disk**: the data a site serves for search: adcredit's bundle (shipped content) or sharded bundle (10k: meta + term + doc shards); Pagefind's output without its UI files and the unused \`wasm.unknown\`; MiniSearch's \`index.json\`. **Engine**: the code the page downloads (gzip level 9): adcredit's wasm + JS (the shipped \`adcredit.js\` carries the whole widget), Pagefind's \`pagefind.js\` + worker + \`wasm.en.pagefind\`, MiniSearch's bundled page script.
- **Bytes and requests** are counted by the bench's server (\`bench/peers/server.mjs\`): every response, status line + headers + body, gzip level 9 for text, wasm and adcredit's bundle/shards (Pagefind compresses its own files), so requests made from Web Workers count too. The bench page itself (\`bench.html\` + \`harness.js\`, the same for all) is not counted; everything from the system's first script to the ${LIMIT} results in hand is. Each cold run is a new browser context (empty HTTP cache).
- **First answer**: "${FIRST.content}", from importing the system's page script to ${LIMIT} results with titles and snippets, median of the cold runs.
- **Later queries** (same page, after the first answer): ${QUERIES.content.length} on the shipped content (the dev questions as typed word by word with the last word cut half way, whole, with a typo, and short queries such as "refnd", "voucher"), ${QUERIES.syn.length} on the 10k corpus (the dev questions, then words, tag + word pairs and titles drawn from the corpus, some cut half way). Latency is from the call to the ${LIMIT} results in hand, timed in the page (\`performance.now()\`), fetches included; p50/p95 per run, median over the runs. Bytes per later query: the mean per run, median over the runs.
- **Memory**, after the first answer and all later queries, a garbage collection of the page first: **renderer growth** is how much the private memory (USS, \`/proc/PID/smaps_rollup\`) of Chromium's renderer processes grew from the bare bench page — the system's code, index, caches, workers and wasm memories, whatever holds them, summed over every renderer process that grew (nothing else runs meanwhile). Starting any script on a page costs about 20 MB here, so on the shipped content the three are within noise. **JS heaps** is \`performance.measureUserAgentSpecificMemory()\` (the page is cross-origin isolated): JS heaps only, no wasm memories.
- **Quality**: top-1 / top-3 over ${judgedLabel} (a hit when a result is one of the question's acceptable ids), shipped content only (the synthetic corpus has no judged questions). Pagefind's result URL maps back to the id (\`/faq/x.html\` → \`faq/x\`, \`/article/a/b.html\` → \`article/a#b\`), MiniSearch's stored id is the id.
- **CSP**: the bench server sends the product's CSP (\`script-src 'self' 'wasm-unsafe-eval'\`) to every system; none needed more.
`);
const notesFile = join(PEERS, 'NOTES.md');
if (existsSync(notesFile)) mdSections.push(readFileSync(notesFile, 'utf8'));
const md = mdSections.join('\n');

const svg = chart({ corpora: CORPORA, systems: SYSTEMS, names: NAMES, timed, date: machine.date, limit: LIMIT });
if (!QUICK) {
  writeFileSync(join(BENCH, 'results.md'), md);
  writeFileSync(join(BENCH, 'peers.svg'), svg);
}
writeFileSync(join(OUT, 'results.md'), md);
writeFileSync(join(OUT, 'peers.svg'), svg);
writeFileSync(join(OUT, 'timed.json'), JSON.stringify({ timed, qual, builds, machine, versions }, null, 1));
const readme = `## Performance

Measured side by side with Pagefind ${versions.pagefind} and MiniSearch ${versions.minisearch} on the same content in headless Chromium (\`cargo xtask bench --peers\`, ${machine.date.slice(0, 10)}, ${machine.cores} cores):

${ratioLines.join('\n')}

Full table, goals met and missed, and how it is measured: [bench/results.md](bench/results.md). Chart: [bench/peers.svg](bench/peers.svg).
`;
writeFileSync(join(OUT, 'readme-performance.md'), readme);

console.log(`\nadcredit vs Pagefind vs MiniSearch — ${machine.date}; ${machine.cores} cores, ${machine.cpu}; ${machine.chromium}; Node ${machine.node}`);
console.log(`versions: adcredit ${versions.adcredit}, Pagefind ${versions.pagefind}, MiniSearch ${versions.minisearch}; Pagefind ranking "${pfBest.name}", MiniSearch "${msBest.name}"`);
for (const corpus of ['content', 'syn']) {
  console.log(`\n${CORPORA[corpus]} (${docsCount[corpus]} documents, ${QUERIES[corpus].length} later queries, median of ${COLD_RUNS[corpus]} cold runs)\n`);
  console.log(table(corpus, false));
}
console.log(`\ngoals:\n${goals.map((g) => `  ${g}`).join('\n')}`);
console.log(`\nratios:\n${ratioLines.join('\n')}`);
console.log(`\n${QUICK ? 'quick run: bench/out/results.md and bench/out/peers.svg (bench/results.md untouched)' : 'written: bench/results.md, bench/peers.svg'}; README section: bench/out/readme-performance.md`);
console.log(`bench --peers finished in ${(elapsed / 60).toFixed(1)} min`);
