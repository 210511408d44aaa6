// The hosting kit and what the site gives the places that publish and find it (issue 21):
// `_headers` covers every file with one rule (the test server applies it, as a host would),
// `404.html` in both languages, oEmbed discovery and answers in the form WordPress keeps, the
// Markdown page of each chart, structured data that validates, and a sitemap whose hreflang
// alternates are reciprocal. dist/ is built without a public origin (so it works at any path);
// oEmbed, the sitemap and absolute URLs are checked on a copy written again for an origin.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, parseHeaders, headersFor } from '../server.mjs';
import { DIST, TEST_TIMEOUT, launchBrowser, serveDist } from './helpers.mjs';
import { publish, publishDir } from '../published.mjs';
import { discover, fetchOembed, filterOembedResult, kses, ALLOWED } from '../wordpress.mjs';
import { validate, jsonLdBlocks } from '../jsonld.mjs';

const MOUNT = '/graphics/japan-fund/';
const CHARTS = fs.readdirSync(path.join(DIST, 'embed')).filter((d) => fs.existsSync(path.join(DIST, 'embed', d, 'index.html')));
const LANGS = ['en', 'ja'];
const dirOf = (lang) => (lang === 'ja' ? 'ja/' : '');

let browser;
let site; // dist/, as built
let pub; // the published copy, with its origin
let pubDir;

before(
  async () => {
    site = await serveDist({ mountPath: MOUNT });
    pubDir = publishDir();
    pub = await startServer({ root: pubDir, mountPath: MOUNT });
    publish(pubDir, pub.url);
    browser = await launchBrowser();
  },
  { timeout: 300_000 },
);

after(async () => {
  await browser?.close();
  await site?.close();
  await pub?.close();
  if (pubDir) fs.rmSync(pubDir, { recursive: true, force: true });
});

function walk(dir, rel = '') {
  const out = [];
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...walk(dir, r));
    else out.push(r);
  }
  return out;
}

const HASHED = /-[0-9a-f]{16}(_bg)?\.[a-z]+$/;

test('_headers: every file gets each header from one rule; pages get the CSP, embed pages may be framed, assets allow CORS, hashed files are immutable', { timeout: TEST_TIMEOUT }, async () => {
  const text = fs.readFileSync(path.join(DIST, '_headers'), 'utf8');
  const rules = parseHeaders(text);
  assert.ok(rules.length > 5 && rules.length <= 100, `${rules.length} rules (Cloudflare takes at most 100)`);
  for (const line of text.split('\n')) assert.ok(line.length <= 2000, 'lines of at most 2000 characters');
  const files = walk(DIST).filter((f) => f !== '_headers');
  for (const f of files) {
    const p = '/' + f;
    const urlPath = f.endsWith('index.html') ? '/' + f.slice(0, -'index.html'.length) : p;
    for (const q of new Set([p, urlPath])) {
      const matching = rules.filter((r) => headersFor([r], [q]) && Object.keys(headersFor([r], [q])).length);
      const names = matching.flatMap((r) => r.headers.map(([k]) => k.toLowerCase()));
      assert.equal(new Set(names).size, names.length, `${q}: a header set by two rules (${matching.map((r) => r.path).join(', ')})`);
      const h = Object.fromEntries(Object.entries(headersFor(rules, [q])).map(([k, v]) => [k.toLowerCase(), v]));
      assert.ok(h['cache-control'], `${q} has a Cache-Control`);
      if (HASHED.test(f)) assert.match(h['cache-control'], /immutable/, q);
      else assert.match(h['cache-control'], /must-revalidate/, q);
      if (f.endsWith('.html')) {
        assert.ok(h['content-security-policy']?.includes("script-src 'self' 'wasm-unsafe-eval'"), `${q}: CSP`);
        const embed = /(^|\/)embed\//.test(f);
        assert.ok(h['content-security-policy'].endsWith(embed ? 'frame-ancestors *' : "frame-ancestors 'self'"), `${q}: ${h['content-security-policy']}`);
      }
      if (/\.(js|wasm|css|png|json|csv|md)$/.test(f)) assert.equal(h['access-control-allow-origin'], '*', `${q}: CORS`);
    }
  }
  // The test server sends them.
  const embed = await fetch(`${site.url}embed/waffle/`);
  assert.match(embed.headers.get('content-security-policy'), /frame-ancestors \*$/);
  const page = await fetch(site.url);
  assert.match(page.headers.get('content-security-policy'), /frame-ancestors 'self'$/);
  const wasm = files.find((f) => f.endsWith('.wasm'));
  const w = await fetch(site.url + wasm);
  assert.equal(w.headers.get('access-control-allow-origin'), '*');
  assert.match(w.headers.get('cache-control'), /immutable/);
  assert.equal((await fetch(site.url + '_headers')).status, 404, '_headers is not served');
});

