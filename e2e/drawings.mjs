// The charts' drawings as images, captured from a build and compared with another build's
// (issue 19: a change to the drawing pipeline must leave every drawing as it was).
//
//   node e2e/drawings.mjs capture --root DIST --out DIR [--export-bin PATH] [--jobs N]
//                                 [--only REGEX] [--skip pages,embeds,downloads,export]
//   node e2e/drawings.mjs compare --base DIR --new DIR [--tolerance 0.002]
//                                 [--channel-threshold 24] [--max-unexplained 24] [--diff-out DIR]
//                                 [--only REGEX]
//
// capture serves DIST on loopback (e2e/server.mjs) and, in headless Chromium (Debian's, as the
// tests), takes an element screenshot of every chart's visible <svg>:
//   page-<lang>-w<1280|390>-<light|dark>-<article|record>-<prewasm|wasm>-<chart>.png
//     the explainer (`/`, `/ja/`), each chart shown through its tab;
//   embed-<lang>-w<1280|390>-<light|dark>-<article|record>-<prewasm|wasm>-<chart>.png
//     every embed page (`/embed/<chart>/`, `/ja/embed/<chart>/`).
// The theme is the page's `?theme=` parameter (with the browser's colour scheme set to match),
// the framing its `?framing=`; every chart is taken in both framings (a chart whose drawing does
// not follow the framing gives the same image twice). "prewasm": the .wasm request is refused and
// a key press starts the boot script, which falls back to the prerendered page (html.no-app);
// that is the drawing a reader sees before or without the WebAssembly (the prerender is drawn at
// the page's default framing, so a prewasm image in the other framing shows that one).
// "wasm": the client has taken the page over (html.app, no body[data-prerendered]; the embed's
// start is nudged with pointer moves and a key) and the chart's SVG has stopped changing.
// Motion is reduced, fonts are waited for, device scale factor 1.
// Then the files:
//   download-svg-<lang>-<chart>.png  dist/[ja/]downloads/*.svg in an <img> at twice its view box's
//                                    width (the page's PNG download scale), screenshot;
//   download-png-<lang>-<chart>.png  dist/[ja/]downloads/*.png, copied;
//   fallback-<lang>-<chart>.png      each embed page's chart.png, copied;
//   card-<path>.png                  the social cards (og/**.png), copied;
//   export-png-<lang>-w<360|640>-<theme>-<chart>.png   `fund-export <chart> --format png`;
//   export-svg-<lang>-w<360|640>-<theme>-<chart>.png   `--format svg`, rasterised as the downloads
//                                    (the SVG text itself is kept in DIR/sources/).
// DIR/manifest.json lists every image (file, kind, chart, lang, width, theme, framing, phase,
// source, pixel size, sha256) and the problems seen (errors on a page, a chart that did not
// render, an export that failed). capture exits 1 when an image could not be taken.
//
// compare reads both manifests and, for every image of the base, decodes both PNGs (e2e/png.mjs)
// and compares them pixel by pixel. A pixel differs when one of its channels (colour
// premultiplied by alpha, and alpha) differs by more than --channel-threshold (0-255). A differing
// pixel is "explained" when each image's colour there lies within the range of colours of the
// other image's 3x3 neighbourhood (give or take the threshold): antialiasing and sub-pixel moves
// of edges are explained; a fill of another colour, or a label moved by a few pixels, leaves
// unexplained pixels. A pair fails when its sizes differ, when the share of differing pixels
// exceeds --tolerance, or when more than --max-unexplained pixels are unexplained. Failures get a
// diff image in --diff-out (default: DIR-of-new/diff): the base faded to grey, unexplained
// pixels red, explained ones orange. It prints a table and a summary and exits 1 on any failure
// or image missing from the new capture (images only in the new capture are listed, not failed).
// See scripts/compare-drawings.sh for the whole loop from a git ref.

import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { decodePng, encodePng } from './png.mjs';

