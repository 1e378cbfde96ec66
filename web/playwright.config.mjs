// Browser tests of web/dist in Debian's Chromium (see ../shared/TOOLCHAIN.md); `cargo xtask dist`
// builds web/dist first. ADCREDIT_DIST overrides the folder served.
import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(process.env.ADCREDIT_DIST ?? join(here, 'dist'));
if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist}/index.html is missing: run \`cargo xtask dist\` first`);
const port = Number(process.env.ADCREDIT_TEST_PORT ?? 4173);

export default defineConfig({
  testDir: 'tests',
  testMatch: '*.spec.mjs',
  outputDir: 'test-results/output',
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  webServer: {
    command: `node serve.mjs --dir "${dist}" --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
  },
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
