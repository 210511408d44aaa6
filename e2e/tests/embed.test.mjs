// Embed pages (`embed/<chart>/`, `ja/embed/<chart>/`) in a newsroom page that uses the public
// pym.js parent library, served from another origin: the iframe takes exactly the embedded
// content's height (700, 520 and 360 px hosts), follows it when the reader opens the data table,
// and the embed also sends AMP's `embed-size` message and the project's own JSON message. The
// controls setting (`?controls=compact|none|all`) keeps the allocation embed short at 520 px.
// An embed in a host asks for no WebAssembly until the reader points at it; it stays sized after.
// Messages from the host are untrusted: nothing in them runs, reaches the DOM or changes the
// reader's numbers; only pym's exact width message for this childId is answered (with a height).
// Also: a bad embed link names the refused parameter inside the embed; the Japanese embed sizes
// itself and reads Japanese; the page's embed dialog writes snippets and previews the embed.
// The explainer's pages are served under the strict Content-Security-Policy throughout.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, STRICT_CSP } from '../server.mjs';
import { REPO, TEST_TIMEOUT, launchBrowser, serveDist, openPage, assertNoErrors, until, changed, sel, waitForTakeover } from './helpers.mjs';

const MOUNT = '/graphics/japan-fund/';
/** Height limits (CSS px) of the allocation embed in a 520 px column, per controls setting. */
const LIMIT_520 = { compact: 720, none: 560 };

let browser;
let explainer;
let host;
let hostDir;

// The host page: an article with a pym.js parent; it records every message it receives, with
// the time it arrived in a counter, so a test can ask "what came after this point".
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
  // The explainer is served under the strict Content-Security-Policy the README promises.
  explainer = await serveDist({ mountPath: MOUNT, headers: { 'Content-Security-Policy': STRICT_CSP } });
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

/** The embed page's address: `embed/<chart>/` (or `ja/embed/<chart>/`) with an optional query. */
function embedUrl(chart, { lang = 'en', query = '' } = {}) {
  return `${explainer.url}${lang === 'ja' ? 'ja/' : ''}embed/${chart}/${query ? `?${query}` : ''}`;
}

/** The embed's path, as the frame's URL shows it. */
function embedPath(chart, lang = 'en') {
  return `${MOUNT}${lang === 'ja' ? 'ja/' : ''}embed/${chart}/`;
}

/**
 * Shows the reader's intent to use the embed (the pointer moves over it), which starts its
 * WebAssembly (embed pages start it on intent, or at once when the link carries numbers), and
 * waits for the takeover.
 */
async function startEmbed(page, frame, t) {
  const box = await page.locator('#chart iframe').boundingBox();
  let i = 0;
  await waitForTakeover(frame, { t, nudge: () => page.mouse.move(box.x + box.width / 2 + (i++ % 10), box.y + 100) });
}

/**
 * The first slider the embed lets the reader move. Embeds start in the record's framing, where
 * the Treasuries share is fixed at 0 (its slider shown, disabled).
 */
function movableSlider(frame) {
  return frame.locator('[data-testid="embed-root"] input[type="range"]:not([disabled])').first();
}

/** Whether the WebAssembly was asked for (by any frame). */
const wasmRequested = (t) => t.requests.some((u) => /\.wasm(\?|$)/.test(u));

/** Whether the client has taken the page in `frame` over. */
const takenOver = (frame) => frame.evaluate(() => document.documentElement.classList.contains('app'));

/**
 * Opens the host page with a pym.js parent for `chart` in a column `width` px wide and waits for
 * the embed frame (prerendered: its wasm starts on the reader's intent); with `start`, also
 * starts it as a reader would and waits for the takeover. Returns { t, page, frame }.
 */
async function openInHost(chart, { width = 700, lang = 'en', query = '', start = false } = {}) {
  const src = embedUrl(chart, { lang, query });
  const t = await openPage(browser, `${host.url}?src=${encodeURIComponent(src)}`, { viewport: { width, height: 900 }, wait: false });
  const { page } = t;
  try {
    await page.waitForSelector('#chart iframe');
    const frame = await until(
      async () => page.frames().find((f) => f !== page.mainFrame() && f.url().startsWith('http') && new URL(f.url()).pathname === embedPath(chart, lang)),
      { message: `the embed frame (${embedPath(chart, lang)})` },
    );
    await frame.waitForSelector(`${sel(`chart-${chart}`)} svg`, { state: 'attached' });
    if (start) await startEmbed(page, frame, t);
    return { t, page, frame };
  } catch (e) {
    await t.context.close();
    throw e;
  }
}

/** The embed content's height (CSS px, rounded up as the embed reports it) and the iframe's. */
async function heights(page, frame) {
  return {
    content: await frame.evaluate(() => Math.ceil(document.querySelector('[data-testid="embed-root"]').getBoundingClientRect().height)),
    iframe: await page.evaluate(() => document.querySelector('#chart iframe').getBoundingClientRect().height),
  };
}

