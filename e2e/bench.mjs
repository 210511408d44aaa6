// The explainer's benchmark: serves the release build (dist/) on loopback with gzip and drives
// Debian's headless Chromium (playwright-core, never a downloaded browser) to measure
//
//   - bytes transferred, per file and in total (CDP Network events), beside each file's raw and
//     gzip -9 size on disk;
//   - time from navigation start to the first chart in the DOM (median of cold loads, each in a
//     fresh browser context), with first contentful paint and the wasm download for context;
//   - slider-to-chart latency: from a Treasuries slider `input` event to the last DOM change of
//     the allocation chart (and, on the full page, of the whole page: all linked charts), median,
//     p95 and max over many inputs, on the full page and in embed mode (`?embed=allocation`);
//   - the JS heap after load (CDP Performance.getMetrics) and the wasm linear memory.
//
// Targets are reported as PASS/MISS and never change the exit code; the exit code is non-zero
// only when something is broken (no dist/, the browser cannot start, the page never draws).
//
//   node e2e/bench.mjs [--dist dist] [--json bench-results.json] [--inputs 250] [--loads 5]
//                      [--native target/bench-native.jsonl]
//
// --native: a JSON-lines file written by the native benches (BENCH_NATIVE_OUT=...), folded into
// the JSON output and printed as a short summary.
//
// Timing precision: the server sends COOP/COEP headers so the page is cross-origin isolated and
// performance.now() has ~5 µs resolution instead of 100 µs (reported as `timerResolutionMs`).

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');

// ---------------------------------------------------------------------------------------------
// Arguments

function usage(code) {
  const text =
    'usage: node e2e/bench.mjs [--dist DIR] [--json OUT.json] [--inputs N] [--loads N] [--native FILE.jsonl]';
  (code ? console.error : console.log)(text);
  process.exit(code);
}

const opts = { dist: path.join(repo, 'dist'), json: null, inputs: 250, loads: 5, native: null };
{
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => (i + 1 < argv.length ? argv[++i] : usage(2));
    if (a === '--dist') opts.dist = path.resolve(next());
    else if (a === '--json') opts.json = path.resolve(next());
    else if (a === '--inputs') opts.inputs = Number(next());
    else if (a === '--loads') opts.loads = Number(next());
    else if (a === '--native') opts.native = path.resolve(next());
    else if (a === '-h' || a === '--help') usage(0);
    else {
      console.error(`unknown argument ${a}`);
      usage(2);
    }
  }
  if (!Number.isInteger(opts.inputs) || opts.inputs < 1) usage(2);
  if (!Number.isInteger(opts.loads) || opts.loads < 1) usage(2);
}

if (!fs.existsSync(path.join(opts.dist, 'index.html'))) {
  console.error(`bench: ${path.join(opts.dist, 'index.html')} is missing: run \`trunk build --release\` first`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// Targets (from the issue). Reported, never enforced.

const KB = 1024;
const TARGETS = {
  transferGzipBytes: 150 * KB,
  firstChartMs: 120,
  embedMedianMs: 0.5,
  embedP95Ms: 2,
  fullPageMedianMs: 2,
};

// ---------------------------------------------------------------------------------------------
// Helpers

const median = (xs) => percentile(xs, 50);
function percentile(xs, p) {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  // Nearest rank.
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length - 1, Math.max(0, rank - 1))];
}
const round = (x, dp = 3) => (x == null || !Number.isFinite(x) ? x : Number(x.toFixed(dp)));
const fmtBytes = (n) => (n == null ? '–' : n >= KB ? `${(n / KB).toFixed(1)} KB` : `${n} B`);
const fmtMs = (x) => (x == null ? '–' : x < 10 ? `${x.toFixed(3)} ms` : `${x.toFixed(1)} ms`);

function table(rows, header) {
  const all = [header, ...rows].map((r) => r.map((c) => String(c ?? '')));
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(all[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}

function walk(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue; // Trunk's .stage and the like are not served
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(p));
    else if (entry.isFile()) out.push(p);
  }
  return out;
}

