// On an embed page (`embed/<chart>/`): tells the host how tall the page is, from the first paint
// on and whenever it changes, as pym.js, AMP, our own and (with WordPress's `#?secret=`)
// WordPress messages; keeps the secret when the reader moves inside the frame; inside an opaque
// sandbox, a link that cannot open asks WordPress to follow it and shows its address. Messages
// from the host are untrusted: only pym's exact width message for this childId and WordPress's
// `ready` with this secret, from the parent, are read, and each only re-sends the height. See the
// README ("Embedding a chart", "Publishing"). The script embed's loader is `loader.js`.
(function () {
  var app = document.getElementById("app");
  if (!(app && app.getAttribute("data-embed")) || window.parent === window) return;

  // pym's parent passes childId; it is echoed back only if it is a plain identifier.
  var raw = new URLSearchParams(location.search).get("childId");
  var childId = raw && /^[A-Za-z0-9_-]{1,64}$/.test(raw) ? raw : null;
  // WordPress's secret (10 letters and digits from wp_generate_password), read from the hash;
  // it may arrive after the page does (wp-embed.js adds it to the src of a frame that has none).
  var secret = null;
  function readSecret() {
    var m = /^#\?(?:.*&)?secret=([A-Za-z0-9]{1,64})(?:&|$)/.exec(location.hash);
    if (m && m[1] !== secret) {
      secret = m[1];
      measure(true);
    }
  }
  // A sandboxed frame without allow-same-origin has the opaque origin "null".
  var opaque = (function () {
    try {
      return String(window.origin) === "null";
    } catch (_) {
      return true;
    }
  })();

  var last = 0;
  function measure(force) {
    var root = document.querySelector('[data-testid="embed-root"]');
    if (!root || !app) return;
    var h = Math.ceil(root.getBoundingClientRect().height);
    if (!(h > 0) || (h === last && !force)) return;
    last = h;
    var chart = app.getAttribute("data-embed") || "";
    var parent = window.parent;
    if (childId) parent.postMessage("pymxPYMx" + childId + "xPYMxheightxPYMx" + h, "*");
    parent.postMessage({ sentinel: "amp", type: "embed-size", height: h }, "*");
    parent.postMessage({ type: "japan-fund-explainer:height", chart: chart, height: h }, "*");
    if (secret) parent.postMessage({ message: "height", value: h, secret: secret }, "*");
  }

  var PYM_WIDTH = /^pymxPYMx([A-Za-z0-9_-]{1,64})xPYMxwidthxPYMx([0-9]{1,5})$/;
  window.addEventListener("message", function (e) {
    if (e.source !== window.parent) return;
    var data = e.data;
    if (typeof data === "string") {
      if (data.length > 120) return;
      var m = PYM_WIDTH.exec(data);
      if (m && childId && m[1] === childId) measure(true);
      return;
    }
    // WordPress's ready: a plain object whose two fields are exactly these strings.
    if (
      secret &&
      data !== null &&
      typeof data === "object" &&
      Object.getPrototypeOf(data) === Object.prototype &&
      data.message === "ready" &&
      data.secret === secret
    ) {
      measure(true);
    }
  });

  // Links. Moving inside the frame (the language switch) keeps the secret; inside an opaque
  // sandbox, a link that would leave the frame asks WordPress to follow it and shows its address.
  var address = null;
  function showAddress(href) {
    var root = document.querySelector('[data-testid="embed-root"]');
    if (!root) return;
    if (!address) {
      address = document.createElement("p");
      address.className = "embed-address";
      address.setAttribute("data-testid", "embed-address");
      address.setAttribute("role", "status");
      root.appendChild(address);
    }
    address.textContent = href;
    var sel = window.getSelection && window.getSelection();
    if (sel) sel.selectAllChildren(address);
  }
  document.addEventListener("click", function (e) {
    if (e.defaultPrevented || e.button !== 0 || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    var a = e.target instanceof Element ? e.target.closest("a[href]") : null;
    if (!a) return;
    var url;
    try {
      url = new URL(a.getAttribute("href"), location.href);
    } catch (_) {
      return;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") return;
    var leaves = (a.getAttribute("target") || "_self") !== "_self";
    if (!leaves) {
      if (secret && url.host === location.host && url.pathname !== location.pathname) {
        url.hash = "?secret=" + secret;
        a.setAttribute("href", url.href);
      }
      return;
    }
    if (!opaque) return;
    e.preventDefault();
    if (secret) window.parent.postMessage({ message: "link", value: url.href, secret: secret }, "*");
    showAddress(url.href);
  });

  function watch() {
    readSecret();
    measure(false);
    if (typeof ResizeObserver === "function") {
      new ResizeObserver(function () { measure(false); }).observe(document.body);
    }
    window.addEventListener("resize", function () { measure(false); });
    window.addEventListener("hashchange", readSecret);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
  else watch();
})();
