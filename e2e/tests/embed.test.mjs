// Embeds (issue 5): a newsroom page using the public pym.js parent library embeds a chart from
// another origin, and the iframe takes exactly the embedded content's height, at a 700 px and a
// 360 px host. The embed also sends AMP's `embed-size` message and the project's own JSON message.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../server.mjs';
import { REPO, TEST_TIMEOUT, launchBrowser, serveDist, openPage, assertNoErrors, until, sel } from './helpers.mjs';

let browser;
let explainer;
let host;
let hostDir;

const HOST_PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>A newsroom article</title>
<style>body { margin: 0; font-family: Georgia, serif; } main { margin: 0 auto; max-width: 100%; } p { margin: 1rem; }</style>
</head>
<body>
<main>
<p>Paragraphs of the host's own article come before the chart.</p>
<div id="chart"></div>
<p>And after it.</p>
</main>
<script src="pym.v1.min.js"></script>
<script>
  window.__messages = [];
  window.addEventListener('message', (e) => window.__messages.push(e.data));
  const src = new URLSearchParams(location.search).get('src');
  window.pymParent = new pym.Parent('chart', src, { title: 'Interactive chart' });
</script>
</body>
</html>
`;

before(async () => {
  browser = await launchBrowser();
  explainer = await serveDist({ mountPath: '/graphics/japan-fund/' });
  hostDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pym-host-'));
  fs.writeFileSync(path.join(hostDir, 'index.html'), HOST_PAGE);
  fs.copyFileSync(path.join(REPO, 'e2e', 'node_modules', 'pym.js', 'dist', 'pym.v1.min.js'), path.join(hostDir, 'pym.v1.min.js'));
  host = await startServer({ root: hostDir });
});

after(async () => {
  await browser?.close();
  await explainer?.close();
  await host?.close();
  if (hostDir) fs.rmSync(hostDir, { recursive: true, force: true });
});

function embedUrl(chart) {
  return `${explainer.url}?embed=${chart}`;
}

for (const chart of ['waffle', 'allocation', 'profit-split']) {
  for (const width of [700, 360]) {
    test(`pym.js host at ${width} px: the ${chart} iframe is exactly as tall as its content`, { timeout: TEST_TIMEOUT }, async () => {
      const t = await openPage(browser, `${host.url}?src=${encodeURIComponent(embedUrl(chart))}`, {
        viewport: { width, height: 900 },
        wait: false,
      });
      const { page } = t;
      try {
        await page.waitForSelector('#chart iframe');
        const frame = await until(
          async () => page.frames().find((f) => f.url().includes(`embed=${chart}`) && f !== page.mainFrame()),
          { message: 'the embed frame' },
        );
        await frame.waitForSelector(`${sel(`chart-${chart}`)} svg`);
        // No page chrome in embed mode: no walkthrough, no header.
        assert.equal(await frame.$('#walkthrough'), null);
        assert.equal(await frame.$('header.masthead'), null);
        assert.ok(await frame.$(`${sel('embed-root')} a[href*="?"]`), 'a link to the full explainer');
        let last = {};
        await until(
          async () => {
            const content = await frame.evaluate(() => Math.ceil(document.querySelector('[data-testid="embed-root"]').getBoundingClientRect().height));
            const iframe = await page.evaluate(() => document.querySelector('#chart iframe').getBoundingClientRect().height);
            last = { content, iframe };
            return content > 100 && iframe === content;
          },
          { message: 'iframe height equal to the content height' },
        ).catch((e) => {
          throw new Error(`${e.message}: last seen ${JSON.stringify(last)}`);
        });
        // The iframe fills the host's column.
        const iframeWidth = await page.evaluate(() => document.querySelector('#chart iframe').getBoundingClientRect().width);
        assert.equal(Math.round(iframeWidth), width);
        // The other two height messages carry the same height.
        const messages = await page.evaluate(() => window.__messages.filter((m) => typeof m === 'object' && m !== null));
        const amp = messages.filter((m) => m.sentinel === 'amp' && m.type === 'embed-size');
        const own = messages.filter((m) => m.type === 'japan-fund-explainer:height' && m.chart === chart);
        assert.ok(amp.length > 0, 'AMP embed-size message');
        assert.ok(own.length > 0, 'own height message');
        assert.equal(amp.at(-1).height, last.content);
        assert.equal(own.at(-1).height, last.content);
        await assertNoErrors(t);
      } finally {
        await t.context.close();
      }
    });
  }
}

test('the iframe follows the content when the reader opens the data table', { timeout: TEST_TIMEOUT }, async () => {
  const t = await openPage(browser, `${host.url}?src=${encodeURIComponent(embedUrl('allocation'))}`, {
    viewport: { width: 700, height: 900 },
    wait: false,
  });
  const { page } = t;
  try {
    await page.waitForSelector('#chart iframe');
    const frame = await until(async () => page.frames().find((f) => f.url().includes('embed=allocation') && f !== page.mainFrame()));
    await frame.waitForSelector(`${sel('chart-allocation')} svg`);
    const heights = async () => ({
      content: await frame.evaluate(() => Math.ceil(document.querySelector('[data-testid="embed-root"]').getBoundingClientRect().height)),
      iframe: await page.evaluate(() => document.querySelector('#chart iframe').getBoundingClientRect().height),
    });
    await until(async () => {
      const h = await heights();
      return h.iframe === h.content;
    });
    const before = (await heights()).content;
    await frame.click(`${sel('chart-allocation')} details.data summary`);
    await until(async () => {
      const h = await heights();
      return h.content > before && h.iframe === h.content;
    }, { message: 'the iframe grows with the opened table' });
    await assertNoErrors(t);
  } finally {
    await t.context.close();
  }
});

test('a bad embed link names the refused parameter inside the embed', { timeout: TEST_TIMEOUT }, async () => {
  const t = await openPage(browser, `${explainer.url}?embed=waffle&a.direct=lots`, { wait: false });
  try {
    await t.page.waitForSelector(`${sel('chart-waffle')} svg`);
    const notice = await t.page.textContent(sel('notice-params'));
    assert.match(notice, /a\.direct/);
    await assertNoErrors(t);
  } finally {
    await t.context.close();
  }
});