const LAUNCH = {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
const VIEWPORT = { width: 1280, height: 800 };
const CHART_SVG = 'figure[data-testid^="chart-"] svg';

// Runs in the page before any of its scripts: records when the first chart's SVG enters the DOM
// (performance.now() counts from navigation start), and the next animation frame after it.
function initScript(selector) {
  const w = window;
  w.__bench = { firstChart: null, firstChartFrame: null, fcp: null };
  const check = () => {
    if (w.__bench.firstChart != null) return;
    if (document.querySelector(selector)) {
      w.__bench.firstChart = performance.now();
      requestAnimationFrame(() => {
        w.__bench.firstChartFrame = performance.now();
      });
      mo.disconnect();
    }
  };
  const mo = new MutationObserver(check);
  mo.observe(document, { childList: true, subtree: true });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') w.__bench.fcp = e.startTime;
    }).observe({ type: 'paint', buffered: true });
  } catch {
    /* no paint timing */
  }
}

async function newPage(browser) {
  const context = await browser.newContext({ viewport: VIEWPORT, colorScheme: 'light' });
  await context.addInitScript(initScript, CHART_SVG);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });
  return { context, page, errors };
}

// ---------------------------------------------------------------------------------------------
// (a) Bytes: on disk, and transferred

function diskSizes(dist) {
  const files = walk(dist)
    .map((p) => {
      const buf = fs.readFileSync(p);
      return {
        file: path.relative(dist, p).split(path.sep).join('/'),
        raw: buf.length,
        gzip9: zlib.gzipSync(buf, { level: 9 }).length,
      };
    })
    .sort((a, b) => b.raw - a.raw);
  return {
    files,
    totalRaw: files.reduce((s, f) => s + f.raw, 0),
    totalGzip9: files.reduce((s, f) => s + f.gzip9, 0),
  };
}

async function transferred(browser, url) {
  const { context, page, errors } = await newPage(browser);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const reqs = new Map();
  cdp.on('Network.requestWillBeSent', (e) => {
    if (e.request.url.startsWith('data:')) return;
    reqs.set(e.requestId, { url: e.request.url, status: null, encoding: null, contentLength: null, wire: null });
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = reqs.get(e.requestId);
    if (!r) return;
    const h = Object.fromEntries(Object.entries(e.response.headers || {}).map(([k, v]) => [k.toLowerCase(), v]));
    r.status = e.response.status;
    r.encoding = h['content-encoding'] || 'identity';
    r.contentLength = h['content-length'] != null ? Number(h['content-length']) : null;
    r.mime = e.response.mimeType;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = reqs.get(e.requestId);
    if (r) r.wire = e.encodedDataLength;
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector(CHART_SVG, { state: 'attached', timeout: 20000 });
  await page.waitForLoadState('networkidle');
  await context.close();
  const files = [...reqs.values()].map((r) => ({
    url: new URL(r.url).pathname + new URL(r.url).search,
    status: r.status,
    encoding: r.encoding,
    body: r.contentLength,
    wire: r.wire,
  }));
  return {
    files,
    totalWire: files.reduce((s, f) => s + (f.wire || 0), 0),
    totalBody: files.reduce((s, f) => s + (f.body || 0), 0),
    errors,
  };
}

// ---------------------------------------------------------------------------------------------
// (b) First chart, cold loads

async function coldLoads(browser, url, n) {
  const runs = [];
  for (let i = 0; i < n; i++) {
    const { context, page, errors } = await newPage(browser);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__bench && window.__bench.firstChartFrame != null, null, { timeout: 20000 });
    const r = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
      return {
        firstChart: window.__bench.firstChart,
        firstChartFrame: window.__bench.firstChartFrame,
        fcp: window.__bench.fcp ?? performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')?.startTime ?? null,
        htmlResponseEnd: nav ? nav.responseEnd : null,
        domContentLoaded: nav ? nav.domContentLoadedEventEnd : null,
        wasmResponseEnd: wasm ? wasm.responseEnd : null,
      };
    });
    runs.push({ ...r, errors });
    await context.close();
  }
  const pick = (k) => runs.map((r) => r[k]).filter((x) => x != null);
  return {
    runs,
    medianFirstChart: median(pick('firstChart')),
    medianFirstChartFrame: median(pick('firstChartFrame')),
    medianFcp: median(pick('fcp')),
    medianWasmResponseEnd: median(pick('wasmResponseEnd')),
    medianDomContentLoaded: median(pick('domContentLoaded')),
  };
}

// ---------------------------------------------------------------------------------------------
// (c) Slider to chart latency

