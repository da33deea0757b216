"""The site's languages, as ``mkdocs.yml`` lists them (the i18n plugin's ``languages:``).

Each built language has its folder of articles, ``docs/<code>/``; the one
marked ``default: true`` is served at the site root and is the source
language of translations, every other one under ``<code>/``. Nothing else in
the code names a language of the site: a new language is an entry in
``mkdocs.yml`` and a docs folder.

The build reads the list from the i18n plugin's configuration
(``hooks/context.py``); the commands that run without MkDocs
(``helpcenter translations``, ``helpcenter check``) read ``mkdocs.yml`` as
plain YAML (:func:`from_mkdocs_yml`).

What the project itself says (messages, labels, the widgets' words) is
written in Chinese and English only: a page in another language gets the
English texts (:func:`helpcenter.report.messages.text_language`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from helpcenter.inputs.yamlload import read_mkdocs_yml

MKDOCS_DEFAULT_LANGUAGE = "en"
"""The theme language MkDocs and Material assume when ``theme.language`` is not set."""

I18N_PLUGIN = "i18n"
"""The name mkdocs.yml gives mkdocs-static-i18n under ``plugins:``."""


class LanguagesError(ValueError):
    """``mkdocs.yml`` does not say which languages the site has."""


@dataclass(frozen=True)
class SiteLanguages:
    """The languages the site is built in."""

    codes: tuple[str, ...]
    """Every built language (its folder under ``docs/``), in ``mkdocs.yml`` order."""
    default: str
    """The language served at the site root; the source language of translations."""

    @property
    def translations(self) -> tuple[str, ...]:
        """Every language but the default one: those translated from it."""
        return tuple(code for code in self.codes if code != self.default)

    def prefix(self, lang: str) -> str:
        """The language's folder in the site: ``""`` for the default one, else ``"<code>/"``."""
        return "" if lang == self.default else f"{lang}/"

    @property
    def prefixes(self) -> dict[str, str]:
        """Each language's folder in the site (:meth:`prefix`)."""
        return {code: self.prefix(code) for code in self.codes}

    def folder_of(self, src: str) -> str | None:
        """The language whose folder holds ``src`` (docs-relative), or ``None``."""
        head, sep, _ = src.partition("/")
        return head if sep and head in self.codes else None


def from_entries(
    entries: Iterable[Mapping[str, Any]] | None, theme_language: str | None = None
) -> SiteLanguages:
    """The languages of the i18n plugin's ``languages:`` entries (``locale``, ``default``,
    ``build``); without the plugin, the theme's one language.

    Entries not built (``build: false``) and the switcher-only ``null`` locale are left out;
    without an entry marked ``default``, the first one is the default.
    """
    built = [
        e for e in entries or () if e.get("build", True) is not False and e.get("locale") != "null"
    ]
    codes = tuple(str(e["locale"]) for e in built if e.get("locale"))
    if not codes:
        lang = str(theme_language or MKDOCS_DEFAULT_LANGUAGE)
        return SiteLanguages((lang,), lang)
    default = next((str(e["locale"]) for e in built if e.get("default")), codes[0])
    return SiteLanguages(codes, default)


def from_config(data: Mapping[str, Any]) -> SiteLanguages:
    """The languages of a ``mkdocs.yml`` read as plain data (see :func:`from_mkdocs_yml`)."""
    plugins = data.get("plugins")
    items = plugins.items() if isinstance(plugins, Mapping) else _plugin_items(plugins)
    entries = None
    for name, options in items:
        if name == I18N_PLUGIN and isinstance(options, Mapping):
            found = options.get("languages")
            found = found if isinstance(found, list) else []
            entries = [entry for entry in found if isinstance(entry, Mapping)]
    theme = data.get("theme")
    language = theme.get("language") if isinstance(theme, Mapping) else None
    return from_entries(entries, language if isinstance(language, str) else None)


def _plugin_items(plugins: Any) -> list[tuple[str, Any]]:
    items: list[tuple[str, Any]] = []
    for item in plugins if isinstance(plugins, list) else ():
        if isinstance(item, str):
            items.append((item, None))
        elif isinstance(item, Mapping) and len(item) == 1:
            items.append(next(iter(item.items())))
    return items


def from_mkdocs_yml(path: str | Path = "mkdocs.yml") -> SiteLanguages:
    """The languages configured in the ``mkdocs.yml`` at ``path``.

    Raises :class:`LanguagesError` when the file cannot be read: a command
    that needs the site's languages cannot guess them.
    """
    data = read_mkdocs_yml(path)
    if not data:
        raise LanguagesError(
            f"{path}: cannot read the site's configuration (its i18n plugin lists the languages); "
            "run the command in the project folder"
        )
    return from_config(data)
