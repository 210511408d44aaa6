// Size report and budget check for the built site.
//
//   node e2e/size.mjs [--dist dist] [--budget-gzip BYTES] [--budget-page-initial-gzip BYTES]
//                     [--budget-embed-gzip BYTES] [--one-language] [--json out.json]
//
// Walks dist/ (relative to the repository root unless given), prints each file's raw size and its
// gzip size (zlib level 9, what a static host would transfer), then what one reader transfers:
// the page (index.html and every file it loads: scripts, wasm, stylesheets) and one embed page
// (embed/allocation/index.html and what it loads). Other pages and the social-card images are
// listed but not counted: no reader of the page downloads them. With --budget-gzip, exits 1 when
// the page's gzip total (once it starts) is over the budget; with --budget-page-initial-gzip and
// --budget-embed-gzip, when what the page or the embed transfers before the reader reaches for
// it is.
//
// Each language's pages load their own WebAssembly, holding that language's strings only. The
// report counts, in the wasm each page names (the English and Japanese pages and embeds), the
// strings of each language's i18n table and framings (the literal runs of 8 bytes or more that
// the other language's texts never contain); with --one-language it exits 1 when a page's wasm
// holds any of the other language's, or none of its own.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');

function usage(code) {
  const text = 'usage: node e2e/size.mjs [--dist DIR] [--budget-gzip BYTES] [--budget-page-initial-gzip BYTES] [--budget-embed-gzip BYTES] [--one-language] [--json OUT.json]';
  (code ? console.error : console.log)(text);
  process.exit(code);
}

const opts = { dist: path.join(repo, 'dist'), budget: null, pageInitialBudget: null, embedBudget: null, oneLanguage: false, json: null };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  const next = () => (i + 1 < argv.length ? argv[++i] : usage(2));
  if (a === '--dist') opts.dist = path.resolve(next());
  else if (a === '--one-language') opts.oneLanguage = true;
  else if (a === '--budget-gzip') {
    const v = next();
    opts.budget = Number(v);
    if (!Number.isInteger(opts.budget) || opts.budget <= 0) {
      console.error(`--budget-gzip needs a positive whole number of bytes, got ${JSON.stringify(v)}`);
      process.exit(2);
    }
  } else if (a === '--budget-page-initial-gzip') {
    const v = next();
    opts.pageInitialBudget = Number(v);
    if (!Number.isInteger(opts.pageInitialBudget) || opts.pageInitialBudget <= 0) {
      console.error(`--budget-page-initial-gzip needs a positive whole number of bytes, got ${JSON.stringify(v)}`);
      process.exit(2);
    }
  } else if (a === '--budget-embed-gzip') {
    const v = next();
    opts.embedBudget = Number(v);
    if (!Number.isInteger(opts.embedBudget) || opts.embedBudget <= 0) {
      console.error(`--budget-embed-gzip needs a positive whole number of bytes, got ${JSON.stringify(v)}`);
      process.exit(2);
    }
  } else if (a === '--json') opts.json = path.resolve(next());
  else if (a === '-h' || a === '--help') usage(0);
  else {
    console.error(`unknown argument ${a}`);
    usage(2);
  }
}

if (!fs.existsSync(path.join(opts.dist, 'index.html'))) {
  console.error(`size: ${path.join(opts.dist, 'index.html')} is missing: run \`trunk build --release\` first`);
  process.exit(2);
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

const files = walk(opts.dist)
  .map((p) => {
    const raw = fs.readFileSync(p);
    const gz = zlib.gzipSync(raw, { level: 9 });
    return { file: path.relative(opts.dist, p).split(path.sep).join('/'), raw: raw.length, gzip: gz.length };
  })
  .sort((a, b) => b.gzip - a.gzip || a.file.localeCompare(b.file));

// What a reader of a page loads: the page itself and the site files its HTML names. An embed
// page's boot script marked data-start="intent" (and the full page's, data-start="reader") loads
// the script and wasm it names (data-js, data-wasm) only once the reader reaches for the chart
// (or, on the full page, a control nears the view or a fast connection is idle), so those are
// counted apart: `initial` is what a reader who only reads transfers (on a slow connection, for
// the page), `full` what a reader who uses the charts does.
function loadedBy(page) {
  const html = fs.readFileSync(path.join(opts.dist, page), 'utf8');
  const names = new Set([page]);
  for (const f of files) {
    const base = f.file.split('/').pop();
    if (f.file.includes('/') || f.file === page) continue;
    if (['./', '../', '../../', '../../../'].some((up) => html.includes(`"${up}${base}"`))) names.add(f.file);
  }
  const deferred = new Set();
  const boot = /<script[^>]*data-start="(?:intent|reader)"[^>]*>/.exec(html);
  if (boot) {
    for (const attr of ['data-js', 'data-wasm']) {
      const m = new RegExp(`${attr}="([^"]+)"`).exec(boot[0]);
      if (m) deferred.add(m[1].split('/').pop());
    }
  }
  const sum = (list) => list.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, files: t.files + 1 }), { raw: 0, gzip: 0, files: 0 });
  const picked = files.filter((f) => names.has(f.file));
  const full = sum(picked);
  const initial = sum(picked.filter((f) => !deferred.has(f.file)));
  return { ...full, initial, full };
}
const total = loadedBy('index.html');
const embedPage = fs.existsSync(path.join(opts.dist, 'embed/allocation/index.html')) ? loadedBy('embed/allocation/index.html') : null;
const jaPage = fs.existsSync(path.join(opts.dist, 'ja/index.html')) ? loadedBy('ja/index.html') : null;

