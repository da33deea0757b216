"""Benchmarks of the help center at scale: build, guard and search.

``python -m benchmarks`` (``make bench``) generates synthetic article
sets in temporary copies of the project, builds them with and without the
project's hooks, times the contact guard and the in-browser search, and
prints a table with every figure next to its target. The same figures go to
``benchmarks/results.json`` so that runs can be compared.

Modules: :mod:`.generator` and :mod:`.vocabulary` (synthetic articles),
:mod:`.workspace` (temporary project copies), :mod:`.measure` (guard timing,
index and first-view sizes), :mod:`.browser` (search latency and quality in
headless Chromium), :mod:`.queries` (the search-quality query list),
:mod:`.report` (table and targets), :mod:`.runner` (the whole run) and
:mod:`.profile` (where the build time goes).
"""
