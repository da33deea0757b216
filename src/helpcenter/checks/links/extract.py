"""Find the links in a Markdown source, with their line and column.

Covers what Python-Markdown turns into links or resources: inline links and
images, reference definitions, autolinks and ``href``/``src`` attributes of
raw HTML. Fenced code blocks, inline code spans and front matter are skipped:
a link shown as an example is not a link.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN_RE = re.compile(r"(`+)(?:.+?)\1")
_COMMENT_RE = re.compile(r"<!--.*?-->", re.S)
# [text](target "title") and ![alt](target): one level of nested brackets in the
# text and of balanced parentheses in the target (Wikipedia-style URLs).
_INLINE_RE = re.compile(
    r"!?\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\]\(\s*"
    r"(?:<(?P<angle>[^>\n]*)>|(?P<bare>(?:[^()\s]|\([^()\s]*\))+))"
    r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?\s*\)"
)
_REFDEF_RE = re.compile(r"^ {0,3}\[[^\]\n]+\]:\s*(?:<(?P<angle>[^>\n]*)>|(?P<bare>\S+))")
_AUTOLINK_RE = re.compile(r"<(?P<url>(?:https?|ftp|mailto|tel):[^<>\s]+)>", re.I)
_HTML_ATTR_RE = re.compile(
    r"<[a-zA-Z][^<>]*?\s(?:href|src)\s*=\s*(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)')"
)


@dataclass(frozen=True)
class Link:
    """One link target as written in the source."""

    url: str
    """The target exactly as written (``../faq.md#login``, ``https://...``)."""
    line: int
    """1-based line of the target."""
    column: int
    """1-based column of the target."""
    kind: str
    """``inline``, ``reference``, ``autolink`` or ``html``."""


def front_matter_lines(lines: list[str]) -> int:
    """How many leading lines form a ``---`` front matter block (0 if none or unclosed)."""
    if not lines or lines[0].rstrip() != "---":
        return 0
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return index + 1
    return 0


def _blank(match: re.Match[str]) -> str:
    # Keep offsets: replace the matched text by spaces, newlines kept.
    return re.sub(r"[^\n]", " ", match.group(0))


def prose_lines(text: str, *, keep_comments: bool = False) -> list[str]:
    """The lines of ``text`` with front matter, fenced code, code spans and comments blanked.

    Line count and columns are preserved, so positions found in the result are
    positions in the file. ``keep_comments`` keeps HTML comments (registry
    markers are comments).
    """
    lines = text.splitlines()
    skip = front_matter_lines(lines)
    out: list[str] = []
    fence: str | None = None
    for index, line in enumerate(lines):
        if index < skip:
            out.append("")
            continue
        match = _FENCE_RE.match(line)
        if fence is not None:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
            out.append("")
            continue
        if match:
            fence = match.group(1)
            out.append("")
            continue
        out.append(line)
    joined = "\n".join(out)
    if not keep_comments:
        joined = _COMMENT_RE.sub(_blank, joined)
    return [_CODE_SPAN_RE.sub(_blank, line) if "`" in line else line for line in joined.split("\n")]


def extract_links(text: str) -> list[Link]:
    """Every link target in the Markdown ``text``, in source order."""
    links: list[Link] = []
    for number, line in enumerate(prose_lines(text), start=1):
        found: list[tuple[int, str, str]] = []
        # Every form starts with "[" or "<": most lines of prose have neither.
        if "[" in line:
            for match in _INLINE_RE.finditer(line):
                group = "angle" if match.group("angle") is not None else "bare"
                found.append((match.start(group), match.group(group), "inline"))
            for match in _REFDEF_RE.finditer(line):
                group = "angle" if match.group("angle") is not None else "bare"
                found.append((match.start(group), match.group(group), "reference"))
        if "<" in line:
            for match in _AUTOLINK_RE.finditer(line):
                found.append((match.start("url"), match.group("url"), "autolink"))
            for match in _HTML_ATTR_RE.finditer(line):
                group = "dq" if match.group("dq") is not None else "sq"
                found.append((match.start(group), match.group(group), "html"))
        for start, url, kind in sorted(found):
            url = url.strip()
            if url:
                links.append(Link(url, number, start + 1, kind))
    return links