const LANGS = ['en', 'ja'];
const THEMES = ['light', 'dark'];
const FRAMINGS = ['article', 'record'];
const PHASES = ['prewasm', 'wasm'];
const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];
const EXPORT_WIDTHS = [360, 640];
const KINDS = ['pages', 'embeds', 'downloads', 'export'];
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--font-render-hinting=none'];

const USAGE = `Usage:
  node e2e/drawings.mjs capture --root DIST --out DIR [--export-bin PATH] [--jobs N] [--only REGEX]
                                [--skip pages,embeds,downloads,export]
  node e2e/drawings.mjs compare --base DIR --new DIR [--tolerance 0.002] [--channel-threshold 24]
                                [--max-unexplained 24] [--diff-out DIR] [--only REGEX]
See the comment at the top of e2e/drawings.mjs.`;

class UsageError extends Error {}

/** Parses `--name value` pairs against `spec` ({ name: 'string' | 'number' | 'flag' }). */
function parseArgs(argv, spec) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new UsageError(`unexpected argument ${JSON.stringify(a)}`);
    const name = a.slice(2);
    if (!(name in spec)) throw new UsageError(`unknown option ${a} (known: ${Object.keys(spec).map((k) => '--' + k).join(', ')})`);
    if (spec[name] === 'flag') {
      out[name] = true;
      continue;
    }
    const v = argv[++i];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value`);
    if (spec[name] === 'number') {
      const n = Number(v);
      if (!Number.isFinite(n) || n < 0) throw new UsageError(`${a} must be a non-negative number, not ${JSON.stringify(v)}`);
      out[name] = n;
    } else out[name] = v;
  }
  return out;
}

/** --only's regular expression (null without one). */
function onlyPattern(text) {
  if (!text) return null;
  try {
    return new RegExp(text);
  } catch (e) {
    throw new UsageError(`--only: not a regular expression: ${e.message}`);
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const sha256 = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex');
const pngSize = (bytes) => ({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) });

async function until(fn, timeout, what) {
  const start = Date.now();
  let last;
  for (;;) {
    last = await fn();
    if (last) return last;
    if (Date.now() - start > timeout) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await sleep(100);
  }
}

// ---- capture ----------------------------------------------------------------------------------

/** The charts the build declares (html[data-embeds] of its page), checked against embed/. */
function chartsOf(root) {
  const index = path.join(root, 'index.html');
  if (!fs.existsSync(index)) throw new UsageError(`${index} is missing: --root must be a built dist/ folder`);
  const m = fs.readFileSync(index, 'utf8').match(/<html[^>]*\sdata-embeds="([^"]*)"/);
  if (!m) throw new Error(`${index}: no data-embeds on <html>, cannot tell which charts the build has`);
  const charts = m[1].split(' ').filter(Boolean);
  for (const c of charts) {
    for (const p of [`embed/${c}/index.html`, `ja/embed/${c}/index.html`]) {
      if (!fs.existsSync(path.join(root, p))) throw new Error(`${path.join(root, p)} is missing (chart ${c} is in data-embeds)`);
    }
  }
  return charts;
}

/** Runs `work(item)` over `items`, `jobs` at a time. */
async function pool(items, jobs, work) {
  let next = 0;
  const runners = Array.from({ length: Math.min(jobs, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  });
  await Promise.all(runners);
}

function browserPath() {
  const p = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!fs.existsSync(p)) throw new Error(`${p} not found: install Debian's chromium (scripts/setup.sh --browser), or set CHROMIUM`);
  return p;
}

