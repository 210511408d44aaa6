// The explainer end to end (issue 3's done criteria): loads on desktop and phone, every step is
// reachable with the keyboard and the Previous/Next buttons, every slider and box changes the
// charts and the live numbers, invalid values are refused visibly, presets, framing and theme
// switches work, every chart has an accessible title, and nothing logs an error.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DESKTOP,
  PHONE,
  TEST_TIMEOUT,
  withPage,
  until,
  changed,
  becomes,
  sleep,
  sel,
  chartSvg,
  liveText,
  inputValue,
  text,
  stepState,
  currentStep,
  settledStep,
  openControls,
  showChart,
  openData,
  screenshots,
  onDist,
} from './helpers.mjs';

const CHARTS = ['waffle', 'allocation', 'income', 'context'];

let browser;
let server;
onDist((b, s) => {
  [browser, server] = [b, s];
});

const desktop = { viewport: DESKTOP };
const phone = { viewport: PHONE };

/** Every chart container holds an <svg> whose <title> is not empty. */
async function assertChartsDrawn(page) {
  const charts = await page.evaluate((slugs) =>
    slugs.map((s) => {
      const box = document.querySelector(`[data-testid="chart-${s}"]`);
      const svg = box?.querySelector('svg');
      return { slug: s, container: !!box, svg: !!svg, title: svg?.querySelector('title')?.textContent?.trim() ?? '' };
    }),
  CHARTS);
  for (const c of charts) {
    assert.ok(c.container, `[data-testid=chart-${c.slug}] exists`);
    assert.ok(c.svg, `[data-testid=chart-${c.slug}] holds an <svg>`);
    assert.notEqual(c.title, '', `the <svg> in chart-${c.slug} has a non-empty <title>`);
  }
}

/** Makes <body> the focused element, as when a reader has not clicked anything. */
async function focusBody(page) {
  await page.evaluate(() => {
    if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
  });
}

/** Press a key with the body focused and wait for the current step to become `want`. */
async function pressAndExpectStep(page, key, want, n) {
  await focusBody(page);
  await page.keyboard.press(key);
  await becomes(() => currentStep(page), want, `after ${key}, the step with aria-current="step"`);
  await becomes(async () => (await stepState(page)).position, `Step ${want} of ${n}`, `after ${key}, [data-testid=step-position]`);
  // A reader pauses between presses: let the scroll settle, and check the step stayed put.
  assert.equal(await settledStep(page), want, `after ${key} and the scroll settling, the current step`);
}

/** Walks every step forward and back with ArrowRight / ArrowLeft. */
async function walkWithKeyboard(page) {
  const s = await stepState(page);
  const n = s.ids.length;
  assert.ok(n >= 2, `the walkthrough has several steps (found ${n})`);
  assert.deepEqual(s.ids, Array.from({ length: n }, (_, i) => `step-${i + 1}`), 'steps are step-1..step-N in order');
  await becomes(() => currentStep(page), 1, 'the first step to be current at load');
  assert.equal(s.position, `Step 1 of ${n}`);

  for (let k = 2; k <= n; k++) await pressAndExpectStep(page, 'ArrowRight', k, n);
  // At the end ArrowRight stays on the last step.
  await focusBody(page);
  await page.keyboard.press('ArrowRight');
  assert.equal(await settledStep(page), n, 'ArrowRight on the last step stays there');
  for (let k = n - 1; k >= 1; k--) await pressAndExpectStep(page, 'ArrowLeft', k, n);
  await focusBody(page);
  await page.keyboard.press('ArrowLeft');
  assert.equal(await settledStep(page), 1, 'ArrowLeft on the first step stays there');
  return n;
}

test('desktop 1280×800: loads, draws every chart with a title, no errors', { timeout: TEST_TIMEOUT }, async () => {
  await withPage(browser, server.url, desktop, async ({ page }) => {
    await assertChartsDrawn(page);
    const title = await page.title();
    assert.match(title, /550/, 'the document has a title');
    const total = await liveText(page, 'total');
    assert.ok(total && total.includes('$550 billion'), `live total reads $550 billion (got ${total})`);
    await screenshots(page, 'desktop-light');
  });
});

