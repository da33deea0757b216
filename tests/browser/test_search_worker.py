"""The search worker from file://: started while the page loads, same index, safe fallbacks.

``hc-search-start.js`` starts the search worker in a real Worker as the page
loads and hands it to the theme; ``hc-search.js`` builds the index faster
than the theme's worker alone. These tests check that the index is the same,
that pages use the started worker, and that search still works when it
cannot start or when the theme's index differs from the one sent at start.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import serve_directory

from helpcenter.theme.search_start import SEARCH_WORKER_TEXT

PREFIX = {"zh": "", "en": "en/"}
QUERY = {"zh": "忘记密码", "en": "password"}
INPUT = "input[data-md-component=search-query]"
ITEM = ".md-search-result__list > li.md-search-result__item"
HARNESS = Path(__file__).resolve().parents[1] / "js" / "lunr_index.js"

STATE = """() => {
  const s = window.__hcSearchStart;
  return s ? {state: s.state, error: s.error || null,
              adopted: !!(s.adapter && s.adapter.adopted),
              fallback: !!(s.adapter && s.adapter.fallback),
              frames: document.querySelectorAll('iframe').length} : null;
}"""


def _results(page, lang: str) -> int:
    page.locator(INPUT).click()
    page.keyboard.insert_text(QUERY[lang])
    page.keyboard.press("End")
    page.wait_for_selector(ITEM, timeout=15_000)
    return page.locator(ITEM).count()


def _lunr_index(node: str, site: Path, lang: str, which: str, *variants: str) -> dict:
    workers = (site / SEARCH_WORKER_TEXT).parent
    index = site / PREFIX[lang] / "search/search_index.json"
    proc = subprocess.run(
        [node, str(HARNESS), str(workers), str(index), which, *variants],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    return json.loads(proc.stdout)


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is missing: install Node.js (`make venv` needs npm)", pytrace=False)
    return node


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_our_worker_builds_the_same_index_as_the_theme(lang, built_site):
    node = _node()
    theirs = _lunr_index(node, built_site, lang, "theme")
    ours = _lunr_index(node, built_site, lang, "ours")
    assert theirs["index"]["invertedIndex"], "the index is empty"
    answered = [query for query, results in theirs["searches"] if results]
    assert len(answered) >= 5, answered  # the searches find something
    # Searched first, while our index makes postings and vectors on demand
    assert ours["searches"] == theirs["searches"]
    assert ours["index"] == theirs["index"]
    # Our tokenizer indexed the text, after matching the theme's on the first fields
    assert ours["fast"] == {"on": True, "checks": 0}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_our_tokenizer_gives_what_the_page_shows_with_the_themes(lang, built_site):
    """Results as the page gets them (scores, highlighted titles and text) are the same."""
    node = _node()
    fast = _lunr_index(node, built_site, lang, "ours", "results")
    slow = _lunr_index(node, built_site, lang, "ours", "results", "slow")
    assert fast.pop("fast")["on"] is True
    assert slow.pop("fast") is None
    shown = [query for query, result in fast["results"] if result["items"]]
    assert len(shown) >= 4, shown
    assert any("<mark>" in json.dumps(result) for _, result in fast["results"])
    assert fast == slow


@pytest.mark.parametrize(
    ("variant", "fast"),
    [
        ("twice", True),  # our builder hands over to Lunr's own, which merges the two
        # Not what the theme's tokenizer gives: our check sees it and steps aside
        ("arrays", False),
        ("separator", True),  # split by the expression, zero-width matches included
        ("collisions", True),  # words with the same hash stay apart
        ("tags", True),  # a field holding a list of strings
    ],
)
def test_unusual_input_gives_the_same_index_as_the_theme(variant, fast, built_site):
    node = _node()
    theirs = _lunr_index(node, built_site, "en", "theme", variant)
    ours = _lunr_index(node, built_site, "en", "ours", variant)
    assert ours.pop("fast")["on"] is fast
    assert ours == theirs
    assert theirs != _lunr_index(node, built_site, "en", "theme")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_translation_status_table_is_shown_but_not_indexed(lang, built_site):
    page = (built_site / PREFIX[lang] / "about/translation-status.html").read_text("utf-8")
    rows = page.count("<tr data-state=")
    assert rows >= 20  # a row per page of the site
    assert "hc-translation-status-->" not in page  # the slot was filled
    index = json.loads((built_site / PREFIX[lang] / "search/search_index.json").read_text("utf-8"))
    entries = [d for d in index["docs"] if d["location"].startswith("about/translation-status")]
    assert entries, "the status page itself is searchable"
    # The table names every page (contact/email.md, ...): no search may find it there
    assert not any(".md" in d["text"] for d in entries)
    assert ".md" in page


def test_the_worker_text_holds_both_workers(built_site):
    script = (built_site / SEARCH_WORKER_TEXT).read_text("utf-8")
    prefix = "self.__hcSearchWorkerSource = "
    assert script.startswith(prefix)
    source = json.loads(script[len(prefix) :].rstrip().removesuffix(";"))
    ours = (built_site / "assets/javascripts/workers/hc-search.js").read_text("utf-8")
    assert source.startswith("self.__hcThemeWorker = function () {")
    assert source.endswith(ours)
    assert "sourceMappingURL" not in source


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_pages_search_with_the_worker_started_as_they_load(
    lang, page, built_site, blocked_requests
):
    page.goto((built_site / PREFIX[lang] / "index.html").as_uri())
    assert _results(page, lang) > 0
    state = page.evaluate(STATE)
    assert state == {
        "state": "ready",
        "error": None,
        "adopted": True,
        "fallback": False,
        "frames": 0,  # no iframe-worker shim
    }
    assert not page.hc_errors
    assert not blocked_requests


def test_search_falls_back_to_the_shim_when_the_worker_fails(page, built_site, blocked_requests):
    # The worker's text is replaced by code that throws as it starts.
    page.add_init_script(
        """Object.defineProperty(window, '__hcSearchWorkerSource', {
             configurable: true, get: () => 'throw new Error("broken worker")', set: () => {}});"""
    )
    page.goto((built_site / "index.html").as_uri())
    assert _results(page, "zh") > 0
    state = page.evaluate(STATE)
    assert state["state"] == "failed"
    assert "broken worker" in state["error"]
    assert state["frames"] == 1  # the theme got the iframe-worker shim
    assert not blocked_requests


def test_search_falls_back_to_the_shim_without_blob_workers(page, built_site):
    page.add_init_script("URL.createObjectURL = () => { throw new Error('no blob: URLs'); };")
    page.goto((built_site / "en/index.html").as_uri())
    assert _results(page, "en") > 0
    state = page.evaluate(STATE)
    assert state["state"] == "failed"
    assert state["frames"] == 1


def test_a_different_setup_from_the_theme_is_built_again(page, built_site):
    # The page's start script is told the theme's search.suggest is off: its
    # setup then differs from the theme's, which must go through to the
    # worker (a second build) rather than take the first one's answer.
    page.add_init_script(
        """new MutationObserver(() => {
             for (const s of document.querySelectorAll('script[data-suggest]'))
               if (/hc-search-start/.test(s.src)) s.removeAttribute('data-suggest');
           }).observe(document, {childList: true, subtree: true});"""
    )
    page.goto((built_site / "index.html").as_uri())
    assert _results(page, "zh") > 0
    state = page.evaluate(STATE)
    assert state == {
        "state": "ready",
        "error": None,
        "adopted": False,  # the theme's setup went through: built again
        "fallback": False,
        "frames": 0,
    }


def test_an_index_that_needs_lunr_language_files_goes_to_the_shim(page, built_site):
    # The worker's text holds no Lunr language file: such an index (here it
    # asks for Japanese) is refused, and the theme gets the shim, which can
    # load them.
    page.add_init_script(
        """(() => {
             let text;
             Object.defineProperty(window, '__hcIndexText', {configurable: true,
               get: () => text,
               set: (value) => {
                 const index = JSON.parse(value);
                 index.config.lang = ['en', 'ja'];
                 text = JSON.stringify(index);
               }});
           })();"""
    )
    page.goto((built_site / "index.html").as_uri())
    assert _results(page, "zh") > 0
    state = page.evaluate(STATE)
    assert state["state"] == "failed"
    assert "Lunr language files" in state["error"]
    assert state["frames"] == 1


@pytest.fixture
def served_site(built_site):
    """The built site over http on a free local port."""
    with serve_directory(built_site) as root:
        yield root


def test_over_http_the_theme_starts_its_own_worker(browser, served_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    try:
        page = context.new_page()
        page.goto(served_site + "en/index.html")
        assert _results(page, "en") > 0
        assert page.evaluate("typeof window.__hcSearchStart") == "undefined"
    finally:
        context.close()
    assert not [url for url in requests if "hc-search-start" in url or "hc-search-file" in url]
    assert any("hc-search.js" in url for url in requests), "the theme's worker is ours"
    assert all(url.startswith(served_site) for url in requests)
