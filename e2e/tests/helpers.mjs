// Shared helpers for the end-to-end tests: browser, server, page with error tracking, polling.
//
// Never downloads a browser: it drives Debian's Chromium at /usr/bin/chromium (override with
// CHROMIUM=/path). Everything is served on 127.0.0.1.

import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(here, '..', '..');
export const DIST = process.env.E2E_DIST ? path.resolve(process.env.E2E_DIST) : path.join(REPO, 'dist');

/** Per-test timeout for node:test, in ms. */
export const TEST_TIMEOUT = 60_000;
/** Default time to wait for a condition, in ms. */
export const WAIT = 15_000;

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Fails with a clear message when the release build is missing. */
export function requireDist() {
  const index = path.join(DIST, 'index.html');
  if (!fs.existsSync(index)) {
    throw new Error(`${index} is missing: run trunk build --release first (cd ${REPO} && source scripts/env.sh && trunk build --release)`);
  }
}

/** Launches Debian's Chromium, headless. */
export async function launchBrowser() {
  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    throw new Error(`${executablePath} not found: install Debian's chromium (scripts/setup.sh --browser); this suite never downloads a browser`);
  }
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

/** Starts the static server on dist/ (after checking it exists). */
export async function serveDist(options = {}) {
  requireDist();
  return startServer({ root: DIST, ...options });
}

/**
 * The usual suite setup: before the tests, the test server on dist/ and one browser, handed to
 * `ready(browser, server)`; after them, both shut.
 */
