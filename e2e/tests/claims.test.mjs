// A claim is never drawn as a finding (issue 18): the finding is on the first screen in both
// languages at phone and desktop sizes; a chart-only embed in the article's framing says in its
// own drawing that it shows the article's claim, before and after the wasm takes over; switching
// the framing rewrites the banner and keeps the marks below it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DESKTOP,
  PHONE,
  TEST_TIMEOUT,
  openPage,
  assertNoErrors,
  until,
  sel,
  onDist,
  waitForTakeover,
  pointerNudge,
  showChart,
} from './helpers.mjs';

let browser;
let server;
onDist((b, s) => {
  [browser, server] = [b, s];
});

const FINDING = {
  en: ['1–2%', 'equity', 'loans', 'guarantees', 'President', 'No source'],
  ja: ['1～2%', '出資', '融資', '保証', '米大統領', '資料はない'],
};
const CLAIM = { en: 'The article’s claim', ja: '記事の主張' };

/** The text of the chart's drawing (its SVG text elements, in order) in figure `slug`. */
function drawingText(target, slug) {
  return target.evaluate((s) => {
    const svg = [...document.querySelectorAll(`[data-testid="chart-${s}"] .chart-svg`)].find((w) => w.checkVisibility())?.querySelector('svg');
    return svg ? [...svg.querySelectorAll('text')].map((t) => t.textContent.trim()).join(' ') : '';
  }, slug);
}

for (const lang of ['en', 'ja']) {
  for (const [name, viewport] of [['phone 390×844', PHONE], ['desktop 1280×800', DESKTOP]]) {
    test(`${lang}, ${name}: the headline and dek state the finding before any scroll`, { timeout: TEST_TIMEOUT }, async () => {
      const t = await openPage(browser, `${server.url}${lang === 'ja' ? 'ja/' : ''}`, { viewport, wait: false });
      try {
        const r = await t.page.evaluate(() => {
          const box = (id) => document.querySelector(`[data-testid="${id}"]`).getBoundingClientRect();
          return {
            scrollY: window.scrollY,
            height: window.innerHeight,
            headline: { bottom: box('headline').bottom, text: document.querySelector('[data-testid="headline"]').textContent },
            dek: { bottom: box('dek').bottom, text: document.querySelector('[data-testid="dek"]').textContent },
          };
        });
        assert.equal(r.scrollY, 0);
        assert.ok(r.headline.bottom <= r.height, `the headline ends at ${r.headline.bottom} px, within the ${r.height} px screen`);
        assert.ok(r.dek.bottom <= r.height, `the dek ends at ${r.dek.bottom} px, within the ${r.height} px screen`);
        const words = `${r.headline.text} ${r.dek.text}`;
        for (const w of FINDING[lang]) assert.ok(words.includes(w), `the first screen says ${w}`);
      } finally {
        await t.context.close();
      }
    });
  }
}

for (const lang of ['en', 'ja']) {
  test(`${lang}: a chart-only embed in the article's framing says it is the article's claim, before and after the wasm`, { timeout: TEST_TIMEOUT }, async () => {
    const base = `${server.url}${lang === 'ja' ? 'ja/' : ''}embed/waffle/`;
    // As it comes: the record, drawn as the record.
    const plain = await openPage(browser, `${base}?controls=none`, { viewport: PHONE, wait: false });
    try {
      const text = await drawingText(plain.page, 'waffle');
      assert.ok(!text.includes(CLAIM[lang]), `the default embed draws the record, not the claim: ${text.slice(0, 120)}`);
      assert.match(text, lang === 'ja' ? /公開資料/ : /The record/, 'it says it draws the record');
    } finally {
      await plain.context.close();
    }
    // Asked for the article's framing (the link names it, so the wasm starts at once).
    const t = await openPage(browser, `${base}?controls=none&framing=article`, { viewport: PHONE, wait: false });
    try {
      await waitForTakeover(t.page, { t, nudge: pointerNudge(t.page) });
      const text = await drawingText(t.page, 'waffle');
      assert.ok(text.includes(CLAIM[lang]), `the drawing says it is the article's claim: ${text.slice(0, 160)}`);
      assert.match(text, lang === 'ja' ? /2026年10月8日時点/ : /Record as of 8 Oct 2026/, 'it carries the record’s date');
      const caption = await t.page.locator(`${sel('chart-waffle')} .caption`).textContent();
      assert.ok(caption.startsWith(CLAIM[lang]), `the caption says so too: ${caption}`);
      await assertNoErrors(t);
    } finally {
      await t.context.close();
    }
  });
}

test('switching the framing rewrites the banner; the marks stay below it and the claim never reads as the record', { timeout: TEST_TIMEOUT }, async () => {
  const t = await openPage(browser, server.url, { viewport: DESKTOP });
  try {
    const { page } = t;
    await showChart(page, 'allocation');
    const geometry = () =>
      page.evaluate(() => {
        const svg = [...document.querySelectorAll('[data-testid="chart-allocation"] .chart-svg')].find((w) => w.checkVisibility()).querySelector('svg');
        const marks = svg.querySelector('g.fund-chart-marks');
        const texts = [...svg.querySelectorAll('g.fund-chart-static text')];
        // The banner is the static layer's first mark, a band across the top; its texts are the
        // ones that start inside the band.
        const band = svg.querySelector('g.fund-chart-static > rect');
        const bandBottom = band.getBBox().y + band.getBBox().height;
        const bannerBottom = Math.max(...texts.filter((e) => e.getBBox().y < bandBottom).map((e) => e.getBBox().y + e.getBBox().height));
        const m = /translate\(0 (\d+)\)/.exec(marks.getAttribute('transform') || '');
        return { offset: m ? Number(m[1]) : 0, bannerBottom, text: texts.map((e) => e.textContent.trim()).join(' ') };
      });
    const article = await geometry();
    assert.ok(article.text.includes(CLAIM.en), 'the article framing is drawn as a claim');
    assert.ok(article.offset >= article.bannerBottom, `the marks start below the banner (${article.offset} ≥ ${article.bannerBottom})`);
    await page.locator(sel('framing-record')).click();
    const record = await until(async () => {
      const g = await geometry();
      return g.text.includes('The record:') && g;
    }, { message: 'the record banner' });
    assert.ok(!record.text.includes(CLAIM.en), 'the record is not labelled as the claim');
    assert.ok(record.offset >= record.bannerBottom, `the marks start below the record's banner (${record.offset} ≥ ${record.bannerBottom})`);
    // The marks sit just below whichever banner is drawn (its height follows its words; at this
    // width both happen to wrap to two lines).
    for (const g of [article, record]) {
      assert.ok(g.offset - g.bannerBottom <= 32, `the marks follow the banner closely (${g.offset} − ${g.bannerBottom})`);
    }
    await page.locator(sel('framing-article')).click();
    await until(async () => (await geometry()).text.includes(CLAIM.en), { message: 'the claim banner back' });
    await assertNoErrors(t);
  } finally {
    await t.context.close();
  }
});
