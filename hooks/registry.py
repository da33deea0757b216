"""MkDocs adapter for the channel registry (see :mod:`helpcenter.site.render`).

Loads ``data/channels.yml`` once per build (cached by path and mtime), puts
what the theme partials need in ``config.extra.hc``, expands the registry
markers in every page, and writes ``channels.json``,
``.well-known/security.txt`` and the scam feeds (:mod:`helpcenter.site.feeds`).
A bad registry stops the build (``PluginError``);
a bad marker in a page is a content problem, logged as a warning under
``mkdocs.`` so that ``--strict`` fails the build with every such problem listed. Messages
are in the contributor's language (``HELPCENTER_LANG``, else the locale).
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from helpcenter.checks.i18n import is_language_build
from helpcenter.registry.load import DEFAULT_REGISTRY, load_registry_cached
from helpcenter.registry.problems import RegistryError
from helpcenter.report.messages import default_lang
from helpcenter.site import render
from helpcenter.site.feeds import write_feeds

log = logging.getLogger("mkdocs.hooks.registry")

_state: dict = {}


def on_config(config):
    root = Path(config.config_file_path).parent
    path = root / DEFAULT_REGISTRY
    try:
        registry = load_registry_cached(path)
    except RegistryError as exc:
        raise PluginError(
            f"The channel registry has problems:\n{exc.format(default_lang())}"
        ) from None
    templates = Path(config.theme.custom_dir or root / "overrides")
    # One renderer (and its compiled templates) for every language's build
    # while the registry is unchanged.
    if _state.get("registry") is not registry or _state.get("templates") != templates:
        _state["renderer"] = render.MarkerRenderer(registry, templates)
    _state["registry"], _state["templates"] = registry, templates
    config.extra["hc"] = render.site_data(registry, config.site_url)
    return config


def _lang(page, config) -> str:
    locale = getattr(page.file, "locale", None)
    if locale:
        return "zh" if str(locale).startswith("zh") else "en"
    first = page.file.src_uri.split("/", 1)[0]
    if first in ("zh", "en"):
        return first
    return "zh" if str(config.theme.get("language", "zh")).startswith("zh") else "en"


def on_page_markdown(markdown, page, config, files):
    # Inline markers within text are put in after the Markdown is converted
    # (on_page_content): the same HTML, which the converter need not parse.
    result = _state["renderer"].expand(
        markdown,
        _lang(page, config),
        page.file.src_uri,
        message_lang=default_lang(),
        defer_inline=True,
        site_path=page.file.dest_uri,
    )
    _state.setdefault("deferred", {})[page.file.src_uri] = result.deferred
    if result.findings:
        # Lines of the file, not of the body MkDocs kept (read only when needed).
        try:
            source = page.file.content_string
        except (OSError, UnicodeDecodeError):
            source = markdown
        offset = render.body_offset(source, markdown)
        for finding in result.findings:
            log.warning(
                f"Doc file '{finding.path}' line {finding.line + offset}: "
                f"{finding.rule} {finding.message}"
            )
    return result.markdown


@event_priority(100)  # before every other hook reads the page's HTML
def on_page_content(html, page, config, files):
    deferred = _state.get("deferred", {}).pop(page.file.src_uri, ())
    html, lost = _state["renderer"].fill(html, deferred)
    if lost:
        log.warning(
            f"Doc file '{page.file.src_uri}': {lost} registry marker(s) were dropped by the "
            "Markdown converter (write each hc: marker in plain text, outside HTML attributes)"
        )
    return html


def on_post_build(config):
    if is_language_build(config.plugins.get("i18n")):
        return  # a language build inside the i18n plugin: the root build writes the files
    date = render.build_date()
    render.write_published(config.site_dir, _state["registry"], date, config.site_url)
    write_feeds(config.site_dir, _state["registry"], date, config.site_url or None)
