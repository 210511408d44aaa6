// Runs in <head>, before the page is first drawn, so the first paint already has the reader's
// theme (?theme=) and, on an embed page, the controls setting (?controls=). Only the exact
// values below are read; anything else keeps the defaults. Sets nothing from the URL as markup.
(function () {
  var html = document.documentElement;
  var params = new URLSearchParams(location.search);
  var theme = params.get("theme");
  html.setAttribute("data-theme", theme === "light" || theme === "dark" ? theme : "auto");
  if (html.hasAttribute("data-controls")) {
    var controls = params.get("controls");
    if (controls === "all" || controls === "compact" || controls === "none") {
      html.setAttribute("data-controls", controls);
    }
  }
  html.classList.add("js");
  // The full page's WebAssembly: its one download starts here, from the page's first script,
  // with the integrity the build wrote, and boot.js compiles that response. (A preload hint
  // would be fetched a second time by Firefox, whose fetch() reuses a preload only without
  // integrity, and by WebKit, which never reuses an as=fetch preload.) Not on a link that
  // boot.js sends elsewhere (another language, an old ?embed= link), nor on embed pages, whose
  // head.js tag has no data-wasm: they download on the reader's intent.
  var me = document.currentScript;
  var lang = params.get("lang");
  var leaving = ((lang === "en" || lang === "ja") && lang !== html.lang) || params.has("embed");
  if (me && me.getAttribute("data-wasm") && !leaving && typeof fetch === "function" && typeof WebAssembly === "object") {
    var url = new URL(me.getAttribute("data-wasm"), document.baseURI).href;
    var integrity = me.getAttribute("data-integrity");
    var response = fetch(url, integrity ? { integrity: integrity } : {});
    // boot.js reports a failure; until it takes the promise, a rejection is not "unhandled".
    response.catch(function () {});
    window.__fundWasm = { url: url, response: response };
  }
  // On a phone (the stylesheet's one-column width) the page is long: the secondary lists start
  // shut (each step's record box, the list of sources), unless the link points into them. Done
  // once the page is parsed, before the reader can reach them (they are below the first screen);
  // without scripts everything stays open.
  if (window.matchMedia && window.matchMedia("(max-width: 899px)").matches) {
    document.addEventListener("DOMContentLoaded", function () {
      var target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
      var shut = document.querySelectorAll("details.record-details[open], details.references-list[open]");
      for (var i = 0; i < shut.length; i++) {
        if (target && shut[i].contains(target)) continue;
        shut[i].removeAttribute("open");
      }
    });
  }
})();