/** Opens one page view (a fresh context) in the wanted phase; returns { context, page, errors }. */
async function openView(browser, url, { viewport, theme, phase }) {
  const context = await browser.newContext({ viewport, colorScheme: theme, reducedMotion: 'reduce', serviceWorkers: 'block', deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    if (/favicon\.ico/.test(m.location()?.url || '')) return;
    // The refused .wasm request is this phase's own doing.
    if (phase === 'prewasm' && /ERR_FAILED|wasm/i.test(m.text())) return;
    errors.push(`console: ${m.text()}`);
  });
  if (phase === 'prewasm') await context.route(/\.wasm(\?.*)?$/, (r) => r.abort());
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  const state = () => page.evaluate(() => {
    const h = document.documentElement;
    if (document.querySelector('[data-testid="panic-message"]')) return 'panic';
    if (h.classList.contains('no-app')) return 'static';
    if (h.classList.contains('app') && !document.body.hasAttribute('data-prerendered')) return 'app';
    return null;
  });
  if (phase === 'prewasm') {
    // A key press starts the boot script (on intent or for a reader); its wasm request fails.
    await page.keyboard.press('Shift');
    const s = await until(state, 15000, 'the boot script to fall back to the static page (html.no-app)');
    if (s !== 'static') throw new Error(`expected the static page with the wasm refused, got ${s}`);
  } else {
    let i = 0;
    const s = await until(async () => {
      await page.mouse.move(1 + (i % 4), 1);
      if (i++ % 10 === 5) await page.keyboard.press('Shift');
      return state();
    }, 30000, 'the wasm client to take the page over (html.app)');
    if (s !== 'app') throw new Error(`the app did not take over: ${s}${errors.length ? ` (${errors.join('; ')})` : ''}`);
    await page.mouse.move(0, 0);
  }
  return { context, page, errors };
}

/** Screenshots chart `chart`'s visible <svg> on `page` (after showing it through its tab, if any). */
async function shootChart(page, chart, file) {
  const tab = page.locator(`[data-testid="tab-${chart}"]`);
  // A chart behind a tab is shown through it; the static fall-back (html.no-app) hides the tabs
  // and shows every chart.
  if ((await tab.count()) && (await tab.isVisible())) {
    if ((await tab.getAttribute('aria-pressed')) !== 'true') await tab.click();
    await page.mouse.move(0, 0);
  }
  const figure = `[data-testid="chart-${chart}"]`;
  const visibleIndex = () => page.evaluate((sel) => {
    const svgs = [...document.querySelectorAll(`${sel} svg.fund-chart`)];
    const i = svgs.findIndex((s) => {
      const r = s.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(s).visibility !== 'hidden';
    });
    return i < 0 ? null : { i, count: svgs.length };
  }, figure);
  const vis = await until(visibleIndex, 10000, `a visible svg in ${figure}`).catch(() => null);
  if (!vis) throw new Error(`chart ${chart}: no visible <svg class="fund-chart"> in ${figure}`);
  const svg = page.locator(`${figure} svg.fund-chart`).nth(vis.i);
  await svg.scrollIntoViewIfNeeded();
  // The client redraws a chart when it comes into view: wait for its markup to settle.
  let last = null;
  let same = 0;
  await until(async () => {
    const now = await svg.evaluate((s) => s.outerHTML);
    same = now === last ? same + 1 : 0;
    last = now;
    return same >= 3;
  }, 10000, `chart ${chart}'s svg to stop changing`);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const bytes = await svg.screenshot({ animations: 'disabled', caret: 'hide', scale: 'css' });
  if (!last.includes('<g')) throw new Error(`chart ${chart}: its svg is empty`);
  fs.writeFileSync(file, bytes);
  return bytes;
}

/** Rasterises SVG text in an <img> at twice its view box's width; returns the PNG bytes. */
async function rasteriseSvg(page, svgText, name) {
  const vb = svgText.match(/<svg[^>]*\sviewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)\s*"/);
  if (!vb) throw new Error(`${name}: no viewBox on its <svg>`);
  const width = Math.round(Number(vb[1]) * 2);
  const src = `data:image/svg+xml;base64,${Buffer.from(svgText).toString('base64')}`;
  await page.setContent(`<!doctype html><html><body style="margin:0;background:#fff"><img id="d" width="${width}" style="display:block" src="${src}"></body></html>`);
  const ok = await page.evaluate(async () => {
    const img = document.getElementById('d');
    try {
      await img.decode();
    } catch (_) {
      return false;
    }
    return img.naturalWidth > 0;
  });
  if (!ok) throw new Error(`${name}: the browser could not draw the SVG as an image`);
  return page.locator('#d').screenshot({ animations: 'disabled' });
}

