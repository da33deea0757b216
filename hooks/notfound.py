"""The 404 page in each language: ``404.html`` (default) and ``<lang>/404.html``.

MkDocs renders the theme's 404.html in each language's pass to the same
``site/404.html``: each language's page is kept here and written to its own
path after every pass. Thin adapter over :mod:`helpcenter.site.notfound`; the
HTML is in overrides/404.html and overrides/partials/hc-404.html.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from helpcenter.build.context import current
from helpcenter.site.notfound import TEMPLATE, NotFound, not_found
from helpcenter.site.publish import home_switcher


def _page(config) -> NotFound:
    ctx = current()
    return not_found(ctx.layout(config.site_url), ctx.language)


def on_template_context(context, template_name, config, **kwargs):
    if template_name == TEMPLATE:
        # Served at any depth: absolute links to each home. Not a page: no hreflang.
        layout = current().layout(config.site_url, config.use_directory_urls)
        config.extra.alternate = home_switcher(config.extra.get("alternate") or [], layout)
        context["hc_alternates"] = ()
        context["hc_notfound"] = _page(config)
    return context


# After hooks/policy.py put the Content-Security-Policy placeholder in (priority -100),
# which its on_post_build fills in on every page, these included.
@event_priority(-110)
def on_post_template(output_content, template_name, config, **kwargs):
    if template_name == TEMPLATE:
        page = _page(config)
        current().not_found_pages[page.lang] = (page.path, output_content)
    return output_content


def on_post_build(config, **kwargs):
    for path, html in current().not_found_pages.values():
        target = Path(config.site_dir, path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