test('404.html in both languages: a missing address gets the nearest one, with status 404', { timeout: TEST_TIMEOUT }, async () => {
  for (const [p, lang] of [['no-such-page/', 'en'], ['embed/no-such-chart/', 'en'], ['ja/no-such-page/', 'ja']]) {
    const res = await fetch(site.url + p);
    assert.equal(res.status, 404, p);
    const html = await res.text();
    assert.match(html, /data-testid="not-found"/, p);
    assert.match(html, new RegExp(`<html lang="${lang}"`), p);
    assert.doesNotMatch(html, /<script|style=/, `${p}: no script, no inline style`);
  }
});

test('oEmbed: each embed page in both languages names its answer early in its head; the answer is complete, absolute and what WordPress keeps', { timeout: 120_000 }, async () => {
  for (const lang of LANGS) {
    for (const chart of CHARTS) {
      const pageUrl = `${pub.url}${dirOf(lang)}embed/${chart}/`;
      const found = await discover(pageUrl);
      assert.ok(found, `${pageUrl}: a discovery link`);
      assert.ok(found.at < 1024, `${pageUrl}: the discovery link is early in the head (at ${found.at})`);
      assert.equal(found.href, `${pageUrl}oembed.json`);
      const data = await fetchOembed(found.href, pageUrl);
      assert.equal(data.version, '1.0');
      assert.equal(data.type, 'rich');
      for (const k of ['title', 'provider_name', 'provider_url', 'html']) assert.ok(typeof data[k] === 'string' && data[k].length > 0, `${chart} ${lang}: ${k}`);
      assert.equal(data.provider_url, `${pub.url}${dirOf(lang)}`);
      for (const k of ['width', 'height', 'thumbnail_width', 'thumbnail_height', 'cache_age']) assert.ok(Number.isInteger(data[k]) && data[k] > 0, `${chart} ${lang}: ${k}`);
      assert.equal(data.thumbnail_url, `${pub.url}og/${lang}/${chart}.png`);
      const png = Buffer.from(await (await fetch(data.thumbnail_url)).arrayBuffer());
      assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [data.thumbnail_width, data.thumbnail_height], 'the thumbnail is the card');
      // Exactly the blockquote and the one iframe WordPress keeps, nothing it would drop.
      assert.equal(kses(data.html, ALLOWED), data.html, 'WordPress drops nothing');
      const m = /^<blockquote><a href="([^"]+)">[^<]+<\/a><\/blockquote><iframe src="([^"]+)" width="100%" height="(\d+)" frameborder="0" marginwidth="0" marginheight="0" scrolling="no" title="[^"<]+"><\/iframe>$/.exec(data.html);
      assert.ok(m, `${chart} ${lang}: html ${data.html}`);
      assert.equal(m[1], pageUrl);
      assert.equal(m[2], pageUrl);
      assert.equal(Number(m[3]), data.height);
      const filtered = filterOembedResult(data, 'abcdefghij');
      assert.match(filtered, /<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted" style="[^"]+" src="[^"]+#\?secret=abcdefghij" data-secret="abcdefghij" width="100%"/);
    }
  }
  // dist/, built without an origin, has them too (relative: for a host at the same address).
  assert.ok(fs.existsSync(path.join(DIST, 'ja', 'embed', 'waffle', 'oembed.json')));
});

