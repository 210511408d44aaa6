// XSS probes: query strings carrying HTML/JS payloads must never run, never reach the DOM as
// markup, and never stop the app from drawing. The URL-state notice ([data-testid=notice-params],
// in the page from the start, hidden) shows a refused value of a known parameter as text only;
// unknown parameters (here `treasuries`, which is not a key) are ignored without a notice.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DESKTOP, TEST_TIMEOUT, openPage, assertNoErrors, sleep, onDist } from './helpers.mjs';

const PROBES = [
  ['framing', '<script>alert(1)</script>'],
  ['treasuries', '"><img src=x onerror=alert(1)>'],
  // The URL state's real key for the article's Treasuries share (`treasuries` alone is not a key).
  ['a.treasuries', '"><img src=x onerror=alert(1)>'],
  ['theme', 'javascript:alert(1)'],
  ['step', '<svg/onload=alert(1)>'],
  ['embed', '<img src=x onerror=alert(1)>'],
];

let browser;
let server;
onDist((b, s) => {
  [browser, server] = [b, s];
});

/** Everything in the DOM that looks like an injected payload. */
function injected(page, origin) {
  return page.evaluate((origin) => {
    const found = [];
    for (const img of document.querySelectorAll('img')) {
      const src = img.getAttribute('src') || '';
      if (src === 'x' || src.endsWith('/x')) found.push(`img[src=${src}]`);
    }
    // The page's structured data is a data block, never run (its text is checked for markup).
    for (const s of document.querySelectorAll('script[type="application/ld+json"]')) {
      if (/[<>]/.test(s.textContent)) found.push(`markup in the JSON-LD: ${s.textContent.slice(0, 80)}`);
    }
    for (const s of document.querySelectorAll('script:not([type="application/ld+json"])')) {
      const src = s.getAttribute('src');
      if (!src) found.push(`inline <script>: ${s.textContent.slice(0, 80)}`);
      else if (!new URL(src, document.baseURI).href.startsWith(origin)) found.push(`foreign <script src=${src}>`);
    }
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) found.push(`<${el.localName} ${a.name}="${a.value.slice(0, 60)}">`);
        if (/^\s*javascript:/i.test(a.value) && /^(href|src|action|formaction|xlink:href)$/i.test(a.name)) found.push(`<${el.localName} ${a.name}="${a.value}">`);
      }
    }
    return found;
  }, origin);
}

for (const [param, payload] of PROBES) {
  test(`XSS probe ?${param}=${payload}`, { timeout: TEST_TIMEOUT }, async (t) => {
    const url = `${server.url}?${param}=${encodeURIComponent(payload)}`;
    const tr = await openPage(browser, url, { viewport: DESKTOP });
    try {
      const { page } = tr;
      // Give any deferred handler (onerror after a failed image load, timers) its chance to fire.
      await page.waitForLoadState('networkidle').catch(() => {});
      await sleep(300);
      assert.deepEqual(tr.dialogs, [], 'no dialog fired');
      assert.deepEqual(await injected(page, new URL(server.url).origin), [], 'no injected element, script or handler');
      const drawn = await page.evaluate(() => ['waffle', 'allocation', 'income', 'context'].every((s) => document.querySelector(`[data-testid="chart-${s}"] svg`)));
      assert.ok(drawn, 'the app still draws every chart');
      const theme = await page.evaluate(() => document.documentElement.dataset.theme);
      assert.ok(['auto', 'light', 'dark'].includes(theme), `data-theme is a known value (got ${JSON.stringify(theme)})`);
      const notice = page.locator('[data-testid="notice-params"]');
      const info = await notice.evaluate((n) => ({ children: [...n.querySelectorAll('img,script,svg,iframe,object')].length, text: n.textContent }));
      assert.equal(info.children, 0, 'the notice holds no injected elements');
      const known = param !== 'treasuries';
      assert.equal(await notice.isVisible(), known, known ? 'the notice names the refused value' : 'an unknown parameter is ignored without a notice');
      if (known) {
        assert.ok(info.text.includes(param), `the notice names ${param}`);
        t.diagnostic(`notice-params: ${info.text.trim().slice(0, 160)}`);
      }
      await assertNoErrors(tr);
    } finally {
      await tr.context.close();
    }
  });
}
