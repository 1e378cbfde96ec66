// Keyboard only: open search with / and Ctrl+K, pick a result with the arrows, switch parts
// with the tab list's arrow keys, edit and check a move — never touching the mouse.
import { test, expect, widget } from './fixtures.mjs';

const focusedInWidget = (page) =>
  page.evaluate(() => {
    const a = document.querySelector('adcredit-help').shadowRoot.activeElement;
    return a ? { tag: a.tagName, role: a.getAttribute('role'), label: a.getAttribute('aria-label') || a.id || a.textContent, outline: getComputedStyle(a).outlineStyle } : null;
  });

test('a keyboard-only walkthrough of Ask, Simulate and Can I move?', async ({ page }) => {
  await page.goto('/');
  const w = widget(page);
  await expect(w.root.locator('[role="tab"]').first()).toBeVisible();

  // "/" opens the search from anywhere on the page.
  await page.locator('body').press('/');
  await expect(w.search).toBeFocused();
  await page.keyboard.type('share ad credit across accounts');
  await page.keyboard.press('Enter');
  await expect(w.root.locator('[data-part="ask"]')).toHaveAttribute('data-query', 'share ad credit across accounts');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const second = w.root.locator('[role="option"]').nth(1);
  await expect(second).toHaveAttribute('aria-selected', 'true');
  await expect(w.search).toHaveAttribute('aria-activedescendant', await second.getAttribute('id'));
  await page.keyboard.press('Enter');
  await expect(w.root.locator('[data-answer-id]')).toHaveAttribute('data-answer-id', await second.getAttribute('data-result-id'));
  await page.keyboard.press('Escape');
  await expect(w.search).toHaveAttribute('aria-expanded', 'false');

  // Shift+Tab back to the tab list; arrows move between parts.
  await page.keyboard.press('Shift+Tab');
  let f = await focusedInWidget(page);
  expect(f.role).toBe('tab');
  expect(f.outline).not.toBe('none'); // focus is visible
  await page.keyboard.press('ArrowRight');
  await expect(w.tab('Simulate')).toBeFocused();
  await expect(w.tab('Simulate')).toHaveAttribute('aria-selected', 'true');

  // Tab into Simulate (its code loads when the tab is first shown) and reach the first field
  // of the Business Center.
  await expect(w.root.getByLabel('Business entity', { exact: true })).toBeVisible();
  let found = false;
  for (let i = 0; i < 12 && !found; i++) {
    await page.keyboard.press('Tab');
    f = await focusedInWidget(page);
    found = f && f.label === 'f-business_center_entity';
  }
  expect(found).toBe(true);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Keyboard Media');
  await expect(w.report).toHaveAttribute('data-state', 'done');

  // Ctrl+K jumps back to the search box.
  await page.keyboard.press('Control+K');
  await expect(w.search).toBeFocused();
  await expect(w.tab('Ask')).toHaveAttribute('aria-selected', 'true');

  // Can I move? with the keyboard: End selects the last tab.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('End');
  await expect(w.tab('Can I move?')).toBeFocused();
  await page.keyboard.press('Tab'); // into the panel: "What"
  await expect(w.root.getByLabel('What', { exact: true })).toBeFocused();
  await page.keyboard.press('Tab'); // From
  await page.keyboard.press('Tab'); // To
  await page.keyboard.press('Tab'); // Amount
  await page.keyboard.type('25.00');
  await page.keyboard.press('Enter');
  await expect(w.root.locator('[data-part="move-verdict"] [data-rule]')).toBeVisible();
});
