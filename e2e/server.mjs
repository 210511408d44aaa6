// A tiny static file server for the end-to-end tests (node:http, no dependencies).
//
//   import { startServer } from './server.mjs';
//   const { url, close } = await startServer({ root: 'dist', mountPath: '/graphics/japan-fund/' });
//
// CLI: node e2e/server.mjs --root dist --mount /graphics/japan-fund/ --port 8081 [--csp]
//
// Serves files under `root` at `mountPath`, with correct MIME types, index.html for directory
// paths, 404 for anything else (and for any path escaping `root`), optional extra headers, and
// gzip when the request accepts it (so the bytes a browser transfers are realistic). Listens on
// 127.0.0.1 only.
//
// Like a static host, it applies the site's own `_headers` file (Netlify / Cloudflare Pages
// format, written by fund-site) when `root` has one: each rule whose path matches the request
// adds its headers (a header set by two rules gets both values joined with ", ", as Cloudflare
// does), a rule's path being matched against the path below the mount (`/embed/waffle/`) or the
// whole path; `_headers` itself is never served. A missing file gets the nearest `404.html`
// (Cloudflare's rule: the request's folder, then each parent) with status 404. Extra headers
// given to startServer come last and replace the file's.
// For tests in any browser (no browser's own network interception needed), the returned object
// also has:
//   requests   every request received, in order: { method, path, time } (path with its query);
//              tests read it to count requests per page view, and may empty it (`length = 0`);
//   refuse     a RegExp (or null): a request whose path matches is answered by closing the
//              connection, as a blocked or failed download looks to the page;
//   transform  a function (or null) `(path, bytes) => bytes`: serves other bytes for a file
//              (before gzip), e.g. a tampered wasm for an integrity test.
// And one page of its own, outside the mount path: /__e2e/viewport.html?w=390&h=844&src=/path
// is an iframe of w×h CSS px at the top left showing `src` (a path on this server, so the frame
// is same-origin with the page around it and scripts may focus inside it). WebKit's driver
// uses it for viewports narrower than MiniBrowser's smallest window.

import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.xml': 'application/xml; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

/** The strict policy the CSP test (and `--csp`) uses. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' data: blob:; object-src 'none'; base-uri 'none'";

/**
 * Parses a `_headers` file: `[{ path, headers: [[name, value], …] }, …]`. A line without
 * leading space is a path; an indented `Name: value` line belongs to the path above; `#` starts
 * a comment. Throws on a header line before any path, or one without a colon.
 */
export function parseHeaders(text) {
  const rules = [];
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: [] });
      continue;
    }
    const at = line.indexOf(':');
    if (!rules.length || at < 0) throw new Error(`_headers line ${i + 1}: ${JSON.stringify(line)}`);
    rules.at(-1).headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
  }
  return rules;
}

/** Whether a `_headers` rule path (`*` matches anything, `:name` one segment) matches `p`. */
export function ruleMatches(rulePath, p) {
  const re = rulePath
    .split(/(\*|:[A-Za-z]\w*)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${re}$`).test(p);
}

/** The headers the rules give path(s) `paths` (any of them matching): `{ name: value }`. */
export function headersFor(rules, paths) {
  const out = {};
  const names = {};
  for (const r of rules) {
    if (!paths.some((p) => ruleMatches(r.path, p))) continue;
    for (const [k, v] of r.headers) {
      const key = k.toLowerCase();
      if (names[key] !== undefined) out[names[key]] += `, ${v}`;
      else {
        names[key] = k;
        out[k] = v;
      }
    }
  }
  return out;
}

/** Merges header objects, later ones replacing earlier ones whatever their case. */
function mergeHeaders(...objs) {
  const out = {};
  for (const o of objs) {
    for (const [k, v] of Object.entries(o || {})) {
      for (const old of Object.keys(out)) if (old.toLowerCase() === k.toLowerCase()) delete out[old];
      out[k] = v;
    }
  }
  return out;
}

const COMPRESSIBLE = new Set(['.md', '.html', '.js', '.mjs', '.css', '.wasm', '.svg', '.json', '.txt', '.csv', '.map', '.xml']);

/** The page of a narrow viewport (see the top of this file). */
export const VIEWPORT_PAGE = '/__e2e/viewport.html';

function viewportPage(res, params) {
  const size = (name) => {
    const n = Number(params.get(name));
    return Number.isInteger(n) && n >= 100 && n <= 4000 ? n : null;
  };
  const [w, h, src] = [size('w'), size('h'), params.get('src') || ''];
  if (!w || !h || !src.startsWith('/') || src.startsWith('//')) {
    res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Bad Request\n');
    return;
  }
  const attr = (v) => String(v).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${w}×${h} viewport</title></head>` +
      `<body style="margin:0;background:#808080"><iframe id="e2e-viewport" src="${attr(src)}" ` +
      `style="display:block;border:0;margin:0;width:${w}px;height:${h}px"></iframe></body></html>`,
  );
}

