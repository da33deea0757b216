"""Links in the build: every link of every language checked once, with file and line.

Thin adapter over :mod:`helpcenter.checks.links.internal`. MkDocs' own ``validation:``
settings (mkdocs.yml) still check each language's pass; this adds line numbers,
links between languages, absolute paths and the external host policy shared
with the contact guard. Warnings fail ``--strict``; errors (a link to a host
that is not official or allowed, a ``javascript:`` link) stop any build. The
findings are reported when the default language's pages are built.
"""

from __future__ import annotations

import logging

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from helpcenter.build.context import current

log = logging.getLogger("mkdocs.plugins.helpcenter.links")


# Before the i18n plugin's other language passes (its on_post_build, priority
# -100): their strict check would stop the site build before this reports.
@event_priority(-50)
def on_post_build(config, **kwargs):
    ctx = current()
    if not ctx.main_pass:
        return  # another language's pass: the site build is not over
    findings = ctx.link_check(config.markdown_extensions, config.mdx_configs).result()
    errors = [f for f in findings if f.severity == "error"]
    for finding in findings:
        (log.error if finding.severity == "error" else log.warning)(finding.doc_message())
    if errors:
        raise PluginError(f"{len(errors)} link(s) not allowed: see the errors above")
