"""MkDocs adapter for the rendered checks (see :mod:`helpcenter.checks.build`).

Every finished page goes through the content policy (the article as
rendered, the theme's part of the page), gets the Content-Security-Policy
placeholder first in its ``<head>``, and is read by the rendered contact
guard. When the whole site is written (every language), the site's policy
goes into every page; hooks/guard.py reports what the rendered guard found
and the Markdown scan did not. Findings are warnings under ``mkdocs.``, so
``--strict`` fails naming ``docs/<lang>/<page>.md:LINE:COL``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from helpcenter.checks.build import CURRENT, RenderedCheckError, RenderedChecks
from helpcenter.checks.i18n import is_language_build
from helpcenter.registry.load import DEFAULT_REGISTRY, load_registry_cached
from helpcenter.registry.problems import RegistryError
from helpcenter.report.finding import display_path
from helpcenter.report.messages import default_lang
from helpcenter.site import csp

log = logging.getLogger("mkdocs.hooks.policy")

_serving = False


def on_startup(command, dirty):
    # `mkdocs serve` puts its live-reload script, inline, into every page it
    # serves: the preview goes without the policy; `make site` always has it.
    global _serving
    _serving = command == "serve"


def on_pre_build(config, **kwargs):
    if is_language_build(config.plugins.get("i18n")):
        return
    root = Path(config.config_file_path).parent
    try:
        registry = load_registry_cached(root / DEFAULT_REGISTRY)
    except RegistryError:
        registry = None  # hooks/registry.py stops the build with the problems
    overrides = Path(config.theme.custom_dir) if config.theme.custom_dir else None
    CURRENT.clear()
    CURRENT["checks"] = RenderedChecks(root, registry, overrides, default_lang())


def _checks(config) -> RenderedChecks:
    if "checks" not in CURRENT:
        on_pre_build(config)
    return CURRENT["checks"]  # type: ignore[return-value]


def _source(page, config) -> tuple[str, str | None]:
    root = Path(config.config_file_path).parent
    if not page.file.abs_src_path or not Path(page.file.abs_src_path).is_file():
        return page.file.src_uri, None
    name = display_path(Path(page.file.abs_src_path), root)
    try:
        return name, page.file.content_string
    except (OSError, UnicodeDecodeError):
        return name, None


# Before hooks/i18n.py fills the translation status table in (priority 50), while the
# article's HTML is still in the page as written; the offline check (-200) reads the
# placeholder too.
@event_priority(60)
def on_post_page(output, page, config, **kwargs):
    path, source = _source(page, config)
    try:
        found = _checks(config).page(output, page.content or "", path, source, page.file.dest_uri)
    except RenderedCheckError as exc:
        raise PluginError(str(exc)) from None
    for finding in found:
        log.warning(str(finding))
    return output if _serving else csp.insert_placeholder(output)


@event_priority(-100)
def on_post_template(output, template_name, config, **kwargs):
    if not template_name.endswith(".html"):
        return output
    for finding in _checks(config).template(output, template_name):
        log.warning(str(finding))
    return output if _serving else csp.insert_placeholder(output)


# After the i18n plugin built the other languages (its on_post_build, priority -100).
@event_priority(-150)
def on_post_build(config, **kwargs):
    if is_language_build(config.plugins.get("i18n")):
        return
    csp.finalize(config.site_dir, _checks(config).policy())
