// Permalinks (issue 5): the whole state lives in the URL, so a link copied from one browser shows
// the same state in a fresh one; moving between steps pushes history entries that Back and Forward
// walk, while slider changes replace the current entry.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DESKTOP,
  TEST_TIMEOUT,
  openPage,
  assertNoErrors,
  becomes,
  until,
  sel,
  inputValue,
  text,
  showChart,
  onDist,
} from './helpers.mjs';

let browser;
let server;
onDist((b, s) => {
  [browser, server] = [b, s];
});

async function type(page, testid, value) {
  await page.locator(sel(testid)).fill(value);
  await page.locator(sel(testid)).press('Enter');
}

test('a permalink copied from one browser shows the same state in a fresh one', { timeout: TEST_TIMEOUT }, async () => {
  const a = await openPage(browser, server.url, { viewport: DESKTOP });
  let link;
  try {
    const { page } = a;
    await type(page, 'input-treasuries', '72.5');
    await type(page, 'input-direct', '1.8');
    await type(page, 'input-usdjpy', '150');
    await page.locator(sel('step-next')).click();
    await page.locator(sel('step-next')).click();
    await page.locator(sel('theme-dark')).click();
    await becomes(() => text(page, 'step-position'), 'Step 3 of 8', 'the step position');
    // The URL is rewritten once the reader pauses.
    await until(async () => {
      const u = new URL(page.url());
      return u.searchParams.get('a.treasuries') === '72.5' && u.searchParams.get('usdjpy') === '150' && u.searchParams.get('theme') === 'dark';
    }, { message: 'the URL to carry the state' });
    link = page.url();
    const params = new URL(link).searchParams;
    // Written in full: parameters the reader never touched are there too.
    for (const name of ['framing', 'step', 'a.split', 'r.direct', 'y.treasuries', 'p.years', 'f.months']) {
      assert.ok(params.has(name), `the link carries ${name}`);
    }
    await assertNoErrors(a);
  } finally {
    await a.context.close();
  }

  const b = await openPage(browser, link, { viewport: DESKTOP });
  try {
    const { page } = b;
    assert.equal(await inputValue(page, 'input-treasuries'), '72.5');
    assert.equal(await inputValue(page, 'input-direct'), '1.8');
    assert.equal(await inputValue(page, 'input-usdjpy'), '150');
    await becomes(() => text(page, 'step-position'), 'Step 3 of 8', 'the step position in the fresh browser');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    await showChart(page, 'allocation');
    // 72.5% of $550 billion is $398.75 billion; shown to $0.1 billion so that the parts add up
    // to $550 billion (largest remainder: the two 12.85% parts, $70.675 billion each, round up).
    assert.match(await text(page, 'description-allocation'), /\$398\.7 billion/);
    assert.equal(await page.locator(sel('notice-params')).isVisible(), false, 'no notice for a link the page wrote itself');
    await assertNoErrors(b);
  } finally {
    await b.context.close();
  }
});

test('Back and Forward walk the steps; slider changes do not add history entries', { timeout: TEST_TIMEOUT }, async () => {
  const t = await openPage(browser, server.url, { viewport: DESKTOP });
  try {
    const { page } = t;
    const entries = () => page.evaluate(() => history.length);
    const start = await entries();
    await type(page, 'input-treasuries', '71');
    await type(page, 'input-treasuries', '72');
    await page.waitForTimeout(400);
    assert.equal(await entries(), start, 'typing values replaces the history entry');
    await page.locator(sel('step-next')).click();
    await becomes(() => text(page, 'step-position'), 'Step 2 of 8', 'after Next');
    await page.locator(sel('step-next')).click();
    await becomes(() => text(page, 'step-position'), 'Step 3 of 8', 'after Next twice');
    await page.goBack();
    await becomes(() => text(page, 'step-position'), 'Step 2 of 8', 'after Back');
    await page.goBack();
    await becomes(() => text(page, 'step-position'), 'Step 1 of 8', 'after Back twice');
    await page.goForward();
    await becomes(() => text(page, 'step-position'), 'Step 2 of 8', 'after Forward');
    // The values typed earlier survive the walk through history.
    assert.equal(await inputValue(page, 'input-treasuries'), '72');
    await assertNoErrors(t);
  } finally {
    await t.context.close();
  }
});
