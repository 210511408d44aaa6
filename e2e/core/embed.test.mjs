// An embed in a newsroom page using the public pym.js parent library, served from another origin,
// in the browser E2E_BROWSER names: the iframe becomes exactly as tall as the embed's content
// (from pym's height message, before any wasm), the embed downloads no wasm until the reader
// points at it, then takes over once, stays sized, and the iframe follows the content when the
// reader opens its data table.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, STRICT_CSP } from '../server.mjs';
import { BROWSER, TIMEOUT, REPO, suite, open, checkErrors, waitForTakeover, until, sel } from './common.mjs';

const WIDTH = 520;
const ctx = suite({ mountPath: '/graphics/japan-fund/', headers: { 'Content-Security-Policy': STRICT_CSP } });
let host;
let hostDir;

before(async () => {
  hostDir = fs.mkdtempSync(path.join(os.tmpdir(), 'core-pym-host-'));
  fs.copyFileSync(path.join(REPO, 'e2e', 'node_modules', 'pym.js', 'dist', 'pym.v1.min.js'), path.join(hostDir, 'pym.v1.min.js'));
  fs.writeFileSync(
    path.join(hostDir, 'index.html'),
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Host</title><style>body { margin: 0; } p { margin: 1rem; }</style></head>
<body><p>The host's article.</p><div id="chart"></div><p>More of it.</p>
<script src="pym.v1.min.js"></script>
<script>
  window.__messages = [];
  addEventListener('message', (e) => window.__messages.push(e.data));
  new pym.Parent('chart', new URLSearchParams(location.search).get('src'), { title: 'Chart' });
</script></body></html>`,
  );
  host = await startServer({ root: hostDir });
});

after(async () => {
  await host?.close();
  if (hostDir) fs.rmSync(hostDir, { recursive: true, force: true });
});

test(`${BROWSER}: an embed in a pym.js host on another origin reports its height; wasm on intent only`, { timeout: TIMEOUT }, async (t) => {
  const src = `${ctx.server.url}embed/allocation/`;
  ctx.server.requests.length = 0;
  const page = await open(ctx, `${host.url}?src=${encodeURIComponent(src)}`, { viewport: { width: WIDTH, height: 900 }, wait: false });
  try {
    await until(() => page.evaluate(() => !!document.querySelector('#chart iframe')), { message: 'the pym iframe' });
    const frame = await page.frame('#chart iframe');
    await until(() => frame.evaluate(() => !!document.querySelector('[data-testid="chart-allocation"] svg')).catch(() => false), { message: 'the embed drawn in its frame' });
    const heights = async () => ({
      content: await frame.evaluate(() => Math.ceil(document.querySelector('[data-testid="embed-root"]').getBoundingClientRect().height)),
      iframe: await page.evaluate(() => document.querySelector('#chart iframe').getBoundingClientRect().height),
      pym: await page.evaluate(() => window.__messages.filter((m) => typeof m === 'string' && m.includes('xPYMxheightxPYMx')).map((m) => Number(m.split('xPYMx')[3])).at(-1) ?? null),
    });
    const sized = async (message, want = () => true) => {
      let last;
      await until(async () => {
        last = await heights();
        return last.content > 100 && last.iframe === last.content && last.pym === last.content && want(last);
      }, { message }).catch((e) => {
        throw new Error(`${e.message}: last ${JSON.stringify(last)}`);
      });
      return last;
    };
    const first = await sized('the iframe as tall as the content, from the pym height message');
    assert.equal(Math.round(await page.evaluate(() => document.querySelector('#chart iframe').getBoundingClientRect().width)), WIDTH, 'the iframe fills the column');
    const wasm = () => ctx.server.requests.filter((r) => /\.wasm(\?|$)/.test(r.path)).length;
    assert.equal(wasm(), 0, 'no wasm before the reader points at the embed');
    assert.equal(await frame.evaluate(() => document.documentElement.classList.contains('app')), false, 'the prerendered embed stands alone');

    // The reader points at the chart: the embed starts, once.
    const box = await page.evaluate(() => { const r = document.querySelector('#chart iframe').getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width }; });
    let i = 0;
    await waitForTakeover(frame, { nudge: () => page.mouseMove(box.x + box.w / 2 + (i++ % 7), box.y + 120) });
    const started = await sized('the iframe still as tall as the content after the takeover');
    assert.equal(wasm(), 1, 'one wasm request once the reader points at the embed');
    console.log(`[${BROWSER}] embed allocation at ${WIDTH} px: ${first.content} px before, ${started.content} px after the takeover`);

    // The data table opened inside the embed: the iframe follows.
    await frame.evaluate(() => document.querySelector('[data-testid="chart-allocation"] details.data > summary').click());
    const grown = await sized('the iframe to grow with the opened table', (h) => h.content > started.content + 50);
    await frame.evaluate(() => document.querySelector('[data-testid="chart-allocation"] details.data > summary').click());
    await sized('the iframe to shrink back when the table is shut', (h) => h.content === started.content);
    console.log(`[${BROWSER}] embed with its table open: ${grown.content} px`);
    await checkErrors(t, page);
  } finally {
    await page.close();
  }
});
