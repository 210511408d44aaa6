// The page without its scripts and without its WebAssembly, in the browser E2E_BROWSER names.
// Scripts off: Chromium's and Firefox's own setting, WebKit's --enable-javascript-markup=false
// (the page's scripts never run; the driver's own still can). Wasm blocked: the test server
// closes the connection for the .wasm, which works the same in every browser.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BROWSER, TIMEOUT, DESKTOP, suite, open, checkErrors, until, sleep, sel } from './common.mjs';

const ctx = suite();

/** What the prerendered page shows on its own: every step's text, every chart drawn. */
function prerendered(page) {
  return page.evaluate(() => {
    const shown = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const steps = [...document.querySelectorAll('[data-testid^="step-"]')].filter((e) => /^step-\d+$/.test(e.dataset.testid));
    const charts = [...document.querySelectorAll('[data-testid^="chart-"]')].filter((e) => /^chart-[a-z-]+$/.test(e.dataset.testid));
    return {
      js: document.documentElement.classList.contains('js'),
      app: document.documentElement.classList.contains('app'),
      noApp: document.documentElement.classList.contains('no-app'),
      steps: steps.map((e) => e.innerText.trim().length),
      charts: charts.map((e) => ({ slug: e.dataset.testid, shown: shown(e), marks: e.querySelectorAll('svg .fund-chart-marks *').length })),
      needsScript: shown(document.querySelector('[data-testid="needs-script"]')),
      notice: shown(document.querySelector('[data-testid="notice-static"]')),
      sliderDisabled: document.querySelector('[data-testid="slider-treasuries"]')?.disabled ?? null,
    };
  });
}

test(`${BROWSER}: scripts off: the whole page reads, every chart is drawn, controls say they need JavaScript`, { timeout: TIMEOUT }, async (t) => {
  ctx.server.requests.length = 0;
  const page = await open(ctx, ctx.server.url, { viewport: DESKTOP, scripts: false, wait: false });
  try {
    await sleep(500);
    const s = await prerendered(page);
    assert.equal(s.js, false, 'no page script ran (head.js sets html.js)');
    assert.equal(s.app, false, 'no takeover');
    assert.ok(s.steps.length >= 2 && s.steps.every((n) => n > 100), `every step has its text (${s.steps.join(', ')} characters)`);
    assert.ok(s.charts.length >= 8, `charts found: ${s.charts.length}`);
    for (const c of s.charts) assert.ok(c.shown && c.marks > 0, `${c.slug} shown with its marks (${JSON.stringify(c)})`);
    assert.equal(s.needsScript, true, 'the needs-JavaScript line shows');
    assert.equal(s.sliderDisabled, true, 'sliders are inert');
    assert.equal(s.notice, false, 'the wasm notice is for when scripts run');
    const bad = ctx.server.requests.filter((r) => /\.wasm/.test(r.path));
    assert.deepEqual(bad, [], 'no wasm requested without scripts');
  } finally {
    await page.close();
  }
});

test(`${BROWSER}: wasm blocked: the prerendered page stays and says its charts are not interactive`, { timeout: TIMEOUT }, async (t) => {
  ctx.server.refuse = /\.wasm$/;
  const page = await open(ctx, ctx.server.url, { viewport: DESKTOP, wait: false });
  try {
    await until(async () => (await prerendered(page)).notice, { message: 'notice-static to show' });
    const s = await prerendered(page);
    assert.equal(s.noApp, true, 'html.no-app');
    assert.equal(s.app, false, 'no takeover');
    for (const c of s.charts) assert.ok(c.shown && c.marks > 0, `${c.slug} still drawn (${JSON.stringify(c)})`);
    assert.ok(s.steps.every((n) => n > 100), 'every step keeps its text');
    assert.equal(s.needsScript, true, 'the controls say they cannot be used');
    await sleep(1500);
    const later = await prerendered(page);
    assert.equal(later.app, false, 'still static 1.5 s later');
    // The refused download is the only failure the console may mention.
    await checkErrors(t, page, { allowConsole: (m) => /wasm|fetch|network|Failed to load|NetworkError|Load failed|interactive charts could not start/i.test(m) });
  } finally {
    ctx.server.refuse = null;
    await page.close();
  }
});
