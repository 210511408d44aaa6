// The explainer's benchmark: serves the release build (dist/) and two peer pages (the same
// allocation chart drawn with Vega-Lite and with Chart.js, e2e/peers/) on loopback with gzip, and
// drives Debian's headless Chromium (playwright-core, never a downloaded browser) over four
// columns in the same browser run:
//
//   page       the full explainer, `/`
//   embed      the prerendered embed page, `/embed/allocation/` (the old `?embed=allocation` link
//              gets its own column only when it is still a page of its own; today boot.js
//              redirects it to the embed page, which the report says)
//   Vega-Lite  e2e/peers/vegalite.html (vega + vega-lite + vega-embed, SVG renderer)
//   Chart.js   e2e/peers/chartjs.html (chart.js, canvas)
//
// The peers load the packages' own minified builds (vega.min.js, vega-lite.min.js,
// vega-embed.min.js, chart.umd.min.js), copied from e2e/node_modules into a temporary folder next
// to the peer pages at bench time and served by the same server code as dist/ (gzip -9, same
// headers), so the bytes compare fairly. The bundles are never committed.
//
// What it measures, per column:
//
//   1. Bytes transferred: every response of one cold load (CDP Network events, cache disabled),
//      per file and in total. "KB gzip" is the response bodies as they came over the network
//      (gzip from the server, headers not counted; the wire figure with headers is shown too).
//   2. First chart on screen: navigation start (performance.now() = 0) → the end of the
//      rendering (style, layout, paint on the main thread) of the first frame that contains the
//      complete chart. The chart counts as complete when
//        - SVG pages (ours, Vega-Lite): the chart's selector matches (outside any `hidden`
//          element), seen by a MutationObserver from document start, and the parser is past the
//          SVG (the SVG or one of its ancestors already has a next sibling, or the document is no
//          longer loading), so a half-parsed prerendered SVG does not count; for Vega-Lite the
//          selector is the bar marks, since Vega inserts an empty <svg> before it renders into it;
//        - Chart.js: its first draw, reported by the page from Chart.js's afterRender hook.
//      The next requestAnimationFrame callback marks the frame that renders it (rAF does not run
//      while rendering is blocked). Its end: when that frame was long (> 50 ms), the end of its
//      `long-animation-frame` entry (exact); else the time a user-blocking scheduler.postTask
//      posted from the rAF callback runs (the first task after the frame; a MessageChannel
//      message or a timeout would wait behind parser and script tasks). The same method on all
//      four pages. Paint-timing entries cannot do this comparably: element timing and LCP ignore
//      SVG shapes and canvas, and FCP is any content; FCP is shown in the details (for our
//      prerendered pages its paint end is the chart's, a cross-check). Not included: the
//      compositor's raster and presentation after the main thread (FCP's presented time shows it).
//      On the full page the allocation chart is behind a panel tab at load (hidden, never
//      painted, and not redrawn while hidden): for 2 and 3 the chart watched there is the one the
//      panel shows at load (PAGE_CHART below: the waffle at the default step), which the
//      Treasuries slider changes too. The embed page and the peers show the allocation chart.
//   3. Interactive: navigation start → the first time a Treasuries slider `input` event changes
//      the chart. From the moment the chart is complete, the page polls every POLL_MS ms (as a
//      user-blocking scheduler.postTask, the priority Chromium gives input events; long tasks
//      delay it as they would delay a reader's input, so the figure includes them): it
//      sets the slider (queried afresh each time: our app replaces the prerendered DOM when the
//      WebAssembly starts) to a value other than its current one (60 or 90), dispatches `input`,
//      and watches the chart: SVG pages with a MutationObserver on the chart element, a change
//      counting when the chart's SVG markup differs from before the dispatch; Chart.js through
//      the afterRender hook, a draw counting when it shows the probed value. The figure is the
//      time of that observer callback (hook call). The probe is then undone at once (the old
//      value, another `input`, before any frame), so no frame shows it. Our slider is disabled
//      until the WebAssembly starts, the peers' until their script has drawn the chart and
//      listens: a reader cannot move a disabled slider, so a probe of a disabled slider is
//      dispatched but not watched, and its value is put back right after the dispatch.
//      Our embed page starts its wasm only on the reader's intent (a pointer, touch, key or focus):
//      the bench's reader moves a pointer over its slider from the moment its chart is complete
//      (a pointermove on each probe until the slider works), so its interactive figure includes
//      fetching and starting the wasm from then on. The embed page starts in the record's framing,
//      where the Treasuries slider has no role and stays disabled: there the probe (and 5) moves
//      the direct-investment slider, the control that redraws the allocation chart in that framing
//      (OUR_EMBED_SLIDER).
//   4. Layout shift during start: sum of `layout-shift` entries without recent input
//      (PerformanceObserver from document start, buffered) up to interactive + 500 ms.
//   5. Update latency: from a slider `input` event to the last DOM change of the chart
//      (MutationObserver on the chart; Chart.js: the last afterRender call), median, p95 and max
//      over --inputs inputs after 10 warm-up inputs, on a page that has been interactive for
//      500 ms. On the full page the allocation tab is selected first (charts out of view are only
//      redrawn when they come into view) and the whole page is timed too (all linked charts).
//   Also: the JS heap after load (CDP Performance.getMetrics) and the wasm linear memory.
//   6. Update latency by browser (printed, no target): the same measurement as 5 (the same
//      in-page `sliderLoop`) for the embed and the two peers in Chromium, Debian's Firefox ESR
//      (puppeteer-core over WebDriver BiDi) and WebKitGTK's MiniBrowser (classic WebDriver,
//      under Xvfb), all three driven the same way, through e2e/browsers/ (Chromium again, so its
//      row is taken as the others are). These drivers have no init scripts before the page's
//      own (classic WebDriver has none), so nothing of 2–4 is taken there: the page is loaded,
//      made interactive (our embed by a pointer moving over it), and then timed. The embed is
//      loaded in the article's framing (ENGINE_EMBED_QUERY): embed pages start in the record's,
//      where the Treasuries slider, the one every column moves, has no role and is disabled.
//      Each browser's clock step is printed beside its figures (cross-origin isolated pages).
//      `--browsers chromium,firefox,webkit` (the default) picks them; `--browsers none` skips it.
//
// Time figures 2–4 are medians over --loads cold loads, each in a fresh browser context with the
// cache disabled, the columns taken in turn within each round.
//
// Phone profile (--phone; scripts/bench.sh runs it unless --no-phone). The same four columns again,
// after all of the above, on a profile like Lighthouse's mobile one (PHONE): a 390×844 touch
// screen (isMobile, hasTouch, deviceScaleFactor 3), the CPU 4× slower (CDP
// Emulation.setCPUThrottlingRate 4: main-thread work, not the background threads that compile
// wasm) and a slow network (CDP Network.emulateNetworkConditions: 150 ms added to each request,
// 1.6 Mbit/s down, 750 kbit/s up; the server gzips like a CDN). CDP adds the latency per request,
// not per round trip: loopback has no TCP or TLS handshakes to slow, so a real 150 ms network is
// slower still for the first request (Lighthouse's DevTools throttling multiplies it by 3.75; the
// figures here do not). The profile is set on a CDP session opened with each page, before it
// navigates. It prints, per column (medians over --loads cold loads unless said):
//
//   P1. First contentful paint: the `first-contentful-paint` entry's startTime (in Chromium the
//       frame's presentation), as Lighthouse reports it.
//   P2. Chart on screen: exactly 2 above.
//   P3. Bytes before the first interaction: one load (bytes do not vary) of a reader who never
//       interacts: no init script, nothing touched; the page is left until the network has been
//       quiet for QUIET_MS, then IDLE_MS more (anything fetched once idle counts), then quiet
//       again. The response bodies as transferred (gzip from the server, headers not counted;
//       the wire figure is in the details), counted as in 1.
//   P4. Interactive from reaching: the reader reaches for the control as soon as it is on screen.
//       Reach: the first user-blocking task after the first frame that renders the column's
//       slider (its selector matches outside any `hidden` element and the parser is past it, as
//       for the chart in 2; on screen means rendered in the page: the full page's slider is far
//       below the first screen, so the reader first brings it into view, scrollIntoView, before
//       the first touch). There the reader taps the slider's row (a disabled control gets no
//       pointer events): pointerdown (pointerType touch), touchstart, touchend, pointerup,
//       bubbling to the document, which is where boot.js listens for intent (pointerdown,
//       pointermove, touchstart, keydown, focusin). The tap is repeated on each probe while the
//       slider is disabled (a tap before a page listens is lost; this is a reader who keeps
//       trying). The probe of 3 starts at the same moment (not at the chart), and interactive is
//       the end of the rendering of the frame that shows the first chart change a probe causes:
//       the next animation frame after the change, ended as in 2 (its long-animation-frame entry
//       when it was long, else the first user-blocking task after it). Here the successful probe
//       is kept, not undone, so that frame shows it. The figure is interactive − reach, per
//       load, then the median. The same method on all four columns: the peers need no intent
//       (their taps change nothing), so theirs is the wait from seeing the slider until the
//       library has drawn and listens; ours includes fetching and starting the wasm when the
//       page waits for intent. The details give both ends from navigation start.
//   P5. Update median: exactly 5 above on a page loaded under the profile, over --phone-inputs
//       inputs (default PHONE_INPUTS, at most --inputs) after 10 warm-up inputs.
//
// The phone targets (issue 20, PASS/MISS, never enforced): the chart on screen (P2) of the page
// and the embed before both peers'; their interactive from reaching (P4) no later than the
// Chart.js page's (P4); bytes before the first interaction (P3) at most 100 KB for the page and
// 20 KB for the embed; the embed's update median (P5) no slower than the fastest peer's.
// The JSON output has them under `phone` (profile, per-column figures, table, summary).
//
// Targets are reported as PASS/MISS and never change the exit code; the exit code is non-zero
// only when something is broken (no dist/, no peer bundles, the browser cannot start, a page never
// draws its chart).
//
//   node e2e/bench.mjs [--dist dist] [--json bench-results.json] [--inputs 250] [--loads 5]
//                      [--native target/bench-native.jsonl] [--browsers chromium,firefox,webkit|none]
//                      [--phone] [--phone-inputs 100]
//
// --native: a JSON-lines file written by the native benches (BENCH_NATIVE_OUT=...), folded into
// the JSON output and printed as a short summary.
//
// Timing precision: the server sends COOP/COEP headers so every page is cross-origin isolated and
// performance.now() has ~5 µs resolution instead of 100 µs (reported as `timerResolutionMs`).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';
import { launch as launchEngine } from './browsers/index.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');

