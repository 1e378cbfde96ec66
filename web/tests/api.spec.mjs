// The ES module of CONTRACT §7 (init, checkPlan, canMove, search, ask) and the static server.
import http from 'node:http';
import { join } from 'node:path';
import { test, expect, readJson, WEB, DIST } from './fixtures.mjs';
import { serve } from '../serve.mjs';

const demo = readJson(join(WEB, 'src', 'demo-scenario.json'));

test('init() is idempotent and the API answers with the contract shapes', async ({ page }) => {
  await page.goto('/');
  const out = await page.evaluate(async (demo) => {
    const m = await import('./adcredit.js');
    const a = m.init();
    const same = a === m.init();
    const info = await a;
    const report = await m.checkPlan(demo);
    const verdict = await m.canMove({ fund: 'ad_credit', from: 'us', to: 'de', amount: '10.00', scenario: demo });
    const hits = await m.search('move credit', { limit: 3 });
    const reply = await m.ask('can I move credit from us to de?', demo);
    return { same, info, report, verdict, hits, reply };
  }, demo);
  expect(out.same).toBe(true);
  expect(typeof out.info.schemaVersion).toBe('number');
  expect(typeof out.report.valid).toBe('boolean');
  expect(Array.isArray(out.report.findings)).toBe(true);
  for (const c of out.report.after.business_center.ad_credits) expect(typeof c.remaining).toBe('string');
  expect(out.verdict.allowed).toBe(false);
  expect(['ad-credit-locked', 'portfolio-excludes-ad-credit']).toContain(out.verdict.rule);
  expect(typeof out.verdict.source).toBe('string');
  expect(out.hits.results.length).toBeGreaterThan(0);
  expect(out.hits.results.length).toBeLessThanOrEqual(3);
  for (const k of ['id', 'title', 'score', 'snippet']) expect(out.hits.results[0]).toHaveProperty(k);
  expect(out.reply.verdict?.rule).toBe(out.verdict.rule);
});

test('bad input rejects with an Error whose code is "input" and whose message names the path', async ({ page }) => {
  await page.goto('/');
  const errs = await page.evaluate(async (demo) => {
    const m = await import('./adcredit.js');
    const bad = structuredClone(demo);
    bad.accounts[2].planned_spend = '12,50';
    const catchIt = (p) => p.then(() => null, (e) => ({ isError: e instanceof Error, code: e.code, message: e.message }));
    return [
      await catchIt(m.checkPlan(bad)),
      await catchIt(m.checkPlan({})),
      await catchIt(m.canMove({ fund: 'gold', from: 'bc', to: 'us' })),
      await catchIt(m.checkPlan({ f: () => 1 })),
    ];
  }, demo);
  for (const e of errs) expect(e).toMatchObject({ isError: true, code: 'input' });
  expect(errs[0].message).toContain('accounts[2].planned_spend');
  expect(errs[2].message).toContain('fund');
});

test('input errors carry error.path; NaN, lone surrogates and deep nesting are named at their path', async ({ page }) => {
  await page.goto('/');
  const errs = await page.evaluate(async (demo) => {
    const m = await import('./adcredit.js');
    const catchIt = (p) => p.then(() => null, (e) => ({ code: e.code, path: e.path, message: e.message }));
    const withAccount = (f) => {
      const s = structuredClone(demo);
      f(s.accounts[2]);
      return s;
    };
    let deep = 1;
    for (let i = 0; i < 100; i++) deep = { a: deep };
    return {
      comma: await catchIt(m.checkPlan(withAccount((a) => (a.planned_spend = '12,50')))),
      fund: await catchIt(m.canMove({ fund: 'gold', from: 'bc', to: 'us' })),
      nan: await catchIt(m.checkPlan(withAccount((a) => (a.planned_spend = NaN)))),
      inf: await catchIt(m.canMove({ fund: 'cash', from: 'bc', to: 'us', amount: -Infinity })),
      surrogate: await catchIt(m.checkPlan(withAccount((a) => (a.name = 'DE \ud800 shop')))),
      deep: await catchIt(m.checkPlan(withAccount((a) => (a.name = deep)))),
      reserved: await catchIt(m.checkPlan(withAccount((a) => (a.id = 'ｂ\u200bｃ ')))),
    };
  }, demo);
  const hint = '(amounts are decimal strings such as "12.50")';
  expect(errs).toEqual({
    comma: { code: 'input', path: 'accounts[2].planned_spend', message: 'accounts[2].planned_spend: "12,50" is not a decimal amount' },
    fund: { code: 'input', path: 'fund', message: 'fund: "gold" is not one of `ad_credit`, `cash`, `credit_line`' },
    nan: { code: 'input', path: 'accounts[2].planned_spend', message: `accounts[2].planned_spend: NaN is not a number JSON allows ${hint}` },
    inf: { code: 'input', path: 'amount', message: `amount: -Infinity is not a number JSON allows ${hint}` },
    surrogate: {
      code: 'input',
      path: 'accounts[2].name',
      message: 'accounts[2].name: contains an unpaired surrogate (\\ud800); text must be valid Unicode',
    },
    deep: { code: 'input', path: 'accounts[2].name', message: 'accounts[2].name: nested deeper than 64 levels' },
    reserved: {
      code: 'input',
      path: 'accounts[2].id',
      message: 'accounts[2].id: "bc" is reserved for the Business Center itself; give the account another id',
    },
  });
});

