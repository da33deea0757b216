"""What the build reads of mkdocs-static-i18n's internals, and of MkDocs' own.

Replaces: nothing; it reads attributes the plugin and MkDocs keep for
themselves (``plugin.current_language``, ``plugin.building``, ``file.locale``,
``file.norm_src_uri``, the ``i18n_page_locale``/``i18n_file_locale`` template
variables, the switcher entries set on ``config.extra``, MkDocs'
``page._title_from_render``).

Checked against: mkdocs-static-i18n 1.3.1 and mkdocs 1.6.1 (``UPSTREAM``).

What it buys: correctness, not speed.

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

from helpcenter.theme.upstream import Upstream

UPSTREAM = (
    Upstream(
        "mkdocs-static-i18n", "1.3.1", "mkdocs_static_i18n/plugin.py",
        "a7139ee7a6bd9b1462b65ce64c40ca29f982919056a89560c6fe8ede2cf06db5",
    ),
    Upstream(
        "mkdocs-static-i18n", "1.3.1", "mkdocs_static_i18n/folder.py",
        "fa0d5266a9db8adb93c05507465faa01860fb1e73d35c7f42876b8df22bf20c5",
    ),
    Upstream(
        "mkdocs", "1.6.1", "mkdocs/structure/pages.py",
        "28cc64c2f8b85b9272d49f0f2eb263851f86ed99796f8a593b11c0c7fbd11bf2",
    ),
)  # fmt: skip
"""The files these reads were checked against."""


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