// ---------------------------------------------------------------------------------------------
// Our pages: where they are and what to look at. Change these when the app's markup changes.

const OUR_PAGE_PATH = ''; // the full explainer, relative to the served root
const OUR_EMBED_PATH = 'embed/allocation/'; // the prerendered embed page of the allocation chart
const OUR_LEGACY_EMBED_QUERY = '?embed=allocation'; // the old embed link, measured only if still a page
const OUR_SLIDER = '[data-testid="slider-treasuries"]'; // the Treasuries slider (`disabled` until the wasm starts)
// The embed page starts in the record's framing, where the Treasuries slider has no role and stays
// disabled (and the split of the rest is not shown): its cold loads and update latency move the
// direct-investment slider instead (0–100, the one control there that redraws the allocation
// chart). Section 6 loads it in the article's framing and moves the Treasuries slider.
const OUR_EMBED_SLIDER = '[data-testid="slider-direct"]';
const OUR_CHART = '[data-testid="chart-allocation"]'; // the allocation chart's figure
const OUR_CHART_SVG = `${OUR_CHART} svg`; // its (first, wide-layout) SVG
const OUR_ALLOCATION_TAB = '[data-testid="tab-allocation"]'; // the full page's panel tab for it
// The chart the full page's panel shows at load (the allocation chart is behind a tab there).
const PAGE_CHART = '.panel figure[data-testid^="chart-"]:not([hidden])';

// The peers (e2e/peers/) use the same test ids.
const PEER_SLIDER = '[data-testid="slider-treasuries"]';
const PEER_CHART = '[data-testid="chart-allocation"]';
const PEERS = {
  vegalite: {
    file: 'vegalite.html',
    vendor: ['vega/build/vega.min.js', 'vega-lite/build/vega-lite.min.js', 'vega-embed/build/vega-embed.min.js'],
    packages: ['vega', 'vega-lite', 'vega-embed'],
  },
  chartjs: { file: 'chartjs.html', vendor: ['chart.js/dist/chart.umd.min.js'], packages: ['chart.js'] },
};

const POLL_MS = 5; // interactive probe interval
const SHIFT_WINDOW_MS = 500; // layout shift counted up to interactive + this
const PROBE_VALUES = ['60', '90']; // slider values the interactive probe alternates between

// The phone profile (--phone), like Lighthouse's mobile one: a 390×844 touch screen at 3× (an
// iPhone 12–14 size), the CPU 4× slower (CDP Emulation.setCPUThrottlingRate), and a slow mobile
// network (CDP Network.emulateNetworkConditions: 150 ms added to each request, 1.6 Mbit/s down,
// 750 kbit/s up, Lighthouse's figures, 1 Mbit = 1024 kbit). See the header, "Phone profile".
const PHONE = {
  context: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
  cpuSlowdown: 4,
  network: { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
};
const PHONE_INPUTS = 100; // update latency inputs on the phone profile (at most --inputs)
const QUIET_MS = 1000; // phone bytes before interaction: the network counts as quiet after this
const IDLE_MS = 3000; // … and the page is left this long more

// ---------------------------------------------------------------------------------------------
// Arguments

function usage(code) {
  const text =
    'usage: node e2e/bench.mjs [--dist DIR] [--json OUT.json] [--inputs N] [--loads N] [--native FILE.jsonl] [--browsers chromium,firefox,webkit|none] [--phone] [--phone-inputs N]';
  (code ? console.error : console.log)(text);
  process.exit(code);
}

const opts = { dist: path.join(repo, 'dist'), json: null, inputs: 250, loads: 5, native: null, browsers: ['chromium', 'firefox', 'webkit'], phone: false, phoneInputs: null };
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
    else if (a === '--browsers') opts.browsers = next().split(',').filter((b) => b && b !== 'none');
    else if (a === '--phone') opts.phone = true;
    else if (a === '--phone-inputs') opts.phoneInputs = Number(next());
    else if (a === '-h' || a === '--help') usage(0);
    else {
      console.error(`unknown argument ${a}`);
      usage(2);
    }
  }
  if (!Number.isInteger(opts.inputs) || opts.inputs < 1) usage(2);
  if (!Number.isInteger(opts.loads) || opts.loads < 1) usage(2);
  opts.phoneInputs ??= Math.min(opts.inputs, PHONE_INPUTS);
  if (!Number.isInteger(opts.phoneInputs) || opts.phoneInputs < 1) usage(2);
  if (!opts.browsers.every((b) => ['chromium', 'firefox', 'webkit'].includes(b))) usage(2);
}

