"""MkDocs adapter: under ``mkdocs serve``, show a page's problems at the top of the page.

Only the live preview gets the banner (the build's context says which command
runs), and ``mkdocs build`` (``make site``) never sets ``hc_dev_findings``, so
``partials/hc-dev-banner.html`` renders nothing there. The findings come
from :func:`helpcenter.site.preview.page_findings`, in the reader's language.
"""

from __future__ import annotations

import logging
from pathlib import Path

from helpcenter.build.context import current
from helpcenter.report.messages import text_language
from helpcenter.site import preview


def on_startup(command, dirty):
    # `mkdocs -v` sets the mkdocs logger to DEBUG: then everything is shown.
    preview.quiet_logs(verbose=logging.getLogger("mkdocs").getEffectiveLevel() <= logging.DEBUG)


def on_page_context(context, page, config, nav):
    ctx = current()
    if not ctx.serving or not page.file.abs_src_path:
        return context
    source = Path(page.file.abs_src_path)
    if not source.is_file():  # a page generated in memory has no source to check
        return context
    lang, shown = text_language(ctx.language), ctx.display(source)
    if ctx.registry is None:
        findings = ctx.registry_error.findings(lang)
    else:
        text = source.read_text(encoding="utf-8", errors="replace")
        findings = preview.page_findings(text, shown, lang, ctx.registry, ctx.templates)
    context["hc_dev_findings"] = findings
    return context
