"""MkDocs adapter for the contact guard (see :mod:`helpcenter.guard`).

Checks the Markdown source of every page once per site build (it starts in
the default language's pass) and logs each finding as a warning under
``mkdocs.``, so ``mkdocs build --strict`` fails naming
``docs/<lang>/<page>.md:LINE:COL``. The findings are logged when the
default language's pages are built. What only the rendered pages show
(``hooks/policy.py`` reads them) is logged in each language's pass.
"""

from __future__ import annotations

import logging

from mkdocs.plugins import event_priority

from helpcenter.build.context import current

log = logging.getLogger("mkdocs.plugins.helpcenter.guard")


# Before the i18n plugin's other language passes (its on_post_build, priority
# -100): their strict check would stop the site build before this reports.
@event_priority(-50)
def on_post_build(config, **kwargs):
    ctx = current()
    if ctx.main_pass:
        ctx.guard_lines = ctx.guard_check().result()
        for line in ctx.guard_lines:
            log.warning(line)
    # A language's pass stops at its end when strict: report what its pages showed.
    if ctx.rendered is not None:
        for finding in ctx.rendered.guard_findings(ctx.guard_lines):
            log.warning(str(finding))
