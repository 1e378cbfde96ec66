// Hostile input executes nothing: queries, scenario text in share links, `javascript:` ids,
// damaged links. Every payload would set window.__pwned; the fixture also fails the test on
// any CSP violation or console error.
import { join } from 'node:path';
import { test, expect, widget, askWidget, openShared, shareHash, readJson, WEB } from './fixtures.mjs';

const demo = readJson(join(WEB, 'src', 'demo-scenario.json'));
const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '"><script>window.__pwned=1</script>',
  "<svg onload=window.__pwned=1>",
  'javascript:window.__pwned=1',
  '</style><style>*{display:none}</style>',
  "' onmouseover='window.__pwned=1",
];

async function untouched(page) {
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  const w = widget(page).root;
  // No element built from data: no img/script/svg/iframe/style inside the widget (but the plan's
  // own charts, whose names are text nodes), no javascript: links.
  expect(await w.locator('img, script, svg:not([data-chart], .ch-swatch), iframe, object, embed, style').count()).toBe(0);
  expect(await w.locator('svg :not(g, defs, pattern, rect, line, circle, text, tspan)').count()).toBe(0);
  const hrefs = await w.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  for (const h of hrefs) expect(h).toMatch(/^#/);
  expect(await w.locator('[style]').count()).toBe(0);
  expect(await page.locator('body [onerror], body [onload], body [onmouseover]').count()).toBe(0);
}

test('hostile queries are shown as text and execute nothing', async ({ page }) => {
  await page.goto('/');
  for (const q of PAYLOADS) {
    await askWidget(page, q);
    await untouched(page);
  }
  await askWidget(page, PAYLOADS[0]);
  const none = widget(page).root.locator('[data-part="no-answer"]');
  if (await none.isVisible()) await expect(none).toContainText('<img src=x');
});

test('hostile names and ids in a share link are shown as text and execute nothing', async ({ page }) => {
  const s = structuredClone(demo);
  s.business_center.entity = PAYLOADS[1];
  s.business_center.ad_credits[0].id = PAYLOADS[3];
  s.allocations[0].credit = PAYLOADS[3];
  s.accounts.forEach((a, i) => (a.name = PAYLOADS[i % PAYLOADS.length]));
  s.accounts[1].id = PAYLOADS[2];
  s.allocations[1].account = PAYLOADS[2];
  await openShared(page, s);
  await expect(widget(page).report).toHaveAttribute('data-state', 'done');
  await expect(widget(page).root.getByLabel('Name (Ad accounts 1)')).toHaveValue(PAYLOADS[0]);
  await expect(widget(page).root.locator('[data-part="after-accounts"]')).toContainText('<img src=x');
  await untouched(page);
  // The can-move form lists the hostile account; asking about it executes nothing either.
  await widget(page).tab('Can I move?').click();
  await widget(page).root.getByLabel('To', { exact: true }).selectOption(PAYLOADS[2]);
  await widget(page).root.getByRole('button', { name: 'Can I move it?' }).click();
  await expect(widget(page).root.locator('[data-part="move-verdict"] [data-rule]')).toBeVisible();
  await untouched(page);
  await widget(page).tab('Ask').click();
  await askWidget(page, `can I move ad credit from ${PAYLOADS[2]} to us?`);
  await untouched(page);
});

test('hostile unknown fields in a share link are input errors, not code', async ({ page }) => {
  const s = structuredClone(demo);
  s.accounts[0]['<img src=x onerror=window.__pwned=1>'] = PAYLOADS[0];
  await openShared(page, s);
  await expect(widget(page).report).toHaveAttribute('data-state', 'input-error');
  await expect(widget(page).root.locator('[data-input-error]')).toContainText('accounts[0]');
  await untouched(page);
});

test('javascript: and markup in deep links and damaged share links execute nothing', async ({ page }) => {
  for (const hash of ['#faq/<img src=x onerror=window.__pwned=1>', '#javascript:window.__pwned=1', '#article/x#"><svg onload=window.__pwned=1>']) {
    await page.goto('/' + hash);
    await expect(widget(page).root.locator('[role="tab"]').first()).toBeVisible();
    await untouched(page);
  }
  await page.goto('/' + '#s=%%%not-base64<script>');
  await expect(widget(page).root.locator('[data-part="load-status"]')).toBeVisible();
  await untouched(page);
  await page.goto('/' + shareHash('"<img src=x onerror=window.__pwned=1>"'));
  await expect(widget(page).root.locator('[data-part="load-status"]')).toBeVisible();
  await untouched(page);
});

test('the server sends the strict CSP and the page declares it too', async ({ page, request }) => {
  const res = await request.get('/');
  expect(res.headers()['content-security-policy']).toBe("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'");
  page.allowProblem(/inline script|script-src/);
  await page.goto('/');
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toBe(res.headers()['content-security-policy']);
  // An inline script, if one were injected, would be blocked: prove the policy is live.
  const blocked = await page.evaluate(
    () =>
      new Promise((done) => {
        document.addEventListener('securitypolicyviolation', () => done(true), { once: true });
        const s = document.createElement('script');
        s.textContent = 'window.__pwned = 1';
        document.body.append(s);
        setTimeout(() => done(false), 1000);
      }),
  );
  expect(blocked).toBe(true);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
});

test('markup and scripts in an indexed HTML site are text in results, never code', async ({ page }) => {
  const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { indexAndServe } = await import('./site-owner.mjs');
  const tmp = mkdtempSync(join(tmpdir(), 'adcredit-hostile-'));
  const dir = join(tmp, 'site');
  mkdirSync(dir, { recursive: true });
  const head = '<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="/help/favicon.svg"><title>t</title>';
  // Someone else's pages: escaped markup in the text, real scripts and handlers in the body,
  // a heading id and a file name that try to become a javascript: link.
  writeFileSync(
    join(dir, 'glaze.html'),
    `${head}</head><body><main><h1>Glaze ${PAYLOADS[0].replace(/</g, '&lt;')}</h1>
<p>Glaze words &lt;img src=x onerror="window.__pwned=1"&gt; and &lt;script&gt;window.__pwned=1&lt;/script&gt; here.</p>
<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=1">
<h2 id='x" onmouseover="window.__pwned=1'>Glaze trap ${PAYLOADS[2].replace(/</g, '&lt;')}</h2><p>More glaze.</p></main></body></html>`,
  );
  writeFileSync(join(dir, 'javascript:window.__pwned=1.html'), `${head}</head><body><main><p>Glaze by a file name.</p></main></body></html>`);
  writeFileSync(
    join(dir, 'index.html'),
    `${head}<script type="module" src="/help/adcredit.js"></script></head><body><adcredit-help storage-key=""></adcredit-help></body></html>`,
  );
  const site = await indexAndServe(dir, join(tmp, 'index'));
  try {
    await page.goto(`${site.url}/`);
    await askWidget(page, 'glaze');
    const ids = await widget(page).results.locator('[data-result-id]').evaluateAll((li) => li.map((x) => x.dataset.resultId));
    expect(ids).toContain('glaze');
    expect(ids).toContain('javascript:window.__pwned=1');
    await expect(widget(page).results).toContainText('<img src=x onerror="window.__pwned=1">');
    await expect(widget(page).results).toContainText('<script>window.__pwned=1</script>');
    await expect(widget(page).results).not.toContainText('window.__pwned = 1'); // the real script is not indexed
    await untouched(page);
    for (const id of ['glaze', 'javascript:window.__pwned=1']) {
      await askWidget(page, 'glaze ');
      await widget(page).results.locator(`[data-result-id="${id}"]`).click();
      await untouched(page);
    }
  } finally {
    await site.close();
    rmSync(tmp, { recursive: true, force: true });
  }
});
