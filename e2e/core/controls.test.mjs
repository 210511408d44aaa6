// The reader's controls, in the browser E2E_BROWSER names: every slider on the page, moved with
// the keyboard, moves its value and redraws a chart; typed values that cannot be used are refused
// visibly and change nothing; the framing switch shows the record and back; the theme switch
// redraws the charts dark and back.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BROWSER, TIMEOUT, DESKTOP, suite, withPage, until, changed, becomes, sleep, sel, chartSvg, allCharts, value, liveText, text, showChart } from './common.mjs';

const ctx = suite();

test(`${BROWSER}: every slider, moved with the keyboard, moves its value and redraws a chart`, { timeout: TIMEOUT }, async (t) => {
  await withPage(ctx, t, ctx.server.url, { viewport: DESKTOP }, async (page) => {
    await showChart(page, 'allocation');
    const sliders = await page.evaluate(() =>
      [...document.querySelectorAll('input[type="range"][data-testid^="slider-"]')].map((e) => e.dataset.testid));
    assert.ok(sliders.length >= 3, `sliders found: ${sliders.join(', ')}`);
    const moved = [];
    for (const id of sliders) {
      const before = await value(page, id);
      const charts = await allCharts(page);
      await page.focus(sel(id));
      // Towards the middle of the range, so the key always moves it.
      const key = await page.evaluate((s) => {
        const el = document.querySelector(s);
        return Number(el.value) >= (Number(el.max) + Number(el.min)) / 2 ? 'ArrowLeft' : 'ArrowRight';
      }, sel(id));
      await page.press(key);
      const after = await changed(() => value(page, id), before, `${id} after ${key}`);
      const redrawn = await until(async () => {
        const now = await allCharts(page);
        const diff = Object.keys(now).filter((s) => now[s] !== charts[s]);
        return diff.length ? diff : false;
      }, { message: `a chart to redraw after ${key} on ${id} (${before} → ${after})` });
      const error = await text(page, id.replace('slider-', 'error-'));
      assert.equal((error ?? '').trim(), '', `no error message for ${id} = ${after}`);
      moved.push(`${id} ${before}→${after}: ${redrawn.join(', ')}`);
    }
    console.log(`[${BROWSER}] sliders: ${moved.join('; ')}`);
  });
});

