// Developer aid: compares the slider-to-chart latency of two builds, interleaved, so that a change
// smaller than the machine's drift (±10–20% between benchmark runs here) can still be seen.
// Each round measures build A then build B (B then A on odd rounds), the page and the allocation
// embed, each in a fresh page: `--inputs` slider inputs after 10 warm-up inputs, latency = the
// last DOM mutation of the chart (MutationObserver) minus the input's dispatch, as in bench.mjs.
// Prints, per build, the median of the rounds' medians and every round's median.
//
// Usage: node e2e/latency-ab.mjs DIST_A DIST_B [--rounds 5] [--inputs 400]
import { chromium } from "playwright-core";
import { startServer } from "./server.mjs";

const args = process.argv.slice(2);
const dists = args.filter((a, i) => !a.startsWith("--") && !(i > 0 && args[i - 1].startsWith("--")));
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  const v = i >= 0 ? Number(args[i + 1]) : dflt;
  if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} wants a positive whole number`);
  return v;
};
if (dists.length !== 2) {
  console.error("usage: node e2e/latency-ab.mjs DIST_A DIST_B [--rounds 5] [--inputs 400]");
  process.exit(2);
}
const rounds = opt("rounds", 5);
const inputs = opt("inputs", 400);
// Cross-origin isolation gives performance.now() its fine resolution (as in bench.mjs).
const headers = { "Cross-Origin-Opener-Policy": "same-origin", "Cross-Origin-Embedder-Policy": "require-corp" };
const servers = await Promise.all(dists.map((root) => startServer({ root, headers })));
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update"],
});
const CHART = '[data-testid="chart-allocation"]';
const targets = [
  // The embed starts in the record's framing, where the Treasuries slider is off: the article's.
  ["embed", "embed/allocation/?framing=article"],
  ["page", ""],
];

async function measure(url, label) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.goto(url);
    // The embed starts its wasm on the reader's intent.
    await page.mouse.move(100, 100);
    await page.mouse.move(200, 200);
    await page.waitForSelector("html.app", { timeout: 30000 });
    if (label === "page") await page.click('[data-testid="tab-allocation"]');
    await page.waitForTimeout(400);
    return await page.evaluate(
      async ([n, chartSel]) => {
        const slider = document.querySelector('[data-testid="slider-treasuries"]');
        const chart = document.querySelector(chartSel);
        let last = null;
        new MutationObserver(() => (last = performance.now())).observe(chart, {
          subtree: true,
          childList: true,
          attributes: true,
          characterData: true,
        });
        const task = () =>
          new Promise((r) => {
            const c = new MessageChannel();
            c.port1.onmessage = () => r();
            c.port2.postMessage(0);
          });
        const settle = async () => {
          await task();
          await new Promise((r) => setTimeout(r, 0));
          await new Promise((r) => requestAnimationFrame(() => r()));
          await task();
        };
        const xs = [];
        for (let i = 0; i < n + 10; i++) {
          let v = (70 + 0.5 * (i % 21)).toFixed(1);
          if (v === slider.value) v = (Number(v) + 0.5).toFixed(1);
          await settle();
          last = null;
          slider.value = v;
          const t0 = performance.now();
          slider.dispatchEvent(new Event("input", { bubbles: true }));
          await settle();
          if (i >= 10 && last != null) xs.push(last - t0);
        }
        xs.sort((a, b) => a - b);
        return xs.length ? xs[Math.floor(xs.length / 2)] : null;
      },
      [inputs, CHART],
    );
  } finally {
    await page.close();
  }
}

const results = dists.map(() => Object.fromEntries(targets.map(([label]) => [label, []])));
for (let r = 0; r < rounds; r++) {
  const order = r % 2 ? [1, 0] : [0, 1];
  for (const k of order) {
    for (const [label, path] of targets) {
      const m = await measure(servers[k].url + path, label);
      if (m != null) results[k][label].push(m);
    }
  }
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};
console.log(`slider → chart latency, median of ${rounds} interleaved rounds (${inputs} inputs each), ms`);
for (const [k, dist] of dists.entries()) {
  const parts = targets.map(([label]) => {
    const xs = results[k][label];
    return `${label} ${median(xs).toFixed(3)} [${xs.map((x) => x.toFixed(3)).join(" ")}]`;
  });
  console.log(`${k ? "B" : "A"} ${dist}: ${parts.join("  ")}`);
}
await browser.close();
await Promise.all(servers.map((s) => s.close()));
