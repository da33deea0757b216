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
import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from helpcenter.inputs import files as inputs

log = logging.getLogger("mkdocs.hooks.inputs")

MAX_ASSET_BYTES = 50_000_000
"""Largest image or other file copied into the site, in bytes."""

_texts: dict[str, str] = {}


@event_priority(100)
def on_files(files, config, **kwargs):
    root = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
    errors = []
    _texts.clear()
    docs = os.path.abspath(config.docs_dir) + os.sep
    for file in files:
        path = file.abs_src_path
        if not path or not os.path.abspath(path).startswith(docs):
            continue  # the theme's own files and generated ones
        try:
            if file.src_uri.endswith(".md"):
                text = inputs.read_text(path, root)
                if "\r" in text:  # as MkDocs reads it: universal newlines
                    text = text.replace("\r\n", "\n").replace("\r", "\n")
                problem = inputs.front_matter_problem(text)
                if problem:
                    errors.append(f"Doc file '{file.src_uri}' {problem}")
                _texts[path] = text
            else:
                inputs.check_file(path, root, MAX_ASSET_BYTES)
        except inputs.InputError as exc:
            errors.append(f"Doc file '{file.src_uri}': {exc.reason}")
    for message in errors:
        log.error(message)
    if errors:
        raise PluginError(f"{len(errors)} file(s) refused: see the errors above")
    return files


def on_page_read_source(page, config, **kwargs):
    return _texts.pop(page.file.abs_src_path, None) if page.file.abs_src_path else None
