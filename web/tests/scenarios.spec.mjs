// Each scenario fixture opened by share link shows the same findings (as data-rule) as the
// native `adcredit check --json` report; input-error fixtures show an input error instead.
import { basename } from 'node:path';
import { readFileSync } from 'node:fs';
import { test, expect, widget, openShared, scenarioFiles, BIN, native } from './fixtures.mjs';

const files = scenarioFiles();

test('there are scenario fixtures and a native binary to compare with', () => {
  console.log(`scenario fixtures: ${files.length}; native binary: ${BIN ?? 'none'}`);
  expect(files.length).toBeGreaterThan(0);
  expect(BIN, 'set ADCREDIT_BIN or build target/release/adcredit').not.toBeNull();
});

for (const file of files) {
  test(`share link of ${basename(file)} shows the native findings`, async ({ page }) => {
    test.skip(!BIN, 'no native binary');
    const n = native(['check', '--json', file]);
    const text = readFileSync(file, 'utf8');
    let scenario;
    try {
      scenario = JSON.parse(text);
    } catch {
      test.skip(true, 'not JSON: nothing to put in a share link');
    }
    const report = await openShared(page, scenario);
    if (n.status === 2 || !n.json) {
      // Bad input natively: the widget says so too (with the JSON path), or refuses the link
      // when it is not even shaped like a scenario.
      const refused = await widget(page).root.locator('[data-part="load-status"]').isVisible();
      if (!refused) await expect(report).toHaveAttribute('data-state', 'input-error');
      return;
    }
    await expect(report).toHaveAttribute('data-state', 'done');
    const expected = [...new Set(n.json.findings.map((f) => f.rule))].sort();
    const shown = [...new Set(await widget(page).findings.evaluateAll((els) => els.map((e) => e.dataset.rule)))].sort();
    expect(shown).toEqual(expected);
    // Same valid flag, same number of steps.
    await expect(widget(page).root.locator('[data-part="plan-status"]')).toHaveClass(n.json.valid ? 'status-ok' : 'status-bad');
    await expect(widget(page).root.locator('[data-part="steps"] > li')).toHaveCount(n.json.steps.length);
  });
}
