// Hostile and careless input (issue 13): every call to the worker settles, a row being typed
// never hides the rest of the report, edits survive a quick reload, a share link never
// replaces the visitor's own scenario silently, and a broken asset breaks only what needs it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, widget, askWidget, shareHash, readJson, WEB, DIST } from './fixtures.mjs';

const demo = readJson(join(WEB, 'src', 'demo-scenario.json'));
const KEY = 'adcredit-scenario';

/** The share link: `today` nested `depth` objects deep. */
const deepToday = (depth) => '{"business_center":{},"accounts":[],"today":' + '{"a":'.repeat(depth) + '1' + '}'.repeat(depth) + '}';

test.describe('every request settles', () => {
  test('a share link nested 2000 levels deep names where, Ask still answers, and a reload does too', async ({ page }) => {
    await page.goto('/' + shareHash(deepToday(2000)));
    const w = widget(page);
    await expect(w.report).toHaveAttribute('data-state', 'input-error');
    await expect(w.root.locator('[data-input-error]')).toContainText(/^today: .*nested/);
    await expect(w.root.getByLabel('Today')).toHaveAttribute('aria-invalid', 'true');
    await w.tab('Ask').click();
    await askWidget(page, 'can I share ad credit');
    await expect(w.root.locator('[data-result-id]').first()).toBeVisible();
    await page.reload();
    await expect(w.report).toHaveAttribute('data-state', 'input-error');
    await expect(w.root.locator('[data-input-error]')).toContainText('today');
  });

  test('the API rejects deep nesting with code "input" at any depth, naming the path', async ({ page }) => {
    await page.goto('/');
    const got = await page.evaluate(async (demo) => {
      const m = await import('./adcredit.js');
      const settle = (p) =>
        Promise.race([
          p.then(() => ({ ok: true }), (e) => ({ code: e.code, message: e.message, path: e.path })),
          new Promise((r) => setTimeout(() => r({ hung: true }), 15000)),
        ]);
      const out = {};
      for (const depth of [1000, 2000, 4000, 10000]) {
        let o = {};
        for (let i = 0; i < depth; i++) o = { a: o };
        const s = structuredClone(demo);
        s.accounts[0].name = o;
        out[depth] = {
          check: await settle(m.checkPlan(s)),
          move: await settle(m.canMove({ fund: 'cash', from: 'bc', to: 'us', scenario: s })),
          ask: await settle(m.ask('can I move cash from bc to us?', s)),
        };
      }
      // The worker is still alive afterwards, and a question that does not move money is
      // answered without reading the scenario, however deep it is.
      out.after = await settle(m.checkPlan(demo));
      let o = {};
      for (let i = 0; i < 5000; i++) o = { a: o };
      out.notAMove = await m.ask('what is a credit line?', { ...demo, today: o }).then((r) => r.results.length, (e) => e.message);
      return out;
    }, demo);
    for (const depth of [1000, 2000, 4000, 10000])
      for (const [op, r] of Object.entries(got[depth])) {
        expect(r, `${op} at depth ${depth}`).toMatchObject({ code: 'input' });
        if (depth > 1000) expect(r.message, `${op} at depth ${depth}`).toMatch(/accounts\[0\]\.name.*nested/);
      }
    expect(got.after).toEqual({ ok: true });
    expect(got.notAMove).toBeGreaterThan(0);
  });

  test('the worker answers every message: unreadable, not a request, unknown, throwing', async ({ page }) => {
    await page.goto('/');
    const replies = await page.evaluate(async () => {
      // The worker on its own, without api.js's checks in front of it.
      const w = new Worker('./adcredit-worker.js', { type: 'module' });
      const got = [];
      w.onmessage = ({ data }) => got.push(data);
      w.postMessage({ id: 0, op: 'config', args: { rules: new URL('./adcredit_rules_bg.wasm', location.href).href } });
      let deep = 1;
      for (let i = 0; i < 3000; i++) deep = { a: deep };
      const send = (m) => {
        try {
          w.postMessage(m);
        } catch (e) {
          got.push({ notSent: e.name });
        }
      };
      send({ id: 1, op: 'checkPlan', args: [deep] }); // too deep to read on the worker's side
      send(null);
      send({ id: 2, op: 'nope', args: [] });
      send({ id: 3, op: 'checkPlan', args: 'not a list' });
      send({ id: 4, op: 'search', args: ['credit'] }); // before init
      send({ id: 5, op: 'checkPlan', args: [{}] });
      const t0 = Date.now();
      while (got.filter((d) => d.id === 5).length === 0 && Date.now() - t0 < 15000) await new Promise((r) => setTimeout(r, 50));
      w.terminate();
      return got;
    });
    const byId = (id) => replies.find((d) => d.id === id);
    // Message 1 is either refused by the sender or answered as lost after message 0.
    expect(replies.some((d) => d.notSent) || replies.some((d) => d.lost === 0) || byId(1)?.error).toBeTruthy();
    expect(replies.some((d) => Number.isInteger(d.lost))).toBe(true); // the null message
    expect(byId(2).error.code).toBe('internal');
    expect(byId(3).error.code).toBe('input');
    expect(byId(4).error.code).toBe('internal');
    expect(byId(5).error.code).toBe('input');
  });

  test('a worker that dies rejects what it was asked, and the next call starts a new one', async ({ page }) => {
    page.allowProblem(/adcredit-worker|worker stopped|boom/);
    let broken = true;
    await page.route('**/adcredit-worker.js', (route) =>
      broken ? route.fulfill({ status: 200, contentType: 'text/javascript', body: 'throw new Error("boom")' }) : route.fallback(),
    );
    await page.goto('/');
    // The worker holds the rules; searching runs on the page and does not need it.
    const first = await page.evaluate(async () => {
      const m = await import('./adcredit.js');
      const check = await m.checkPlan({}).then(() => null, (e) => e.code);
      const hits = (await m.search('credit', { limit: 2 })).results.length;
      return { check, hits };
    });
    expect(first).toEqual({ check: 'worker', hits: 2 });
    broken = false;
    const second = await page.evaluate(async () => {
      const m = await import('./adcredit.js');
      return m.checkPlan({}).then(() => null, (e) => e.code);
    });
    expect(second).toBe('input');
  });

  test('a saved scenario that cannot be read is set aside once, can be downloaded, and is not re-applied', async ({ page }) => {
    for (const bad of ['{"business_center": {', deepToday(3000), '[1,2,3]']) {
      await page.goto('/');
      await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, bad]);
      await page.reload();
      const w = widget(page);
      const notice = w.root.locator('[data-part="set-aside"]');
      await expect(w.root.locator('[data-part="load-status"]')).toContainText('could not be read');
      await w.tab('Simulate').click();
      await expect(notice).toBeVisible();
      expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).not.toBe(bad);
      expect(await page.evaluate((k) => localStorage.getItem(k + ':unreadable'), KEY)).toBe(bad);
      await expect(w.report).toHaveAttribute('data-state', 'done'); // the demo, not the broken one
      const [file] = await Promise.all([page.waitForEvent('download'), notice.getByRole('button', { name: /Download/ }).click()]);
      expect(readFileSync(await file.path(), 'utf8')).toBe(bad);
      await page.reload();
      await expect(w.root.locator('[data-part="load-status"]')).toBeHidden(); // reported once
      await w.tab('Simulate').click();
      await expect(w.root.locator('[data-part="set-aside"]')).toBeVisible(); // still there to download
      await w.root.locator('[data-part="set-aside"]').getByRole('button', { name: /Discard/ }).click();
      expect(await page.evaluate((k) => localStorage.getItem(k + ':unreadable'), KEY)).toBeNull();
      await page.evaluate(() => localStorage.clear());
    }
  });
});