test('desktop: arrow keys walk every step forward and back', { timeout: TEST_TIMEOUT }, async () => {
  await withPage(browser, server.url, desktop, async ({ page }) => {
    await walkWithKeyboard(page);
  });
});

test('desktop: quick arrow presses land on the right step (no stale scroll-observer update wins)', { timeout: TEST_TIMEOUT }, async () => {
  await withPage(browser, server.url, desktop, async ({ page }) => {
    const n = (await stepState(page)).ids.length;
    assert.equal(await settledStep(page), 1, 'the first step is current at load');
    // Go to step 3 at a reader's pace, then alternate bursts a fast reader (or key repeat)
    // produces: 3 → 5 → 3 → 5 … Each burst must settle on the step the keys lead to.
    await pressAndExpectStep(page, 'ArrowRight', 2, n);
    await pressAndExpectStep(page, 'ArrowRight', 3, n);
    const bursts = [['ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowLeft'], ['ArrowLeft', 'ArrowLeft', 'ArrowLeft', 'ArrowRight']];
    let want = 3;
    const landed = [];
    for (let round = 0; round < 12; round++) {
      const burst = bursts[round % 2];
      for (const key of burst) want = Math.min(n, Math.max(1, want + (key === 'ArrowRight' ? 1 : -1)));
      await focusBody(page);
      for (const key of burst) await page.keyboard.press(key);
      const got = await settledStep(page);
      landed.push(`${burst.join(',')} → step ${got} (want ${want})`);
      if (got !== want) {
        assert.fail(`after the keys ${burst.join(', ')} the walkthrough settled on step ${got}, not step ${want}: ` +
          `a scroll-observer update from before the last key press overrode it (round ${round + 1}).\n  ${landed.join('\n  ')}`);
      }
    }
  });
});

test('desktop: Previous/Next buttons walk every step and are disabled at the ends', { timeout: TEST_TIMEOUT }, async () => {
  await withPage(browser, server.url, desktop, async ({ page }) => {
    const n = (await stepState(page)).ids.length;
    await becomes(() => currentStep(page), 1, 'the first step to be current at load');
    let s = await stepState(page);
    assert.equal(s.prevDisabled, true, 'step-prev is disabled on the first step');
    assert.equal(s.nextDisabled, false, 'step-next is enabled on the first step');
    for (let k = 2; k <= n; k++) {
      await page.locator(sel('step-next')).click();
      await becomes(() => currentStep(page), k, 'after step-next, the current step');
      await becomes(async () => (await stepState(page)).position, `Step ${k} of ${n}`, 'step-position');
      assert.equal(await settledStep(page), k, 'after step-next and the scroll settling, the current step');
    }
    s = await stepState(page);
    assert.equal(s.nextDisabled, true, 'step-next is disabled on the last step');
    assert.equal(s.prevDisabled, false, 'step-prev is enabled on the last step');
    for (let k = n - 1; k >= 1; k--) {
      await page.locator(sel('step-prev')).click();
      await becomes(() => currentStep(page), k, 'after step-prev, the current step');
      await becomes(async () => (await stepState(page)).position, `Step ${k} of ${n}`, 'step-position');
      assert.equal(await settledStep(page), k, 'after step-prev and the scroll settling, the current step');
    }
    s = await stepState(page);
    assert.equal(s.prevDisabled, true, 'step-prev is disabled again on the first step');
  });
});

