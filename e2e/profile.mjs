// Developer aid: CPU profile of slider inputs, aggregated by function (self time).
// Usage: node e2e/profile.mjs DIST_DIR [QUERY] [N]   (build DIST_DIR with data-keep-debug for names)
import { chromium } from "playwright-core";
import { startServer } from "./server.mjs";

const [dist, query = "", n = "200"] = process.argv.slice(2);
const server = await startServer({ root: dist });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.goto(server.url + query);
await page.waitForSelector('[data-testid="slider-treasuries"]');
await page.waitForTimeout(500);
const cdp = await page.context().newCDPSession(page);
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 50 });
await cdp.send("Profiler.start");
await page.evaluate(async (n) => {
  const s = document.querySelector('[data-testid="slider-treasuries"]');
  for (let i = 0; i < n; i++) {
    s.value = String(70 + (i % 20) * 0.5);
    s.dispatchEvent(new Event("input", { bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
  }
}, Number(n));
const { profile } = await cdp.send("Profiler.stop");
const dt = (profile.endTime - profile.startTime) / profile.samples.length / 1000; // ms per sample
const self = new Map();
for (const node of profile.nodes) {
  const name = node.callFrame.functionName || `(${node.callFrame.url.split("/").pop() || "program"})`;
  self.set(name, (self.get(name) || 0) + (node.hitCount || 0) * dt);
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log(`total sampled ${total.toFixed(1)} ms over ${n} inputs (${(total / Number(n)).toFixed(3)} ms/input incl. idle)`);
for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 45)) {
  console.log(`${v.toFixed(2).padStart(9)} ms  ${k.slice(0, 150)}`);
}
await browser.close();
await server.close();
