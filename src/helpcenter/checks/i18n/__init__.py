"""Translations: page parity between languages, channel parity, revision tracking.

Chinese (``docs/zh/``) is the source language; every other language folder
(``docs/en/``) holds translations with the same file names. See
:mod:`helpcenter.checks.i18n.check` for the checks and :mod:`helpcenter.checks.i18n.revision`
for the ``source_hash`` front matter field that ties a translation to the
revision of its source.
"""

from __future__ import annotations

from pathlib import Path

from helpcenter.theme import i18n_plugin

LANGUAGES: tuple[str, ...] = ("zh", "en")
"""Language folders under ``docs/``, source language first (as in mkdocs.yml)."""

SOURCE_LANGUAGE = "zh"
"""The language articles are written in first; also the site's default language."""


def pages_by_language(
    docs_dir: Path, languages: tuple[str, ...] = LANGUAGES
) -> dict[str, set[str]]:
    """Language -> set of page paths relative to that language's folder (``contact/phone.md``)."""
    out: dict[str, set[str]] = {}
    for lang in languages:
        root = docs_dir / lang
        out[lang] = (
            {p.relative_to(root).as_posix() for p in root.rglob("*.md") if p.is_file()}
            if root.is_dir()
            else set()
        )
    return out


def languages_of(plugin: object | None) -> tuple[tuple[str, ...], str, str | None]:
    """``(languages, default, current)`` from a static-i18n plugin instance (duck-typed).

    Without the plugin (a single-language site): :data:`LANGUAGES`,
    :data:`SOURCE_LANGUAGE` and ``None``. What is read of the plugin's own
    state is in :mod:`helpcenter.theme.i18n_plugin`.
    """
    entries = i18n_plugin.language_entries(plugin)
    if not entries:
        return LANGUAGES, SOURCE_LANGUAGE, None
    languages = tuple(
        e["locale"] for e in entries if e.get("build", True) and e["locale"] != "null"
    )
    default = next((e["locale"] for e in entries if e.get("default")), languages[0])
    return languages, default, i18n_plugin.current_language(plugin)


def is_first_language_build(plugin: object | None) -> bool:
    """Whether this is the first language build of a site build (the default language's).

    static-i18n runs one MkDocs build per language; site-wide checks run once,
    in the default language's build, which every site build includes.
    """
    _, default, current = languages_of(plugin)
    return current is None or current == default


def is_language_build(plugin: object | None) -> bool:
    """Whether a build is one of the other languages' builds inside a site build.

    static-i18n runs them from its own ``on_post_build`` with ``building`` set
    (:mod:`helpcenter.theme.i18n_plugin`); site-wide work done at the end of the
    site build skips them.
    """
    return i18n_plugin.is_language_build(plugin)
