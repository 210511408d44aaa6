// Both languages: every page says its language and links its counterpart (hreflang en, ja and
// x-default; the language switch); the Japanese page is taken over by the client and shows the
// reader's numbers in Japanese formatting (億ドル, 兆円); the language switch and `?lang=` carry
// the reader's state across; the Japanese pages' reader-facing text has no English left in it
// (besides sources' own titles, names and acronyms); and with scripts off `/ja/` is Japanese,
// readable and drawn.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST, DESKTOP, PHONE, TEST_TIMEOUT, openPage, assertNoErrors, until, changed, becomes, sel, chartSvg, liveText, inputValue, showChart, waitForTakeover, pointerNudge, onDist } from './helpers.mjs';

const SLUGS = fs.readdirSync(path.join(DIST, 'embed')).sort();
/** Every page, as a path from the site's root, with its language and its counterpart. */
const PAGES = [
  { path: '', lang: 'en', other: 'ja/' },
  { path: 'ja/', lang: 'ja', other: '' },
  ...SLUGS.flatMap((s) => [
    { path: `embed/${s}/`, lang: 'en', other: `ja/embed/${s}/` },
    { path: `ja/embed/${s}/`, lang: 'ja', other: `embed/${s}/` },
  ]),
];

const CJK = /[\u3040-\u30ff\u3400-\u9fff]/g;

/**
 * Latin-script words that may appear in Japanese text: acronyms and names Japanese media write in
 * Latin letters, file formats, technical names, and the language menu's "English".
 */
const ALLOWED_WORDS = [
  'JBIC', 'NEXI', 'MOU', 'MBS', 'ETF', 'ETFs', 'US', 'U.S.', 'bp', 'GPIF', 'FRB', 'FT', 'AI', 'SMR', 'TIC', 'GDP', 'IEEPA',
  'IFDP', 'NHK', 'CNBC', 'CRS', 'AFP', 'AP', 'NDTV', 'TRT', 'S&P', 'GuruFocus', 'Forincs', 'News.az', 'nippon.com',
  'CSV', 'SVG', 'PNG', 'JSON', 'AMP', 'HTML', 'pym.js', 'iframe', 'amp-iframe', 'JavaScript', 'WebAssembly', 'px', 'English',
  'P', 'S', 'X', 'B', 'Z.1',
];
/** Latin-script phrases that may appear: a study cited by its authors, a news site's name. */
const ALLOWED_PHRASES = ['[A-Z][a-z]+ et al\\.', 'TBS NEWS DIG'];

let browser;
let server;
onDist((b, s) => {
  [browser, server] = [b, s];
});