// Runs in the page. For each input: set a new valid value on the slider, take t0, dispatch
// `input`, let the app's microtasks and a task run, then latency = time of the last
// MutationObserver callback on the chart (resp. the whole page scope) − t0. An observer callback
// runs after the mutations it reports, so this is the time until the DOM has stopped changing.
async function sliderLoop({ n, sliderSel, chartSel, scopeSel }) {
  const slider = document.querySelector(sliderSel);
  const chart = document.querySelector(chartSel);
  const scope = scopeSel ? document.querySelector(scopeSel) : null;
  if (!slider || !chart) return { error: `missing ${!slider ? sliderSel : chartSel}` };
  const cfg = { subtree: true, childList: true, attributes: true, characterData: true };
  let lastChart = null;
  let lastScope = null;
  let chartRecords = 0;
  let scopeRecords = 0;
  const moChart = new MutationObserver((recs) => {
    lastChart = performance.now();
    chartRecords += recs.length;
  });
  const moScope = new MutationObserver((recs) => {
    lastScope = performance.now();
    scopeRecords += recs.length;
  });
  moChart.observe(chart, cfg);
  if (scope) moScope.observe(scope, cfg);
  // Also note when the chart's SVG markup is replaced (Leptos sets it with innerHTML): on the full
  // page every linked chart updates in the same pass, so observer callbacks (delivered together
  // at the end of it) cannot tell the allocation chart's own finish from the page's.
  let lastSvgSet = null;
  const desc = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML');
  Object.defineProperty(Element.prototype, 'innerHTML', {
    configurable: true,
    enumerable: desc.enumerable,
    get: desc.get,
    set(v) {
      desc.set.call(this, v);
      if (chart.contains(this)) lastSvgSet = performance.now();
    },
  });
  const task = () =>
    new Promise((resolve) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve();
      ch.port2.postMessage(0);
    });
  const settle = async () => {
    // Microtasks (Leptos effects) run before any task; then a timeout and a frame for anything
    // deferred further; then one more task so late observer callbacks are in.
    await task();
    await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => requestAnimationFrame(() => r()));
    await task();
  };
  // Warm up: a few inputs not counted (first-time allocations, JIT tiers).
  const values = [];
  for (let i = 0; i < n + 10; i++) values.push((70 + 0.5 * (i % 21)).toFixed(1));
  const chartLat = [];
  const scopeLat = [];
  let noChange = 0;
  let noScopeChange = 0;
  const initial = slider.value;
  for (let i = 0; i < values.length; i++) {
    let v = values[i];
    if (v === slider.value) v = (Number(v) + 0.5).toFixed(1); // always a new value
    await settle();
    lastChart = null;
    lastScope = null;
    lastSvgSet = null;
    chartRecords = 0;
    scopeRecords = 0;
    slider.value = v;
    const t0 = performance.now();
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    const tSync = performance.now();
    await settle();
    if (i < 10) continue;
    if (lastChart == null) noChange++;
    else chartLat.push({ total: lastChart - t0, sync: tSync - t0, svgSet: lastSvgSet == null ? null : lastSvgSet - t0, records: chartRecords });
    if (scope) {
      if (lastScope == null) noScopeChange++;
      else scopeLat.push({ total: lastScope - t0, records: scopeRecords });
    }
  }
  moChart.disconnect();
  moScope.disconnect();
  Object.defineProperty(Element.prototype, 'innerHTML', desc);
  return {
    chart: chartLat,
    scope: scopeLat,
    noChange,
    noScopeChange,
    initial,
    final: slider.value,
    crossOriginIsolated: self.crossOriginIsolated === true,
  };
}

function summarise(samples) {
  if (!samples.length) return null;
  const xs = samples.map((s) => s.total);
  return {
    n: xs.length,
    medianMs: round(median(xs), 4),
    p95Ms: round(percentile(xs, 95), 4),
    maxMs: round(Math.max(...xs), 4),
    minMs: round(Math.min(...xs), 4),
    medianMutationRecords: median(samples.map((s) => s.records)),
  };
}