test.describe('a row being typed', () => {
  const simulate = async (page) => {
    await page.goto('/');
    await widget(page).tab('Simulate').click();
    await expect(widget(page).report).toHaveAttribute('data-state', 'done');
    return widget(page).root;
  };

  test('a half-typed amount in a new account marks that row and keeps the report of the rest', async ({ page }) => {
    const w = await simulate(page);
    const n = demo.accounts.length + 1;
    await w.getByRole('button', { name: 'Add account' }).click();
    const spend = w.getByLabel(`Planned spend (Ad accounts ${n})`);
    await spend.fill('12,');
    await expect(spend).toHaveAttribute('aria-invalid', 'true');
    await expect(w.locator(`[data-error-for^="accounts[${n - 1}]"]`)).toContainText(`accounts[${n - 1}].planned_spend`);
    await expect(widget(page).report).toHaveAttribute('data-state', 'input-error');
    await expect(w.locator('[data-part="skipped"]')).toContainText('left out of the check');
    // The rest is still checked: findings, the after-state and the steps of the demo.
    await expect(w.locator('[data-part="findings"] [data-rule="currency-mismatch"]')).toBeVisible();
    await expect(w.locator('[data-part="after-accounts"] tbody tr')).toHaveCount(demo.accounts.length);
    await expect(w.locator('[data-part="steps"] > li').first()).toBeVisible();
    await expect(spend).toHaveValue('12,'); // nothing typed is lost
    await spend.fill('12.00');
    await expect(widget(page).report).toHaveAttribute('data-state', 'done');
    await expect(w.locator('[data-part="after-accounts"] tbody tr')).toHaveCount(n);
  });

  test('a bad amount on an allocation line and a bad credit row each leave the rest checked', async ({ page }) => {
    const w = await simulate(page);
    await w.getByLabel('Amount (Allocation plan 1)').fill('1,5');
    await expect(w.getByLabel('Amount (Allocation plan 1)')).toHaveAttribute('aria-invalid', 'true');
    await expect(w.locator('[data-part="findings"] [data-rule="currency-mismatch"]')).toBeVisible();
    await w.getByLabel('Amount (Allocation plan 1)').fill('100.00');
    await expect(widget(page).report).toHaveAttribute('data-state', 'done');
    await w.getByLabel('Amount (Ad credits in the Business Center 1)').fill('5 000');
    await expect(w.getByLabel('Amount (Ad credits in the Business Center 1)')).toHaveAttribute('aria-invalid', 'true');
    // Lines drawing on that credit wait for it; the others are still checked.
    await expect(w.locator('[data-part="after-accounts"] tbody tr')).toHaveCount(demo.accounts.length);
    await expect(w.locator('[data-part="report"] [data-part="findings"], [data-part="report"] p').first()).toBeVisible();
  });
});

