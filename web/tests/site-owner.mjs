// What a site owner does with their own built site (docs/site-owners.md): index its HTML with
// `adcredit index --html`, put the widget files next to it (web/build.mjs), serve it.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '../serve.mjs';
import { BIN, ROOT, WEB } from './fixtures.mjs';

/**
 * Indexes the built site in `site` into `index`, assembles the widget into `site/help/` and
 * serves `site`; returns { url, close, indexed } (indexed: what `adcredit index` printed).
 */
export async function indexAndServe(site, index) {
  if (!BIN) throw new Error('no adcredit binary: build it (cargo build --release -p adcredit-cli) or set ADCREDIT_BIN');
  const pkg = join(WEB, 'pkg');
  if (!existsSync(join(pkg, 'search'))) throw new Error('web/pkg is missing: run `cargo xtask wasm`');
  const indexed = execFileSync(BIN, ['index', '--html', site, '--out', index], { encoding: 'utf8' });
  execFileSync('node', [join(WEB, 'build.mjs'), '--pkg', pkg, '--index', index, '--out', join(site, 'help')], {
    stdio: ['ignore', 'ignore', 'inherit'],
    cwd: ROOT,
  });
  const server = await serve({ dir: site, port: 0 });
  const url = `http://127.0.0.1:${server.address().port}`;
  return { url, indexed, close: () => new Promise((ok) => server.close(ok)) };
}
