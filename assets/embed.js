// Embed pages tell their host how tall they are, from the first paint on (before and without
// the WebAssembly), whenever that changes, in three formats (see the README):
//   pym.js:  pymxPYMx<childId>xPYMxheightxPYMx<height>
//   AMP:     {"sentinel":"amp","type":"embed-size","height":<height>}
//   our own: {"type":"japan-fund-explainer:height","chart":"<chart>","height":<height>}
//
// Messages from the host are untrusted. The only one read is pym.js's width message, in its exact
// form, from the parent window, for this frame's childId; it makes the page measure and report
// its height again. Everything else is ignored: nothing from a message is parsed as markup,
// shown, stored or used to change the reader's numbers.
(function () {
  if (window.parent === window) return;
  // pym's parent passes childId; it is echoed back only if it is a plain identifier.
  var raw = new URLSearchParams(location.search).get("childId");
  var childId = raw && /^[A-Za-z0-9_-]{1,64}$/.test(raw) ? raw : null;
  var last = 0;
  function measure(force) {
    var root = document.querySelector('[data-testid="embed-root"]');
    var app = document.getElementById("app");
    if (!root || !app) return;
    var h = Math.ceil(root.getBoundingClientRect().height);
    if (!(h > 0) || (h === last && !force)) return;
    last = h;
    var chart = app.getAttribute("data-embed") || "";
    if (childId) window.parent.postMessage("pymxPYMx" + childId + "xPYMxheightxPYMx" + h, "*");
    window.parent.postMessage({ sentinel: "amp", type: "embed-size", height: h }, "*");
    window.parent.postMessage({ type: "japan-fund-explainer:height", chart: chart, height: h }, "*");
  }
  var PYM_WIDTH = /^pymxPYMx([A-Za-z0-9_-]{1,64})xPYMxwidthxPYMx([0-9]{1,5})$/;
  window.addEventListener("message", function (e) {
    if (e.source !== window.parent) return;
    var data = e.data;
    if (typeof data !== "string" || data.length > 120) return;
    var m = PYM_WIDTH.exec(data);
    if (!m || !childId || m[1] !== childId) return;
    measure(true);
  });
  function watch() {
    measure(false);
    if (typeof ResizeObserver === "function") {
      new ResizeObserver(function () { measure(false); }).observe(document.body);
    }
    window.addEventListener("resize", function () { measure(false); });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
  else watch();
})();
