/* The 404 page opened from a file (the offline copy): its links start at the
   site root, as a web server shows the page at any depth, and from file://
   that root would be the disk's. Point them at the site folder instead,
   found from this script's own address (<site>/assets/javascripts/hc-404.js).
   On a web server this does nothing. See helpcenter.site.notfound. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || location.protocol !== "file:") return;
  var root = script.getAttribute("data-root") || "/";
  var site = new URL("../../", script.src).href;
  function fix(el, attr) {
    var value = el.getAttribute(attr);
    if (value && value.indexOf(root) === 0 && value.indexOf("//") !== 0) {
      el.setAttribute(attr, site + value.slice(root.length));
    }
  }
  document.querySelectorAll("a[href]").forEach(function (a) { fix(a, "href"); });
  document.querySelectorAll("form[action]").forEach(function (f) { fix(f, "action"); });
})();
