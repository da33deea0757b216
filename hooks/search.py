"""Per-language search: one index per language, pages pointed at their own.

Thin adapter; the logic is in helpcenter.site.search_index."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from helpcenter.build.context import current
from helpcenter.site import search_index
from helpcenter.site.search_index import SearchIndexError
from helpcenter.theme.search_worker import ThemeConfigError, rewrite_page_config

SYNONYMS = "data/search_synonyms.yml"


def _userdict(config) -> Path | None:
    search = config.plugins.get("material/search") or config.plugins.get("search")
    name = getattr(search, "config", {}).get("jieba_dict_user") if search else None
    return Path(config.config_file_path).parent / name if name else None


def _language_root(page) -> str:
    """The folder prefix of the page's language (``""`` or ``"en/"``)."""
    prefixes = current().languages.prefixes
    try:
        return prefixes[search_index.language_of(page.url, prefixes)]
    except SearchIndexError as exc:
        raise PluginError(f"search: page {page.file.src_uri}: {exc}") from exc


def on_page_context(context, page, config, **kwargs):
    """The language root of the page's index, for partials/hc-search-start.html."""
    context["hc_search_root"] = _language_root(page)
    return context


def on_post_page(output, page, config, **kwargs):
    root = _language_root(page)
    try:
        return rewrite_page_config(output, root)
    except ThemeConfigError as exc:
        raise PluginError(f"search: page {page.file.src_uri}: {exc}") from exc


# After the theme's search plugin and the i18n plugin wrote the merged index.
@event_priority(-200)
def on_post_build(config, **kwargs):
    ctx = current()
    if not ctx.main_pass:
        return  # another language's pass: the index is not final yet
    try:
        search_index.build_language_indexes(
            ctx.site_dir, ctx.languages.prefixes, _userdict(config), ctx.root / SYNONYMS
        )
    except SearchIndexError as exc:
        raise PluginError(f"search: {exc}") from exc
