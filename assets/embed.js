// Embed pages tell their host how tall they are, from the first paint on (before and without
// the WebAssembly), whenever that changes, in three formats (see the README):
//   pym.js:  pymxPYMx<childId>xPYMxheightxPYMx<height>
//   AMP:     {"sentinel":"amp","type":"embed-size","height":<height>}
//   our own: {"type":"japan-fund-explainer:height","chart":"<chart>","height":<height>}
// Nothing is read from the host's messages: this script only sends.
(function () {
  if (window.parent === window) return;
  // pym's parent passes childId; it is echoed back only if it is a plain identifier.
  var raw = new URLSearchParams(location.search).get("childId");
  var childId = raw && /^[A-Za-z0-9_-]{1,64}$/.test(raw) ? raw : null;
  var last = 0;
  function measure() {
    var root = document.querySelector('[data-testid="embed-root"]');
    var app = document.getElementById("app");
    if (!root || !app) return;
    var h = Math.ceil(root.getBoundingClientRect().height);
    if (!(h > 0) || h === last) return;
    last = h;
    var chart = app.getAttribute("data-embed") || "";
    if (childId) window.parent.postMessage("pymxPYMx" + childId + "xPYMxheightxPYMx" + h, "*");
    window.parent.postMessage({ sentinel: "amp", type: "embed-size", height: h }, "*");
    window.parent.postMessage({ type: "japan-fund-explainer:height", chart: chart, height: h }, "*");
  }
  function watch() {
    measure();
    if (typeof ResizeObserver === "function") {
      // The body holds the embed root, including the one the app puts in place when it starts.
      new ResizeObserver(measure).observe(document.body);
    }
    // The app replaces the root at start; measure the new one.
    new MutationObserver(measure).observe(document.body, { childList: true });
    window.addEventListener("resize", measure);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
  else watch();
})();