test(`${BROWSER}: refused values show a visible message, change nothing, and a valid one clears it`, { timeout: TIMEOUT }, async (t) => {
  await withPage(ctx, t, ctx.server.url, { viewport: DESKTOP }, async (page) => {
    await showChart(page, 'allocation');
    const box = sel('input-treasuries');
    const before = await chartSvg(page, 'allocation');
    const liveBefore = await liveText(page, 'treasuries_amount');
    const valueBefore = await value(page, 'input-treasuries');
    const error = () => page.evaluate(() => {
      const el = document.querySelector('[data-testid="error-treasuries"]');
      const r = el.getBoundingClientRect();
      return { text: el.textContent.trim(), shown: r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden' };
    });
    for (const [typed, commit] of [['99', 'Enter'], ['abc', 'Tab'], ['', 'Enter']]) {
      await page.fill(box, typed);
      await page.press(commit);
      const e = await until(async () => { const e = await error(); return e.text && e; }, { message: `a message after typing ${JSON.stringify(typed)}` });
      assert.ok(e.shown, `the message is visible after ${JSON.stringify(typed)}`);
      if (typed === 'abc') assert.ok(e.text.includes('abc'), `the message quotes what was typed (${e.text})`);
      await sleep(150);
      assert.equal(await chartSvg(page, 'allocation'), before, `the chart is unchanged after ${JSON.stringify(typed)}`);
      assert.equal(await liveText(page, 'treasuries_amount'), liveBefore, `the live number is unchanged after ${JSON.stringify(typed)}`);
      await becomes(() => value(page, 'input-treasuries'), valueBefore, `the box is put back after ${JSON.stringify(typed)}`);
      assert.equal(Number(await value(page, 'slider-treasuries')), Number(valueBefore), 'the slider keeps the last valid value');
      assert.equal(await page.evaluate((s) => document.querySelector(s).getAttribute('aria-invalid'), box), 'true', 'aria-invalid');
    }
    await page.fill(box, '70');
    await page.press('Enter');
    await changed(() => chartSvg(page, 'allocation'), before, 'the chart after a valid value');
    await becomes(async () => (await error()).text, '', 'the message to clear after a valid value');
    assert.equal(Number(await value(page, 'slider-treasuries')), 70, 'the slider follows the typed value');
  });
});

test(`${BROWSER}: the framing switch shows the record and back`, { timeout: TIMEOUT }, async (t) => {
  await withPage(ctx, t, ctx.server.url, { viewport: DESKTOP }, async (page) => {
    await showChart(page, 'allocation');
    const pressed = () => page.evaluate(() => ['article', 'record'].map((f) => document.querySelector(`[data-testid="framing-${f}"]`).getAttribute('aria-pressed')));
    const table = () => text(page, 'table-allocation');
    // A shut data table catches up when opened: open it, as a reader does.
    await page.click('[data-testid="chart-allocation"] details.data > summary');
    await until(() => page.evaluate(() => document.querySelector('[data-testid="chart-allocation"] details.data').open), { message: 'the data table to open' });
    assert.deepEqual(await pressed(), ['true', 'false'], 'the article framing at load');
    const svg = await chartSvg(page, 'allocation');
    const rows = await table();
    await page.click(sel('framing-record'));
    await becomes(async () => (await pressed()).join(), 'false,true', 'aria-pressed after framing-record');
    await changed(() => chartSvg(page, 'allocation'), svg, 'the allocation chart after framing-record');
    await changed(table, rows, 'the allocation table after framing-record');
    await page.click(sel('framing-article'));
    await becomes(async () => (await pressed()).join(), 'true,false', 'aria-pressed after framing-article');
    await becomes(() => chartSvg(page, 'allocation'), svg, 'the allocation chart back to the article framing');
    await becomes(table, rows, 'the allocation table back to the article framing');
  });
});

test(`${BROWSER}: the theme switch recolours the charts dark and back without redrawing them`, { timeout: TIMEOUT }, async (t) => {
  await withPage(ctx, t, ctx.server.url, { viewport: DESKTOP }, async (page) => {
    const theme = () => page.evaluate(() => [document.documentElement.dataset.theme, getComputedStyle(document.documentElement).colorScheme, getComputedStyle(document.body).backgroundColor].join(' | '));
    // The colour of the waffle's first square as the browser computes it: the page's charts carry
    // palette classes whose colours the stylesheet sets per theme.
    const fill = () =>
      page.evaluate(() => {
        const svg = [...document.querySelectorAll('[data-testid="chart-waffle"] .chart-svg svg')].find((s) => s.getBoundingClientRect().width > 0);
        return getComputedStyle(svg.querySelector('g.fund-chart-marks rect')).fill;
      });
    const light = await theme();
    const svg = await chartSvg(page, 'waffle');
    const lightFill = await fill();
    await page.click(sel('theme-dark'));
    const dark = await changed(theme, light, 'the theme after theme-dark');
    assert.ok(dark.startsWith('dark | dark'), `data-theme and color-scheme dark (${dark})`);
    await changed(fill, lightFill, 'the waffle squares\' colour after theme-dark');
    assert.equal(await chartSvg(page, 'waffle'), svg, 'the same drawing: no mark rewritten');
    await page.click(sel('theme-light'));
    await becomes(async () => (await theme()).split(' | ')[0], 'light', 'data-theme after theme-light');
    await becomes(fill, lightFill, 'the waffle squares back in light');
    assert.equal(await chartSvg(page, 'waffle'), svg, 'the same drawing: no mark rewritten');
    await page.click(sel('theme-auto'));
    await becomes(async () => (await theme()).split(' | ')[0], 'auto', 'data-theme after theme-auto');
  });
});
