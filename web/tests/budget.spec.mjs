// What a visitor downloads for the first answer, after the host page (index.html, page.css,
// favicon): requests and bytes on the wire (gzip, as serve.mjs and static hosts send them).
// Goal: ≤ 4 requests and ≤ 60 KB gzip; this test enforces the requests and the element's own
// size, and prints the total (see below).
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, widget, WEB } from './fixtures.mjs';

const HOST_PAGE = /\/(index\.html)?$|\/page\.css$|\/favicon\.svg$/;

test('first answer: requests and gzip bytes after the host page', async ({ page }) => {
  const seen = [];
  page.context().on('request', (r) => seen.push(r)); // includes the worker's requests
  const t0 = Date.now();
  await page.goto('/');
  const w = widget(page);
  await w.search.fill('Can I share TikTok ad credit across accounts?');
  await expect(w.root.locator('[data-result-id]').first()).toBeVisible();
  const ms = Date.now() - t0;
  const rows = [];
  for (const r of seen) {
    const res = await r.response();
    const sizes = await r.sizes();
    const headers = (await res?.allHeaders()) ?? {};
    // A worker's script may report no body size: its Content-Length is what came over the wire.
    const wire = sizes.responseBodySize || Number(headers['content-length'] ?? 0);
    rows.push({ url: new URL(r.url()).pathname, status: res?.status(), encoding: headers['content-encoding'] ?? '', wire });
  }
  const after = rows.filter((r) => !HOST_PAGE.test(r.url));
  const host = rows.filter((r) => HOST_PAGE.test(r.url));
  const kb = (n) => (n / 1024).toFixed(1);
  const total = after.reduce((a, r) => a + r.wire, 0);
  const lines = [
    `host page: ${host.length} requests, ${kb(host.reduce((a, r) => a + r.wire, 0))} KB on the wire (${host.map((r) => r.url).join(', ')})`,
    ...after.map((r) => `  ${r.url.padEnd(24)} ${String(r.status).padEnd(4)} ${(r.encoding || 'identity').padEnd(9)} ${kb(r.wire).padStart(6)} KB`),
    `first answer after the host page: ${after.length} requests, ${kb(total)} KB gzip; first answer shown ${ms} ms after navigation`,
  ];
  console.log(lines.join('\n'));
  mkdirSync(join(WEB, 'test-results'), { recursive: true });
  writeFileSync(join(WEB, 'test-results', 'first-answer-budget.txt'), lines.join('\n') + '\n');
  expect(after.every((r) => r.status === 200)).toBe(true);
  expect(after.length).toBeLessThanOrEqual(4);
  // Simulate's plan view and charts come with the rules, never with the first answer.
  expect(after.map((r) => r.url)).not.toContain('/adcredit-plan.js');
  // The element's own JS+CSS and the search module's glue (adcredit.js) stay small: ≤ 14.5 KB
  // gzip. It was 16.5 KB before Simulate and Can I move? moved to adcredit-parts.js, fetched when
  // one of them is first opened; the glue (~2.5 KB) came in when the search left the worker.
  expect(after.find((r) => r.url.endsWith('/adcredit.js')).wire).toBeLessThanOrEqual(14.5 * 1024);
  // The worker holds only the rules: never part of the first answer.
  expect(after.some((r) => r.url.endsWith('/adcredit-worker.js'))).toBe(false);
  expect(after.some((r) => r.url.endsWith('/adcredit-parts.js'))).toBe(false);
  // The 60 KB goal depends mostly on the wasm and the bundle (budgeted ~45 KB): reported
  // here, enforced with ADCREDIT_STRICT_BUDGET=1.
  if (total > 60 * 1024) {
    test.info().annotations.push({ type: 'budget', description: `first answer ${kb(total)} KB gzip > 60 KB goal` });
    console.log(`OVER BUDGET: ${kb(total)} KB gzip > 60 KB goal`);
  }
  if (process.env.ADCREDIT_STRICT_BUDGET === '1') expect(total).toBeLessThanOrEqual(60 * 1024);
});
