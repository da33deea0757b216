"""The Content-Security-Policy in Chromium: every page works under it, and it blocks injection.

Every page of both languages is loaded from ``file://`` and over http
(a local server) with zero CSP violations; search, the verifier and the
language switch work under the policy; and a page built with an injected
inline script (the content policy switched off for that build only) has the
script blocked.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/project_files.py
from conftest import serve_directory  # noqa: E402

from helpcenter.checks.build import SKIP_ENV
from helpcenter.site import csp
from project_files import build_site, copy_project  # noqa: E402

LISTEN = """
window.__hcCsp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__hcCsp.push(e.violatedDirective + " " + e.blockedURI + " " + (e.sample || ""));
});
"""

SEARCH_INPUT = "input[data-md-component=search-query]"
SEARCH_ITEM = ".md-search-result__list > li.md-search-result__item"


class Recorder:
    """A page in ``context`` that records every CSP violation it reports."""

    def __init__(self, context) -> None:
        context.add_init_script(LISTEN)
        self.page = context.new_page()
        self.console: list[str] = []
        self.page.on("console", self._console)

    def _console(self, message) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.console.append(message.text)

    def violations(self) -> list[str]:
        try:
            events = self.page.evaluate("window.__hcCsp || []")
        except Exception:  # noqa: BLE001 - a page navigating away has no window to ask
            events = []
        found = list(events) + self.console
        self.console = []
        return found

    def open(self, url: str) -> list[str]:
        self.page.goto(url)
        self.page.wait_for_load_state("load")
        self.page.wait_for_timeout(100)
        return self.violations()


def every_page(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


@pytest.fixture(scope="module")
def http_root(built_site: Path) -> Iterator[str]:
    """The built site served over http on a local port."""
    with serve_directory(built_site) as root:
        yield root


@pytest.fixture
def local_context(browser) -> Iterator[object]:
    """A context where only the local server answers (every other host is refused)."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})

    def handle(route) -> None:
        url = route.request.url
        if url.startswith(("http://127.0.0.1:", "file:", "blob:", "data:")):
            route.continue_()
        else:
            route.abort("blockedbyclient")

    ctx.route("**/*", handle)
    try:
        yield ctx
    finally:
        ctx.close()


def search_works(page, query: str) -> int:
    page.locator(SEARCH_INPUT).click()
    for ch in query:  # Han through an input method, as a reader types it
        if ch.isascii():
            page.keyboard.type(ch)
        else:
            page.keyboard.insert_text(ch)
            page.keyboard.press("Shift")
    page.wait_for_selector(SEARCH_ITEM, timeout=15000)
    return page.locator(SEARCH_ITEM).count()


def test_every_page_from_file_has_no_csp_violation(context, built_site: Path) -> None:
    pages = every_page(built_site)
    assert {"index.html", "en/index.html", "verify.html", "en/verify.html"} <= set(pages)
    rec = Recorder(context)
    found = {}
    for rel in pages:
        violations = rec.open((built_site / rel).as_uri())
        if violations:
            found[rel] = violations
    assert found == {}


def test_every_page_over_http_has_no_csp_violation(local_context, built_site, http_root) -> None:
    rec = Recorder(local_context)
    found = {}
    for rel in every_page(built_site):
        violations = rec.open(http_root + rel)
        if violations:
            found[rel] = violations
    assert found == {}


SEARCHES = [
    ("file", "en/faq.html", "password"),
    ("file", "faq.html", "密码"),
    ("http", "en/faq.html", "password"),
    ("http", "faq.html", "密码"),
]


@pytest.mark.parametrize(("transport", "rel", "query"), SEARCHES)
def test_search_works_under_the_policy(
    context, local_context, built_site, http_root, transport, rel, query
) -> None:
    if transport == "file":
        rec, url = Recorder(context), (built_site / rel).as_uri()
    else:
        rec, url = Recorder(local_context), http_root + rel
    assert rec.open(url) == []
    assert search_works(rec.page, query) > 0
    assert rec.violations() == []


