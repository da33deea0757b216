"""Checking files and directories of Markdown."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from helpcenter.guard.scan import PageResult

if TYPE_CHECKING:
    from helpcenter.registry import Registry


def markdown_files(paths: Iterable[str | Path]) -> list[Path]:
    """``*.md`` files under ``paths`` (files are taken as given), sorted, without duplicates."""
    out: dict[str, None] = {}
    for p in paths:
        top = os.fspath(p)
        if os.path.isdir(top):
            found = []
            for root, dirs, files in os.walk(top):
                dirs.sort()
                found.extend(os.path.join(root, f) for f in files if f.endswith(".md"))
            for f in sorted(found):
                out[f] = None
        else:
            out[top] = None
    return [Path(f) for f in out]


BATCH_CHARS = 1_000_000
"""Pages are scanned in batches of about this many characters."""


def _batches(pages: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """``pages`` cut into runs of about :data:`BATCH_CHARS` characters."""
    out: list[list[tuple[str, str]]] = []
    size = BATCH_CHARS
    for page in pages:
        if size + len(page[1]) > BATCH_CHARS and (not out or out[-1]):
            out.append([])
            size = 0
        out[-1].append(page)
        size += len(page[1])
    return out


def check_paths(
    paths: Iterable[str | Path],
    registry: Registry,
    *,
    lang: str = "en",
    default_region: str = "CN",
) -> PageResult:
    """Findings and suppressions for every Markdown file under ``paths``.

    Pages of one phone region are scanned together in batches (one scan per
    batch, not per file). Raises :class:`OSError` for a path that cannot be read.
    """
    from helpcenter.guard.scan import check_pages, region_for

    groups: dict[str, list[tuple[str, str]]] = {}
    for f in markdown_files(paths):
        name = f.as_posix()
        with open(f, "rb") as fh:
            text = fh.read().decode("utf-8", errors="replace")
        if "\r" in text:  # lines as an editor counts them: CRLF and CR end a line
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        groups.setdefault(region_for(name, default_region), []).append((name, text))
    results = [
        check_pages(batch, registry, region=region, lang=lang)
        for region, pages in groups.items()
        for batch in _batches(pages)
    ]
    findings = [f for r in results for f in r.findings]
    listed = [s for r in results for s in r.suppressions]
    return PageResult(sorted(findings), sorted(listed))
