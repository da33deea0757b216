"""Key paths in Chromium over nginx with the production config (deploy/nginx/).

The other browser tests open the site from ``file://``; these load it as
readers will, over HTTP with the server's headers in force, the
Content-Security-Policy header included: navigation, the language switch,
search, the verifier, the 404 pages at depth in both languages, and the
published files' content types, at the root and under a subpath. A request
to any other origin is aborted and fails the test, and so does any CSP
violation or script error.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from nginx_server import Served, free_port, nginx  # noqa: E402
from project_files import build_site  # noqa: E402

SEARCH_INPUT = "input[data-md-component=search-query]"
SEARCH_ITEM = ".md-search-result__list > li.md-search-result__item"

WATCH_CSP = """
window.__hcViolations = [];
document.addEventListener('securitypolicyviolation', e => {
  window.__hcViolations.push(e.violatedDirective + ' ' + e.blockedURI);
});
"""


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The site built for its address on the loopback, as it would be for its domain (the
    theme's language switch reads the sitemap at site_url)."""
    port = free_port()
    site = build_site(tmp_path_factory.mktemp("served") / "site", f"http://127.0.0.1:{port}/")
    with nginx(site, tmp_path_factory.mktemp("nginx"), port=port) as server:
        yield server


@pytest.fixture(scope="module")
def served_subpath(tmp_path_factory):
    port = free_port()
    dest = tmp_path_factory.mktemp("served-sub") / "site"
    build_site(dest, f"http://127.0.0.1:{port}/help/")
    with nginx(dest, tmp_path_factory.mktemp("nginx-sub"), prefix="/help/", port=port) as server:
        yield server


class Visit:
    """A page in a context that reaches only ``server``; what went wrong is recorded."""

    def __init__(self, browser, server: Served, locale: str = "zh-CN") -> None:
        self.server = server
        self.origin = f"http://{server.host}:{server.port}"
        self.elsewhere: list[str] = []
        self.failed: list[str] = []
        self.console: list[str] = []
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, locale=locale)
        self.context.route("**/*", self._route)
        self.context.add_init_script(WATCH_CSP)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on("console", self._console)
        self.page.on("requestfailed", lambda r: self.failed.append(r.url))

    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith(self.origin + "/") or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            self.elsewhere.append(url)
            route.abort("blockedbyclient")

    def _console(self, msg) -> None:
        if msg.type == "error":
            self.console.append(f"{msg.text} ({msg.location.get('url')})")

    def goto(self, path: str, status: int = 200):
        response = self.page.goto(self.server.url(path))
        assert response is not None and response.status == status, path
        self.page.wait_for_load_state("load")
        return response

    def check_clean(self, not_found: str | None = None) -> None:
        """Nothing went wrong; ``not_found``: the page that was meant to be a 404."""
        violations = self.page.evaluate("window.__hcViolations")
        assert violations == [], f"CSP violations: {violations}"
        assert self.errors == [], self.errors
        expected = (
            f"status of 404 (Not Found) ({self.server.url(not_found)})" if not_found else None
        )
        console = [c for c in self.console if not (expected and c.endswith(expected))]
        assert console == [], console
        assert self.elsewhere == [], f"requests to other origins: {self.elsewhere}"
        assert self.failed == [], f"failed requests: {self.failed}"

    def close(self) -> None:
        self.context.close()


def search(page, query: str) -> str:
    """Type ``query`` in the search box until results show (the index loads in a
    worker, and a query typed before it is ready waits for the next keystroke);
    return the first result's link."""
    box = page.locator(SEARCH_INPUT)
    for _attempt in range(3):
        box.click()
        box.fill("")
        page.keyboard.insert_text(query)
        page.keyboard.press("Shift")
        try:
            page.wait_for_function(
                "sel => document.querySelectorAll(sel).length > 0", arg=SEARCH_ITEM, timeout=5000
            )
            break
        except Exception:  # noqa: BLE001 - playwright's TimeoutError; typed again
            continue
    href = page.locator(SEARCH_ITEM + " a").first.get_attribute("href")
    assert href, f"no search result for {query!r}"
    return href


