// A small client of the classic WebDriver protocol (W3C WebDriver, HTTP + JSON) over node's
// fetch, and the processes it needs for WebKitGTK: Xvfb (MiniBrowser has no headless mode) and
// Debian's WebKitWebDriver, which starts a fresh MiniBrowser per session. No dependencies.
//
//   const driver = await startWebKitDriver();          // Xvfb + WebKitWebDriver on free ports
//   const session = await driver.newSession({ args: ['--enable-javascript-markup=false'] });
//   await session.navigate(url); await session.execute('return document.title');
//   await session.close(); await driver.stop();

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER || '/usr/bin/WebKitWebDriver';
export const MINIBROWSER = process.env.MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
export const XVFB = process.env.XVFB || '/usr/bin/Xvfb';

/** The W3C element reference key. */
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** Key names (as playwright and puppeteer spell them) to WebDriver's code points. */
export const KEYS = {
  Backspace: '\uE003',
  Tab: '\uE004',
  Enter: '\uE007',
  Shift: '\uE008',
  Control: '\uE009',
  Escape: '\uE00C',
  ' ': ' ',
  Space: '\uE00D',
  PageUp: '\uE00E',
  PageDown: '\uE00F',
  End: '\uE010',
  Home: '\uE011',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  Delete: '\uE017',
};

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** A WebDriver error response, with the protocol's error code. */
export class WebDriverError extends Error {
  constructor(method, path, status, value) {
    super(`${method} ${path}: ${status} ${value?.error ?? ''}: ${String(value?.message ?? '').slice(0, 500)}`);
    this.code = value?.error;
  }
}

/** One classic WebDriver session. Every method returns the command's `value`. */
export class Session {
  constructor(base, id) {
    this.base = base;
    this.id = id;
    this.path = `/session/${id}`;
  }

  async cmd(method, path, body) {
    const url = `${this.base}${this.path}${path}`;
    const res = await fetch(url, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      throw new Error(`${method} ${path}: ${res.status} not JSON: ${text.slice(0, 200)}`);
    }
    if (!res.ok) throw new WebDriverError(method, path, res.status, json.value);
    return json.value;
  }

  navigate(url) {
    return this.cmd('POST', '/url', { url });
  }

  currentUrl() {
    return this.cmd('GET', '/url');
  }

  setTimeouts(t) {
    return this.cmd('POST', '/timeouts', t);
  }

  windowRect(rect) {
    return rect ? this.cmd('POST', '/window/rect', rect) : this.cmd('GET', '/window/rect');
  }

  /** Runs `script` (a function body; `arguments` are `args`) and returns what it returns. */
  execute(script, args = []) {
    return this.cmd('POST', '/execute/sync', { script, args });
  }

  /** Runs `script` with a callback as its last argument, resolving with what it passes. */
  executeAsync(script, args = []) {
    return this.cmd('POST', '/execute/async', { script, args });
  }

  async find(css) {
    const v = await this.cmd('POST', '/element', { using: 'css selector', value: css });
    return v[ELEMENT];
  }

  elementRef(id) {
    return { [ELEMENT]: id };
  }

  click(elementId) {
    return this.cmd('POST', `/element/${elementId}/click`, {});
  }

  /** Switches into the iframe element `elementId` (or the top document with null). */
  switchToFrame(elementId) {
    return this.cmd('POST', '/frame', { id: elementId === null ? null : this.elementRef(elementId) });
  }

  switchToParentFrame() {
    return this.cmd('POST', '/frame/parent', {});
  }

  actions(actions) {
    return this.cmd('POST', '/actions', { actions });
  }

  releaseActions() {
    return this.cmd('DELETE', '/actions');
  }

