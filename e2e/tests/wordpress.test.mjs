// Embeds where newsrooms publish (issue 21), with the site served under its own `_headers`:
// - a chart address pasted into WordPress: discovery and fetch as WP_oEmbed does them, the
//   answer put through wp_filter_oembed_result (ported in ../wordpress.mjs), the post page
//   loading WordPress's own wp-embed.js from Debian's package. The frame is sandboxed
//   (allow-scripts, opaque origin) and hidden until it speaks; it must show, take its content's
//   height, start on the reader's intent with no console error or CSP violation, keep the secret
//   across the language switch, answer only its own `ready`, and send the reader to the full
//   explainer through WordPress's link message;
// - the script embed from the embed dialog: the image with scripts off, the live chart with them.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../server.mjs';
import { TEST_TIMEOUT, launchBrowser, openPage, assertNoErrors, cspViolations, until, changed, sel, waitForTakeover } from './helpers.mjs';
import { publish, publishDir } from '../published.mjs';
import { discover, fetchOembed, filterOembedResult, postPage, wpEmbedJs, wpSecret } from '../wordpress.mjs';

const MOUNT = '/graphics/japan-fund/';
let browser;
let site;
let siteDir;
let host;
let hostDir;

before(
  async () => {
    siteDir = publishDir();
    site = await startServer({ root: siteDir, mountPath: MOUNT });
    publish(siteDir, site.url);
    hostDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wp-host-'));
    fs.copyFileSync(wpEmbedJs(), path.join(hostDir, 'wp-embed.js'));
    host = await startServer({ root: hostDir, headersFile: false });
    browser = await launchBrowser();
  },
  { timeout: 300_000 },
);

after(async () => {
  await browser?.close();
  await site?.close();
  await host?.close();
  for (const d of [siteDir, hostDir]) if (d) fs.rmSync(d, { recursive: true, force: true });
});

/** What the host page has received from the embed: WordPress-format messages. */
const RECORD = () => {
  window.__wp = [];
  window.addEventListener('message', (e) => {
    if (e.data && typeof e.data === 'object' && 'secret' in e.data) window.__wp.push(e.data);
  });
};

/** Pastes the chart's address into a WordPress post; returns the post's address. */
async function wordpressPost(chart, secret) {
  const pageUrl = `${site.url}embed/${chart}/`;
  const found = await discover(pageUrl);
  assert.ok(found, 'discovery');
  const data = await fetchOembed(found.href, pageUrl);
  const html = filterOembedResult(data, secret);
  assert.ok(html, 'the sanitiser keeps the embed');
  const name = `post-${chart}-${secret}.html`;
  fs.writeFileSync(path.join(hostDir, name), postPage(html));
  return { url: host.url + name, height: data.height };
}

async function wpFrame(page, pathname) {
  return until(
    () => page.frames().find((f) => f !== page.mainFrame() && f.url().startsWith('http') && new URL(f.url()).pathname === pathname),
    { message: `the embed frame at ${pathname}` },
  );
}

/** The embed's content height and the iframe's, in CSS px. */
async function heights(page, frame) {
  return {
    content: await frame.evaluate(() => Math.ceil(document.querySelector('[data-testid="embed-root"]').getBoundingClientRect().height)),
    iframe: await page.evaluate(() => document.querySelector('iframe.wp-embedded-content').getBoundingClientRect().height),
  };
}

async function follows(page, frame, message) {
  let last;
  await until(
    async () => {
      last = await heights(page, frame);
      // WordPress clamps an embed's height to 200–1000 px (wp-embed.js).
      const want = Math.min(1000, Math.max(200, last.content));
      return last.content > 200 && Math.abs(last.iframe - want) <= 2;
    },
    { message },
  ).catch((e) => {
    throw new Error(`${e.message}: last ${JSON.stringify(last)}`);
  });
  return last;
}

