"""Show each article's last-updated date, taken from git without network.

Thin adapter: one ``git log`` per build (:mod:`helpcenter.site.gitdates`), so
``mkdocs serve`` picks up new commits without a restart.
"""

from __future__ import annotations

from helpcenter.build.context import current


def on_page_markdown(markdown, page, config, files, **kwargs):
    date = current().revision_date(page.file.abs_src_path)
    if date:
        page.meta.setdefault("revision_date", date)
    return markdown
