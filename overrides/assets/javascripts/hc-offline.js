/* Pages opened from file:// (a copy of site/): the hreflang alternates in
   <head> are the public site's absolute addresses, for search engines. The
   theme asks each alternate's site for its sitemap.xml, which from a file
   would be a request to the public site: an offline reader's page sends
   none (the site's policy would refuse it anyway), so the links go before
   the theme starts. The language switch uses its own, relative links. */
(function () {
  "use strict";
  if (location.protocol !== "file:") return;
  function strip() {
    document.querySelectorAll("link[rel=alternate][hreflang]").forEach(function (link) {
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(link.getAttribute("href") || "")) link.remove();
    });
  }
  /* The alternates come later in <head> than this script; the theme reads
     them when the document is loaded, after this listener (added first). */
  document.addEventListener("DOMContentLoaded", strip);
})();