test('WordPress: the pasted address embeds through wp-embed.js in its sandbox, takes its height, starts on intent, keeps the secret, and links out through WordPress', { timeout: 120_000 }, async () => {
  const secret = wpSecret();
  const post = await wordpressPost('allocation', secret);
  const t = await openPage(browser, post.url, { viewport: { width: 800, height: 900 }, wait: false, extraInit: RECORD });
  const { page } = t;
  try {
    const iframe = page.locator('iframe.wp-embedded-content');
    assert.equal(await iframe.getAttribute('sandbox'), 'allow-scripts');
    assert.equal(await iframe.getAttribute('data-secret'), secret);
    assert.ok((await iframe.getAttribute('src')).endsWith(`#?secret=${secret}`));
    // WordPress shows the frame (drops its clipping style) and hides the blockquote only once
    // the embed has sent a message with the secret.
    await until(() => iframe.evaluate((f) => !f.hasAttribute('style')), { message: 'WordPress to show the frame' });
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('blockquote.wp-embedded-content')).display), 'none');
    const frame = await wpFrame(page, `${MOUNT}embed/allocation/`);
    assert.equal(await frame.evaluate(() => String(window.origin)), 'null', 'an opaque origin, as in WordPress');
    const first = await follows(page, frame, 'the frame to take its content height');
    console.log(`[wordpress] allocation: oEmbed height ${post.height} px, content ${first.content} px, frame ${first.iframe} px`);
    // Served with the kit's headers.
    const res = await page.request.get(`${site.url}embed/allocation/`);
    assert.match(res.headers()['content-security-policy'], /frame-ancestors \*$/);
    // The prerendered chart is the chart until the reader points at it.
    assert.equal(t.requests.some((u) => u.endsWith('.wasm')), false, 'no wasm before intent');
    const box = await iframe.boundingBox();
    let i = 0;
    await waitForTakeover(frame, { t, nudge: () => page.mouse.move(box.x + box.width / 2 + (i++ % 10), box.y + 80) });
    // It works: a slider moves the chart, and the frame follows the height.
    const svg = await frame.evaluate(() => document.querySelector('[data-testid="chart-allocation"]').innerHTML);
    // (The first slider the record's framing lets the reader move.)
    const slider = frame.locator('[data-testid="embed-root"] input[type="range"]:not([disabled])').first();
    await slider.focus();
    await slider.press('ArrowLeft');
    await changed(() => frame.evaluate(() => document.querySelector('[data-testid="chart-allocation"]').innerHTML), svg, 'the chart after the slider');
    await frame.click(`${sel('chart-allocation')} details.data summary`);
    const open = await follows(page, frame, 'the frame to grow with the data table');
    assert.ok(open.content > first.content + 50, `grew: ${JSON.stringify({ first, open })}`);
    assert.deepEqual(await cspViolations(frame), [], 'no CSP violation in the frame');

    // Only WordPress's own ready, with this secret, from the parent, is answered.
    const count = () => page.evaluate(() => window.__wp.filter((m) => m.message === 'height').length);
    await until(async () => (await count()) > 0, { message: 'height messages' });
    const roundTrip = async (data) => {
      const before = await count();
      await page.evaluate((d) => document.querySelector('iframe.wp-embedded-content').contentWindow.postMessage(d, '*'), data);
      await page.evaluate(() => document.querySelector('iframe.wp-embedded-content').contentWindow.postMessage({ message: 'ready', secret: document.querySelector('iframe.wp-embedded-content').dataset.secret }, '*'));
      await until(async () => (await count()) > before, { message: 'an answer to the real ready' });
      await new Promise((r) => setTimeout(r, 100));
      return (await count()) - before;
    };
    for (const bad of [
      { message: 'ready', secret: 'wrongsecrt' },
      { message: 'ready' },
      { message: 'Ready', secret },
      `{"message":"ready","secret":"${secret}"}`,
      [{ message: 'ready', secret }],
      { message: 'height', value: 5, secret },
      { message: 'link', value: 'https://example.invalid/', secret },
    ]) {
      assert.equal(await roundTrip(bad), 1, `answered only the real ready, not ${JSON.stringify(bad)}`);
    }
    const heightsNow = await heights(page, frame);
    // (WordPress clamps the frame to 200–1000 px.)
    const wantNow = Math.min(1000, Math.max(200, heightsNow.content));
    assert.ok(Math.abs(heightsNow.iframe - wantNow) <= 2, `still sized after the messages: ${JSON.stringify(heightsNow)}`);
    assert.ok((await page.evaluate(() => window.__wp)).every((m) => m.secret === secret), 'every WordPress message carries the secret');

    // The language switch moves inside the frame and keeps the secret: the Japanese page still
    // resizes the frame.
    await frame.click(sel('lang-switch'));
    const ja = await wpFrame(page, `${MOUNT}ja/embed/allocation/`);
    assert.ok(new URL(ja.url()).hash.includes(`secret=${secret}`), `the secret is kept: ${ja.url()}`);
    await ja.waitForSelector(`${sel('chart-allocation')} svg`, { state: 'attached' });
    const before = await count();
    await ja.evaluate(() => document.querySelector('details.data summary')?.click());
    await until(async () => (await count()) > before, { message: 'height messages from the Japanese page' });
    await follows(page, ja, 'the frame to follow the Japanese page');

    // The link to the full explainer cannot open a window in the sandbox: WordPress's link
    // message takes the reader there (the frame has focus once clicked).
    await ja.click(sel('embed-link'));
    await until(() => new URL(page.url()).pathname === `${MOUNT}ja/`, { message: 'WordPress to open the full explainer' });
    assert.ok(page.url().startsWith(site.url), page.url());
    await assertNoErrors(t);
  } finally {
    await t.context.close();
  }
});