test.describe('persistence', () => {
  test('an edit followed at once by a reload is kept', async ({ page }) => {
    await page.goto('/');
    const w = widget(page);
    await w.tab('Simulate').click();
    await w.root.getByLabel('Business entity', { exact: true }).fill('Quick Reload Ltd');
    await page.reload(); // no wait: the debounced save must be flushed on pagehide
    await w.tab('Simulate').click(); // Simulate's code loads when the tab is first opened
    await expect(w.root.getByLabel('Business entity', { exact: true })).toHaveValue('Quick Reload Ltd');
  });

  test('an edit is saved at once when the page goes into the background', async ({ page }) => {
    await page.goto('/');
    const w = widget(page);
    await w.tab('Simulate').click();
    await w.root.getByLabel('Business entity', { exact: true }).fill('Backgrounded Ltd');
    const saved = await page.evaluate((k) => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
      return JSON.parse(localStorage.getItem(k)).business_center.entity;
    }, KEY);
    expect(saved).toBe('Backgrounded Ltd');
  });

  test('opening a share link keeps the visitor\'s own scenario, and they can switch back', async ({ page }) => {
    await page.goto('/');
    const w = widget(page);
    await w.tab('Simulate').click();
    await w.root.getByLabel('Business entity', { exact: true }).fill('My Own Agency');
    await expect(w.report).toHaveAttribute('data-state', 'done');
    const shared = structuredClone(demo);
    shared.business_center.entity = 'Shared With Me';
    await page.goto('/' + shareHash(shared));
    await expect(w.root.getByLabel('Business entity', { exact: true })).toHaveValue('Shared With Me');
    const kept = w.root.locator('[data-part="kept"]');
    await expect(kept).toContainText('kept');
    await kept.getByRole('button', { name: /Switch/ }).first().click();
    await expect(w.root.getByLabel('Business entity', { exact: true })).toHaveValue('My Own Agency');
    // The shared one is kept in turn, and a reload stays on the visitor's choice.
    await expect(kept.getByRole('button', { name: /Switch/ }).first()).toBeVisible();
    await page.goto('/');
    await w.tab('Simulate').click(); // Simulate's code loads when the tab is first opened
    await expect(w.root.getByLabel('Business entity', { exact: true })).toHaveValue('My Own Agency');
    await kept.getByRole('button', { name: /Switch/ }).first().click();
    await expect(w.root.getByLabel('Business entity', { exact: true })).toHaveValue('Shared With Me');
  });

  test('opening the same share link twice keeps one copy, not two', async ({ page }) => {
    const shared = structuredClone(demo);
    shared.business_center.entity = 'Shared Twice';
    await page.goto('/' + shareHash(shared));
    await expect(widget(page).report).toHaveAttribute('data-state', 'done');
    await page.goto('/');
    await page.goto('/' + shareHash(shared));
    await expect(widget(page).report).toHaveAttribute('data-state', 'done');
    await page.reload();
    await expect(widget(page).report).toHaveAttribute('data-state', 'done');
    // The demo the page started with was never the visitor's: nothing is kept.
    await expect(widget(page).root.locator('[data-part="kept"] li')).toHaveCount(0);
  });
});

