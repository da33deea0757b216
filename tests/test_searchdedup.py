"""Duplicate search entries removed in linear time, exactly as the i18n plugin removes them."""

from __future__ import annotations

import copy

from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs_static_i18n.reconfigure import ExtendedPlugin

from helpcenter.theme.searchdedup import remove_duplicates

LANGUAGES = ("zh", "en")


class _Plugin:
    """What the plugin's method reads of its instance."""

    build_languages = LANGUAGES


def plugin_removes(entries: list[dict]) -> list[dict]:
    entries = copy.deepcopy(entries)
    ExtendedPlugin.reconfigure_search_duplicates(_Plugin(), entries)
    return entries


def linear_removes(entries: list[dict]) -> tuple[list[dict], bool]:
    entries = copy.deepcopy(entries)
    fell_back = []

    def fallback(items):
        fell_back.append(True)
        ExtendedPlugin.reconfigure_search_duplicates(_Plugin(), items)

    remove_duplicates(entries, ["en"], fallback)
    return entries, bool(fell_back)


def entry(location: str, title: str = "T", text: str = "x") -> dict:
    return {"location": location, "title": title, "text": text}


def test_a_fallback_page_loses_its_language_copy():
    entries = [
        entry("faq.html", "FAQ", "zh text"),
        entry("faq.html#a", "A", "zh a"),
        entry("en/faq.html", "FAQ", "zh text"),  # fell back: same title and text
        entry("en/faq.html#a", "A", "en a"),  # translated
        entry("en/other.html", "FAQ", "zh text"),  # another page
    ]
    out, fell_back = linear_removes(entries)
    assert not fell_back
    assert out == plugin_removes(entries)
    assert [e["location"] for e in out] == [
        "faq.html",
        "faq.html#a",
        "en/faq.html#a",
        "en/other.html",
    ]


def test_nothing_to_remove_leaves_the_list_as_it_was():
    entries = [entry("a.html"), entry("en/a.html", text="y")]
    out, _ = linear_removes(entries)
    assert out == entries


def test_the_plugin_runs_where_its_loop_order_decides():
    # Two language entries match one default entry: the plugin's loop skips
    # the entry after each one it removes.
    twice = [entry("a.html"), entry("en/a.html"), entry("en/a.html")]
    # A default entry after a language one.
    mixed = [entry("en/a.html"), entry("a.html")]
    for entries in (twice, mixed):
        out, fell_back = linear_removes(entries)
        assert fell_back
        assert out == plugin_removes(entries)


LOCATIONS = st.sampled_from(["", "a.html", "a.html#x", "b/c.html", "c.html"])
ENTRY = st.builds(
    lambda lang, loc, title, text: entry(("en/" if lang else "") + loc, title, text),
    st.booleans(),
    LOCATIONS,
    st.sampled_from(["T", "U"]),
    st.sampled_from(["x", "y"]),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(ENTRY, max_size=12), st.booleans())
def test_the_same_entries_go_as_with_the_plugin(entries, defaults_first):
    if defaults_first:  # as the plugin stacks them: the default language's build first
        entries = sorted(entries, key=lambda e: e["location"].startswith("en/"))
    out, _ = linear_removes(entries)
    assert out == plugin_removes(entries)


def test_the_search_hook_gives_the_i18n_plugin_the_linear_removal():
    import importlib.util

    from project_files import ROOT

    spec = importlib.util.spec_from_file_location("hc_search_hook", ROOT / "hooks" / "search.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)

    class Plugin(_Plugin):
        def reconfigure_search_duplicates(self, entries):
            ExtendedPlugin.reconfigure_search_duplicates(self, entries)

    plugin = Plugin()
    config = type("Config", (), {"plugins": {"i18n": plugin}})()
    hook.on_config(config)
    hook.on_config(config)  # a language build runs it again: wrapped once
    method = plugin.reconfigure_search_duplicates
    assert method.hc_linear
    entries = [entry("a.html"), entry("en/a.html"), entry("en/b.html")]
    method(entries)
    assert [e["location"] for e in entries] == ["a.html", "en/b.html"]
