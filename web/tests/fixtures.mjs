// Shared test fixtures: every page collects console errors, page errors and CSP violations
// (in the page and its worker), and each test ends by asserting there were none.
import { test as base, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export { expect };
export const WEB = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const ROOT = resolve(process.env.ADCREDIT_ROOT ?? join(WEB, '..'));
export const DIST = resolve(process.env.ADCREDIT_DIST ?? join(WEB, 'dist'));
export const SHOTS = join(WEB, 'test-results', 'screenshots');

/** The native `adcredit` binary, or null when there is none to compare with. */
export const BIN = (() => {
  for (const p of [process.env.ADCREDIT_BIN, join(ROOT, 'target/release/adcredit'), join(ROOT, 'target/debug/adcredit')])
    if (p && existsSync(p)) return p;
  return null;
})();

/** Runs the native binary; returns { status, json } (json null when stdout is not JSON). */
export function native(args) {
  let stdout;
  let status = 0;
  try {
    stdout = execFileSync(BIN, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    stdout = e.stdout;
    status = e.status;
  }
  let json = null;
  try {
    json = JSON.parse(stdout);
  } catch {
    /* not JSON */
  }
  return { status, json };
}

/** The scenario fixtures: the lead's tests/scenarios, else ours. */
export function scenarioFiles() {
  for (const dir of [join(ROOT, 'tests', 'scenarios'), join(WEB, 'tests', 'scenarios')])
    if (existsSync(dir)) {
      const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
      if (files.length) return files.map((f) => join(dir, f));
    }
  return [];
}

export const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/** base64url(UTF-8 JSON) — the share-link encoding of CONTRACT §7, written independently of the widget. */
export const shareHash = (value) => '#s=' + Buffer.from(typeof value === 'string' ? value : JSON.stringify(value), 'utf8').toString('base64url');

export const test = base.extend({
  page: async ({ page }, use) => {
    const problems = [];
    const allowed = [];
    /** Lets a test cause one kind of problem on purpose (matched against the message). */
    page.allowProblem = (re) => allowed.push(re);
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('worker', (w) => w.on('console', (m) => m.type() === 'error' && problems.push(`worker console error: ${m.text()}`)));
    await page.addInitScript(() => {
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await use(page);
    const csp = await page.evaluate(() => window.__csp ?? []).catch(() => []);
    const all = [...problems, ...csp.map((c) => `CSP violation: ${c}`)].filter((p) => !allowed.some((re) => re.test(p)));
    expect(all, 'console errors, page errors and CSP violations').toEqual([]);
  },
});

/** Locators inside the widget (Playwright's CSS pierces its open shadow root). */
export function widget(page) {
  const w = page.locator('adcredit-help');
  return {
    root: w,
    search: w.locator('input[type="search"]'),
    results: w.locator('[role="listbox"]'),
    tab: (name) => w.getByRole('tab', { name }),
    report: w.locator('[data-part="report"]'),
    findings: w.locator('[data-part="report"] [data-rule]'),
  };
}

/** Types `q` into the search box and waits until the results are those of `q`. */
export async function askWidget(page, q) {
  const { search, root } = widget(page);
  await search.fill(q);
  await search.press('Enter');
  await expect(root.locator('[data-part="ask"]')).toHaveAttribute('data-query', q.trim());
}

/** Opens the page with a share link for `scenario` and waits for its report or input error. */
export async function openShared(page, scenario, path = '/') {
  await page.goto(path + shareHash(scenario));
  const report = widget(page).report;
  await expect(report).toHaveAttribute('data-state', /^(done|input-error)$/);
  return report;
}
