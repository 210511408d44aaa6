// The explainer on a phone (390×844, light and dark): the page is one scroll (nothing in the
// walkthrough, its chart panel or its controls scrolls on its own), and while a reader adjusts a
// control the chart that control drives is on screen (at least 60% of its drawing) and the
// control itself is not hidden under the sticky chart panel: the Treasuries slider at step 1,
// the Direct slider at step 3, a yield box at step 5 (the income chart) and the profit split's
// slider in the record section. Prints the page's total height; screenshots for people in
// /tmp/e2e-phone-{light,dark}-{top,walkthrough,controls}.png.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  PHONE,
  TEST_TIMEOUT,
  withPage,
  until,
  becomes,
  sel,
  chartSvg,
  currentStep,
  settledStep,
  stepState,
  openControls,
  screenshot,
  screenshots,
  onDist,
} from './helpers.mjs';

const CHARTS = ['waffle', 'allocation', 'income', 'context', 'framings', 'profit-split', 'yield-effect', 'tracker'];
/** How much of a chart's drawing must be on screen while its control moves. */
const MIN_VISIBLE = 0.6;

let browser;
let server;
onDist((b, s) => {
  [browser, server] = [b, s];
});

/**
 * Elements in the walkthrough (steps, chart panel, controls) and the record section that scroll
 * on their own: overflow-y auto or scroll, and more content than room.
 */