test('desktop: every slider moved with the keyboard changes the chart and the live numbers', { timeout: TEST_TIMEOUT }, async () => {
  await withPage(browser, server.url, desktop, async ({ page }) => {
    await showChart(page, 'allocation');
    const cases = [
      { slider: 'slider-treasuries', box: 'input-treasuries', live: 'treasuries_amount', keys: ['ArrowRight', 'Home', 'ArrowRight'] },
      { slider: 'slider-direct', box: 'input-direct', live: 'direct_amount', keys: ['ArrowRight', 'Home', 'ArrowRight'] },
      { slider: 'slider-remainder-split', box: 'input-remainder-split', live: 'agency_amount', keys: ['End', 'Home', 'ArrowRight'] },
    ];
    for (const c of cases) {
      for (const key of c.keys) {
        const svg = await chartSvg(page, 'allocation');
        const live = await liveText(page, c.live);
        const value = await inputValue(page, c.slider);
        assert.ok(svg, 'the allocation chart has an <svg>');
        assert.ok(live, `a live number .live[data-live=${c.live}] exists`);
        await page.locator(sel(c.slider)).focus();
        await page.keyboard.press(key);
        const newValue = await changed(() => inputValue(page, c.slider), value, `${c.slider} value after ${key}`);
        await changed(() => chartSvg(page, 'allocation'), svg, `the allocation chart after ${key} on ${c.slider} (${value} → ${newValue})`);
        await changed(() => liveText(page, c.live), live, `.live[data-live=${c.live}] after ${key} on ${c.slider}`);
        await becomes(async () => Number(await inputValue(page, c.box)), Number(newValue), `${c.box} follows ${c.slider}`);
        assert.equal((await text(page, c.slider.replace('slider-', 'error-'))).trim(), '', `no error message for ${c.slider} = ${newValue}`);
      }
    }
  });
});

test('desktop: typed values (Enter or Tab) change the slider, the chart and the live numbers', { timeout: TEST_TIMEOUT }, async () => {
  await withPage(browser, server.url, desktop, async ({ page }) => {
    await showChart(page, 'allocation');
    const cases = [
      { box: 'input-treasuries', slider: 'slider-treasuries', value: '72.5', commit: 'Enter', live: 'treasuries_amount' },
      { box: 'input-direct', slider: 'slider-direct', value: '2', commit: 'Tab', live: 'direct_amount' },
      { box: 'input-remainder-split', slider: 'slider-remainder-split', value: '30', commit: 'Enter', live: 'agency_amount' },
    ];
    for (const c of cases) {
      const svg = await chartSvg(page, 'allocation');
      const live = await liveText(page, c.live);
      await page.locator(sel(c.box)).fill(c.value);
      await page.keyboard.press(c.commit);
      await changed(() => chartSvg(page, 'allocation'), svg, `the allocation chart after typing ${c.value} in ${c.box} + ${c.commit}`);
      await changed(() => liveText(page, c.live), live, `.live[data-live=${c.live}] after typing ${c.value} in ${c.box}`);
      await becomes(async () => Number(await inputValue(page, c.slider)), Number(c.value), `${c.slider} follows ${c.box}`);
    }
    // 72.5% of $550 billion is $398.75 billion. Amounts are shown to $0.1 billion, rounded so the
    // shown parts add up to the shown total (largest remainder): here agency 42.075 and index
    // 98.175 have the larger remainders and round up, so Treasuries shows $398.7 billion.
    const t = await liveText(page, 'treasuries_amount');
    assert.match(t, /\$398\.[78] billion/, `treasuries amount for 72.5% (got ${t})`);
    await openData(page, 'allocation');
    const amounts = await page.locator(`${sel('table-allocation')} tbody tr td:nth-child(2)`).allTextContents();
    const tenths = amounts.map((a) => Math.round(Number(a.replace(/[^0-9.]/g, '')) * 10));
    assert.equal(tenths.length, 4, `four rows in the allocation table (got ${amounts.join(' | ')})`);
    assert.equal(tenths.reduce((x, y) => x + y, 0), 5500, `the shown amounts add up to $550 billion (${amounts.join(' + ')})`);
  });
});

