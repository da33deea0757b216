"""Detectors: one small module per kind of contact detail.

Each module exposes ``detect(text) -> Iterator[Candidate]`` over the
normalised view of a page (see :mod:`helpcenter.guard.extract`). A detector
only *finds* things that look like contacts; :mod:`helpcenter.guard.decide`
judges them against the registry.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["Candidate", "detect_all", "DETECTORS"]


@dataclass(slots=True)
class Candidate:
    """Something that looks like a contact detail, at ``[start, end)`` of the normalised text."""

    start: int
    end: int
    kind: str
    """``email``, ``phone``, ``url``, ``domain``, ``handle``, ``wallet``."""
    text: str
    """The matched text as normalised (case kept)."""
    value: str = ""
    """Canonical value when the detector knows it: E.164, ``local@host``, handle."""
    platform: str | None = None
    """For handles: the platform named next to it, if any."""
    strong: bool = False
    """For phones: written unmistakably as a phone (``+``, 400/800, mobile, context word)."""


DETECTORS = ("emails", "phones", "urls", "social", "tables", "wallets")
"""Module names under :mod:`helpcenter.guard.detectors`, in priority order."""

_PRIORITY = {"email": 0, "url": 1, "domain": 2, "handle": 3, "phone": 4, "wallet": 5}


def detect_all(text: str, region: str) -> list[Candidate]:
    """Every candidate in ``text``; one inside a larger candidate is dropped (wallets excepted)."""
    from helpcenter.guard.detectors import emails, phones, social, tables, urls, wallets

    found: list[Candidate] = []
    found.extend(emails.detect(text))
    found.extend(urls.detect(text))
    found.extend(social.detect(text))
    found.extend(phones.detect(text, region))
    found.extend(tables.detect(text, region))
    found.extend(wallets.detect(text))
    if len(found) < 2:
        return found
    found.sort(key=lambda c: (c.start, -(c.end - c.start), _PRIORITY[c.kind]))
    kept: list[Candidate] = []
    cover_end = -1
    for cand in found:
        if cand.end <= cover_end and cand.kind != "wallet":
            continue
        if kept and cand.start < cover_end and cand.kind != "wallet":
            # Partial overlap: keep the earlier, larger one.
            continue
        kept.append(cand)
        cover_end = max(cover_end, cand.end)
    return kept


def find_all(text: str, needle: str) -> Iterator[int]:
    """Every offset of ``needle`` in ``text`` (a C-speed scan; the guard's anchor search)."""
    find = text.find
    pos = find(needle)
    while pos != -1:
        yield pos
        pos = find(needle, pos + 1)


def line_windows(text: str, positions: Iterator[int] | list[int]) -> list[tuple[int, int]]:
    """The lines containing ``positions``, as sorted, merged ``(start, end)`` spans.

    Detectors run their full pattern only on lines where a cheap anchor
    (``@``, ``://``, a platform word...) occurs: that keeps the guard linear
    and fast on long pages.
    """
    spans: list[tuple[int, int]] = []
    for pos in sorted(set(positions)):
        if spans and pos < spans[-1][1]:
            continue
        start = text.rfind("\n", 0, pos) + 1
        end = text.find("\n", pos)
        if end == -1:
            end = len(text)
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def anchors(text: str, needles: tuple[str, ...]) -> list[int]:
    """Offsets of the needles in ``text``: at least one per line that holds any of them.

    Only the first occurrence on each line is reported (callers want lines),
    so the number of C-speed ``find`` calls stays within the number of lines.
    """
    found: list[int] = []
    find = text.find
    for needle in needles:
        if needle not in text:
            continue
        pos = find(needle)
        while pos != -1:
            found.append(pos)
            eol = find("\n", pos + len(needle))
            if eol == -1:
                break
            pos = find(needle, eol + 1)
    return found


def near_windows(
    text: str, positions: list[int], before: int = 96, after: int = 320
) -> list[tuple[int, int]]:
    """Spans around ``positions`` (``before``/``after`` characters, within the line), merged."""
    spans: list[tuple[int, int]] = []
    for pos in sorted(positions):
        if spans and pos + 1 < spans[-1][1]:
            continue
        line_start = text.rfind("\n", max(0, pos - before), pos) + 1
        start = max(line_start, pos - before)
        end = text.find("\n", pos, pos + after)
        if end == -1:
            end = min(len(text), pos + after)
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans
