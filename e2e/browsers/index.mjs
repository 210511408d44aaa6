// One small driver interface over three browser engines, so that the same test bodies run in
// Chromium, Firefox and WebKit:
//
//   chromium  Debian's Chromium through playwright-core (CDP), as the rest of the suite
//   firefox   Debian's Firefox ESR through puppeteer-core over WebDriver BiDi
//   webkit    Debian's WebKitGTK MiniBrowser through WebKitWebDriver (classic WebDriver, our own
//             client in ./webdriver.mjs), under Xvfb
//
//   import { launch } from '../browsers/index.mjs';
//   const browser = await launch('firefox');
//   const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
//   await page.goto(url); await page.evaluate(() => document.title);
//   await page.close(); await browser.close();
//
// A page has: goto(url), url(), evaluate(fn, arg) (fn runs in the page; one JSON argument; it
// may return a promise), frame(css) (the same evaluate inside that iframe), click(css) (a real
// pointer click, scrolled into view), focus(css), press(key) (playwright's key names: ArrowRight,
// Home, End, Enter, Tab, Backspace), type(text), fill(css, text) (focus, select all, type),
// mouseMove(x, y) (CSS px of the top-level viewport), screenshot(file), errors() (resolves to { console, uncaught }; console is null where the
// driver cannot read it) and close().
//
// What a driver cannot do is said, not faked: `browser.can` lists the capabilities
// (`console`: console errors and uncaught exceptions from the first script on; WebKit's classic
// WebDriver has no console, so there only uncaught exceptions after load are caught, by a
// listener the page gets once loaded). MiniBrowser's window is never narrower than about 447
// px, so in WebKit a viewport narrower than WEBKIT_MIN_WIDTH is an iframe of exactly that size
// at the top left of a wider window (the test server's /__e2e/viewport.html, same-origin with
// the page), and the page's methods act inside that iframe.
//
// Never downloads a browser: the binaries are Debian's (override with CHROMIUM, FIREFOX,
// WEBKIT_DRIVER, MINIBROWSER).

import fs from 'node:fs';
import { startWebKitDriver } from './webdriver.mjs';
import { VIEWPORT_PAGE } from '../server.mjs';

export const BROWSERS = ['chromium', 'firefox', 'webkit'];
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';
/** MiniBrowser's smallest window width is about 447 px; narrower viewports are iframes. */
export const WEBKIT_MIN_WIDTH = 460;

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

/** Firefox preferences that keep it quiet on a closed network and make runs repeatable. */
const FIREFOX_PREFS = {
  'app.update.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'extensions.update.enabled': false,
  'browser.search.update': false,
  // Light, unless a test asks for dark with the page's own theme switch.
  'layout.css.prefers-color-scheme.content-override': 1,
  'ui.prefersReducedMotion': 1,
};

/** The browser named by E2E_BROWSER (default chromium). */
export function browserName() {
  const name = (process.env.E2E_BROWSER || 'chromium').toLowerCase();
  if (!BROWSERS.includes(name)) throw new Error(`E2E_BROWSER=${name}: one of ${BROWSERS.join(', ')}`);
  return name;
}

function need(file, pkg) {
  if (!fs.existsSync(file)) {
    throw new Error(`${file} not found: install Debian's ${pkg} (scripts/setup.sh --browser); this suite never downloads a browser`);
  }
}

/** Launches browser `name` (chromium, firefox or webkit). */
export async function launch(name = browserName()) {
  if (name === 'chromium') return launchChromium();
  if (name === 'firefox') return launchFirefox();
  if (name === 'webkit') return launchWebKit();
  throw new Error(`unknown browser ${name}: one of ${BROWSERS.join(', ')}`);
}

/** Shared by every driver: fill = focus and select the field's text, then type over it. */
async function fillByTyping(page, css, text) {
  await page.evaluate((s) => {
    const el = document.querySelector(s);
    if (!el) throw new Error(`fill: no element ${s}`);
    el.focus();
    el.select?.();
  }, css);
  if (text === '') await page.press('Backspace');
  else await page.type(text);
}

function focusBy(page, css) {
  return page.evaluate((s) => {
    const el = document.querySelector(s);
    if (!el) throw new Error(`focus: no element ${s}`);
    el.focus();
  }, css);
}

// ---- Chromium: playwright-core ---------------------------------------------------------------