async function latency(browser, url, { n, scopeSel, waitMs }) {
  const { context, page, errors } = await newPage(browser);
  try {
    await page.goto(url, { waitUntil: 'load' });
    const ok = await page
      .waitForSelector('[data-testid=chart-allocation] svg', { state: 'attached', timeout: waitMs })
      .then(() => true)
      .catch(() => false);
    if (!ok) return { available: false, reason: 'no [data-testid=chart-allocation] svg within ' + waitMs / 1000 + ' s', errors };
    const hasSlider = await page.$('[data-testid=slider-treasuries]');
    if (!hasSlider) return { available: false, reason: 'no [data-testid=slider-treasuries] on the page', errors };
    // On the full page the allocation chart sits behind a panel tab; a reader watching it has
    // that tab selected (charts out of view are only redrawn when they come into view).
    const tab = await page.$('[data-testid=tab-allocation]');
    if (tab) await tab.click();
    await page.waitForTimeout(500); // let load-time work (fonts, observers) settle
    const res = await page.evaluate(sliderLoop, {
      n,
      sliderSel: '[data-testid=slider-treasuries]',
      chartSel: '[data-testid=chart-allocation]',
      scopeSel,
    });
    if (res.error) return { available: false, reason: res.error, errors };
    const timerRes = await page.evaluate(() => {
      // Smallest positive step of performance.now(): the clock's resolution.
      let min = Infinity;
      let last = performance.now();
      for (let i = 0; i < 200000 && min > 0.001; i++) {
        const t = performance.now();
        if (t > last) {
          min = Math.min(min, t - last);
          last = t;
        }
      }
      return min;
    });
    const syncXs = res.chart.map((s) => s.sync);
    const svgXs = res.chart.map((s) => s.svgSet).filter((x) => x != null);
    return {
      available: true,
      url,
      chart: summarise(res.chart),
      dispatchReturnedMedianMs: round(median(syncXs), 4),
      svgReplacedMedianMs: round(median(svgXs), 4),
      svgReplacedP95Ms: round(percentile(svgXs, 95), 4),
      svgReplacedCount: svgXs.length,
      page: scopeSel ? summarise(res.scope) : null,
      noChartChange: res.noChange,
      noPageChange: scopeSel ? res.noScopeChange : null,
      crossOriginIsolated: res.crossOriginIsolated,
      timerResolutionMs: round(timerRes, 4),
      errors,
    };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// (d) Heap after load, and wasm memory

async function heap(browser, url) {
  const { context, page, errors } = await newPage(browser);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector(CHART_SVG, { state: 'attached', timeout: 20000 });
  await page.waitForTimeout(1000);
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const perfMemory = await page.evaluate(() =>
    performance.memory ? { usedJSHeapSize: performance.memory.usedJSHeapSize, totalJSHeapSize: performance.memory.totalJSHeapSize } : null,
  );
  // The wasm linear memory: find every WebAssembly.Memory on the heap through the inspector.
  let wasmMemoryBytes = null;
  try {
    await cdp.send('Runtime.enable');
    const proto = await cdp.send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
    const found = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId });
    const sizes = await cdp.send('Runtime.callFunctionOn', {
      objectId: found.objects.objectId,
      functionDeclaration: 'function () { return this.map((m) => m.buffer.byteLength); }',
      returnByValue: true,
    });
    wasmMemoryBytes = sizes.result.value.reduce((s, x) => s + x, 0);
  } catch (e) {
    errors.push(`wasm memory: ${e.message}`);
  }
  // After a forced GC, for a floor.
  await cdp.send('HeapProfiler.collectGarbage').catch(() => {});
  const afterGc = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  await context.close();
  return {
    jsHeapUsedBytes: metrics.JSHeapUsedSize,
    jsHeapTotalBytes: metrics.JSHeapTotalSize,
    jsHeapUsedAfterGcBytes: afterGc.JSHeapUsedSize,
    domNodes: metrics.Nodes,
    performanceMemory: perfMemory,
    wasmMemoryBytes,
    errors,
  };
}

// ---------------------------------------------------------------------------------------------
// Native results (written by the Rust benches)

function readNative(file) {
  if (!file || !fs.existsSync(file)) return null;
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      try {
        return JSON.parse(l);
      } catch {
        return null;
      }
    })
    .filter(Boolean);
}

// ---------------------------------------------------------------------------------------------
// Main

