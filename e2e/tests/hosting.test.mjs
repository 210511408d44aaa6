// Static hosting (issue 5): the built folder works from a nested path, and under a strict
// Content-Security-Policy header.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { STRICT_CSP } from '../server.mjs';
import {
  DESKTOP,
  TEST_TIMEOUT,
  launchBrowser,
  serveDist,
  openPage,
  assertNoErrors,
  cspViolations,
  changed,
  sel,
  chartSvg,
  liveText,
  inputValue,
  showChart,
} from './helpers.mjs';

const MOUNT = '/graphics/japan-fund/';
const CHARTS = ['waffle', 'allocation', 'income', 'context'];

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

async function chartsWithTitles(page) {
  return page.evaluate(
    (slugs) =>
      slugs.filter((s) => {
        const svg = document.querySelector(`[data-testid="chart-${s}"] svg`);
        return svg && (svg.querySelector('title')?.textContent || '').trim() !== '';
      }),
    CHARTS,
  );
}

async function moveTreasuries(page) {
  await showChart(page, 'allocation');
  const svg = await chartSvg(page, 'allocation');
  const live = await liveText(page, 'treasuries_amount');
  const value = await inputValue(page, 'slider-treasuries');
  await page.locator(sel('slider-treasuries')).focus();
  await page.keyboard.press('ArrowRight');
  await changed(() => inputValue(page, 'slider-treasuries'), value, 'slider-treasuries after ArrowRight');
  await changed(() => chartSvg(page, 'allocation'), svg, 'the allocation chart after the slider');
  await changed(() => liveText(page, 'treasuries_amount'), live, 'the live treasuries amount after the slider');
}

test(`nested path: the release build works when served under ${MOUNT}`, { timeout: TEST_TIMEOUT }, async () => {
  const server = await serveDist({ mountPath: MOUNT });
  let t;
  try {
    assert.ok(server.url.endsWith(MOUNT), server.url);
    t = await openPage(browser, server.url, { viewport: DESKTOP });
    const { page } = t;
    assert.deepEqual(await chartsWithTitles(page), CHARTS, 'every chart is drawn with a title');
    await moveTreasuries(page);
    // Every request the page made stayed under the mount path (no root-absolute asset URLs).
    const origin = new URL(server.url).origin;
    const outside = t.requests.filter((u) => u.startsWith(origin) && !new URL(u).pathname.startsWith(MOUNT) && !u.endsWith('/favicon.ico'));
    assert.deepEqual(outside, [], `requests outside ${MOUNT}`);
    const wasm = t.requests.filter((u) => u.endsWith('.wasm'));
    assert.equal(wasm.length, 1, `one .wasm request (got ${JSON.stringify(wasm)})`);
    await assertNoErrors(t);
  } finally {
    await t?.context.close();
    await server.close();
  }
});

test('strict CSP: the app loads, draws and responds with no violation and no console error', { timeout: TEST_TIMEOUT }, async () => {
  const server = await serveDist({ headers: { 'Content-Security-Policy': STRICT_CSP } });
  let t;
  try {
    t = await openPage(browser, server.url, { viewport: DESKTOP });
    const { page } = t;
    const res = await page.request.get(server.url);
    assert.equal(res.headers()['content-security-policy'], STRICT_CSP, 'the server sends the policy');
    assert.deepEqual(await chartsWithTitles(page), CHARTS, 'every chart is drawn with a title');
    await moveTreasuries(page);
    await page.locator(sel('theme-dark')).click();
    await page.locator(sel('framing-record')).click();
    await changed(() => page.evaluate(() => document.documentElement.dataset.theme), 'auto', 'data-theme after theme-dark');
    const violations = await cspViolations(page);
    assert.deepEqual(violations, [], `securitypolicyviolation events:\n  ${violations.join('\n  ')}`);
    await assertNoErrors(t);
  } finally {
    await t?.context.close();
    await server.close();
  }
});
