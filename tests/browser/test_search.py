"""Search in the real browser, from file://, with every network request blocked.

Queries are typed into the real search box: English key by key, Chinese one
character at a time as an input method commits it (text inserted, then a key
released, which is what the theme listens to). The result list is read from
the page once it has stopped changing.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from helpcenter.site.search_index import index_sizes

QUERIES_FILE = Path(__file__).with_name("queries.yml")
ARTIFACTS = Path(__file__).with_name("artifacts")
PREFIX = {"zh": "", "en": "en/"}
INPUT = "input[data-md-component=search-query]"
ITEM = ".md-search-result__list > li.md-search-result__item"
META = ".md-search-result__meta"
SUGGEST = ".md-search__suggest"


@dataclass(frozen=True)
class Query:
    """A realistic search and the article(s) that must be in its top 3."""

    lang: str
    text: str
    expect: tuple[str, ...]
    """Site-relative HTML paths (``en/...`` for English)."""


def load_queries(path: Path = QUERIES_FILE) -> list[Query]:
    """Read ``queries.yml``: ``{lang: [{query, expect}]}`` with ``.md`` paths per language."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = []
    for lang, entries in data.items():
        for entry in entries:
            expect = entry["expect"]
            pages = [expect] if isinstance(expect, str) else list(expect)
            html = tuple(PREFIX[lang] + p.removesuffix(".md") + ".html" for p in pages)
            out.append(Query(lang, str(entry["query"]), html))
    return out


def type_query(page, text: str) -> None:
    """Clear the search box and type ``text`` like a person (Han via an input method)."""
    box = page.locator(INPUT)
    box.click()
    box.fill("")
    page.keyboard.press("End")
    for ch in text:
        if ch.isascii():
            page.keyboard.type(ch)
        else:
            page.keyboard.insert_text(ch)
            page.keyboard.press("Shift")


def settled_results(page, site: Path, timeout: float = 10.0) -> list[dict[str, str]]:
    """The rendered results once the list stopped changing: path, title and text HTML."""
    script = """([item, meta]) => ({
        meta: document.querySelector(meta).textContent,
        items: [...document.querySelectorAll(item)].map(li => {
            const a = li.querySelector('a');
            return {href: a.href, title: li.querySelector('h1').innerHTML,
                    html: li.innerHTML};
        })})"""
    deadline = time.monotonic() + timeout
    last, stable = None, 0
    while time.monotonic() < deadline:
        state = page.evaluate(script, [ITEM, META])
        if state == last:
            stable += 1
            if stable >= 2:
                break
        else:
            last, stable = state, 0
        page.wait_for_timeout(100)
    root = site.resolve().as_uri() + "/"
    results = []
    for item in (last or {}).get("items", []):
        href = item["href"].split("#")[0].split("?")[0]
        path = href[len(root) :] if href.startswith(root) else href
        results.append({"path": path, "title": item["title"], "html": item["html"]})
    return results


def search(page, site: Path, text: str) -> list[dict[str, str]]:
    """Type ``text`` and return the settled result list."""
    page.bring_to_front()  # a background tab runs its timers slowly
    type_query(page, text)
    return settled_results(page, site)


@pytest.fixture(scope="module")
def search_pages(browser, built_site):
    """One page per language (home page), network blocked, shared by this module."""
    blocked: list[str] = []
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})

    def handle(route) -> None:
        if route.request.url.lower().startswith(("http:", "https:", "ws:", "wss:")):
            blocked.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    ctx.route("**/*", handle)
    pages = {}
    for lang, prefix in PREFIX.items():
        pg = ctx.new_page()
        pg.goto((built_site / prefix / "index.html").as_uri())
        pg.wait_for_selector(INPUT, state="visible")
        pages[lang] = pg
    yield pages, blocked
    ctx.close()