async function capture(argv) {
  const o = parseArgs(argv, { root: 'string', out: 'string', 'export-bin': 'string', jobs: 'number', only: 'string', skip: 'string' });
  if (!o.root) throw new UsageError('capture needs --root DIST');
  if (!o.out) throw new UsageError('capture needs --out DIR');
  const root = path.resolve(o.root);
  const out = path.resolve(o.out);
  const jobs = o.jobs ?? 2;
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 8) throw new UsageError(`--jobs must be a whole number 1-8, not ${jobs}`);
  const skip = new Set((o.skip || '').split(',').filter(Boolean));
  for (const s of skip) if (!KINDS.includes(s)) throw new UsageError(`--skip: unknown kind ${JSON.stringify(s)} (kinds: ${KINDS.join(', ')})`);
  const only = onlyPattern(o.only);
  const exportBin = o['export-bin'] ? path.resolve(o['export-bin']) : null;
  if (exportBin) {
    try {
      fs.accessSync(exportBin, fs.constants.X_OK);
    } catch {
      throw new UsageError(`--export-bin ${exportBin}: not an executable file`);
    }
  }
  const charts = chartsOf(root);
  if (fs.existsSync(out) && fs.readdirSync(out).length) throw new UsageError(`--out ${out} exists and is not empty (capture never mixes two runs)`);
  fs.mkdirSync(path.join(out, 'sources'), { recursive: true });

  const started = Date.now();
  const images = [];
  const problems = [];
  const times = {};
  const want = (file) => !only || only.test(file);
  const record = (entry, bytes) => {
    images.push({ ...entry, ...pngSize(bytes), sha256: sha256(bytes) });
  };
  const timed = async (kind, fn) => {
    const t0 = Date.now();
    await fn();
    times[kind] = (Date.now() - t0) / 1000;
  };

  // Loaded here, so that compare (and its test) need neither.
  const { chromium } = await import('playwright-core');
  const { startServer } = await import('./server.mjs');
  const server = await startServer({ root, mountPath: '/' });
  const browser = await chromium.launch({ executablePath: browserPath(), headless: true, args: CHROMIUM_ARGS });
  const base = server.url.replace(/\/$/, '');
  const chromiumVersion = browser.version();
  try {
    // Page views: one per (page, language, layout, theme, framing, phase).
    const views = [];
    for (const lang of LANGS) {
      const prefix = lang === 'en' ? '' : `/${lang}`;
      for (const viewport of VIEWPORTS) for (const theme of THEMES) for (const framing of FRAMINGS) for (const phase of PHASES) {
        const tag = `${lang}-w${viewport.width}-${theme}-${framing}-${phase}`;
        const query = `?theme=${theme}&framing=${framing}`;
        if (!skip.has('pages')) views.push({ kind: 'page', path: `${prefix}/${query}`, charts, tag, lang, viewport, theme, framing, phase });
        if (!skip.has('embeds')) {
          for (const chart of charts) views.push({ kind: 'embed', path: `${prefix}/embed/${chart}/${query}`, charts: [chart], tag, lang, viewport, theme, framing, phase });
        }
      }
    }
    const todo = views.map((v) => ({ ...v, charts: v.charts.filter((c) => want(`${v.kind}-${v.tag}-${c}.png`)) })).filter((v) => v.charts.length);
    let done = 0;
    await timed('pages and embeds', () => pool(todo, jobs, async (v) => {
      let view;
      try {
        view = await openView(browser, base + v.path, v);
        for (const chart of v.charts) {
          const file = `${v.kind}-${v.tag}-${chart}.png`;
          try {
            const bytes = await shootChart(view.page, chart, path.join(out, file));
            record({ file, kind: v.kind, chart, lang: v.lang, width: v.viewport.width, theme: v.theme, framing: v.framing, phase: v.phase, source: v.path }, bytes);
          } catch (e) {
            problems.push({ file, fatal: true, problem: e.message.split('\n')[0] });
          }
        }
        if (view.errors.length) problems.push({ file: `${v.kind}-${v.tag}${v.kind === 'embed' ? '-' + v.charts[0] : ''}`, fatal: false, problem: view.errors.join('; ') });
      } catch (e) {
        for (const chart of v.charts) problems.push({ file: `${v.kind}-${v.tag}-${chart}.png`, fatal: true, problem: `${v.path}: ${e.message.split('\n')[0]}` });
      } finally {
        await view?.context.close().catch(() => {});
      }
      done++;
      if (done % 16 === 0 || done === todo.length) console.error(`  ${done}/${todo.length} page views (${Math.round((Date.now() - started) / 1000)} s)`);
    }));

    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, deviceScaleFactor: 1, colorScheme: 'light', reducedMotion: 'reduce' });
    const page = await context.newPage();
    const rasterise = async (svgText, name, entry) => {
      try {
        const bytes = await rasteriseSvg(page, svgText, name);
        fs.writeFileSync(path.join(out, entry.file), bytes);
        record(entry, bytes);
      } catch (e) {
        problems.push({ file: entry.file, fatal: true, problem: e.message.split('\n')[0] });
      }
    };
    const copyPng = (from, entry) => {
      const bytes = fs.readFileSync(from);
      fs.writeFileSync(path.join(out, entry.file), bytes);
      record(entry, bytes);
    };

    if (!skip.has('downloads')) {
      await timed('downloads', async () => {
        for (const lang of LANGS) {
          const dir = lang === 'en' ? 'downloads' : `${lang}/downloads`;
          for (const chart of charts) {
            const stem = `japan-fund-${chart}${lang === 'en' ? '' : '-' + lang}`;
            for (const ext of ['svg', 'png']) {
              const rel = `${dir}/${stem}.${ext}`;
              const file = `download-${ext}-${lang}-${chart}.png`;
              if (!want(file)) continue;
              if (!fs.existsSync(path.join(root, rel))) {
                problems.push({ file, fatal: true, problem: `${rel} is missing from the build` });
                continue;
              }
              const entry = { file, kind: `download-${ext}`, chart, lang, source: rel };
              if (ext === 'png') copyPng(path.join(root, rel), entry);
              else await rasterise(fs.readFileSync(path.join(root, rel), 'utf8'), rel, entry);
            }
            const fallback = `${lang === 'en' ? '' : lang + '/'}embed/${chart}/chart.png`;
            const ffile = `fallback-${lang}-${chart}.png`;
            if (want(ffile)) {
              if (fs.existsSync(path.join(root, fallback))) copyPng(path.join(root, fallback), { file: ffile, kind: 'fallback', chart, lang, source: fallback });
              else problems.push({ file: ffile, fatal: true, problem: `${fallback} is missing from the build` });
            }
          }
        }
        const og = path.join(root, 'og');
        const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name)).flatMap((d) => (d.isDirectory() ? walk(path.join(dir, d.name)) : [path.join(dir, d.name)]));
        if (fs.existsSync(og)) {
          for (const f of walk(og).filter((f) => f.endsWith('.png'))) {
            const rel = path.relative(root, f);
            const file = `card-${rel.replace(/\.png$/, '').replace(/[^A-Za-z0-9]+/g, '-')}.png`;
            if (want(file)) copyPng(f, { file, kind: 'card', source: rel });
          }
        }
      });
    }

    if (exportBin && !skip.has('export')) {
      await timed('export', async () => {
        for (const lang of LANGS) for (const width of EXPORT_WIDTHS) for (const theme of THEMES) for (const chart of charts) {
          for (const format of ['png', 'svg']) {
            const file = `export-${format}-${lang}-w${width}-${theme}-${chart}.png`;
            if (!want(file)) continue;
            const target = format === 'png' ? path.join(out, file) : path.join(out, 'sources', file.replace(/\.png$/, '.svg'));
            const args = [chart, '--format', format, '--theme', theme, '--lang', lang, '--width', String(width), '--out', target];
            const r = spawnSync(exportBin, args, { encoding: 'utf8', timeout: 60000 });
            const entry = { file, kind: `export-${format}`, chart, lang, width, theme, source: `fund-export ${args.slice(0, -2).join(' ')}` };
            if (r.status !== 0 || !fs.existsSync(target)) {
              problems.push({ file, fatal: true, problem: `fund-export ${args.join(' ')} exited ${r.status ?? r.signal}: ${(r.stderr || r.error?.message || '').trim().split('\n')[0]}` });
              continue;
            }
            if (format === 'png') record(entry, fs.readFileSync(target));
            else await rasterise(fs.readFileSync(target, 'utf8'), path.basename(target), entry);
          }
        }
      });
    }
    await context.close();
  } finally {
    await browser.close().catch(() => {});
    await server.close();
  }

  images.sort((a, b) => a.file.localeCompare(b.file));
  const commit = spawnSync('git', ['-C', root, 'rev-parse', 'HEAD'], { encoding: 'utf8' });
  const manifest = {
    tool: 'e2e/drawings.mjs capture',
    created: new Date().toISOString(),
    root,
    exportBin,
    chromium: chromiumVersion,
    charts,
    seconds: { total: (Date.now() - started) / 1000, ...times },
    counts: Object.fromEntries([...new Set(images.map((i) => i.kind))].sort().map((k) => [k, images.filter((i) => i.kind === k).length])),
    images,
    problems,
  };
  if (commit.status === 0) manifest.rootCommit = commit.stdout.trim();
  fs.writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n');
  console.log(`${images.length} images in ${out} (${manifest.seconds.total.toFixed(0)} s):`);
  for (const [k, n] of Object.entries(manifest.counts)) console.log(`  ${k.padEnd(14)} ${n}`);
  for (const [k, s] of Object.entries(times)) console.log(`  time ${k}: ${s.toFixed(0)} s`);
  for (const p of problems) console.log(`${p.fatal ? 'MISSING' : 'warning'} ${p.file}: ${p.problem}`);
  return problems.some((p) => p.fatal) ? 1 : 0;
}