const started = Date.now();
const disk = diskSizes(opts.dist);
const server = await startServer({
  root: opts.dist,
  mountPath: '/',
  gzip: true,
  // Cross-origin isolation for a fine-grained performance.now(); every asset is same-origin.
  headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
});
let browser;
let results;
try {
  browser = await chromium.launch(LAUNCH);
  const base = server.url; // ends with '/'
  console.log(`bench: serving ${path.relative(repo, opts.dist) || opts.dist} at ${base} (gzip), Chromium ${browser.version()}`);

  process.stdout.write('bench: transfer… ');
  const net = await transferred(browser, base);
  process.stdout.write(`first chart (${opts.loads} cold loads)… `);
  const loads = await coldLoads(browser, base, opts.loads);
  process.stdout.write(`heap… `);
  const mem = await heap(browser, base);
  process.stdout.write(`slider latency, full page (${opts.inputs} inputs)… `);
  const full = await latency(browser, base, { n: opts.inputs, scopeSel: 'body', waitMs: 20000 });
  process.stdout.write(`embed mode… `);
  const embed = await latency(browser, base + '?embed=allocation', { n: opts.inputs, scopeSel: 'body', waitMs: 10000 });
  console.log('done');

  if (loads.medianFirstChart == null) throw new Error('the page never drew a chart');

  results = {
    date: new Date().toISOString(),
    chromium: browser.version(),
    dist: opts.dist,
    url: base,
    targets: TARGETS,
    bytes: { disk, transferred: net },
    firstChart: loads,
    heap: mem,
    latency: { fullPage: full, embed },
  };
} catch (e) {
  console.error(`\nbench: broken: ${e.stack || e.message}`);
  await browser?.close().catch(() => {});
  await server.close();
  process.exit(1);
}
await browser.close();
await server.close();

// ---------------------------------------------------------------------------------------------
// Report

const { bytes, firstChart, heap: mem, latency: lat } = results;