test.describe('a broken asset breaks only what needs it', () => {
  test('a corrupt search bundle: checks and moves still work, search rejects with code "bundle"', async ({ page }) => {
    page.allowProblem(/adcredit\.bundle|could not start/);
    await page.route('**/adcredit.bundle', (route) => route.fulfill({ status: 200, contentType: 'application/octet-stream', body: Buffer.from('corrupt') }));
    await page.goto('/');
    const got = await page.evaluate(async (demo) => {
      const m = await import('./adcredit.js');
      const code = (p) => p.then(() => 'ok', (e) => e.code);
      return {
        check: (await m.checkPlan(demo)).valid,
        move: (await m.canMove({ fund: 'ad_credit', from: 'us', to: 'de', scenario: demo })).rule,
        search: await code(m.search('credit')),
        init: await code(m.init()),
      };
    }, demo);
    expect(got).toEqual({ check: false, move: expect.any(String), search: 'bundle', init: 'bundle' });
    const w = widget(page);
    await w.tab('Simulate').click();
    await expect(w.report).toHaveAttribute('data-state', 'done');
    await expect(w.findings.first()).toBeVisible();
  });

  test('a missing bundle is a clear message in Ask and no unhandled rejection in the worker', async ({ page }) => {
    // The fixture fails the test on any other console error (an unhandled rejection is one).
    page.allowProblem(/adcredit\.bundle.*404|404.*adcredit\.bundle|Failed to load resource/);
    await page.route('**/adcredit.bundle', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto('/');
    const status = widget(page).root.locator('[data-part="load-status"]');
    await expect(status).toContainText('adcredit.bundle');
    await expect(status).toContainText('Simulate');
    await page.waitForTimeout(500);
  });

  test('a truncated adcredit.js leaves fallback text that says what failed and links the FAQ', async ({ page }) => {
    page.allowProblem(/SyntaxError|Unexpected|Invalid|missing/i);
    const js = readFileSync(join(DIST, 'adcredit.js'));
    await page.route('**/adcredit.js', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: js.subarray(0, js.length >> 1) }));
    await page.goto('/');
    const fallback = page.locator('[data-fallback]');
    await expect(fallback).toBeVisible({ timeout: 10000 });
    await expect(fallback).toContainText('did not load');
    const href = await fallback.locator('a').first().getAttribute('href');
    expect(href).toMatch(/^\.\/faq\.html/);
    // The plain page works without any script.
    const res = await page.request.get(href);
    expect(res.status()).toBe(200);
    const text = await res.text();
    expect(text).toContain('ad credit');
    expect(text).not.toMatch(/\{(F\d|advice)/); // fact markers are for the indexer only
  });
});