def write_report(lang: str, report: dict) -> Path:
    """Save one language's search-quality figures under tests/browser/artifacts/."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"search-quality-{lang}.json"
    path.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_realistic_queries_find_the_article_in_the_top_3(lang, search_pages, built_site):
    pages, blocked = search_pages
    queries = [q for q in load_queries() if q.lang == lang]
    assert len(queries) >= 20, "keep at least 20 realistic queries per language"
    misses = []
    for q in queries:
        top = [r["path"] for r in search(pages[lang], built_site, q.text)[:3]]
        if not set(top) & set(q.expect):
            misses.append({"query": q.text, "expected": list(q.expect), "top3": top})
    hits = len(queries) - len(misses)
    size = index_sizes(built_site, {lang: PREFIX[lang]})[lang]
    write_report(
        lang,
        {
            "lang": lang,
            "queries": len(queries),
            "top3": hits,
            "share": round(hits / len(queries), 4),
            "index_bytes": size,
            "misses": misses,
        },
    )
    print(f"search quality [{lang}]: {hits}/{len(queries)} in top 3, index {size} bytes")
    assert blocked == []
    assert not misses, json.dumps(misses, ensure_ascii=False, indent=1)


def test_traditional_chinese_queries_find_the_same_articles(search_pages, built_site):
    """Every realistic Chinese query, typed in Traditional characters (OpenCC's s2tw)."""
    from opencc import OpenCC

    convert = OpenCC("s2tw").convert
    pages, blocked = search_pages
    queries = [q for q in load_queries() if q.lang == "zh" and convert(q.text) != q.text]
    assert len(queries) >= 20
    misses = []
    for q in queries:
        traditional = convert(q.text)
        top = [r["path"] for r in search(pages["zh"], built_site, traditional)[:3]]
        if not set(top) & set(q.expect):
            misses.append({"query": traditional, "expected": list(q.expect), "top3": top})
    assert blocked == []
    assert not misses, json.dumps(misses, ensure_ascii=False, indent=1)


def test_a_traditional_query_highlights_the_simplified_words(search_pages, built_site):
    pages, _ = search_pages
    results = search(pages["zh"], built_site, "客服電話")
    assert results
    assert any("<mark>电话" in r["html"] for r in results)


@pytest.mark.parametrize(
    ("lang", "query", "word"),
    [
        ("zh", "验证", "验证"),
        ("zh", "忘记密码", "密码"),
        ("en", "password", "password"),
        ("en", "trading", "trade"),
    ],
)
def test_results_highlight_the_matched_words(lang, query, word, search_pages, built_site):
    pages, _ = search_pages
    results = search(pages[lang], built_site, query)
    assert results, f"no result for {query!r}"
    marked = [r for r in results if f"<mark>{word}" in r["html"]]
    assert marked, f"no <mark>{word}… in the results for {query!r}"


def test_a_domain_term_is_highlighted_in_the_section_titles(search_pages, built_site):
    pages, _ = search_pages
    results = search(pages["zh"], built_site, "双重验证")
    marked = "<mark>双重</mark>\u200b<mark>验证</mark>"
    titles = pages["zh"].evaluate(
        "s => [...document.querySelectorAll(s)].map(h => h.innerHTML)",
        ".md-search-result__item h2",
    )
    assert results
    assert any(marked in t for t in titles), titles


@pytest.mark.parametrize(
    ("lang", "typed", "suggested"),
    [("en", "passw", "password"), ("zh", "验", "验证"), ("zh", "忘记密", "忘记密码")],
)
def test_search_suggests_the_whole_word(lang, typed, suggested, search_pages, built_site):
    pages, _ = search_pages
    search(pages[lang], built_site, typed)
    assert pages[lang].locator(SUGGEST).inner_text() == suggested


@pytest.mark.parametrize(
    ("lang", "query", "article", "index"),
    [
        ("zh", "忘记密码", "troubleshooting/login.html", "troubleshooting/index.html"),
        ("en", "forgot password", "en/troubleshooting/login.html", "en/troubleshooting/index.html"),
        ("zh", "交易失败", "troubleshooting/trades.html", "troubleshooting/index.html"),
        ("zh", "假客服", "safety/fake-support.html", "safety/index.html"),
    ],
)
def test_a_section_index_does_not_outrank_its_articles(
    lang, query, article, index, search_pages, built_site
):
    pages, _ = search_pages
    found = [r["path"] for r in search(pages[lang], built_site, query)]
    assert found and found[0] == article, found
    if index in found:
        assert found.index(index) > found.index(article)


@pytest.mark.parametrize(
    ("lang", "query"), [("en", "password"), ("en", "密码"), ("zh", "密码"), ("zh", "password")]
)
def test_each_language_searches_its_own_articles(lang, query, search_pages, built_site):
    pages, _ = search_pages
    results = search(pages[lang], built_site, query)
    paths = [r["path"] for r in results]
    if lang == "en":
        assert all(p.startswith("en/") for p in paths), paths
    else:
        assert not any(p.startswith("en/") for p in paths), paths
    if query.isascii() == (lang == "en"):
        assert paths, f"{query!r} found nothing on the {lang} side"


def test_each_language_has_its_own_index(built_site):
    sizes = index_sizes(built_site, PREFIX)
    for lang, prefix in PREFIX.items():
        index = json.loads((built_site / prefix / "search/search_index.json").read_text("utf-8"))
        assert index["config"]["helpcenter"]["lang"] == lang
        assert index["docs"], f"the {lang} index is empty"
        assert not any(d["location"].startswith("en/") for d in index["docs"])
        script = (built_site / prefix / "search/search_index.js").read_text("utf-8")
        assert script.startswith("var __hcIndexText = ")
        assert sizes[lang] > 0


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_search_results_screenshot(lang, page, built_site, blocked_requests, screenshot):
    page.goto((built_site / PREFIX[lang] / "index.html").as_uri())
    results = search(page, built_site, {"zh": "忘记密码", "en": "forgot password"}[lang])
    assert results
    shot = screenshot(page, f"{lang}-search-results", full_page=False)
    assert shot.stat().st_size > 0
    assert blocked_requests == []
    assert page.hc_errors == []