/** The attributes of every `<tag …>` in `html` (a small parser for the build's own markup). */
function tags(html, tag) {
  return [...html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'gi'))].map((m) =>
    Object.fromEntries([...m[1].matchAll(/([\w:-]+)(?:="([^"]*)")?/g)].map((a) => [a[1].toLowerCase(), a[2] ?? ''])),
  );
}

// ---- Every page names its language and its counterpart ----------------------------------------

test('every page: <html lang>, hreflang en/ja/x-default, canonical, og:locale and the language switch point at the right pages', { timeout: TEST_TIMEOUT }, async () => {
  assert.ok(SLUGS.length >= 8, `embed pages: ${SLUGS.join(' ')}`);
  const abs = (p) => new URL(p, server.url).href;
  for (const p of PAGES) {
    const url = abs(p.path);
    const res = await fetch(url);
    assert.equal(res.status, 200, `${url}`);
    const html = await res.text();
    const where = `/${p.path}`;
    assert.equal(tags(html, 'html')[0]?.lang, p.lang, `${where}: <html lang>`);
    const links = tags(html, 'link');
    const alternates = links.filter((l) => l.rel === 'alternate' && l.hreflang);
    const href = (lang) => {
      const found = alternates.filter((l) => l.hreflang === lang);
      assert.equal(found.length, 1, `${where}: one <link rel=alternate hreflang=${lang}> (found ${found.length})`);
      return new URL(found[0].href, url).href;
    };
    const en = p.lang === 'en' ? p.path : p.other;
    const ja = p.lang === 'ja' ? p.path : p.other;
    assert.equal(href('en'), abs(en), `${where}: hreflang=en`);
    assert.equal(href('ja'), abs(ja), `${where}: hreflang=ja`);
    assert.equal(href('x-default'), abs(en), `${where}: hreflang=x-default is the English page`);
    assert.equal(alternates.length, 3, `${where}: exactly three alternates`);
    const canonical = links.filter((l) => l.rel === 'canonical');
    assert.equal(canonical.length, 1, `${where}: one canonical link`);
    assert.equal(new URL(canonical[0].href, url).href, url, `${where}: canonical is the page itself`);
    const metas = tags(html, 'meta');
    assert.equal(metas.find((m) => m.property === 'og:locale')?.content, p.lang === 'ja' ? 'ja_JP' : 'en_US', `${where}: og:locale`);
    assert.equal(metas.find((m) => m.property === 'og:locale:alternate')?.content, p.lang === 'ja' ? 'en_US' : 'ja_JP', `${where}: og:locale:alternate`);
    const switches = tags(html, 'a').filter((a) => a['data-testid'] === 'lang-switch');
    assert.equal(switches.length, 1, `${where}: one lang-switch link`);
    const other = p.lang === 'en' ? 'ja' : 'en';
    assert.equal(new URL(switches[0].href, url).href, abs(p.other), `${where}: lang-switch goes to the counterpart`);
    assert.equal(switches[0].hreflang, other, `${where}: lang-switch hreflang`);
    assert.equal(switches[0].lang, other, `${where}: lang-switch is marked as ${other}`);
  }
});

// ---- The Japanese page, taken over --------------------------------------------------------------

test('/ja/: the client takes it over; a slider changes the chart and the live numbers, in Japanese formatting', { timeout: TEST_TIMEOUT }, async () => {
  const t = await openPage(browser, `${server.url}ja/`, { viewport: DESKTOP, wait: false });
  const { page } = t;
  try {
    await waitForTakeover(page, { t, nudge: pointerNudge(page) });
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
    const amount = await liveText(page, 'treasuries_amount');
    assert.ok(amount, 'a live Treasuries amount');
    assert.match(amount, /\d+億ドル/, `the live amount is in 億ドル (got ${amount})`);
    const yen = await liveText(page, 'treasuries_yen');
    if (yen !== null) assert.match(yen, /兆円/, `the yen amount is in 兆円 (got ${yen})`);
    const total = await liveText(page, 'total');
    if (total !== null) assert.match(total, /5500億ドル/, `the total (got ${total})`);

    await showChart(page, 'allocation');
    const svg = await chartSvg(page, 'allocation');
    const valuetext = await page.locator(sel('slider-treasuries')).getAttribute('aria-valuetext');
    await page.locator(sel('slider-treasuries')).focus();
    await page.keyboard.press('ArrowRight');
    await becomes(() => inputValue(page, 'slider-treasuries'), '75.5', 'slider-treasuries after ArrowRight');
    await changed(() => chartSvg(page, 'allocation'), svg, 'the allocation chart after the slider');
    const now = await changed(() => liveText(page, 'treasuries_amount'), amount, 'the live Treasuries amount after the slider');
    assert.match(now, /\d+億ドル/, `still 億ドル (got ${now})`);
    // 75.5% of $550 billion is $415.25 billion: 4152億ドル or 4153億ドル, depending on rounding.
    assert.match(now, /415[23]億ドル/, `the amount for 75.5% (got ${now})`);
    const vt = await changed(() => page.locator(sel('slider-treasuries')).getAttribute('aria-valuetext'), valuetext, 'the slider aria-valuetext');
    assert.match(vt, CJK, `aria-valuetext is Japanese (got ${vt})`);
    assert.match(vt, /億ドル/, `aria-valuetext has the amount (got ${vt})`);
    const labels = await page.locator(`${sel('chart-allocation')} svg text`).allTextContents();
    assert.ok(labels.some((l) => /億ドル|兆円/.test(l)), `the chart's labels carry Japanese amounts (${labels.slice(0, 6).join(' | ')})`);

    // A refused value is explained in Japanese.
    await page.locator(sel('input-treasuries')).fill('abc');
    await page.keyboard.press('Enter');
    const msg = await until(async () => ((await page.locator(sel('error-treasuries')).textContent()) || '').trim(), { message: 'a message in error-treasuries' });
    assert.match(msg, CJK, `the refusal is in Japanese (got ${msg})`);
    await assertNoErrors(t);
  } finally {
    await t.context.close();
  }
});

// ---- Switching language keeps the reader's state -----------------------------------------------

test('lang-switch: / → /ja/ → / keeps the reader’s numbers and theme', { timeout: TEST_TIMEOUT }, async () => {
  const t = await openPage(browser, server.url, { viewport: DESKTOP, wait: false });
  const { page } = t;
  try {
    await waitForTakeover(page, { t, nudge: pointerNudge(page) });
    await showChart(page, 'allocation');
    await page.locator(sel('slider-treasuries')).focus();
    await page.keyboard.press('ArrowRight');
    await page.locator(sel('theme-dark')).click();
    await until(() => page.url().includes('a.treasuries=75.5') && page.url().includes('theme=dark'), { message: 'the URL to carry a.treasuries=75.5 and theme=dark' });
    // The switch carries the same state (and lang=ja).
    await until(
      async () => {
        const href = await page.locator(sel('lang-switch')).getAttribute('href');
        return /a\.treasuries=75\.5/.test(href) && /theme=dark/.test(href) ? href : false;
      },
      { message: 'lang-switch href to carry the state' },
    );
    await Promise.all([page.waitForURL(/\/ja\/\?/), page.locator(sel('lang-switch')).click()]);
    assert.equal(new URL(page.url()).pathname, '/ja/', `landed on /ja/ (${page.url()})`);
    await waitForTakeover(page, { t, nudge: pointerNudge(page) });
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
    assert.equal(await inputValue(page, 'slider-treasuries'), '75.5', 'the Treasuries share came along');
    assert.equal(Number(await inputValue(page, 'input-treasuries')), 75.5);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark', 'the theme came along');
    assert.match(await liveText(page, 'treasuries_amount'), /415[23]億ドル/, 'the Japanese page shows the carried amount');

    // And back.
    await until(async () => /a\.treasuries=75\.5/.test((await page.locator(sel('lang-switch')).getAttribute('href')) || ''), { message: 'the switch back carries the state' });
    await Promise.all([page.waitForURL((u) => new URL(u).pathname === '/'), page.locator(sel('lang-switch')).click()]);
    await waitForTakeover(page, { t, nudge: pointerNudge(page) });
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.equal(await inputValue(page, 'slider-treasuries'), '75.5', 'the Treasuries share came back');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    assert.match(await liveText(page, 'treasuries_amount'), /\$415\.[23] billion/, 'the English page shows the amount');
    await assertNoErrors(t);
  } finally {
    await t.context.close();
  }
});

test('?lang= sends the reader to that language’s page with the rest of the link; other values stay', { timeout: TEST_TIMEOUT }, async () => {
  const cases = [
    { from: '?lang=ja&a.treasuries=60', path: '/ja/', lang: 'ja', check: async (page) => assert.equal(await inputValue(page, 'slider-treasuries'), '60') },
    { from: 'ja/?lang=en&a.direct=2', path: '/', lang: 'en', check: async (page) => assert.equal(Number(await inputValue(page, 'input-direct')), 2) },
    {
      from: 'embed/allocation/?lang=ja&controls=none',
      path: '/ja/embed/allocation/',
      lang: 'ja',
      check: async (page) => assert.equal(await page.evaluate(() => document.documentElement.dataset.controls), 'none'),
    },
    { from: 'ja/embed/waffle/?lang=en', path: '/embed/waffle/', lang: 'en' },
    { from: '?lang=en', path: '/', lang: 'en' },
    { from: 'ja/?lang=ja', path: '/ja/', lang: 'ja' },
  ];
  for (const c of cases) {
    const t = await openPage(browser, `${server.url}${c.from}`, { viewport: DESKTOP, wait: false });
    try {
      await until(() => new URL(t.page.url()).pathname === c.path, { message: `/${c.from} to land on ${c.path} (at ${t.page.url()})` });
      await waitForTakeover(t.page, { t, nudge: pointerNudge(t.page) });
      assert.equal(new URL(t.page.url()).pathname, c.path, `/${c.from} stays on ${c.path}`);
      assert.equal(await t.page.evaluate(() => document.documentElement.lang), c.lang, `/${c.from}: <html lang>`);
      if (c.check) await c.check(t.page);
      await assertNoErrors(t);
    } finally {
      await t.context.close();
    }
  }
  // An unknown language is refused by name, and the page stays.
  const t = await openPage(browser, `${server.url}?lang=fr`, { viewport: DESKTOP, wait: false });
  try {
    await waitForTakeover(t.page, { t, nudge: pointerNudge(t.page) });
    await until(() => t.page.locator(sel('notice-params')).isVisible(), { message: 'the notice for lang=fr' });
    assert.match(await t.page.locator(sel('notice-params')).textContent(), /lang/);
    assert.equal(new URL(t.page.url()).pathname, '/');
  } finally {
    await t.context.close();
  }
});

// ---- No English left in the Japanese pages ------------------------------------------------------

/**
 * In the page: every piece of reader-facing text (text nodes, including hidden ones such as
 * notices and closed disclosures; aria-label, aria-valuetext, title, alt, placeholder; the
 * document's title and description) with runs of two or more Latin-script words, once allowed
 * words and phrases, sources' own titles (in 「」) and URLs are taken out. Left out: the
 * references list's entries and citation tooltips (sources' titles and authors, kept in their
 * language), elements marked with another `lang`, code and snippets (textarea, code).
 * Also: labels, buttons, headings, table heads and options whose own text has an English word.
 */
function englishLeft(page) {
  return page.evaluate(({ words, phrases }) => {
    const esc = (w) => w.replace(/[.*+?^${}()|[\]\\&]/g, '\\$&');
    const allowed = new RegExp(
      [...phrases, ...words.map((w) => `(?<![A-Za-z])${esc(w)}(?![A-Za-z])`)].join('|'),
      'g',
    );
    const clean = (s) => s.replace(/「[^」]*」/g, ' ').replace(/https?:\/\/\S+/g, ' ').replace(allowed, ' · ');
    const skip = (el) => !el || !!el.closest('script, style, template, textarea, code, pre, #references li, [lang]:not([lang="ja"])');
    const found = [];
    const run = /[A-Za-z][A-Za-z0-9.'’&-]*(?:[ \t\u00a0]+[A-Za-z][A-Za-z0-9.'’&-]*)+/g;
    const look = (where, s) => {
      const m = clean(s).match(run);
      if (m) found.push(`${where}: ${m.map((x) => JSON.stringify(x)).join(', ')} in ${JSON.stringify(s.trim().slice(0, 120))}`);
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n; (n = walker.nextNode());) {
      if (!skip(n.parentElement)) look(`text in <${n.parentElement.localName}>`, n.textContent);
    }
    for (const el of document.body.querySelectorAll('*')) {
      if (skip(el)) continue;
      for (const a of ['aria-label', 'aria-valuetext', 'aria-description', 'title', 'alt', 'placeholder']) {
        if (a === 'title' && el.matches('a[data-source]')) continue; // the full citation of a source
        const v = el.getAttribute(a);
        if (v) look(`${a} of <${el.localName}>`, v);
      }
    }
    look('document title', document.title);
    for (const m of document.querySelectorAll('meta[name="description"], meta[property$=":title"], meta[property$=":description"], meta[property$=":alt"], meta[name^="twitter:"]')) {
      if (!/twitter:(card|image)$/.test(m.getAttribute('name') || '')) look(`<meta ${m.getAttribute('name') || m.getAttribute('property')}>`, m.content);
    }
    // Single English words in the interface's own words.
    for (const el of document.body.querySelectorAll('button, summary, label, th, caption, option, legend, h1, h2, h3, h4, figcaption, .chart-action, .live, .error')) {
      if (skip(el)) continue;
      const own = [...el.childNodes].filter((c) => c.nodeType === 3).map((c) => c.textContent).join(' ');
      const m = clean(own).match(/(?<![A-Za-z])[A-Za-z]*[a-z]{3,}[A-Za-z]*/g);
      if (m) found.push(`interface word in <${el.localName}>: ${m.join(', ')} in ${JSON.stringify(own.trim().slice(0, 120))}`);
    }
    return [...new Set(found)];
  }, { words: ALLOWED_WORDS, phrases: ALLOWED_PHRASES });
}

