"""Links in the build: every link of both languages checked once, with file and line.

Thin adapter over :mod:`helpcenter.checks.links.internal`. MkDocs' own ``validation:``
settings (mkdocs.yml) still check each language build; this adds line numbers,
links between languages, absolute paths and the external host policy shared
with the contact guard. Warnings fail ``--strict``; errors (a link to a host
that is not official or allowed, a ``javascript:`` link) stop any build. The
check's findings are reported when the default language is built.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from helpcenter.checks.i18n import is_first_language_build, is_language_build, languages_of
from helpcenter.checks.links.internal import check_site_links
from helpcenter.registry.load import DEFAULT_REGISTRY

log = logging.getLogger("mkdocs.hooks.links")

_state: dict = {}


def on_files(files, config, **kwargs):
    if not is_first_language_build(config.plugins.get("i18n")):
        return files
    root = Path(config.config_file_path).parent
    languages, default, _ = languages_of(config.plugins.get("i18n"))
    _state["findings"] = check_site_links(
        str(config.docs_dir),
        str(root / DEFAULT_REGISTRY),
        tuple(languages),
        default,
        list(config.markdown_extensions),
        dict(config.mdx_configs),
        DEFAULT_REGISTRY.as_posix(),
    )
    return files


# Before the i18n plugin's other language builds (its on_post_build, priority
# -100): their strict check would stop the site build before this reports.
@event_priority(-50)
def on_post_build(config, **kwargs):
    if is_language_build(config.plugins.get("i18n")):
        return  # a language build inside the i18n plugin: the site build is not over
    findings = _state.pop("findings", None) or []
    errors = [f for f in findings if f.severity == "error"]
    for finding in findings:
        message = f"Doc file '{finding.path}' line {finding.line}: {finding.rule} {finding.message}"
        (log.error if finding.severity == "error" else log.warning)(message)
    if errors:
        raise PluginError(f"{len(errors)} link(s) not allowed: see the errors above")


def on_build_error(error, **kwargs):
    _state.pop("findings", None)
