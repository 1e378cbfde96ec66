// The product path at 10,000 articles (`cargo xtask bench` runs it after run.mjs): the synthetic
// corpus written as a built HTML site and as a Markdown tree, indexed by `adcredit index` (pages
// per second for each; the HTML index comes out sharded on its own), then queried through the
// ES module's API (worker, shards fetched on demand) in headless Chromium, in fresh browser
// contexts: bytes of the first answer (everything after the host page) and of each later query,
// gzip as served. Prints figures; asserts nothing.
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../serve.mjs';

const WEB = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = resolve(WEB, '..');
const DIST = join(WEB, 'dist');
const BIN = process.env.ADCREDIT_BIN ?? join(ROOT, 'target/release/adcredit');
const ARTICLES = Number(process.env.ADCREDIT_BENCH_ARTICLES ?? 10_000);
const RUNS = 3;
for (const f of [BIN, join(DIST, 'adcredit.js')]) if (!existsSync(f)) throw new Error(`${f} is missing: run \`cargo xtask dist\``);

const kb = (n) => (n / 1024).toFixed(1);
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const run = (args) => execFileSync(BIN, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
const rate = (out) => /read (\d+) pages in ([\d.]+) s \((\d+) pages\/s\)/.exec(out);

const tmp = mkdtempSync(join(tmpdir(), 'adcredit-shards-'));
// The corpus as one HTML page per document (what `adcredit export` writes for Pagefind) …
run(['export', '--synthetic', String(ARTICLES), '--seed', '7', '--out', join(tmp, 'export')]);
// … and as a Markdown tree with YAML front matter, one file per document.
const docs = JSON.parse(readFileSync(join(tmp, 'export', 'docs.json'), 'utf8'));
for (const d of docs) {
  const file = join(tmp, 'md', `${d.id.replace('#', '/')}.md`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `---\ntitle: ${JSON.stringify(d.title)}\ntags: ${JSON.stringify(d.tags.split(' ').filter(Boolean))}\n---\n\n${d.body}\n`);
}
const md = rate(run(['index', '--content', join(tmp, 'md'), '--out', join(tmp, 'md-index')]));
const site = join(tmp, 'site');
const htmlOut = run(['index', '--html', join(tmp, 'export', 'html'), '--out', site]);
const html = rate(htmlOut);
const layout = /indexed into [^:]+: (.*)/.exec(htmlOut)?.[1] ?? '';
for (const f of ['adcredit.js', 'adcredit-worker.js', 'adcredit_search_bg.wasm', 'adcredit_rules_bg.wasm']) cpSync(join(DIST, f), join(site, f));
writeFileSync(join(site, 'bench.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>bench</title></head><body></body></html>');

// Queries: the dev questions, then titles and title words drawn from the corpus.
const dev = readFileSync(join(ROOT, '..', 'shared', 'eval', 'dev-questions.tsv'), 'utf8')
  .split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((l) => l.split('\t')[0]);
const drawn = [];
for (let i = 7; drawn.length < 100; i += 97) {
  const words = docs[i % docs.length].title.split(/[\s—-]+/).filter((w) => w.length > 3);
  drawn.push(i % 3 === 0 ? docs[i % docs.length].title : words.slice(0, 2).join(' '));
}
const [first, ...later] = [...dev, ...drawn];

// Bytes as sent (gzip when asked), counted at the server.
let sent = 0;
const server = await serve({ dir: site, port: 0 });
server.on('request', (_req, res) => {
  const end = res.end;
  res.end = function (chunk, ...rest) {
    if (chunk) sent += chunk.length;
    return end.call(this, chunk, ...rest);
  };
});
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const runs = [];
for (let r = 0; r < RUNS; r++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base + 'bench.html');
  await page.evaluate(() => import('./adcredit.js').then((m) => (window.m = m)));
  sent = 0;
  const top = await page.evaluate(async (q) => (await window.m.ask(q)).results[0]?.id, first);
  const firstBytes = sent;
  const bytes = [];
  const ms = [];
  for (const q of later) {
    sent = 0;
    ms.push(await page.evaluate(async (q) => {
      const t = performance.now();
      await window.m.ask(q);
      return performance.now() - t;
    }, q));
    bytes.push(sent);
  }
  runs.push({ firstBytes, top, bytes, ms });
  await context.close();
}
await browser.close();
server.close();
rmSync(tmp, { recursive: true, force: true });

const med = (f) => quantile(runs.map(f), 0.5);
const firstKB = med((x) => x.firstBytes);
const meanKB = med((x) => mean(x.bytes));
const p95KB = med((x) => quantile(x.bytes, 0.95));
const maxKB = med((x) => Math.max(...x.bytes));
console.log(`\nadcredit at ${ARTICLES.toLocaleString('en')} articles (${docs.length} documents), through the API (worker + shards on demand)`);
console.log(`  indexing: Markdown tree ${md?.[1]} pages in ${md?.[2]} s = ${md?.[3]} pages/s; HTML site ${html?.[1]} pages in ${html?.[2]} s = ${html?.[3]} pages/s`);
console.log(`  index: ${layout}`);
console.log(`  first answer ("${first}", top ${runs[0].top}): ${kb(firstKB)} KB gzip (goal ≤ 300 KB: ${firstKB <= 300 * 1024 ? 'met' : `missed by ${kb(firstKB - 300 * 1024)} KB`})`);
console.log(`  later queries (${later.length}, median of ${RUNS} cold runs): mean ${kb(meanKB)} KB, p95 ${kb(p95KB)} KB, max ${kb(maxKB)} KB (goal ≤ 150 KB mean and p95: ${meanKB <= 150 * 1024 && p95KB <= 150 * 1024 ? 'met' : 'missed'}); latency p50 ${med((x) => quantile(x.ms, 0.5)).toFixed(1)} ms, p95 ${med((x) => quantile(x.ms, 0.95)).toFixed(1)} ms`);