test('Markdown: each embed page links its Markdown version, which has the title, the banner, the values, sources, data, the link grammar and a citation', { timeout: TEST_TIMEOUT }, async () => {
  for (const lang of LANGS) {
    for (const chart of CHARTS) {
      const pageUrl = `${site.url}${dirOf(lang)}embed/${chart}/`;
      const html = await (await fetch(pageUrl)).text();
      const link = /<link rel="alternate" type="text\/markdown" href="([^"]+)"/.exec(html.slice(0, html.indexOf('</head>')));
      assert.ok(link, `${pageUrl}: a text/markdown alternate`);
      const mdUrl = new URL(link[1], pageUrl).href;
      const res = await fetch(mdUrl);
      assert.equal(res.status, 200, mdUrl);
      assert.match(res.headers.get('content-type'), /^text\/markdown/);
      const md = await res.text();
      const lines = md.split('\n');
      assert.match(lines[0], /^# \S/, 'a title');
      assert.ok(lines.filter((l) => l.startsWith('> ') && l.length > 10).length >= 2, 'the banner and the as-of line, quoted');
      assert.ok(lines.filter((l) => l.startsWith('## ')).length >= 4, 'sections');
      const sep = lines.findIndex((l) => /^\|( --- \|)+$/.test(l));
      assert.ok(sep > 0 && lines[sep - 1].startsWith('| ') && lines[sep + 1]?.startsWith('| '), `${chart}: a values table`);
      const cols = lines[sep].split('---').length - 1;
      for (let i = sep - 1; lines[i]?.startsWith('| '); i++) if (i !== sep) assert.equal(lines[i].replace(/\\\|/g, '').split(' | ').length, cols, `row ${i}`);
      for (const p of ['a.treasuries', 'framing', 'controls', 'theme', 'lang']) assert.ok(md.includes(`\`${p}\``), `${chart}: the link grammar names ${p}`);
      // Its addresses work: the downloads and the permalink.
      const urls = [...md.matchAll(/<((?:https?:\/\/|\.\.?\/)[^>\s]*)>/g)].map((m) => new URL(m[1], mdUrl));
      const local = urls.filter((u) => u.origin === new URL(site.url).origin);
      assert.ok(local.some((u) => u.pathname.endsWith('.csv')) && local.some((u) => u.pathname.endsWith('.json')), 'the CSV and JSON downloads');
      for (const u of local) assert.equal((await fetch(u)).status, 200, u.href);
      assert.ok(local.some((u) => u.pathname === `${MOUNT}${dirOf(lang)}embed/${chart}/` && u.search.includes('lang=')), 'the permalink');
    }
  }
});

test('structured data: every page carries JSON-LD that validates; the explainer is a NewsArticle with a Dataset, each embed a Dataset; downloads resolve', { timeout: 120_000 }, async () => {
  for (const [server, root] of [[site, DIST], [pub, pubDir]]) {
    const pages = walk(root).filter((f) => f.endsWith('index.html'));
    assert.equal(pages.length, 2 * (CHARTS.length + 1));
    for (const f of pages) {
      const pageUrl = server.url + f.slice(0, -'index.html'.length);
      const html = fs.readFileSync(path.join(root, f), 'utf8');
      const blocks = jsonLdBlocks(html);
      assert.equal(blocks.length, 1, `${f}: one JSON-LD block`);
      assert.ok(html.indexOf('application/ld+json') < html.indexOf('</head>'), 'in the head');
      assert.doesNotMatch(blocks[0], /</, `${f}: no raw < inside the script element`);
      const doc = JSON.parse(blocks[0]);
      const { problems, types } = validate(doc, pageUrl);
      assert.deepEqual(problems, [], `${f}:\n  ${problems.join('\n  ')}`);
      const embed = f.includes('embed/');
      assert.deepEqual([...new Set(types)].sort(), embed ? ['DataDownload', 'Dataset'] : ['DataDownload', 'Dataset', 'NewsArticle']);
      const nodes = doc['@graph'] ?? [doc];
      const article = embed ? { url: nodes[0].isPartOf['@id'] } : nodes.find((n) => n['@type'] === 'NewsArticle');
      assert.equal(new URL(article.url, pageUrl).pathname, MOUNT + (f.startsWith('ja/') ? 'ja/' : ''));
      if (!embed) {
        assert.equal(new URL(article.image[0], pageUrl).pathname, `${MOUNT}og/${f.startsWith('ja/') ? 'ja' : 'en'}/explainer.png`);
        assert.match(article.dateModified, /^\d{4}-\d{2}-\d{2}$/);
      }
      if (server === pub) assert.ok(blocks[0].includes(`"${pub.url}`), `${f}: absolute URLs with an origin`);
      const dataset = nodes.find((n) => n['@type'] === 'Dataset');
      const formats = new Set(dataset.distribution.map((d) => d.encodingFormat));
      assert.deepEqual([...formats].sort(), ['application/json', 'text/csv']);
      for (const d of embed ? dataset.distribution : dataset.distribution.slice(0, 4)) {
        const res = await fetch(new URL(d.contentUrl, pageUrl));
        assert.equal(res.status, 200, d.contentUrl);
      }
    }
  }
});