export function onDist(ready) {
  let browser;
  let server;
  before(async () => {
    server = await serveDist();
    browser = await launchBrowser();
    ready(browser, server);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Polls `fn` until it returns a truthy value (returned) or the timeout passes (throws with
 * `message` and the last value / error seen). The expect-like wait every test uses.
 */
export async function until(fn, { timeout = WAIT, interval = 50, message = 'condition' } = {}) {
  const start = Date.now();
  let last;
  let lastErr;
  for (;;) {
    try {
      last = await fn();
      lastErr = undefined;
      if (last) return last;
    } catch (e) {
      lastErr = e;
    }
    if (Date.now() - start > timeout) {
      const detail = lastErr ? `; last error: ${lastErr.message}` : `; last value: ${JSON.stringify(last)}`;
      throw new Error(`timed out after ${timeout} ms waiting for ${message}${detail}`);
    }
    await sleep(interval);
  }
}

/** Waits until `get()` returns something different from `before`; returns the new value. */
export async function changed(get, before, message = 'a change', options = {}) {
  const box = await until(
    async () => {
      const v = await get();
      return v !== before ? { v } : false;
    },
    { message: `${message} (still ${JSON.stringify(before)?.slice(0, 200)})`, ...options },
  );
  return box.v;
}

/** Waits until `get()` returns exactly `want`. */
export async function becomes(get, want, message = 'a value', options = {}) {
  let last;
  await until(
    async () => {
      last = await get();
      return last === want;
    },
    { message: `${message} to be ${JSON.stringify(want)}`, ...options },
  ).catch((e) => {
    throw new Error(`${e.message} (last: ${JSON.stringify(last)})`);
  });
  return last;
}

/**
 * Opens a fresh context and page at `url`, tracking console errors, uncaught exceptions, failed
 * responses, dialogs and CSP violations (through a listener installed before any page script).
 * Returns a tracker: { context, page, consoleErrors, pageErrors, badResponses, dialogs }.
 */
export async function openPage(browser, url, { viewport = DESKTOP, colorScheme = 'light', extraInit, wait = true } = {}) {
  const context = await browser.newContext({ viewport, colorScheme, reducedMotion: 'reduce', serviceWorkers: 'block' });
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT);
  const t = { context, page, consoleErrors: [], pageErrors: [], badResponses: [], dialogs: [], requests: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const loc = msg.location();
      if (loc && /\/favicon\.ico$/.test(loc.url || '')) return; // the browser's own favicon probe
      t.consoleErrors.push(`${msg.text()}${loc && loc.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (err) => t.pageErrors.push(String(err && err.stack ? err.stack : err)));
  page.on('request', (req) => t.requests.push(req.url()));
  page.on('response', (res) => {
    // Browsers ask for /favicon.ico on their own; the page does not reference one.
    if (res.status() >= 400 && !/\/favicon\.ico$/.test(new URL(res.url()).pathname)) t.badResponses.push(`${res.status()} ${res.url()}`);
  });
  page.on('dialog', async (d) => {
    t.dialogs.push(`${d.type()}: ${d.message()}`);
    await d.dismiss().catch(() => {});
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(
        `${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile || '?'}:${e.lineNumber}` +
          (e.sample ? ` sample=${JSON.stringify(e.sample)}` : ''),
      );
    });
  });
  if (extraInit) await page.addInitScript(extraInit);
  await page.goto(url, { waitUntil: 'load' });
  if (wait) await waitForApp(page, t);
  return t;
}

/** The text of the panic message, if the app showed one. */
export async function panicText(page) {
  const el = await page.$('[data-testid="panic-message"]');
  return el ? (await el.textContent()) : null;
}

/**
 * Waits for the app to take over the full prerendered page (see `waitForTakeover`, which embeds
 * use with a pointer nudge), failing early on a panic, a boot failure or an uncaught exception.
 */
export async function waitForApp(page, t) {
  await waitForTakeover(page, { t });
}

/**
 * Waits for the client to take a page or frame over (html.app, no data-prerendered) and fails at
 * once on a panic, a fall-back to the static page (html.no-app) or an uncaught exception (from
 * openPage's tracker `t` or an `errors` list). `nudge` runs before each poll: embed pages start
 * their WebAssembly on the reader's intent, so a test moves the pointer (see `pointerNudge`).
 */
export async function waitForTakeover(target, { t, errors, nudge } = {}) {
  const errs = () => [...(errors || []), ...(t?.pageErrors || [])];
  const s = await until(
    async () => {
      if (nudge) await nudge();
      if (errs().length) return { failed: `uncaught: ${errs().join('; ')}` };
      const s = await target.evaluate(() => ({
        app: document.documentElement.classList.contains('app') && !document.body.hasAttribute('data-prerendered'),
        panic: document.querySelector('[data-testid="panic-message"]')?.textContent ?? null,
        staticOnly: document.documentElement.classList.contains('no-app'),
      }));
      if (s.panic) return { failed: `the app panicked: ${s.panic}` };
      if (s.staticOnly) return { failed: 'the app did not start (html.no-app: the static page stayed)' };
      return s.app && s;
    },
    { timeout: 30_000, message: 'the wasm client to take the page over (html.app)' },
  );
  if (s.failed) throw new Error(`the app did not take over: ${s.failed}`);
}

/** A `nudge` for `waitForTakeover`: the pointer moves a pixel in the page's top-left corner. */
export function pointerNudge(page) {
  let i = 0;
  return () => page.mouse.move(1 + (i++ % 5), 1);
}

/** CSP violations the page saw (via the securitypolicyviolation listener). */
export async function cspViolations(page) {
  return page.evaluate(() => window.__cspViolations || []).catch(() => []);
}

/** Fails if any console error, uncaught exception, panic message or CSP violation occurred. */
export async function assertNoErrors(t, { allowBadResponses = false } = {}) {
  const panic = await panicText(t.page).catch(() => null);
  const csp = await cspViolations(t.page);
  const problems = [];
  if (t.consoleErrors.length) problems.push(`console errors:\n  ${t.consoleErrors.join('\n  ')}`);
  if (t.pageErrors.length) problems.push(`page errors:\n  ${t.pageErrors.join('\n  ')}`);
  if (panic) problems.push(`panic message shown: ${panic}`);
  if (csp.length) problems.push(`CSP violations:\n  ${csp.join('\n  ')}`);
  if (!allowBadResponses && t.badResponses.length) problems.push(`failed responses:\n  ${t.badResponses.join('\n  ')}`);
  assert.equal(problems.length, 0, problems.join('\n'));
}

/**
 * Runs `fn(t)` on a fresh page at `url`, then checks there were no errors and closes the context
 * (also when `fn` throws).
 */
export async function withPage(browser, url, options, fn) {
  const t = await openPage(browser, url, options);
  try {
    await fn(t);
    await assertNoErrors(t, options);
  } finally {
    await t.context.close().catch(() => {});
  }
}

/** Saves a viewport screenshot for humans (never asserted). Failures are ignored. */
export async function screenshot(page, name, { fullPage = false } = {}) {
  const file = `/tmp/e2e-${name}.png`;
  await page.screenshot({ path: file, fullPage, animations: 'disabled' }).catch((e) => console.warn(`screenshot ${file} failed: ${e.message}`));
  return file;
}

/**
 * Screenshots the top of the page and the walkthrough (step 2 with the chart panel) as
 * /tmp/e2e-<name>-top.png and /tmp/e2e-<name>-walkthrough.png, then scrolls back to the top.
 */
export async function screenshots(page, name) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, `${name}-top`);
  await page.evaluate(() => document.querySelector('[data-testid="step-2"]')?.scrollIntoView({ block: 'start' }));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await screenshot(page, `${name}-walkthrough`);
  await page.evaluate(() => window.scrollTo(0, 0));
}

// ---- App-specific readers ---------------------------------------------------------------------

export const sel = (testid) => `[data-testid="${testid}"]`;

/**
 * A chart's SVG as a canonical string (hidden charts included): each element's name, its
 * attributes sorted, its text trimmed. The client patches marks in place (and inserts elements
 * without the whitespace the prerender writes between them), so two equal drawings can differ in
 * their outerHTML's whitespace and attribute order but not here.
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

/** The text of the live numbers with this key, joined with " | " (null when there are none). */
export function liveText(page, key) {
  return page.evaluate((k) => {
    const els = [...document.querySelectorAll(`.live[data-live="${k}"]`)];
    return els.length ? els.map((e) => e.textContent.trim()).join(' | ') : null;
  }, key);
}

/** The value of an input by test id. */
export function inputValue(page, testid) {
  return page.evaluate((s) => document.querySelector(s)?.value ?? null, sel(testid));
}

/** Text of an element by test id (null if missing). */
export function text(page, testid) {
  return page.evaluate((s) => document.querySelector(s)?.textContent ?? null, sel(testid));
}

/** The walkthrough's step elements: their test ids, in order, and which one is current. */
export function stepState(page) {
  return page.evaluate(() => {
    const steps = [...document.querySelectorAll('[data-testid^="step-"]')].filter((e) => /^step-\d+$/.test(e.dataset.testid));
    const current = steps.filter((e) => e.getAttribute('aria-current') === 'step').map((e) => e.dataset.testid);
    return {
      ids: steps.map((e) => e.dataset.testid),
      current,
      position: document.querySelector('[data-testid="step-position"]')?.textContent?.trim() ?? null,
      prevDisabled: document.querySelector('[data-testid="step-prev"]')?.disabled ?? null,
      nextDisabled: document.querySelector('[data-testid="step-next"]')?.disabled ?? null,
    };
  });
}

/** The 1-based index of the current step (null if none or several are current). */
export async function currentStep(page) {
  const s = await stepState(page);
  return s.current.length === 1 ? Number(s.current[0].slice('step-'.length)) : null;
}

/**
 * The current step once it has stopped changing (the same for `quietMs`), so that pending
 * scroll-observer callbacks have been delivered.
 */
export async function settledStep(page, { quietMs = 400, timeout = WAIT } = {}) {
  let last = await currentStep(page);
  let since = Date.now();
  const start = Date.now();
  for (;;) {
    await sleep(50);
    const now = await currentStep(page);
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) {
      return last;
    }
    if (Date.now() - start > timeout) throw new Error(`the current step never settled (last ${last})`);
  }
}

/** Opens the "Adjust the numbers" disclosure if it is closed (it starts closed on phones). */
export async function openControls(page) {
  const open = await page.evaluate(() => document.querySelector('details.controls')?.open ?? null);
  if (open === false) {
    await page.locator('details.controls > summary').click();
    await until(() => page.evaluate(() => document.querySelector('details.controls')?.open), { message: 'controls to open' });
  }
}

/**
 * Shows a chart as a reader would: clicks its tab in the walkthrough's panel (the panel shows one
 * chart at a time, and a chart out of view is only redrawn when it comes into view).
 */
// Opens chart `slug`'s "Show data" disclosure as a reader does (its summary clicked), if shut.
// A shut table is brought up to date when it opens, not on every slider step.
export async function openData(page, slug) {
  const summary = page.locator(`[data-testid="chart-${slug}"] details.data > summary`);
  const open = await page.evaluate((s) => document.querySelector(`[data-testid="chart-${s}"] details.data`)?.open ?? true, slug);
  if (!open) await summary.click();
  await until(
    () => page.evaluate((s) => document.querySelector(`[data-testid="chart-${s}"] details.data`)?.open === true, slug),
    { message: `the data table of chart-${slug} to open` },
  );
}

export async function showChart(page, slug) {
  const tab = await page.$(sel(`tab-${slug}`));
  if (tab) await tab.click();
  await until(
    () => page.evaluate((s) => { const f = document.querySelector(`[data-testid="chart-${s}"]`); return !!f && !f.hidden; }, slug),
    { message: `chart-${slug} to be shown` },
  );
}
