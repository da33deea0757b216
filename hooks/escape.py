"""Front-matter text reaches the theme escaped (:mod:`helpcenter.site.escaping`).

Thin adapter: as soon as MkDocs has read a page's front matter
(``on_page_markdown``, before any other hook), its ``title``,
``description``, ``author`` and ``subtitle`` become escaped HTML; a title
made from the file name (a page without heading or ``title``) likewise,
once the page is rendered. Every page's title is set before the first
template renders, since MkDocs renders all pages' Markdown first.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority

from helpcenter.site.escaping import as_html, escape_meta
from helpcenter.theme import static_i18n


@event_priority(100)
def on_page_markdown(markdown, page, config, files, **kwargs):
    escape_meta(page.meta)
    return markdown


def on_page_content(html, page, config, files, **kwargs):
    # A title from the first heading is HTML already; with neither that nor
    # front matter, it is the file name, as text.
    if "title" not in page.meta and not static_i18n.title_from_heading(page):
        page.title = as_html(page.title)
    return html
