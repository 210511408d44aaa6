// One download of the WebAssembly (and of its JS glue) per page view, in the browser E2E_BROWSER
// names, counted by the test server's request log (the same in every browser): the page, the
// Japanese page and an embed in each language once the reader points at it; each language's pages
// load their own language's wasm (japan-fund-explainer-en or -ja, built with that language's
// strings only). And each wasm's integrity is still checked: a wasm whose bytes differ from the
// build's (a valid module with one extra custom section, which would run fine) is refused, and the
// page says its charts are not interactive.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BROWSER, TIMEOUT, DESKTOP, suite, open, checkErrors, waitForTakeover, until, sleep } from './common.mjs';

const ctx = suite();

const WASM = /\.wasm(\?|$)/;
const GLUE = /\/japan-fund-explainer-(?:en|ja)-[0-9a-f]+\.js(\?|$)/;

/** The requests for the wasm and its glue since the log was emptied. */
function counts() {
  const paths = ctx.server.requests.map((r) => r.path);
  const wasm = paths.filter((p) => WASM.test(p));
  return { wasm: wasm.length, glue: paths.filter((p) => GLUE.test(p)).length, wasmPaths: wasm };
}

for (const [name, path, intent, lang] of [
  ['the page', '', false, 'en'],
  ['the Japanese page', 'ja/', false, 'ja'],
  ['an embed (after the reader points at it)', 'embed/allocation/', true, 'en'],
  ['a Japanese embed (after the reader points at it)', 'ja/embed/allocation/', true, 'ja'],
]) {
  test(`${BROWSER}: ${name}: one wasm request and one glue request per page view`, { timeout: TIMEOUT }, async (t) => {
    ctx.server.requests.length = 0;
    const page = await open(ctx, `${ctx.server.url}${path}`, { viewport: DESKTOP, wait: false });
    try {
      let i = 0;
      await waitForTakeover(page, { nudge: intent ? () => page.mouseMove(300 + (i++ % 9), 300) : undefined });
      // Late duplicates (a preload nobody reused, a second fetch) would arrive by now.
      await sleep(1500);
      const c = counts();
      console.log(`[${BROWSER}] ${name}: ${c.wasm} wasm request(s), ${c.glue} glue request(s) per page view`);
      assert.equal(c.wasm, 1, `wasm requests per page view of ${name} in ${BROWSER}`);
      assert.equal(c.glue, 1, `glue (JS) requests per page view of ${name} in ${BROWSER}`);
      assert.match(c.wasmPaths[0], new RegExp(`/japan-fund-explainer-${lang}-[0-9a-f]+_bg\\.wasm$`), `${name} loads its language's wasm`);
      await checkErrors(t, page);
    } finally {
      await page.close();
    }
  });
}

/** The same module with a custom section appended: valid, runs the same, other bytes. */
function withCustomSection(bytes) {
  const name = Buffer.from('e2e-tampered');
  const payload = Buffer.from('not the bytes the page was built with');
  const content = Buffer.concat([Buffer.from([name.length]), name, payload]);
  assert.ok(content.length < 128);
  return Buffer.concat([bytes, Buffer.from([0, content.length]), content]);
}

for (const [lang, path] of [['en', ''], ['ja', 'ja/']]) test(`${BROWSER}: the ${lang} wasm's integrity is checked: other bytes are refused, the page stays static`, { timeout: TIMEOUT }, async (t) => {
  ctx.server.transform = (p, bytes) => (WASM.test(p) ? withCustomSection(bytes) : bytes);
  ctx.server.requests.length = 0;
  const page = await open(ctx, `${ctx.server.url}${path}`, { viewport: DESKTOP, wait: false });
  try {
    const state = () => page.evaluate(() => ({
      app: document.documentElement.classList.contains('app'),
      noApp: document.documentElement.classList.contains('no-app'),
      notice: !!document.querySelector('[data-testid="notice-static"]') && !document.querySelector('[data-testid="notice-static"]').hidden,
    }));
    await until(async () => (await state()).noApp, { message: 'html.no-app: the tampered wasm refused' });
    await sleep(1000);
    const s = await state();
    assert.deepEqual(s, { app: false, noApp: true, notice: true }, 'static page with its notice, never taken over');
    assert.equal(counts().wasm, 1, 'the wasm was asked for once');
    // The browser's own report of the refused bytes (Firefox files it as a page error) is expected.
    const refused = (m) => /integrity|digest|subresource|SRI|hash|interactive charts could not start/i.test(m);
    await checkErrors(t, page, { allowConsole: refused, allowUncaught: (m) => /integrity attribute/.test(m) });
  } finally {
    ctx.server.transform = null;
    await page.close();
  }
});
