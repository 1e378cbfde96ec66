// Browser benchmark (run by `cargo xtask bench` after `cargo xtask dist`): in headless Chromium,
// the size of what ships (raw and gzip), init() time, search latency per query (p50/p95, as
// the page sees it), and checkPlan for 10,000 allocation lines; the native CLI beside it.
// Prints figures; asserts nothing (goals are read off the table, never timed in tests).
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { serve } from '../serve.mjs';

const WEB = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = resolve(WEB, '..');
const DIST = join(WEB, 'dist');
const BIN = process.env.ADCREDIT_BIN ?? join(ROOT, 'target/release/adcredit');
if (!existsSync(join(DIST, 'index.html'))) throw new Error('web/dist is missing: run `cargo xtask dist`');

const kb = (n) => (n / 1024).toFixed(1);
const ms = (n) => n.toFixed(n < 10 ? 2 : 1);
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const median = (xs) => quantile(xs, 0.5);

// --- sizes -------------------------------------------------------------------------------
const shipped = ['adcredit_search_bg.wasm', 'adcredit_rules_bg.wasm', 'adcredit.js', 'adcredit-worker.js', 'adcredit.bundle'];
const sizes = shipped
  .filter((f) => existsSync(join(DIST, f)))
  .map((f) => {
    const body = readFileSync(join(DIST, f));
    return { file: f, raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
  });

// --- the 10,000-line plan (same shape as the criterion bench) ---------------------------
function bigScenario(n) {
  const credits = [0, 1, 2, 3].map((c) => ({ id: `credit-${c}`, amount: `${n * 30}.00`, expires: '2027-01-31' }));
  const accounts = [];
  const allocations = [];
  for (let i = 0; i < n; i++) {
    accounts.push({
      id: `acct-${i}`, name: `Account ${i}`, entity: 'Acme', currency: 'USD', status: 'active',
      in_payment_portfolio: true, ad_credit_balance: '0.00', planned_spend: `${100 + (i % 50)}.00`,
    });
    allocations.push({ credit: `credit-${i % 4}`, account: `acct-${i}`, amount: `${90 + (i % 40)}.25` });
  }
  return {
    today: '2026-11-24', actor_role: 'finance_manager',
    business_center: { entity: 'Acme', currency: 'USD', ad_credits: credits }, accounts, allocations,
  };
}
const big = bigScenario(10_000);

const questions = readFileSync(join(ROOT, '..', 'shared', 'eval', 'dev-questions.tsv'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => l.split('\t')[0]);
const typed = ['mo', 'move cr', 'suspen', 'payment portf', 'coupon', 'refnd', 'curency', 'who can'];
const queries = [...questions, ...typed];

// --- the browser -------------------------------------------------------------------------
const site = mkdtempSync(join(tmpdir(), 'adcredit-bench-'));
cpSync(DIST, site, { recursive: true });
writeFileSync(join(site, 'bench.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>bench</title></head><body></body></html>');
const server = await serve({ dir: site, port: 0 });
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const initTimes = [];
const decodeTimes = [];
let searchTimes = [];
const checkTimes = [];
const rulesStarts = [];
const parts = [];
for (let run = 0; run < 5; run++) {
  const page = await browser.newPage();
  await page.goto(base + 'bench.html');
  const r = await page.evaluate(
    async ({ queries, big, run }) => {
      // Main-thread tasks over 50 ms (the Long Tasks API), while init() imports the module,
      // compiles the search wasm and opens the bundle, while typing a question and while
      // checking the plan: the page must never stall.
      const longest = { init: 0, typing: 0, check: 0 };
      let phase = 'init';
      const obs = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) longest[phase] = Math.max(longest[phase], e.duration);
      });
      obs.observe({ type: 'longtask' });
      const t0 = performance.now();
      const m = await import('./adcredit.js');
      await m.init();
      const init = performance.now() - t0;
      // Opening the bundle (decode, body postings derived from the texts): one task on the page.
      const decode = performance.getEntriesByName('adcredit:open-index').at(-1)?.duration ?? NaN;
      await new Promise((r) => setTimeout(r, 50));
      phase = 'idle';
      const search = [];
      for (let rep = 0; rep < 10; rep++)
        for (const q of queries) {
          const s = performance.now();
          await m.search(q, { limit: 10 });
          search.push(performance.now() - s);
        }
      // The first rules call fetches and starts the rules module.
      const r0 = performance.now();
      await m.canMove({ fund: 'ad_credit', from: 'bc', to: 'x' });
      const rulesStart = performance.now() - r0;
      phase = 'typing';
      // One search per keystroke, each in a task of its own as a keystroke's input event is
      // (awaiting the search alone would chain every keystroke into one task now that the
      // search answers on the page's thread).
      for (const q of queries.slice(0, 10))
        for (let i = 1; i <= q.length; i++) {
          await new Promise((r) => setTimeout(r, 0));
          await m.search(q.slice(0, i), { limit: 10 });
        }
      await new Promise((r) => setTimeout(r, 50));
      phase = 'check';
      const c = performance.now();
      const report = await m.checkPlan(big);
      const check = performance.now() - c;
      await new Promise((r) => setTimeout(r, 50));
      obs.disconnect();
      // For comparison, outside the long-task window: what sending the plan would cost the main
      // thread as JSON text and as a structured clone, and the size of the report.
      const j = performance.now();
      const text = JSON.stringify(big);
      const stringify = performance.now() - j;
      const k = performance.now();
      structuredClone(big);
      const clone = performance.now() - k;
      const reportText = JSON.stringify(report);
      const p = performance.now();
      JSON.parse(reportText);
      const parse = performance.now() - p;
      const reportBytes = reportText.length;
      return { init, decode, search, check, rulesStart, lines: report.steps.length, run, longest, stringify, clone, parse, planBytes: text.length, reportBytes };
    },
    { queries, big, run },
  );
  initTimes.push(r.init);
  decodeTimes.push(r.decode);
  // The first pass warms the JIT; keep the later ones.
  if (run > 0) searchTimes = searchTimes.concat(r.search);
  checkTimes.push(r.check);
  rulesStarts.push(r.rulesStart);
  parts.push(r);
  await page.close();
}
await browser.close();
server.close();