function ownScrollers(page) {
  return page.evaluate(() => {
    const found = [];
    for (const el of document.querySelectorAll('main *')) {
      const s = getComputedStyle(el);
      if (!/(auto|scroll)/.test(s.overflowY)) continue;
      if (el.scrollHeight > el.clientHeight + 1) {
        const name = `${el.localName}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
        found.push(`${name}${el.dataset.testid ? `[data-testid=${el.dataset.testid}]` : ''}: scrollHeight ${el.scrollHeight} > clientHeight ${el.clientHeight} (overflow-y ${s.overflowY})`);
      }
    }
    return found;
  });
}

function documentScroll(page) {
  return page.evaluate(() => ({
    scrollHeight: document.documentElement.scrollHeight,
    clientHeight: document.documentElement.clientHeight,
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
}

/** Waits for two animation frames (a scroll or a redraw has been painted). */
function frames(page) {
  return page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

for (const theme of ['light', 'dark']) {
  test(`phone 390×844, ${theme}: one scroll; nothing in the walkthrough or its panel scrolls on its own; page height`, { timeout: TEST_TIMEOUT }, async () => {
    await withPage(browser, theme === 'dark' ? `${server.url}?theme=dark` : server.url, { viewport: PHONE, colorScheme: theme }, async ({ page }) => {
      assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme), theme);
      const doc = await documentScroll(page);
      console.log(`[phone] page height at 390 px (${theme}): ${doc.scrollHeight} px (document.documentElement.scrollHeight)`);
      assert.ok(doc.scrollHeight > doc.clientHeight, 'the document scrolls');
      assert.ok(doc.scrollWidth <= doc.clientWidth, `no horizontal scroll (scrollWidth ${doc.scrollWidth} > ${doc.clientWidth})`);
      assert.deepEqual(await ownScrollers(page), [], 'at load, nothing scrolls on its own');

      // Every step, as the reader walks through them.
      const n = (await stepState(page)).ids.length;
      assert.equal(await settledStep(page), 1, 'the walkthrough starts at step 1');
      for (let k = 2; k <= n; k++) {
        await page.locator(sel('step-next')).click();
        await becomes(() => currentStep(page), k, 'after step-next, the current step');
        await frames(page);
        const inner = await ownScrollers(page);
        assert.deepEqual(inner, [], `at step ${k}, nothing scrolls on its own`);
      }
      // With every disclosure of the controls open, and at the controls.
      await openControls(page);
      await page.evaluate(() => {
        for (const d of document.querySelectorAll('#controls details')) d.open = true;
      });
      await scrollToControl(page, 'slider-treasuries', 'top');
      assert.deepEqual(await ownScrollers(page), [], 'with the controls open, nothing scrolls on its own');
      await screenshot(page, `phone-${theme}-controls`);
      const end = await documentScroll(page);
      assert.ok(end.scrollWidth <= end.clientWidth, `no horizontal scroll with the controls open (scrollWidth ${end.scrollWidth})`);
      await screenshots(page, `phone-${theme}`);
    });
  });
}

// ---- The chart a control drives stays in view ------------------------------------------------

/**
 * Scrolls as a reader's thumb would. `middle`: the control ends up in the middle of the part of
 * the screen that the sticky chart panel leaves free (all of it, outside the walkthrough), which
 * is also about where the browser puts a control it scrolls to on focus. `top`: just below the
 * top of that part, the most favourable place when the chart comes after its controls.
 */
async function scrollToControl(page, testid, place = 'middle') {
  await page.evaluate(([s, where]) => {
    const el = document.querySelector(s);
    el.scrollIntoView({ block: 'center' });
    const panel = document.querySelector('.panel')?.getBoundingClientRect();
    const free = panel && panel.bottom > 0 && panel.top <= 1 ? panel.bottom : 0;
    const r = el.getBoundingClientRect();
    const want = where === 'top' ? free + 16 : free + (innerHeight - free) / 2 - r.height / 2;
    window.scrollBy(0, r.top - want);
  }, [sel(testid), place]);
  await frames(page);
}

/** Whether the control's centre is on screen and not under something else (the panel). */
function reachable(page, testid) {
  return page.evaluate((s) => {
    const el = document.querySelector(s);
    const r = el.getBoundingClientRect();
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    const hit = y >= 0 && y <= innerHeight ? document.elementFromPoint(x, y) : null;
    const over = hit && !el.contains(hit) ? `${hit.localName}.${String(hit.className).trim().replace(/\s+/g, '.')} (in ${hit.closest('.panel') ? 'the chart panel' : hit.parentElement?.localName})` : null;
    return { ok: !!hit && el.contains(hit), y: Math.round(y), over };
  }, sel(testid));
}

/** Every chart figure that is shown: how much of its visible drawing is on screen. */
function chartsOnScreen(page) {
  return page.evaluate((slugs) =>
    Object.fromEntries(
      slugs.map((s) => {
        const fig = document.querySelector(`[data-testid="chart-${s}"]`);
        const svg = fig && !fig.hidden ? [...fig.querySelectorAll('svg')].find((e) => e.checkVisibility()) : null;
        if (!svg) return [s, { shown: false, visible: 0 }];
        const r = svg.getBoundingClientRect();
        const visible = Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0)) / r.height;
        return [s, { shown: true, visible: Math.round(visible * 100) / 100, top: Math.round(r.top), bottom: Math.round(r.bottom) }];
      }),
    ),
  CHARTS);
}

async function allCharts(page) {
  return Object.fromEntries(await Promise.all(CHARTS.map(async (s) => [s, await chartSvg(page, s)])));
}

/**
 * The reader, at `step` (1 = where the page starts), scrolls to control `testid` and uses it with
 * `use(page)`; the chart it drives must change while at least MIN_VISIBLE of its drawing is on
 * screen, and the control must not be under the chart panel. `expect` names the chart(s) the
 * control should drive (one of them must be the one on screen).
 */
async function adjustAndWatch(page, { step, testid, use, expect, prepare, place = 'middle' }) {
  if (step > 1) {
    for (let k = 2; k <= step; k++) {
      await page.locator(sel('step-next')).click();
      await becomes(() => currentStep(page), k, 'after step-next, the current step');
    }
    assert.equal(await settledStep(page), step, `on step ${step}`);
  }
  await openControls(page);
  if (prepare) await prepare(page);
  await scrollToControl(page, testid, place);
  const stepNow = await settledStep(page);
  const where = await reachable(page, testid);
  const before = await allCharts(page);
  await use(page);
  const changedCharts = await until(
    async () => {
      const now = await allCharts(page);
      const moved = CHARTS.filter((s) => now[s] !== before[s]);
      return moved.length ? moved : false;
    },
    { message: `a chart to change after using ${testid}` },
  );
  await frames(page);
  const screen = await chartsOnScreen(page);
  const seen = changedCharts.filter((s) => screen[s].visible >= MIN_VISIBLE);
  const detail = `step ${stepNow}, ${testid} at y=${where.y}; charts that changed: ${changedCharts.join(', ')}; on screen: ${JSON.stringify(
    Object.fromEntries(Object.entries(screen).filter(([, v]) => v.shown)),
  )}`;
  console.log(`[phone] ${detail}`);
  assert.ok(where.ok, `${testid} is on screen and not covered while the reader uses it (covered by ${where.over ?? 'nothing, but off screen'}; ${detail})`);
  assert.ok(seen.length > 0, `while ${testid} moves, the chart it drives is on screen (≥ ${MIN_VISIBLE * 100}% of its drawing): ${detail}`);
  assert.ok(seen.some((s) => expect.includes(s)), `the chart on screen that changed is ${seen.join(', ')}, expected one of ${expect.join(', ')}: ${detail}`);
}

/** Takes hold of a slider where it is on screen (focus without scrolling) and nudges it twice. */
const slide = (testid, key = 'ArrowLeft') => async (page) => {
  await page.locator(sel(testid)).evaluate((el) => el.focus({ preventScroll: true }));
  await page.keyboard.press(key);
  await page.keyboard.press(key);
};

/** Types a value into a box and presses Enter. */
const type = (testid, value) => async (page) => {
  await page.locator(sel(testid)).fill(value);
  await page.keyboard.press('Enter');
};

test('phone: at step 1, the Treasuries slider moves the chart on screen', { timeout: TEST_TIMEOUT }, async () => {
  await withPage(browser, server.url, { viewport: PHONE }, async ({ page }) => {
    await adjustAndWatch(page, { step: 1, testid: 'slider-treasuries', use: slide('slider-treasuries'), expect: ['waffle', 'allocation'] });
  });
});

test('phone: at step 3, the Direct slider moves the allocation chart on screen', { timeout: TEST_TIMEOUT }, async () => {
  await withPage(browser, server.url, { viewport: PHONE }, async ({ page }) => {
    await adjustAndWatch(page, { step: 3, testid: 'slider-direct', use: slide('slider-direct', 'ArrowLeft'), expect: ['allocation', 'waffle'] });
  });
});

test('phone: at step 5, a yield box moves the income chart on screen', { timeout: TEST_TIMEOUT }, async () => {
  await withPage(browser, server.url, { viewport: PHONE }, async ({ page }) => {
    await adjustAndWatch(page, {
      step: 5,
      testid: 'input-yield-treasuries',
      prepare: async (p) => {
        if (!(await p.evaluate(() => document.querySelector('details.yields').open))) await p.locator('details.yields > summary').click();
      },
      use: type('input-yield-treasuries', '5'),
      expect: ['income'],
    });
  });
});

// In the record section the chart comes after its card's controls (no sticky panel there): a
// reader who brings the slider to the top of the screen sees the chart below it.
test('phone: in the record section, the profit split slider at the top of the screen moves the profit split chart on screen', { timeout: TEST_TIMEOUT }, async () => {
  await withPage(browser, server.url, { viewport: PHONE }, async ({ page }) => {
    await adjustAndWatch(page, { step: 1, testid: 'slider-profit-yield', place: 'top', use: slide('slider-profit-yield', 'ArrowRight'), expect: ['profit-split'] });
  });
});

test('phone: a keyboard reader tabbing into the controls sees each control (not under the chart panel)', { timeout: TEST_TIMEOUT }, async () => {
  await withPage(browser, server.url, { viewport: PHONE }, async ({ page }) => {
    await openControls(page);
    // From the controls' heading, Tab through the allocation's controls as a keyboard reader does.
    await page.locator('details.controls > summary').focus();
    const seen = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      await frames(page);
      const id = await page.evaluate(() => document.activeElement?.dataset.testid ?? document.activeElement?.localName);
      const r = await reachable(page, id);
      seen.push(`${id}: y=${r.y}${r.ok ? '' : ` covered by ${r.over ?? '(off screen)'}`}`);
      if (id === 'input-direct') break;
    }
    const hidden = seen.filter((s) => s.includes('covered'));
    assert.deepEqual(hidden, [], `controls the keyboard reader reaches are visible:\n  ${seen.join('\n  ')}`);
  });
});
