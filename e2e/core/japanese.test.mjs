// The Japanese page (/ja/), in the browser E2E_BROWSER names: it is Japanese, the client takes it
// over, a slider moves the chart and the live numbers (still written in Japanese), and a refused
// value is explained in Japanese.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BROWSER, TIMEOUT, DESKTOP, suite, withPage, until, changed, sel, chartSvg, value, liveText, text, showChart } from './common.mjs';

const CJK = /[\u3040-\u30ff\u3400-\u9fff]/;
const ctx = suite();

test(`${BROWSER}: /ja/ is taken over; a slider moves the chart and the Japanese live numbers; refusals in Japanese`, { timeout: TIMEOUT }, async (t) => {
  await withPage(ctx, t, `${ctx.server.url}ja/`, { viewport: DESKTOP }, async (page) => {
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
    const amount = await liveText(page, 'treasuries_amount');
    assert.ok(amount && CJK.test(amount) && /\d/.test(amount), `a live amount written in Japanese (got ${amount})`);
    await showChart(page, 'allocation');
    const svg = await chartSvg(page, 'allocation');
    const before = await value(page, 'slider-treasuries');
    await page.focus(sel('slider-treasuries'));
    await page.press('ArrowRight');
    await changed(() => value(page, 'slider-treasuries'), before, 'the slider after ArrowRight');
    await changed(() => chartSvg(page, 'allocation'), svg, 'the allocation chart after the slider');
    const now = await changed(() => liveText(page, 'treasuries_amount'), amount, 'the live amount after the slider');
    assert.ok(CJK.test(now), `still written in Japanese (got ${now})`);
    const labels = await page.evaluate(() => [...document.querySelectorAll('[data-testid="chart-allocation"] svg text')].map((e) => e.textContent).join(' '));
    assert.ok(CJK.test(labels), `the chart's labels are Japanese (${labels.slice(0, 120)})`);

    await page.fill(sel('input-treasuries'), 'abc');
    await page.press('Enter');
    const msg = await until(async () => ((await text(page, 'error-treasuries')) || '').trim(), { message: 'a message in error-treasuries' });
    assert.ok(CJK.test(msg), `the refusal is in Japanese (got ${msg})`);
  });
});
