"""MkDocs adapter for the "is this official?" verifier (see :mod:`helpcenter.site.verifier`).

Replaces the ``<!-- hc:verifier -->`` marker in a page with the widget from
``overrides/partials/hc-verifier.html`` and writes the verifier's data, built
from the registry, to ``assets/javascripts/verify-data.js``, which the widget
loads with a relative ``<script src>`` so the page works from ``file://``.
The registry hook leaves this marker alone; it is expanded here, after the
Markdown is converted, so no other hook sees the widget's HTML.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from helpcenter.checks.build import TEMPLATE_FRAGMENTS
from helpcenter.registry.load import DEFAULT_REGISTRY, load_registry_cached
from helpcenter.registry.problems import RegistryError
from helpcenter.site import markers
from helpcenter.site.verifier import verifier_script_for

log = logging.getLogger("mkdocs.hooks.verifier")

DATA_FILE = "assets/javascripts/verify-data.js"
SCRIPT_FILE = "assets/javascripts/verify.js"
STYLE_FILE = "assets/stylesheets/verify.css"
MARKER_RE = markers.html_marker_re("verifier")

_state: dict = {}


def on_config(config):
    root = Path(config.config_file_path).parent
    try:
        registry = load_registry_cached(root / DEFAULT_REGISTRY)
    except RegistryError as exc:
        raise PluginError(f"The channel registry has problems:\n{exc.format()}") from None
    # The data is built once for every language's build (and serve rebuild)
    # while the registry is unchanged.
    if _state.get("registry") is not registry:
        _state["registry"] = registry
        _state["script"] = verifier_script_for(str(root / DEFAULT_REGISTRY))
    templates = Path(config.theme.custom_dir or root / "overrides")
    _state["env"] = Environment(
        loader=FileSystemLoader(str(templates)), autoescape=select_autoescape(default=True)
    )
    return config


def _lang(page, config) -> str:
    locale = getattr(page.file, "locale", None) or page.file.src_uri.split("/", 1)[0]
    if str(locale) in ("zh", "en"):
        return str(locale)
    return "zh" if str(config.theme.get("language", "zh")).startswith("zh") else "en"


def on_page_content(html, page, config, files):
    if "hc:verifier" not in html:
        return html  # most pages: no need to run the expression over the page
    matches = list(MARKER_RE.finditer(html))
    if not matches:
        return html
    if len(matches) > 1:
        log.warning(
            f"Doc file '{page.file.src_uri}': <!-- hc:verifier --> appears {len(matches)} "
            "times; a page can hold one verifier (remove the extra markers)"
        )
    lang = _lang(page, config)
    root = "en/" if lang == "en" else ""

    def url(path: str) -> str:
        return get_relative_url(path, page.url or page.file.dest_uri)

    widget = (
        _state["env"]
        .get_template("partials/hc-verifier.html")
        .render(
            lang=lang,
            css_url=url(STYLE_FILE),
            data_url=url(DATA_FILE),
            script_url=url(SCRIPT_FILE),
            directory_url=url(f"{root}contact/directory.html"),
        )
    )
    TEMPLATE_FRAGMENTS.add(widget)  # the content policy holds it to the theme's profile
    first = matches[0]
    return html[: first.start()] + widget + html[first.end() :]


def on_post_build(config):
    target = Path(config.site_dir) / DATA_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".js.tmp")
    tmp.write_text(_state["script"], encoding="utf-8")
    os.replace(tmp, target)
