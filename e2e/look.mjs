// Developer aid: screenshots of the page, or of one element, for a human to look at.
// Usage: node e2e/look.mjs URL OUT.png [--width 1280 --height 800] [--selector CSS] [--dark] [--full]
//        [--no-js] (scripts off) [--block-wasm] (the WebAssembly request fails)
import { chromium } from "playwright-core";

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const [url, out] = args;
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const page = await browser.newPage({
  viewport: { width: Number(opt("--width", 1280)), height: Number(opt("--height", 800)) },
  colorScheme: args.includes("--dark") ? "dark" : "light",
  javaScriptEnabled: !args.includes("--no-js"),
});
if (args.includes("--block-wasm")) await page.route(/\.wasm$/, (r) => r.abort());
page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") console.log(`console.${m.type()}: ${m.text()}`); });
page.on("pageerror", (e) => console.log(`pageerror: ${e.message}`));
await page.goto(url);
await page.waitForSelector("[data-testid=chart-waffle] svg", { timeout: 20000 }).catch(() => console.log("no waffle chart"));
const sel = opt("--selector", null);
if (sel) {
  await page.locator(sel).first().scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  await page.locator(sel).first().screenshot({ path: out });
} else {
  await page.screenshot({ path: out, fullPage: args.includes("--full") });
}
await browser.close();
