// Starts the explainer's WebAssembly on the prerendered page. An external module (not an inline
// script), so the page runs under a strict Content-Security-Policy with script-src 'self'.
//
// The page is complete before this runs: text, charts at the default state, tables and sources
// were written at build time. If the WebAssembly cannot start (blocked, missing, refused by a
// CSP, or an old browser), the page stays as it is and says that its charts are not interactive.
const root = document.getElementById("app");
const html = document.documentElement;

// A disclosure the reader opens or closes before the app starts keeps that state after it.
document.addEventListener("click", (e) => {
  const summary = e.target instanceof Element ? e.target.closest("summary") : null;
  if (summary && summary.parentElement) summary.parentElement.dataset.touched = "1";
}, true);

// Where to send the reader instead, if anywhere: a link asking for the other language
// (`?lang=`) goes to that language's page (named by the page's own hreflang link), and a link
// published before embed pages existed (`?embed=<chart>` on the page) goes to the chart's own
// page, each with the rest of the link's state.
function redirect() {
  const params = new URLSearchParams(location.search);
  const lang = params.get("lang");
  if ((lang === "en" || lang === "ja") && lang !== html.lang) {
    const alt = document.querySelector(`link[rel="alternate"][hreflang="${lang}"]`);
    if (alt) {
      const target = new URL(alt.getAttribute("href"), location.href);
      target.search = location.search;
      target.hash = location.hash;
      return target.href;
    }
  }
  const wanted = params.get("embed");
  const known = (html.dataset.embeds || "").split(" ").filter(Boolean);
  if (root && !root.dataset.embed && wanted && known.includes(wanted)) {
    params.delete("embed");
    const rest = params.toString();
    return new URL(`embed/${wanted}/${rest ? "?" + rest : ""}${location.hash}`, location.href).href;
  }
  return null;
}

// Embed pages (data-start="intent" on this script) start the WebAssembly only when the reader
// shows an intent to use the chart: a pointer moving over it or pressed, a touch, a key, or focus
// inside. Until then the prerendered chart is the chart, and a reader who scrolls past an embed in
// a host's article downloads no wasm at all. A link that carries numbers (any of the page's state
// parameters, listed by the build in data-state-params) starts at once, because the prerendered
// chart shows the default numbers. The look (theme, controls) needs no wasm: head.js applied it.
const INTENT = ["pointerdown", "pointermove", "touchstart", "keydown", "focusin"];

function startOnIntent() {
  const go = () => {
    for (const kind of INTENT) document.removeEventListener(kind, go, true);
    start();
  };
  for (const kind of INTENT) document.addEventListener(kind, go, { capture: true, passive: true });
}

function linkHasNumbers(tag) {
  const names = (tag.dataset.stateParams || "").split(" ").filter(Boolean);
  const params = new URLSearchParams(location.search);
  return names.some((name) => params.has(name));
}

let started = false;
const target = redirect();
const bootTag = document.querySelector("script[data-wasm]");
if (target) {
  location.replace(target);
} else if (bootTag && bootTag.dataset.start === "intent" && !linkHasNumbers(bootTag)) {
  startOnIntent();
} else {
  start();
}

function staticOnly(err) {
  html.classList.add("no-app");
  const notice = document.querySelector('[data-testid="notice-static"]');
  if (notice) {
    notice.hidden = false;
  } else if (!root) {
    const box = document.createElement("p");
    box.className = "boot-error";
    box.setAttribute("role", "alert");
    box.textContent = html.lang === "ja"
      ? "このブラウザーでは解説を起動できませんでした(WebAssemblyが必要です)。再読み込みするか、最新のブラウザーでお試しください。"
      : "This explainer could not start in this browser (it needs WebAssembly). Try reloading, or a current browser.";
    document.body.appendChild(box);
  }
  if (err) console.warn("The interactive charts could not start:", err);
}

async function start() {
  if (started) return;
  started = true;
  const tag = bootTag;
  if (!tag || typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") {
    staticOnly(null);
    return;
  }
  try {
    const mod = await import(new URL(tag.dataset.js, document.baseURI).href);
    await mod.default({ module_or_path: new URL(tag.dataset.wasm, document.baseURI).href });
  } catch (err) {
    staticOnly(err);
  }
}
