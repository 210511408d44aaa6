// Developer aid: screenshots of the page, or of one element, for a human to look at.
// Usage: node e2e/look.mjs URL OUT.png [--width 1280 --height 800] [--selector CSS] [--dark] [--full]
//        [--no-js] (scripts off) [--block-wasm] (the WebAssembly request fails)
//
// In each browser: node e2e/look.mjs --browser chromium|firefox|webkit|all [URL] [--path ja/] [--out DIR]
//   screenshots the first screen of URL (default: dist/ served on loopback, at --path) at
//   1280×800 and at 390×844, once the app has taken the page over, as
//   DIR/look-<browser>[-<path>]-<w>x<h>.png (DIR defaults to /tmp). Driven through e2e/browsers/ (Chromium: playwright-core; Firefox ESR:
//   puppeteer-core over WebDriver BiDi; WebKitGTK: WebKitWebDriver, the 390 px screen an iframe
//   of that size since MiniBrowser's window is never that narrow).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { launch, BROWSERS } from "./browsers/index.mjs";
import { startServer } from "./server.mjs";

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
if (args.includes("--browser")) {
  const which = opt("--browser", "all");
  const names = which === "all" ? BROWSERS : [which];
  const outDir = opt("--out", "/tmp");
  const given = args.find((a) => /^https?:/.test(a));
  const server = given ? null : await startServer({ root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "dist") });
  const sub = opt("--path", "");
  const url = given || server.url + sub;
  const tag = sub ? `-${sub.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "")}` : "";
  for (const name of names) {
    const browser = await launch(name);
    try {
      for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
        const page = await browser.newPage({ viewport });
        try {
          await page.goto(url);
          // The app's takeover (or its static fall-back), then two frames.
          const start = Date.now();
          let state = null;
          while (Date.now() - start < 30000) {
            state = await page.evaluate(() => (document.documentElement.classList.contains("app") ? "app" : document.documentElement.classList.contains("no-app") ? "static (no-app)" : null));
            if (state) break;
            await new Promise((r) => setTimeout(r, 100));
          }
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
          const file = path.join(outDir, `look-${name}${tag}-${viewport.width}x${viewport.height}.png`);
          await page.screenshot(file);
          const errors = await page.errors();
          console.log(`${file}: ${browser.version}, ${state ?? "not taken over in 30 s"}${errors.uncaught.length ? `; uncaught: ${errors.uncaught.join(" | ")}` : ""}${errors.console?.length ? `; console errors: ${errors.console.join(" | ")}` : ""}`);
        } finally {
          await page.close();
        }
      }
    } finally {
      await browser.close();
    }
  }
  await server?.close();
  process.exit(0);
}

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