// ---- compare ----------------------------------------------------------------------------------

/**
 * Compares two decoded images (RGBA). Returns { sameSize, differing, unexplained, share, mask }
 * with mask[i] = 0 (same), 1 (differs, explained by its neighbourhood) or 2 (unexplained).
 */
export function diffImages(a, b, { channelThreshold = 24 } = {}) {
  if (a.width !== b.width || a.height !== b.height) return { sameSize: false, differing: null, unexplained: null, share: null, mask: null };
  const { width: w, height: h } = a;
  // Colour premultiplied by alpha, and alpha: a transparent pixel's colour does not count.
  const pre = (img) => {
    const d = img.data;
    const p = new Int16Array(d.length);
    for (let i = 0; i < d.length; i += 4) {
      const al = d[i + 3];
      p[i] = Math.round((d[i] * al) / 255);
      p[i + 1] = Math.round((d[i + 1] * al) / 255);
      p[i + 2] = Math.round((d[i + 2] * al) / 255);
      p[i + 3] = al;
    }
    return p;
  };
  const pa = pre(a);
  const pb = pre(b);
  const t = channelThreshold;
  // Is colour `from` at (x, y) within the range of `img`'s 3x3 neighbourhood there, ± t?
  const within = (from, img, x, y) => {
    const o = (y * w + x) * 4;
    for (let c = 0; c < 4; c++) {
      let lo = 255;
      let hi = 0;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= h) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= w) continue;
          const v = img[(yy * w + xx) * 4 + c];
          if (v < lo) lo = v;
          if (v > hi) hi = v;
        }
      }
      const v = from[o + c];
      if (v < lo - t || v > hi + t) return false;
    }
    return true;
  };
  const mask = new Uint8Array(w * h);
  let differing = 0;
  let unexplained = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const o = (y * w + x) * 4;
      let d = 0;
      for (let c = 0; c < 4; c++) d = Math.max(d, Math.abs(pa[o + c] - pb[o + c]));
      if (d <= t) continue;
      differing++;
      if (within(pb, pa, x, y) && within(pa, pb, x, y)) mask[y * w + x] = 1;
      else {
        mask[y * w + x] = 2;
        unexplained++;
      }
    }
  }
  return { sameSize: true, differing, unexplained, share: differing / (w * h), mask };
}

