"""What the build reads of mkdocs-static-i18n's internals, and of MkDocs' own.

Checked against mkdocs-static-i18n 1.3.1, mkdocs-material 9.8.2 and MkDocs
1.6.1 (the pins in ``pyproject.toml``). What it buys: correctness, not speed.

The i18n plugin builds each language in a pass of its own. Its documented
surface is its ``languages`` setting; which language a pass builds, whether
the pass runs inside the plugin's own loop, and each file's language are
attributes it keeps for itself. The build needs all three, so they are read
here and nowhere else, from the plain objects MkDocs hands the hooks (this
module imports neither MkDocs nor the plugin). ``tests/test_theme.py``
checks the installed packages still have each one and fails, saying what
to update, when they do not.
"""

from __future__ import annotations

from typing import Any

CHECKED_WITH = {"mkdocs-static-i18n": "1.3.1", "mkdocs-material": "9.8.2", "mkdocs": "1.6.1"}
"""The versions these reads were checked against."""


def languages(plugin: Any) -> list[dict[str, Any]] | None:
    """The plugin's ``languages`` setting as plain entries (``locale``, ``default``,
    ``build``), or ``None`` without the plugin."""
    if plugin is None:
        return None
    return [
        {"locale": lang.locale, "default": lang.default, "build": lang.build}
        for lang in plugin.config.languages
    ]


def pass_language(plugin: Any) -> str | None:
    """The language the pass under way builds (``plugin.current_language``)."""
    return getattr(plugin, "current_language", None)


def nested_pass(plugin: Any) -> bool:
    """Whether the pass runs inside the plugin's loop over the other languages
    (``plugin.building``, set while it builds them)."""
    return bool(getattr(plugin, "building", False))


def file_language(file: Any) -> str | None:
    """The language folder a page's file comes from (``file.locale``)."""
    return getattr(file, "locale", None)


def source_name(file: Any) -> str | None:
    """The file's path inside its language folder (``file.norm_src_uri``:
    ``faq.md`` for ``docs/en/faq.md``)."""
    return getattr(file, "norm_src_uri", None)


def page_languages(context: dict[str, Any]) -> tuple[str | None, str | None]:
    """``(reader's language, language of the file shown)`` from a page's template
    context (``i18n_page_locale``, ``i18n_file_locale``): they differ on a page
    that falls back to the default language's file."""
    return context.get("i18n_page_locale"), context.get("i18n_file_locale")


def language_switcher(extra: Any) -> list[dict[str, Any]]:
    """The language switcher's entries for the page being built.

    The plugin sets them per page as an *attribute* of ``config.extra``, which
    Material's templates read before the item of the same name.
    """
    entries = extra.__dict__.get("alternate")
    return entries if entries is not None else extra.get("alternate") or []


def title_from_heading(page: Any) -> bool:
    """Whether MkDocs took the page's title from its first heading (then it is
    HTML already): MkDocs keeps that in ``page._title_from_render``."""
    return bool(getattr(page, "_title_from_render", None))
