// Accessibility (axe-core, every default rule including best-practice, none disabled): the English
// page at step 1 and step 3, the Japanese page at step 1, every English embed page and the
// Japanese allocation embed, each light and dark, at 1280 and 390 px wide, after the WebAssembly
// client has taken the page over. Zero violations; a failure lists each rule with its impact and
// the first nodes (selector and markup) so it can be fixed.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST, REPO, TEST_TIMEOUT, launchBrowser, serveDist, until, settledStep, waitForTakeover, pointerNudge } from './helpers.mjs';

const AXE = path.join(REPO, 'e2e', 'node_modules', 'axe-core', 'axe.min.js');
const EMBEDS = fs.readdirSync(path.join(DIST, 'embed')).sort();

const VIEWPORTS = [
  { name: '1280', viewport: { width: 1280, height: 800 } },
  { name: '390', viewport: { width: 390, height: 844 } },
];
const THEMES = ['light', 'dark'];

/** The pages axe checks: path (from the site's root), the step to be on, whether it is an embed. */
const PAGES = [
  { name: 'en step 1', path: '', step: 1 },
  { name: 'en step 3', path: '', query: 'step=3', step: 3 },
  { name: 'ja step 1', path: 'ja/', step: 1 },
  ...EMBEDS.map((slug) => ({ name: `en embed ${slug}`, path: `embed/${slug}/`, embed: true })),
  { name: 'ja embed allocation', path: 'ja/embed/allocation/', embed: true },
];

let browser;
let server;
/** One browser context per viewport and colour scheme, shared by the pages checked in it. */
const contexts = new Map();

before(async () => {
  if (!fs.existsSync(AXE)) throw new Error(`${AXE} is missing: run npm install in e2e/`);
  server = await serveDist();
  browser = await launchBrowser();
});

after(async () => {
  for (const c of contexts.values()) await c.close().catch(() => {});
  await browser?.close();
  await server?.close();
});

async function contextFor(vp, theme) {
  const key = `${vp.name}-${theme}`;
  if (!contexts.has(key)) {
    // The pages are served with the site's own _headers (a strict CSP): axe is the test's tool,
    // injected as an inline script, so this context lets the tool past the policy.
    contexts.set(key, await browser.newContext({ viewport: vp.viewport, colorScheme: theme, reducedMotion: 'reduce', serviceWorkers: 'block', bypassCSP: true }));
  }
  return contexts.get(key);
}

/** One violation, readable: rule, impact, help, how many nodes, and the first few of them. */
function describe(v) {
  const nodes = v.nodes.slice(0, 4).map((n) => {
    const html = n.html.replace(/\s+/g, ' ').slice(0, 240);
    const why = (n.failureSummary || '').replace(/\s+/g, ' ').slice(0, 300);
    const related = [...n.any, ...n.all, ...n.none].flatMap((c) => c.relatedNodes || []).map((r) => JSON.stringify(r.target));
    const rel = related.length ? `\n        related (${related.length}): ${related.slice(0, 8).join(' ')}` : '';
    return `      - ${JSON.stringify(n.target)}\n        ${html}\n        ${why}${rel}`;
  });
  return `  ${v.id} (${v.impact}): ${v.help} [${v.nodes.length} node${v.nodes.length === 1 ? '' : 's'}]\n${nodes.join('\n')}`;
}

/**
 * Opens `path?params` in the shared context for this viewport and theme, waits for the takeover
 * (and the step), runs `prepare(page)` (to open something), then axe; fails listing every
 * violation. No console errors either.
 */
async function check({ vp, theme, path: p, params, step, prepare }) {
  const label = `/${p}${params ? `?${params}` : ''}`;
  const context = await contextFor(vp, theme);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await page.goto(`${server.url}${label.slice(1)}`, { waitUntil: 'load' });
    await waitForTakeover(page, { errors, nudge: pointerNudge(page) });
    if (step) assert.equal(await settledStep(page), step, `the walkthrough is on step ${step}`);
    const scheme = await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme);
    assert.equal(scheme, theme, `the page is drawn ${theme} (color-scheme ${scheme})`);
    if (prepare) await prepare(page);
    // Let the charts' redraw for the theme and layout land before axe reads colours.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.addScriptTag({ path: AXE });
    const started = Date.now();
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const took = Date.now() - started;
    if (took > 8000) console.log(`[a11y] axe took ${took} ms on ${label} at ${vp.name} px, ${theme}`);
    const violations = result.violations;
    assert.equal(
      violations.length,
      0,
      `${violations.length} axe violation${violations.length === 1 ? '' : 's'} on ${label} at ${vp.name} px, ${theme}:\n${violations.map(describe).join('\n')}`,
    );
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await page.close().catch(() => {});
  }
}

for (const vp of VIEWPORTS) {
  for (const theme of THEMES) {
    for (const p of PAGES) {
      // Embeds are dark by their ?theme= (what the embed dialog writes); pages by the reader's system.
      const params = [p.query, p.embed && theme === 'dark' ? 'theme=dark' : null].filter(Boolean).join('&');
      const label = `/${p.path}${params ? `?${params}` : ''}`;
      test(`axe: ${p.name} (${label}) at ${vp.name} px, ${theme}`, { timeout: TEST_TIMEOUT }, async () => {
        await check({ vp, theme, path: p.path, params, step: p.step });
      });
    }
  }
}

// What a reader opens is checked too: the embed dialog (with its live preview) and a data table.
for (const theme of THEMES) {
  test(`axe: the embed dialog open on / at 1280 px, ${theme}`, { timeout: TEST_TIMEOUT }, async () => {
    await check({
      vp: VIEWPORTS[0],
      theme,
      path: '',
      step: 1,
      prepare: async (page) => {
        await page.locator('[data-testid="embed-waffle"]').click();
        await until(() => page.locator('[data-testid="embed-dialog"]').isVisible(), { message: 'the embed dialog to open' });
        await until(async () => (await page.locator('[data-testid="embed-snippet-pym"]').inputValue()).includes('embed/waffle/'), { message: 'the snippets' });
      },
    });
  });
  test(`axe: ja allocation embed with its data table open at 390 px, ${theme}`, { timeout: TEST_TIMEOUT }, async () => {
    await check({
      vp: VIEWPORTS[1],
      theme,
      path: 'ja/embed/allocation/',
      params: `controls=all${theme === 'dark' ? '&theme=dark' : ''}`,
      prepare: async (page) => {
        await page.locator('[data-testid="chart-allocation"] details.data summary').click();
        await until(() => page.locator('[data-testid="table-allocation"]').isVisible(), { message: 'the data table to open' });
      },
    });
  });
}