/** Waits until the iframe is exactly as tall as the content (and taller than `min`). */
async function sized(page, frame, { min = 100, message = 'iframe height equal to the content height' } = {}) {
  let last = {};
  await until(
    async () => {
      last = await heights(page, frame);
      return last.content > min && last.iframe === last.content;
    },
    { message },
  ).catch((e) => {
    throw new Error(`${e.message}: last seen ${JSON.stringify(last)}`);
  });
  return last;
}

/** pym height messages the host has received (their heights, in order). */
function pymHeights(page) {
  return page.evaluate(() =>
    window.__messages
      .filter((m) => typeof m === 'string' && m.startsWith('pymxPYMxchartxPYMxheightxPYMx'))
      .map((m) => Number(m.split('xPYMx')[3])),
  );
}

for (const chart of ['waffle', 'allocation', 'profit-split']) {
  for (const width of [700, 360]) {
    test(`pym.js host at ${width} px: the ${chart} iframe is exactly as tall as its content`, { timeout: TEST_TIMEOUT }, async () => {
      const { t, page, frame } = await openInHost(chart, { width });
      try {
        // No page chrome in an embed: no walkthrough, no header, no embed dialog.
        assert.equal(await frame.$('#walkthrough'), null);
        assert.equal(await frame.$('header.masthead'), null);
        assert.equal(await frame.$(sel('embed-dialog')), null);
        const link = await frame.evaluate(() => document.querySelector('[data-testid="embed-link"]')?.href ?? null);
        assert.ok(link, 'a link to the full explainer');
        assert.equal(new URL(link).pathname, MOUNT, `embed-link goes to the explainer (${link})`);
        const last = await sized(page, frame);
        // The iframe fills the host's column.
        const iframeWidth = await page.evaluate(() => document.querySelector('#chart iframe').getBoundingClientRect().width);
        assert.equal(Math.round(iframeWidth), width);
        // The embed does not scroll inside the iframe: its document is no taller than the frame.
        const doc = await frame.evaluate(() => ({ scroll: document.documentElement.scrollHeight, client: document.documentElement.clientHeight }));
        assert.ok(doc.scroll <= doc.client + 1, `the embed's document fits its iframe (scrollHeight ${doc.scroll}, clientHeight ${doc.client})`);
        // The other two height messages carry the same height.
        const messages = await page.evaluate(() => window.__messages.filter((m) => typeof m === 'object' && m !== null));
        const amp = messages.filter((m) => m.sentinel === 'amp' && m.type === 'embed-size');
        const own = messages.filter((m) => m.type === 'japan-fund-explainer:height' && m.chart === chart);
        assert.ok(amp.length > 0, 'AMP embed-size message');
        assert.ok(own.length > 0, 'own height message');
        assert.equal(amp.at(-1).height, last.content);
        assert.equal(own.at(-1).height, last.content);
        assert.equal((await pymHeights(page)).at(-1), last.content, 'the last pym height message');
        // A reader who only scrolls past the embed downloads no WebAssembly.
        assert.equal(wasmRequested(t), false, 'no wasm requested before the reader shows an intent');
        assert.equal(await takenOver(frame), false, 'the prerendered embed stands on its own');
        // Once the reader points at it, the app takes over and the iframe still fits.
        await startEmbed(page, frame, t);
        assert.ok(wasmRequested(t), 'the wasm is requested once the reader points at the embed');
        const started = await sized(page, frame, { message: 'iframe height equal to the content height after the takeover' });
        console.log(`[embed] ${chart} at ${width} px: ${last.content} px tall (${started.content} px once started)`);
        await assertNoErrors(t);
      } finally {
        await t.context.close();
      }
    });
  }
}

test('the iframe follows the content when the reader opens the data table', { timeout: TEST_TIMEOUT }, async () => {
  const { t, page, frame } = await openInHost('allocation', { width: 700 });
  try {
    const before = (await sized(page, frame)).content;
    await frame.click(`${sel('chart-allocation')} details.data summary`);
    await until(
      async () => {
        const h = await heights(page, frame);
        return h.content > before + 50 && h.iframe === h.content;
      },
      { message: 'the iframe grows with the opened table' },
    );
    assert.ok(await frame.locator(sel('table-allocation')).isVisible(), 'the table is shown');
    // And shrinks back when the table is closed.
    await frame.click(`${sel('chart-allocation')} details.data summary`);
    await until(
      async () => {
        const h = await heights(page, frame);
        return h.content === before && h.iframe === before;
      },
      { message: 'the iframe shrinks back when the table is closed' },
    );
    await assertNoErrors(t);
  } finally {
    await t.context.close();
  }
});

