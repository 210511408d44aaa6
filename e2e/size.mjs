// Size report and budget check for the built site.
//
//   node e2e/size.mjs [--dist dist] [--budget-gzip BYTES] [--budget-page-initial-gzip BYTES]
//                     [--budget-embed-gzip BYTES] [--json out.json]
//
// Walks dist/ (relative to the repository root unless given), prints each file's raw size and its
// gzip size (zlib level 9, what a static host would transfer), then what one reader transfers:
// the page (index.html and every file it loads: scripts, wasm, stylesheets) and one embed page
// (embed/allocation/index.html and what it loads). Other pages and the social-card images are
// listed but not counted: no reader of the page downloads them. With --budget-gzip, exits 1 when
// the page's gzip total (once it starts) is over the budget; with --budget-page-initial-gzip and
// --budget-embed-gzip, when what the page or the embed transfers before the reader reaches for
// it is.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');

function usage(code) {
  const text = 'usage: node e2e/size.mjs [--dist DIR] [--budget-gzip BYTES] [--budget-page-initial-gzip BYTES] [--budget-embed-gzip BYTES] [--json OUT.json]';
  (code ? console.error : console.log)(text);
  process.exit(code);
}

const opts = { dist: path.join(repo, 'dist'), budget: null, pageInitialBudget: null, embedBudget: null, json: null };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  const next = () => (i + 1 < argv.length ? argv[++i] : usage(2));
  if (a === '--dist') opts.dist = path.resolve(next());
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
    if (html.includes(`"./${base}"`) || html.includes(`"../../${base}"`) || html.includes(`"../../../${base}"`)) names.add(f.file);
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

let ok = true;
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
  const report = { dist: opts.dist, files, total, embed: embedPage, budgetGzip: opts.budget, pageInitialBudgetGzip: opts.pageInitialBudget, embedBudgetGzip: opts.embedBudget, withinBudget: opts.budget === null && opts.embedBudget === null && opts.pageInitialBudget === null ? null : ok };
  fs.mkdirSync(path.dirname(opts.json), { recursive: true });
  fs.writeFileSync(opts.json, JSON.stringify(report, null, 2) + '\n');
  console.log(`wrote ${opts.json}`);
}

process.exit(ok ? 0 : 1);
