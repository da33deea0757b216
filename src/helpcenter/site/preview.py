"""Problems shown on a page in the live preview (``make serve``).

An editor looks at the page, not at the terminal, so under ``mkdocs serve``
every finding about a page's source appears in a banner at the top of that
page (``hooks/dev_banner.py``, ``overrides/partials/hc-dev-banner.html``).
The findings are the very ones the build reports: the contact guard's and
the registry markers', in the page's language.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from helpcenter.guard.scan import check_source
from helpcenter.report.finding import Finding
from helpcenter.site import render

if TYPE_CHECKING:
    from helpcenter.registry.model import Registry
    from helpcenter.site.render import MarkerRenderer

_RENDERERS: dict[tuple[int, str], MarkerRenderer] = {}


def _marker_findings(
    text: str, path: str, lang: str, registry: Registry, templates_dir: Path
) -> list[Finding]:

    key = (id(registry), str(templates_dir))
    renderer = _RENDERERS.get(key)
    if renderer is None or renderer.registry is not registry:
        _RENDERERS.clear()  # one registry at a time: the file changed, drop the old one
        renderer = _RENDERERS[key] = render.MarkerRenderer(registry, templates_dir)
    expansion = renderer.expand(text, lang, path, message_lang=lang)
    return list(expansion.findings)


def page_findings(
    text: str,
    path: str,
    lang: str,
    registry: Registry,
    templates_dir: Path | None = None,
) -> list[Finding]:
    """Every finding about one page's Markdown ``text``, messages in ``lang``.

    ``path`` is how the page is named in findings (``docs/zh/faq.md``);
    ``templates_dir`` (the theme's ``overrides/``) enables the registry
    marker checks, which render fragments from it.
    """

    findings = list(check_source(text, path, registry, lang=lang).findings)
    if templates_dir is not None:
        findings += _marker_findings(text, path, lang, registry, templates_dir)
    return sorted(set(findings))


NOISY_LOGGERS = {"jieba": logging.DEBUG, "mkdocs.plugins.mkdocs_static_i18n": logging.NOTSET}
"""Loggers that speak on every (re)build, and their own level: jieba's
"Building prefix dict" lines and static-i18n's one INFO line per language."""


def quiet_logs(verbose: bool) -> None:
    """Keep :data:`NOISY_LOGGERS` to warnings, unless ``verbose`` (``mkdocs -v``).

    jieba sets its logger to DEBUG when it is imported, so it is imported first.
    """
    import jieba  # noqa: F401

    for name, level in NOISY_LOGGERS.items():
        logging.getLogger(name).setLevel(level if verbose else logging.WARNING)
