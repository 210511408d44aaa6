// Shared by the core suite (e2e/core/*.test.mjs), which runs the same test bodies in Chromium,
// Firefox and WebKit through the driver interface of ../browsers/index.mjs. The browser is
// E2E_BROWSER (chromium, firefox or webkit; default chromium).
//
// Elements are found by their data-testid hooks and checked by behaviour (a value moved, a chart
// redrawn, a height reported), not by the page's wording, which editors change.

import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import { launch, browserName } from '../browsers/index.mjs';
import { serveDist, until, sleep, sel, WAIT } from '../tests/helpers.mjs';

export { until, changed, becomes, sleep, sel, TEST_TIMEOUT, DESKTOP, PHONE, DIST, REPO } from '../tests/helpers.mjs';

export const BROWSER = browserName();
/** Per-test timeout: WebKit starts a fresh MiniBrowser per page and is slower to drive. */
export const TIMEOUT = BROWSER === 'webkit' ? 180_000 : 120_000;

/**
 * The usual setup: the test server on dist/ (with `serverOptions`) and the browser, shut after
 * the file's tests. Returns an object whose `browser` and `server` are set before the tests run.
 */
export function suite(serverOptions = {}) {
  const ctx = { browser: null, server: null };
  before(async () => {
    ctx.server = await serveDist(serverOptions);
    ctx.browser = await launch(BROWSER);
    console.log(`[${BROWSER}] ${ctx.browser.version}`);
  });
  after(async () => {
    await ctx.browser?.close();
    await ctx.server?.close();
  });
  return ctx;
}

/**
 * Waits for the client to take the page over (html.app, no data-prerendered), failing early on
 * a panic or a fall-back to the static page. `nudge` runs before each poll (embeds start their
 * wasm on the reader's intent).
 */
export async function waitForTakeover(target, { nudge, timeout = 45_000 } = {}) {
  const s = await until(
    async () => {
      if (nudge) await nudge();
      const s = await target.evaluate(() => ({
        app: document.documentElement.classList.contains('app') && !document.body.hasAttribute('data-prerendered'),
        panic: document.querySelector('[data-testid="panic-message"]')?.textContent ?? null,
        staticOnly: document.documentElement.classList.contains('no-app'),
      }));
      if (s.panic) return { failed: `the app panicked: ${s.panic}` };
      if (s.staticOnly) return { failed: 'the app did not start (html.no-app: the static page stayed)' };
      return s.app && s;
    },
    { timeout, message: 'the wasm client to take the page over (html.app)' },
  );
  if (s.failed) throw new Error(`the app did not take over: ${s.failed}`);
}

/** Opens a page at `url` (waiting for the takeover unless `wait` is false). */
export async function open(ctx, url, { viewport, scripts = true, wait = true } = {}) {
  const page = await ctx.browser.newPage({ viewport, scripts });
  try {
    await page.goto(url);
    if (wait) await waitForTakeover(page);
    return page;
  } catch (e) {
    await page.close();
    throw e;
  }
}

/**
 * Fails on uncaught exceptions and console errors the page logged. Where the driver cannot read
 * the console (WebKit over classic WebDriver), that part is a skipped subtest with the reason, so
 * the output says what was not checked. `allowConsole` and `allowUncaught` take a message and
 * say whether the test expects it.
 */
export async function checkErrors(t, page, { allowConsole = () => false, allowUncaught = () => false } = {}) {
  const e = await page.errors();
  assert.deepEqual(e.uncaught.filter((m) => !allowUncaught(m)), [], `uncaught exceptions in ${BROWSER}`);
  if (e.console === null) {
    await t.test(`console errors in ${BROWSER}`, {
      skip: 'not checked: classic WebDriver (WebKitWebDriver) has no console log; uncaught exceptions after load were checked',
    });
  } else {
    const errors = e.console.filter((m) => !/favicon\.ico/.test(m) && !allowConsole(m));
    assert.deepEqual(errors, [], `console errors in ${BROWSER}`);
  }
}

/** Runs `fn(page)` on a fresh page at `url`, then checks for errors and closes it. */
export async function withPage(ctx, t, url, options, fn) {
  const page = await open(ctx, url, options);
  try {
    await fn(page);
    await checkErrors(t, page, options);
  } finally {
    await page.close();
  }
}

