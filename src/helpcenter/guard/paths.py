"""Checking files and directories of Markdown.

Pages of one phone region are scanned in batches (one scan per batch, not
per file): in one process, of about :data:`BATCH_CHARS` characters as read.
An input of :data:`PARALLEL_BYTES` or more is cut into batches of about
:data:`BATCH_BYTES` by file size and shared out among worker processes, one
per processor (``jobs``); each reads and scans whole batches, so the
findings are the same as in one process, and they are sorted before they
are returned.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from helpcenter.guard.scan import PageResult, check_pages, index_for, region_for
from helpcenter.inputs.files import (
    InputError,
    InputErrors,
    check_files,
    front_matter_problem,
    read_text,
    repository_root,
)

if TYPE_CHECKING:
    from helpcenter.registry.model import Registry


def markdown_files(paths: Iterable[str | Path]) -> list[Path]:
    """``*.md`` files under ``paths`` (files are taken as given), sorted, without duplicates."""
    return [Path(f) for f in _markdown_names(paths)]


def _markdown_names(paths: Iterable[str | Path]) -> list[str]:
    """:func:`markdown_files` as POSIX names, written as :class:`~pathlib.Path` writes them."""
    out: dict[str, None] = {}
    for p in paths:
        top = Path(p).as_posix()
        if os.path.isdir(top):
            found = []
            for root, dirs, files in os.walk(top):
                dirs.sort()
                found.extend(os.path.join(root, f) for f in files if f.endswith(".md"))
            if top == ".":  # Path("./a.md") is "a.md"
                found = [f[2:] for f in found]
            for f in sorted(found):
                out[_posix(f)] = None
        else:
            out[top] = None
    return list(out)


BATCH_BYTES = 2_000_000
"""Pages are read and scanned in batches of about this many bytes."""

BATCH_CHARS = 1_000_000
"""In one process, pages are scanned in batches of about this many characters."""

PARALLEL_BYTES = 4_000_000
"""Below this many bytes of Markdown, one process is faster than starting workers."""


def _posix(name: str) -> str:
    return name.replace(os.sep, "/") if os.sep != "/" else name


def _batches(names: list[str], region: str) -> tuple[list[tuple[str, list[str]]], int]:
    """Files grouped by phone region, cut into runs of about :data:`BATCH_BYTES`; and
    their size in bytes."""

    groups: dict[str, list[tuple[str, int]]] = {}
    total = 0
    for name in names:
        try:
            size = os.stat(name).st_size
        except OSError:
            size = 0  # reading it says what is wrong
        total += size
        groups.setdefault(region_for(name, region), []).append((name, size))
    out: list[tuple[str, list[str]]] = []
    for group_region, files in groups.items():
        size = BATCH_BYTES
        for name, length in files:
            if not out or (size + length > BATCH_BYTES and out[-1][1]):
                out.append((group_region, []))
                size = 0
            out[-1][1].append(name)
            size += length
    return out, total


_ROOT: str | None = None
"""The repository the files are checked in (:func:`helpcenter.inputs.files.repository_root`)."""


def _root() -> str:

    global _ROOT
    if _ROOT is None:
        _ROOT = str(repository_root())
    return _ROOT


def _read(name: str) -> tuple[str, str]:
    """``(name, text)``; :class:`~helpcenter.inputs.files.InputError` for a file that is unsafe
    (not UTF-8, a special file, a symlink out of the repository, too large)."""

    text = read_text(name, _root())
    problem = front_matter_problem(text)
    if problem:  # an alias bomb is refused before anything parses it
        raise InputError(name, problem)
    if "\r" in text:  # lines as an editor counts them: CRLF and CR end a line
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return name, text


def _check_batch(registry: Registry, lang: str, region: str, names: Sequence[str]) -> PageResult:

    return check_pages([_read(n) for n in names], registry, region=region, lang=lang)


def _check_serially(
    names: list[str], registry: Registry, lang: str, default_region: str
) -> list[PageResult]:
    """Every file read, then scanned in batches of about :data:`BATCH_CHARS` (counted as
    read: no file is asked its size)."""

    groups: dict[str, list[tuple[str, str]]] = {}
    refused: list[InputError] = []
    for name in names:
        try:
            page = _read(name)
        except InputError as exc:  # every refused file is named, not only the first
            refused.append(exc)
            continue
        groups.setdefault(region_for(name, default_region), []).append(page)
    if refused:
        raise InputErrors(refused)
    results = []
    for region, pages in groups.items():
        batch: list[tuple[str, str]] = []
        size = 0
        for page in pages:
            if batch and size + len(page[1]) > BATCH_CHARS:
                results.append(check_pages(batch, registry, region=region, lang=lang))
                batch, size = [], 0
            batch.append(page)
            size += len(page[1])
        if batch:
            results.append(check_pages(batch, registry, region=region, lang=lang))
    return results


# What a worker process checks against: set in the parent before the workers
# are forked, so the registry and its lookup index are not sent to each one.
_WORKER: tuple[Registry, str] | None = None


def _worker_batch(region: str, names: Sequence[str]) -> PageResult:
    assert _WORKER is not None
    registry, lang = _WORKER
    return _check_batch(registry, lang, region, names)


def available_cpus() -> int:
    """Processors this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _parallel(
    batches: list[tuple[str, list[str]]], registry: Registry, lang: str, jobs: int
) -> list[PageResult]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _WORKER
    index_for(registry)  # built once, inherited by every worker
    _WORKER = (registry, lang)
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
            futures = [pool.submit(_worker_batch, region, names) for region, names in batches]
            return [f.result() for f in futures]
    finally:
        _WORKER = None


def _can_fork() -> bool:
    import multiprocessing
    import threading

    # Forking a process with other threads running can copy a held lock.
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def check_paths(
    paths: Iterable[str | Path],
    registry: Registry,
    *,
    lang: str = "en",
    default_region: str = "CN",
    jobs: int | None = None,
) -> PageResult:
    """Findings and suppressions for every Markdown file under ``paths``.

    ``jobs`` is the number of processes for a large input (``None``: one per
    processor; ``1``: this process only). Raises :class:`OSError` for a path
    that cannot be read (:class:`helpcenter.inputs.files.InputError` for one that
    is refused: not UTF-8, a special file, a symlink out of the repository).
    """

    names = _markdown_names(paths)
    check_files(names, _root())  # every special, linked-out or oversized file named at once
    if jobs is None:
        jobs = available_cpus()
    results = None
    if jobs > 1 and _can_fork():
        batches, total = _batches(names, default_region)
        if total >= PARALLEL_BYTES and len(batches) > 1:
            results = _parallel(batches, registry, lang, min(jobs, len(batches)))
    if results is None:
        results = _check_serially(names, registry, lang, default_region)
    findings = [f for r in results for f in r.findings]
    listed = [s for r in results for s in r.suppressions]
    return PageResult(sorted(findings), sorted(listed))
