// Two jobs, one file (see the README, "Embedding a chart" and "Publishing"):
//
// 1. On an embed page (`embed/<chart>/`), it tells the host how tall the page is, from the first
//    paint on (before and without the WebAssembly), whenever that changes, in four formats:
//      pym.js:    pymxPYMx<childId>xPYMxheightxPYMx<height>
//      AMP:       {"sentinel":"amp","type":"embed-size","height":<height>}
//      our own:   {"type":"japan-fund-explainer:height","chart":"<chart>","height":<height>}
//      WordPress: {"message":"height","value":<height>,"secret":"<secret>"}, only when the frame's
//                 address carries WordPress's `#?secret=…` (its oEmbed embeds do), which is kept
//                 when the reader moves inside the frame (the language switch).
//    Inside a sandbox with an opaque origin (WordPress frames embeds with
//    sandbox="allow-scripts"), links that would leave the frame cannot open: the link to the full
//    explainer and the source links then ask WordPress to follow them (its `link` message, which
//    it obeys for the frame's own host while the frame has focus), and show their address so
//    the reader can copy it wherever no host follows.
//
//    Messages from the host are untrusted. The only ones read are pym.js's width message, in its
//    exact form, for this frame's childId, and WordPress's `ready` message with this frame's
//    secret, each from the parent window; each only makes the page report its height again.
//    Everything else is ignored: nothing from a message is parsed as markup, shown, stored or used
//    to change the reader's numbers.
//
// 2. On any other page (a newsroom's article), it is the loader of the script embed: each
//    `<div data-japan-fund-embed data-src="…/embed/<chart>/?…">` gets a responsive iframe of that
//    embed page (on this script's own site only), kept as tall as the chart says it is. The div's
//    `<noscript>` image stands in where scripts are off.
(function () {
  var app = document.getElementById("app");
  if (!(app && app.getAttribute("data-embed"))) {
    loader(document.currentScript);
    return;
  }
  if (window.parent === window) return;

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

  // The script embed's loader (see 2. above).
  function loader(script) {
    var base = script && script.src ? script.src : null;
    if (!base) return;
    var home = new URL(base);
    var boxes = document.querySelectorAll("[data-japan-fund-embed]");
    for (var i = 0; i < boxes.length; i++) {
      var box = boxes[i];
      if (box.hasAttribute("data-japan-fund-ready")) continue;
      var url;
      try {
        url = new URL(box.getAttribute("data-src") || "", base);
      } catch (_) {
        continue;
      }
      // Only this site's embed pages: the loader never frames another address.
      if (url.origin !== home.origin || !/\/embed\/[a-z-]{1,40}\/$/.test(url.pathname)) continue;
      var h = parseInt(box.getAttribute("data-height") || "", 10);
      var frame = document.createElement("iframe");
      frame.src = url.href;
      frame.title = box.getAttribute("data-title") || "";
      frame.setAttribute("width", "100%");
      frame.setAttribute("height", String(h >= 100 && h <= 4000 ? h : 600));
      frame.setAttribute("frameborder", "0");
      frame.setAttribute("scrolling", "no");
      frame.setAttribute("loading", "lazy");
      frame.style.border = "0";
      frame.style.width = "100%";
      frame.style.display = "block";
      box.setAttribute("data-japan-fund-ready", "");
      box.appendChild(frame);
    }
    if (window.__japanFundEmbedLoader) return;
    window.__japanFundEmbedLoader = true;
    window.addEventListener("message", function (e) {
      var d = e.data;
      if (!d || typeof d !== "object" || d.type !== "japan-fund-explainer:height") return;
      var h = d.height;
      if (typeof h !== "number" || !(h >= 50 && h <= 10000)) return;
      var frames = document.querySelectorAll("[data-japan-fund-embed] > iframe");
      for (var j = 0; j < frames.length; j++) {
        if (frames[j].contentWindow === e.source) frames[j].setAttribute("height", String(Math.ceil(h)));
      }
    });
  }
})();
