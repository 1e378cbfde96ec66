// axe-core on every part of the widget and the page, light and dark: zero violations.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, widget, askWidget } from './fixtures.mjs';

for (const scheme of ['light', 'dark']) {
  test(`axe finds no violations in ${scheme} mode`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/');
    const w = widget(page);
    const scan = async (what) => {
      const r = await new AxeBuilder({ page }).analyze();
      const v = r.violations.map((x) => `${what}: ${x.id} (${x.impact}) ${x.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(v, `${what} in ${scheme}`).toEqual([]);
      return r.passes.length;
    };
    await askWidget(page, 'can I share ad credit');
    await w.search.press('ArrowDown');
    await scan('Ask with results');
    await askWidget(page, 'zqxv wombat');
    await scan('Ask without an answer');
    await w.tab('Simulate').click();
    await expect(w.report).toHaveAttribute('data-state', 'done');
    await scan('Simulate with a report');
    await w.root.getByLabel('Amount (Allocation plan 1)').fill('1,5');
    await expect(w.report).toHaveAttribute('data-state', 'input-error');
    await scan('Simulate with an input error');
    await w.tab('Can I move?').click();
    await w.root.getByRole('button', { name: 'Can I move it?' }).click();
    await expect(w.root.locator('[data-part="move-verdict"] [data-input-error]')).toContainText('allocations[0].amount');
    await scan('Can I move? with an input error in the scenario');
    await w.root.getByRole('button', { name: 'Fix it in Simulate' }).click();
    await w.root.getByLabel('Amount (Allocation plan 1)').fill('100.00');
    await expect(w.report).toHaveAttribute('data-state', 'done');
    await w.tab('Can I move?').click();
    await w.root.getByRole('button', { name: 'Can I move it?' }).click();
    await expect(w.root.locator('[data-part="move-verdict"] [data-rule]')).toBeVisible();
    await scan('Can I move? with a verdict');
  });
}

test('the theme attribute overrides the system scheme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  const bg = () => widget(page).root.evaluate((el) => getComputedStyle(el).backgroundColor);
  const light = await bg();
  await widget(page).root.evaluate((el) => el.setAttribute('theme', 'dark'));
  const dark = await bg();
  expect(dark).not.toBe(light);
  const r = await new AxeBuilder({ page }).include('adcredit-help').analyze();
  expect(r.violations.map((x) => x.id)).toEqual([]);
});
