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
})();
