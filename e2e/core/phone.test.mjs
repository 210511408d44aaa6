// The phone layout (390×844; in WebKit an iframe of that size, MiniBrowser's window being wider),
// in the browser E2E_BROWSER names: no horizontal scroll at any step or with the controls open,
// and while the reader moves a control, the chart it drives is on screen (≥ 60% of its drawing)
// and the control is not under the sticky chart panel.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BROWSER, TIMEOUT, PHONE, suite, withPage, until, becomes, sel, allCharts, stepState, settledStep, openControls } from './common.mjs';

const MIN_VISIBLE = 0.6;
const ctx = suite();

const frames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

const overflow = (page) => page.evaluate(() => ({ width: innerWidth, scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));

/** Scrolls the control to the middle of the part of the screen the sticky panel leaves free. */
async function scrollToControl(page, testid) {
  await page.evaluate((s) => {
    const el = document.querySelector(s);
    el.scrollIntoView({ block: 'center' });
    const panel = document.querySelector('.panel')?.getBoundingClientRect();
    const free = panel && panel.bottom > 0 && panel.top <= 1 ? panel.bottom : 0;
    const r = el.getBoundingClientRect();
    window.scrollBy(0, r.top - (free + (innerHeight - free) / 2 - r.height / 2));
  }, sel(testid));
  await frames(page);
}

/** Whether the control's centre is on screen and not under something else. */
function reachable(page, testid) {
  return page.evaluate((s) => {
    const el = document.querySelector(s);
    const r = el.getBoundingClientRect();
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    const hit = y >= 0 && y <= innerHeight ? document.elementFromPoint(x, y) : null;
    return { ok: !!hit && el.contains(hit), y: Math.round(y), over: hit && !el.contains(hit) ? `${hit.localName}.${String(hit.className)}` : null };
  }, sel(testid));
}

/** How much of each shown chart's visible drawing is on screen. */
function chartsOnScreen(page) {
  return page.evaluate(() => {
    const out = {};
    for (const fig of document.querySelectorAll('[data-testid^="chart-"]')) {
      const slug = fig.dataset.testid.slice(6);
      const svg = fig.hidden ? null : [...fig.querySelectorAll('svg')].find((e) => e.getBoundingClientRect().height > 0);
      if (!svg) continue;
      const r = svg.getBoundingClientRect();
      out[slug] = Math.round((Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0)) / r.height) * 100) / 100;
    }
    return out;
  });
}

test(`${BROWSER}: phone 390×844: no horizontal scroll at any step or with the controls open`, { timeout: TIMEOUT }, async (t) => {
  await withPage(ctx, t, ctx.server.url, { viewport: PHONE }, async (page) => {
    const o = await overflow(page);
    assert.equal(o.width, PHONE.width, `the viewport is ${PHONE.width} px wide`);
    assert.ok(o.scroll <= o.client, `no horizontal scroll at load (scrollWidth ${o.scroll} > clientWidth ${o.client})`);
    const n = (await stepState(page)).ids.length;
    for (let k = 2; k <= n; k++) {
      await page.click(sel('step-next'));
      await becomes(async () => (await stepState(page)).current.join(), String(k), 'after step-next, the current step');
      await frames(page);
      const s = await overflow(page);
      assert.ok(s.scroll <= s.client, `no horizontal scroll at step ${k} (scrollWidth ${s.scroll} > clientWidth ${s.client})`);
    }
    await openControls(page);
    await page.evaluate(() => {
      for (const d of document.querySelectorAll('#controls details')) d.open = true;
    });
    await frames(page);
    const end = await overflow(page);
    assert.ok(end.scroll <= end.client, `no horizontal scroll with the controls open (scrollWidth ${end.scroll} > clientWidth ${end.client})`);
  });
});

for (const { step, testid, key, expect } of [
  { step: 1, testid: 'slider-treasuries', key: 'ArrowLeft', expect: ['waffle', 'allocation'] },
  { step: 3, testid: 'slider-direct', key: 'ArrowLeft', expect: ['allocation', 'waffle'] },
]) {
  test(`${BROWSER}: phone: at step ${step}, ${testid} moves its chart on screen, the control not covered`, { timeout: TIMEOUT }, async (t) => {
    await withPage(ctx, t, ctx.server.url, { viewport: PHONE }, async (page) => {
      for (let k = 2; k <= step; k++) {
        await page.click(sel('step-next'));
        await becomes(async () => (await stepState(page)).current.join(), String(k), 'after step-next, the current step');
      }
      assert.equal(await settledStep(page), step, `on step ${step}`);
      await openControls(page);
      await scrollToControl(page, testid);
      const where = await reachable(page, testid);
      const before = await allCharts(page);
      await page.evaluate((s) => document.querySelector(s).focus({ preventScroll: true }), sel(testid));
      await page.press(key);
      await page.press(key);
      const moved = await until(async () => {
        const now = await allCharts(page);
        const diff = Object.keys(now).filter((s) => now[s] !== before[s]);
        return diff.length ? diff : false;
      }, { message: `a chart to change after ${testid}` });
      await frames(page);
      const screen = await chartsOnScreen(page);
      const seen = moved.filter((s) => (screen[s] ?? 0) >= MIN_VISIBLE);
      const detail = `${testid} at y=${where.y}; changed: ${moved.join(', ')}; on screen: ${JSON.stringify(screen)}`;
      console.log(`[${BROWSER}] phone: ${detail}`);
      assert.ok(where.ok, `${testid} on screen and not covered (by ${where.over ?? 'nothing, but off screen'}; ${detail})`);
      assert.ok(seen.some((s) => expect.includes(s)), `one of ${expect.join(', ')} changed with ≥ ${MIN_VISIBLE * 100}% on screen: ${detail}`);
    });
  });
}