test('/ja/ after takeover: no English in the reader-facing text (with a notice, a refusal and the embed dialog shown)', { timeout: TEST_TIMEOUT }, async () => {
  const t = await openPage(browser, `${server.url}ja/?a.direct=lots`, { viewport: DESKTOP, wait: false });
  const { page } = t;
  try {
    await waitForTakeover(page, { t, nudge: pointerNudge(page) });
    await until(() => page.locator(sel('notice-params')).isVisible(), { message: 'the notice for a.direct' });
    assert.match(await page.locator(sel('notice-params')).innerText(), CJK, 'the notice is Japanese');
    // A refusal, the embed dialog and a citation: text the client writes.
    await page.locator(sel('input-usdjpy')).fill('abc');
    await page.keyboard.press('Enter');
    await until(async () => ((await page.locator(sel('error-usdjpy')).textContent()) || '').trim(), { message: 'the refusal' });
    await page.locator(sel('embed-waffle')).click();
    await until(async () => ((await page.locator(sel('embed-note')).textContent()) || '').trim(), { message: 'the embed dialog note' });
    assert.match(await page.locator(sel('embed-note')).textContent(), CJK, 'the dialog note is Japanese');
    const left = await englishLeft(page);
    assert.deepEqual(left, [], `English left on /ja/:\n  ${left.join('\n  ')}`);
    // The text is mostly Japanese.
    const body = (await page.locator('main').innerText()).replace(/\s/g, '');
    const share = (body.match(CJK) || []).length / body.length;
    assert.ok(share > 0.5, `most of /ja/'s main text is Japanese (${Math.round(share * 100)}%)`);
    await page.locator(sel('embed-close')).click();
    await assertNoErrors(t);
  } finally {
    await t.context.close();
  }
});

