#!/usr/bin/env node
// A dependency-free static server for web/dist: 127.0.0.1 only, the CSP of CONTRACT §7 on
// every response, Cache-Control: no-cache, gzip when the client accepts it, no traversal.
//   node web/serve.mjs --dir web/dist --port 8080 [--prefix /sub/path/]
// --prefix serves the site under a sub-path (to prove it uses relative URLs only).
// --port 0 picks a free port; the first line printed is the URL.
// --live: every HTML page gets a small script (same origin, so the CSP holds) that reloads it
// when a file under --dir changes (`cargo xtask serve --watch` rebuilds into web/dist).
import { watch } from 'node:fs';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.bundle': 'application/octet-stream',
  '.bin': 'application/octet-stream',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.md': 'text/markdown; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESS = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.bundle', '.bin', '.svg', '.md', '.ts', '.txt']);

/** The script --live adds to every page: reload when the server says a file changed. */
const LIVE_JS = `const s = new EventSource(new URL('__live', import.meta.url));
s.onopen = () => (document.documentElement.dataset.live = 'on');
s.onmessage = () => location.reload();
`;

export function serve({ dir, port = 8080, host = '127.0.0.1', prefix = '/', live = false }) {
  const root = resolve(dir);
  const base = ('/' + prefix + '/').replace(/\/+/g, '/');
  const gzCache = new Map(); // path → { mtime, body }
  const listeners = new Set(); // --live: open event streams
  if (live) {
    let timer;
    const watcher = watch(root, { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        gzCache.clear();
        for (const res of listeners) res.write('data: reload\n\n');
      }, 200);
    });
    watcher.unref();
  }

  const server = createServer(async (req, res) => {
    const headers = {
      'Content-Security-Policy': CSP,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    };
    const send = (status, body, extra = {}) => {
      res.writeHead(status, { ...headers, ...extra });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed\n', { Allow: 'GET, HEAD' });

    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      return send(400, 'bad request\n');
    }
    if (path === base.slice(0, -1)) return send(301, '', { Location: base });
    if (live && path === `${base}__live.js`) return send(200, LIVE_JS, { 'Content-Type': TYPES['.js'] });
    if (live && path === `${base}__live`) {
      res.writeHead(200, { ...headers, 'Content-Type': 'text/event-stream' });
      res.write(': live\n\n');
      listeners.add(res);
      req.on('close', () => listeners.delete(res));
      return;
    }
    if (!path.startsWith(base) || path.includes('\0')) return send(404, 'not found\n', { 'Content-Type': 'text/plain' });
    let file = resolve(root, '.' + path.slice(base.length - 1));
    if (file !== root && !file.startsWith(root + sep)) return send(404, 'not found\n', { 'Content-Type': 'text/plain' });
    try {
      let st = await stat(file);
      if (st.isDirectory()) {
        file = join(file, 'index.html');
        st = await stat(file);
      }
      const ext = extname(file).toLowerCase();
      let body = await readFile(file);
      if (live && ext === '.html')
        body = Buffer.from(body.toString('utf8').replace('</head>', `<script type="module" src="${base}__live.js"></script></head>`));
      const extra = { 'Content-Type': TYPES[ext] ?? 'application/octet-stream', Vary: 'Accept-Encoding' };
      if (COMPRESS.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        let hit = gzCache.get(file);
        if (!hit || hit.mtime !== st.mtimeMs) gzCache.set(file, (hit = { mtime: st.mtimeMs, body: gzipSync(body, { level: 9 }) }));
        body = hit.body;
        extra['Content-Encoding'] = 'gzip';
      }
      extra['Content-Length'] = body.length;
      send(200, body, extra);
    } catch {
      send(404, 'not found\n', { 'Content-Type': 'text/plain; charset=utf-8' });
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(server));
  });
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('serve.mjs')) {
  const a = process.argv.slice(2);
  const opt = (name, dflt) => (a.includes(`--${name}`) ? a[a.indexOf(`--${name}`) + 1] : dflt);
  const dir = opt('dir', 'dist');
  const prefix = opt('prefix', '/');
  try {
    await stat(join(dir, 'index.html'));
  } catch {
    console.error(`serve.mjs: ${dir}/index.html is missing: run \`cargo xtask dist\` first`);
    process.exit(2);
  }
  const server = await serve({ dir, port: Number(opt('port', 8080)), prefix, live: a.includes('--live') });
  const { address, port } = server.address();
  console.log(`serving ${resolve(dir)} at http://${address}:${port}${('/' + prefix + '/').replace(/\/+/g, '/')}`);
  for (const sig of ['SIGINT', 'SIGTERM'])
    process.on(sig, () => {
      server.close(() => process.exit(0));
      server.closeAllConnections();
    });
}
