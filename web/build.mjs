#!/usr/bin/env node
// Assembles the static site and the npm package in one folder:
//   node web/build.mjs --pkg web/pkg --bundle index/adcredit.bundle --out web/dist
// pkg: wasm-pack --target web output of the two modules (search/adcredit_search.js + _bg.wasm,
// rules/adcredit_rules.js + _bg.wasm);
// bundle: the search bundle from `adcredit index`. Prints each file's raw and gzip size.
import { build, transform } from 'esbuild';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
const pkg = resolve(args.pkg ?? join(here, 'pkg'));
// --index DIR: what `adcredit index --out DIR` wrote (adcredit.bundle, or shards/ for a large
// corpus); --bundle FILE: one bundle file. Default: ../index.
const indexDir = resolve(args.index ?? (args.bundle ? dirname(args.bundle) : join(here, '..', 'index')));
const shardsDir = join(indexDir, 'shards');
const bundle = resolve(args.bundle ?? join(indexDir, 'adcredit.bundle'));
// Byte 8 of the header is the part kind: 1 is a sharded index's meta (its shards in shards/).
const sharded = existsSync(bundle) && readFileSync(bundle)[8] === 1;
const out = resolve(args.out ?? join(here, 'dist'));

function need(file, hint) {
  if (!existsSync(file)) {
    console.error(`build.mjs: ${file} is missing (${hint})`);
    process.exit(2);
  }
}
const MODULES = ['search', 'rules'];
for (const m of MODULES) {
  need(join(pkg, m, `adcredit_${m}.js`), 'run `cargo xtask wasm`');
  need(join(pkg, m, `adcredit_${m}_bg.wasm`), 'run `cargo xtask wasm`');
}
need(bundle, 'run `adcredit index`');
if (sharded) need(join(shardsDir, 'meta.bin'), `${bundle} is a sharded index's meta: its shards/ must be beside it`);

// The files this script writes; only these are replaced in `out`, nothing else is deleted.
const OWN = ['index.html', 'faq.html', 'page.css', 'favicon.svg', 'adcredit.js', 'adcredit-parts.js', 'adcredit-plan.js', 'adcredit-worker.js', 'adcredit_search_bg.wasm',
  'adcredit_rules_bg.wasm', 'adcredit.bundle', 'adcredit.d.ts', 'package.json', 'README.md'];
mkdirSync(out, { recursive: true });
// adcredit_bg.wasm: the single module of earlier builds.
for (const f of [...OWN, 'adcredit_bg.wasm', 'shards']) rmSync(join(out, f), { force: true, recursive: true });

/**
 * faq.html: every FAQ entry and article of content/ as one plain page with no script, linked
 * from the fallback text the page shows when adcredit.js cannot run. Markdown is kept to
 * what content/README.md allows: paragraphs, `###`/`##` headings, `-` lists, table rows (one
 * line each), links; fact markers are dropped.
 */
