#!/usr/bin/env node
// A dependency-free static server for web/dist: 127.0.0.1 only, the CSP of CONTRACT §7 on
// every response, Cache-Control: no-cache, gzip when the client accepts it, no traversal.
//   node web/serve.mjs --dir web/dist --port 8080 [--prefix /sub/path/]
// --prefix serves the site under a sub-path (to prove it uses relative URLs only).
// --port 0 picks a free port; the first line printed is the URL.
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

export function serve({ dir, port = 8080, host = '127.0.0.1', prefix = '/' }) {
  const root = resolve(dir);
  const base = ('/' + prefix + '/').replace(/\/+/g, '/');
  const gzCache = new Map(); // path → { mtime, body }

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
  const server = await serve({ dir, port: Number(opt('port', 8080)), prefix });
  const { address, port } = server.address();
  console.log(`serving ${resolve(dir)} at http://${address}:${port}${('/' + prefix + '/').replace(/\/+/g, '/')}`);
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
}
