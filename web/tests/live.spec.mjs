// `serve.mjs --live` (what `cargo xtask serve --watch` serves with): a page reloads when a file
// of the served folder changes, and the live script keeps to the page's CSP.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../serve.mjs';
import { test, expect, DIST } from './fixtures.mjs';

test('a change under the served folder reloads the open page', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'adcredit-live-'));
  cpSync(DIST, dir, { recursive: true });
  const server = await serve({ dir, port: 0, live: true });
  try {
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await expect(page.locator('html')).toHaveAttribute('data-live', 'on');
    const reloaded = page.waitForEvent('load');
    writeFileSync(join(dir, 'page.css'), readFileSync(join(dir, 'page.css'), 'utf8') + '\n/* edited */\n');
    await reloaded;
    await expect(page.locator('html')).toHaveAttribute('data-live', 'on');
    await page.evaluate(() => import('./adcredit.js').then((m) => m.init())); // the widget loaded again
    await page.goto('about:blank'); // leave before the server (and its event stream) goes away
  } finally {
    server.closeAllConnections();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
