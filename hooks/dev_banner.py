"""MkDocs adapter: under ``mkdocs serve``, show a page's problems at the top of the page.

Only the live preview gets the banner: ``on_startup`` says which command
runs, and ``mkdocs build`` (``make site``) never sets ``hc_dev_findings``, so
``partials/hc-dev-banner.html`` renders nothing there. The findings come
from :func:`helpcenter.site.preview.page_findings`, in the page's language.
"""

from __future__ import annotations

import logging
from pathlib import Path

from helpcenter.registry.load import DEFAULT_REGISTRY, load_registry_cached
from helpcenter.registry.problems import RegistryError
from helpcenter.report.finding import display_path
from helpcenter.site import preview

_serving = False


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"
    # `mkdocs -v` sets the mkdocs logger to DEBUG: then everything is shown.
    preview.quiet_logs(verbose=logging.getLogger("mkdocs").getEffectiveLevel() <= logging.DEBUG)


def on_page_context(context, page, config, nav):
    if not _serving or not page.file.abs_src_path:
        return context
    root = Path(config.config_file_path).parent
    source = Path(page.file.abs_src_path)
    if not source.is_file():  # a page generated in memory has no source to check
        return context
    locale = str(context.get("i18n_page_locale") or config.theme.get("language") or "zh")
    lang = "zh" if locale.startswith("zh") else "en"
    shown = display_path(source, root)
    try:
        registry = load_registry_cached(root / DEFAULT_REGISTRY)
    except RegistryError as exc:
        findings = exc.findings(lang)
    else:
        text = source.read_text(encoding="utf-8", errors="replace")
        templates = Path(config.theme.custom_dir or root / "overrides")
        findings = preview.page_findings(text, shown, lang, registry, templates)
    context["hc_dev_findings"] = findings
    return context