test('a bad embed link names the refused parameter as text inside the embed', { timeout: TEST_TIMEOUT }, async () => {
  const url = `${explainer.url}embed/waffle/?a.direct=%3Cb%20id%3Dinjected%3Elots%3C%2Fb%3E&a.treasuries=60`;
  const t = await openPage(browser, url, { viewport: { width: 520, height: 900 }, wait: false });
  try {
    await waitForTakeover(t.page, { t });
    const notice = t.page.locator(sel('notice-params'));
    await until(() => notice.isVisible(), { message: 'notice-params to be shown' });
    const where = await t.page.evaluate(() => {
      const n = document.querySelector('[data-testid="notice-params"]');
      return { inRoot: !!n.closest('[data-testid="embed-root"]'), text: n.textContent, elements: [...n.querySelectorAll('b, #injected')].length };
    });
    assert.ok(where.inRoot, 'the notice is inside the embed');
    assert.match(where.text, /a\.direct/, `the notice names a.direct (got ${where.text})`);
    assert.doesNotMatch(where.text, /a\.treasuries/, 'a valid parameter is not named');
    assert.equal(where.elements, 0, 'nothing from the link reaches the notice as markup');
    assert.equal(await t.page.$('#injected'), null, 'no injected element anywhere');
    await assertNoErrors(t);
  } finally {
    await t.context.close();
  }
});

// ---- Controls settings at 520 px --------------------------------------------------------------

/** What the embed's controls look like: which are shown, which hidden. */
function controlsShown(frame) {
  return frame.evaluate(() => {
    const shown = (e) => !!e && e.checkVisibility();
    const section = document.querySelector('.embed-controls');
    const levels = [...document.querySelectorAll('.embed-controls [data-level]')].map((e) => ({
      level: e.dataset.level,
      what: e.dataset.control || e.dataset.testid || e.firstElementChild?.className || e.localName,
      shown: shown(e),
    }));
    return {
      setting: document.documentElement.dataset.controls,
      section: shown(section),
      levels,
      sliders: [...document.querySelectorAll('.embed-controls input[type="range"]')].filter(shown).map((e) => e.dataset.testid),
      presets: [...document.querySelectorAll('.embed-controls [data-testid^="preset-"]')].filter(shown).length,
    };
  });
}

for (const lang of ['en', 'ja']) {
  for (const controls of ['compact', 'none', 'all']) {
    const query = controls === 'compact' ? '' : `controls=${controls}`;
    const name = `${lang === 'ja' ? 'ja/' : ''}embed/allocation/${query ? `?${query}` : ''}`;
    test(`pym.js host at 520 px: ${name} (${controls} controls) is sized and short enough`, { timeout: TEST_TIMEOUT }, async () => {
      const { t, page, frame } = await openInHost('allocation', { width: 520, lang, query });
      try {
        const prerendered = await sized(page, frame);
        await startEmbed(page, frame, t);
        const started = await sized(page, frame, { message: 'iframe height equal to the content height after the takeover' });
        const h = { iframe: Math.max(prerendered.iframe, started.iframe) };
        console.log(`[embed] allocation at 520 px, ${lang}, controls=${controls}${query ? '' : ' (default)'}: iframe ${prerendered.iframe} px (${started.iframe} px once started)`);
        const c = await controlsShown(frame);
        assert.equal(c.setting, controls, 'html[data-controls] follows ?controls= (compact by default)');
        if (controls === 'none') {
          assert.equal(c.section, false, 'no controls with controls=none');
          assert.deepEqual(c.sliders, []);
        } else if (controls === 'compact') {
          assert.ok(c.section, 'controls are shown');
          for (const l of c.levels) assert.equal(l.shown, l.level === 'compact', `${l.what} (data-level=${l.level}) shown: ${l.shown}`);
          assert.ok(c.sliders.includes('slider-treasuries'), `the Treasuries slider is a compact control (${c.sliders})`);
          assert.equal(c.presets, 0, 'no presets in compact');
        } else {
          assert.ok(c.section, 'controls are shown');
          const hidden = c.levels.filter((l) => !l.shown);
          assert.deepEqual(hidden, [], 'every control is shown with controls=all');
          assert.deepEqual(c.sliders.sort(), ['slider-direct', 'slider-remainder-split', 'slider-treasuries'], 'all three sliders');
          assert.equal(c.presets, 4, 'the three presets and reset');
          assert.ok(await frame.locator(sel('remainder-note')).isVisible(), 'the note on the rest');
        }
        if (LIMIT_520[controls] !== undefined) {
          assert.ok(
            h.iframe <= LIMIT_520[controls],
            `at 520 px the allocation embed with controls=${controls} (${lang}) is ${h.iframe} px tall (${prerendered.iframe} px before the wasm starts, ${started.iframe} px after): more than ${LIMIT_520[controls]} px`,
          );
        }
        // The shown controls work: a slider moves the chart and the host resizes if needed.
        if (controls !== 'none') {
          // Embeds start in the record's framing, which has no Treasuries: the equity slider.
          const svg = await frame.evaluate(() => document.querySelector('[data-testid="chart-allocation"]').innerHTML);
          await movableSlider(frame).focus();
          await movableSlider(frame).press('ArrowLeft');
          await changed(() => frame.evaluate(() => document.querySelector('[data-testid="chart-allocation"]').innerHTML), svg, 'the chart after the slider');
          await sized(page, frame, { message: 'iframe height equal to the content height after the slider' });
        }
        await assertNoErrors(t);
      } finally {
        await t.context.close();
      }
    });
  }
}