function plainFaq(content) {
  const esc = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const anchor = (id) => id.replace(/[^\w-]+/g, '-');
  // Fact markers ({F9 F14}, {advice}) are for the indexer, never shown.
  const inline = (t) =>
    esc(t.replace(/\s*\{(?:advice|F\d+(?:\s+F\d+)*)\}/g, ''))
      .replace(/\[([^\]]+)\]\(content:([^)\s]+)\)/g, (_, text, id) => `<a href="#${anchor(id.split('#')[0])}">${text}</a>`)
      .replace(/\[([^\]]+)\]\((https:[^)\s]+)\)/g, '<a href="$2">$1</a>')
      .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
  const docs = [];
  for (const dir of ['faq', 'articles']) {
    const folder = join(content, dir);
    if (!existsSync(folder)) continue;
    for (const f of readdirSync(folder).filter((x) => x.endsWith('.md')).sort()) {
      const text = readFileSync(join(folder, f), 'utf8');
      const m = /^\+\+\+\n([\s\S]*?)\n\+\+\+\n([\s\S]*)$/.exec(text);
      if (!m) continue;
      const field = (k) => new RegExp(`^${k}\\s*=\\s*"((?:[^"\\\\]|\\\\.)*)"`, 'm').exec(m[1])?.[1]?.replace(/\\"/g, '"');
      docs.push({ id: field('id'), title: field('title'), body: m[2], dir });
    }
  }
  const body = (md) => {
    const out = [];
    let list = false;
    for (const block of md.split(/\n\s*\n/)) {
      for (const line of block.split('\n')) {
        const row = /^\s*\|(.*)\|\s*$/.exec(line);
        if (row) {
          if (!/^[\s|:-]+$/.test(row[1])) out.push(`<p>${row[1].split('|').map((c) => inline(c.trim())).join(' — ')}</p>`);
          continue;
        }
        const item = /^\s*-\s+(.*)$/.exec(line);
        if (item && !list) (out.push('<ul>'), (list = true));
        if (!item && list) (out.push('</ul>'), (list = false));
        if (item) out.push(`<li>${inline(item[1])}</li>`);
        else if (/^#{2,3}\s/.test(line)) out.push(`<h3>${inline(line.replace(/^#+\s*/, ''))}</h3>`);
        else if (line.trim()) out.push(`<p>${inline(line)}</p>`);
      }
      if (list) (out.push('</ul>'), (list = false));
    }
    return out.join('\n');
  };
  const section = (d) => `<section id="${anchor(d.id)}">\n<h2>${esc(d.title)}</h2>\n${body(d.body)}\n</section>`;
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'">
  <title>TikTok ad credit: every answer — adcredit</title>
  <link rel="icon" href="./favicon.svg" type="image/svg+xml">
  <link rel="stylesheet" href="./page.css">
</head>
<body>
<main>
<h1>Sharing and moving TikTok ad credit: every answer</h1>
<p class="lead">The plain version of <a href="./">the help page</a>: the same answers, no script.</p>
${docs.filter((d) => d.dir === 'faq').map(section).join('\n')}
<h1>Articles</h1>
${docs.filter((d) => d.dir === 'articles').map(section).join('\n')}
</main>
</body>
</html>
`;
}

// CSS imported by the element becomes a minified string for a constructable stylesheet.
const cssText = {
  name: 'css-text',
  setup(b) {
    b.onLoad({ filter: /\.css$/ }, async ({ path }) => {
      const { code } = await transform(readFileSync(path, 'utf8'), { loader: 'css', minify: true });
      return { contents: `export default ${JSON.stringify(code.trim())};`, loader: 'js' };
    });
  },
};
// adcredit.js imports the search module's wasm-bindgen glue and the worker the rules module's,
// each under a stable name; point them at --pkg.
const glue = {
  name: 'wasm-glue',
  setup(b) {
    b.onResolve({ filter: /^adcredit-(search|rules)-glue$/ }, ({ path }) => {
      const m = path.split('-')[1];
      return { path: join(pkg, m, `adcredit_${m}.js`) };
    });
  },
};
const common = {
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2022',
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [cssText, glue],
  // The glue's default wasm URL is never used (the worker passes one): keep esbuild quiet about it.
  logOverride: { 'unsupported-dynamic-import': 'silent' },
};
await build({ ...common, entryPoints: [join(here, 'src', 'adcredit.js')], outfile: join(out, 'adcredit.js') });
await build({ ...common, entryPoints: [join(here, 'src', 'adcredit-worker.js')], outfile: join(out, 'adcredit-worker.js') });
// Simulate and Can I move?: imported by the element when one of those tabs is first shown. It
// shares the element's `strings` object (which embedders may translate), handed over by
// `provide(strings)`, rather than carrying a copy of its own.
const sharedStrings = {
  name: 'shared-strings',
  setup(b) {
    b.onResolve({ filter: /^\.\/strings\.js$/ }, () => ({ path: 'strings', namespace: 'shared' }));
    b.onLoad({ filter: /.*/, namespace: 'shared' }, () => ({
      contents: 'export let strings = null; export const provide = (s) => { strings = s; };',
      loader: 'js',
    }));
  },
};
await build({
  ...common,
  plugins: [...common.plugins, sharedStrings],
  stdin: {
    contents: "export { simulatePart } from './simulate.js'; export { movePart } from './move.js'; export { provide } from './strings.js';",
    resolveDir: join(here, 'src', 'element'),
    loader: 'js',
  },
  outfile: join(out, 'adcredit-parts.js'),
});
// Simulate's suggested plan and charts: imported by the element when Simulate is first shown.
await build({ ...common, entryPoints: [join(here, 'src', 'element', 'plan.js')], outfile: join(out, 'adcredit-plan.js') });

for (const m of MODULES) copyFileSync(join(pkg, m, `adcredit_${m}_bg.wasm`), join(out, `adcredit_${m}_bg.wasm`));
copyFileSync(bundle, join(out, 'adcredit.bundle'));
if (sharded) cpSync(shardsDir, join(out, 'shards'), { recursive: true });
copyFileSync(join(here, 'src', 'index.html'), join(out, 'index.html'));
writeFileSync(join(out, 'faq.html'), plainFaq(join(here, '..', 'content')));
for (const f of ['page.css', 'favicon.svg']) copyFileSync(join(here, 'src', f), join(out, f));
// Types: the JSON shapes generated from the Rust types, then the API that uses them.
writeFileSync(
  join(out, 'adcredit.d.ts'),
  readFileSync(join(here, '..', 'crates', 'adcredit-wasm', 'types.d.ts'), 'utf8') +
    '\n' +
    readFileSync(join(here, 'src', 'adcredit-api.d.ts'), 'utf8'),
);
copyFileSync(join(here, 'EMBEDDING.md'), join(out, 'README.md'));

const cargo = readFileSync(join(here, '..', 'Cargo.toml'), 'utf8');
const version = /\[workspace\.package\][^[]*?\nversion\s*=\s*"([^"]+)"/.exec(cargo)?.[1] ?? '0.0.0';
const files = ['faq.html', 'adcredit.js', 'adcredit-parts.js', 'adcredit-plan.js', 'adcredit-worker.js', 'adcredit_search_bg.wasm', 'adcredit_rules_bg.wasm', 'adcredit.bundle', ...(sharded ? ['shards'] : []), 'adcredit.d.ts', 'index.html', 'page.css', 'favicon.svg'];
writeFileSync(
  join(out, 'package.json'),
  JSON.stringify(
    {
      name: 'adcredit',
      version,
      description: 'Can I share or move my TikTok ad credit? Answers, a plan simulator and the <adcredit-help> element, in the browser (WebAssembly).',
      license: 'MIT OR Apache-2.0',
      type: 'module',
      main: './adcredit.js',
      module: './adcredit.js',
      types: './adcredit.d.ts',
      exports: {
        '.': { types: './adcredit.d.ts', default: './adcredit.js' },
        './adcredit.js': { types: './adcredit.d.ts', default: './adcredit.js' },
        './adcredit-worker.js': './adcredit-worker.js',
        './adcredit-parts.js': './adcredit-parts.js',
        './adcredit-plan.js': './adcredit-plan.js',
        './adcredit_search_bg.wasm': './adcredit_search_bg.wasm',
        './adcredit_rules_bg.wasm': './adcredit_rules_bg.wasm',
        './adcredit.bundle': './adcredit.bundle',
        ...(sharded ? { './shards/*': './shards/*' } : {}),
        './package.json': './package.json',
      },
      files,
      sideEffects: ['./adcredit.js'],
      keywords: ['tiktok', 'ad credit', 'business center', 'web component', 'wasm'],
    },
    null,
    2,
  ) + '\n',
);

// Sizes: what a visitor downloads (gzip as served by serve.mjs and most static hosts).
const rows = OWN.map((f) => {
  const data = readFileSync(join(out, f));
  return { f, raw: statSync(join(out, f)).size, gz: gzipSync(data, { level: 9 }).length };
});
const kb = (n) => (n / 1024).toFixed(1).padStart(7);
console.log(`built ${relative(process.cwd(), out) || '.'}:`);
console.log('  file                     raw KB  gzip KB');
for (const r of rows) console.log(`  ${r.f.padEnd(22)} ${kb(r.raw)}  ${kb(r.gz)}`);
// The search runs on the page (its glue is inside adcredit.js); the worker comes with the rules.
const first = rows.filter((r) => ['adcredit.js', 'adcredit_search_bg.wasm', 'adcredit.bundle'].includes(r.f));
const el = rows.filter((r) => r.f === 'adcredit.js');
console.log(`  first answer after the page: ${first.length} requests, ${kb(first.reduce((a, r) => a + r.gz, 0)).trim()} KB gzip`);
const sum = (names) => rows.filter((r) => names.includes(r.f)).reduce((a, r) => a + r.gz, 0);
console.log(`  element JS+CSS (adcredit.js): ${kb(el[0].gz).trim()} KB gzip`);
console.log(`  search wasm: ${kb(sum(['adcredit_search_bg.wasm'])).trim()} KB gzip; rules wasm + worker (fetched on the first check/can-move/move question): ${kb(sum(['adcredit_rules_bg.wasm', 'adcredit-worker.js'])).trim()} KB gzip; plan view + charts (with Simulate): ${kb(sum(['adcredit-plan.js'])).trim()} KB gzip`);