/** The diff picture: base faded to grey, unexplained pixels red, explained ones orange. */
export function diffPicture(a, b, result) {
  if (!result.sameSize) {
    // Sizes differ: the overlap of both, faded, and red where only one image has pixels.
    const w = Math.max(a.width, b.width);
    const h = Math.max(a.height, b.height);
    const data = new Uint8Array(w * h * 4);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const o = (y * w + x) * 4;
        const inA = x < a.width && y < a.height;
        const inB = x < b.width && y < b.height;
        if (inA && inB) {
          const g = 128 + (grey(a, x, y) >> 1);
          data.set([g, g, g, 255], o);
        } else data.set([255, 0, 0, 255], o);
      }
    }
    return { width: w, height: h, data };
  }
  const { width: w, height: h } = a;
  const data = new Uint8Array(w * h * 4);
  for (let i = 0; i < w * h; i++) {
    const m = result.mask[i];
    if (m === 2) data.set([255, 0, 0, 255], i * 4);
    else if (m === 1) data.set([255, 165, 0, 255], i * 4);
    else {
      const g = 160 + Math.round(grey(a, i % w, Math.floor(i / w)) * 0.37);
      data.set([g, g, g, 255], i * 4);
    }
  }
  return { width: w, height: h, data };
}

function grey(img, x, y) {
  const o = (y * img.width + x) * 4;
  const al = img.data[o + 3] / 255;
  // Over white, so transparent reads as white.
  const ch = (c) => img.data[o + c] * al + 255 * (1 - al);
  return Math.round(0.3 * ch(0) + 0.59 * ch(1) + 0.11 * ch(2));
}

