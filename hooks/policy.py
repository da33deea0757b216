"""MkDocs adapter for the rendered checks (see :mod:`helpcenter.checks.build`).

Every finished page goes through the content policy (the article as
rendered, the theme's part of the page), gets the Content-Security-Policy
placeholder first in its ``<head>``, and is read by the rendered contact
guard. When the whole site is written (every language), the site's policy
goes into every page; hooks/guard.py reports what the rendered guard found
and the Markdown scan did not. Findings are warnings under ``mkdocs.``, so
``--strict`` fails naming ``docs/<lang>/<page>.md:LINE:COL``. ``mkdocs serve``
puts its live-reload script, inline, into every page it serves: the preview
goes without the policy; ``make site`` always has it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from helpcenter.build.context import current
from helpcenter.checks.build import RenderedCheckError
from helpcenter.site import csp

log = logging.getLogger("mkdocs.plugins.helpcenter.policy")


def _source(page) -> tuple[str, str | None]:
    path = page.file.abs_src_path
    if not path or not Path(path).is_file():
        return page.file.src_uri, None
    try:
        return current().display(path), page.file.content_string
    except (OSError, UnicodeDecodeError):
        return current().display(path), None


# Before hooks/i18n.py fills the translation status table in (priority 50), while the
# article's HTML is still in the page as written; the offline check (-200) reads the
# placeholder too.
@event_priority(60)
def on_post_page(output, page, config, **kwargs):
    ctx = current()
    path, source = _source(page)
    checks = ctx.rendered_checks()
    try:
        found = checks.page(output, page.content or "", path, source, page.file.dest_uri)
    except RenderedCheckError as exc:
        raise PluginError(str(exc)) from None
    for finding in found:
        log.warning(str(finding))
    return output if ctx.serving else csp.insert_placeholder(output)


@event_priority(-100)
def on_post_template(output, template_name, config, **kwargs):
    if not template_name.endswith(".html"):
        return output
    ctx = current()
    for finding in ctx.rendered_checks().template(output, template_name):
        log.warning(str(finding))
    return output if ctx.serving else csp.insert_placeholder(output)


# After the i18n plugin built the other languages (its on_post_build, priority -100).
@event_priority(-150)
def on_post_build(config, **kwargs):
    ctx = current()
    if ctx.main_pass:
        csp.finalize(config.site_dir, ctx.rendered_checks().policy())