test('/ja/embed/allocation/ after takeover: no English in the reader-facing text (every control shown)', { timeout: TEST_TIMEOUT }, async () => {
  for (const query of ['', '?controls=all&a.treasuries=abc']) {
    const t = await openPage(browser, `${server.url}ja/embed/allocation/${query}`, { viewport: PHONE, wait: false });
    try {
      await waitForTakeover(t.page, { t, nudge: pointerNudge(t.page) });
      if (query) await until(() => t.page.locator(sel('notice-params')).isVisible(), { message: 'the notice for a.treasuries' });
      await t.page.locator(`${sel('chart-allocation')} details.data summary`).click();
      const left = await englishLeft(t.page);
      assert.deepEqual(left, [], `English left on /ja/embed/allocation/${query}:\n  ${left.join('\n  ')}`);
      await assertNoErrors(t);
    } finally {
      await t.context.close();
    }
  }
});

// ---- Without scripts -----------------------------------------------------------------------------

test('scripts off: /ja/ is Japanese, readable, and every chart is drawn', { timeout: TEST_TIMEOUT }, async () => {
  const context = await browser.newContext({ viewport: DESKTOP, javaScriptEnabled: false });
  const page = await context.newPage();
  const bad = [];
  page.on('response', (r) => {
    if (r.status() >= 400 && !/favicon\.ico$/.test(r.url())) bad.push(`${r.status()} ${r.url()}`);
  });
  try {
    await page.goto(`${server.url}ja/`, { waitUntil: 'load' });
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
    assert.match(await page.title(), CJK, 'the title is Japanese');
    const steps = await page.locator('[data-testid^="step-"]').evaluateAll((els) =>
      els.filter((e) => /^step-\d+$/.test(e.dataset.testid)).map((e) => ({ id: e.dataset.testid, text: e.innerText, shown: e.checkVisibility() })),
    );
    assert.ok(steps.length >= 8, `the steps are there (${steps.length})`);
    for (const s of steps) {
      const letters = s.text.replace(/\s/g, '');
      const share = (letters.match(CJK) || []).length / letters.length;
      assert.ok(s.shown, `${s.id} is shown`);
      assert.ok(letters.length > 100 && share > 0.5, `${s.id} reads in Japanese (${letters.length} characters, ${Math.round(share * 100)}% Japanese)`);
    }
    for (const slug of SLUGS) {
      const fig = page.locator(sel(`chart-${slug}`)).first();
      assert.ok(await fig.isVisible(), `chart-${slug} is shown`);
      const drawn = await fig.evaluate((f) => {
        const svg = [...f.querySelectorAll('svg')].find((s) => s.checkVisibility());
        const box = svg?.getBoundingClientRect();
        return {
          marks: svg ? svg.querySelectorAll('.fund-chart-marks *').length : 0,
          width: box?.width ?? 0,
          height: box?.height ?? 0,
          text: svg ? [...svg.querySelectorAll('text, title')].map((e) => e.textContent).join(' ') : '',
        };
      });
      assert.ok(drawn.marks > 0 && drawn.width > 200 && drawn.height > 100, `chart-${slug} is drawn (${JSON.stringify({ ...drawn, text: undefined })})`);
      assert.match(drawn.text, CJK, `chart-${slug}'s labels are Japanese`);
      assert.match(await page.locator(sel(`description-${slug}`)).first().innerText(), CJK, `description-${slug} is Japanese`);
    }
    const note = page.locator(sel('needs-script')).first();
    assert.ok(await note.isVisible(), 'the needs-JavaScript line is shown');
    assert.match(await note.innerText(), CJK, 'and it is Japanese');
    const left = await englishLeft(page);
    assert.deepEqual(left, [], `English left on /ja/ without scripts:\n  ${left.join('\n  ')}`);
    assert.deepEqual(bad, []);
  } finally {
    await context.close();
  }
});
