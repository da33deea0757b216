"""The i18n plugin's removal of duplicate search entries, in linear time.

After each language build, mkdocs-static-i18n (1.3) removes from the merged
search index every entry of a language folder (``en/...``) whose title and
text equal those of a default-language entry at the same location (a page
that fell back to the default language). It compares every default entry
with every language entry: at 1000 articles per language, 26 million
comparisons, about 8% of the build.

:func:`remove_duplicates` finds the same entries through a table keyed by
title and text. Where the plugin's own loop would behave in a way a table
cannot reproduce (it iterates over lists it removes from, so one entry
matching two duplicates, or a language entry placed before a default one,
changes what it skips), the plugin's code runs instead, so the index is the
same either way (``tests/test_searchdedup.py`` compares them).
"""

from __future__ import annotations

from collections.abc import Callable, MutableSequence, Sequence
from typing import Any

Entry = dict[str, Any]


def _language_entry(prefixes: tuple[str, ...]) -> Callable[[Entry], bool]:
    return lambda entry: entry["location"].startswith(prefixes)


def remove_duplicates(
    entries: MutableSequence[Entry],
    languages: Sequence[str],
    fallback: Callable[[MutableSequence[Entry]], None],
) -> None:
    """Remove from ``entries`` what the plugin would, given its build ``languages``.

    ``fallback(entries)`` is the plugin's own method, called for the inputs
    whose outcome depends on its loop's order.
    """
    prefixes = tuple(f"{lang}/" for lang in languages)
    in_language = _language_entry(prefixes)
    flags = [in_language(e) for e in entries]
    if True not in flags:
        return
    first_language = flags.index(True)
    if False in flags[first_language:]:
        fallback(entries)  # a default entry after a language one
        return
    by_content: dict[tuple[Any, Any], list[Entry]] = {}
    for entry in entries[first_language:]:
        by_content.setdefault((entry["title"], entry["text"]), []).append(entry)
    removed: list[Entry] = []
    for default in entries[:first_language]:
        group = by_content.get((default["title"], default["text"]))
        if not group:
            continue
        location = default["location"]
        matches = [e for e in group if e["location"].endswith(location)]
        if len(matches) > 1:
            fallback(entries)  # the plugin's loop skips the entry after each one it removes
            return
        if matches:
            group.remove(matches[0])
            removed.append(matches[0])
    if not removed:
        return
    # The plugin removes each duplicate with list.remove (the first equal
    # entry): language entries are only equal to language entries, and two
    # equal ones would both have matched one default entry above.
    gone = {id(e) for e in removed}
    entries[first_language:] = [e for e in entries[first_language:] if id(e) not in gone]


def install(i18n_plugin: Any) -> None:
    """Give the i18n plugin :func:`remove_duplicates` in place of its own method (once: the
    plugin's ``on_config`` runs again in each language's pass). Duck-typed: without the
    plugin, or a version without the method, nothing changes."""
    method = getattr(i18n_plugin, "reconfigure_search_duplicates", None)
    if method is None or getattr(method, "hc_linear", False):
        return

    def linear(entries: MutableSequence[Entry]) -> None:
        remove_duplicates(entries, i18n_plugin.build_languages, method)

    linear.hc_linear = True  # type: ignore[attr-defined]
    i18n_plugin.reconfigure_search_duplicates = linear