test('pym.js host at 520 px: with controls=none the embed is shorter than compact, and compact shorter than all', { timeout: TEST_TIMEOUT }, async () => {
  const got = {};
  for (const controls of ['none', 'compact', 'all']) {
    const { t, page, frame } = await openInHost('allocation', { width: 520, query: `controls=${controls}` });
    try {
      got[controls] = (await sized(page, frame)).iframe;
    } finally {
      await t.context.close();
    }
  }
  assert.ok(got.none < got.compact && got.compact < got.all, `heights none < compact < all: ${JSON.stringify(got)}`);
});

// ---- Hostile messages from the host -----------------------------------------------------------

// Everything below is posted by the host page to the embed's window. None of it is the exact pym
// width message for childId "chart", so none of it may be answered, shown, run or obeyed.
const MARK = 'PWNED';
const HOSTILE_SOURCE = `(() => {
  const MARK = ${JSON.stringify(MARK)};
  const run = 'window.__pwned=1;parent.__pwned=1;alert(1)';
  const img = '<img src=x onerror="' + run + '">';
  const pym = (id, type, msg) => 'pymxPYMx' + id + 'xPYMx' + type + 'xPYMx' + msg;
  const strings = [
    img,
    '<script>' + run + '<\\/script>',
    '<svg onload="' + run + '"><\\/svg>' + MARK,
    'javascript:' + run,
    MARK + '<b id="injected">' + MARK + '</b>',
    // pym, wrong childId or type
    pym('other', 'width', '400'),
    pym('chart2', 'width', '400'),
    pym('Chart', 'width', '400'),
    pym('', 'width', '400'),
    pym('chart', 'Width', '400'),
    pym('chart', 'height', '400'),
    pym('chart', 'height', img),
    pym('chart', 'navigateTo', 'javascript:' + run),
    pym('chart', 'navigateTo', 'https://example.invalid/'),
    pym('chart', 'scrollToChildPos', '100'),
    pym('chart', 'viewport-iframe-position', '520 900 0 0 0 0'),
    pym('chart', 'parentPositionInfo', '0'),
    pym('chart', 'treasuries', '10'),
    pym('chart', 'state', '{"treasuries":10}'),
    pym('chart', img, '400'),
    // pym width for this childId, with widths that are not a plain number of pixels
    pym('chart', 'width', '999999999999'),
    pym('chart', 'width', '-400'),
    pym('chart', 'width', 'NaN'),
    pym('chart', 'width', 'Infinity'),
    pym('chart', 'width', '1e9'),
    pym('chart', 'width', '4.5'),
    pym('chart', 'width', ''),
    pym('chart', 'width', '400 '),
    pym('chart', 'width', '400' + img),
    pym('chart', 'width', '400\\n' + img),
    ' ' + pym('chart', 'width', '400'),
    pym('chart', 'width', '400') + 'xPYMx' + img,
    'xPYMxchartxPYMxwidthxPYMx400',
    'pymxPYMxchartxPYMxwidth',
    // JSON strings that look like state changes or our own messages
    '{"treasuries":10}',
    '{"a.treasuries":"10","a.direct":"50","step":"5","theme":"dark","lang":"ja","controls":"all"}',
    '{"type":"japan-fund-explainer:height","chart":"allocation","height":5}',
    '{"sentinel":"amp","type":"embed-size","height":5}',
    '?a.treasuries=10&theme=dark',
    'a.treasuries=10',
    // very long strings
    pym('chart', 'width', '9'.repeat(100000)),
    'x'.repeat(1000000),
    img.repeat(20000),
    pym('chart', 'width', '400').repeat(1000),
  ];
  const values = [
    null, undefined, 0, 42, -1, NaN, Infinity, true, false, 10n,
    [], [pym('chart', 'width', '400')], [img],
    { treasuries: 10 },
    { 'a.treasuries': 10, 'a.direct': 50, step: 5 },
    { type: 'japan-fund-explainer:state', state: { treasuries: 10, theme: 'dark' } },
    { type: 'japan-fund-explainer:height', chart: 'allocation', height: 10 },
    { type: 'japan-fund-explainer:height', chart: 'allocation', height: img },
    { sentinel: 'amp', type: 'embed-size', height: 10 },
    { sentinel: 'amp', type: 'embed-ready' },
    { sentinel: 'amp', type: 'send-intersections' },
    { sentinel: 'amp', type: 'intersection', changes: [{ intersectionRatio: 1 }] },
    { type: 'setTheme', theme: 'dark' },
    { theme: 'dark', lang: 'ja', controls: 'all' },
    { html: img, innerHTML: img, text: MARK, data: pym('chart', 'width', '400') },
    { toString: 'x', valueOf: 1, __proto__: { polluted: true } },
    JSON.parse('{"__proto__": {"polluted": true}}'),
    new String(pym('chart', 'width', '400')),
    new Number(400),
    new Date(0),
    /pym/g,
    new Map([['treasuries', 10]]),
    new Set([img]),
    new ArrayBuffer(16),
    new Uint8Array([60, 105, 109, 103]),
    new Blob([img], { type: 'text/html' }),
    new Error(img),
  ];
  return [...strings, ...values];
})()`;

