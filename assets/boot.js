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

const target = redirect();
if (target) {
  location.replace(target);
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
  const tag = document.querySelector("script[data-wasm]");
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
