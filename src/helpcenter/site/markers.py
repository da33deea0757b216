"""The marker grammar, defined once.

Authors talk to the build through HTML comments, which Markdown leaves
alone, so an unexpanded marker never shows. There are two kinds:

* a registry marker shows registry data: ``hc:``, a marker name and its
  arguments, such as ``<!-- hc:channel support-email -->`` or
  ``<!-- hc:channels phone -->``;
* a suppression lets the contact guard pass one line, and says why:
  ``<!-- hc-allow: HC101 reason="..." -->`` (:data:`ALLOW_RE`).

Everything that reads markers (the renderer, the translation check, the
reviewer's diff, the contact guard, the verifier hook and the benchmark's
article generator) uses this module, so they cannot disagree about what a
marker is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

INLINE_MARKERS = ("channel", "channel-label", "last-verified", "verification-status")
"""Markers replaced inside a line of text."""
BLOCK_MARKERS = ("channels", "contact-directory", "known-scams", "support-channels")
"""Markers that stand alone on their line and become a block of HTML."""
FOREIGN_MARKERS = ("verifier",)
"""Markers the verifier hook expands in the page's HTML."""
TAKES_ARGUMENT = {"channel": "ID", "channel-label": "ID", "channels": "TYPE"}
"""Markers that take one argument, and what it names."""
CHANNEL_MARKERS = (
    "channel",
    "channel-label",
    "channels",
    "contact-directory",
    "support-channels",
)
"""Markers that make a page show channels (compared across translations)."""

PREFIX = "hc:"
"""What a comment's text starts with (after white space) when it is a marker."""

MARKER_RE = re.compile(r"<!--\s*hc:(?P<name>[^\s>]*)(?P<args>.*?)-->")
"""A marker: an HTML comment whose text starts with ``hc:``."""
_COMMENT_BODY_RE = re.compile(r"\s*hc:")

ALLOW = "hc-allow"
"""What a suppression's text starts with."""
ALLOW_RE = re.compile(
    r"\s*hc-allow\b\s*:?\s*(?P<codes>[A-Za-z0-9 ,]*?)\s*"
    r"(?:reason\s*=\s*(?:\"(?P<reason>[^\"]*)\"|'(?P<reason2>[^']*)'))?\s*$",
    re.DOTALL,
)
"""A suppression's text (between ``<!--`` and ``-->``): codes, then ``reason="..."``."""
_FENCE_RE = re.compile(r"^\s*(`{3,}|~{3,})")
_CODE_SPAN_RE = re.compile(r"(`+)(?:.+?)\1")


@dataclass(frozen=True)
class Marker:
    """One registry marker found in a page."""

    name: str
    """The marker name after ``hc:`` (``channel``, ``known-scams``, ...)."""
    args: tuple[str, ...]
    """Words after the name."""
    text: str
    """The marker as written."""
    line: int
    """1-based line in the page."""
    column: int
    """1-based column of ``<!--``."""
    start: int
    """Offset of the marker in its line."""
    end: int
    """Offset just after the marker in its line."""

    @property
    def arg(self) -> str:
        """The first argument, or ``""``."""
        return self.args[0] if self.args else ""


def marker(name: str, arg: str = "") -> str:
    """A marker as an author writes it: ``marker("channel", "x")`` is ``<!-- hc:channel x -->``."""
    return f"<!-- {PREFIX}{name} {arg} -->" if arg else f"<!-- {PREFIX}{name} -->"


def is_marker_comment(body: str) -> bool:
    """Whether a comment's text (between ``<!--`` and ``-->``) is a marker's."""
    return _COMMENT_BODY_RE.match(body) is not None


def html_marker_re(name: str) -> re.Pattern[str]:
    """A block marker ``name`` in converted HTML, with the paragraph Markdown wrapped it in."""
    return re.compile(rf"(?:<p>\s*)?<!--\s*hc:{re.escape(name)}\s*-->(?:\s*</p>)?")


def find_markers(markdown: str) -> Iterator[Marker]:
    """Every marker outside fenced code and code spans, in order."""
    fence: str | None = None
    for number, line in enumerate(markdown.split("\n"), start=1):
        fence_match = _FENCE_RE.match(line)
        if fence is not None:
            if (
                fence_match
                and fence_match.group(1)[0] == fence[0]
                and len(fence_match.group(1)) >= len(fence)
            ):
                fence = None
            continue
        if fence_match:
            fence = fence_match.group(1)
            continue
        if PREFIX not in line:
            continue
        spans = [m.span() for m in _CODE_SPAN_RE.finditer(line)]
        for match in MARKER_RE.finditer(line):
            if any(a <= match.start() < b for a, b in spans):
                continue
            yield Marker(
                name=match.group("name"),
                args=tuple(match.group("args").split()),
                text=match.group(0),
                line=number,
                column=match.start() + 1,
                start=match.start(),
                end=match.end(),
            )
