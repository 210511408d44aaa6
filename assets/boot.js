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
// a host's article downloads no wasm at all. A link that carries other numbers than the
// prerendered chart's (a state parameter, listed by the build in data-state-params, whose value is
// not the one in data-state-defaults) starts at once, because the prerendered chart would be
// wrong. The embed dialog's snippets carry every parameter; at the defaults they wait too. The
// look (theme, controls) needs no wasm: head.js applied it.
const INTENT = ["pointerdown", "pointermove", "touchstart", "keydown", "focusin"];

// Starts the app on the first of `kinds` (document events, captured) that `wanted` accepts, and
// returns that start (which also drops the listeners), for other triggers to call.
function startOn(kinds, wanted) {
  const onEvent = (e) => {
    if (wanted(e)) go();
  };
  const go = () => {
    for (const kind of kinds) document.removeEventListener(kind, onEvent, true);
    start();
  };
  for (const kind of kinds) document.addEventListener(kind, onEvent, { capture: true, passive: true });
  return go;
}

function startOnIntent() {
  startOn(INTENT, () => true);
}

// The full page (data-start="reader") waits for its reader too, more patiently: a phone reader on
// a slow network reads the prerendered walkthrough (it follows the link's step and answers tabs
// and step buttons without the wasm, see staticWalkthrough) before paying about 230 KB for the
// interactive charts. It starts when the reader reaches for something the app runs (a control,
// a tab, a step button, a chart's embed, cite or download buttons: a touch, a press, a pointer
// over it, focus in it, or any key), when a control comes within half a screen of the view, or,
// on a fast and unmetered connection, as soon as the page is idle. Scrolling and reading alone
// do not start it.
const REACH = "input, select, textarea, button, [role='slider'], .controls-block";

function fastAndUnmetered() {
  // A coarse primary pointer (a touch screen) is a phone or tablet: its data may be metered, and
  // its network is often slower than it reports (Chromium calls a 1.6 Mbit/s "slow 4G" 4g).
  if (window.matchMedia && window.matchMedia("(pointer: coarse)").matches) return false;
  const c = navigator.connection;
  if (c && (c.saveData || c.type === "cellular")) return false;
  if (c && c.effectiveType && c.effectiveType !== "4g") return false;
  return true;
}

function startForReader() {
  const go = startOn(["pointerdown", "touchstart", "pointerover", "focusin", "keydown"], (e) => {
    if (e.type === "keydown") return true;
    const el = e.target instanceof Element ? e.target : null;
    return !!(el && root && root.contains(el) && el.closest(REACH));
  });
  const controls = root ? root.querySelectorAll(".controls-block, input[type='range']") : [];
  if (controls.length && "IntersectionObserver" in window) {
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((en) => en.isIntersecting)) {
        observer.disconnect();
        go();
      }
    }, { rootMargin: "50% 0px 50% 0px" });
    for (const c of controls) observer.observe(c);
  }
  if (fastAndUnmetered()) {
    const idle = () => (window.requestIdleCallback ? requestIdleCallback(go, { timeout: 1000 }) : setTimeout(go, 0));
    if (document.readyState === "complete") idle();
    else window.addEventListener("load", idle, { once: true });
  }
}

function linkHasNumbers(tag) {
  const names = (tag.dataset.stateParams || "").split(" ").filter(Boolean);
  const params = new URLSearchParams(location.search);
  const defaults = new URLSearchParams(tag.dataset.stateDefaults || "");
  return names.some((name) => params.has(name) && (!defaults.has(name) || params.get(name) !== defaults.get(name)));
}

// Before the WebAssembly (and if it never starts), the prerendered walkthrough already follows
// the link and the reader. A permalink's step (`?step=N`) is the current step, in view, with its
// chart in the panel; a tap on a chart tab shows that chart; Previous and Next move a step and
// write it into the address, so the app starts where the reader is. A tab chosen before the app
// is chosen again once it has taken over (its own handlers then own the buttons). Only the exact
// elements the build wrote are touched, and only their attributes and numbers, never markup.
let earlyTab = null;

