// Simulate: editing, input errors next to their field, add/remove lines, import/export,
// share links, and the scenario surviving a reload until it is cleared.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, widget, openShared, readJson, WEB } from './fixtures.mjs';

const demo = readJson(join(WEB, 'src', 'demo-scenario.json'));
const simulate = async (page) => {
  await page.goto('/');
  await widget(page).tab('Simulate').click();
  await expect(widget(page).report).toHaveAttribute('data-state', 'done');
  return widget(page).root;
};

test('the demo shows findings, the after-state and numbered irreversible steps', async ({ page }) => {
  const w = await simulate(page);
  await expect(widget(page).findings.first()).toBeVisible();
  for (const rule of ['account-not-approved', 'currency-mismatch']) await expect(w.locator(`[data-part="findings"] [data-rule="${rule}"]`)).toBeVisible();
  await expect(w.locator('[data-part="after-bc"] tbody tr')).toHaveCount(demo.business_center.ad_credits.length);
  await expect(w.locator('[data-part="after-accounts"] tbody tr')).toHaveCount(demo.accounts.length);
  const steps = w.locator('[data-part="steps"] > li');
  expect(await steps.count()).toBeGreaterThan(0);
  await expect(steps.first()).toContainText('Irreversible');
  for (const a of await w.locator('[data-part="findings"] a[data-source]').all())
    expect(await a.getAttribute('href')).toMatch(/^#(faq|article)\//);
});

test('an unreadable amount shows next to its field, keeps the text, and clears when fixed', async ({ page }) => {
  const w = await simulate(page);
  const field = w.getByLabel('Planned spend (Ad accounts 1)');
  await field.fill('12,50');
  await expect(widget(page).report).toHaveAttribute('data-state', 'input-error');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  const err = w.locator('[data-error-for="accounts[0].planned_spend"]');
  await expect(err).toContainText('accounts[0].planned_spend');
  await expect(field).toHaveValue('12,50');
  await field.fill('800.00');
  await expect(widget(page).report).toHaveAttribute('data-state', 'done');
  await expect(err).toHaveCount(0);
});

test('allocation lines can be added and removed, and findings follow', async ({ page }) => {
  const w = await simulate(page);
  const rows = w.locator('[data-path="allocations"] tbody tr');
  const before = await rows.count();
  await w.getByRole('button', { name: 'Add allocation line' }).click();
  await expect(rows).toHaveCount(before + 1);
  await expect(w.getByLabel(`Credit (Allocation plan ${before + 1})`)).toBeFocused(); // the new line's first field
  await w.getByLabel(`Account (Allocation plan ${before + 1})`).selectOption('nl');
  await w.getByLabel(`Amount (Allocation plan ${before + 1})`).fill('10.00');
  await expect(w.locator('[data-part="findings"] [data-rule="account-suspended"][data-severity="error"]')).toBeVisible();
  await w.getByRole('button', { name: `Remove Allocation plan ${before + 1}` }).click();
  await expect(rows).toHaveCount(before);
  await expect(w.locator('[data-part="findings"] [data-rule="account-suspended"][data-severity="error"]')).toHaveCount(0);
});

test('export JSON, import it back, and export the steps as CSV', async ({ page }) => {
  const w = await simulate(page);
  await w.getByLabel('Name (Ad accounts 1)').fill('US store — renamed');
  await expect(widget(page).report).toHaveAttribute('data-state', 'done');
  const [json] = await Promise.all([page.waitForEvent('download'), w.getByRole('button', { name: 'Export JSON' }).click()]);
  const exported = JSON.parse(readFileSync(await json.path(), 'utf8'));
  expect(exported.accounts[0].name).toBe('US store — renamed');
  expect(typeof exported.allocations[0].amount).toBe('string');

  const [csv] = await Promise.all([page.waitForEvent('download'), w.getByRole('button', { name: 'Export steps (CSV)' }).click()]);
  const lines = readFileSync(await csv.path(), 'utf8').trim().split('\r\n');
  expect(lines[0]).toBe('order,account,credit,amount,irreversible');
  expect(lines.length).toBe((await w.locator('[data-part="steps"] > li').count()) + 1);

  await w.getByRole('button', { name: 'Clear' }).click();
  await expect(w.locator('[data-path="accounts"] tbody tr')).toHaveCount(0);
  const file = join(WEB, 'test-results', 'import.json');
  writeFileSync(file, JSON.stringify(exported));
  await w.locator('input[type="file"]').setInputFiles(file);
  await expect(w.getByLabel('Name (Ad accounts 1)')).toHaveValue('US store — renamed');
  await expect(widget(page).report).toHaveAttribute('data-state', 'done');
});

test('copy share link gives a link that restores everything', async ({ page, browser }) => {
  const w = await simulate(page);
  await w.getByLabel('Planned spend (Ad accounts 2)').fill('650.00');
  await w.getByRole('button', { name: 'Copy share link' }).click();
  const link = await w.locator('[data-part="share-link"]').inputValue();
  expect(link).toMatch(/#s=[A-Za-z0-9_-]+$/);
  const other = await browser.newPage();
  await other.goto(link);
  const o = widget(other);
  await expect(o.report).toHaveAttribute('data-state', 'done');
  await expect(o.tab('Simulate')).toHaveAttribute('aria-selected', 'true');
  await expect(o.root.getByLabel('Planned spend (Ad accounts 2)')).toHaveValue('650.00');
  const a = await widget(page).findings.evaluateAll((els) => els.map((e) => e.dataset.rule));
  const b = await o.findings.evaluateAll((els) => els.map((e) => e.dataset.rule));
  expect(b).toEqual(a);
  await other.close();
});

test('the scenario survives a reload until the visitor clears it', async ({ page }) => {
  const w = await simulate(page);
  await w.getByLabel('Business entity', { exact: true }).fill('Contoso Agency');
  await page.waitForTimeout(500); // saving is debounced
  await page.reload();
  await expect(widget(page).root.getByLabel('Business entity', { exact: true })).toHaveValue('Contoso Agency');
  await widget(page).tab('Simulate').click();
  await widget(page).root.getByRole('button', { name: 'Clear' }).click();
  await page.reload();
  await expect(widget(page).root.getByLabel('Business entity', { exact: true })).toHaveValue(demo.business_center.entity);
});

test('a share link opens straight into Simulate with its findings', async ({ page }) => {
  const s = structuredClone(demo);
  s.allocations = [{ credit: 'q4-promo', account: 'de', amount: '0.00' }];
  await openShared(page, s);
  await expect(widget(page).tab('Simulate')).toHaveAttribute('aria-selected', 'true');
  await expect(widget(page).root.locator('[data-part="findings"] [data-rule="invalid-amount"]')).toBeVisible();
});

test('ids that look like object keys and a scenario without allocations still open', async ({ page }) => {
  const s = structuredClone(demo);
  s.business_center.ad_credits[0].id = 'toString';
  s.allocations = [{ credit: 'toString', account: 'us', amount: '100.00' }];
  await openShared(page, s);
  await expect(widget(page).root.getByLabel('Credit (Allocation plan 1)')).toHaveValue('toString');
  delete s.allocations;
  await openShared(page, s);
  await expect(widget(page).report).toHaveAttribute('data-state', 'done');
  await expect(widget(page).root.locator('[data-path="allocations"] tbody tr')).toHaveCount(0);
});

test('a field a finding points at is marked, and unmarked once fixed', async ({ page }) => {
  const w = await simulate(page);
  const amount = w.getByLabel('Amount (Allocation plan 1)');
  await amount.fill('10.005'); // more decimals than the currency allows: an invalid-amount finding with a path
  await expect(w.locator('[data-part="findings"] [data-rule="invalid-amount"]')).toBeVisible();
  await expect(amount).toHaveAttribute('data-severity', 'error');
  await amount.fill('10.00');
  await expect(w.locator('[data-part="findings"] [data-rule="invalid-amount"]')).toHaveCount(0);
  await expect(amount).not.toHaveAttribute('data-severity');
});

test('Suggest a plan replaces the lines, says why per account, draws them, and Undo brings the lines back', async ({ page }) => {
  const w = await simulate(page);
  const rows = w.locator('[data-path="allocations"] tbody tr');
  const typed = await rows.count();
  // The typed plan is drawn: one bar per account, the credits on a time line, and a table.
  await expect(w.locator('[data-chart="accounts"] [data-account]')).toHaveCount(demo.accounts.length);
  await expect(w.locator('[data-chart="credits"] [data-credit]')).toHaveCount(demo.business_center.ad_credits.length);
  await expect(w.locator('[data-part="plan-table"] tbody tr')).toHaveCount(demo.accounts.length);
  await w.getByRole('button', { name: 'Suggest a plan' }).click();
  const why = w.locator('[data-part="plan-accounts"] > li');
  await expect(why).toHaveCount(demo.accounts.length);
  await expect(widget(page).report).toHaveAttribute('data-state', 'done');
  // The suggestion is what the core suggests: valid for this role, nothing locked.
  const plan = await page.evaluate(async (s) => (await import('./adcredit.js')).suggestPlan(s), demo);
  await expect(rows).toHaveCount(plan.allocations.length);
  await expect(w.locator('[data-part="findings"] [data-severity="error"]')).toHaveCount(0);
  await expect(w.locator('[data-part="findings"] [data-rule="exceeds-planned-spend"]')).toHaveCount(0);
  for (const a of plan.accounts) await expect(w.locator(`[data-part="plan-accounts"] > li[data-account="${a.account}"]`)).toContainText(a.why);
  for (const k of plan.skipped) await expect(w.locator(`[data-part="plan-accounts"] > li[data-account="${k.account}"] [data-rule="${k.rule}"]`)).toBeVisible();
  await expect(w.locator('[data-part="plan-picture"] h4')).toHaveText('The suggested plan as a picture');
  // Undo: the typed lines are back.
  await w.getByRole('button', { name: 'Undo' }).click();
  await expect(rows).toHaveCount(typed);
  await expect(why).toHaveCount(0);
  await expect(w.getByRole('button', { name: 'Undo' })).toBeHidden();
  await expect(w.locator('[data-part="plan-picture"] h4')).toHaveText('Your plan as a picture');
});
