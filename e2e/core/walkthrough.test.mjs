// The walkthrough by keyboard, in the browser E2E_BROWSER names: the arrow keys walk every step
// forward and back (and stay put at the ends), and the Next/Previous buttons work from the
// keyboard (focus, Enter).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BROWSER, TIMEOUT, DESKTOP, suite, withPage, becomes, until, sel, stepState, settledStep, focusBody } from './common.mjs';

const ctx = suite();

/**
 * Gives the first `testid` button focus without scrolling to it, as a reader's Tab to a button
 * already on screen does: focus() would scroll (Firefox does, to the step bar's button), and
 * the scroll alone moves the current step before the key is pressed.
 */
async function focusButton(page, testid) {
  await page.evaluate((id) => document.querySelector(`[data-testid="${id}"]`).focus({ preventScroll: true }), testid);
}

/** Presses `key` with nothing focused and waits for step `want` to be current and stay so. */
async function pressAndExpect(page, key, want) {
  const before = (await stepState(page)).position;
  await focusBody(page);
  await page.press(key);
  await becomes(async () => (await stepState(page)).current.join(), String(want), `after ${key}, the step with aria-current="step"`);
  const position = await until(async () => {
    const p = (await stepState(page)).position;
    return p !== before && p;
  }, { message: `step-position to change after ${key}` });
  assert.ok(position.includes(String(want)), `step-position names step ${want} (got ${JSON.stringify(position)})`);
  assert.equal(await settledStep(page), want, `after ${key} and the scroll settling, the current step`);
}

test(`${BROWSER}: arrow keys walk every step forward and back`, { timeout: TIMEOUT }, async (t) => {
  await withPage(ctx, t, ctx.server.url, { viewport: DESKTOP }, async (page) => {
    const s = await stepState(page);
    const n = s.ids.length;
    assert.ok(n >= 2, `several steps (found ${n})`);
    assert.deepEqual(s.ids, Array.from({ length: n }, (_, i) => `step-${i + 1}`), 'steps are step-1..step-N in order');
    assert.equal(await settledStep(page), 1, 'the first step is current at load');
    for (let k = 2; k <= n; k++) await pressAndExpect(page, 'ArrowRight', k);
    await focusBody(page);
    await page.press('ArrowRight');
    assert.equal(await settledStep(page), n, 'ArrowRight on the last step stays there');
    for (let k = n - 1; k >= 1; k--) await pressAndExpect(page, 'ArrowLeft', k);
    await focusBody(page);
    await page.press('ArrowLeft');
    assert.equal(await settledStep(page), 1, 'ArrowLeft on the first step stays there');
  });
});

test(`${BROWSER}: Next and Previous work from the keyboard and are disabled at the ends`, { timeout: TIMEOUT }, async (t) => {
  await withPage(ctx, t, ctx.server.url, { viewport: DESKTOP }, async (page) => {
    const n = (await stepState(page)).ids.length;
    const disabled = () => page.evaluate(() => [document.querySelector('[data-testid="step-prev"]').disabled, document.querySelector('[data-testid="step-next"]').disabled]);
    assert.deepEqual(await disabled(), [true, false], 'at step 1: Previous disabled, Next enabled');
    for (let k = 2; k <= n; k++) {
      await focusButton(page, 'step-next');
      await page.press('Enter');
      await becomes(async () => (await stepState(page)).current.join(), String(k), 'after Enter on step-next, the current step');
      assert.equal(await settledStep(page), k);
    }
    assert.deepEqual(await disabled(), [false, true], `at step ${n}: Previous enabled, Next disabled`);
    await focusButton(page, 'step-prev');
    await page.press('Enter');
    await becomes(async () => (await stepState(page)).current.join(), String(n - 1), 'after Enter on step-prev, the current step');
  });
});