/**
 * A chart's SVG as a canonical string: each element's name, its attributes sorted, its own text
 * trimmed (the client patches marks in place, so whitespace and attribute order may differ).
 */
export function chartSvg(page, slug) {
  return page.evaluate((s) => {
    const svg = document.querySelector(`[data-testid="chart-${s}"] svg`);
    if (!svg) return null;
    const out = [];
    const walk = (el) => {
      const attrs = [...el.attributes].map((a) => `${a.name}="${a.value}"`).sort().join(' ');
      out.push(`<${el.tagName} ${attrs}>`);
      const own = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('').trim();
      if (own) out.push(own);
      for (const c of el.children) walk(c);
      out.push(`</${el.tagName}>`);
    };
    walk(svg);
    return out.join('');
  }, slug);
}

/** Every chart's canonical SVG, by slug (charts found by their data-testid="chart-…" hooks). */
export function allCharts(page) {
  return page.evaluate(() => {
    const out = {};
    for (const fig of document.querySelectorAll('[data-testid^="chart-"]')) {
      const svg = fig.querySelector('svg');
      if (!svg) continue;
      const slug = fig.dataset.testid.slice('chart-'.length);
      // Marks only: the layer that moves with the numbers.
      out[slug] = [...svg.querySelectorAll('*')].map((el) => `${el.tagName}${[...el.attributes].map((a) => ` ${a.name}=${a.value}`).sort().join('')}|${[...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent.trim()).join('')}`).join('\n');
    }
    return out;
  });
}

/** An input's value by test id (null if missing). */
export function value(page, testid) {
  return page.evaluate((s) => document.querySelector(s)?.value ?? null, sel(testid));
}

/** The text of an element by test id (null if missing). */
export function text(page, testid) {
  return page.evaluate((s) => document.querySelector(s)?.textContent ?? null, sel(testid));
}

/** The text of the live numbers with this key, joined with " | " (null when there are none). */
export function liveText(page, key) {
  return page.evaluate((k) => {
    const els = [...document.querySelectorAll(`.live[data-live="${k}"]`)];
    return els.length ? els.map((e) => e.textContent.trim()).join(' | ') : null;
  }, key);
}

/** The walkthrough's steps (ids in order) and which one is current. */
export function stepState(page) {
  return page.evaluate(() => {
    const steps = [...document.querySelectorAll('[data-testid^="step-"]')].filter((e) => /^step-\d+$/.test(e.dataset.testid));
    return {
      ids: steps.map((e) => e.dataset.testid),
      current: steps.filter((e) => e.getAttribute('aria-current') === 'step').map((e) => Number(e.dataset.testid.slice(5))),
      position: document.querySelector('[data-testid="step-position"]')?.textContent?.trim() ?? null,
    };
  });
}

/** The current step once it has stopped changing for `quietMs`. */
export async function settledStep(page, { quietMs = 400, timeout = WAIT } = {}) {
  const now = async () => {
    const s = await stepState(page);
    return s.current.length === 1 ? s.current[0] : null;
  };
  let last = await now();
  let since = Date.now();
  const start = Date.now();
  for (;;) {
    await sleep(50);
    const v = await now();
    if (v !== last) {
      last = v;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) {
      return last;
    }
    if (Date.now() - start > timeout) throw new Error(`the current step never settled (last ${last})`);
  }
}

/** Shows a chart in the walkthrough's panel by its tab (if it has one). */
export async function showChart(page, slug) {
  const hasTab = await page.evaluate((s) => !!document.querySelector(s), sel(`tab-${slug}`));
  if (hasTab) await page.click(sel(`tab-${slug}`));
  await until(
    () => page.evaluate((s) => { const f = document.querySelector(`[data-testid="chart-${s}"]`); return !!f && !f.hidden; }, slug),
    { message: `chart-${slug} to be shown` },
  );
}

/** Opens the controls' disclosure if it is shut (it starts shut on phones). */
export async function openControls(page) {
  const open = await page.evaluate(() => document.querySelector('details.controls')?.open ?? null);
  if (open === false) {
    await page.click('details.controls > summary');
    await until(() => page.evaluate(() => document.querySelector('details.controls')?.open), { message: 'the controls to open' });
  }
}

/** Blurs whatever has focus, as when a reader has not clicked anything. */
export function focusBody(page) {
  return page.evaluate(() => {
    if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
    window.focus();
  });
}