function staticWalkthrough() {
  const panel = root && !root.dataset.embed ? root.querySelector(".panel[data-step-charts]") : null;
  const steps = root ? [...root.querySelectorAll("article.step[id^='step-']")] : [];
  if (!panel || steps.length === 0) return;
  const charts = panel.dataset.stepCharts.split(" ");
  const tabs = [...panel.querySelectorAll("button[data-testid^='tab-']")];
  const moves = [...root.querySelectorAll("[data-testid='step-prev'], [data-testid='step-next']")];
  const raw = new URLSearchParams(location.search).get("step");
  let step = /^[0-9]{1,3}$/.test(raw || "") ? Math.min(Math.max(Number(raw), 1), steps.length) - 1 : 0;
  let tab = null;
  const show = () => {
    const active = tab || charts[step] || charts[0];
    for (const t of tabs) {
      t.disabled = false;
      t.setAttribute("aria-pressed", t.dataset.testid === `tab-${active}` ? "true" : "false");
      const figure = document.getElementById(t.getAttribute("aria-controls") || "");
      if (figure) figure.hidden = t.dataset.testid !== `tab-${active}`;
    }
    steps.forEach((s, i) => (i === step ? s.setAttribute("aria-current", "step") : s.removeAttribute("aria-current")));
    for (const b of moves) b.disabled = b.dataset.testid === "step-prev" ? step === 0 : step === steps.length - 1;
    for (const p of root.querySelectorAll("[data-testid='step-position']")) {
      p.textContent = p.textContent.replace(/[0-9]+/, String(step + 1));
    }
  };
  const goTo = (i) => {
    step = i;
    tab = null;
    earlyTab = null;
    show();
    steps[i].scrollIntoView({ block: "start", behavior: "instant" });
    steps[i].focus({ preventScroll: true });
    const url = new URL(location.href);
    url.searchParams.set("step", String(i + 1));
    history.replaceState(history.state, "", url);
  };
  root.addEventListener("click", (e) => {
    if (html.classList.contains("app")) return;
    const b = e.target instanceof Element ? e.target.closest("button[data-testid]") : null;
    if (!b || !root.contains(b)) return;
    const id = b.dataset.testid;
    if (id.startsWith("tab-") && tabs.includes(b)) {
      tab = id.slice(4);
      earlyTab = b.dataset.testid;
      show();
    } else if (id === "step-prev" && step > 0) {
      goTo(step - 1);
    } else if (id === "step-next" && step < steps.length - 1) {
      goTo(step + 1);
    }
  });
  show();
  if (step > 0 && !location.hash) {
    // After head.js has shut what a phone starts shut (above the step), on DOMContentLoaded: this
    // module runs just before it, the page parsed but not yet laid out for good. (`load` only in
    // case that moment has passed.)
    let brought = false;
    const bring = () => {
      if (brought) return;
      brought = true;
      steps[step].scrollIntoView({ block: "start", behavior: "instant" });
    };
    if (document.readyState === "complete") bring();
    else {
      document.addEventListener("DOMContentLoaded", bring, { once: true });
      window.addEventListener("load", bring, { once: true });
    }
  }
}

// Once the app has taken over: the tab the reader chose before it, chosen again.
function replayEarly() {
  if (!earlyTab) return;
  const b = root && root.querySelector(`button[data-testid="${earlyTab}"]`);
  earlyTab = null;
  if (b && !b.disabled) b.click();
}

let started = false;
const target = redirect();
// This script's tag (head.js's may carry data-wasm too).
const bootTag = document.querySelector("script[data-js][data-wasm]");
if (target) {
  location.replace(target);
} else {
  staticWalkthrough();
  const mode = bootTag && !linkHasNumbers(bootTag) ? bootTag.dataset.start : null;
  if (mode === "intent") startOnIntent();
  else if (mode === "reader") startForReader();
  else start();
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

// Fetches and compiles the WebAssembly (streaming when the server labels it application/wasm),
// so that it compiles while the glue loads: the one download, with its integrity.
function compileWasm(url, integrity) {
  const response = fetch(url, integrity ? { integrity } : {});
  return response.then((res) => {
    if (!res.ok) throw new Error(`failed to fetch ${url}: ${res.status}`);
    const type = (res.headers.get("Content-Type") || "").split(";")[0].trim();
    if (type === "application/wasm" && typeof WebAssembly.compileStreaming === "function") {
      return WebAssembly.compileStreaming(res);
    }
    return res.arrayBuffer().then((bytes) => WebAssembly.compile(bytes));
  });
}

// Resolves once the prerendered page has had its chance to paint: taking it over is one long
// task, and run before the first frame it would hold back the text and charts the reader came
// for. A page that has painted already (an embed started by the reader's intent, usually) does
// not wait; one that is not painting (hidden, or an iframe the browser throttles) waits at most
// 100 ms.
function hasPainted() {
  try {
    return performance.getEntriesByType("paint").length > 0;
  } catch (_) {
    return false;
  }
}

function afterPaint() {
  if (document.visibilityState !== "visible" || hasPainted()) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() => setTimeout(() => {
      clearTimeout(timer);
      resolve();
    }, 0));
  });
}

async function start() {
  if (started) return;
  started = true;
  const tag = bootTag;
  if (!tag || typeof WebAssembly !== "object" || typeof WebAssembly.compile !== "function") {
    staticOnly(null);
    return;
  }
  try {
    const compiled = compileWasm(new URL(tag.dataset.wasm, document.baseURI).href, tag.dataset.integrity);
    const glue = import(new URL(tag.dataset.js, document.baseURI).href);
    const [mod, module] = await Promise.all([glue, compiled]);
    await afterPaint();
    await mod.default({ module_or_path: module });
    replayEarly();
  } catch (err) {
    staticOnly(err);
  }
}
