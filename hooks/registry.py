"""MkDocs adapter for the channel registry in the site (:mod:`helpcenter.site.render`).

The build's context loads ``data/channels.yml`` once per build; a bad registry
stops the build here, naming file and line. This hook puts what the theme's
partials need in ``config.extra.hc``, expands the registry markers in every
page (a bad marker is a warning under ``mkdocs.``, so ``--strict`` fails with
every one listed, in the contributor's language), puts the "is this
official?" verifier (:mod:`helpcenter.site.verifier`) in place of
``<!-- hc:verifier -->`` once the Markdown is converted, and writes
``channels.json``, ``.well-known/security.txt``, the scam feeds and the
verifier's data (``verify-data.js``, loaded by a relative ``<script src>``).
"""

from __future__ import annotations

import logging

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from helpcenter.build.context import current
from helpcenter.site import render, verifier
from helpcenter.theme import static_i18n

log = logging.getLogger("mkdocs.plugins.helpcenter.registry")


def on_config(config):
    ctx = current()
    if ctx.registry is None:
        raise PluginError(ctx.registry_problems()) from None
    config.extra["hc"] = render.site_data(ctx.registry, ctx.languages, config.site_url)
    return config


def _source(page, markdown):
    # Lines of the file, not of the body MkDocs kept (read only when needed).
    try:
        return page.file.content_string
    except (OSError, UnicodeDecodeError):
        return markdown


def on_page_markdown(markdown, page, config, files):
    # Inline markers within text are put in after the Markdown is converted
    # (on_page_content): the same HTML, which the converter need not parse.
    file = page.file
    expanded, problems = current().expand_markers(
        markdown, file.src_uri, static_i18n.file_language(file), file.dest_uri,
        lambda: _source(page, markdown),
    )  # fmt: skip
    for message in problems:
        log.warning(message)
    return expanded


@event_priority(100)  # before every other hook reads the page's HTML
def on_page_content(html, page, config, files):
    ctx, file = current(), page.file
    html, problem = ctx.fill_markers(html, file.src_uri)
    if problem:
        log.warning(problem)
    locale = static_i18n.file_language(file)
    html, problem = ctx.expand_verifier(html, file.src_uri, locale, page.url or file.dest_uri)
    if problem:
        log.warning(problem)
    return html


def on_post_build(config):
    ctx = current()
    if ctx.main_pass:  # once per site build, in the default language's pass
        ctx.write_registry_files(config.site_url)
    verifier.write_data(config.site_dir, ctx.verifier_data().result())
