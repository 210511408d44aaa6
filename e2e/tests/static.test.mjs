// The static layer (issue 10): the prerendered page and embed pages are complete before and
// without the WebAssembly; with scripts off the controls say they need JavaScript; with the wasm
// blocked a notice says the charts are not interactive; old ?embed= links reach embed pages; the
// app takes over without moving anything; embeds report their height before the wasm arrives.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../server.mjs';
import { DIST, REPO, TEST_TIMEOUT, DESKTOP, PHONE, launchBrowser, serveDist, openPage, assertNoErrors, waitForApp, until, sel, text } from './helpers.mjs';

let browser;
let server;

const STEPS = 8;
const CHARTS = fs.readdirSync(path.join(DIST, 'embed')).sort();

before(async () => {
  browser = await launchBrowser();
  server = await serveDist({ mountPath: '/graphics/japan-fund/' });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function noScriptPage(url, viewport = DESKTOP) {
  const context = await browser.newContext({ viewport, javaScriptEnabled: false });
  const page = await context.newPage();
  const bad = [];
  page.on('response', (r) => {
    if (r.status() >= 400 && !/favicon\.ico$/.test(r.url())) bad.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(url, { waitUntil: 'load' });
  return { context, page, bad };
}

test('every chart has an embed page, and the embed list in the page matches', () => {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const listed = /data-embeds="([^"]*)"/.exec(html)[1].split(' ').sort();
  assert.deepEqual(listed, CHARTS);
  assert.ok(CHARTS.includes('waffle') && CHARTS.includes('allocation') && CHARTS.includes('tracker'), CHARTS.join(' '));
});

test('scripts off: the whole explainer reads, every chart is drawn, controls say they need JavaScript', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, bad } = await noScriptPage(server.url);
  try {
    for (let i = 1; i <= STEPS; i++) {
      const text = await page.locator(sel(`step-${i}`)).innerText();
      assert.ok(text.length > 200, `step ${i} has its text`);
    }
    // Every panel chart is shown in turn (no tabs to switch without scripts), each with its drawing.
    for (const slug of ['waffle', 'allocation', 'income', 'context', 'framings', 'profit-split', 'yield-effect', 'tracker']) {
      const fig = page.locator(sel(`chart-${slug}`)).first();
      assert.ok(await fig.isVisible(), `chart-${slug} visible`);
      const marks = await fig.locator('svg .fund-chart-marks *').count();
      assert.ok(marks > 0, `chart-${slug} has marks`);
      assert.ok((await page.locator(sel(`description-${slug}`)).first().innerText()).length > 20, `description-${slug}`);
    }
    assert.ok((await page.locator('[data-testid^="claim-"]').count()) >= 20, 'claims with verdicts');
    assert.ok(await page.locator(sel('timeline')).isVisible(), 'timeline');
    assert.ok(await page.locator('#references').isVisible(), 'sources');
    assert.ok(await page.locator(sel('needs-script')).first().isVisible(), 'the needs-JavaScript line');
    assert.ok(await page.locator(sel('slider-treasuries')).isDisabled(), 'sliders are inert');
    assert.equal(await page.locator('.chart-tabs').isVisible(), false, 'no tabs that cannot work');
    assert.equal(await page.locator(sel('notice-static')).isVisible(), false, 'the wasm notice is for when scripts run');
    assert.deepEqual(bad, []);
  } finally {
    await context.close();
  }
});