/** Posts every hostile message to the embed window from the host page; returns how many. */
function postHostile(page) {
  return page.evaluate((source) => {
    const w = document.querySelector('#chart iframe').contentWindow;
    // eslint-disable-next-line no-eval
    const all = (0, eval)(source);
    for (const m of all) w.postMessage(m, '*');
    return all.length;
  }, HOSTILE_SOURCE);
}

/**
 * Sends pym's real width message through the parent library and waits for the pym height answer;
 * since messages are handled in order, everything posted before has been handled by then.
 * Returns the number of pym height messages that arrived from `since` on, and the last height.
 */
async function roundTrip(page, since) {
  await page.evaluate(() => window.pymParent.sendWidth());
  const got = await until(
    async () => {
      const hs = await pymHeights(page);
      return hs.length > since ? hs : false;
    },
    { message: 'a pym height answer to pym width message' },
  );
  // Let the embed finish any frame that the messages might have started.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return { count: (await pymHeights(page)).length - since, last: got.at(-1) };
}

/** Everything the reader could see or that holds the reader's state, in the embed. */
function embedState(frame) {
  return frame.evaluate(() => {
    const root = document.querySelector('[data-testid="embed-root"]');
    const html = document.documentElement;
    return {
      href: location.href,
      html: { lang: html.lang, theme: html.dataset.theme, controls: html.dataset.controls, className: html.className },
      values: [...root.querySelectorAll('input, select, textarea')].map((e) => `${e.dataset.testid || e.id}=${e.type === 'checkbox' ? e.checked : e.value}`),
      svg: document.querySelector('[data-testid="chart-allocation"] .chart-svg:not([hidden]) svg')?.outerHTML ?? null,
      text: root.innerText,
      markup: root.innerHTML,
      elements: document.getElementsByTagName('*').length,
    };
  });
}

/** Signs of anything from a message having run or reached the DOM, in the embed. */
function traces(frame) {
  return frame.evaluate((mark) => {
    const found = [];
    if (window.__pwned) found.push('window.__pwned is set in the embed');
    if (({}).polluted) found.push('Object.prototype was polluted');
    if (document.getElementById('injected')) found.push('#injected exists');
    if (document.querySelector('img[src="x"], script:not([src]):not([type="application/ld+json"]), iframe, object, embed')) found.push('an injected element exists');
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) if (/^on/i.test(a.name)) found.push(`<${el.localName} ${a.name}>`);
    }
    if (document.documentElement.outerHTML.includes(mark)) found.push(`the marker ${mark} is in the DOM`);
    if (document.documentElement.outerHTML.includes('onerror')) found.push('"onerror" is in the DOM');
    return found;
  }, MARK);
}

