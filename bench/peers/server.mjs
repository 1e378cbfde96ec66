// The bench's own static server (127.0.0.1 only). Same rules for every system: gzip level 9 for
// compressible files when the browser asks (Pagefind's files are already gzipped by Pagefind and
// go as they are), Cache-Control: no-cache, no validators (a cold context fetches everything).
// Differences from web/serve.mjs, on purpose:
//  - COOP/COEP, so the page is cross-origin isolated and performance.measureUserAgentSpecificMemory()
//    can read the memory of the page, its workers and their wasm memories;
//  - a log of what was sent (bytes on the wire: status line + headers + gzip body), so requests
//    made from Web Workers (adcredit and Pagefind both search in one) are counted too;
//  - `.bin` shards are gzipped like `.bundle` (web/serve.mjs leaves unknown extensions raw).
// The product CSP (script-src 'self' 'wasm-unsafe-eval') is sent as well: all three systems run
// under it unchanged.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

// The product's CSP and MIME types, from the site's own server.
import { CSP, TYPES } from '../../web/serve.mjs';
export { CSP };
const COMPRESS = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.bundle', '.bin', '.svg', '.txt']);

export async function startServer({ dir }) {
  const root = resolve(dir);
  const gzCache = new Map();
  const log = [];
  const server = createServer(async (req, res) => {
    const headers = {
      'Content-Security-Policy': CSP,
      'Cache-Control': 'no-cache',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'X-Content-Type-Options': 'nosniff',
    };
    let status = 200;
    let body;
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = resolve(root, '.' + path);
      if (!file.startsWith(root) || path.includes('\0')) throw new Error('outside');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const ext = extname(file).toLowerCase();
      headers['Content-Type'] = TYPES[ext] ?? 'application/octet-stream';
      body = await readFile(file);
      if (COMPRESS.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        let gz = gzCache.get(file);
        if (!gz) gzCache.set(file, (gz = gzipSync(body, { level: 9 })));
        body = gz;
        headers['Content-Encoding'] = 'gzip';
        headers.Vary = 'Accept-Encoding';
      }
    } catch {
      status = 404;
      body = Buffer.from('not found\n');
      headers['Content-Type'] = 'text/plain';
    }
    headers['Content-Length'] = body.length;
    res.writeHead(status, headers);
    res.end(body);
    // Bytes on the wire: status line and headers as Node writes them, plus the (gzip) body.
    const head = Buffer.byteLength(res._header ?? '');
    log.push({ url: req.url, status, body: body.length, wire: head + body.length });
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  return {
    server,
    base: `http://127.0.0.1:${server.address().port}/`,
    /** Everything sent since the last take(): { requests, bytes (wire), body (gzip body bytes), urls }. */
    take() {
      const got = log.splice(0);
      return {
        requests: got.length,
        bytes: got.reduce((a, r) => a + r.wire, 0),
        body: got.reduce((a, r) => a + r.body, 0),
        urls: got.map((r) => `${r.status} ${r.url} ${r.body}`),
      };
    },
    /** Gzip a file ahead of time so the first timed request does not pay for gzipSync. */
    warm(file) {
      const ext = extname(file).toLowerCase();
      const key = resolve(file);
      if (COMPRESS.has(ext) && !gzCache.has(key)) gzCache.set(key, gzipSync(readFileSync(key), { level: 9 }));
    },
    close: () => new Promise((ok) => server.close(ok)),
  };
}