if (!fs.existsSync(path.join(opts.dist, 'index.html'))) {
  console.error(`bench: ${path.join(opts.dist, 'index.html')} is missing: run \`trunk build --release\` first`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// Targets (from the issue). Reported, never enforced.

const KB = 1024;
const TARGETS = {
  pageTransferGzipBytes: 150 * KB,
  embedTransferGzipBytes: 100 * KB,
  embedMedianMs: 0.5,
  embedP95Ms: 1.5,
  pageMedianMs: 1,
  interactive: 'sooner than the Chart.js page',
  firstChart: 'under half of the fastest peer',
  layoutShift: 0.02,
};
// On the phone profile (issue 20).
const PHONE_TARGETS = {
  firstChart: 'before both peers',
  fromReach: "no later than the Chart.js page's",
  pageBeforeInteractionGzipBytes: 100 * KB,
  embedBeforeInteractionGzipBytes: 20 * KB,
  embedMedian: "no slower than the fastest peer's",
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
const fmtKB = (n) => (n == null ? '–' : (n / KB).toFixed(1));
const fmtNum = (x, dp) => (x == null || !Number.isFinite(x) ? '–' : x.toFixed(dp));

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
    '--headless=new',
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

// Runs in the page before any of its scripts (see the header, 2–4). `cfg`: drawnSel (the
// complete chart, SVG pages), hook (Chart.js: the page calls window.__benchRendered(share) after
// each draw), chartSel and sliderSel (interactive probe), pollMs, probeValues; reach (the phone
// profile, see the header): the reader touches the slider's row right after the first frame that
// shows it, the probe starts then, and a successful probe is kept and its frame timed.
function initScript(cfg) {
  const w = window;
  if (w.top !== w) return;
  const now = () => performance.now();
  const B = {
    drawn: null, // chart complete (DOM / first canvas draw)
    frame: null, // the next animation frame after it (its requestAnimationFrame callback)
    afterFrame: null, // the first user-blocking task after that frame's rendering
    loafs: [], // long animation frames: their rendering end
    fcp: null,
    fcpPaintEnd: null,
    lcp: null,
    shifts: [],
    intentAt: null, // when the reader's pointer reached the slider (pages that start on intent; phone: every page)
    reachFrame: null, // phone: the animation frame that first shows the slider
    touches: 0, // phone: touches dispatched on the slider's row
    interactive: null, // the first chart change caused by a probe
    interactiveFrame: null, // phone: the next animation frame after it
    interactiveAfterFrame: null, // phone: the first user-blocking task after that frame's rendering
    probeAt: null, // when that probe was dispatched
    probes: 0,
    enabledAt: null, // the slider first seen enabled by the poll
    initialValue: null,
    renderHooks: [],
    hookCalls: 0,
  };
  w.__bench = B;
  w.__benchRendered = (value) => {
    B.hookCalls++;
    const t = now();
    for (const f of B.renderHooks) f(t, value);
  };
  const observe = (type, fn) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(fn)).observe({ type, buffered: true });
    } catch {
      /* entry type not supported */
    }
  };
  observe('paint', (e) => {
    if (e.name !== 'first-contentful-paint') return;
    B.fcp = e.startTime; // Chromium: when the frame was presented
    B.fcpPaintEnd = e.paintTime ?? null; // the end of its rendering on the main thread
  });
  observe('long-animation-frame', (e) => {
    if (e.renderStart > 0) B.loafs.push({ renderStart: e.renderStart, end: e.startTime + e.duration });
  });
  observe('largest-contentful-paint', (e) => {
    B.lcp = e.startTime;
  });
  observe('layout-shift', (e) => B.shifts.push({ t: e.startTime, value: e.value, hadRecentInput: e.hadRecentInput }));

  // Interactive probe. The poll runs as a user-blocking task (the priority Chromium gives input
  // events), so it does not wait behind loading and timer tasks the way a timeout would.
  const userBlocking = () => w.scheduler && typeof w.scheduler.postTask === 'function';
  const later = (fn, ms) => (userBlocking() ? w.scheduler.postTask(fn, { priority: 'user-blocking', delay: ms }) : setTimeout(fn, ms));
  // The next animation frame (onFrame: its requestAnimationFrame callback) and the first
  // user-blocking task after its rendering (onAfter; a MessageChannel message without postTask).
  const nextFrame = (onFrame, onAfter) =>
    requestAnimationFrame(() => {
      onFrame(now());
      const done = () => onAfter(now());
      if (userBlocking()) w.scheduler.postTask(done, { priority: 'user-blocking' });
      else {
        const ch = new MessageChannel();
        ch.port1.onmessage = done;
        ch.port2.postMessage(0);
      }
    });
  const moCfg = { subtree: true, childList: true, attributes: true, characterData: true };
  let probe = null;
  const undo = (slider) => {
    if (slider.value === B.initialValue) return;
    slider.value = B.initialValue;
    slider.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const success = (p, t) => {
    if (B.interactive != null || probe !== p) return;
    B.interactive = t;
    B.probeAt = p.t0;
    if (p.mo) p.mo.disconnect();
    probe = null;
    // Phone: the probe stays, and the frame that shows it is timed. Loopback: undone before any frame.
    if (cfg.reach) nextFrame((f) => (B.interactiveFrame = f), (a) => (B.interactiveAfterFrame = a));
    else queueMicrotask(() => undo(p.slider));
  };
  if (cfg.hook) {
    B.renderHooks.push((t, value) => {
      const p = probe;
      if (p && Math.abs(Number(value) - p.value) < 1e-9) success(p, t);
    });
  }
  // Phone: a tap on the slider's row (a disabled control gets no pointer events): pointerdown and
  // touchstart, then touchend and pointerup, the events a finger sends.
  const touch = (slider) => {
    const row = slider.parentElement;
    const fire = (Ctor, type, init) => {
      try {
        row.dispatchEvent(new Ctor(type, { bubbles: true, cancelable: true, composed: true, ...init }));
      } catch {
        /* no such event constructor */
      }
    };
    const pointer = { pointerType: 'touch', isPrimary: true, pointerId: 2 };
    // The first time, the reader brings the slider into view if it is not (on the full page it is
    // far below the first screen).
    if (!B.touches) {
      const r = slider.getBoundingClientRect();
      if (r.top < 0 || r.bottom > w.innerHeight) slider.scrollIntoView({ block: 'center' });
    }
    B.touches++;
    fire(w.PointerEvent, 'pointerdown', pointer);
    if (typeof w.TouchEvent === 'function') {
      fire(w.TouchEvent, 'touchstart', {});
      fire(w.TouchEvent, 'touchend', {});
    }
    fire(w.PointerEvent, 'pointerup', pointer);
  };
  const poll = () => {
    if (B.interactive != null) return;
    if (probe && probe.mo) probe.mo.disconnect();
    probe = null;
    const slider = document.querySelector(cfg.sliderSel);
    const fig = cfg.hook ? null : document.querySelector(cfg.chartSel);
    const svg = fig && fig.querySelector('svg');
    if (cfg.reach) {
      // Phone: the reader touches the slider's row when it is first on screen, and again on each
      // poll until the slider works (a touch that comes before a page listens is lost).
      if (slider && (B.intentAt == null || slider.disabled)) {
        if (B.intentAt == null) B.intentAt = now();
        touch(slider);
      }
    } else if (slider && slider.disabled && document.querySelector('script[data-start="intent"]')) {
      // Our embed pages start their wasm on the reader's intent (boot.js, data-start="intent"): the
      // bench's reader moves the pointer over the slider from the moment the chart is on screen, a
      // pointermove on each poll until the slider works, so interactive includes fetching and
      // starting the wasm from then on. (Dispatched on the slider's row: a disabled control gets no
      // pointer events, synthetic or not.)
      if (B.intentAt == null) B.intentAt = now();
      slider.parentElement.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, composed: true }));
    }
    if (slider && (cfg.hook || svg)) {
      if (B.initialValue == null) B.initialValue = slider.value;
      const disabled = slider.disabled;
      if (!disabled && B.enabledAt == null) B.enabledAt = now();
      const v = slider.value === cfg.probeValues[0] ? cfg.probeValues[1] : cfg.probeValues[0];
      const p = { t0: 0, value: Number(v), slider, fig, before: null, mo: null };
      if (!disabled) {
        if (fig) {
          p.before = svg.outerHTML;
          p.mo = new MutationObserver(() => {
            const cur = p.fig.isConnected && p.fig.querySelector('svg');
            if (cur && cur.outerHTML !== p.before) success(p, now());
          });
          p.mo.observe(fig, moCfg);
        }
        probe = p;
      }
      B.probes++;
      slider.value = v;
      p.t0 = now();
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      // A disabled slider's probe is not watched: put it back before any frame.
      if (disabled) slider.value = B.initialValue;
    }
    if (B.interactive == null) later(poll, cfg.pollMs);
  };

  // Calls `fn` once with the first element matching `sel` that is not inside a `hidden` element
  // (a chart behind a tab is not on screen) and that the parser is past (see the header, 2).
  const whenParsed = (sel, fn) => {
    let done = false;
    const parsedPast = (el) => {
      if (document.readyState !== 'loading') return true;
      for (let n = el; n && n !== document; n = n.parentNode) if (n.nextSibling) return true;
      return false;
    };
    const check = () => {
      if (done) return;
      let el = null;
      for (const e of document.querySelectorAll(sel)) {
        if (!e.closest('[hidden]')) {
          el = e;
          break;
        }
      }
      if (el && parsedPast(el)) {
        done = true;
        mo.disconnect();
        fn();
      }
    };
    const mo = new MutationObserver(check);
    mo.observe(document, { childList: true, subtree: true });
    document.addEventListener('readystatechange', check);
  };

  // First chart on screen.
  const onDrawn = () => {
    if (B.drawn != null) return;
    B.drawn = now();
    nextFrame(
      (f) => (B.frame = f),
      (a) => (B.afterFrame = a),
    );
    if (!cfg.reach) later(poll, 0);
  };
  if (cfg.hook) B.renderHooks.push(() => onDrawn());
  else whenParsed(cfg.drawnSel, onDrawn);
  // Phone: the reader reaches for the slider right after the first frame that shows it.
  if (cfg.reach) {
    whenParsed(cfg.sliderSel, () =>
      nextFrame(
        (f) => (B.reachFrame = f),
        () => poll(),
      ),
    );
  }
}

