"""Search from ``file://``: the worker started as the page loads, and the theme's shim.

A browser refuses a Worker from a ``file://`` script. The theme then runs its
search worker through the ``iframe-worker`` shim (listed in ``extra.polyfills``),
on the page's own thread, and builds the index only when the reader opens
the search box.

Owns ``overrides/assets/javascripts/hc-search-start.js`` and
``overrides/partials/hc-search-start.html`` (included first in the ``libs``
block of ``overrides/main.html``, before the theme's polyfills), and writes:

- ``search/search_index.js`` of each language (:func:`index_script`), the
  index as the theme reads it from ``file://`` (``__index``), with its JSON
  text kept for the start script (``__hcIndexText``);
- ``assets/javascripts/workers/hc-search-file.js``
  (:func:`write_worker_text`): our worker and the theme's, as one string,
  from which the start script starts a Worker at a ``blob:`` address (the
  site's Content-Security-Policy allows ``worker-src blob:``, and no eval);
- ``assets/javascripts/iframe-worker/shim.js`` (:func:`copy_shim`), the
  pinned npm package's shim in place of the CDN copy the theme's offline
  plugin would list (:func:`polyfills_without_cdn`), and the hashes of the
  inline script the shim writes into its frame, for the policy
  (:func:`shim_script_hashes`).

Replaces: ``window.Worker``, for the theme's search worker only. Material's
bundle (``assets/javascripts/bundle.a5f9d56c.min.js``) starts ``new
Worker(config.search)`` and, from ``file://``, loads
``search/search_index.js`` and sends ``__index`` in its setup message. The
start script has already started our worker from a ``blob:`` address with
the index as JSON text; it hands that worker to the theme, and the build
already done (or under way) answers the theme's setup when it carries the
same index. Anything it cannot do (no ``blob:`` workers, an index that needs
Lunr's language files, a failing worker) leaves the theme the shim, with
every message the theme sent.

Checked against: mkdocs-material 9.8.2 (``pyproject.toml``) and
iframe-worker 1.0.4 (``package.json``, ``package-lock.json``).

What it buys: measured with ``python -m benchmarks --ablate`` at 1000
articles per language, in Chromium from ``file://`` on 2026-12-06 (first
query typed at DOM ready, median of 7 page loads each, the variants taking
turns): with the theme's shim instead (``-searchstart``) the first results
come 332 ms (zh) and 299 ms (en) after the query, against 220 and 166 ms:
34% and 44% of the first search saved (35% and 53% in an earlier run of 5
loads).
It is a speed-up, not what makes search work from ``file://``: the shim
answers the same searches under the same policy (its script's hashes are in
it), and ``tests/browser/test_search_worker.py`` searches through it when the
start script cannot start a worker. The shim and its policy hashes are
needed either way (offline search without a CDN).
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterable
from pathlib import Path

from helpcenter.site.csp import script_hash
from helpcenter.theme.upstream import Upstream

UPSTREAM = (
    Upstream(
        "mkdocs-material",
        "9.8.2",
        "material/templates/assets/javascripts/bundle.a5f9d56c.min.js",
        "b9a1ef14b5e91ad61fa8d7dd42e1f55e6af0ebd224bc8970dff0e7d7311b172f",
    ),
    Upstream(
        "mkdocs-material",
        "9.8.2",
        "material/templates/base.html",
        "a919e32d2225e09ecbdeb8076ca6ce9ca0836329760bf7871a04172569b77842",
    ),
    Upstream(
        "npm:iframe-worker",
        "1.0.4",
        "shim/index.js",
        "e8e412dbcfea9b7e31b5ffa288d7b6035915e714c542f4176a0cdbe262fc9609",
    ),
)
"""The theme's bundle (``__index``, ``new Worker``), the template whose ``libs`` block
lists the polyfills, and the shim."""

OWNED_SCRIPTS = (
    "overrides/assets/javascripts/hc-search-start.js",
    "overrides/partials/hc-search-start.html",
)
"""The project's files that rely on what this module describes."""

SHIM_SITE_PATH = "assets/javascripts/iframe-worker/shim.js"
"""Where the shim lives in the site; also the entry of ``extra.polyfills``."""
SHIM_PACKAGE = Path("node_modules/iframe-worker")
"""The pinned npm package (``make venv`` installs it)."""
SHIM_FILE = SHIM_PACKAGE / "shim" / "index.js"
"""The shim inside it."""

SEARCH_WORKER = "assets/javascripts/workers/hc-search.js"
"""Our search worker, as the theme copied it from ``overrides/``."""
SEARCH_WORKER_TEXT = "assets/javascripts/workers/hc-search-file.js"
"""The script that holds the search worker's text for ``file://``."""
THEME_WORKER_GLOB = "search.*.min.js"
"""The theme's search worker (its name carries a content hash)."""


class SearchStartError(RuntimeError):
    """A file the start from ``file://`` needs is missing or not what it should be."""