test('hostile messages from the host: nothing runs, nothing changes, the width message is still answered', { timeout: TEST_TIMEOUT }, async () => {
  const { t, page, frame } = await openInHost('allocation', { width: 520, query: 'controls=all' });
  try {
    await sized(page, frame);
    // Before the reader shows an intent (the wasm not started): the messages neither start it
    // nor change, run or show anything; the width message is answered by embed.js alone.
    {
      const since = (await pymHeights(page)).length;
      const first = await roundTrip(page, since);
      assert.equal(first.count, 1, 'the prerendered embed answers a width message');
      const before = await embedState(frame);
      const n = await postHostile(page);
      const after = await roundTrip(page, since + 1);
      assert.equal(after.count, 1, `before the takeover, only the real width message was answered (${after.count} answers to ${n} hostile messages and one real one)`);
      assert.equal(wasmRequested(t), false, 'messages do not start the wasm');
      assert.equal(await takenOver(frame), false, 'messages do not start the app');
      const now = await embedState(frame);
      for (const k of ['href', 'values', 'svg', 'text', 'markup', 'elements']) assert.deepEqual(now[k], before[k], `before the takeover, ${k} unchanged`);
      assert.deepEqual(now.html, before.html, 'before the takeover, the html attributes are unchanged');
      assert.deepEqual(await traces(frame), [], 'before the takeover, nothing from a message reached the DOM or ran');
    }
    await startEmbed(page, frame, t);
    // The reader has moved a slider: the state is not the default one.
    const svg0 = await frame.evaluate(() => document.querySelector('[data-testid="chart-allocation"]').innerHTML);
    const moved = await movableSlider(frame).getAttribute('data-testid');
    const movedFrom = await movableSlider(frame).inputValue();
    await movableSlider(frame).focus();
    await movableSlider(frame).press('ArrowRight');
    await changed(() => frame.evaluate(() => document.querySelector('[data-testid="chart-allocation"]').innerHTML), svg0, 'the chart after the slider');
    await sized(page, frame);
    // The reader's pause has been written into the URL (every parameter, so the framing too).
    await until(() => frame.evaluate(() => new URLSearchParams(location.search).has('framing')), { message: 'the URL to take the slider' });
    // A first round trip: the embed answers pym's width message, and the state has settled.
    let since = (await pymHeights(page)).length;
    const first = await roundTrip(page, since);
    assert.equal(first.count, 1, 'one height answer to one width message');
    const before = await embedState(frame);
    const movedTo = before.values.find((v) => v.startsWith(`${moved}=`));
    assert.ok(movedTo && movedTo !== `${moved}=${movedFrom}`, `${moved} moved from ${movedFrom} (now ${movedTo})`);

    since = (await pymHeights(page)).length;
    const n = await postHostile(page);
    assert.ok(n > 80, `posted ${n} hostile messages`);
    const after = await roundTrip(page, since);
    assert.equal(after.count, 1, `only the real width message was answered (${after.count} pym height messages came after ${n} hostile ones and one real one)`);
    const heightNow = await heights(page, frame);
    assert.equal(after.last, heightNow.content, 'the answer carries the content height');
    assert.equal(heightNow.iframe, heightNow.content, 'the iframe still fits its content');

    const now = await embedState(frame);
    assert.equal(now.href, before.href, 'the embed URL (the reader state) is unchanged');
    assert.deepEqual(now.html, before.html, 'theme, language, controls setting unchanged');
    assert.deepEqual(now.values, before.values, 'every control keeps its value');
    assert.equal(now.svg, before.svg, 'the chart SVG is unchanged');
    assert.equal(now.text, before.text, 'the embed text is unchanged');
    assert.equal(now.markup, before.markup, 'the embed DOM is unchanged');
    assert.equal(now.elements, before.elements, 'no element was added');
    assert.deepEqual(await traces(frame), [], 'nothing from a message reached the DOM or ran');
    assert.equal(await page.evaluate(() => window.__pwned), undefined, 'nothing ran in the host');
    assert.deepEqual(t.dialogs, [], 'no dialogs');

    // A valid pym width message from a window that is not the parent (a sibling frame in the
    // host page) is not answered either.
    since = (await pymHeights(page)).length;
    await page.evaluate(() => {
      const sibling = document.createElement('iframe');
      sibling.srcdoc = '<p>sibling</p>';
      document.body.appendChild(sibling);
      return new Promise((r) => { sibling.onload = r; });
    });
    await page.evaluate(() => {
      const embed = document.querySelector('#chart iframe').contentWindow;
      const sibling = document.querySelectorAll('iframe')[1].contentWindow;
      sibling.eval("parent.frames[0].postMessage('pymxPYMxchartxPYMxwidthxPYMx400', '*')");
      return embed === window.frames[0];
    }).then((same) => assert.ok(same, 'frames[0] is the embed'));
    const third = await roundTrip(page, since);
    const fourth = await roundTrip(page, since + third.count);
    assert.equal(third.count + fourth.count, 2, 'a width message from a sibling frame is not answered');

    // The embed still works for the reader afterwards.
    await movableSlider(frame).focus();
    await movableSlider(frame).press('ArrowLeft');
    await changed(() => frame.evaluate(() => document.querySelector('[data-testid="chart-allocation"] .chart-svg:not([hidden]) svg')?.outerHTML), now.svg, 'the chart after the slider, after the messages');
    await assertNoErrors(t);
  } finally {
    await t.context.close();
  }
});

// ---- Japanese embed ---------------------------------------------------------------------------

const CJK = /[\u3040-\u30ff\u3400-\u9fff]/g;