// English texts the program also holds as data in every build, so the Japanese wasm has them too:
// the study estimates' labels (fund-core's yields.rs, kept in the data downloads), the charts'
// fallback drawing (fund-charts' svg.rs), a bucket role and an id. Not strings of the i18n table.
const HELD_AS_DATA = new Set([
  'Beltran et al. (2012), 5-year yield, short run',
  'Beltran et al. (2012), 5-year yield, long run',
  'Kansas City Fed (2025), average across studies',
  'Chart unavailable',
  'Treasuries',
  'assumption',
]);

// The strings that are one language's alone: the literal runs (placeholders cut out) of its i18n
// table's and the framings' texts, 8 bytes or longer (shorter ones, like " chart", are words any
// code may hold), that no text of the other language contains.
function languageRuns() {
  const core = path.join(repo, 'crates/fund-core');
  const strings = (v, out) => {
    if (typeof v === 'string') out.push(v);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
    return out;
  };
  const framingTexts = (v, lang, out) => {
    if (Array.isArray(v)) for (const x of v) framingTexts(x, lang, out);
    else if (v && typeof v === 'object') {
      if (typeof v.en === 'string' && typeof v.ja === 'string') out.push(v[lang]);
      else for (const x of Object.values(v)) framingTexts(x, lang, out);
    }
    return out;
  };
  const framings = JSON.parse(fs.readFileSync(path.join(core, 'data/framings.json'), 'utf8'));
  const texts = {};
  for (const lang of ['en', 'ja']) {
    const table = JSON.parse(fs.readFileSync(path.join(core, `i18n/${lang}.json`), 'utf8'));
    texts[lang] = [...strings(table, []), ...framingTexts(framings, lang, [])];
  }
  const runs = {};
  for (const [lang, other] of [['en', 'ja'], ['ja', 'en']]) {
    const others = texts[other].join('\u0000');
    const set = new Set();
    for (const t of texts[lang]) {
      t.split(/[{}]/).forEach((r, i) => {
        if (i % 2 === 0 && Buffer.byteLength(r) >= 8 && !others.includes(r) && !HELD_AS_DATA.has(r)) set.add(r);
      });
    }
    runs[lang] = [...set].map((r) => Buffer.from(r));
  }
  return runs;
}

// Which language's strings the wasm a page names holds: for each language, how many of its runs.
function wasmLanguages(page, runs) {
  const html = fs.readFileSync(path.join(opts.dist, page), 'utf8');
  const m = /<script[^>]*data-wasm="([^"]+)"[^>]*>/.exec(html);
  if (!m) return null;
  const file = path.join(opts.dist, path.dirname(page), m[1]);
  const bytes = fs.readFileSync(file);
  const held = {};
  for (const [lang, list] of Object.entries(runs)) held[lang] = list.filter((r) => bytes.includes(r)).map((r) => r.toString());
  return { page, lang: (/<html lang="([a-z]+)"/.exec(html) || [])[1], wasm: path.relative(opts.dist, file).split(path.sep).join('/'), held, total: Object.fromEntries(Object.entries(runs).map(([l, list]) => [l, list.length])) };
}
const runs = languageRuns();
const languages = ['index.html', 'ja/index.html', 'embed/allocation/index.html', 'ja/embed/allocation/index.html']
  .filter((p) => fs.existsSync(path.join(opts.dist, p)))
  .map((p) => wasmLanguages(p, runs))
  .filter(Boolean);
const kib = (n) => (n / 1024).toFixed(1) + ' KiB';
const nameW = Math.max(5, ...files.map((f) => f.file.length));
const row = (name, raw, gz) => `${name.padEnd(nameW)}  ${String(raw).padStart(10)}  ${String(gz).padStart(10)}`;

