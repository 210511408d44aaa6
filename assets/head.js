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