test('pym.js host at 520 and 360 px: the Japanese allocation embed sizes itself and reads Japanese', { timeout: TEST_TIMEOUT }, async () => {
  for (const width of [520, 360]) {
    const { t, page, frame } = await openInHost('allocation', { width, lang: 'ja' });
    try {
      const h = await sized(page, frame);
      console.log(`[embed] ja/embed/allocation/ at ${width} px: ${h.iframe} px tall`);
      const r = await frame.evaluate(() => ({
        lang: document.documentElement.lang,
        caption: document.querySelector('[data-testid="chart-allocation"] .caption')?.textContent ?? '',
        description: document.querySelector('[data-testid="description-allocation"]')?.textContent ?? '',
        label: document.querySelector('[data-control="treasuries"] .label-text')?.textContent ?? '',
        link: document.querySelector('[data-testid="embed-link"]')?.textContent ?? '',
        text: document.querySelector('[data-testid="embed-root"]').innerText,
        svgText: [...document.querySelectorAll('[data-testid="chart-allocation"] svg text')].map((e) => e.textContent).join(' '),
      }));
      assert.equal(r.lang, 'ja');
      for (const [what, s] of Object.entries({ caption: r.caption, description: r.description, label: r.label, link: r.link })) {
        assert.match(s, CJK, `the ${what} is Japanese (got ${s})`);
      }
      assert.match(r.description, /億ドル/, `amounts in 億ドル (got ${r.description})`);
      assert.match(r.svgText, CJK, 'the chart labels are Japanese');
      const letters = r.text.replace(/\s/g, '');
      const cjk = (letters.match(CJK) || []).length;
      assert.ok(cjk / letters.length > 0.4, `most of the embed text is Japanese (${cjk} of ${letters.length} characters)`);
      // Once started, the slider updates the Japanese description, and the host follows the height.
      await startEmbed(page, frame, t);
      const before = r.description;
      await movableSlider(frame).focus();
      await movableSlider(frame).press('ArrowLeft');
      const now = await changed(() => frame.evaluate(() => document.querySelector('[data-testid="description-allocation"]').textContent), before, 'the description after the slider');
      assert.match(now, /億ドル/, `still Japanese amounts (got ${now})`);
      await sized(page, frame, { message: 'iframe height equal to the content height after the slider' });
      await assertNoErrors(t);
    } finally {
      await t.context.close();
    }
  }
});

// ---- The page's embed dialog ------------------------------------------------------------------

/**
 * A `nudge` for `waitForTakeover` on the dialog's preview: the pointer moves over the preview
 * frame (scrolled into view in the dialog), the intent that starts an embed whose link carries
 * only its default numbers.
 */
function previewNudge(frameEl) {
  let i = 0;
  return () => frameEl.hover({ position: { x: 20 + (i++ % 5), y: 40 }, force: true, timeout: 2000 }).catch(() => {});
}

