"""Publishing: hreflang alternates, canonical URLs, language switcher, sitemap, robots.txt.

Thin adapter over :mod:`helpcenter.site.publish`; the HTML is in
overrides/partials/hc-hreflang.html and overrides/sitemap.xml.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

from helpcenter.checks.i18n import is_first_language_build, languages_of
from helpcenter.registry.load import DEFAULT_REGISTRY, load_registry_cached
from helpcenter.registry.problems import RegistryError
from helpcenter.site.publish import SiteLayout, resolve_site_url, robots_txt, site_pages

_state: dict = {}

report = logging.getLogger("helpcenter.site.publish")  # shown, never counted by --strict
if not report.handlers:
    _handler = logging.StreamHandler(sys.stderr)
    _handler.setFormatter(logging.Formatter("NOTE    -  %(message)s"))
    report.addHandler(_handler)
    report.setLevel(logging.INFO)
    report.propagate = False


def _layout(config) -> SiteLayout:
    languages, default, _ = languages_of(config.plugins.get("i18n"))
    return SiteLayout(languages, default, config.site_url or None, config.use_directory_urls)


def _switcher(config) -> list[dict]:
    """The language switcher entries the theme will render.

    static-i18n sets them per page as an *attribute* of ``config.extra``
    (which the templates read first), and initially as an item; use the
    attribute when present.
    """
    entries = config.extra.__dict__.get("alternate")
    if entries is None:
        entries = config.extra.get("alternate") or []
    return entries


@event_priority(50)  # before the hooks and plugins that read site_url
def on_config(config, **kwargs):
    try:
        channels = load_registry_cached(
            Path(config.config_file_path).parent / DEFAULT_REGISTRY
        ).channels
    except (RegistryError, OSError):
        channels = ()  # hooks/registry.py reports what is wrong with the registry
    # "" rather than None: static-i18n runs on_config again for each language
    # build, and "" keeps meaning "no site_url" there.
    config.site_url = resolve_site_url(config.site_url, channels) or ""
    return config


def on_files(files, config, **kwargs):
    layout = _layout(config)
    _state["layout"] = layout
    _state["pages"] = site_pages(Path(config.docs_dir), layout)
    return files


@event_priority(-10)  # after static-i18n rewrote extra.alternate for this page
def on_page_context(context, page, config, nav, **kwargs):
    layout: SiteLayout = _state["layout"]
    name = getattr(page.file, "norm_src_uri", None)
    reader = context.get("i18n_page_locale") or layout.default
    if not name:
        return context
    available = _state["pages"].get(name, set())
    context["hc_alternates"] = layout.alternates(name, available, from_path=page.url)
    if layout.site_url:
        page.canonical_url = layout.canonical(name, reader, available)
    # The language switcher: the same article in each language. A missing
    # translation is served from the default language (with a notice), so only
    # a page missing in the default language sends readers to that language's home.
    for alternate in _switcher(config):
        lang = alternate.get("lang")
        if lang not in layout.languages:
            continue
        if lang in available or layout.default in available:
            alternate["link"] = layout.site_path(name, lang)
        else:
            alternate["link"] = layout.home_path(lang)
    return context


def on_template_context(context, template_name, config, **kwargs):
    layout: SiteLayout | None = _state.get("layout")
    if layout is None:
        return context
    if template_name == "sitemap.xml":
        if layout.site_url:
            context["hc_sitemap"] = layout.sitemap(_state["pages"])
        elif is_first_language_build(config.plugins.get("i18n")):  # one NOTE per build
            report.info(
                "no sitemap.xml: this build has no site_url (it is empty in mkdocs.yml or "
                "HC_SITE_URL), and a sitemap must list absolute URLs; leave site_url unset for "
                "the registry's help-center address, or set it to where the site is served"
            )
    elif template_name == "404.html":
        # The 404 page is served at any depth: absolute links to each home.
        homes = [dict(a) for a in config.extra.get("alternate") or []]
        for alternate in homes:
            if alternate.get("lang") in layout.languages:
                alternate["link"] = layout.root_path + layout.home_path(alternate["lang"])
        config.extra.alternate = homes
        context["hc_alternates"] = ()  # not a page: no hreflang
    return context


def on_post_build(config, **kwargs):
    layout: SiteLayout | None = _state.get("layout")
    if layout is not None:
        Path(config.site_dir, "robots.txt").write_text(robots_txt(layout), encoding="utf-8")
