"""The built site works from file:// with every network request blocked:
pages, navigation, the language switcher, search and the verifier, and no
page refers to a resource on the network."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpcenter.checks.offline import external_references
from helpcenter.registry.load import load_registry
from helpcenter.theme.search_start import SHIM_SITE_PATH

PROJECT = Path(__file__).resolve().parents[2]
PREFIX = {"zh": "", "en": "en/"}
ARTICLE = "troubleshooting/login.html"
OTHER = {"zh": "en", "en": "zh"}


def test_no_page_loads_anything_from_the_network(built_site):
    refs = external_references(built_site)
    assert refs == [], "\n".join(str(r) for r in refs)


def test_the_worker_shim_is_served_from_the_site(built_site):
    shim = built_site / SHIM_SITE_PATH
    assert shim.is_file()
    assert shim.read_bytes() == (PROJECT / "node_modules/iframe-worker/shim/index.js").read_bytes()
    html = (built_site / "en" / ARTICLE).read_text("utf-8")
    assert f'<script src="../../{SHIM_SITE_PATH}"></script>' in html
    assert "unpkg.com" not in html


def test_every_page_opens_without_network_or_script_errors(page, built_site, blocked_requests):
    # 404.html has root-absolute URLs for web servers and requests them from files
    # too (test_notfound.py opens it from files).
    pages = sorted(p for p in built_site.rglob("*.html") if p.name != "404.html")
    assert len(pages) > 10
    root = built_site.resolve().as_uri() + "/"
    outside: list[str] = []
    page.on(
        "request",
        lambda r: (
            None if r.url.startswith((root, "data:", "blob:", "about:")) else outside.append(r.url)
        ),
    )
    failures = []
    for path in pages:
        page.hc_errors.clear()
        page.goto(path.as_uri(), wait_until="load")
        if page.hc_errors:
            failures.append(f"{path.relative_to(built_site)}: {page.hc_errors}")
    assert failures == []
    assert blocked_requests == []
    assert outside == [], "everything must come from the built site"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_home_article_and_verifier_screenshots(
    lang, page, built_site, blocked_requests, screenshot
):
    for name, rel in (("home", "index.html"), ("article", ARTICLE), ("verify", "verify.html")):
        target = built_site / PREFIX[lang] / rel
        if name == "verify" and not target.exists():
            continue
        page.goto(target.as_uri(), wait_until="load")
        assert page.locator("h1").first.is_visible()
        shot = screenshot(page, f"{lang}-{name}")
        assert shot.stat().st_size > 0
    assert blocked_requests == []
    assert page.hc_errors == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_language_switcher_opens_the_same_article(lang, page, built_site, blocked_requests):
    page.goto((built_site / PREFIX[lang] / ARTICLE).as_uri())
    other = OTHER[lang]
    page.locator(".md-header__option .md-select").hover()
    page.locator(f"a.md-select__link[hreflang={other}]").click()
    page.wait_for_load_state("load")
    assert page.url == (built_site / PREFIX[other] / ARTICLE).as_uri()
    assert page.locator("html").get_attribute("lang").startswith(other)
    assert blocked_requests == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_navigation_links_work_from_file(lang, page, built_site, blocked_requests):
    page.goto((built_site / PREFIX[lang] / "index.html").as_uri())
    # The sidebar lists the sections; a section lists its articles (navigation.prune).
    section = ARTICLE.split("/")[0]
    page.locator(f'.md-nav--primary a[href$="{section}/index.html"]').first.click()
    page.wait_for_load_state("load")
    link = page.locator(f'.md-nav--primary a[href="{ARTICLE.split("/")[-1]}"]').first
    link.click()
    page.wait_for_load_state("load")
    assert page.url == (built_site / PREFIX[lang] / ARTICLE).as_uri()
    assert blocked_requests == []


@pytest.mark.parametrize(("lang", "query"), [("zh", "忘记密码"), ("en", "password")])
def test_search_from_a_deep_page_opens_an_article_of_the_same_language(
    lang, query, page, built_site, blocked_requests
):
    page.goto((built_site / PREFIX[lang] / "contact/email.html").as_uri())
    box = page.locator("input[data-md-component=search-query]")
    box.click()
    page.keyboard.insert_text(query)
    page.keyboard.press("End")
    first = page.locator(".md-search-result__list > li.md-search-result__item > a").first
    first.wait_for(state="visible")
    first.click()
    page.wait_for_load_state("load")
    opened = Path(page.url.split("?")[0].split("#")[0].removeprefix("file://"))
    assert opened.is_file()
    rel = opened.relative_to(built_site).as_posix()
    assert rel.startswith("en/") == (lang == "en"), rel
    assert blocked_requests == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_verifier_answers_offline(lang, page, built_site, blocked_requests):
    target = built_site / PREFIX[lang] / "verify.html"
    if not target.exists():
        pytest.fail(f"{target.relative_to(built_site)} is missing from the build", pytrace=False)
    email = load_registry(PROJECT / "data/channels.yml").channel("support-email").value
    page.goto(target.as_uri())
    page.locator("#verify-input").fill(email)
    page.locator("#verify-input").press("Enter")
    result = page.locator("#verify-result")
    result.wait_for(state="visible")
    assert result.inner_text().strip()
    assert blocked_requests == []
    assert page.hc_errors == []