test("the page's embed dialog: snippets follow the options, the preview is the embed page and takes its height", { timeout: TEST_TIMEOUT }, async () => {
  const t = await openPage(browser, explainer.url, { viewport: { width: 1280, height: 900 }, wait: false });
  const { page } = t;
  try {
    await waitForTakeover(page, { t });
    const dialog = page.locator(sel('embed-dialog'));
    assert.equal(await dialog.isVisible(), false, 'the dialog starts closed');
    await page.locator(sel('tab-allocation')).click();
    await page.locator(sel('embed-allocation')).click();
    await until(() => dialog.isVisible(), { message: 'the embed dialog to open' });
    const snippet = (id) => page.locator(sel(id)).inputValue();
    await until(async () => (await snippet('embed-snippet-pym')).includes('embed/allocation/'), { message: 'the pym snippet for the allocation embed' });
    const pymSnippet = await snippet('embed-snippet-pym');
    assert.match(pymSnippet, /pym/i, 'the pym snippet loads pym.js');
    assert.match(await snippet('embed-snippet-amp'), /amp-iframe/, 'the AMP snippet is an amp-iframe');
    assert.match(await snippet('embed-snippet'), /<iframe[^>]+embed\/allocation\//, 'the plain iframe snippet');
    // What the embed shows starts at the record (safe to publish as it comes) and the snippet
    // carries it.
    assert.equal(await page.locator(sel('embed-option-framing')).inputValue(), 'record');
    assert.match(pymSnippet, /framing=record/, 'the snippet names the record framing');

    // Options: controls, theme and language reach every snippet.
    await page.selectOption(sel('embed-option-controls'), 'none');
    await page.selectOption(sel('embed-option-theme'), 'dark');
    await page.selectOption(sel('embed-option-lang'), 'ja');
    await until(
      async () => {
        const all = await Promise.all(['embed-snippet-pym', 'embed-snippet-amp', 'embed-snippet'].map(snippet));
        return all.every((s) => /ja\/embed\/allocation\//.test(s) && /controls=none/.test(s) && /theme=dark/.test(s));
      },
      { message: 'every snippet to carry ja/, controls=none and theme=dark' },
    );
    // The preview is the embed page with those options, at the chosen width, as tall as it says.
    await page.selectOption(sel('embed-preview-width'), '390');
    const frameEl = page.locator(`${sel('embed-preview-frame')} iframe`);
    await until(async () => /ja\/embed\/allocation\/.*controls=none/.test((await frameEl.getAttribute('src')) || ''), { message: 'the preview src' });
    await until(async () => Math.round((await frameEl.boundingBox())?.width ?? 0) === 390, { message: 'the preview at 390 px' });
    const frame = await until(() => page.frames().find((f) => f.url().includes('/ja/embed/allocation/') && f.url().includes('controls=none')), { message: 'the preview frame' });
    // The snippet's numbers are the chart's defaults, so the preview, like a host's page, waits
    // for the reader: nothing of the wasm until the pointer moves over it.
    await frame.waitForLoadState('load');
    assert.equal(await frame.evaluate(() => document.documentElement.classList.contains('app')), false, 'the preview waits for intent');
    await waitForTakeover(frame, { t, nudge: previewNudge(frameEl) });
    await until(
      async () => {
        const content = await frame.evaluate(() => Math.ceil(document.querySelector('[data-testid="embed-root"]').getBoundingClientRect().height));
        const attr = Number(await frameEl.getAttribute('height'));
        return content > 100 && attr === content;
      },
      { message: "the preview iframe's height to follow the embed's own height message" },
    );
    assert.equal(await frame.evaluate(() => document.documentElement.dataset.controls), 'none');
    assert.equal(await frame.evaluate(() => document.documentElement.dataset.theme), 'dark');
    // Close: the preview goes, focus returns to the Embed button.
    await page.locator(sel('embed-close')).click();
    await until(async () => !(await dialog.isVisible()), { message: 'the dialog to close' });
    await until(() => page.evaluate(() => document.activeElement?.dataset.testid === 'embed-allocation'), { message: 'focus back on the Embed button' });
    // The yield effect's subject is the article's claim (in the record there are no Treasuries
    // to scale): its dialog starts in the article's framing, and the record is one option away.
    await page.locator(sel('embed-yield-effect')).scrollIntoViewIfNeeded();
    await page.locator(sel('embed-yield-effect')).click();
    await until(() => dialog.isVisible(), { message: 'the embed dialog to open for the yield effect' });
    await until(async () => (await snippet('embed-snippet')).includes('embed/yield-effect/'), { message: 'the yield-effect snippet' });
    assert.equal(await page.locator(sel('embed-option-framing')).inputValue(), 'article');
    await page.locator(sel('embed-close')).click();
    await until(async () => !(await dialog.isVisible()), { message: 'the dialog to close again' });
    await assertNoErrors(t);
  } finally {
    await t.context.close();
  }
});

test("the embed dialog's plain iframe snippet is tall enough for the embed at the preview's 520 px", { timeout: TEST_TIMEOUT }, async () => {
  // (Errors are checked by the dialog test above; this one is about the snippets' heights.)
  const t = await openPage(browser, explainer.url, { viewport: { width: 1280, height: 900 }, wait: false });
  const { page } = t;
  try {
    await waitForTakeover(page, { t });
    await page.locator(sel('tab-allocation')).click();
    await page.locator(sel('embed-allocation')).click();
    await until(() => page.locator(sel('embed-dialog')).isVisible(), { message: 'the embed dialog to open' });
    assert.equal(await page.locator(sel('embed-preview-width')).inputValue(), '520', 'the preview starts at 520 px');
    const frameEl = page.locator(`${sel('embed-preview-frame')} iframe`);
    const got = {};
    for (const controls of ['compact', 'none', 'all']) {
      await page.selectOption(sel('embed-option-controls'), controls);
      await until(async () => ((await frameEl.getAttribute('src')) || '').includes(`controls=${controls}`), { message: `the preview with controls=${controls}` });
      const frame = await until(() => page.frames().find((f) => f.url().includes('/embed/allocation/') && f.url().includes(`controls=${controls}`)), { message: 'the preview frame' });
      await waitForTakeover(frame, { t, nudge: previewNudge(frameEl) });
      let content = 0;
      await until(
        async () => {
          content = await frame.evaluate(() => Math.ceil(document.querySelector('[data-testid="embed-root"]').getBoundingClientRect().height));
          return content > 100 && Number(await frameEl.getAttribute('height')) === content;
        },
        { message: `the preview to report its height (controls=${controls})` },
      );
      const plain = Number(/height="(\d+)"/.exec(await page.locator(sel('embed-snippet')).inputValue())?.[1]);
      const amp = Number(/<amp-iframe[^>]*\sheight="(\d+)"/.exec(await page.locator(sel('embed-snippet-amp')).inputValue())?.[1]);
      got[controls] = { content, plain, amp };
    }
    console.log(`[embed] dialog at 520 px, allocation: embed height vs snippet heights ${JSON.stringify(got)}`);
    for (const [controls, h] of Object.entries(got)) {
      assert.ok(h.plain >= h.content, `controls=${controls}: the plain iframe snippet is ${h.plain} px tall but the embed needs ${h.content} px at 520 px`);
    }
  } finally {
    await t.context.close();
  }
});