@pytest.fixture
def visit(browser, served):
    v = Visit(browser, served)
    yield v
    v.close()


def test_navigation_and_language_switch(visit: Visit):
    response = visit.goto("")
    assert "content-security-policy" in response.headers
    page = visit.page
    page.locator(".md-sidebar--primary a[href$='faq.html']").first.click()
    page.wait_for_url("**/faq.html")
    assert page.locator("html").get_attribute("lang").startswith("zh")
    page.locator(".md-header .md-select").first.hover()
    page.locator("a.md-select__link[hreflang=en]").click()
    page.wait_for_url("**/en/faq.html")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").first.inner_text()
    visit.check_clean()


@pytest.mark.parametrize(("path", "query"), [("", "密码"), ("en/", "password")])
def test_search(visit: Visit, path: str, query: str):
    visit.goto(path)
    first = search(visit.page, query)
    assert not first.startswith("file:")
    visit.check_clean()


@pytest.mark.parametrize("path", ["verify.html", "en/verify.html"])
def test_verifier(visit: Visit, path: str):
    visit.goto(path)
    page = visit.page
    page.wait_for_function("() => window.hcVerifyData && window.hcVerify")
    for value, verdict in [
        ("service@bitp-help.example", "scam"),
        ("support@bitp.example", "official"),
        ("https://bitpp.example/", "lookalike"),
    ]:
        page.fill("#verify-input", value)
        assert page.get_attribute("#verify-result", "data-verdict") == verdict, value
    visit.check_clean()


@pytest.mark.parametrize(
    ("path", "lang"),
    [("nope.html", "zh"), ("a/b/c/nope.html", "zh"), ("en/a/b/c/nope.html", "en")],
)
def test_not_found_pages_at_depth(visit: Visit, served: Served, path: str, lang: str):
    visit.goto(path, status=404)
    page = visit.page
    english = (served.site_dir / "en" / "404.html").is_file()
    expected = served.site_dir / ("en/404.html" if lang == "en" and english else "404.html")
    title = page.title()
    assert title and title in expected.read_text(encoding="utf-8")
    # The theme's stylesheet applied: the page is styled, not bare HTML.
    assert page.evaluate("document.styleSheets.length") >= 2
    assert page.locator(".md-header").is_visible()
    visit.check_clean(not_found=path)


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        (".well-known/security.txt", "text/plain; charset=utf-8"),
        ("channels.json", "application/json; charset=utf-8"),
        ("sitemap.xml", "text/xml; charset=utf-8"),
        ("feeds/hosts.txt", "text/plain; charset=utf-8"),
        ("feeds/adblock.txt", "text/plain; charset=utf-8"),
        ("feeds/eth-phishing-detect.json", "application/json; charset=utf-8"),
    ],
)
def test_published_files_content_types(visit: Visit, path: str, content_type: str):
    response = visit.context.request.get(visit.server.url(path))
    assert response.status == 200
    assert response.headers["content-type"] == content_type


def test_known_scams_page_links_the_feeds(visit: Visit):
    visit.goto("en/safety/known-scams.html")
    links = visit.page.locator("ul.hc-scam-feeds a")
    assert links.count() == 3
    for i in range(3):
        href = links.nth(i).evaluate("a => a.href")
        assert visit.context.request.get(href).status == 200, href
    visit.check_clean()


def test_key_paths_under_a_subpath(browser, served_subpath: Served):
    visit = Visit(browser, served_subpath)
    try:
        visit.goto("")
        page = visit.page
        page.locator(".md-sidebar--primary a[href$='faq.html']").first.click()
        page.wait_for_url("**/help/faq.html")
        assert "/help/" in search(page, "密码")
        visit.check_clean()
        visit.goto("en/a/b/nope.html", status=404)
        assert page.locator(".md-header").is_visible()
        home = page.locator("a.md-select__link[hreflang=zh]").get_attribute("href")
        assert home == "/help/index.html"
        visit.check_clean(not_found="en/a/b/nope.html")
    finally:
        visit.close()