function normaliseMount(mountPath) {
  let m = String(mountPath || '/');
  if (!m.startsWith('/')) m = '/' + m;
  if (!m.endsWith('/')) m += '/';
  return m;
}

/**
 * Starts the server. Resolves to `{ url, port, close, requests, refuse, transform }` where `url` ends with the mount path,
 * e.g. `http://127.0.0.1:41234/graphics/japan-fund/`.
 */
export async function startServer({ root, mountPath = '/', headers = {}, port = 0, gzip = true, log = false, headersFile = true } = {}) {
  if (!root) throw new Error('startServer: root is required');
  const rootAbs = path.resolve(root);
  const mount = normaliseMount(mountPath);
  const mountNoSlash = mount.slice(0, -1);
  const cache = new Map(); // absolute path -> gzipped Buffer (dist does not change during a run)
  // The site's _headers rules, read again when the file changes.
  let rulesCache = { mtime: -1, rules: [] };
  const siteRules = async () => {
    if (!headersFile) return [];
    const stat = await fs.stat(path.join(rootAbs, '_headers')).catch(() => null);
    if (!stat) return [];
    if (stat.mtimeMs !== rulesCache.mtime) {
      rulesCache = { mtime: stat.mtimeMs, rules: parseHeaders(await fs.readFile(path.join(rootAbs, '_headers'), 'utf8')) };
    }
    return rulesCache.rules;
  };

  const send = (res, status, body, extra = {}) => {
    res.writeHead(status, mergeHeaders({ 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }, headers, extra));
    res.end(body);
  };

  // The nearest 404.html from `rel`'s folder up to root, if any.
  const notFoundPage = async (rel) => {
    let dir = path.posix.dirname('/' + rel + (rel.endsWith('/') ? 'x' : ''));
    for (;;) {
      const file = path.join(rootAbs, '.' + dir, '404.html');
      if (file.startsWith(rootAbs + path.sep)) {
        const body = await fs.readFile(file).catch(() => null);
        if (body) return body;
      }
      if (dir === '/') return null;
      dir = path.posix.dirname(dir);
    }
  };
  const control = { requests: [], refuse: null, transform: null };

  const server = http.createServer(async (req, res) => {
    control.requests.push({ method: req.method, path: req.url, time: Date.now() });
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return send(res, 405, 'Method Not Allowed\n', { Allow: 'GET, HEAD' });
      }
      const u = new URL(req.url, 'http://127.0.0.1');
      let pathname;
      try {
        pathname = decodeURIComponent(u.pathname);
      } catch {
        return send(res, 400, 'Bad Request\n');
      }
      if (pathname.includes('\0')) return send(res, 400, 'Bad Request\n');
      if (pathname === VIEWPORT_PAGE) return viewportPage(res, u.searchParams);
      // The mount point without its trailing slash: redirect, like any static host does.
      if (mount !== '/' && pathname === mountNoSlash) {
        return send(res, 301, '', { Location: mount + u.search });
      }
      if (!pathname.startsWith(mount)) return send(res, 404, 'Not Found\n');
      const rel = pathname.slice(mount.length);
      const rules = await siteRules();
      const fromFile = headersFor(rules, [pathname, '/' + rel]);
      const notFound = async () => {
        const page = rel.includes('..') ? null : await notFoundPage(rel);
        if (!page) return send(res, 404, 'Not Found\n', fromFile);
        res.writeHead(404, mergeHeaders({ 'Content-Type': MIME['.html'], 'Cache-Control': 'no-store' }, fromFile, headers));
        res.end(req.method === 'HEAD' ? undefined : page);
      };
      if (rel === '_headers') return notFound();
      // Resolve and make sure the result stays inside root (no ../ or absolute escapes).
      let file = path.resolve(rootAbs, '.' + path.posix.sep + rel);
      if (file !== rootAbs && !file.startsWith(rootAbs + path.sep)) return send(res, 404, 'Not Found\n');
      let stat = await fs.stat(file).catch(() => null);
      if (stat && stat.isDirectory()) {
        if (!pathname.endsWith('/')) return send(res, 301, '', { Location: u.pathname + '/' + u.search });
        file = path.join(file, 'index.html');
        stat = await fs.stat(file).catch(() => null);
      }
      if (!stat || !stat.isFile()) return notFound();
      // Refuse symlinks pointing out of root.
      const real = await fs.realpath(file);
      const realRoot = await fs.realpath(rootAbs);
      if (real !== realRoot && !real.startsWith(realRoot + path.sep)) return send(res, 404, 'Not Found\n');

      if (control.refuse && control.refuse.test(pathname)) {
        res.destroy();
        return;
      }
      const ext = path.extname(file).toLowerCase();
      const type = MIME[ext] || 'application/octet-stream';
      const accepts = /\bgzip\b/.test(String(req.headers['accept-encoding'] || ''));
      const out = mergeHeaders({ 'Content-Type': type, 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' }, fromFile, headers);
      let body;
      const transform = control.transform;
      const read = async () => (transform ? transform(pathname, await fs.readFile(real)) : fs.readFile(real));
      if (gzip && COMPRESSIBLE.has(ext)) {
        out.Vary = 'Accept-Encoding';
        if (accepts) {
          body = transform ? null : cache.get(real);
          if (!body) {
            body = zlib.gzipSync(await read(), { level: 9 });
            if (!transform) cache.set(real, body);
          }
          out['Content-Encoding'] = 'gzip';
        }
      }
      if (!body) body = await read();
      out['Content-Length'] = body.length;
      res.writeHead(200, out);
      res.end(req.method === 'HEAD' ? undefined : body);
      if (log) console.log(`${req.method} ${req.url} 200 ${body.length}${out['Content-Encoding'] ? ' gzip' : ''}`);
    } catch (err) {
      if (!res.headersSent) send(res, 500, 'Internal Server Error\n');
      else res.destroy();
      if (log) console.error(err);
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const actual = server.address().port;
  const url = `http://127.0.0.1:${actual}${mount}`;
  const close = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections?.();
    });
  return Object.assign(control, { url, port: actual, close, server });
}

function parseArgs(argv) {
  const opts = { root: 'dist', mount: '/', port: 8081, csp: false, gzip: true, log: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--root') opts.root = next();
    else if (a === '--mount') opts.mount = next();
    else if (a === '--port') opts.port = Number(next());
    else if (a === '--csp') opts.csp = true;
    else if (a === '--no-gzip') opts.gzip = false;
    else if (a === '--quiet') opts.log = false;
    else if (a === '-h' || a === '--help') {
      console.log('usage: node e2e/server.mjs [--root dist] [--mount /] [--port 8081] [--csp] [--no-gzip] [--quiet]');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  return opts;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(e.message);
    process.exit(2);
  }
  const headers = opts.csp ? { 'Content-Security-Policy': STRICT_CSP } : {};
  const { url, close } = await startServer({ root: opts.root, mountPath: opts.mount, port: opts.port, headers, gzip: opts.gzip, log: opts.log });
  console.log(`serving ${path.resolve(opts.root)} at ${url}${opts.csp ? ' (strict CSP)' : ''}`);
  const stop = async () => {
    await close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
