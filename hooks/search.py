"""Per-language search: one index per language, pages pointed at their own.

Thin adapter; the logic is in helpcenter.site.search_index.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from helpcenter.checks.i18n import is_language_build
from helpcenter.site.search_index import (
    SearchIndexError,
    build_language_indexes,
    language_of,
    language_prefixes,
)
from helpcenter.theme.search_worker import ThemeConfigError, rewrite_page_config

SYNONYMS = "data/search_synonyms.yml"


def _userdict(config) -> Path | None:
    search = config.plugins.get("material/search") or config.plugins.get("search")
    name = getattr(search, "config", {}).get("jieba_dict_user") if search else None
    return Path(config.config_file_path).parent / name if name else None


def _prefixes(config) -> dict[str, str]:
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return {str(config.theme.get("language", "en")): ""}
    return language_prefixes(
        (lang.locale, bool(lang.default)) for lang in i18n.config.languages if lang.build
    )


def _language_root(page, config) -> str:
    """The folder prefix of the page's language (``""`` or ``"en/"``)."""
    prefixes = _prefixes(config)
    try:
        return prefixes[language_of(page.url, prefixes)]
    except SearchIndexError as exc:
        raise PluginError(f"search: page {page.file.src_uri}: {exc}") from exc


def on_page_context(context, page, config, **kwargs):
    """The language root of the page's index, for partials/hc-search-start.html."""
    context["hc_search_root"] = _language_root(page, config)
    return context


def on_post_page(output, page, config, **kwargs):
    try:
        return rewrite_page_config(output, _language_root(page, config))
    except ThemeConfigError as exc:
        raise PluginError(f"search: page {page.file.src_uri}: {exc}") from exc


# After the theme's search plugin and the i18n plugin wrote the merged index.
@event_priority(-200)
def on_post_build(config, **kwargs):
    if is_language_build(config.plugins.get("i18n")):
        return  # a language build inside the i18n plugin: the index is not final yet
    try:
        root = Path(config.config_file_path).parent
        build_language_indexes(
            Path(config.site_dir),
            _prefixes(config),
            _userdict(config),
            root / SYNONYMS,
        )
    except SearchIndexError as exc:
        raise PluginError(f"search: {exc}") from exc
