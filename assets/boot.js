// Starts the explainer's WebAssembly on the prerendered page. An external module (not an inline
// script), so the page runs under a strict Content-Security-Policy with script-src 'self'.
//
// The page is complete before this runs: text, charts at the default state, tables and sources
// were written at build time. If the WebAssembly cannot start (blocked, missing, refused by a
// CSP, or an old browser), the page stays as it is and says that its charts are not interactive.
const root = document.getElementById("app");

// A disclosure the reader opens or closes before the app starts keeps that state after it.
document.addEventListener("click", (e) => {
  const summary = e.target instanceof Element ? e.target.closest("summary") : null;
  if (summary && summary.parentElement) summary.parentElement.dataset.touched = "1";
}, true);

// Links published before embed pages existed (`?embed=<chart>` on the page) go to the chart's
// own prerendered page, with the rest of their state.
const params = new URLSearchParams(location.search);
const wanted = params.get("embed");
const known = (document.documentElement.dataset.embeds || "").split(" ").filter(Boolean);
if (root && !root.dataset.embed && wanted && known.includes(wanted)) {
  params.delete("embed");
  const rest = params.toString();
  location.replace(new URL(`embed/${wanted}/${rest ? "?" + rest : ""}${location.hash}`, document.baseURI).href);
} else {
  start();
}

function staticOnly(err) {
  document.documentElement.classList.add("no-app");
  const notice = document.querySelector('[data-testid="notice-static"]');
  if (notice) {
    notice.hidden = false;
  } else if (!root) {
    const box = document.createElement("p");
    box.className = "boot-error";
    box.setAttribute("role", "alert");
    box.textContent = "This explainer could not start in this browser (it needs WebAssembly). Try reloading, or a current browser.";
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
