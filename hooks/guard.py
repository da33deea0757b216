"""MkDocs adapter for the contact guard (see :mod:`helpcenter.guard`).

Checks the Markdown source of every page once per site build (in the default
language's build: static-i18n runs one MkDocs build per language) and logs
each finding as a warning under ``mkdocs.``, so ``mkdocs build --strict``
fails naming ``docs/<lang>/<page>.md:LINE:COL``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from helpcenter.findings import display_path
from helpcenter.guard import check_source
from helpcenter.i18n import is_first_language_build
from helpcenter.messages import default_lang
from helpcenter.registry import DEFAULT_REGISTRY, RegistryError, load_registry_cached

log = logging.getLogger("mkdocs.plugins.helpcenter.guard")


def on_files(files, config, **kwargs):
    if not is_first_language_build(config.plugins.get("i18n")):
        return files
    root = Path(config.config_file_path).parent
    try:
        registry = load_registry_cached(root / DEFAULT_REGISTRY)
    except RegistryError as exc:
        raise PluginError(f"The channel registry has problems:\n{exc.format()}") from None
    lang = default_lang()
    reported: set[tuple[str, int, int, str]] = set()
    for path in sorted(Path(config.docs_dir).rglob("*.md")):
        name = display_path(path, root)
        text = path.read_text(encoding="utf-8", errors="replace")
        for finding in check_source(text, name, registry, lang=lang).findings:
            key = (finding.path, finding.line, finding.column, finding.rule)
            if key not in reported:
                reported.add(key)
                log.warning(str(finding))
    return files