console.log(`size of ${path.relative(process.cwd(), opts.dist) || '.'}/`);
console.log(row('file', 'raw bytes', 'gzip bytes'));
console.log('-'.repeat(nameW + 24));
for (const f of files) console.log(row(f.file, f.raw, f.gzip));
console.log('-'.repeat(nameW + 24));
console.log(row('page total', total.raw, total.gzip));
console.log(`page: ${kib(total.raw)} raw, ${kib(total.gzip)} gzip (level 9), ${total.files} files once it starts; ${kib(total.initial.gzip)} gzip, ${total.initial.files} files until the reader reaches for it`);
if (embedPage) {
  const i = embedPage.initial;
  console.log(
    `embed page (allocation): ${kib(i.raw)} raw, ${kib(i.gzip)} gzip, ${i.files} files until the reader reaches for the chart; ` +
      `${kib(embedPage.full.raw)} raw, ${kib(embedPage.full.gzip)} gzip, ${embedPage.full.files} files once it starts`,
  );
}

if (jaPage) {
  console.log(`Japanese page: ${kib(jaPage.full.gzip)} gzip, ${jaPage.full.files} files once it starts; ${kib(jaPage.initial.gzip)} gzip until the reader reaches for it`);
}
const wasmRaw = (f) => files.find((x) => x.file === f) || { raw: 0, gzip: 0 };
for (const l of languages) {
  const counts = Object.keys(l.held).map((lang) => `${lang} ${l.held[lang].length}/${l.total[lang]}`).join(', ');
  console.log(`${l.page} (${l.lang}) loads ${l.wasm} (${wasmRaw(l.wasm).raw} raw, ${wasmRaw(l.wasm).gzip} gzip): language strings held: ${counts}`);
}

let ok = true;
if (opts.oneLanguage) {
  for (const l of languages) {
    const other = l.lang === 'ja' ? 'en' : 'ja';
    if (l.held[other].length > 0 || l.held[l.lang].length === 0) {
      ok = false;
      console.error(
        `one language per wasm FAILED: ${l.page} (${l.lang}) loads ${l.wasm}, which holds ${l.held[other].length} of the ${other} strings ` +
          `(${l.held[other].slice(0, 3).map((s) => JSON.stringify(s)).join(', ')}) and ${l.held[l.lang].length} of its own.`,
      );
    }
  }
  if (ok) console.log(`one language per wasm OK: ${languages.length} pages, each wasm without the other language's strings`);
}
if (opts.embedBudget !== null && embedPage) {
  // The embed's budget is for what it transfers before the reader reaches for it.
  const e = embedPage.initial.gzip;
  if (e <= opts.embedBudget) {
    console.log(`embed budget OK: ${e} gzip bytes of ${opts.embedBudget} (${((e / opts.embedBudget) * 100).toFixed(1)}%)`);
  } else {
    ok = false;
    console.error(`embed budget EXCEEDED: the allocation embed transfers ${e} gzip bytes (${kib(e)}) before use, over ${opts.embedBudget} bytes by ${e - opts.embedBudget}.`);
  }
}
if (opts.pageInitialBudget !== null) {
  const e = total.initial.gzip;
  if (e <= opts.pageInitialBudget) {
    console.log(`page-before-use budget OK: ${e} gzip bytes of ${opts.pageInitialBudget} (${((e / opts.pageInitialBudget) * 100).toFixed(1)}%)`);
  } else {
    ok = false;
    console.error(`page-before-use budget EXCEEDED: the page transfers ${e} gzip bytes (${kib(e)}) before the reader reaches for it, over ${opts.pageInitialBudget} bytes by ${e - opts.pageInitialBudget}.`);
  }
}
if (opts.budget !== null) {
  const pageOk = total.gzip <= opts.budget;
  ok = ok && pageOk;
  const pct = ((total.gzip / opts.budget) * 100).toFixed(1);
  if (pageOk) {
    console.log(`size budget OK: ${total.gzip} gzip bytes of ${opts.budget} (${pct}%)`);
  } else {
    console.error(
      `size budget EXCEEDED: the page transfers ${total.gzip} gzip bytes (${kib(total.gzip)}), ` +
        `over the budget of ${opts.budget} bytes (${kib(opts.budget)}) by ${total.gzip - opts.budget} bytes (${pct}%). ` +
        `Largest: ${files.slice(0, 3).map((f) => `${f.file} ${kib(f.gzip)}`).join(', ')}.`,
    );
  }
}

if (opts.json) {
  const report = { dist: opts.dist, files, total, embed: embedPage, ja: jaPage, languages, budgetGzip: opts.budget, pageInitialBudgetGzip: opts.pageInitialBudget, embedBudgetGzip: opts.embedBudget, withinBudget: opts.budget === null && opts.embedBudget === null && opts.pageInitialBudget === null ? null : ok };
  fs.mkdirSync(path.dirname(opts.json), { recursive: true });
  fs.writeFileSync(opts.json, JSON.stringify(report, null, 2) + '\n');
  console.log(`wrote ${opts.json}`);
}

process.exit(ok ? 0 : 1);
