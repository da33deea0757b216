"""Refuse unsafe input files before anything reads them (:mod:`helpcenter.inputs.files`).

Thin adapter. Runs first (``on_files``, priority 100): every file under
``docs/`` must be a regular file inside the project (no symlink out of it, no
pipe, device or dangling link), not too large, and every page UTF-8 text
whose front matter uses no YAML anchors, aliases or deep nesting. Each
refused file is logged with what is wrong; then the build stops. The pages
read here are handed to MkDocs as read (``on_page_read_source``), so no
page is read twice.
"""

from __future__ import annotations

import logging

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from helpcenter.build.context import current
from helpcenter.inputs.files import MAX_ASSET_BYTES

log = logging.getLogger("mkdocs.plugins.helpcenter.inputs")


@event_priority(100)
def on_files(files, config, **kwargs):
    errors = current().read_sources(
        [(file.src_uri, file.abs_src_path) for file in files], MAX_ASSET_BYTES
    )
    for message in errors:
        log.error(message)
    if errors:
        raise PluginError(f"{len(errors)} file(s) refused: see the errors above")
    return files


def on_page_read_source(page, config, **kwargs):
    return current().take_source(page.file.abs_src_path)