test('the validator catches what it should', () => {
  const bad = {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    name: 'x',
    description: 'too short',
    distribution: [{ '@type': 'DataDownload', encodingFormat: 'text/csv' }],
    colour: 'red',
  };
  const { problems } = validate(bad, 'https://example.org/');
  assert.ok(problems.some((p) => /missing license/.test(p)));
  assert.ok(problems.some((p) => /missing contentUrl/.test(p)));
  assert.ok(problems.some((p) => /colour is not a property/.test(p)));
  assert.ok(problems.some((p) => /description is 9 characters/.test(p)));
  assert.ok(validate({ '@context': 'https://schema.org', '@type': 'Thing' }, 'https://example.org/').problems.length > 0);
});

test('sitemap.xml parses; each entry lists itself, the other language and x-default, reciprocally; robots.txt names it', { timeout: TEST_TIMEOUT }, async () => {
  // Without an origin there is no sitemap (its URLs must be absolute).
  assert.equal(fs.existsSync(path.join(DIST, 'sitemap.xml')), false);
  assert.doesNotMatch(fs.readFileSync(path.join(DIST, 'robots.txt'), 'utf8'), /Sitemap:/);
  const robots = await (await fetch(`${pub.url}robots.txt`)).text();
  assert.match(robots, new RegExp(`^Sitemap: ${pub.url}sitemap.xml$`, 'm'));
  const xml = await (await fetch(`${pub.url}sitemap.xml`)).text();
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      if (doc.querySelector('parsererror')) return { error: doc.querySelector('parsererror').textContent };
      const SM = 'http://www.sitemaps.org/schemas/sitemap/0.9';
      const X = 'http://www.w3.org/1999/xhtml';
      return {
        root: doc.documentElement.namespaceURI + ' ' + doc.documentElement.localName,
        urls: [...doc.getElementsByTagNameNS(SM, 'url')].map((u) => ({
          loc: u.getElementsByTagNameNS(SM, 'loc')[0]?.textContent,
          alternates: [...u.getElementsByTagNameNS(X, 'link')].map((l) => [l.getAttribute('rel'), l.getAttribute('hreflang'), l.getAttribute('href')]),
        })),
      };
    }, xml);
    assert.equal(parsed.error, undefined, parsed.error);
    assert.equal(parsed.root, 'http://www.sitemaps.org/schemas/sitemap/0.9 urlset');
    assert.equal(parsed.urls.length, 2 * (CHARTS.length + 1));
    const byLoc = new Map(parsed.urls.map((u) => [u.loc, u]));
    assert.equal(byLoc.size, parsed.urls.length, 'no URL twice');
    for (const u of parsed.urls) {
      assert.ok(u.loc.startsWith(pub.url), `${u.loc} is absolute`);
      const alt = Object.fromEntries(u.alternates.map(([rel, lang, href]) => {
        assert.equal(rel, 'alternate');
        return [lang, href];
      }));
      assert.deepEqual(Object.keys(alt).sort(), ['en', 'ja', 'x-default'], u.loc);
      assert.ok(Object.values(alt).includes(u.loc), `${u.loc} lists itself`);
      for (const lang of ['en', 'ja']) {
        const other = byLoc.get(alt[lang]);
        assert.ok(other, `${u.loc}: its ${lang} alternate ${alt[lang]} is in the sitemap`);
        assert.deepEqual(other.alternates, u.alternates, `${u.loc} and ${other.loc} name the same alternates (reciprocal)`);
      }
      assert.equal(alt['x-default'], alt.en);
      assert.equal((await fetch(u.loc)).status, 200, u.loc);
    }
  } finally {
    await context.close();
  }
});
