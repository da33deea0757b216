"""Links in the build: every link of both languages checked once, with file and line.

Thin adapter over :mod:`helpcenter.links.internal`. MkDocs' own ``validation:``
settings (mkdocs.yml) still check each language build; this adds line numbers,
links between languages, absolute paths and the external host policy shared
with the contact guard. Warnings fail ``--strict``; errors (a link to a host
that is not official or allowed, a ``javascript:`` link) stop any build.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from helpcenter.i18n import is_first_language_build, languages_of
from helpcenter.links.internal import check_links
from helpcenter.registry import DEFAULT_REGISTRY, RegistryError, load_registry_cached

log = logging.getLogger("mkdocs.hooks.links")


def on_files(files, config, **kwargs):
    if not is_first_language_build(config.plugins.get("i18n")):
        return files
    root = Path(config.config_file_path).parent
    try:
        registry = load_registry_cached(root / DEFAULT_REGISTRY)
    except RegistryError:
        registry = None  # hooks/registry.py stops the build and says why
    languages, default, _ = languages_of(config.plugins.get("i18n"))
    findings = check_links(
        config.docs_dir,
        languages=languages,
        default=default,
        registry=registry,
        markdown_extensions=config.markdown_extensions,
        extension_configs=config.mdx_configs,
        display_root=Path(config.docs_dir),
        registry_name=DEFAULT_REGISTRY.as_posix(),
    )
    errors = [f for f in findings if f.severity == "error"]
    for finding in findings:
        message = f"Doc file '{finding.path}' line {finding.line}: {finding.rule} {finding.message}"
        (log.error if finding.severity == "error" else log.warning)(message)
    if errors:
        raise PluginError(f"{len(errors)} link(s) not allowed: see the errors above")
    return files
