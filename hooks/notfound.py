"""The 404 page in each language: ``404.html`` (default) and ``en/404.html``.

static-i18n builds the site once per language, and MkDocs renders the
theme's 404.html in each build to the same ``site/404.html``: each
language's page is kept here and written to its own path after every build.
Thin adapter over :mod:`helpcenter.site.notfound`; the HTML is in
overrides/404.html and overrides/partials/hc-404.html.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from helpcenter.checks.i18n import languages_of
from helpcenter.site.notfound import TEMPLATE, NotFound, not_found
from helpcenter.site.publish import SiteLayout

_pages: dict[str, tuple[str, str]] = {}  # lang -> (site path, html)


def _page(config) -> NotFound:
    languages, default, current = languages_of(config.plugins.get("i18n"))
    layout = SiteLayout(languages, default, config.site_url or None)
    return not_found(layout, current or config.theme.get("language") or default)


def on_pre_build(config, **kwargs):
    if not getattr(config.plugins.get("i18n"), "building", False):  # a new site build
        _pages.clear()


def on_template_context(context, template_name, config, **kwargs):
    if template_name == TEMPLATE:
        context["hc_notfound"] = _page(config)
    return context


# After hooks/policy.py put the Content-Security-Policy placeholder in (priority -100),
# which its on_post_build fills in on every page, these two included.
@event_priority(-110)
def on_post_template(output_content, template_name, config, **kwargs):
    if template_name == TEMPLATE:
        page = _page(config)
        _pages[page.lang] = (page.path, output_content)
    return output_content


def on_post_build(config, **kwargs):
    for path, html in _pages.values():
        target = Path(config.site_dir, path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