// A fresh context and page, with the init script when `col` is given; with `profile` (PHONE) the
// phone's screen, CPU and network, set on a CDP session that stays open with the page (`cdp`,
// returned for the caller's own CDP calls; null without a profile).
async function newPage(browser, col, profile = null) {
  const context = await browser.newContext(profile ? { ...profile.context, colorScheme: 'light' } : { viewport: VIEWPORT, colorScheme: 'light' });
  if (col) {
    await context.addInitScript(initScript, {
      drawnSel: col.drawnSel,
      hook: col.hook,
      chartSel: col.chartSel,
      sliderSel: col.sliderSel,
      pollMs: POLL_MS,
      probeValues: PROBE_VALUES,
      reach: !!profile,
    });
  }
  const page = await context.newPage();
  const errors = [];
  const tag = col ? `${col.label}: ` : '';
  page.on('pageerror', (e) => errors.push(`${tag}pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${tag}console.error: ${m.text()}`);
  });
  let cdp = null;
  if (profile) {
    cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuSlowdown });
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', profile.network);
  }
  return { context, page, errors, cdp };
}

// Waits until the page is interactive (and optionally `after` ms past it). Returns false on timeout.
async function untilInteractive(page, after = 0, timeout = 30000) {
  return page
    .waitForFunction((after) => window.__bench && window.__bench.interactive != null && performance.now() >= window.__bench.interactive + after, after, {
      timeout,
      polling: 20,
    })
    .then(() => true)
    .catch(() => false);
}

// ---------------------------------------------------------------------------------------------
// (1) Bytes: on disk, and transferred

