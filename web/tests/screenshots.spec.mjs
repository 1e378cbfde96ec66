// Screenshots of each part, dark mode and a 360 px phone, saved to web/test-results/screenshots/.
import { join } from 'node:path';
import { test, expect, widget, askWidget, SHOTS } from './fixtures.mjs';

const shot = (page, name) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

async function tour(page, prefix) {
  const w = widget(page);
  await page.goto('/');
  await askWidget(page, 'Can I move ad credit to another account?');
  await shot(page, `${prefix}ask`);
  await askWidget(page, 'can I move ad credit from us to de?');
  await shot(page, `${prefix}ask-verdict`);
  await w.tab('Simulate').click();
  await expect(w.report).toHaveAttribute('data-state', 'done');
  await expect(w.root.locator('[data-chart="accounts"]')).toBeVisible();
  await shot(page, `${prefix}simulate`);
  await w.root.locator('[data-path="accounts"]').screenshot({ path: join(SHOTS, `${prefix}simulate-accounts.png`) });
  await w.root.getByRole('button', { name: 'Suggest a plan' }).click();
  await expect(w.root.locator('[data-part="plan-accounts"]')).toBeVisible();
  await expect(w.report).toHaveAttribute('data-state', 'done');
  await w.root.locator('[data-part="plan"]').screenshot({ path: join(SHOTS, `${prefix}simulate-plan.png`) });
  await shot(page, `${prefix}simulate-suggested`);
  await w.tab('Can I move?').click();
  await w.root.getByLabel('From', { exact: true }).selectOption('us');
  await w.root.getByLabel('To', { exact: true }).selectOption('de');
  await w.root.getByRole('button', { name: 'Can I move it?' }).click();
  await expect(w.root.locator('[data-part="move-verdict"] [data-rule]')).toBeVisible();
  await shot(page, `${prefix}move`);
}

test('light, 1280 px', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await tour(page, '');
});

test('dark, 1280 px', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await tour(page, 'dark-');
});

test('phone, 360 px', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await tour(page, 'narrow-');
  // Nothing but the scrollable tables may be wider than the screen.
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(wide).toBeLessThanOrEqual(360);
});
