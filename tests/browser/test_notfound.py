"""The 404 page: in the reader's language, styled and usable on a server at
any depth and from file:// (the offline copy)."""

from __future__ import annotations

import http.server
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import serve_directory
from test_accessibility import audit

HEADINGS = {"zh": "找不到这个页面", "en": "Page not found"}
PAGES = {"zh": "404.html", "en": "en/404.html"}
PREFIX = {"zh": "", "en": "en/"}


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the site; a missing path gets its language's 404 page, as a
    server configured with ``error_page 404 /404.html`` (and ``/en/404.html``
    for ``/en/``) does."""

    def log_message(self, *args) -> None:
        pass

    def send_error(self, code, message=None, explain=None) -> None:
        if code != 404:
            return super().send_error(code, message, explain)
        page = PAGES["en" if self.path.startswith("/en/") else "zh"]
        body = (Path(self.directory) / page).read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="module")
def server(built_site) -> Iterator[str]:
    with serve_directory(built_site, _Handler) as root:
        yield root.rstrip("/")


@pytest.fixture
def local_page(browser, server) -> Iterator[object]:
    """A page that may reach the test server and nothing else."""
    ctx = browser.new_context(viewport={"width": 390, "height": 844})
    outside: list[str] = []

    def handle(route) -> None:
        if route.request.url.startswith(server) or route.request.url.startswith("file:"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    ctx.route("**/*", handle)
    page = ctx.new_page()
    page.hc_outside = outside  # type: ignore[attr-defined]
    yield page
    assert outside == []
    ctx.close()


def assert_styled(page, lang: str) -> None:
    assert page.get_attribute("html", "lang") == lang
    assert page.locator("h1").inner_text() == HEADINGS[lang]
    # The theme's stylesheet is applied: coloured header, icons at icon size.
    header = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
    assert header not in ("rgba(0, 0, 0, 0)", "transparent")
    widths = page.evaluate("[...document.querySelectorAll('svg')].map(s => s.clientWidth)")
    assert widths and max(widths) <= 48
    # hc-404's own rules (helpcenter.css) are applied too.
    assert page.evaluate("getComputedStyle(document.querySelector('.hc-404__row')).display") == (
        "flex"
    )


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_404_from_a_server_at_any_depth(local_page, server, lang: str) -> None:
    page = local_page
    prefix = "/en" if lang == "en" else ""
    response = page.goto(f"{server}{prefix}/no/such/deep/page.html")
    assert response.status == 404
    assert_styled(page, lang)
    assert audit(page) == []
    for name, target in (("home", "index.html"), ("verify", "verify.html")):
        page.goto(f"{server}{prefix}/a/b/missing.html")
        page.click(f"[data-hc-404-link={name}]")
        page.wait_for_load_state("load")
        assert page.url == f"{server}{prefix}/{target}"
    page.goto(f"{server}{prefix}/a/b/missing.html")
    page.click("[data-hc-404-link=contact]")
    assert page.url == f"{server}{prefix}/contact/index.html"
    # The search opens the home page's search with the query.
    page.goto(f"{server}{prefix}/a/missing.html")
    page.fill("#hc-404-query", "密码" if lang == "zh" else "password")
    page.click(".hc-404__search button")
    page.wait_for_selector(".md-search-result__item", timeout=15_000)
    # The language switch leads to the other language's home.
    page.goto(f"{server}{prefix}/a/missing.html")
    other = "zh" if lang == "en" else "en"
    href = page.get_attribute(f"a.md-select__link[hreflang={other}]", "href")
    assert href == ("/en/index.html" if other == "en" else "/index.html")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_404_from_files(page, built_site, blocked_requests, lang: str) -> None:
    page.goto((built_site / PAGES[lang]).as_uri())
    assert_styled(page, lang)
    assert audit(page) == []
    site = built_site.resolve().as_uri() + "/"
    prefix = "en/" if lang == "en" else ""
    links = {
        name: page.get_attribute(f"[data-hc-404-link={name}]", "href")
        for name in ("home", "verify", "contact")
    }
    assert links == {
        "home": f"{site}{prefix}index.html",
        "verify": f"{site}{prefix}verify.html",
        "contact": f"{site}{prefix}contact/index.html",
    }
    logo = page.get_attribute("a.md-header__button.md-logo", "href")
    assert logo == f"{site}{prefix}index.html"
    page.click("[data-hc-404-link=verify]")
    page.wait_for_selector("#verify-input")
    assert blocked_requests == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_404_inside_the_offline_bundle(page, built_site, blocked_requests, tmp_path, lang) -> None:
    import datetime as dt
    import zipfile

    from helpcenter.site import bundle

    made = bundle.write_bundle(built_site, tmp_path / "dist", dt.date(2026, 11, 25))
    with zipfile.ZipFile(made.zip_path) as archive:
        archive.extractall(tmp_path / "unzipped")
    (folder,) = (tmp_path / "unzipped").iterdir()
    page.goto((folder / PAGES[lang]).as_uri())
    assert_styled(page, lang)
    home = page.get_attribute("[data-hc-404-link=home]", "href")
    assert home == (folder / PREFIX[lang] / "index.html").as_uri()
    assert blocked_requests == []