test('scripts off: each embed page shows its chart, and every page has its social and search tags', { timeout: TEST_TIMEOUT }, async () => {
  for (const slug of CHARTS) {
    const { context, page, bad } = await noScriptPage(`${server.url}embed/${slug}/`, { width: 520, height: 900 });
    try {
      assert.ok(await page.locator(`${sel(`chart-${slug}`)} svg:visible`).first().isVisible(), `${slug} drawn (the narrow layout at 520 px)`);
      assert.equal(await page.locator(`${sel(`chart-${slug}`)} svg:visible`).count(), 1, `${slug}: one layout shows`);
      assert.equal(await page.$('#walkthrough'), null, 'no walkthrough in an embed');
      // A chart with controls says they need JavaScript; the tracker has none, so nothing to say.
      const controls = await page.locator('input, select').count();
      assert.equal(await page.locator(sel('needs-script')).first().isVisible(), controls > 0, `${slug}: needs-JavaScript line only with controls (${controls})`);
      const href = await page.locator(sel('embed-link')).getAttribute('href');
      // Without scripts the link has no state to carry: the explainer's default page.
      assert.equal(href, '../../', `link to the full explainer: ${href}`);
      assert.deepEqual(bad, [], 'stylesheets and scripts resolve from the embed folder');
    } finally {
      await context.close();
    }
  }
  for (const page of ['index.html', ...CHARTS.map((c) => `embed/${c}/index.html`)]) {
    const html = fs.readFileSync(path.join(DIST, page), 'utf8');
    for (const tag of ['og:title', 'og:description', 'og:image']) {
      assert.match(html, new RegExp(`<meta property="${tag}" content="[^"]+"`), `${page} ${tag}`);
    }
    assert.match(html, /<meta name="twitter:card" content="summary_large_image"/, `${page} twitter:card`);
    assert.match(html, /<link rel="canonical" href="[^"]+"/, `${page} canonical`);
    assert.match(html, /<meta name="description" content="[^"]{20,}"/, `${page} description`);
    const image = /<meta property="og:image" content="([^"]+)"/.exec(html)[1];
    const file = path.resolve(path.dirname(path.join(DIST, page)), image);
    const png = fs.readFileSync(file);
    assert.equal(png.subarray(1, 4).toString(), 'PNG', `${image} is a PNG`);
    assert.equal(png.readUInt32BE(16), 1200, `${image} width`);
    assert.equal(png.readUInt32BE(20), 630, `${image} height`);
  }
});

test('wasm blocked: the prerendered page stays, says its charts are not interactive, and logs no errors', { timeout: TEST_TIMEOUT }, async () => {
  const t = await openPage(browser, server.url, { wait: false });
  try {
    // openPage already loaded once with the wasm; load again with it blocked.
    await t.page.route(/\.wasm$/, (r) => r.abort());
    await t.page.reload({ waitUntil: 'load' });
    await until(() => t.page.locator(sel('notice-static')).isVisible(), { message: 'notice-static' });
    assert.ok(await t.page.locator(`${sel('chart-waffle')} svg`).first().isVisible());
    assert.ok((await t.page.locator(sel('step-3')).innerText()).length > 200);
    assert.ok(await t.page.locator(sel('needs-script')).first().isVisible());
    const errorsSoon = t.consoleErrors.length;
    await t.page.waitForTimeout(1500);
    assert.equal(t.consoleErrors.length, errorsSoon, 'no error loop');
    // The aborted wasm request is the only failure, and nothing was thrown.
    assert.deepEqual(t.pageErrors, []);
    assert.deepEqual(t.consoleErrors.filter((e) => !/wasm|Failed to load resource|net::ERR_FAILED/i.test(e)), []);
  } finally {
    await t.context.close();
  }
});

test('an old ?embed= link lands on the chart’s embed page with its state', { timeout: TEST_TIMEOUT }, async () => {
  // (The app's links always carry the framing; embed pages start in the record's without one.)
  const t = await openPage(browser, `${server.url}?embed=allocation&framing=article&a.treasuries=60&theme=light`, { wait: false });
  try {
    await until(() => t.page.url().includes('/embed/allocation/'), { message: 'the embed page URL' });
    await until(async () => !(await t.page.evaluate(() => document.body.hasAttribute('data-prerendered'))), { message: 'the app' });
    assert.equal(await t.page.locator(sel('slider-treasuries')).inputValue(), '60');
    assert.ok(await t.page.locator(`${sel('chart-allocation')} svg`).isVisible());
    await assertNoErrors(t);
  } finally {
    await t.context.close();
  }
});