#: ``search_index.js`` after the JSON text: ``__index`` parsed on first use,
#: and the same object for every run of the script with the same text (the
#: page runs it twice: ``hc-search-start.js``, then the theme).
_INDEX_SCRIPT_TAIL = """
(function (text) {
  Object.defineProperty(self, "__index", {
    configurable: true,
    get: function () {
      var parsed = self.__hcIndexParsed;
      if (!parsed || parsed.text !== text)
        parsed = self.__hcIndexParsed = { text: text, index: JSON.parse(text) };
      return parsed.index;
    }
  });
})(__hcIndexText);
"""


def index_script(data: str) -> str:
    """``search_index.js``: the index for ``file://``, which cannot fetch JSON.

    The theme loads it and reads ``__index``. The JSON text is kept as
    ``__hcIndexText``: ``hc-search-start.js`` loads the script as the page
    loads and hands that string to the search worker, far cheaper than
    copying a parsed index; ``__index`` is parsed only when the theme reads it.
    """
    return f"var __hcIndexText = {json.dumps(data, ensure_ascii=False)};{_INDEX_SCRIPT_TAIL}"


def write_worker_text(site_dir: Path) -> Path | None:
    """Write :data:`SEARCH_WORKER_TEXT`: our search worker and the theme's, as one string.

    ``hc-search-start.js`` starts a Worker from that text on ``file://``.
    Returns None (and writes nothing) when the site has no search worker.
    """
    ours = site_dir / SEARCH_WORKER
    theirs = sorted(ours.parent.glob(THEME_WORKER_GLOB))
    if not ours.is_file() or not theirs:
        return None
    if len(theirs) > 1:
        names = ", ".join(p.name for p in theirs)
        raise SearchStartError(f"{ours.parent}: more than one theme search worker ({names})")
    theme = re.sub(r"(?m)^//# sourceMappingURL=.*$", "", theirs[0].read_text(encoding="utf-8"))
    source = (
        "self.__hcThemeWorker = function () {\n"
        + theme
        + "\n};\n"
        + ours.read_text(encoding="utf-8")
    )
    target = site_dir / SEARCH_WORKER_TEXT
    text = json.dumps(source, ensure_ascii=False).replace("</", "<\\/")
    target.write_text(f"self.__hcSearchWorkerSource = {text};\n", encoding="utf-8")
    return target


def copy_shim(project_root: Path, site_dir: Path) -> Path:
    """Copy ``iframe-worker``'s shim (and its licence) into the site; return the copy."""
    source = project_root / SHIM_FILE
    if not source.is_file():
        raise SearchStartError(
            f"{source} is missing: the offline search shim comes from the npm package "
            "iframe-worker. Run `make venv` (or `npm ci`) in the project root first."
        )
    target = site_dir / SHIM_SITE_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    licence = project_root / SHIM_PACKAGE / "LICENSE"
    if licence.is_file():
        shutil.copyfile(licence, target.parent / "LICENSE")
    return target


def polyfills_without_cdn(polyfills: list[object]) -> list[object]:
    """``extra.polyfills`` with any CDN copy of the shim replaced by the local one."""
    kept = [
        p
        for p in polyfills
        if not ("iframe-worker" in str(p) and re.match(r"(?i)^(https?:)?//", str(p)))
    ]
    if SHIM_SITE_PATH not in [str(p) for p in kept]:
        kept.insert(0, SHIM_SITE_PATH)
    return kept


def _function_source(js: str, name: str) -> str | None:
    """The text of ``function name(...){...}`` in ``js`` (braces counted; ``None`` if absent)."""
    start = js.find(f"function {name}(")
    if start < 0:
        return None
    depth, opened = 0, False
    for i in range(start, len(js)):
        if js[i] == "{":
            depth, opened = depth + 1, True
        elif js[i] == "}":
            depth -= 1
            if opened and depth == 0:
                return js[start : i + 1]
    return None


def shim_script_hashes(shim: str, worker_urls: Iterable[str]) -> set[str]:
    """Hashes of the inline script the iframe-worker shim writes into its frame, per URL.

    On ``file://``, when the search worker cannot start from a ``blob:``
    address, the theme gets the shim (``node_modules/iframe-worker/shim``):
    it writes ``<script>postMessage=${c};importScripts=${d};...
    filename:"${url}"...</script>`` into an ``about:blank`` frame, which
    inherits the page's policy. The text is that of the pinned shim with its
    two helper functions and the worker's URL (the theme passes the relative
    ``search`` of its page configuration) filled in. Empty when the shim's
    code is not of that form.
    """
    match = re.search(r"document\.write\(`<html><body><script>(.*?)<\\/script>", shim, re.S)
    if not match or "\\" in match.group(1):
        return set()
    template = match.group(1)
    names = set(re.findall(r"\$\{(\w+)\}", template))
    sources = {name: _function_source(shim, name) for name in names}
    urls = [name for name, src in sources.items() if src is None]
    if len(urls) != 1:
        return set()
    out = set()
    for url in worker_urls:
        values = {**{n: src for n, src in sources.items() if src is not None}, urls[0]: url}
        text = re.sub(r"\$\{(\w+)\}", lambda m, values=values: values[m.group(1)], template)
        out.add(script_hash(text))
    return out
