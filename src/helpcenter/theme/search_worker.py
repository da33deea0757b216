"""Our search worker around the theme's: the page configuration that loads it.

Owns ``overrides/assets/javascripts/workers/hc-search.js`` (the theme copies
it into the site); this module points every page at it
(:func:`rewrite_page_config`, called by ``hooks/search.py``).

Replaces:

- in each page's configuration (``<script id="__config">`` of Material's
  ``base.html``): ``base`` becomes the page's language root, so that the
  theme loads that language's index, and ``search`` (the theme's worker,
  ``assets/javascripts/workers/search.a7633da7.min.js``) becomes
  ``hc-search.js?w=<that worker>`` in the same folder;
- in the theme's search worker, which ``hc-search.js`` loads with
  ``importScripts`` and wraps (none of its file is copied):

  - its message handler and ``postMessage`` (the protocol: 0 setup, 1 ready,
    2 query, 3 result): Chinese queries are segmented against the index
    words, Traditional characters converted, suggestions rebuilt (search
    quality, not speed);
  - its segmenter, which asks ``word in index.invertedIndex``: a proxy
    answers no, so the terms above stay whole (quality);
  - Lunr 2.3.9, bundled in the worker: ``lunr.Builder#add`` and ``#build``,
    ``lunr.Pipeline#run``, ``lunr.Vector#similarity`` (``compactBuilder``:
    postings and field vectors made when a search first reads them; switch
    ``lunrbuild``) and the theme's tokenizer (``Fast``: each word's term and
    position straight from the text, with the theme's highlight table
    ``lunr.tokenizer.table``; switch ``tokenizer``).

  Each speed-up checks, on the index it builds, that it gives what the
  theme's own code gives, and steps aside where it cannot (a reference
  indexed twice, a tokenizer that is not the theme's, ...).

Checked against: mkdocs-material 9.8.2 (``pyproject.toml``), whose worker
bundles Lunr 2.3.9.

What it buys: measured with ``python -m benchmarks --ablate`` at 1000
articles per language, in Chromium from ``file://`` on 2026-12-06 (first
query typed at DOM ready, median of 7 page loads each, the variants taking
turns; all speed-ups on, the first results come 220 ms (zh) and 166 ms (en)
after the query):

- ``-lunrbuild`` (Lunr's own builder): 938 ms zh, 811 ms en: 77% and 80%
  of the first search saved (73% and 81% in an earlier run of 5 loads);
- ``-tokenizer`` (the theme's tokenizer): 326 ms zh, 238 ms en: 33% and
  30% (34%, 46%).

Later queries on the same page are not faster for them (postings and
vectors are made when a search first reads them): 52 ms zh, 39 ms en, with
Lunr's own builder 48 and 30 ms.

Our own answering of queries (the theme's ``Search#search`` redone with one
copy per result) saved 3% and 0% of the first search (15 page loads each)
and was removed.

The query rewriting is search quality, kept whatever it costs
(``tests/browser/queries.yml``: every query answered in the top 3).
``window.__hcSpeedups`` (``"-lunrbuild,-tokenizer"``) turns speed-ups off in
a page, for measuring. ``tests/test_theme_search.py`` runs our worker and the
theme's under Node on a fixture index and compares the indexes, and what the
page shows with each speed-up on and off (fast suite);
``tests/browser/test_search_worker.py`` does it on the built site.
"""

from __future__ import annotations

import functools
import json
from typing import Any

from helpcenter.theme.upstream import Upstream

UPSTREAM = (
    Upstream(
        "mkdocs-material",
        "9.8.2",
        "material/templates/assets/javascripts/workers/search.a7633da7.min.js",
        "da1b3df5e5f00cc73083c9e21ff0ec28bde85cd247057bdd05b7a167e5903bd4",
    ),
    Upstream(
        "mkdocs-material",
        "9.8.2",
        "material/templates/base.html",
        "a919e32d2225e09ecbdeb8076ca6ce9ca0836329760bf7871a04172569b77842",
    ),
)
"""The theme's search worker (and Lunr in it), and the template writing ``__config``."""

OWNED_SCRIPTS = ("overrides/assets/javascripts/workers/hc-search.js",)
"""The project's scripts that rely on what this module describes."""

CONFIG_OPEN = '<script id="__config" type="application/json">'
"""How the theme opens its configuration script (near the end of each page)."""
WORKER = "hc-search.js"
"""Our worker's file name, beside the theme's in ``assets/javascripts/workers/``."""


class ThemeConfigError(ValueError):
    """A page's theme configuration is not what this module can rewrite."""


def _tojson(value: Any) -> str:
    """JSON that is safe inside a ``<script>`` element (as Jinja's ``tojson``)."""
    return (
        json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("'", "\\u0027")
    )


def rewrite_page_config(html: str, lang_prefix: str) -> str:
    """Point a page's theme configuration at its language's index and our worker.

    ``base`` becomes the language root (``../en/`` on ``en/faq.html``), so the
    theme loads ``en/search/search_index.js`` and resolves result links there;
    ``search`` becomes ``hc-search.js?w=<theme worker>`` in the same folder.
    """
    # Plain string search: a regular expression over the whole page cost
    # five times as much, on every page of the site.
    start = html.rfind(CONFIG_OPEN)
    if start < 0:
        return html
    start += len(CONFIG_OPEN)
    end = html.find("</script>", start)
    if end < 0:
        return html
    return html[:start] + _rewritten_config(html[start:end], lang_prefix) + html[end:]


@functools.lru_cache(maxsize=256)
def _rewritten_config(text: str, lang_prefix: str) -> str:
    """The rewritten configuration JSON (pages at the same depth share one)."""
    try:
        config = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ThemeConfigError(f"theme configuration is not JSON: {exc.msg}") from exc
    base = str(config.get("base", ".")).rstrip("/") or "."
    if lang_prefix:
        base = f"{base}/{lang_prefix.strip('/')}"
    config["base"] = base + "/"
    worker = str(config.get("search", ""))
    if worker:
        config["search"] = worker_url(worker)
    return _tojson(config)


def worker_url(theme_worker: str) -> str:
    """The ``search`` URL a page's configuration gets for the theme's ``theme_worker``:
    ``hc-search.js?w=<theme worker>`` in the same folder."""
    folder, _, name = theme_worker.rpartition("/")
    if not name or name.startswith(WORKER):
        return theme_worker
    return f"{folder}/{WORKER}?w={name}" if folder else f"{WORKER}?w={name}"