test('desktop: invalid values show a visible message and keep the chart unchanged', { timeout: TEST_TIMEOUT }, async () => {
  await withPage(browser, server.url, desktop, async ({ page }) => {
    await showChart(page, 'allocation');
    const box = page.locator(sel('input-treasuries'));
    const err = page.locator(sel('error-treasuries'));
    const before = await chartSvg(page, 'allocation');
    const liveBefore = await liveText(page, 'treasuries_amount');
    const valueBefore = await inputValue(page, 'input-treasuries');
    assert.equal(Number(await inputValue(page, 'input-direct')), 1.5, 'direct starts at 1.5%');

    for (const [typed, commit] of [['99', 'Enter'], ['abc', 'Tab'], ['', 'Enter']]) {
      await box.fill(typed);
      await page.keyboard.press(commit);
      const msg = await until(async () => ((await err.textContent()) || '').trim(), { message: `a message in error-treasuries after typing ${JSON.stringify(typed)}` });
      assert.ok(await err.isVisible(), `error-treasuries is visible after ${JSON.stringify(typed)} (text: ${msg})`);
      if (typed === 'abc') assert.match(msg, /abc/, 'the message quotes what was typed');
      await sleep(150); // give a wrong update the chance to show
      assert.equal(await chartSvg(page, 'allocation'), before, `the chart is unchanged after ${JSON.stringify(typed)}`);
      assert.equal(await liveText(page, 'treasuries_amount'), liveBefore, `the live number is unchanged after ${JSON.stringify(typed)}`);
      await becomes(() => inputValue(page, 'input-treasuries'), valueBefore, `the box is put back after ${JSON.stringify(typed)}`);
      assert.equal(Number(await inputValue(page, 'slider-treasuries')), Number(valueBefore), 'the slider keeps the last valid value');
      assert.equal(await box.getAttribute('aria-invalid'), 'true', 'the box is marked aria-invalid');
    }

    // A valid value clears the message.
    await box.fill('70');
    await page.keyboard.press('Enter');
    await changed(() => chartSvg(page, 'allocation'), before, 'the chart after a valid value');
    await becomes(async () => ((await err.textContent()) || '').trim(), '', 'the message to clear after a valid value');
  });
});

test('desktop: USD/JPY box changes the yen live number', { timeout: TEST_TIMEOUT }, async (t) => {
  await withPage(browser, server.url, desktop, async ({ page }) => {
    const yen = await liveText(page, 'treasuries_yen');
    await page.locator(sel('input-usdjpy')).fill('120');
    await page.keyboard.press('Enter');
    await becomes(async () => Number(await inputValue(page, 'input-usdjpy')), 120, 'input-usdjpy keeps 120');
    if (yen === null) {
      t.diagnostic('no .live[data-live=treasuries_yen] in any step: yen assertion skipped');
    } else {
      const after = await changed(() => liveText(page, 'treasuries_yen'), yen, '.live[data-live=treasuries_yen] after USD/JPY 120');
      // 75% of $550 billion = $412.5 billion; at ¥120 per dollar that is ¥49.5 trillion.
      assert.match(after, /¥49\.5 trillion|¥50 trillion/, `yen amount at ¥120/$ (got ${after})`);
    }
    const usdjpy = await liveText(page, 'usdjpy');
    if (usdjpy !== null) assert.match(usdjpy, /120/, `.live[data-live=usdjpy] shows 120 (got ${usdjpy})`);
    // An invalid rate is refused with a message.
    await page.locator(sel('input-usdjpy')).fill('abc');
    await page.keyboard.press('Enter');
    await until(async () => ((await text(page, 'error-usdjpy')) || '').trim(), { message: 'a message in error-usdjpy after "abc"' });
  });
});

test('desktop: presets low/mid/high/reset set Treasuries to 70/75/80/75', { timeout: TEST_TIMEOUT }, async () => {
  await withPage(browser, server.url, desktop, async ({ page }) => {
    await showChart(page, 'allocation');
    // Move away from the defaults first so "mid" and "reset" are real changes.
    await page.locator(sel('input-treasuries')).fill('60');
    await page.keyboard.press('Enter');
    await becomes(async () => Number(await inputValue(page, 'input-treasuries')), 60, 'input-treasuries at 60');
    for (const [preset, want] of [['preset-low', 70], ['preset-mid', 75], ['preset-high', 80], ['preset-reset', 75]]) {
      const svg = await chartSvg(page, 'allocation');
      await page.locator(sel(preset)).click();
      await becomes(async () => Number(await inputValue(page, 'input-treasuries')), want, `input-treasuries after ${preset}`);
      await becomes(async () => Number(await inputValue(page, 'slider-treasuries')), want, `slider-treasuries after ${preset}`);
      await changed(() => chartSvg(page, 'allocation'), svg, `the allocation chart after ${preset}`);
    }
  });
});

