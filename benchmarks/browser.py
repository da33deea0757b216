"""Search latency and search quality in headless Chromium, from ``file://``.

Method (latency): an init script, installed before any page script runs,
records ``performance.now()`` at every ``keyup`` on the search input and, via
a ``MutationObserver`` on the document, the moment the first search result
item (``.md-search-result__item``) is added after the last keyup. Latency =
first result added - last keyup, measured inside the page so Playwright's own
round trips are not counted.

Each page load gets a new browser context (nothing cached, nothing stored)
whose tab first shows ``about:blank`` for :data:`SETTLE_MS`: Chromium (156,
headless) starts the new window's own interface (its toolbar and omnibox are
web pages of their own, rendered by a separate renderer) when the context
opens, and that takes one of the machine's two processors for 0.3 to 0.5 s.
Opened at once, the help center's page shared the processors with Chromium's
window; a reader opens it in a window that is already there.

- *first query*: typed by the init script in the task right after
  ``DOMContentLoaded`` (once the theme has wired the search box): the reader
  who types at once. The figure includes loading the search index, starting
  the search worker and building the index. It is typed from inside the page
  because Playwright's input waits until the page's thread is free: on
  ``file://`` a key sent from outside would land after the index is built
  on some page loads and before on others.
- *later query*: typed with Playwright's keyboard into the same page
  afterwards: the query is inserted in one go (as an input method commits
  Chinese text) and then the End key is pressed; Material reacts to keyup.

Every http(s)/ws request is aborted and counted, as in the browser tests.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from helpcenter.site.chromium import CHROMIUM, CHROMIUM_ARGS

INPUT = "input.md-search__input"
RESULT_ITEM = ".md-search-result__item"
TIMEOUT_MS = 15_000
SETTLE_MS = 1_000
"""How long a new tab shows about:blank before the page is opened (see above)."""

INIT_SCRIPT = """
(() => {
  window.__hcBench = {lastKey: null, first: null, ready: null};
  const typeAtOnce = __FIRST__;
  document.addEventListener('DOMContentLoaded', () => {
    window.__hcBench.ready = performance.now();
  });
  if (typeAtOnce !== null) document.addEventListener('DOMContentLoaded', () => {
    // The theme wires the search box in its own DOMContentLoaded handlers.
    setTimeout(() => {
      const input = document.querySelector('__INPUT__');
      if (!input) return;
      input.focus();
      input.value = typeAtOnce;
      input.dispatchEvent(new KeyboardEvent('keyup', {key: 'End', bubbles: true}));
    }, 0);
  });
  const seen = (node) => node.nodeType === 1 &&
    (node.matches('__ITEM__') || node.querySelector('__ITEM__'));
  new MutationObserver((records) => {
    const b = window.__hcBench;
    if (b.lastKey === null || b.first !== null) return;
    for (const r of records) for (const n of r.addedNodes) if (seen(n)) {
      b.first = performance.now(); return;
    }
  }).observe(document, {childList: true, subtree: true});
  document.addEventListener('keyup', (e) => {
    if (e.target && e.target.matches && e.target.matches('__INPUT__')) {
      // When the key was pressed, not when the page got round to it: a key
      // pressed while the page's thread is busy waits in the input queue.
      window.__hcBench.lastKey = e.timeStamp;
      window.__hcBench.first = null;
    }
  }, true);
})();
"""


def init_script(first: str | None = None, speedups: str | None = None) -> str:
    """The latency probe; with ``first``, it also types that query at once; with
    ``speedups`` (``"-name,..."``), the named search speed-ups are off
    (``window.__hcSpeedups``, read by ``hc-search-start.js`` and the search worker)."""
    probe = (
        INIT_SCRIPT.replace("__ITEM__", RESULT_ITEM)
        .replace("__INPUT__", INPUT)
        .replace("__FIRST__", json.dumps(first))
    )
    if speedups is None:
        return probe
    return f"window.__hcSpeedups = {json.dumps(speedups)};\n{probe}"


class SearchUnavailable(Exception):
    """Chromium or Playwright is missing, or the search never answered."""


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless Debian Chromium driven by Playwright."""
    if not CHROMIUM.exists():
        raise SearchUnavailable(f"{CHROMIUM} is missing: run `make browser-deps`")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        raise SearchUnavailable("the playwright package is missing: run `make venv`") from exc
    pw = sync_playwright().start()
    try:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=list(CHROMIUM_ARGS)
        )
        try:
            yield browser
        finally:
            browser.close()
    finally:
        pw.stop()