async function launchChromium() {
  need(CHROMIUM, 'chromium');
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  return {
    name: 'chromium',
    version: browser.version(),
    can: { console: true },
    async newPage({ viewport = { width: 1280, height: 800 }, scripts = true } = {}) {
      const context = await browser.newContext({ viewport, javaScriptEnabled: scripts, reducedMotion: 'reduce', serviceWorkers: 'block', colorScheme: 'light' });
      const pw = await context.newPage();
      pw.setDefaultTimeout(15_000);
      const consoleErrors = [];
      const uncaught = [];
      pw.on('console', (m) => {
        if (m.type() === 'error') consoleErrors.push(`${m.text()} (${m.location()?.url || '?'})`);
      });
      pw.on('pageerror', (e) => uncaught.push(String(e?.stack || e)));
      const page = {
        browserName: 'chromium',
        raw: pw,
        async goto(url) {
          await pw.goto(url, { waitUntil: 'load' });
        },
        url: async () => pw.url(),
        evaluate: (fn, arg) => pw.evaluate(fn, arg),
        async frame(css) {
          const handle = await pw.waitForSelector(css, { state: 'attached' });
          const f = await handle.contentFrame();
          if (!f) throw new Error(`frame: ${css} is not an iframe with a document`);
          return { evaluate: (fn, arg) => f.evaluate(fn, arg) };
        },
        click: (css) => pw.locator(css).first().click(),
        focus: (css) => focusBy(page, css),
        press: (key) => pw.keyboard.press(key),
        type: (text) => pw.keyboard.type(text),
        fill: (css, text) => fillByTyping(page, css, text),
        mouseMove: (x, y) => pw.mouse.move(x, y),
        screenshot: (file) => pw.screenshot({ path: file }),
        errors: async () => ({ console: consoleErrors, uncaught }),
        close: () => context.close().catch(() => {}),
      };
      return page;
    },
    close: () => browser.close(),
  };
}

// ---- Firefox: puppeteer-core over WebDriver BiDi ---------------------------------------------

async function launchFirefox() {
  need(FIREFOX, 'firefox-esr');
  const { default: puppeteer } = await import('puppeteer-core');
  const start = (prefs = {}) =>
    puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      protocolTimeout: 60_000,
      extraPrefsFirefox: { ...FIREFOX_PREFS, ...prefs },
    });
  const browser = await start();
  // Scripts off is a preference of the whole browser in Firefox (BiDi's
  // emulation.setScriptingEnabled is not in ESR 153): a second instance, started when needed.
  let noScript = null;
  const version = await browser.version();
  return {
    name: 'firefox',
    version,
    can: { console: true },
    async newPage({ viewport = { width: 1280, height: 800 }, scripts = true } = {}) {
      if (!scripts && !noScript) noScript = await start({ 'javascript.enabled': false });
      const context = await (scripts ? browser : noScript).createBrowserContext();
      const pp = await context.newPage();
      pp.setDefaultTimeout(15_000);
      await pp.setViewport(viewport);
      const consoleErrors = [];
      const uncaught = [];
      pp.on('console', (m) => {
        if (m.type() === 'error') consoleErrors.push(`${m.text()} (${m.location()?.url || '?'})`);
      });
      pp.on('pageerror', (e) => uncaught.push(String(e?.stack || e)));
      const page = {
        browserName: 'firefox',
        raw: pp,
        async goto(url) {
          await pp.goto(url, { waitUntil: 'load' });
        },
        url: async () => pp.url(),
        evaluate: (fn, arg) => pp.evaluate(fn, arg),
        async frame(css) {
          const handle = await pp.waitForSelector(css);
          const f = await handle.contentFrame();
          if (!f) throw new Error(`frame: ${css} is not an iframe with a document`);
          return { evaluate: (fn, arg) => f.evaluate(fn, arg) };
        },
        async click(css) {
          await pp.waitForSelector(css, { visible: true });
          await pp.click(css);
        },
        focus: (css) => focusBy(page, css),
        press: (key) => pp.keyboard.press(key),
        type: (text) => pp.keyboard.type(text),
        fill: (css, text) => fillByTyping(page, css, text),
        mouseMove: (x, y) => pp.mouse.move(x, y),
        screenshot: (file) => pp.screenshot({ path: file }),
        errors: async () => ({ console: consoleErrors, uncaught }),
        close: () => context.close().catch(() => {}),
      };
      return page;
    },
    async close() {
      await noScript?.close();
      await browser.close();
    },
  };
}

// ---- WebKitGTK: WebKitWebDriver (classic WebDriver) under Xvfb -------------------------------

/** Wraps `fn(arg)` as a classic WebDriver async script: resolves with { v } or { e }. */
function asyncScript(fn) {
  return `const done = arguments[arguments.length - 1]; const arg = arguments[0];
Promise.resolve().then(() => (${fn})(arg)).then(
  (v) => done({ v: v === undefined ? null : v }),
  (e) => done({ e: String((e && e.stack) || e) }));`;
}

// Catches uncaught exceptions and unhandled rejections from the moment it runs (after load).
const CATCH_ERRORS = `if (!window.__e2eUncaught) {
  window.__e2eUncaught = [];
  addEventListener('error', (e) => window.__e2eUncaught.push(String(e.error && e.error.stack || e.message)));
  addEventListener('unhandledrejection', (e) => window.__e2eUncaught.push('unhandled rejection: ' + String(e.reason && e.reason.stack || e.reason)));
}`;