for (const [name, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
  test(`the app takes over the ${name} page without moving it: layout shift, scroll and focus`, { timeout: TEST_TIMEOUT }, async () => {
    const t = await openPage(browser, server.url, {
      viewport,
      wait: false,
      extraInit: () => {
        window.__cls = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
      },
    });
    try {
      await waitForApp(t.page, t);
      await t.page.waitForTimeout(500);
      const cls = await t.page.evaluate(() => window.__cls);
      assert.ok(cls <= 0.02, `layout shift during start ${cls}`);
      // Scroll and focus before the app starts (its wasm held back), then let it start.
      let release;
      const held = new Promise((r) => (release = r));
      await t.page.route(/\.wasm$/, async (route) => {
        await held;
        await route.continue();
      });
      await t.page.reload({ waitUntil: 'domcontentloaded' });
      await t.page.locator('#references').scrollIntoViewIfNeeded();
      // A source link in the header (any focusable element the app must not replace).
      const link = t.page.locator('header .source-line a[href^="#src-"]').first();
      const focusHref = await link.getAttribute('href');
      await link.focus({ preventScroll: true });
      await t.page.evaluate(() => window.scrollTo(0, 1800));
      const before = await t.page.evaluate(() => ({ y: window.scrollY, prerendered: document.body.hasAttribute('data-prerendered') }));
      assert.ok(before.prerendered, 'still the prerendered page');
      release();
      await waitForApp(t.page, t);
      const afterStart = await t.page.evaluate(() => ({ y: window.scrollY, focus: document.activeElement?.getAttribute('href') }));
      assert.equal(afterStart.y, before.y, 'scroll position kept');
      assert.equal(afterStart.focus, focusHref, 'focus kept');
      await assertNoErrors(t);
    } finally {
      await t.context.close();
    }
  });
}

test('an embed in a pym.js host is sized before the wasm arrives (and without it)', { timeout: TEST_TIMEOUT }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pym-static-'));
  fs.copyFileSync(path.join(REPO, 'e2e', 'node_modules', 'pym.js', 'dist', 'pym.v1.min.js'), path.join(dir, 'pym.v1.min.js'));
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body><div id="c"></div>
<script src="pym.v1.min.js"></script><script>new pym.Parent('c', new URLSearchParams(location.search).get('src'), {});</script></body></html>`,
  );
  const host = await startServer({ root: dir });
  const t = await openPage(browser, `${host.url}?src=${encodeURIComponent(`${server.url}embed/waffle/`)}`, { wait: false, viewport: { width: 520, height: 900 } });
  try {
    await t.page.route(/\.wasm$/, (r) => r.abort());
    await t.page.reload({ waitUntil: 'load' });
    const frame = await until(() => t.page.frames().find((f) => f.url().includes('/embed/waffle/')), { message: 'the frame' });
    await until(
      async () => {
        const content = await frame.evaluate(() => Math.ceil(document.querySelector('[data-testid="embed-root"]').getBoundingClientRect().height));
        const iframe = await t.page.evaluate(() => document.querySelector('#c iframe').getBoundingClientRect().height);
        return content > 200 && iframe === content;
      },
      { message: 'iframe height equal to the prerendered content' },
    );
    // The embed starts its wasm when the reader reaches for it; blocked, it says so.
    assert.equal(await frame.locator(sel('notice-static')).isVisible(), false, 'nothing to say before the reader reaches for it');
    const box = await t.page.locator('#c iframe').boundingBox();
    await t.page.mouse.move(box.x + 100, box.y + 100);
    await until(() => frame.locator(sel('notice-static')).isVisible(), { message: 'the embed to say it is not interactive' });
  } finally {
    await t.context.close();
    await host.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('an embed page downloads no wasm until the reader reaches for it; a link with numbers starts at once', { timeout: TEST_TIMEOUT }, async () => {
  const wasmLoads = (page) =>
    page.evaluate(() => performance.getEntriesByType('resource').filter((e) => /\.wasm$|japan-fund-explainer-(?:en|ja)-[0-9a-f]+\.js$/.test(e.name)).length);
  const started = (page) => page.evaluate(() => document.documentElement.classList.contains('app'));
  // No numbers in the link: the prerendered chart is the chart until a pointer, touch, key or
  // focus says the reader wants it.
  for (const [name, intent] of [
    ['pointer', (p) => p.mouse.move(200, 300)],
    ['keyboard', (p) => p.keyboard.press('Tab')],
  ]) {
    const t = await openPage(browser, `${server.url}embed/allocation/?theme=dark&controls=none`, { wait: false, viewport: { width: 520, height: 900 } });
    try {
      await t.page.waitForLoadState('load');
      await t.page.waitForTimeout(800);
      assert.equal(await wasmLoads(t.page), 0, 'no script or wasm of the app before intent');
      assert.equal(await started(t.page), false);
      assert.equal(await t.page.locator(`${sel('chart-allocation')} svg:visible`).count(), 1, 'the prerendered chart shows');
      await intent(t.page);
      await until(() => started(t.page), { message: `the app to start after ${name} intent` });
      // Embeds start in the record's framing: its equity slider is the one that works.
      assert.equal(await t.page.locator(sel('slider-direct')).isDisabled(), false, 'its controls work');
      await assertNoErrors(t);
    } finally {
      await t.context.close();
    }
  }
  // The embed dialog's snippets carry every parameter: at the chart's defaults (as the build
  // lists them) the prerendered chart is right, and the page still waits for the reader.
  {
    const t = await openPage(browser, `${server.url}embed/allocation/`, { wait: false, viewport: { width: 520, height: 900 } });
    try {
      await t.page.waitForLoadState('load');
      const defaults = await t.page.evaluate(() => document.querySelector('script[data-state-defaults]').dataset.stateDefaults);
      assert.match(defaults, /^framing=record&/, 'the allocation embed starts in the record');
      assert.match(defaults, /a\.treasuries=75/);
      await t.page.goto(`${server.url}embed/allocation/?${defaults}&theme=auto&lang=en&controls=none`);
      await t.page.waitForLoadState('load');
      await t.page.waitForTimeout(800);
      assert.equal(await wasmLoads(t.page), 0, 'a link at the default numbers waits for intent');
      await t.page.mouse.move(200, 300);
      await until(() => started(t.page), { message: 'the app to start after intent' });
      await assertNoErrors(t);
    } finally {
      await t.context.close();
    }
  }
  // Numbers in the link: the prerendered default would be wrong, so it starts at once.
  // (The app's links always carry the framing; embed pages start in the record's without one.)
  const t = await openPage(browser, `${server.url}embed/allocation/?framing=article&a.treasuries=60`, { wait: false, viewport: { width: 520, height: 900 } });
  try {
    await until(() => started(t.page), { message: 'the app to start without intent' });
    await until(async () => /\$330 billion/.test((await text(t.page, 'description-allocation')) || ''), { message: 'the chart to show the link\u2019s 60%' });
    await assertNoErrors(t);
  } finally {
    await t.context.close();
  }
});

// Phone readers on slow networks wait seconds for the wasm: the prerendered walkthrough already
// follows a permalink's step, and a tap before the wasm is not lost.
test("before the wasm: a permalink's step and its chart show, tabs and Previous/Next answer, and the app starts where the reader is", { timeout: TEST_TIMEOUT }, async () => {
  const t = await openPage(browser, `${server.url}?step=3`, { wait: false, viewport: PHONE });
  try {
    const { page } = t;
    let release;
    const held = new Promise((r) => (release = r));
    await page.route(/\.wasm$/, async (route) => {
      await held;
      await route.continue();
    });
    // A new navigation (a reload would restore the earlier scroll position).
    await page.goto(`${server.url}?step=3`, { waitUntil: 'domcontentloaded' });
    const state = () =>
      page.evaluate(() => ({
        prerendered: document.body.hasAttribute('data-prerendered'),
        current: [...document.querySelectorAll('article.step[aria-current="step"]')].map((s) => s.id),
        shown: [...document.querySelectorAll('.panel figure[data-testid^="chart-"]')].filter((f) => !f.hidden).map((f) => f.dataset.chart),
        pressed: [...document.querySelectorAll('.panel button[data-testid^="tab-"][aria-pressed="true"]')].map((b) => b.dataset.testid),
        charts: document.querySelector('.panel[data-step-charts]').dataset.stepCharts.split(' '),
        position: document.querySelector('[data-testid="step-position"]').textContent,
        // Where a step sits once scrolled to: its scroll margin (below the phone's sticky panel).
        step3Top: Math.round(document.getElementById('step-3').getBoundingClientRect().top - parseFloat(getComputedStyle(document.getElementById('step-3')).scrollMarginTop)),
        query: location.search,
      }));
    // The permalink's step, its chart, in view, with no wasm yet.
    let s = await state();
    assert.ok(s.prerendered, 'still the prerendered page');
    assert.deepEqual(s.current, ['step-3']);
    assert.deepEqual(s.shown, [s.charts[2]], "the panel shows step 3's chart");
    assert.deepEqual(s.pressed, [`tab-${s.charts[2]}`]);
    assert.match(s.position, /3/);
    assert.ok(Math.abs(s.step3Top) < 5, `step 3 is scrolled to its place (${s.step3Top} px off)`);
    // Next, then a tab, before the wasm.
    await page.locator(sel('step-next')).first().click();
    s = await state();
    assert.deepEqual(s.current, ['step-4']);
    assert.deepEqual(s.shown, [s.charts[3]]);
    assert.match(s.query, /step=4/, 'the address follows the step');
    const other = ['waffle', 'allocation', 'income', 'context'].find((c) => c !== s.charts[3]);
    await page.locator(sel(`tab-${other}`)).click();
    s = await state();
    assert.deepEqual(s.shown, [other], 'a tab tapped before the wasm shows its chart');
    assert.ok(s.prerendered, 'all of it before the wasm');
    // The wasm arrives: the app starts at the reader's step, with the tab they chose.
    release();
    await waitForApp(page, t);
    await until(async () => {
      const a = await state();
      return a.current.join() === 'step-4' && a.shown.join() === other && a.pressed.join() === `tab-${other}`;
    }, { message: 'the app to keep step 4 and the chosen tab' });
    await assertNoErrors(t);
  } finally {
    await t.context.close();
  }
});

test('wasm blocked: the static article opens at a permalink\'s step, with every panel chart in turn', { timeout: TEST_TIMEOUT }, async () => {
  const t = await openPage(browser, `${server.url}`, { wait: false, viewport: DESKTOP });
  try {
    const { page } = t;
    await page.route(/\.wasm$/, (r) => r.abort());
    await page.goto(`${server.url}?step=5`, { waitUntil: 'load' });
    await until(() => page.evaluate(() => document.documentElement.classList.contains('no-app')), { message: 'the static notice' });
    assert.equal(await page.getAttribute('#step-5', 'aria-current'), 'step');
    const top = await page.evaluate(() => Math.round(document.getElementById('step-5').getBoundingClientRect().top - parseFloat(getComputedStyle(document.getElementById('step-5')).scrollMarginTop)));
    assert.ok(Math.abs(top) < 5, `step 5 is scrolled to its place (${top} px off)`);
    // Without the app the page is a static article: every panel chart shows, the tabs do not.
    const visible = await page.evaluate(() => [...document.querySelectorAll('.panel figure[data-testid^="chart-"]')].filter((f) => f.checkVisibility()).length);
    assert.equal(visible, 4);
    assert.equal(await page.locator(sel('tab-waffle')).isVisible(), false);
  } finally {
    await t.context.close();
  }
});

// The page waits for its reader (issue 20): on a phone, on a slow connection or with Save-Data
// it transfers no script or wasm of the app until the reader reaches for something the app runs
// (or a control nears the view); on a fast desktop it starts once idle.
test('the page waits for its reader on a phone, a slow connection or Save-Data, and starts on reach or a control near the view', { timeout: 120_000 }, async () => {
  const appLoads = (t) => t.requests.filter((u) => /\.wasm$|japan-fund-explainer-(?:en|ja)-[0-9a-f]+\.js$/.test(u)).length;
  const idleFor = async (page, ms = 1500) => {
    await page.waitForLoadState('load');
    await page.waitForTimeout(ms);
  };
  const cases = [
    ['a phone', { isMobile: true, hasTouch: true }, null],
    ['Save-Data', {}, (cdp) => cdp.send('Emulation.setDataSaverOverride', { dataSaverEnabled: true })],
    ['a slow connection', {}, async (cdp) => {
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 400, downloadThroughput: 100_000, uploadThroughput: 50_000 });
    }],
  ];
  for (const [name, extra, setup] of cases) {
    const context = await browser.newContext({ viewport: PHONE, reducedMotion: 'reduce', ...extra });
    const page = await context.newPage();
    const t = { requests: [] };
    page.on('request', (r) => t.requests.push(r.url()));
    try {
      if (setup) await setup(await context.newCDPSession(page));
      await page.goto(server.url);
      await idleFor(page);
      // Reading and scrolling through the first steps start nothing.
      await page.mouse.wheel(0, 600);
      await page.evaluate(() => window.scrollBy(0, 600));
      await page.waitForTimeout(500);
      assert.equal(appLoads(t), 0, `${name}: no script or wasm of the app while the reader reads`);
      assert.ok(await page.evaluate(() => document.body.hasAttribute('data-prerendered')), `${name}: still the prerendered page`);
      if (name === 'a phone') {
        // A control nearing the view starts it.
        await page.evaluate(() => document.querySelector('input[type="range"]').scrollIntoView({ block: 'center' }));
      } else {
        // Reaching for a chart tab starts it (and the tab answers at once, before the wasm).
        await page.evaluate(() => document.querySelector('[data-testid="tab-income"]').scrollIntoView({ block: 'center' }));
        await page.locator(sel('tab-income')).click();
        assert.equal(await page.locator(sel('chart-income')).isVisible(), true, `${name}: the tab shows its chart before the wasm`);
      }
      await until(() => page.evaluate(() => document.documentElement.classList.contains('app')), { timeout: 60_000, message: `${name}: the app to start once the reader reaches for it` });
      assert.ok(appLoads(t) >= 1, `${name}: the app loaded`);
    } finally {
      await context.close();
    }
  }
  // A fast desktop starts once the page is idle, with no input at all.
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  try {
    await page.goto(server.url);
    await until(() => page.evaluate(() => document.documentElement.classList.contains('app')), { message: 'the app to start on a fast desktop when idle' });
  } finally {
    await context.close();
  }
});