test('in an opaque sandbox without WordPress, a link that cannot open shows its address instead', { timeout: TEST_TIMEOUT }, async () => {
  const name = 'sandbox-only.html';
  fs.writeFileSync(
    path.join(hostDir, name),
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sandbox</title></head><body><iframe sandbox="allow-scripts" src="${site.url}embed/waffle/" width="100%" height="700" title="chart"></iframe></body></html>`,
  );
  const t = await openPage(browser, host.url + name, { viewport: { width: 800, height: 900 }, wait: false });
  try {
    const frame = await wpFrame(t.page, `${MOUNT}embed/waffle/`);
    await frame.waitForSelector(sel('embed-link'));
    const href = await frame.evaluate(() => document.querySelector('[data-testid="embed-link"]').href);
    await frame.click(sel('embed-link'));
    const shown = await until(() => frame.evaluate(() => document.querySelector('[data-testid="embed-address"]')?.textContent), { message: 'the address to show' });
    assert.equal(shown, href);
    assert.equal(new URL(t.page.url()).pathname.endsWith(name), true, 'the host page stays');
    await assertNoErrors(t);
  } finally {
    await t.context.close();
  }
});

test('the script embed from the dialog: with scripts off, the image; with scripts on, the live chart sized to fit', { timeout: 120_000 }, async () => {
  // The snippet, as the embed dialog gives it.
  const t0 = await openPage(browser, site.url, { viewport: { width: 1280, height: 900 }, wait: false });
  let snippet;
  try {
    await waitForTakeover(t0.page, { t: t0 });
    await t0.page.locator(sel('tab-allocation')).click();
    await t0.page.locator(sel('embed-allocation')).click();
    snippet = await until(async () => {
      const v = await t0.page.locator(sel('embed-snippet-script')).inputValue();
      return v.includes('embed/allocation/') && v;
    }, { message: 'the script snippet' });
    await assertNoErrors(t0);
  } finally {
    await t0.context.close();
  }
  assert.equal((snippet.match(/<script/g) || []).length, 1, 'one script element');
  assert.match(snippet, /^<div [^>]*data-japan-fund-embed/);
  const img = /<noscript><img src="([^"]+)" alt="([^"]+)"/.exec(snippet);
  assert.ok(img, `an image fallback: ${snippet}`);
  const png = await fetch(img[1]);
  assert.equal(png.status, 200, img[1]);
  assert.equal(png.headers.get('content-type'), 'image/png');
  const name = 'script-host.html';
  fs.writeFileSync(path.join(hostDir, name), `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>A newsroom article</title></head><body><main style="max-width:600px;margin:0 auto"><p>Before.</p>${snippet}<p>After.</p></main></body></html>`);

  // Scripts off: the image, loaded, and no frame.
  const off = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 800, height: 900 } });
  try {
    const page = await off.newPage();
    await page.goto(host.url + name, { waitUntil: 'load' });
    const shown = await page.evaluate(() => {
      const i = document.querySelector('[data-japan-fund-embed] img');
      return i && { width: i.naturalWidth, box: i.getBoundingClientRect().width, frames: document.querySelectorAll('iframe').length };
    });
    assert.ok(shown && shown.width > 0 && shown.box > 300, `the image shows: ${JSON.stringify(shown)}`);
    assert.equal(shown.frames, 0);
  } finally {
    await off.close();
  }

  // Scripts on: the frame, the chart's height, and the app.
  const t = await openPage(browser, host.url + name, { viewport: { width: 800, height: 900 }, wait: false });
  try {
    const { page } = t;
    const frame = await wpFrame(page, `${MOUNT}embed/allocation/`);
    assert.equal(await page.evaluate(() => document.querySelectorAll('[data-japan-fund-embed] > iframe').length), 1);
    let last;
    await until(async () => {
      last = {
        content: await frame.evaluate(() => Math.ceil(document.querySelector('[data-testid="embed-root"]')?.getBoundingClientRect().height ?? 0)),
        iframe: await page.evaluate(() => document.querySelector('[data-japan-fund-embed] > iframe').getBoundingClientRect().height),
      };
      return last.content > 200 && last.iframe === last.content;
    }, { message: 'the frame to take the chart height' }).catch((e) => {
      throw new Error(`${e.message}: ${JSON.stringify(last)}`);
    });
    await waitForTakeover(frame, { t, nudge: () => page.mouse.move(300, 300) });
    assert.equal(await page.evaluate(() => document.querySelectorAll('[data-japan-fund-embed] img').length), 0, 'no image (noscript) with scripts on');
    await assertNoErrors(t);
  } finally {
    await t.context.close();
  }
});