async function launchWebKit() {
  const driver = await startWebKitDriver();
  // The version, from a first short session (WebKitWebDriver has no --version).
  const probe = await driver.newSession();
  const version = `MiniBrowser, WebKitGTK ${probe.capabilities.browserVersion}`;
  await probe.close();
  let open = null;
  return {
    name: 'webkit',
    version,
    can: { console: false },
    async newPage({ viewport = { width: 1280, height: 800 }, scripts = true } = {}) {
      // One session at a time (WebKitWebDriver's limit), each a fresh MiniBrowser.
      if (open) await open.close();
      // Scripts off: the page's scripts never run and (scripting: none) matches; the driver's
      // own scripts still run.
      const session = await driver.newSession({ args: scripts ? [] : ['--enable-javascript=false'] });
      await session.setTimeouts({ script: 60_000, pageLoad: 60_000 });
      const framed = viewport.width < WEBKIT_MIN_WIDTH;
      const uncaught = [];
      // Sizes the window so that its viewport (or the iframe, framed) is what was asked for.
      const outer = framed ? { width: WEBKIT_MIN_WIDTH + 40, height: viewport.height } : viewport;
      let rect = await session.windowRect({ x: 0, y: 0, width: outer.width, height: outer.height });
      for (let i = 0; i < 3; i++) {
        const inner = await session.execute('return [innerWidth, innerHeight]');
        const dw = outer.width - inner[0];
        const dh = outer.height - inner[1];
        if (!dw && !dh) break;
        rect = await session.windowRect({ x: 0, y: 0, width: rect.width + dw, height: rect.height + dh });
      }
      let inFrame = false;
      const exec = async (fn, arg) => {
        const r = await session.executeAsync(asyncScript(fn), [arg === undefined ? null : arg]);
        if (r && 'e' in r) throw new Error(`evaluate in webkit: ${r.e}`);
        return r?.v;
      };
      const collect = async () => {
        const got = await session.execute('const e = window.__e2eUncaught || []; window.__e2eUncaught = []; return e;').catch(() => []);
        uncaught.push(...(got || []));
      };
      const page = {
        browserName: 'webkit',
        framed,
        session,
        async goto(url) {
          if (inFrame) {
            await collect();
            await session.switchToFrame(null);
            inFrame = false;
          } else if (scripts) {
            await collect();
          }
          if (framed) {
            // The test server's viewport page: an iframe of the asked size, same-origin with
            // the page (so that the page's scripts may take focus inside it).
            const u = new URL(url);
            const top = `${u.origin}${VIEWPORT_PAGE}?w=${viewport.width}&h=${viewport.height}&src=${encodeURIComponent(u.pathname + u.search + u.hash)}`;
            await session.navigate(top);
            await session.switchToFrame(await session.find('#e2e-viewport'));
            inFrame = true;
          } else {
            await session.navigate(url);
          }
          if (scripts) await session.execute(CATCH_ERRORS);
        },
        url: () => (inFrame ? session.execute('return location.href') : session.currentUrl()),
        evaluate: exec,
        async frame(css) {
          return {
            evaluate: async (fn, arg) => {
              const id = await session.find(css);
              await session.switchToFrame(id);
              try {
                return await exec(fn, arg);
              } finally {
                await session.switchToParentFrame();
              }
            },
          };
        },
        async click(css) {
          const id = await session.find(css);
          try {
            await session.click(id);
          } catch (e) {
            // WebKitWebDriver finds some elements (a <summary>) not interactable: click with the
            // pointer at the element's centre instead, as a reader would.
            if (e.code !== 'element not interactable') throw e;
            const box = await exec((s) => {
              const el = document.querySelector(s);
              el.scrollIntoView({ block: 'center' });
              const r = el.getBoundingClientRect();
              // (The narrow-viewport iframe sits at the window's top left: the same coordinates.)
              return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
            }, css);
            await session.actions([{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [
              { type: 'pointerMove', duration: 0, x: Math.round(box.x), y: Math.round(box.y), origin: 'viewport' },
              { type: 'pointerDown', button: 0 },
              { type: 'pointerUp', button: 0 },
            ] }]);
          }
        },
        focus: (css) => focusBy(page, css),
        press: (key) => session.pressKey(key),
        type: (text) => session.typeText(text),
        fill: (css, text) => fillByTyping(page, css, text),
        mouseMove: (x, y) => session.mouseMove(x, y),
        async screenshot(file) {
          if (!inFrame) {
            fs.writeFileSync(file, await session.screenshot());
            return;
          }
          // The iframe that stands for the narrow viewport, not the window around it.
          await session.switchToFrame(null);
          try {
            const id = await session.find('#e2e-viewport');
            fs.writeFileSync(file, Buffer.from(await session.cmd('GET', `/element/${id}/screenshot`), 'base64'));
          } finally {
            await session.switchToFrame(await session.find('#e2e-viewport'));
          }
        },
        async errors() {
          if (scripts) await collect();
          return { console: null, uncaught };
        },
        async close() {
          if (open === page) open = null;
          if (scripts) await collect();
          await session.close();
        },
      };
      open = page;
      return page;
    },
    async close() {
      await open?.close();
      await driver.stop();
    },
  };
}