@pytest.mark.parametrize("rel", ["index.html", "en/about/index.html"])
def test_the_shim_fallback_of_search_works_under_the_policy(context, built_site, rel) -> None:
    # No blob: workers: the theme gets the iframe-worker shim, whose inline
    # script the policy allows by its hash.
    context.add_init_script("URL.createObjectURL = () => { throw new Error('no blob:'); };")
    rec = Recorder(context)
    assert rec.open((built_site / rel).as_uri()) == []
    assert search_works(rec.page, "2FA") > 0
    assert rec.page.evaluate("window.__hcSearchStart.state") == "failed"
    assert rec.violations() == []


def test_verifier_and_language_switch_work_under_the_policy(context, built_site) -> None:
    rec = Recorder(context)
    assert rec.open((built_site / "en" / "verify.html").as_uri()) == []
    page = rec.page
    page.wait_for_function("() => window.hcVerifyData && window.hcVerify")
    box = page.locator("#verify-input")
    box.press_sequentially("support@bitp.example")
    assert page.get_attribute("#verify-result", "data-verdict") == "official"
    box.press("Enter")  # the form never submits (form-action 'none' would report it)
    assert page.url.endswith("en/verify.html")
    # The language switch: to the Chinese page of the same article.
    page.locator(".md-header__option .md-select").hover()
    page.locator("a.md-select__link[hreflang=zh]").click()
    page.wait_for_url(lambda url: not url.endswith("en/verify.html"))
    assert page.url.endswith("/verify.html")
    page.wait_for_load_state("load")
    assert page.locator("html").get_attribute("lang").startswith("zh")
    assert rec.violations() == []


INJECTED = (
    '<script>document.documentElement.setAttribute("data-injected", "ran")</script>\n\n'
    '<img src="missing.png" alt="" onerror="document.documentElement.dataset.handler = 1">\n'
)


def test_an_injected_inline_script_is_blocked(tmp_path: Path, context) -> None:
    project = copy_project(tmp_path / "project")
    article = project / "docs" / "en" / "faq.md"
    article.write_text(article.read_text(encoding="utf-8") + "\n" + INJECTED, encoding="utf-8")
    site = build_site(project / "out", project=project, **{SKIP_ENV: "1"})
    html = (site / "en" / "faq.html").read_text(encoding="utf-8")
    assert 'data-injected", "ran"' in html  # the script is in the page...
    policy = csp.site_policy(site)
    assert policy and csp.script_hash(INJECTED.split(">")[1].split("<")[0]) not in policy

    rec = Recorder(context)
    violations = rec.open((site / "en" / "faq.html").as_uri())
    page = rec.page
    assert page.locator("html").get_attribute("data-injected") is None  # ...and never ran
    assert page.evaluate("document.documentElement.dataset.handler") is None
    assert any("script-src" in v for v in violations), violations


def test_the_published_site_opened_from_files_asks_no_other_host(
    tmp_path: Path, context, blocked_requests: list[str]
) -> None:
    # `make site` as published: site_url from the registry, so the hreflang
    # alternates are the public site's absolute addresses. Opened from files,
    # the theme must not ask that site for its sitemap (hc-offline.js).
    project = copy_project(tmp_path / "project")
    site = build_site(project / "out", project=project)
    html = (site / "index.html").read_text(encoding="utf-8")
    assert 'hreflang="en" href="https://' in html  # absolute alternates, as published
    rec = Recorder(context)
    for rel in ("index.html", "en/index.html", "en/troubleshooting/login.html"):
        assert rec.open((site / rel).as_uri()) == [], rel
        rec.page.wait_for_timeout(300)  # the theme's sitemap requests start after load
        assert rec.violations() == [], rel
    assert blocked_requests == []
    # The language switch still leads to the other language's page.
    rec.page.goto((site / "troubleshooting/login.html").as_uri())
    link = rec.page.locator(".md-select__link[hreflang=en]").first
    assert link.get_attribute("href", timeout=5000).endswith("en/troubleshooting/login.html")
