"""The site works from file:// with no network: local worker shim, no CDN.

Thin adapter; the checks are in helpcenter.checks.offline (see BuildCheck for what is
checked where), the shim and the worker's text in helpcenter.theme.search_start.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from helpcenter.build.context import current
from helpcenter.checks.offline import describe
from helpcenter.theme import search_start


# After the theme's offline plugin, if enabled, added its CDN shim.
@event_priority(-100)
def on_config(config, **kwargs):
    polyfills = list(config.extra.get("polyfills") or [])
    config.extra["polyfills"] = search_start.polyfills_without_cdn(polyfills)
    config.use_directory_urls = False  # links must name files on file://
    return config


def _source(page) -> tuple[str, str]:
    """How findings name the page's Markdown file, and its text."""
    path = page.file.abs_src_path
    name = current().display(path) if path else page.url
    try:
        return name, page.file.content_string
    except (OSError, UnicodeDecodeError):
        return name, ""


def on_page_content(html, page, config, **kwargs):
    current().offline_check().content(html, lambda: _source(page))
    return html


# Last: the page as it will be written.
@event_priority(-200)
def on_post_page(output, page, config, **kwargs):
    ctx = current()
    template = str(page.meta.get("template") or "main.html")
    ctx.offline_check().page(output, page.file.dest_uri, (template, ctx.language))
    return output


@event_priority(-200)
def on_post_build(config, **kwargs):
    ctx = current()
    if not ctx.main_pass:
        return  # check the whole site at the end
    site = Path(config.site_dir)
    try:
        search_start.copy_shim(ctx.root, site)
        search_start.write_worker_text(site)
    except search_start.SearchStartError as exc:
        raise PluginError(str(exc)) from exc
    refs = ctx.offline_check().finish(site)
    if refs:
        raise PluginError(describe(refs))
