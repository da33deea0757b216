"""The site works from file:// with no network: local worker shim, no CDN.

Thin adapter; the logic is in helpcenter.checks.offline (see BuildCheck for what is
checked where).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from helpcenter.checks.i18n import is_language_build, languages_of
from helpcenter.checks.offline import (
    BuildCheck,
    OfflineError,
    copy_worker_shim,
    describe,
    polyfills_without_cdn,
    write_search_worker_text,
)
from helpcenter.report.finding import display_path

_state: dict = {}


# After the theme's offline plugin, if enabled, added its CDN shim.
@event_priority(-100)
def on_config(config, **kwargs):
    config.extra["polyfills"] = polyfills_without_cdn(list(config.extra.get("polyfills") or []))
    config.use_directory_urls = False  # links must name files on file://
    return config


def on_pre_build(config, **kwargs):
    if not is_language_build(config.plugins.get("i18n")):
        _state["check"] = BuildCheck()


def _source(page, config) -> tuple[str, str]:
    """How findings name the page's Markdown file, and its text."""
    source = Path(page.file.abs_src_path) if page.file.abs_src_path else None
    name = display_path(source, Path(config.config_file_path).parent) if source else page.url
    try:
        return name, page.file.content_string
    except (OSError, UnicodeDecodeError):
        return name, ""


def on_page_content(html, page, config, **kwargs):
    _state.setdefault("check", BuildCheck()).content(html, lambda: _source(page, config))
    return html


# Last: the page as it will be written.
@event_priority(-200)
def on_post_page(output, page, config, **kwargs):
    template = str(page.meta.get("template") or "main.html")
    language = languages_of(config.plugins.get("i18n"))[2] or ""
    _state.setdefault("check", BuildCheck()).page(output, page.file.dest_uri, (template, language))
    return output


@event_priority(-200)
def on_post_build(config, **kwargs):
    if is_language_build(config.plugins.get("i18n")):
        return  # check the whole site at the end
    site = Path(config.site_dir)
    try:
        copy_worker_shim(Path(config.config_file_path).parent, site)
        write_search_worker_text(site)
    except OfflineError as exc:
        raise PluginError(str(exc)) from exc
    refs = _state.pop("check", BuildCheck()).finish(site)
    if refs:
        raise PluginError(describe(refs))
