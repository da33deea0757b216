"""MkDocs adapter for the contact guard (see :mod:`helpcenter.guard`).

Checks the Markdown source of every page once per site build (static-i18n
runs one MkDocs build per language; the check starts in the default
language's) and logs each finding as a warning under ``mkdocs.``, so
``mkdocs build --strict`` fails naming ``docs/<lang>/<page>.md:LINE:COL``.
The scan's findings are logged when the default language is built; a broken
registry stops the build at once.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from helpcenter.checks.build import CURRENT
from helpcenter.checks.i18n import is_first_language_build, is_language_build
from helpcenter.guard.site import docs_findings
from helpcenter.registry.load import DEFAULT_REGISTRY, load_registry_cached
from helpcenter.registry.problems import RegistryError
from helpcenter.report.messages import default_lang

log = logging.getLogger("mkdocs.plugins.helpcenter.guard")

_state: dict = {}


def on_files(files, config, **kwargs):
    if not is_first_language_build(config.plugins.get("i18n")):
        return files
    root = Path(config.config_file_path).parent
    try:
        load_registry_cached(root / DEFAULT_REGISTRY)
    except RegistryError as exc:
        raise PluginError(f"The channel registry has problems:\n{exc.format()}") from None
    _state["lines"] = docs_findings(
        str(config.docs_dir),
        str(root),
        str(root / DEFAULT_REGISTRY),
        default_lang(),
    )
    return files


# Before the i18n plugin's other language builds (its on_post_build, priority
# -100): their strict check would stop the site build before this reports.
@event_priority(-50)
def on_post_build(config, **kwargs):
    checks = CURRENT.get("checks")
    if not is_language_build(config.plugins.get("i18n")):
        lines = _state.pop("lines", None) or []
        for line in lines:
            log.warning(line)
        CURRENT["source_lines"] = lines
    # What only the rendered pages show (hooks/policy.py read them), once, in each
    # language's build: a language build stops at its end when strict.
    if checks is not None:
        for finding in checks.guard_findings(CURRENT.get("source_lines") or []):
            log.warning(str(finding))


def on_build_error(error, **kwargs):
    _state.pop("lines", None)
