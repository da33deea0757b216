"""Every place the project relies on a theme's or plugin's internals, and what it buys.

Material for MkDocs reached its end of life on 2026-11-05 and MkDocs 2 drops
plugins: whoever moves the help center on starts here. Each module below
states what it replaces or reads (file, function or template, and of which
package), the pinned version it was checked against, and what it buys,
measured; each lists the third-party files it was read against
(``UPSTREAM``, :mod:`.upstream`), and ``tests/test_theme.py`` and
``tests/test_theme_search.py`` (fast suite) fail, saying what to do, when
an upgrade changes one of them.

The rule for speed-ups: one that reaches into a third party's internals must
save at least 20% of the build time or of the first search at 1000 articles
per language, measured side by side (``python -m benchmarks --ablate``,
BENCHMARKS.md), or it goes. What is needed for correctness stays, and is
listed here all the same.

Seams:

- :mod:`helpcenter.theme.search_worker`: our search worker
  (``overrides/assets/javascripts/workers/hc-search.js``) wraps Material's
  (its message protocol, its segmenter, Lunr 2.3.9 inside it); every page's
  theme configuration points at it. Buys search quality (Chinese queries
  segmented, Traditional characters, whole-word English) and two speed-ups of
  the first search at 1000 articles per language: its own Lunr index builder
  (77% zh, 80% en) and its own tokenizer (33%, 30%).
- :mod:`helpcenter.theme.search_start`: from ``file://``, the index is built
  in a worker started from a ``blob:`` address as the page loads
  (``overrides/assets/javascripts/hc-search-start.js`` replaces
  ``window.Worker`` for the theme's search), instead of the theme's
  iframe-worker shim on the page's thread: 34% (zh) and 44% (en) of the
  first search. The shim itself (a local copy, its hashes in the site's
  policy) is what makes offline search work at all, and stays with it.
- :mod:`helpcenter.theme.search_dialog`: the theme's search dialog gets an
  accessible name (Material writes none). Correctness.
- :mod:`helpcenter.theme.static_i18n`: what the build reads of static-i18n's
  own state (which language a pass builds, whether it runs inside the
  plugin's loop, each file's language folder, the switcher entries it sets)
  and of MkDocs' (a title taken from the first heading), so site-wide checks
  run and report once per site build and pages know their language.
  Correctness.

Removed, because they saved less than 20% at 1000 articles per language
(figures in BENCHMARKS.md and in the commits that removed them): the theme's
templates compiled once per process, the sidebar rendered once per folder
(Material's nav templates rewritten), the i18n plugin's duplicate search
entries removed in linear time (its method replaced), the checks run in a
second process beside the build, the theme search plugin's jieba tokenizer
reused by our index, and our worker's own answering of queries (Material's
``Search#search`` redone). The site is built, and searches answer, the same
without them.

Relied on elsewhere, without patching anything:

- ``overrides/main.html`` and ``overrides/404.html`` fill blocks of
  Material's ``base.html`` (``htmltitle``, ``site_meta``, ``libs``,
  ``extrahead``, ``announce``, ``tabs``, ``content``, ``footer``, ``styles``,
  ``scripts``); the partials they include are the project's own
  (``partials/hc-*.html``);
- :mod:`helpcenter.site.escaping` knows which front-matter fields Material
  prints without escaping (``title``, ``description``, ``author``,
  ``subtitle``);
- :mod:`helpcenter.site.search_index` reads the merged index the theme's
  search plugin writes (``search/search_index.json``: ``config``, ``docs``)
  and writes one per language in the same form.
"""
