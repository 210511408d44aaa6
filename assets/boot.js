// Loads the explainer's WebAssembly. An external module (not an inline script), so the page runs
// under a strict Content-Security-Policy with script-src 'self'.
const tag = document.querySelector("script[data-wasm]");
function fail(err) {
  const box = document.createElement("p");
  box.className = "boot-error";
  box.setAttribute("role", "alert");
  box.textContent = "This explainer could not start in this browser (it needs WebAssembly). Try reloading, or a current browser.";
  document.body.appendChild(box);
  console.error(err);
}
try {
  const mod = await import(new URL(tag.dataset.js, document.baseURI).href);
  await mod.default({ module_or_path: new URL(tag.dataset.wasm, document.baseURI).href });
} catch (err) {
  fail(err);
}
