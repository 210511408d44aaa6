// The script embed's loader (Datawrapper-style; see the README, "Publishing"). Each
// `<div data-japan-fund-embed data-src="…/embed/<chart>/?…">` on the page gets a responsive iframe
// of that embed page (on this script's own site only), kept as tall as the chart says it is
// (its `japan-fund-explainer:height` message, from that frame only). The div's `<noscript>` image
// stands in where scripts are off.
(function (script) {
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
})(document.currentScript);
