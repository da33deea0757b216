"""Translations: page parity between languages, channel parity, revision tracking.

The site's default language (``default: true`` in ``mkdocs.yml``, see
:mod:`helpcenter.site.languages`) is the source language; every other
language folder holds translations with the same file names. See
:mod:`helpcenter.checks.i18n.check` for the checks and :mod:`helpcenter.checks.i18n.revision`
for the ``source_hash`` front matter field that ties a translation to the
revision of its source.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


def pages_by_language(docs_dir: Path, languages: Iterable[str]) -> dict[str, set[str]]:
    """Language -> set of page paths relative to that language's folder (``contact/phone.md``)."""
    out: dict[str, set[str]] = {}
    for lang in languages:
        root = docs_dir / lang
        out[lang] = (
            {p.relative_to(root).as_posix() for p in root.rglob("*.md") if p.is_file()}
            if root.is_dir()
            else set()
        )
    return out