console.log('\nFiles (transferred = body bytes over the wire, gzip from the server; wire incl. headers)');
const byName = new Map(bytes.disk.files.map((f) => [f.file, f]));
const rows = bytes.transferred.files.map((f) => {
  const name = f.url === '/' ? 'index.html' : f.url.replace(/^\//, '');
  const d = byName.get(name.split('?')[0]);
  return [name.length > 48 ? name.slice(0, 45) + '…' : name, fmtBytes(d?.raw), fmtBytes(d?.gzip9), fmtBytes(f.body), fmtBytes(f.wire), f.encoding ?? '', f.status ?? ''];
});
rows.push(['total', fmtBytes(bytes.disk.totalRaw), fmtBytes(bytes.disk.totalGzip9), fmtBytes(bytes.transferred.totalBody), fmtBytes(bytes.transferred.totalWire), '', '']);
console.log(table(rows, ['file', 'raw', 'gzip -9', 'transferred', 'wire', 'encoding', 'status']));

const status = (v, t) => (v == null ? 'n/a' : v <= t ? 'PASS' : 'MISS');
const summary = [];
const push = (metric, value, shown, target, targetShown) =>
  summary.push({ metric, value, shown, target: target ?? null, targetShown: targetShown ?? '', status: target == null ? '' : status(value, target) });

push('bytes transferred (gzip, all files)', bytes.transferred.totalWire, fmtBytes(bytes.transferred.totalWire), TARGETS.transferGzipBytes, `≤ ${fmtBytes(TARGETS.transferGzipBytes)}`);
push('bytes on disk (raw / gzip -9)', bytes.disk.totalRaw, `${fmtBytes(bytes.disk.totalRaw)} / ${fmtBytes(bytes.disk.totalGzip9)}`);
push(`first chart in DOM (median of ${opts.loads} cold loads)`, firstChart.medianFirstChart, fmtMs(firstChart.medianFirstChart), TARGETS.firstChartMs, `≤ ${TARGETS.firstChartMs} ms`);
push('  … next frame after it', firstChart.medianFirstChartFrame, fmtMs(firstChart.medianFirstChartFrame));
push('  … first contentful paint', firstChart.medianFcp, fmtMs(firstChart.medianFcp));
push('  … wasm downloaded', firstChart.medianWasmResponseEnd, fmtMs(firstChart.medianWasmResponseEnd));

const latRows = (label, l, which, targets) => {
  if (!l.available) {
    push(`${label}`, null, `not available (${l.reason})`);
    return;
  }
  const s = l[which];
  if (!s) {
    push(`${label}: no DOM change seen`, null, `${l.noChartChange} of ${opts.inputs} inputs`);
    return;
  }
  push(`${label} median`, s.medianMs, fmtMs(s.medianMs), targets.median, targets.median != null ? `≤ ${targets.median} ms` : '');
  push(`${label} p95`, s.p95Ms, fmtMs(s.p95Ms), targets.p95, targets.p95 != null ? `≤ ${targets.p95} ms` : '');
  push(`${label} max`, s.maxMs, fmtMs(s.maxMs));
  if (which === 'chart') {
    push(`  … its SVG replaced (median / p95)`, l.svgReplacedMedianMs, `${fmtMs(l.svgReplacedMedianMs)} / ${fmtMs(l.svgReplacedP95Ms)}`);
    push(`  … dispatchEvent returned (median)`, l.dispatchReturnedMedianMs, fmtMs(l.dispatchReturnedMedianMs));
  }
};
latRows('full page, slider → allocation chart', lat.fullPage, 'chart', {});
latRows('full page, slider → all linked charts', lat.fullPage, 'page', { median: TARGETS.fullPageMedianMs });
latRows('embed, slider → allocation chart', lat.embed, 'chart', { median: TARGETS.embedMedianMs, p95: TARGETS.embedP95Ms });
for (const [label, l] of [['full page', lat.fullPage], ['embed', lat.embed]]) {
  if (l.available && (l.noChartChange || l.noPageChange)) {
    push(`${label}: inputs with no DOM change (failures)`, l.noChartChange + (l.noPageChange || 0), `chart ${l.noChartChange}, page ${l.noPageChange ?? '–'}`);
  }
}
push('JS heap used after load + 1 s', mem.jsHeapUsedBytes, fmtBytes(mem.jsHeapUsedBytes));
push('JS heap used after a forced GC', mem.jsHeapUsedAfterGcBytes, fmtBytes(mem.jsHeapUsedAfterGcBytes));
push('wasm linear memory', mem.wasmMemoryBytes, fmtBytes(mem.wasmMemoryBytes));
push('DOM nodes after load', mem.domNodes, String(mem.domNodes ?? '–'));

console.log('\nBenchmark (targets are reported, never enforced)');
console.log(table(summary.map((r) => [r.metric, r.shown, r.targetShown, r.status]), ['metric', 'value', 'target', 'status']));
const clocks = [lat.fullPage, lat.embed].filter((l) => l.available);
if (clocks.length) {
  console.log(
    `(timer: crossOriginIsolated=${clocks[0].crossOriginIsolated}, resolution ≈ ${clocks[0].timerResolutionMs} ms; ` +
      `latency = last DOM mutation callback − input dispatch; ${opts.inputs} inputs after 10 warm-up inputs)`,
  );
}

const native = readNative(opts.native);
if (native && native.length) {
  const keep = [
    'Model::derive (defaults)',
    'slider input: set_treasuries + derive',
    'allocation @800: full render',
    'allocation @800: marks only',
    'slider input → allocation chart SVG',
    'slider input → waffle+allocation+income SVG',
  ];
  const fmtNs = (ns) => (ns < 1000 ? `${ns.toFixed(0)} ns` : ns < 1e6 ? `${(ns / 1000).toFixed(2)} µs` : `${(ns / 1e6).toFixed(2)} ms`);
  const picked = native.filter((r) => keep.includes(r.name));
  if (picked.length) {
    console.log('\nNative (x86-64, release profile) highlights; full lists above');
    console.log(table(picked.map((r) => [`${r.group}: ${r.name}`, fmtNs(r.median_ns), fmtNs(r.p95_ns)]), ['benchmark', 'median', 'p95']));
  }
}

const allErrors = [...bytes.transferred.errors, ...mem.errors, ...(lat.fullPage.errors || []), ...(lat.embed.errors || []), ...firstChart.runs.flatMap((r) => r.errors)];
if (allErrors.length) {
  console.log(`\nPage errors seen (${allErrors.length}):`);
  for (const e of [...new Set(allErrors)].slice(0, 10)) console.log(`  ${e}`);
}

if (opts.json) {
  const out = { ...results, summary, native: native || null, elapsedSeconds: round((Date.now() - started) / 1000, 1) };
  fs.writeFileSync(opts.json, JSON.stringify(out, null, 2) + '\n');
  console.log(`\nbench: wrote ${path.relative(process.cwd(), opts.json) || opts.json}`);
}