function readManifest(dir, flag) {
  const file = path.join(dir, 'manifest.json');
  if (!fs.existsSync(file)) throw new UsageError(`${flag} ${dir}: no manifest.json there (make one with: node e2e/drawings.mjs capture --root DIST --out ${dir})`);
  let m;
  try {
    m = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: not valid JSON: ${e.message}`);
  }
  if (!Array.isArray(m.images)) throw new Error(`${file}: no "images" list`);
  return m;
}

async function compare(argv) {
  const o = parseArgs(argv, { base: 'string', new: 'string', tolerance: 'number', 'channel-threshold': 'number', 'max-unexplained': 'number', 'diff-out': 'string', only: 'string' });
  if (!o.base) throw new UsageError('compare needs --base DIR');
  if (!o.new) throw new UsageError('compare needs --new DIR');
  const tolerance = o.tolerance ?? 0.002;
  const threshold = o['channel-threshold'] ?? 24;
  const maxUnexplained = o['max-unexplained'] ?? 24;
  if (tolerance > 1) throw new UsageError(`--tolerance is a share of the pixels, 0-1, not ${tolerance}`);
  if (threshold > 255 || !Number.isInteger(threshold)) throw new UsageError(`--channel-threshold must be a whole number 0-255, not ${threshold}`);
  if (!Number.isInteger(maxUnexplained)) throw new UsageError(`--max-unexplained must be a whole number of pixels, not ${maxUnexplained}`);
  const only = onlyPattern(o.only);
  const baseDir = path.resolve(o.base);
  const newDir = path.resolve(o.new);
  const diffDir = path.resolve(o['diff-out'] || path.join(newDir, 'diff'));
  const baseM = readManifest(baseDir, '--base');
  const newM = readManifest(newDir, '--new');
  const newFiles = new Map(newM.images.map((i) => [i.file, i]));
  const rows = [];
  for (const img of baseM.images) {
    if (only && !only.test(img.file)) continue;
    const row = { name: img.file, size: `${img.width}x${img.height}`, differing: '', share: '', unexplained: '', result: 'PASS', note: '' };
    rows.push(row);
    const other = newFiles.get(img.file);
    const newPath = path.join(newDir, img.file);
    if (!other || !fs.existsSync(newPath)) {
      row.result = 'MISSING';
      const why = newM.problems?.find((p) => p.file === img.file);
      row.note = why ? why.problem : 'not in the new capture';
      continue;
    }
    const aBytes = fs.readFileSync(path.join(baseDir, img.file));
    const bBytes = fs.readFileSync(newPath);
    if (sha256(aBytes) === sha256(bBytes)) {
      Object.assign(row, { differing: '0', share: '0', unexplained: '0' });
      continue;
    }
    const a = decodePng(aBytes, `base ${img.file}`);
    const b = decodePng(bBytes, `new ${img.file}`);
    const r = diffImages(a, b, { channelThreshold: threshold });
    if (!r.sameSize) {
      row.size = `${a.width}x${a.height} -> ${b.width}x${b.height}`;
      row.result = 'FAIL';
      row.note = `size differs by ${b.width - a.width >= 0 ? '+' : ''}${b.width - a.width} x ${b.height - a.height >= 0 ? '+' : ''}${b.height - a.height} px`;
    } else {
      Object.assign(row, { differing: String(r.differing), share: `${(r.share * 100).toFixed(3)}%`, unexplained: String(r.unexplained) });
      const why = [];
      if (r.share > tolerance) why.push(`share > ${(tolerance * 100).toFixed(3)}%`);
      if (r.unexplained > maxUnexplained) why.push(`${r.unexplained} unexplained px > ${maxUnexplained}`);
      if (why.length) {
        row.result = 'FAIL';
        row.note = why.join('; ');
      }
    }
    if (row.result === 'FAIL') {
      fs.mkdirSync(diffDir, { recursive: true });
      const out = path.join(diffDir, img.file);
      fs.writeFileSync(out, encodePng(diffPicture(a, b, r)));
      row.note += `; diff: ${out}`;
    }
  }
  const extra = newM.images.filter((i) => !baseM.images.some((b) => b.file === i.file) && (!only || only.test(i.file)));

  const cols = [['name', 'image'], ['size', 'size'], ['differing', 'differing px'], ['share', 'share'], ['unexplained', 'unexplained px'], ['result', 'result']];
  const widths = cols.map(([k, title]) => Math.max(title.length, ...rows.map((r) => String(r[k]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ').trimEnd();
  console.log(line(cols.map(([, t]) => t)));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(cols.map(([k]) => r[k])) + (r.note ? `  ${r.note}` : ''));
  const count = (res) => rows.filter((r) => r.result === res).length;
  console.log('');
  console.log(`compared ${rows.length} images of ${baseDir} with ${newDir}: ${count('PASS')} PASS, ${count('FAIL')} FAIL, ${count('MISSING')} MISSING` +
    ` (tolerance ${(tolerance * 100).toFixed(3)}% differing px at channel threshold ${threshold}, at most ${maxUnexplained} unexplained px)`);
  if (extra.length) console.log(`${extra.length} images only in the new capture (not compared): ${extra.map((i) => i.file).join(', ')}`);
  const bad = rows.filter((r) => r.result !== 'PASS');
  if (bad.length) {
    const byKind = {};
    for (const r of bad) {
      const kind = baseM.images.find((i) => i.file === r.name)?.kind || '?';
      byKind[kind] = (byKind[kind] || 0) + 1;
    }
    console.log(`not the same drawing: ${Object.entries(byKind).map(([k, n]) => `${n} ${k}`).join(', ')}`);
  }
  return bad.length ? 1 : 0;
}

// ---- main -------------------------------------------------------------------------------------

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [cmd, ...rest] = process.argv.slice(2);
  const run = cmd === 'capture' ? capture : cmd === 'compare' ? compare : null;
  try {
    if (!run) throw new UsageError(cmd ? `unknown command ${JSON.stringify(cmd)}` : 'no command given');
    process.exitCode = await run(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`drawings.mjs: ${e.message}\n${USAGE}`);
      process.exitCode = 2;
    } else {
      console.error(`drawings.mjs: ${e.stack || e.message}`);
      process.exitCode = 1;
    }
  }
}
