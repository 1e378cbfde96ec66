// A 1,000-account, 1,000-line scenario (issue 13, item 4): the page stays responsive. A
// PerformanceObserver records main-thread long tasks while the share link opens, a field is
// edited and the plan is checked again; the figures are printed (the goal is no task over
// 200 ms; the assertion is a generous bound so a slow, shared machine does not fail it).
import { test, expect, widget, shareHash } from './fixtures.mjs';

function large(n) {
  const accounts = Array.from({ length: n }, (_, i) => ({
    id: `acc-${i}`,
    name: `Store ${i}`,
    entity: 'Acme',
    currency: 'USD',
    status: 'active',
    in_payment_portfolio: i % 2 === 0,
    ad_credit_balance: '0.00',
    cash_balance: '10.00',
    planned_spend: '5.00',
  }));
  return {
    today: '2026-11-24',
    actor_role: 'admin',
    business_center: { entity: 'Acme', currency: 'USD', ad_credits: [{ id: 'big', amount: '1000000.00', expires: '2027-06-30' }], cash_balance: '0.00', credit_line: '0.00' },
    accounts,
    allocations: accounts.map((a) => ({ credit: 'big', account: a.id, amount: '1.00' })),
  };
}

test('1,000 accounts and 1,000 lines open, edit and re-check without long main-thread tasks', async ({ page }) => {
  test.setTimeout(180_000);
  await page.addInitScript(() => {
    window.__long = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) window.__long.push({ at: e.startTime, ms: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  const s = large(1000);
  const t0 = Date.now();
  await page.goto('/' + shareHash(s));
  const w = widget(page);
  await expect(w.report).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  const firstReport = Date.now() - t0;
  const open = await page.evaluate(() => window.__long.splice(0));

  // Time from the edit to the next report (the re-check is debounced by 120 ms).
  await page.evaluate(() => {
    window.__report = new Promise((done) => document.querySelector('adcredit-help').addEventListener('adcredit-report', () => done(performance.now()), { once: true }));
    window.__edit = performance.now();
  });
  await w.root.getByLabel('Planned spend (Ad accounts 1)').fill('6.00');
  const recheck = Math.round(await page.evaluate(async () => (await window.__report) - window.__edit));
  await expect(w.report).toHaveAttribute('data-state', 'done');
  const edit = await page.evaluate(() => window.__long.splice(0));

  const options = await w.root.locator('option').count();
  const max = (l) => Math.round(Math.max(0, ...l.map((e) => e.ms)));
  const figures = {
    options,
    firstReportMs: firstReport,
    openMaxTaskMs: max(open),
    openLongTasks: open.length,
    recheckMs: recheck,
    editMaxTaskMs: max(edit),
    editLongTasks: edit.length,
  };
  console.log('large scenario:', JSON.stringify(figures));
  expect(options).toBeLessThan(10_000);
  expect(figures.openMaxTaskMs).toBeLessThan(1000);
  expect(figures.editMaxTaskMs).toBeLessThan(1000);

  // Long tables show a page of rows, and more on request; a lazy <select> fills when opened.
  const rows = w.root.locator('[data-path="accounts"] tbody tr');
  const shown = await rows.count();
  expect(shown).toBeLessThan(1000);
  await w.root.locator('fieldset', { has: page.getByRole('region', { name: 'Ad accounts' }) }).getByRole('button', { name: /Show more/ }).click();
  await expect(rows).toHaveCount(shown * 2);
  const account = w.root.getByLabel('Account (Allocation plan 1)');
  await account.focus();
  expect(await account.locator('option').count()).toBe(1000);
  await account.selectOption('acc-999');
  await expect(w.report).toHaveAttribute('data-state', 'done');
});
