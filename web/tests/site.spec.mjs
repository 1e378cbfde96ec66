// The site owner's guide (docs/site-owners.md), done exactly: a small help center built by a
// real site generator (Eleventy, installed from npm in tests/site/), indexed with
// `adcredit index --html`, the widget files copied next to it, the tag in its layout; a
// visitor asks in Chromium and gets that site's page first, with a link to the page.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, widget, askWidget, ROOT, BIN } from './fixtures.mjs';
import { indexAndServe } from './site-owner.mjs';

const FIXTURE = join(ROOT, 'tests', 'site');
let tmp;
let site;

test.beforeAll(async () => {
  const eleventy = join(FIXTURE, 'node_modules', '.bin', 'eleventy');
  if (!existsSync(eleventy)) throw new Error('tests/site/node_modules is missing: run `npm ci` in tests/site (cargo xtask test does)');
  tmp = mkdtempSync(join(tmpdir(), 'adcredit-site-'));
  execFileSync(eleventy, ['--quiet', '--output', join(tmp, '_site')], { cwd: FIXTURE, stdio: ['ignore', 'ignore', 'inherit'] });
  site = await indexAndServe(join(tmp, '_site'), join(tmp, 'index'));
  // The same site as shards, elsewhere, for a page whose element names it (index attribute).
  execFileSync(BIN, ['index', '--html', join(tmp, '_site'), '--out', join(tmp, '_site', 'sharded-index'), '--bundle', 'sharded']);
  const returns = readFileSync(join(tmp, '_site', 'returns', 'index.html'), 'utf8');
  writeFileSync(join(tmp, '_site', 'sharded.html'), returns.replace('<adcredit-help ', '<adcredit-help index="/sharded-index/" '));
});

test.afterAll(async () => {
  await site?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

test('every page Eleventy built is indexed, with its sections', () => {
  expect(site.indexed).toMatch(/read 7 pages/);
  expect(site.indexed).toMatch(/11 documents/);
});

test("a visitor's question finds the site's page first and links to it", async ({ page }) => {
  await page.goto(`${site.url}/`);
  await askWidget(page, 'a piece arrived broken, what do I do?');
  const first = widget(page).results.locator('[data-result-id]').first();
  await expect(first).toHaveAttribute('data-result-id', 'breakage');
  const link = widget(page).root.locator('[data-answer-id="breakage"] a[data-source]');
  await expect(link).toHaveAttribute('href', '/breakage');
  await link.click();
  await expect(page).toHaveURL(`${site.url}/breakage`);
  await expect(page.locator('main h1')).toHaveText('A piece arrived broken');
});

test('a section is found and its link jumps to its heading', async ({ page }) => {
  await page.goto(`${site.url}/shipping/`);
  await askWidget(page, 'import duty outside the EU');
  await expect(widget(page).results.locator('[data-result-id]').first()).toHaveAttribute('data-result-id', 'shipping#customs');
  await expect(widget(page).root.locator('[data-answer-id="shipping#customs"] a[data-source]')).toHaveAttribute('href', '/shipping#customs');
});

test('<adcredit-help index> loads a sharded index and fetches only the shards a question needs', async ({ page }) => {
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(`${site.url}/sharded.html`);
  await askWidget(page, 'my mug arrived broken');
  await expect(widget(page).results.locator('[data-result-id]').first()).toHaveAttribute('data-result-id', 'breakage');
  // The entry file (the meta), then some term and doc shards: never all of them, never the
  // single-file bundle of /help/.
  const index = fetched.filter((p) => p.startsWith('/sharded-index/'));
  expect(index[0]).toBe('/sharded-index/adcredit.bundle');
  const shards = index.slice(1);
  expect(shards.some((p) => /^\/sharded-index\/shards\/t\/\d+\.bin$/.test(p))).toBe(true);
  expect(shards.some((p) => /^\/sharded-index\/shards\/d\/\d+\.bin$/.test(p))).toBe(true);
  expect(shards.length).toBeLessThan(readdirSync(join(tmp, '_site', 'sharded-index', 'shards', 'd')).length);
  expect(fetched).not.toContain('/help/adcredit.bundle');
});