  /** Presses and releases one key (a name from KEYS, or a single character). */
  pressKey(key) {
    const value = KEYS[key] ?? key;
    if ([...value].length !== 1) throw new Error(`pressKey: unknown key ${JSON.stringify(key)}`);
    return this.actions([{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value }, { type: 'keyUp', value }] }]);
  }

  /** Types `text` character by character. */
  typeText(text) {
    const actions = [];
    for (const ch of text) actions.push({ type: 'keyDown', value: ch }, { type: 'keyUp', value: ch });
    return actions.length ? this.actions([{ type: 'key', id: 'keyboard', actions }]) : Promise.resolve();
  }

  /** Moves the mouse to (x, y) in CSS px of the top-level viewport. */
  mouseMove(x, y) {
    return this.actions([
      { type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [{ type: 'pointerMove', duration: 0, x: Math.round(x), y: Math.round(y), origin: 'viewport' }] },
    ]);
  }

  async screenshot() {
    return Buffer.from(await this.cmd('GET', '/screenshot'), 'base64');
  }

  async close() {
    await this.cmd('DELETE', '').catch(() => {});
  }
}

/** A running process, stopped by its own pid only. */
function startProcess(cmd, args, env, logFile) {
  const out = fs.openSync(logFile, 'a');
  const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  return child;
}

function stopProcess(child) {
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, 3000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Finds a free X display number (no lock file in /tmp). */
function freeDisplay() {
  for (let n = 90 + (process.pid % 50); n < 400; n++) {
    if (!fs.existsSync(`/tmp/.X${n}-lock`) && !fs.existsSync(`/tmp/.X11-unix/X${n}`)) return n;
  }
  throw new Error('no free X display number');
}

/**
 * Starts Xvfb on a free display and WebKitWebDriver on a free port; resolves to
 * `{ url, display, newSession(options), stop() }`. WebKitWebDriver runs one session at a time.
 */
export async function startWebKitDriver({ log = `/tmp/e2e-webkit-${process.pid}.log` } = {}) {
  for (const bin of [WEBKIT_DRIVER, MINIBROWSER, XVFB]) {
    if (!fs.existsSync(bin)) {
      throw new Error(`${bin} not found: install Debian's webkit2gtk-driver and xvfb (scripts/setup.sh --browser); this suite never downloads a browser`);
    }
  }
  let display;
  let xvfb;
  for (let attempt = 0; attempt < 5 && !xvfb; attempt++) {
    display = freeDisplay() + attempt;
    const child = startProcess(XVFB, [`:${display}`, '-screen', '0', '1920x1200x24', '-nolisten', 'tcp'], {}, log);
    // Xvfb is ready when its socket exists; it exits at once if the display is taken.
    let ready = false;
    for (let i = 0; i < 100 && !ready && child.exitCode === null; i++) {
      ready = fs.existsSync(`/tmp/.X11-unix/X${display}`);
      if (!ready) await sleep(50);
    }
    if (ready) xvfb = child;
    else await stopProcess(child);
  }
  if (!xvfb) throw new Error(`Xvfb did not start (see ${log})`);
  // GTK settings for MiniBrowser: no animations, which WebKitGTK reports to pages as
  // prefers-reduced-motion: reduce (as the Chromium and Firefox runs ask for), so scrolls are
  // instant.
  const config = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-webkit-config-'));
  fs.mkdirSync(path.join(config, 'gtk-3.0'));
  fs.writeFileSync(path.join(config, 'gtk-3.0', 'settings.ini'), '[Settings]\ngtk-enable-animations=0\n');
  const port = await freePort();
  const driver = startProcess(WEBKIT_DRIVER, [`--port=${port}`], { DISPLAY: `:${display}`, XDG_CONFIG_HOME: config }, log);
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    const ok = await fetch(`${url}/status`).then((r) => r.ok, () => false);
    if (ok) break;
    if (driver.exitCode !== null || i > 100) {
      await stopProcess(driver);
      await stopProcess(xvfb);
      throw new Error(`WebKitWebDriver did not start (see ${log})`);
    }
    await sleep(100);
  }

  async function newSession({ args = [] } = {}) {
    const res = await fetch(`${url}/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation', ...args] } } },
      }),
    });
    const json = await res.json();
    if (!res.ok) throw new WebDriverError('POST', '/session', res.status, json.value);
    const session = new Session(url, json.value.sessionId);
    session.capabilities = json.value.capabilities;
    return session;
  }

  return {
    url,
    display,
    newSession,
    async stop() {
      await stopProcess(driver);
      await stopProcess(xvfb);
      fs.rmSync(config, { recursive: true, force: true });
    },
  };
}
