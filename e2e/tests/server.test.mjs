// The test server itself (no browser, no dist/ needed): MIME types, directory index, mount path,
// 404s, path traversal, extra headers, gzip, and the site's own _headers and 404.html.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import zlib from 'node:zlib';
import { startServer, parseHeaders, ruleMatches } from '../server.mjs';

let dir;
let server;

function get(url, headers = {}) {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    // Raw path, so ../ and %2e%2e reach the server unnormalised.
    const req = http.request({ host: u.hostname, port: u.port, path: url.slice(u.origin.length), headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-server-'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>t</title>' + 'x'.repeat(2000));
  fs.writeFileSync(path.join(dir, 'app.js'), 'export {};');
  fs.writeFileSync(path.join(dir, 'app_bg.wasm'), Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]));
  fs.writeFileSync(path.join(dir, 'main.css'), 'body{}');
  fs.writeFileSync(path.join(dir, 'pic.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  fs.mkdirSync(path.join(dir, 'sub'));
  fs.writeFileSync(path.join(dir, 'sub', 'index.html'), 'sub');
  fs.writeFileSync(path.join(path.dirname(dir), 'e2e-server-secret.txt'), 'secret');
  server = await startServer({ root: dir, mountPath: '/graphics/japan-fund/', headers: { 'X-Test': 'yes' } });
});

after(async () => {
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(path.join(path.dirname(dir), 'e2e-server-secret.txt'), { force: true });
});

test('serves under the mount path with MIME types and extra headers, on 127.0.0.1', async () => {
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/graphics\/japan-fund\/$/);
  const want = {
    '': 'text/html',
    'index.html': 'text/html',
    'app.js': 'text/javascript',
    'app_bg.wasm': 'application/wasm',
    'main.css': 'text/css',
    'pic.svg': 'image/svg+xml',
    'sub/': 'text/html',
  };
  for (const [p, type] of Object.entries(want)) {
    const r = await get(server.url + p);
    assert.equal(r.status, 200, p);
    assert.ok(r.headers['content-type'].startsWith(type), `${p}: ${r.headers['content-type']}`);
    assert.equal(r.headers['x-test'], 'yes', `${p} carries the extra header`);
  }
  assert.equal((await get(server.url + 'sub/')).body.toString(), 'sub');
  const redirect = await get(server.url + 'sub');
  assert.equal(redirect.status, 301);
  assert.equal(redirect.headers.location, '/graphics/japan-fund/sub/');
});

test('404 outside the mount path, for missing files and for traversal attempts', async () => {
  const origin = new URL(server.url).origin;
  for (const p of [
    `${origin}/index.html`,
    `${server.url}missing.js`,
    `${server.url}../e2e-server-secret.txt`,
    `${server.url}..%2fe2e-server-secret.txt`,
    `${server.url}%2e%2e/e2e-server-secret.txt`,
    `${server.url}sub/..%2f..%2fe2e-server-secret.txt`,
  ]) {
    const r = await get(p);
    assert.ok(r.status === 404 || r.status === 400, `${p} -> ${r.status}`);
    assert.ok(!r.body.toString().includes('secret'), `${p} leaked the file`);
  }
});

test('gzip when accepted, identity otherwise', async () => {
  const plain = await get(server.url + 'index.html');
  assert.equal(plain.headers['content-encoding'], undefined);
  const gz = await get(server.url + 'index.html', { 'Accept-Encoding': 'gzip, deflate, br' });
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.ok(gz.body.length < plain.body.length, 'gzip is smaller');
  assert.deepEqual(zlib.gunzipSync(gz.body), plain.body);
  const wasm = await get(server.url + 'app_bg.wasm', { 'Accept-Encoding': 'gzip' });
  assert.equal(wasm.headers['content-type'], 'application/wasm');
  assert.deepEqual(zlib.gunzipSync(wasm.body), fs.readFileSync(path.join(dir, 'app_bg.wasm')));
});