test('desktop: framing switch shows the record (loans/guarantees) and back', { timeout: TEST_TIMEOUT }, async () => {
  await withPage(browser, server.url, desktop, async ({ page }) => {
    await showChart(page, 'allocation');
    await openData(page, 'allocation');
    const table = () => text(page, 'table-allocation');
    const articleTable = await table();
    assert.match(articleTable, /Treasur/i, 'the article framing table lists Treasuries');
    const svg = await chartSvg(page, 'allocation');
    const liveBefore = await liveText(page, 'treasuries_amount');

    await page.locator(sel('framing-record')).click();
    await until(async () => /loan|guarantee/i.test((await table()) || ''), { message: 'table-allocation to list loans/guarantees after framing-record' });
    await changed(() => chartSvg(page, 'allocation'), svg, 'the allocation chart after framing-record');
    assert.equal(await page.locator(sel('framing-record')).getAttribute('aria-pressed'), 'true');
    assert.equal(await page.locator(sel('framing-article')).getAttribute('aria-pressed'), 'false');
    assert.equal(await liveText(page, 'treasuries_amount'), liveBefore, "the steps' live numbers stay on the article's framing");
    await assertChartsDrawn(page);

    await page.locator(sel('framing-article')).click();
    await becomes(table, articleTable, 'table-allocation back to the article framing');
    await becomes(() => chartSvg(page, 'allocation'), svg, 'the allocation chart back to the article framing');
    assert.equal(await page.locator(sel('framing-article')).getAttribute('aria-pressed'), 'true');
  });
});

test('desktop: theme buttons set data-theme and recolour the charts without redrawing them; dark screenshot', { timeout: TEST_TIMEOUT }, async () => {
  await withPage(browser, server.url, desktop, async ({ page }) => {
    const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
    // The colour the first square of the waffle is painted in, as the browser computes it.
    const firstFill = () =>
      page.evaluate(() => {
        const svg = [...document.querySelectorAll('[data-testid="chart-waffle"] .chart-svg svg')].find((s) => s.checkVisibility());
        return getComputedStyle(svg.querySelector('g.fund-chart-marks rect')).fill;
      });
    const svg = await chartSvg(page, 'waffle');
    const light = await firstFill();
    await page.locator(sel('theme-dark')).click();
    await becomes(theme, 'dark', 'document.documentElement.dataset.theme');
    await changed(firstFill, light, 'the waffle squares\' colour after theme-dark');
    // Same drawing, other colours: the theme is the stylesheet's, no mark is rewritten.
    assert.equal(await chartSvg(page, 'waffle'), svg, 'the waffle markup is unchanged');
    await assertChartsDrawn(page);
    await screenshots(page, 'desktop-dark');
    await page.locator(sel('theme-light')).click();
    await becomes(theme, 'light', 'document.documentElement.dataset.theme');
    await showChart(page, 'waffle');
    await becomes(firstFill, light, 'the waffle squares back in light');
    assert.equal(await chartSvg(page, 'waffle'), svg, 'the waffle markup is unchanged');
    await page.locator(sel('theme-auto')).click();
    await becomes(theme, 'auto', 'document.documentElement.dataset.theme');
  });
});

test('phone 390×844: loads, charts, keyboard walk, controls, no horizontal scroll; screenshots', { timeout: TEST_TIMEOUT }, async () => {
  await withPage(browser, server.url, phone, async ({ page }) => {
    await assertChartsDrawn(page);
    const overflow = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    assert.ok(overflow.scroll <= overflow.client, `no horizontal scrolling on a phone (scrollWidth ${overflow.scroll} > clientWidth ${overflow.client})`);

    await walkWithKeyboard(page);

    await openControls(page);
    await showChart(page, 'allocation');
    const svg = await chartSvg(page, 'allocation');
    const live = await liveText(page, 'treasuries_amount');
    const value = await inputValue(page, 'slider-treasuries');
    await page.locator(sel('slider-treasuries')).focus();
    await page.keyboard.press('ArrowLeft');
    await changed(() => inputValue(page, 'slider-treasuries'), value, 'slider-treasuries after ArrowLeft');
    await changed(() => chartSvg(page, 'allocation'), svg, 'the allocation chart after the slider on a phone');
    await changed(() => liveText(page, 'treasuries_amount'), live, 'the live treasuries amount on a phone');
    await screenshots(page, 'phone-light');

    await page.locator(sel('theme-dark')).click();
    await becomes(() => page.evaluate(() => document.documentElement.dataset.theme), 'dark', 'data-theme on a phone');
    await screenshots(page, 'phone-dark');
  });
});
