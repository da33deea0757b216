"""Publishing: hreflang alternates, canonical URLs, language switcher, sitemap, robots.txt.

Thin adapter over :mod:`helpcenter.site.publish`; the HTML is in
overrides/partials/hc-hreflang.html and overrides/sitemap.xml. The 404 pages: hooks/notfound.py.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.plugins import event_priority

from helpcenter.build.context import current
from helpcenter.site.publish import point_switcher, resolve_site_url, robots_txt
from helpcenter.theme import static_i18n

notes = logging.getLogger("helpcenter.notes.publish")


def _layout(config):
    return current().layout(config.site_url, config.use_directory_urls)


def _switcher(config) -> list[dict]:
    return static_i18n.language_switcher(config.extra)


@event_priority(50)  # before the hooks and plugins that read site_url
def on_config(config, **kwargs):
    registry = current().registry  # hooks/registry.py reports what is wrong with it
    channels = registry.channels if registry is not None else ()
    # "" rather than None: static-i18n runs on_config again in each language's pass,
    # and "" keeps meaning "no site_url" there.
    config.site_url = resolve_site_url(config.site_url, channels) or ""
    return config


@event_priority(-10)  # after static-i18n rewrote extra.alternate for this page
def on_page_context(context, page, config, nav, **kwargs):
    name, layout = static_i18n.source_name(page.file), _layout(config)
    if not name:
        return context
    available = current().site_pages().get(name, set())
    context["hc_alternates"] = layout.alternates(name, available, from_path=page.url)
    if layout.site_url:
        reader = static_i18n.page_languages(context)[0] or layout.default
        page.canonical_url = layout.canonical(name, reader, available)
    point_switcher(_switcher(config), layout, name, available)
    return context


def on_template_context(context, template_name, config, **kwargs):
    ctx, layout = current(), _layout(config)
    if template_name == "sitemap.xml":
        if layout.site_url:
            context["hc_sitemap"] = layout.sitemap(ctx.site_pages())
        elif ctx.main_pass:  # one NOTE per build
            notes.info(
                "no sitemap.xml: this build has no site_url (it is empty in mkdocs.yml or "
                "HC_SITE_URL), and a sitemap must list absolute URLs; leave site_url unset for "
                "the registry's help-center address, or set it to where the site is served"
            )
    return context


def on_post_build(config, **kwargs):
    Path(config.site_dir, "robots.txt").write_text(robots_txt(_layout(config)), encoding="utf-8")
