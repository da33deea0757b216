"""What every detector shares: the :class:`Candidate` it reports, the
:class:`Detector` shape, and the cheap anchor search that keeps them linear.

Detector modules import only this module (never the package), so the
package can list them in one place (:data:`helpcenter.guard.detectors.DETECTORS`)
without an import cycle.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol


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


class Detector(Protocol):
    """A module under :mod:`helpcenter.guard.detectors`: it finds, never judges."""

    def detect(self, text: str, region: str = "") -> Iterable[Candidate]:
        """Everything in ``text`` that looks like one kind of contact detail.

        ``region`` is the page's default phone region (``CN`` for Chinese pages);
        detectors that do not need it ignore it.
        """
        ...


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
