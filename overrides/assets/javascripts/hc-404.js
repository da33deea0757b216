/* The 404 page's script (see helpcenter.site.notfound).

   Its search form opens the home page's search with the query (?q=). The
   site's Content-Security-Policy forbids form submission (form-action
   'none'), so the query is sent by navigating, which the policy allows.

   Opened from a file (the offline copy), the page's links start at the
   site root, as a web server shows the page at any depth, and from file://
   that root would be the disk's: point them at the site folder instead,
   found from this script's own address (<site>/assets/javascripts/hc-404.js). */
(function () {
  "use strict";
  var script = document.currentScript;
  /* Loaded twice, relative to the file and from the site root: run once. */
  if (!script || window.hcNotFound) return;
  window.hcNotFound = true;
  if (location.protocol === "file:") {
    var root = script.getAttribute("data-root") || "/";
    var site = new URL("../../", script.src).href;
    var fix = function (el, attr) {
      var value = el.getAttribute(attr);
      if (value && value.indexOf(root) === 0 && value.indexOf("//") !== 0) {
        el.setAttribute(attr, site + value.slice(root.length));
      }
    };
    document.querySelectorAll("a[href]").forEach(function (a) { fix(a, "href"); });
    document.querySelectorAll("form[action]").forEach(function (f) { fix(f, "action"); });
  }
  document.querySelectorAll("form.hc-404__search").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var query = form.querySelector("input[name=q]");
      if (!query || !query.value.trim()) return;
      var target = new URL(form.getAttribute("action"), location.href);
      target.search = "?q=" + encodeURIComponent(query.value.trim());
      location.assign(target.href);
    });
  });
})();