test("_headers: parsed, applied by path below the mount (joined when two rules set one header), never served; the nearest 404.html", async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-headers-'));
  try {
    fs.writeFileSync(path.join(root, 'index.html'), 'home');
    fs.mkdirSync(path.join(root, 'embed', 'x'), { recursive: true });
    fs.writeFileSync(path.join(root, 'embed', 'x', 'index.html'), 'embed');
    fs.mkdirSync(path.join(root, 'ja'));
    fs.writeFileSync(path.join(root, '404.html'), 'not found (en)');
    fs.writeFileSync(path.join(root, 'ja', '404.html'), 'not found (ja)');
    fs.writeFileSync(
      path.join(root, '_headers'),
      '# a comment\n/\n  X-Page: home\n/embed/*\n  X-Frame: any\n  X-Both: one\n/embed/:chart/\n  X-Both: two\n',
    );
    const rules = parseHeaders(fs.readFileSync(path.join(root, '_headers'), 'utf8'));
    assert.deepEqual(rules.map((r) => r.path), ['/', '/embed/*', '/embed/:chart/']);
    assert.throws(() => parseHeaders('  X-Orphan: 1\n'));
    assert.equal(ruleMatches('/embed/:chart/', '/embed/waffle/'), true);
    assert.equal(ruleMatches('/embed/:chart/', '/embed/waffle/x/'), false);
    assert.equal(ruleMatches('/main-1.css', '/main-1xcss'), false, 'dots are literal');
    const s = await startServer({ root, mountPath: '/m/', headers: { 'X-Extra': 'last' } });
    try {
      const home = await get(s.url);
      assert.equal(home.headers['x-page'], 'home');
      assert.equal(home.headers['x-frame'], undefined);
      const embed = await get(s.url + 'embed/x/');
      assert.equal(embed.headers['x-frame'], 'any');
      assert.equal(embed.headers['x-both'], 'one, two', 'joined, as Cloudflare does');
      assert.equal(embed.headers['x-extra'], 'last');
      assert.equal((await get(s.url + '_headers')).status, 404);
      const missing = await get(s.url + 'nothing/here');
      assert.equal(missing.status, 404);
      assert.equal(missing.body.toString(), 'not found (en)');
      const ja = await get(s.url + 'ja/nothing/');
      assert.equal(ja.status, 404);
      assert.equal(ja.body.toString(), 'not found (ja)');
    } finally {
      await s.close();
    }
    const plain = await startServer({ root, headersFile: false });
    try {
      assert.equal((await get(plain.url)).headers['x-page'], undefined, 'headersFile: false ignores _headers');
    } finally {
      await plain.close();
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('request log, refused paths and transformed files (for tests in any browser)', async () => {
  server.requests.length = 0;
  await get(server.url + 'app.js?x=1');
  await get(server.url + 'missing.js');
  assert.deepEqual(server.requests.map((r) => `${r.method} ${r.path}`), ['GET /graphics/japan-fund/app.js?x=1', 'GET /graphics/japan-fund/missing.js']);
  assert.ok(server.requests.every((r) => typeof r.time === 'number'));
  // A refused path: the connection closes without an answer, as a blocked download.
  server.refuse = /\.wasm$/;
  try {
    await assert.rejects(get(server.url + 'app_bg.wasm'));
    assert.equal((await get(server.url + 'app.js')).status, 200, 'other files still served');
  } finally {
    server.refuse = null;
  }
  // A transform serves other bytes (gzipped or not), and is not cached past its removal.
  server.transform = (p, bytes) => (p.endsWith('.wasm') ? Buffer.concat([bytes, Buffer.from([0, 1, 0])]) : bytes);
  try {
    const gz = await get(server.url + 'app_bg.wasm', { 'Accept-Encoding': 'gzip' });
    assert.deepEqual([...zlib.gunzipSync(gz.body)], [0, 97, 115, 109, 1, 0, 0, 0, 0, 1, 0]);
    assert.equal((await get(server.url + 'app_bg.wasm')).body.length, 11);
  } finally {
    server.transform = null;
  }
  assert.deepEqual(zlib.gunzipSync((await get(server.url + 'app_bg.wasm', { 'Accept-Encoding': 'gzip' })).body), fs.readFileSync(path.join(dir, 'app_bg.wasm')));
});

test('the narrow-viewport page: an iframe of the asked size on a path of this server', async () => {
  const origin = new URL(server.url).origin;
  const ok = await get(`${origin}/__e2e/viewport.html?w=390&h=844&src=${encodeURIComponent('/graphics/japan-fund/?a="b"&c=<d>')}`);
  assert.equal(ok.status, 200);
  const html = ok.body.toString();
  assert.match(html, /<iframe id="e2e-viewport" src="\/graphics\/japan-fund\/\?a=&quot;b&quot;&amp;c=&lt;d>" style="[^"]*width:390px;height:844px"/);
  for (const bad of ['w=390&h=844&src=http://example.org/', 'w=390&h=844&src=//example.org/', 'w=x&h=844&src=/', 'w=390&src=/']) {
    assert.equal((await get(`${origin}/__e2e/viewport.html?${bad}`)).status, 400, bad);
  }
});