@contextmanager
def offline_page(
    browser: Any,
    blocked: list[str],
    first: str | None = None,
    settle_ms: int = 0,
    speedups: str | None = None,
) -> Iterator[Any]:
    """A fresh page with the latency probe installed and the network blocked.

    With ``first``, the page types that query as soon as its DOM is ready;
    with ``settle_ms``, the new tab shows about:blank that long first; with
    ``speedups``, see :func:`init_script`.
    """
    context = browser.new_context(viewport={"width": 1280, "height": 900})

    def block(route: Any) -> None:
        blocked.append(route.request.url)
        route.abort()

    context.route("http://**/*", block)
    context.route("https://**/*", block)
    context.route("ws://**/*", block)
    context.route("wss://**/*", block)
    context.add_init_script(init_script(first, speedups))
    page = context.new_page()
    if settle_ms:
        page.goto("about:blank")
        page.wait_for_timeout(settle_ms)
    try:
        yield page
    finally:
        context.close()


def wait_for_search(page: Any) -> None:
    """Wait until the search box can be typed into (Material hides it when search fails)."""
    try:
        page.wait_for_selector(INPUT, state="visible", timeout=TIMEOUT_MS)
    except Exception as exc:  # noqa: BLE001 - Playwright's timeout
        raise SearchUnavailable(
            "the search box stays hidden: Material's search worker did not start from file://"
        ) from exc


def _answered(page: Any) -> float | None:
    """Ms from the last keyup to the first result, once it is rendered."""
    try:
        # A function, not an expression: Playwright evaluates an expression
        # string with eval, which the site's Content-Security-Policy refuses.
        page.wait_for_function(
            "() => window.__hcBench.lastKey !== null && window.__hcBench.first !== null",
            timeout=TIMEOUT_MS,
        )
    except Exception as exc:  # noqa: BLE001 - Playwright's timeout: no result rendered
        if type(exc).__name__ != "TimeoutError":
            raise  # the probe itself failed: a figure of None would hide it
        return None
    return float(page.evaluate("window.__hcBench.first - window.__hcBench.lastKey"))


def _query(page: Any, text: str) -> float | None:
    """Type ``text`` as the new query; return ms from the last keyup to the first result."""
    page.click(INPUT)
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    page.keyboard.insert_text(text)
    page.keyboard.press("End")
    return _answered(page)


PAGE_TIMES = """() => {
  const paint = performance.getEntriesByName('first-contentful-paint')[0];
  const b = window.__hcBench;
  const start = window.__hcSearchStart;
  return {ready: b.ready, paint: paint ? paint.startTime : null,
          answered: b.first, start: start ? start.state : null,
          frames: document.querySelectorAll('iframe').length};
}"""


def latency(
    browser: Any, url: str, first: str, later: list[str], speedups: str | None = None
) -> dict[str, Any]:
    """One page load: latency of the first query and of each later one, in ms.

    Also when the page got there, in ms since navigation: its DOM ready
    (``ready_ms``, when the first query is typed), its first paint
    (``paint_ms``) and the first results (``answered_ms``). A change that made
    the page itself slower would type the first query later and look faster.
    ``speedups``: see :func:`init_script`.
    """
    blocked: list[str] = []
    with offline_page(
        browser, blocked, first=first, settle_ms=SETTLE_MS, speedups=speedups
    ) as page:
        page.goto(url, wait_until="domcontentloaded")
        first_ms = _answered(page)
        if first_ms is None:
            wait_for_search(page)  # says why when the search box never showed
        times = page.evaluate(PAGE_TIMES)
        later_ms = [_query(page, q) for q in later] if first_ms is not None else []
    return {
        "first_ms": first_ms,
        "later_ms": later_ms,
        "ready_ms": times["ready"],
        "paint_ms": times["paint"],
        "answered_ms": times["answered"] if first_ms is not None else None,
        # How the page searched: hc-search-start.js's state (None: not run) and
        # the iframes on the page (1: the theme's iframe-worker shim).
        "search_start": times["start"],
        "frames": times["frames"],
        "blocked_requests": len(blocked),
    }


def top_results(page: Any, text: str, n: int = 3) -> list[str]:
    """The pages (site-relative paths, no anchor) of the first ``n`` results for ``text``."""
    if _query(page, text) is None:
        # The worker's "ready" can arrive while the query is typed: the theme
        # then searches the box's text before the last key, and that key
        # changes nothing. The results on the page are the query's all the same.
        try:
            page.wait_for_selector(RESULT_ITEM, timeout=2_000)
        except Exception:  # noqa: BLE001 - Playwright's timeout: no result
            return []
    # Results arrive in one render; give a late re-render a moment, then read.
    page.wait_for_timeout(150)
    hrefs = page.eval_on_selector_all(f"{RESULT_ITEM} > a", "els => els.map(a => a.href)")
    pages: list[str] = []
    for href in hrefs:
        path = href.split("#", 1)[0].split("?", 1)[0]
        if path not in pages:
            pages.append(path)
        if len(pages) == n:
            break
    return pages
