"""The "page not found" page, one per language (MkDocs-free).

A web server shows ``404.html`` for a missing address at any depth
(``/a/b/missing.html``), so its links and assets start at the site root
(``/``, or ``/help/`` under a subpath); a page opened from ``file://`` (the
offline copy) sees those as the disk's root. Neither a ``<base>`` element
(a strict CSP forbids it) nor one set of URLs serves both, so the page has
root-absolute URLs and, for files,

- its stylesheets a second time, relative to the file (the project's nginx
  configuration answers such requests from below the root with the site's
  own assets; elsewhere they fail, and the absolute ones style the page);
- a small script (``assets/javascripts/hc-404.js``), loaded both by a
  relative URL and from the root (it runs once), that, only under ``file://``, points
  every root-absolute link and form of the page at the site folder, and
  sends the search form's query by navigating (the CSP's
  ``form-action 'none'`` forbids submitting a form).

The default language's page is ``404.html``, every other one's
``<lang>/404.html``: the address a server is told to use for its part of
the site (``error_page 404 /en/404.html`` for ``/en/``).
"""

from __future__ import annotations

from dataclasses import dataclass

from helpcenter.site.publish import SiteLayout

TEMPLATE = "404.html"
"""MkDocs renders this theme template once per language build."""
SCRIPT = "assets/javascripts/hc-404.js"
"""Site path of the script that makes the page's links work from files."""


@dataclass(frozen=True)
class NotFound:
    """What the 404 template of one language needs."""

    lang: str
    """The page's language."""
    path: str
    """Its site path: ``404.html`` or ``en/404.html``."""
    root: str
    """URL path of the site root, as a server sees it (``/`` or ``/help/``)."""
    rel: str
    """The site root relative to the page's own file (``""`` or ``"../"``)."""
    home: str
    """Root-absolute URL of the language's home page."""
    verify: str
    """Root-absolute URL of the language's verifier."""
    contact: str
    """Root-absolute URL of the language's contact page."""
    script: str
    """URL of :data:`SCRIPT` relative to the page's file."""
    script_path: str = SCRIPT
    """Site path of :data:`SCRIPT` (after :attr:`root`, for a server at any depth)."""


def not_found(layout: SiteLayout, lang: str) -> NotFound:
    """The 404 page of ``lang`` in ``layout``."""
    path = TEMPLATE if lang == layout.default else f"{lang}/{TEMPLATE}"
    rel = "../" * path.count("/")
    root = layout.root_path

    def url(page: str) -> str:
        return root + layout.site_path(page, lang)

    return NotFound(
        lang=lang,
        path=path,
        root=root,
        rel=rel,
        home=url("index.md"),
        verify=url("verify.md"),
        contact=url("contact/index.md"),
        script=rel + SCRIPT,
    )