// --- the native CLI, for comparison (process start included) ----------------------------
let nativeCheck = null;
if (existsSync(BIN)) {
  const f = join(site, 'big.json');
  writeFileSync(f, JSON.stringify(big));
  const times = [];
  for (let i = 0; i < 5; i++) {
    const t = process.hrtime.bigint();
    try {
      execFileSync(BIN, ['check', '--json', f], { stdio: 'ignore' });
    } catch {
      /* exit 1 is a plan with errors: still timed */
    }
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  nativeCheck = median(times);
}

// --- report ------------------------------------------------------------------------------
const chromiumVersion = (() => {
  try {
    return execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'chromium';
  }
})();
console.log(`\nadcredit browser benchmark — ${chromiumVersion}, ${new Date().toISOString().slice(0, 10)}`);
console.log('\nwhat ships            raw KB   gzip KB');
for (const s of sizes) console.log(`  ${s.file.padEnd(20)}${kb(s.raw).padStart(7)}${kb(s.gzip).padStart(10)}`);
const total = (names) => {
  const xs = sizes.filter((s) => names.includes(s.file));
  return `${kb(xs.reduce((a, s) => a + s.raw, 0)).padStart(7)}${kb(xs.reduce((a, s) => a + s.gzip, 0)).padStart(10)}`;
};
console.log(`  ${'first answer'.padEnd(20)}${total(['adcredit_search_bg.wasm', 'adcredit.js', 'adcredit.bundle'])}   (adcredit.js with the search glue, search wasm, bundle)`);
console.log(`  ${'all wasm + JS'.padEnd(20)}${total(shipped.filter((f) => f !== 'adcredit.bundle'))}`);
console.log(`\ninit() (import + search wasm + bundle, on the page), median of 5: ${ms(median(initTimes))} ms; of which opening the bundle (one main-thread task): ${ms(median(decodeTimes))} ms`);
console.log(`first rules call (fetch + start adcredit_rules_bg.wasm + a canMove), median of 5: ${ms(median(rulesStarts))} ms`);
console.log(`search, ${searchTimes.length} calls over ${queries.length} queries (on the page's thread, as the page sees it): p50 ${ms(median(searchTimes))} ms, p95 ${ms(quantile(searchTimes, 0.95))} ms`);
console.log(`checkPlan, 10,000 accounts × 10,000 lines, median of 5: ${ms(median(checkTimes))} ms`);
const maxOf = (f) => Math.max(...parts.map(f));
console.log(`  main-thread costs for comparison: the plan's JSON.stringify ${ms(median(parts.map((p) => p.stringify)))} ms vs structuredClone ${ms(median(parts.map((p) => p.clone)))} ms; the report's JSON.parse ${ms(median(parts.map((p) => p.parse)))} ms; plan ${kb(parts[0].planBytes)} KB, report ${kb(parts[0].reportBytes)} KB of JSON`);
console.log(`longest main-thread task (Long Tasks API, 0 = none over 50 ms), worst of 5: init ${ms(maxOf((p) => p.longest.init))} ms, typing ${ms(maxOf((p) => p.longest.typing))} ms, checkPlan ${ms(maxOf((p) => p.longest.check))} ms`);
if (nativeCheck !== null) {
  console.log(`native \`adcredit check --json\` on the same plan (process included), median of 5: ${ms(nativeCheck)} ms`);
  console.log(`checkPlan in Chromium / native process: ${(median(checkTimes) / nativeCheck).toFixed(2)}× (goal ≤ 0.5×)`);
}
console.log('(in-process native figures: `cargo bench -p adcredit-core`, `cargo bench -p adcredit-indexer`)');
