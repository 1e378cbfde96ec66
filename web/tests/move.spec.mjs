// Can I move?: the form's verdicts match the native `adcredit can-move`, and bad input
// shows next to its field.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, widget, BIN, native, WEB, readJson } from './fixtures.mjs';
const demo = readJson(join(WEB, 'src', 'demo-scenario.json'));

const cases = [
  { fund: 'ad_credit', from: 'bc', to: 'us', rule: 'manual-allocation', allowed: true },
  { fund: 'ad_credit', from: 'us', to: 'de', rule: null, allowed: false }, // locked, or excluded from the portfolio
  { fund: 'ad_credit', from: 'us', to: 'uk', rule: null, allowed: false },
  { fund: 'ad_credit', from: 'de', to: 'bc', rule: 'ad-credit-no-return', allowed: false },
  { fund: 'ad_credit', from: 'bc', to: 'nl', rule: 'account-suspended', allowed: false },
  { fund: 'ad_credit', from: 'bc', to: 'at', rule: 'account-not-approved', allowed: false },
  { fund: 'ad_credit', from: 'bc', to: 'uk', rule: 'currency-mismatch', allowed: false },
  { fund: 'cash', from: 'us', to: 'de', rule: 'portfolio-share', allowed: true },
  { fund: 'credit_line', from: 'us', to: 'uk', rule: null, allowed: false },
];

async function pick(page, c, amount = '') {
  const w = widget(page).root;
  await w.getByLabel('What', { exact: true }).selectOption(c.fund);
  await w.getByLabel('From', { exact: true }).selectOption(c.from);
  await w.getByLabel('To', { exact: true }).selectOption(c.to);
  await w.getByLabel('Amount (optional)').fill(amount);
  await w.getByRole('button', { name: 'Can I move it?' }).click();
}

test('the can-move form answers each case like the rules do', async ({ page }) => {
  await page.goto('/');
  await widget(page).tab('Can I move?').click();
  const file = join(WEB, 'test-results', 'demo-scenario.json');
  writeFileSync(file, JSON.stringify(demo));
  for (const c of cases) {
    await pick(page, c);
    const v = widget(page).root.locator('[data-part="move-verdict"] [data-rule]');
    await expect(v).toBeVisible();
    if (c.rule) await expect(v).toHaveAttribute('data-rule', c.rule);
    await expect(v).toHaveAttribute('data-allowed', String(c.allowed));
    await expect(v.locator('a[data-source]')).toBeVisible();
    if (BIN) {
      const n = native(['can-move', '--json', '--fund', c.fund, '--from', c.from, '--to', c.to, '--scenario', file]);
      await expect(v).toHaveAttribute('data-rule', n.json.rule);
      await expect(v).toHaveAttribute('data-allowed', String(n.json.allowed));
    }
  }
});

test('a bad amount shows next to the amount field and keeps what was typed', async ({ page }) => {
  await page.goto('/');
  await widget(page).tab('Can I move?').click();
  await pick(page, cases[0], '12,50');
  const field = widget(page).root.getByLabel('Amount (optional)');
  await expect(field).toHaveValue('12,50');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(widget(page).root.locator('.err[data-error-for]')).toContainText('12,50');
  await pick(page, cases[0], '50.00');
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
  await expect(widget(page).root.locator('[data-part="move-verdict"] [data-rule]')).toHaveAttribute('data-rule', 'manual-allocation');
});