test('search and ask take a limit from 1 to 50, one check, one message', async ({ page }) => {
  await page.goto('/');
  const got = await page.evaluate(async () => {
    const m = await import('./adcredit.js');
    await m.init();
    const catchIt = (p) => p.then((r) => ({ n: r.results.length }), (e) => ({ code: e.code, path: e.path, message: e.message }));
    const bad = [0, -1, 51, 1.5, 1e9, NaN, Infinity, '5', true];
    return {
      search: await Promise.all(bad.map((limit) => catchIt(m.search('move credit', { limit })))),
      ask: await Promise.all(bad.map((limit) => catchIt(m.ask('move credit', undefined, { limit })))),
      one: await catchIt(m.search('credit', { limit: 1 })),
      fifty: await catchIt(m.search('credit', { limit: 50 })),
    };
  });
  const refused = { code: 'input', path: 'limit', message: 'limit: must be an integer from 1 to 50' };
  for (const e of [...got.search, ...got.ask]) expect(e).toEqual(refused);
  expect(got.one).toEqual({ n: 1 });
  expect(got.fifty.n).toBeGreaterThan(1);
  expect(got.fifty.n).toBeLessThanOrEqual(50);
});

/** GET with the path sent as written (no URL normalisation), → status code. */
const rawStatus = (base, path) =>
  new Promise((done, fail) => {
    const u = new URL(base);
    http.get({ host: u.hostname, port: u.port, path }, (res) => (res.resume(), done(res.statusCode))).on('error', fail);
  });

test('the server: MIME types, gzip, no-cache, no traversal', async ({ request, baseURL }) => {
  const wasm = await request.get('/adcredit_search_bg.wasm');
  expect(wasm.headers()['content-type']).toBe('application/wasm');
  expect(wasm.headers()['cache-control']).toBe('no-cache');
  const js = await request.get('/adcredit.js', { headers: { 'Accept-Encoding': 'gzip' } });
  expect(js.headers()['content-type']).toMatch(/^text\/javascript/);
  expect(js.headers()['content-encoding']).toBe('gzip');
  // web/dist/../serve.mjs, ../build.mjs and ../../Cargo.toml exist: none of these may reach them.
  for (const p of ['/../serve.mjs', '/../build.mjs', '/%2e%2e/serve.mjs', '/..%2fserve.mjs', '/%2e%2e%2f%2e%2e%2fCargo.toml', '/..\\serve.mjs'])
    expect(await rawStatus(baseURL, p), p).toBe(404);
  expect((await request.get('/nope.js')).status()).toBe(404);
});

test('the site works from a sub-path (relative URLs only)', async ({ page }) => {
  const server = await serve({ dir: DIST, port: 0, prefix: '/some/sub/path/' });
  try {
    const { port } = server.address();
    await page.goto(`http://127.0.0.1:${port}/some/sub/path/`);
    const search = page.locator('adcredit-help input[type="search"]');
    await search.fill('Can I share TikTok ad credit across accounts?');
    await search.press('Enter');
    await expect(page.locator('adcredit-help [data-result-id]').first()).toBeVisible();
  } finally {
    server.close();
  }
});

test('a corrupt search bundle rejects init() with code "bundle"; the widget says so', async ({ page }) => {
  page.allowProblem(/adcredit\.bundle|could not start/);
  await page.route('**/adcredit.bundle', (route) => route.fulfill({ status: 200, contentType: 'application/octet-stream', body: Buffer.from('not a bundle at all, just bytes') }));
  await page.goto('/');
  const err = await page.evaluate(async () => {
    const m = await import('./adcredit.js');
    return m.init().then(() => null, (e) => ({ code: e.code, message: e.message, isError: e instanceof Error }));
  });
  expect(err).toMatchObject({ code: 'bundle', isError: true });
  await expect(page.locator('adcredit-help [data-part="load-status"]')).toContainText('could not start');
});

test('a missing wasm file is a clear error, not a hang', async ({ page }) => {
  page.allowProblem(/adcredit_search_bg\.wasm|404|could not start|Failed to load/);
  await page.route('**/adcredit_search_bg.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto('/');
  await expect(page.locator('adcredit-help [data-part="load-status"]')).toContainText('adcredit_search_bg.wasm');
});

test('a missing rules module fails checkPlan with code "load"; search still answers', async ({ page }) => {
  page.allowProblem(/adcredit_rules_bg\.wasm|404|could not start|Failed to load/);
  await page.route('**/adcredit_rules_bg.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto('/');
  const got = await page.evaluate(async () => {
    const m = await import('./adcredit.js');
    const hits = await m.search('move credit', { limit: 2 });
    const err = await m.checkPlan({}).then(() => null, (e) => ({ code: e.code, message: e.message }));
    return { n: hits.results.length, err };
  });
  expect(got.n).toBe(2);
  expect(got.err.code).toBe('load');
  expect(got.err.message).toContain('adcredit_rules_bg.wasm');
});

test('searching loads only the search module; the rules module comes with the first check', async ({ page }) => {
  const wasm = [];
  page.context().on('request', (r) => r.url().endsWith('.wasm') && wasm.push(new URL(r.url()).pathname.split('/').pop()));
  await page.goto('/');
  const reply = await page.evaluate(async () => {
    const m = await import('./adcredit.js');
    await m.search('who can allocate credit');
    // Not about moving money: the scenario is not read, so a broken one is no error.
    return m.ask('what is a credit line?', { broken: true });
  });
  expect(reply.results.length).toBeGreaterThan(0);
  expect(wasm).toEqual(['adcredit_search_bg.wasm']);
  const err = await page.evaluate(async () => {
    const m = await import('./adcredit.js');
    return m.ask('can I move credit from de to at?', { broken: true }).then(() => null, (e) => e.code);
  });
  expect(err).toBe('input');
  expect(wasm).toEqual(['adcredit_search_bg.wasm', 'adcredit_rules_bg.wasm']);
});