function diskSizes(dir) {
  const files = walk(dir)
    .map((p) => {
      const buf = fs.readFileSync(p);
      return {
        file: path.relative(dir, p).split(path.sep).join('/'),
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

// With `interact: false` (the phone's bytes before the first interaction) the page gets no init
// script, so nothing touches it: loaded, then left until the network has been quiet for
// QUIET_MS, then IDLE_MS more (for anything a page fetches once idle), then quiet again.
async function transferred(browser, col, { profile = null, interact = true } = {}) {
  const { context, page, errors, cdp: profiled } = await newPage(browser, interact ? col : null, profile);
  const cdp = profiled ?? (await context.newCDPSession(page));
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const reqs = new Map();
  const inflight = new Set();
  let lastActivity = Date.now();
  const settled = (e) => {
    inflight.delete(e.requestId);
    lastActivity = Date.now();
  };
  cdp.on('Network.loadingFailed', settled);
  cdp.on('Network.requestWillBeSent', (e) => {
    if (e.request.url.startsWith('data:')) return;
    // A redirect reuses the request id: keep the redirect response as its own row.
    const prev = reqs.get(e.requestId);
    if (prev && e.redirectResponse) {
      prev.status = e.redirectResponse.status;
      prev.headers = e.redirectResponse.encodedDataLength ?? null;
      prev.wire = prev.headers;
      reqs.set(`${e.requestId}#${reqs.size}`, prev);
    }
    reqs.set(e.requestId, { url: e.request.url, status: null, encoding: null, contentLength: null, headers: null, data: 0, wire: null });
    inflight.add(e.requestId);
    lastActivity = Date.now();
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = reqs.get(e.requestId);
    if (!r) return;
    const h = Object.fromEntries(Object.entries(e.response.headers || {}).map(([k, v]) => [k.toLowerCase(), v]));
    r.status = e.response.status;
    r.encoding = h['content-encoding'] || 'identity';
    r.contentLength = h['content-length'] != null ? Number(h['content-length']) : null;
    r.headers = e.response.encodedDataLength ?? null;
  });
  cdp.on('Network.dataReceived', (e) => {
    const r = reqs.get(e.requestId);
    if (r) r.data += e.encodedDataLength || 0;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = reqs.get(e.requestId);
    if (r) r.wire = e.encodedDataLength;
    settled(e);
  });
  const quiet = async (ms) => {
    for (const start = Date.now(); Date.now() - start < 60000; await page.waitForTimeout(50)) {
      if (!inflight.size && Date.now() - lastActivity >= ms) return;
    }
  };
  await page.goto(col.url, { waitUntil: 'load' });
  let ok = null;
  if (interact) {
    ok = await untilInteractive(page, 0, 30000);
    await page.waitForLoadState('networkidle');
  } else {
    await quiet(QUIET_MS);
    await page.waitForTimeout(IDLE_MS);
    await quiet(QUIET_MS);
  }
  await context.close();
  const files = [...reqs.values()].map((r) => {
    const u = new URL(r.url);
    // The body as it came over the network: the data received, else wire − headers, else the
    // Content-Length the server sent.
    let body = r.data || null;
    if (body == null && r.wire != null && r.headers != null && r.wire >= r.headers) body = r.wire - r.headers;
    if (body == null) body = r.contentLength;
    return { url: u.pathname + u.search, status: r.status, encoding: r.encoding, contentLength: r.contentLength, body, wire: r.wire };
  });
  return {
    files,
    interactive: ok,
    totalBody: files.reduce((s, f) => s + (f.body || 0), 0),
    totalWire: files.reduce((s, f) => s + (f.wire || 0), 0),
    errors,
  };
}

// ---------------------------------------------------------------------------------------------
// (2–4) First chart on screen, interactive, layout shift: one cold load

async function coldLoad(browser, col, profile = null) {
  const { context, page, errors, cdp: profiled } = await newPage(browser, col, profile);
  try {
    const cdp = profiled ?? (await context.newCDPSession(page));
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.goto(col.url, { waitUntil: 'load' });
    // Interactive, then the layout-shift window, then a little for late observer deliveries.
    const ok = await untilInteractive(page, SHIFT_WINDOW_MS + 200, profile ? 60000 : 30000);
    if (!ok) {
      await page.waitForFunction(() => window.__bench && window.__bench.afterFrame != null, null, { timeout: 5000 }).catch(() => {});
      errors.push(`${col.label}: not interactive within ${profile ? 60 : 30} s`);
    }
    const r = await page.evaluate((windowMs) => {
      const B = window.__bench;
      const nav = performance.getEntriesByType('navigation')[0];
      const res = performance.getEntriesByType('resource');
      // The largest script or wasm: ours is the wasm, the peers' their library.
      const big = res
        .filter((e) => /\.(wasm|js|mjs)(\?|$)/.test(e.name))
        .sort((a, b) => (b.encodedBodySize || 0) - (a.encodedBodySize || 0))[0];
      const until = B.interactive != null ? B.interactive + windowMs : Infinity;
      // The end of the rendering of a frame (its rAF callback at `frame`): exact from its long-
      // animation-frame entry when it was long (> 50 ms), else the first user-blocking task after it.
      const loafOf = (frame) => (frame == null ? null : B.loafs.find((f) => f.renderStart <= frame + 0.01 && frame <= f.end));
      const frameEnd = (frame, after) => (frame == null ? null : loafOf(frame)?.end ?? after);
      // The first frame with the chart.
      const loaf = loafOf(B.frame);
      const painted = frameEnd(B.frame, B.afterFrame);
      const counted = B.shifts.filter((s) => !s.hadRecentInput && s.t <= until);
      return {
        drawn: B.drawn,
        frame: B.frame,
        painted,
        paintedFrom: loaf ? 'long-animation-frame' : 'task after frame',
        fcp: B.fcp,
        fcpPaintEnd: B.fcpPaintEnd,
        lcp: B.lcp,
        interactive: B.interactive,
        // Phone: the reader's first touch, and the end of the frame showing the probe's change.
        reach: B.intentAt,
        touches: B.touches,
        interactivePainted: frameEnd(B.interactiveFrame, B.interactiveAfterFrame),
        probeAt: B.probeAt,
        probes: B.probes,
        enabledAt: B.enabledAt,
        layoutShift: counted.reduce((s, e) => s + e.value, 0),
        layoutShifts: counted.length,
        layoutShiftAll: B.shifts.reduce((s, e) => s + (e.hadRecentInput ? 0 : e.value), 0),
        htmlResponseEnd: nav ? nav.responseEnd : null,
        domContentLoaded: nav ? nav.domContentLoadedEventEnd : null,
        loadEvent: nav ? nav.loadEventEnd : null,
        biggestScript: big ? big.name.replace(location.origin, '') : null,
        biggestScriptResponseEnd: big ? big.responseEnd : null,
        crossOriginIsolated: self.crossOriginIsolated === true,
      };
    }, SHIFT_WINDOW_MS);
    // Phone: interactive from reaching, per load (the median of the differences, not the
    // difference of the medians).
    const fromReach = r.interactivePainted != null && r.reach != null ? r.interactivePainted - r.reach : null;
    return { ...r, fromReach, errors };
  } finally {
    await context.close();
  }
}

function summariseLoads(runs, phone = false) {
  const pick = (k) => runs.map((r) => r[k]).filter((x) => x != null && Number.isFinite(x));
  const med = (k) => round(median(pick(k)), 3);
  const reach = phone ? { reachMs: med('reach'), touchesMedian: med('touches'), interactivePaintedMs: med('interactivePainted'), fromReachMs: med('fromReach') } : {};
  return {
    ...reach,
    runs,
    firstChartMs: med('painted'),
    chartDrawnMs: med('drawn'),
    chartFrameMs: med('frame'),
    interactiveMs: med('interactive'),
    probeAtMs: med('probeAt'),
    sliderEnabledMs: med('enabledAt'),
    layoutShift: round(median(pick('layoutShift')), 5),
    layoutShiftMax: round(Math.max(0, ...pick('layoutShift')), 5),
    fcpMs: med('fcp'),
    fcpPaintEndMs: med('fcpPaintEnd'),
    lcpMs: med('lcp'),
    biggestScriptResponseEndMs: med('biggestScriptResponseEnd'),
    biggestScript: runs.find((r) => r.biggestScript)?.biggestScript ?? null,
    domContentLoadedMs: med('domContentLoaded'),
    notInteractive: runs.filter((r) => r.interactive == null).length,
  };
}

// ---------------------------------------------------------------------------------------------
// (5) Slider to chart latency

// Runs in the page. For each input: set a new valid value on the slider, take t0, dispatch
// `input`, let the app's microtasks and a task run, then latency = time of the last
// MutationObserver callback on the chart (resp. the whole page scope) − t0. An observer callback
// runs after the mutations it reports, so this is the time until the DOM has stopped changing.
// With `hook` (Chart.js, canvas: no DOM changes), the chart's time is the last afterRender call
// (window.__benchRendered, see initScript) instead.
async function sliderLoop({ n, sliderSel, chartSel, scopeSel, hook }) {
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
  if (hook) {
    window.__bench.renderHooks.push((t) => {
      lastChart = t;
      chartRecords += 1;
    });
  } else {
    moChart.observe(chart, cfg);
  }
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

async function latency(browser, col, { n, profile = null }) {
  const { context, page, errors } = await newPage(browser, col, profile);
  try {
    await page.goto(col.url, { waitUntil: 'load' });
    const wait = profile ? 60 : 30;
    if (!(await untilInteractive(page, 0, wait * 1000))) return { available: false, reason: `not interactive within ${wait} s`, errors };
    // On the full page the allocation chart sits behind a panel tab; a reader watching it has
    // that tab selected (charts out of view are only redrawn when they come into view).
    if (col.tab) {
      const tab = await page.$(col.tab);
      if (tab) await tab.click();
    }
    if (!col.hook) {
      const ok = await page
        .waitForSelector(`${col.latencyChart} svg`, { state: 'attached', timeout: 10000 })
        .then(() => true)
        .catch(() => false);
      if (!ok) return { available: false, reason: `no ${col.latencyChart} svg`, errors };
    }
    await page.waitForTimeout(500); // let load-time work (fonts, observers) settle
    const res = await page.evaluate(sliderLoop, {
      n,
      sliderSel: col.sliderSel,
      chartSel: col.latencyChart,
      scopeSel: col.scopeSel,
      hook: col.hook,
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
      url: col.url,
      chart: summarise(res.chart),
      dispatchReturnedMedianMs: round(median(syncXs), 4),
      svgReplacedMedianMs: round(median(svgXs), 4),
      svgReplacedP95Ms: round(percentile(svgXs, 95), 4),
      svgReplacedCount: svgXs.length,
      page: col.scopeSel ? summarise(res.scope) : null,
      noChartChange: res.noChange,
      sliderValueAtStart: res.initial,
      noPageChange: col.scopeSel ? res.noScopeChange : null,
      crossOriginIsolated: res.crossOriginIsolated,
      timerResolutionMs: round(timerRes, 4),
      errors,
    };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// (6) Update latency in Firefox and WebKit, through the browser-neutral driver (e2e/browsers/)

async function engineLatency(engine, col, { n }) {
  const page = await engine.newPage({ viewport: VIEWPORT });
  const url = col.ours ? col.url + ENGINE_EMBED_QUERY : col.url;
  try {
    await page.goto(url);
    // Chart.js reports each draw through window.__benchRendered (sliderLoop listens on
    // window.__bench.renderHooks); set up here, after load, as no init script can run earlier.
    await page.evaluate(() => {
      window.__bench = window.__bench || { renderHooks: [] };
      window.__benchRendered = (value) => {
        const t = performance.now();
        for (const f of window.__bench.renderHooks) f(t, value);
      };
    });
    // Interactive: the slider enabled, the chart drawn, and our pages taken over (the embed
    // starts on the reader's intent: the pointer moves over it until it has).
    const sliderSel = col.engineSliderSel ?? col.sliderSel;
    const cfg = { slider: sliderSel, chart: col.latencyChart, hook: col.hook, ours: col.ours };
    const start = Date.now();
    for (let i = 0; ; i++) {
      if (col.ours) await page.mouseMove(200 + (i % 9), 300);
      const ready = await page.evaluate((c) => {
        const s = document.querySelector(c.slider);
        const drawn = c.hook || !!document.querySelector(`${c.chart} svg`);
        const app = !c.ours || document.documentElement.classList.contains('app');
        return !!s && !s.disabled && drawn && app;
      }, cfg);
      if (ready) break;
      if (Date.now() - start > 30000) return { available: false, reason: 'not interactive within 30 s' };
      await new Promise((r) => setTimeout(r, 50));
    }
    if (col.tab) await page.click(col.tab);
    await new Promise((r) => setTimeout(r, 500));
    const res = await page.evaluate(sliderLoop, { n, sliderSel, chartSel: col.latencyChart, scopeSel: null, hook: col.hook });
    if (res.error) return { available: false, reason: res.error };
    const timerResolutionMs = await page.evaluate(() => {
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
    const errors = await page.errors();
    return {
      available: true,
      url,
      chart: summarise(res.chart),
      noChartChange: res.noChange,
      crossOriginIsolated: res.crossOriginIsolated,
      timerResolutionMs: round(timerResolutionMs, 4),
      errors: [...(errors.console || []), ...errors.uncaught].map((e) => `${engine.name} ${col.label}: ${e}`),
    };
  } catch (e) {
    return { available: false, reason: e.message.split('\n')[0].slice(0, 200) };
  } finally {
    await page.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Heap after load, and wasm memory

async function heap(browser, col) {
  const { context, page, errors } = await newPage(browser, col);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(col.url, { waitUntil: 'load' });
  await untilInteractive(page, 0, 30000);
  await page.waitForTimeout(1000);
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
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
    errors.push(`${col.label}: wasm memory: ${e.message}`);
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
    wasmMemoryBytes,
    errors,
  };
}

// ---------------------------------------------------------------------------------------------
// The old `?embed=allocation` link: a redirect (to the embed page), or a page of its own showing
// the allocation chart (then it is measured), or neither (then it is not).

async function legacyEmbed(browser, url) {
  const { context, page } = await newPage(browser, null);
  try {
    await page.goto(url, { waitUntil: 'load' }).catch(() => {}); // a redirect may interrupt it
    const to = await page
      .waitForURL((u) => new URL(u).pathname !== new URL(url).pathname, { timeout: 3000 })
      .then(() => new URL(page.url()).pathname)
      .catch(() => null);
    if (to) return { url, redirectsTo: to, embedMode: false };
    const embedMode = await page
      .evaluate((sel) => {
        const el = document.querySelector(sel);
        return !!el && el.checkVisibility();
      }, OUR_CHART_SVG)
      .catch(() => false);
    return { url, redirectsTo: null, embedMode };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// The peers: pages and bundles into a temporary folder

function preparePeers() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-peers-'));
  fs.mkdirSync(path.join(dir, 'vendor'));
  const versions = {};
  for (const peer of Object.values(PEERS)) {
    fs.copyFileSync(path.join(here, 'peers', peer.file), path.join(dir, peer.file));
    for (const rel of peer.vendor) {
      const src = path.join(here, 'node_modules', rel);
      if (!fs.existsSync(src)) throw new Error(`${src} is missing: run \`npm install\` in e2e/ (vega, vega-lite, vega-embed and chart.js are devDependencies)`);
      fs.copyFileSync(src, path.join(dir, 'vendor', path.basename(rel)));
    }
    for (const name of peer.packages) {
      versions[name] = JSON.parse(fs.readFileSync(path.join(here, 'node_modules', name, 'package.json'), 'utf8')).version;
    }
  }
  return { dir, versions };
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
let peers;
try {
  peers = preparePeers();
} catch (e) {
  console.error(`bench: ${e.message}`);
  process.exit(2);
}
const disk = { dist: diskSizes(opts.dist), peers: diskSizes(peers.dir) };
// Cross-origin isolation for a fine-grained performance.now(); every asset is same-origin.
const isolation = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
const server = await startServer({ root: opts.dist, mountPath: '/', gzip: true, headers: isolation });
const peerServer = await startServer({ root: peers.dir, mountPath: '/', gzip: true, headers: isolation });
const cleanup = async () => {
  await server.close();
  await peerServer.close();
  fs.rmSync(peers.dir, { recursive: true, force: true });
};

let browser;
let results;
let columns;
let legacy;
let engines = [];
// The columns whose update latency is taken in every browser (6), and the embed's query there.
const ENGINE_COLUMNS = ['embed', 'vegalite', 'chartjs'];
const ENGINE_EMBED_QUERY = '?framing=article';
try {
  browser = await chromium.launch(LAUNCH);
  const base = server.url; // ends with '/'
  console.log(
    `bench: serving ${path.relative(repo, opts.dist) || opts.dist} at ${base} and the peers at ${peerServer.url} (gzip), Chromium ${browser.version()}; ` +
      Object.entries(peers.versions)
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
  );

  const ours = { sliderSel: OUR_SLIDER, hook: false, ours: true, disk: disk.dist };
  // drawnSel: the complete chart (2); chartSel: the chart the probe watches (3); latencyChart:
  // the chart timed per input (5), scopeSel: the whole page timed too; tab: clicked before (5).
  const embedLike = { ...ours, sliderSel: OUR_EMBED_SLIDER, engineSliderSel: OUR_SLIDER, drawnSel: OUR_CHART_SVG, chartSel: OUR_CHART, latencyChart: OUR_CHART, scopeSel: 'body' };
  columns = [
    {
      key: 'page',
      label: 'page',
      url: base + OUR_PAGE_PATH,
      ...ours,
      drawnSel: `${PAGE_CHART} svg`,
      chartSel: PAGE_CHART,
      latencyChart: OUR_CHART,
      scopeSel: 'body',
      tab: OUR_ALLOCATION_TAB,
    },
    { key: 'embed', label: 'embed', url: base + OUR_EMBED_PATH, ...embedLike },
  ];
  legacy = await legacyEmbed(browser, base + OUR_LEGACY_EMBED_QUERY);
  if (legacy.embedMode) columns.push({ key: 'legacyEmbed', label: OUR_LEGACY_EMBED_QUERY, url: legacy.url, ...embedLike });
  const peer = { sliderSel: PEER_SLIDER, chartSel: PEER_CHART, latencyChart: PEER_CHART, scopeSel: null, ours: false, disk: disk.peers };
  columns.push(
    { key: 'vegalite', label: 'Vega-Lite', url: peerServer.url + PEERS.vegalite.file, ...peer, hook: false, drawnSel: `${PEER_CHART} svg .mark-rect path` },
    { key: 'chartjs', label: 'Chart.js', url: peerServer.url + PEERS.chartjs.file, ...peer, hook: true, drawnSel: null },
  );

  process.stdout.write('bench: transfer… ');
  for (const col of columns) col.bytes = await transferred(browser, col);
  process.stdout.write(`cold loads (${opts.loads} × ${columns.length})… `);
  for (const col of columns) col.runs = [];
  for (let i = 0; i < opts.loads; i++) for (const col of columns) col.runs.push(await coldLoad(browser, col));
  for (const col of columns) col.loads = summariseLoads(col.runs);
  process.stdout.write('heap… ');
  for (const col of columns) col.heap = await heap(browser, col);
  process.stdout.write(`slider latency (${opts.inputs} inputs)… `);
  for (const col of columns) col.latency = await latency(browser, col, { n: opts.inputs });
  // (6) The embed's and the peers' update latency in each browser.
  engines = [];
  for (const name of opts.browsers) {
    process.stdout.write(`${name} latency… `);
    let engine;
    try {
      engine = await launchEngine(name);
    } catch (e) {
      engines.push({ name, version: null, error: e.message.split('\n')[0] });
      continue;
    }
    const entry = { name, version: engine.version, columns: {} };
    try {
      for (const col of columns.filter((c) => ENGINE_COLUMNS.includes(c.key))) entry.columns[col.key] = await engineLatency(engine, col, { n: opts.inputs });
    } finally {
      await engine.close().catch(() => {});
    }
    engines.push(entry);
  }
  // The phone profile (see the header): bytes before the first interaction, cold loads, update latency.
  if (opts.phone) {
    process.stdout.write('phone: bytes before interaction… ');
    for (const col of columns) col.phone = { bytes: await transferred(browser, col, { profile: PHONE, interact: false }), runs: [] };
    process.stdout.write(`cold loads (${opts.loads} × ${columns.length})… `);
    for (let i = 0; i < opts.loads; i++) for (const col of columns) col.phone.runs.push(await coldLoad(browser, col, PHONE));
    for (const col of columns) col.phone.loads = summariseLoads(col.phone.runs, true);
    process.stdout.write(`slider latency (${opts.phoneInputs} inputs)… `);
    for (const col of columns) col.phone.latency = await latency(browser, col, { n: opts.phoneInputs, profile: PHONE });
  }
  console.log('done');

  const never = columns.filter((c) => c.loads.firstChartMs == null);
  if (never.length) throw new Error(`never drew the chart: ${never.map((c) => `${c.label} (${c.url})`).join(', ')}`);

  results = {
    date: new Date().toISOString(),
    chromium: browser.version(),
    dist: opts.dist,
    url: base,
    peers: { url: peerServer.url, versions: peers.versions },
    settings: {
      loads: opts.loads,
      inputs: opts.inputs,
      pollMs: POLL_MS,
      layoutShiftWindowMs: SHIFT_WINDOW_MS,
      selectors: { OUR_SLIDER, OUR_EMBED_SLIDER, OUR_CHART, OUR_CHART_SVG, OUR_ALLOCATION_TAB, PAGE_CHART, PEER_SLIDER, PEER_CHART },
    },
    targets: TARGETS,
    phone: opts.phone
      ? {
          profile: { ...PHONE, inputs: opts.phoneInputs, quietMs: QUIET_MS, idleMs: IDLE_MS },
          targets: PHONE_TARGETS,
          columns: Object.fromEntries(columns.map((c) => [c.key, { label: c.label, url: c.url, bytesBeforeInteraction: c.phone.bytes, loads: c.phone.loads, latency: c.phone.latency }])),
        }
      : null,
    legacyEmbed: legacy,
    engines,
    bytes: { disk },
    columns: Object.fromEntries(
      columns.map((c) => [
        c.key,
        { label: c.label, url: c.url, drawnSelector: c.drawnSel, chartSelector: c.chartSel, bytes: c.bytes, firstLoads: c.loads, heap: c.heap, latency: c.latency },
      ]),
    ),
  };
} catch (e) {
  console.error(`\nbench: broken: ${e.stack || e.message}`);
  await browser?.close().catch(() => {});
  await cleanup();
  process.exit(1);
}
await browser.close();
await cleanup();

// ---------------------------------------------------------------------------------------------
// Report

const col = Object.fromEntries(columns.map((c) => [c.key, c]));

console.log('\nFiles (transferred = response body over the network, gzip from the server; wire incl. headers; raw and gzip -9 on disk)');
{
  const rows = [];
  for (const c of columns) {
    const byName = new Map(c.disk.files.map((f) => [f.file, f]));
    for (const f of c.bytes.files) {
      const clean = f.url.split('?')[0].replace(/^\//, '');
      const name = clean === '' || clean.endsWith('/') ? `${clean}index.html` : clean;
      const d = byName.get(name);
      const shown = f.url === '/' ? 'index.html' : f.url.replace(/^\//, '');
      rows.push([c.label, shown.length > 48 ? shown.slice(0, 45) + '…' : shown, fmtBytes(d?.raw), fmtBytes(d?.gzip9), fmtBytes(f.body), fmtBytes(f.wire), f.encoding ?? '', f.status ?? '']);
    }
    rows.push([c.label, `total (${c.bytes.files.length} files)`, '', '', fmtBytes(c.bytes.totalBody), fmtBytes(c.bytes.totalWire), '', '']);
  }
  console.log(table(rows, ['column', 'file', 'raw', 'gzip -9', 'transferred', 'wire', 'encoding', 'status']));
}

// The main table: one column per page.
const lat = (c, k) => (c.latency?.available && c.latency.chart ? c.latency.chart[k] : null);
const mainRows = [
  ['transferred KB gzip', (c) => fmtKB(c.bytes.totalBody)],
  ['first chart ms', (c) => fmtNum(c.loads.firstChartMs, 1)],
  ['interactive ms', (c) => fmtNum(c.loads.interactiveMs, 1)],
  ['layout shift', (c) => fmtNum(c.loads.layoutShift, 4)],
  ['update median ms', (c) => fmtNum(lat(c, 'medianMs'), 3)],
  ['update p95 ms', (c) => fmtNum(lat(c, 'p95Ms'), 3)],
  ['update max ms', (c) => fmtNum(lat(c, 'maxMs'), 3)],
];
const mainTable = mainRows.map(([label, f]) => [label, ...columns.map(f)]);
console.log(`\nBenchmark (time figures: median of ${opts.loads} cold loads; update: ${opts.inputs} inputs after 10 warm-up)`);
console.log(table(mainTable, ['', ...columns.map((c) => c.label)]));
if (legacy.redirectsTo) console.log(`(${OUR_LEGACY_EMBED_QUERY} is not a page of its own: it redirects to ${legacy.redirectsTo}, measured as "embed")`);
else if (!legacy.embedMode) console.log(`(${OUR_LEGACY_EMBED_QUERY} neither redirects nor shows the allocation chart: not measured)`);

// The phone table, beside the loopback one (see the header, "Phone profile").
const phoneLat = (c, k) => (c.phone?.latency?.available && c.phone.latency.chart ? c.phone.latency.chart[k] : null);
const phoneRows = [
  ['KB gzip before the first interaction', (c) => fmtKB(c.phone.bytes.totalBody)],
  ['first contentful paint ms', (c) => fmtNum(c.phone.loads.fcpMs, 1)],
  ['chart on screen ms', (c) => fmtNum(c.phone.loads.firstChartMs, 1)],
  ['interactive from reaching ms', (c) => fmtNum(c.phone.loads.fromReachMs, 1)],
  ['update median ms', (c) => fmtNum(phoneLat(c, 'medianMs'), 3)],
];
const phoneTable = opts.phone ? phoneRows.map(([label, f]) => [label, ...columns.map(f)]) : null;
if (opts.phone) {
  const net = PHONE.network;
  console.log(
    `\nPhone profile (${PHONE.context.viewport.width}×${PHONE.context.viewport.height} touch, CPU ${PHONE.cpuSlowdown}× slower, ` +
      `${net.latency} ms per request, ${((net.downloadThroughput * 8) / 1024 / 1024).toFixed(1)} Mbit/s down, ${Math.round((net.uploadThroughput * 8) / 1024)} kbit/s up; ` +
      `medians of ${opts.loads} cold loads; update: ${opts.phoneInputs} inputs after 10 warm-up)`,
  );
  console.log(table(phoneTable, ['', ...columns.map((c) => c.label)]));
}

// Details, for context.
{
  const detail = [
    ['requests', (c) => String(c.bytes.files.length)],
    ['transferred KB, wire incl. headers', (c) => fmtKB(c.bytes.totalWire)],
    ['chart complete in DOM / drawn ms', (c) => fmtNum(c.loads.chartDrawnMs, 1)],
    ['  … its frame starts rendering ms', (c) => fmtNum(c.loads.chartFrameMs, 1)],
    ['first contentful paint: paint end ms', (c) => fmtNum(c.loads.fcpPaintEndMs, 1)],
    ['first contentful paint: presented ms', (c) => fmtNum(c.loads.fcpMs, 1)],
    ['largest contentful paint ms', (c) => fmtNum(c.loads.lcpMs, 1)],
    ['largest script/wasm downloaded ms', (c) => fmtNum(c.loads.biggestScriptResponseEndMs, 1)],
    ['slider first seen enabled ms', (c) => fmtNum(c.loads.sliderEnabledMs, 1)],
    ['interactive: probe dispatched ms', (c) => fmtNum(c.loads.probeAtMs, 1)],
    ['layout shift, worst load', (c) => fmtNum(c.loads.layoutShiftMax, 4)],
    ['loads never interactive', (c) => String(c.loads.notInteractive)],
    ['update: all linked charts median ms', (c) => fmtNum(c.latency?.page?.medianMs, 3)],
    ['update: all linked charts p95 ms', (c) => fmtNum(c.latency?.page?.p95Ms, 3)],
    ['update: SVG markup replaced median ms', (c) => (c.ours ? fmtNum(c.latency?.svgReplacedMedianMs, 3) : '–')],
    ['update: dispatchEvent returned median ms', (c) => fmtNum(c.latency?.dispatchReturnedMedianMs, 3)],
    ['update: inputs with no chart change', (c) => (c.latency?.available ? String(c.latency.noChartChange) : `n/a (${c.latency?.reason})`)],
    ['JS heap used after load + 1 s', (c) => fmtBytes(c.heap.jsHeapUsedBytes)],
    ['JS heap used after a forced GC', (c) => fmtBytes(c.heap.jsHeapUsedAfterGcBytes)],
    ['wasm linear memory', (c) => (c.heap.wasmMemoryBytes ? fmtBytes(c.heap.wasmMemoryBytes) : '–')],
    ['DOM nodes after load', (c) => String(c.heap.domNodes ?? '–')],
  ];
  console.log('\nDetails');
  console.log(table(detail.map(([label, f]) => [label, ...columns.map(f)]), ['', ...columns.map((c) => c.label)]));
  const chartOf = (c) => (c.hook ? 'canvas draw (afterRender)' : c.chartSel);
  console.log(`(first chart / interactive watch: ${columns.map((c) => `${c.label}: ${chartOf(c)}`).join('; ')})`);
}

// Update latency per browser (6): printed, no target.
if (opts.browsers.length) {
  const cols = columns.filter((c) => ENGINE_COLUMNS.includes(c.key));
  const cell = (l) => (l?.available ? `${fmtNum(l.chart?.medianMs, 3)} / ${fmtNum(l.chart?.p95Ms, 3)}` : `n/a (${l?.reason ?? 'not run'})`);
  const rows = [];
  for (const e of engines) {
    if (e.error) rows.push([e.name, ...cols.map(() => `n/a (${e.error.slice(0, 60)})`), '–']);
    else rows.push([e.name === 'chromium' ? `Chromium ${e.version}` : e.version, ...cols.map((c) => cell(e.columns[c.key])), `${Object.values(e.columns).find((l) => l.available)?.timerResolutionMs ?? '–'} ms`]);
  }
  console.log(`\nUpdate latency by browser: slider input → last chart change, median / p95 ms over ${opts.inputs} inputs (printed, no target; embed at ${ENGINE_EMBED_QUERY})`);
  console.log(table(rows, ['browser', ...cols.map((c) => c.label), 'clock step']));
  const notes = engines.flatMap((e) => Object.values(e.columns || {}).flatMap((l) => l.errors || []));
  if (notes.length) for (const n of [...new Set(notes)].slice(0, 10)) console.log(`  ${n}`);
}

// Targets.
const status = (v, t) => (v == null || t == null ? 'n/a' : v <= t ? 'PASS' : 'MISS');
const below = (v, t) => (v == null || t == null ? 'n/a' : v < t ? 'PASS' : 'MISS');
const pusher = (list) => (metric, value, shown, target, targetShown, st) =>
  list.push({ metric, value, shown, target: target ?? null, targetShown, status: st ?? status(value, target) });
const targetTable = (list) => table(list.map((r) => [r.metric, r.shown, r.targetShown, r.status]), ['target', 'value', 'target', 'status']);
const summary = [];
{
  const push = pusher(summary);
  const { page, embed, vegalite, chartjs } = col;
  push('page: transferred, gzip', page.bytes.totalBody, fmtBytes(page.bytes.totalBody), TARGETS.pageTransferGzipBytes, `≤ ${fmtBytes(TARGETS.pageTransferGzipBytes)}`);
  push('embed: transferred, gzip', embed.bytes.totalBody, fmtBytes(embed.bytes.totalBody), TARGETS.embedTransferGzipBytes, `≤ ${fmtBytes(TARGETS.embedTransferGzipBytes)}`);
  push('embed: update median', lat(embed, 'medianMs'), fmtMs(lat(embed, 'medianMs')), TARGETS.embedMedianMs, `≤ ${TARGETS.embedMedianMs} ms`);
  push('embed: update p95', lat(embed, 'p95Ms'), fmtMs(lat(embed, 'p95Ms')), TARGETS.embedP95Ms, `≤ ${TARGETS.embedP95Ms} ms`);
  push('page: update median (allocation chart)', lat(page, 'medianMs'), fmtMs(lat(page, 'medianMs')), TARGETS.pageMedianMs, `≤ ${TARGETS.pageMedianMs} ms`);
  const cj = chartjs.loads.interactiveMs;
  for (const c of [page, embed]) {
    const v = c.loads.interactiveMs;
    push(`${c.label}: interactive`, v, fmtMs(v), cj, `< Chart.js ${fmtMs(cj)}`, below(v, cj));
  }
  const peerFirst = [vegalite.loads.firstChartMs, chartjs.loads.firstChartMs].filter((x) => x != null);
  const half = peerFirst.length ? Math.min(...peerFirst) / 2 : null;
  for (const c of [page, embed]) {
    const v = c.loads.firstChartMs;
    push(`${c.label}: first chart on screen`, v, fmtMs(v), half, `< ${fmtMs(half)} (½ fastest peer)`, below(v, half));
  }
  for (const c of [page, embed]) {
    push(`${c.label}: layout shift`, c.loads.layoutShift, fmtNum(c.loads.layoutShift, 4), TARGETS.layoutShift, `≤ ${TARGETS.layoutShift}`);
  }
  console.log('\nTargets (reported, never enforced)');
  console.log(targetTable(summary));
}

// The phone profile: details and targets (issue 20).
const phoneSummary = [];
if (opts.phone) {
  const detail = [
    ['requests before the first interaction', (c) => String(c.phone.bytes.files.length)],
    ['KB before the first interaction, wire', (c) => fmtKB(c.phone.bytes.totalWire)],
    ['first contentful paint: paint end ms', (c) => fmtNum(c.phone.loads.fcpPaintEndMs, 1)],
    ['reach: first touch, slider on screen ms', (c) => fmtNum(c.phone.loads.reachMs, 1)],
    ['touches until the slider worked', (c) => fmtNum(c.phone.loads.touchesMedian, 0)],
    ['largest script/wasm downloaded ms', (c) => fmtNum(c.phone.loads.biggestScriptResponseEndMs, 1)],
    ['slider first seen enabled ms', (c) => fmtNum(c.phone.loads.sliderEnabledMs, 1)],
    ['interactive: chart changed ms', (c) => fmtNum(c.phone.loads.interactiveMs, 1)],
    ['interactive: that change on screen ms', (c) => fmtNum(c.phone.loads.interactivePaintedMs, 1)],
    ['layout shift', (c) => fmtNum(c.phone.loads.layoutShift, 4)],
    ['loads never interactive', (c) => String(c.phone.loads.notInteractive)],
    ['update p95 ms', (c) => fmtNum(phoneLat(c, 'p95Ms'), 3)],
    ['update max ms', (c) => fmtNum(phoneLat(c, 'maxMs'), 3)],
    ['update: inputs with no chart change', (c) => (c.phone.latency?.available ? String(c.phone.latency.noChartChange) : `n/a (${c.phone.latency?.reason})`)],
  ];
  console.log('\nPhone profile details (all times from navigation start unless said)');
  console.log(table(detail.map(([label, f]) => [label, ...columns.map(f)]), ['', ...columns.map((c) => c.label)]));

  const push = pusher(phoneSummary);
  const { page, embed, vegalite, chartjs } = col;
  const peerFirst = [vegalite, chartjs].map((c) => c.phone.loads.firstChartMs).filter((x) => x != null);
  const firstPeer = peerFirst.length === 2 ? Math.min(...peerFirst) : null;
  for (const c of [page, embed]) {
    const v = c.phone.loads.firstChartMs;
    push(`phone: ${c.label}: chart on screen`, v, fmtMs(v), firstPeer, `< ${fmtMs(firstPeer)} (both peers)`, below(v, firstPeer));
  }
  const cj = chartjs.phone.loads.fromReachMs;
  for (const c of [page, embed]) {
    const v = c.phone.loads.fromReachMs;
    push(`phone: ${c.label}: interactive from reaching`, v, fmtMs(v), cj, `≤ Chart.js ${fmtMs(cj)}`);
  }
  const ceilings = { page: PHONE_TARGETS.pageBeforeInteractionGzipBytes, embed: PHONE_TARGETS.embedBeforeInteractionGzipBytes };
  for (const c of [page, embed]) {
    const v = c.phone.bytes.totalBody;
    push(`phone: ${c.label}: transferred before interaction`, v, fmtBytes(v), ceilings[c.key], `≤ ${fmtBytes(ceilings[c.key])}`);
  }
  const peerMed = [vegalite, chartjs].map((c) => phoneLat(c, 'medianMs')).filter((x) => x != null);
  const fastest = peerMed.length === 2 ? Math.min(...peerMed) : null;
  const em = phoneLat(embed, 'medianMs');
  push('phone: embed: update median', em, fmtMs(em), fastest, `≤ ${fmtMs(fastest)} (fastest peer)`);
  console.log('\nPhone targets (reported, never enforced)');
  console.log(targetTable(phoneSummary));
}
{
  const clocks = columns.map((c) => c.latency).filter((l) => l?.available);
  if (clocks.length) {
    const iso = columns.every((c) => c.runs.every((r) => r.crossOriginIsolated));
    console.log(
      `(timer: crossOriginIsolated=${iso}, resolution ≈ ${clocks[0].timerResolutionMs} ms; ` +
        `update = last DOM mutation callback (Chart.js: last afterRender) − input dispatch; ` +
        `interactive probe every ${POLL_MS} ms; layout shift up to interactive + ${SHIFT_WINDOW_MS} ms)`,
    );
  }
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

const allErrors = columns.flatMap((c) => [
  ...c.bytes.errors,
  ...c.heap.errors,
  ...(c.latency?.errors || []),
  ...c.runs.flatMap((r) => r.errors),
  ...(c.phone ? [...c.phone.bytes.errors, ...(c.phone.latency?.errors || []), ...c.phone.runs.flatMap((r) => r.errors)] : []),
]);
if (allErrors.length) {
  console.log(`\nPage errors seen (${allErrors.length}):`);
  for (const e of [...new Set(allErrors)].slice(0, 10)) console.log(`  ${e}`);
}

if (opts.json) {
  const out = {
    ...results,
    table: { header: ['', ...columns.map((c) => c.label)], rows: mainTable },
    summary,
    phone: results.phone && { ...results.phone, table: { header: ['', ...columns.map((c) => c.label)], rows: phoneTable }, summary: phoneSummary },
    native: native || null,
    elapsedSeconds: round((Date.now() - started) / 1000, 1),
  };
  fs.writeFileSync(opts.json, JSON.stringify(out, null, 2) + '\n');
  console.log(`\nbench: wrote ${path.relative(process.cwd(), opts.json) || opts.json}`);
}
