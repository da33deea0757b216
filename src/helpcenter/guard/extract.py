"""Markdown source as the guard reads it: a normalised view with exact positions.

The guard scans the *whole* source of a page, because a reader can see or
click a contact detail in every part of it: body text, link text and targets,
raw HTML attributes, image alt text, admonition titles, code, front matter,
and HTML comments (not shown, but published in the page source). Only the
registry's own markers (``<!-- hc:... -->``) are not contacts.

:class:`Source` builds a normalised copy of the text (NFKC, invisible
characters removed, HTML entities and a few percent escapes decoded,
defanged ``[.]``/``hxxp`` restored) and remembers where every normalised
character came from, so a finding points at the 1-based line and column
(in characters) of the original file.
"""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate

from helpcenter.contacts.normalize import INVISIBLE_RE
from helpcenter.guard.detectors.base import anchors, line_windows
from helpcenter.site import markers
from helpcenter.site.markers import is_marker_comment

# Tokens replaced in the normalised view, one pattern per kind so that each
# scan starts with a literal or a small class (fast even on long pages).
_TOKEN_PATTERNS = (
    ("inv", re.compile(INVISIBLE_RE.pattern + "+")),
    ("ent", re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,15});?")),
    ("pct", re.compile(r"%(?:2[eEdDfF]|3[0-9aA]|40|[46][1-9a-fA-F]|[57][0-9aA]|5[fF])")),
    ("defang", re.compile(r"[\[({<](?:\.|dot|DOT|Dot|at|AT|At|@|:|://|:/|/)[\])}>]")),
    ("hxxp", re.compile(r"[hH](?:xx|XX|\*\*)[pP](?=[sS]?(?:\[?:|://))")),
)
# Substrings without which a token kind cannot occur: a fast test before the scan.
_GATES = {
    "inv": None,  # tested with INVISIBLE_RE.search
    "ent": ("&",),
    "pct": ("%",),
    "defang": None,
    "hxxp": ("xx", "XX"),
}
_PAIRS = {"[": "]", "(": ")", "{": "}", "<": ">"}
_DEFANGED = {
    ".": ".",
    "dot": ".",
    "at": "@",
    "@": "@",
    ":": ":",
    "://": "://",
    ":/": ":/",
    "/": "/",
}

# Inline formatting a number can be written through: "**400**-000-0456",
# "400-<b>000</b>-0456", "400\\-000\\-0456". Only bare tags: a tag with
# attributes keeps them visible to the detectors.
_FORMAT_RE = re.compile(
    r"(?:\*\*?|__|~~|\\(?=[\-.])|</?(?:b|strong|i|em|span|kbd|code|u|s|mark|sup|sub)>)+"
)
# Where formatting can start. One pattern per literal first character: each
# scan runs at C speed and hands only real candidates to Python.
_FORMAT_STARTS = tuple(
    re.compile(p)
    for p in (r"\*", r"_(?=_)", r"~(?=~)", r"\\(?=[\-.])",
              r"</?(?:b|strong|i|em|span|kbd|code|u|s|mark|sup|sub)>")
)  # fmt: skip
_NUMBER_GLUE = "-. "


def _format_tokens(text: str) -> list[tuple[int, int, str]]:
    """Formatting inside a written number, removed from the normalised view.

    Kept only next to a digit with a digit or a phone separator on the
    other side ("**400**-000-0456"; not "**bold** text").
    """
    starts: list[int] = []
    for pattern in _FORMAT_STARTS:
        starts.extend(m.start() for m in pattern.finditer(text))
    if not starts:
        return []
    starts.sort()
    out: list[tuple[int, int, str]] = []
    size = len(text)
    done = -1
    for pos in starts:
        if pos < done:
            continue
        m = _FORMAT_RE.match(text, pos)
        if m is None:
            continue
        s, e = m.span()
        done = e
        prev = text[s - 1] if s > 0 else "\n"
        nxt = text[e] if e < size else "\n"
        if (prev.isdigit() and (nxt.isdigit() or nxt in _NUMBER_GLUE)) or (
            nxt.isdigit() and prev in _NUMBER_GLUE
        ):
            out.append((s, e, ""))
    return out


# How emoji are written: variation selectors (VS15 text, VS16 emoji style), the
# zero-width joiner between the emoji of a sequence, the keycap mark, and the
# tag characters of a subdivision flag.
_VS = "\ufe0e\ufe0f"
_ZWJ = "\u200d"
_EMOJI_JOINERS = frozenset(_VS + _ZWJ)
_KEYCAP = "\u20e3"
_KEYCAP_BASES = frozenset("0123456789#*")
_TAGS = frozenset(map(chr, range(0xE0020, 0xE0080)))
_BLACK_FLAG = "\U0001f3f4"


def _emoji_part(ch: str) -> bool:
    """Whether ``ch`` can start or continue an emoji sequence: a symbol (☎, ⚠, 👩,
    a skin tone) or one of the punctuation marks with an emoji form (‼, ⁉, 〽, 〰)."""
    return unicodedata.category(ch)[0] == "S" or ch in "\u203c\u2049\u303d\u3030"


def in_emoji(text: str, start: int, end: int) -> bool:
    """Whether the invisible run ``text[start:end]`` is part of an emoji sequence.

    ``⚠️`` (VS16 after a symbol), ``👩‍💻`` (a joiner between two emoji),
    ``🏳️‍🌈``, keycaps ``1️⃣`` and subdivision flags are how emoji are written,
    not hidden text. A run holding anything else (a zero-width space, a bidi
    control), or sitting between letters or digits, is not.
    """
    run = text[start:end]
    prev = text[start - 1] if start > 0 else ""
    nxt = text[end] if end < len(text) else ""
    if prev == _BLACK_FLAG:
        return all(ch in _TAGS for ch in run)
    if not all(ch in _EMOJI_JOINERS for ch in run) or not prev:
        return False
    if nxt == _KEYCAP:
        return prev in _KEYCAP_BASES and run in _VS
    if not _emoji_part(prev):
        return False
    if _ZWJ in run:
        # A joiner joins two emoji: what follows must be one too.
        return bool(nxt) and _emoji_part(nxt) and run.count(_ZWJ) == 1 and run[-1] == _ZWJ
    return True


# Pages are scanned joined by PAGE_SEPARATOR; no multi-line pattern crosses a NUL.
PAGE_SEPARATOR = "\n\x00\n"
_COMMENT_RE = re.compile(r"<!--([^\x00]*?)-->")

# Markdown and HTML places where a link points: [text](target), ![alt](src),
# [id]: target, <scheme:...>, and href/src/action/... attributes.
_INLINE_LINK_RE = re.compile(
    r"\[(?P<text>[^\]\n]{0,500})\]\(\s*<?(?P<target>[^)\s>]{1,2000})>?"
    r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\)"
)
_REFDEF_RE = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?(?P<target>[^\s>]+)>?", re.MULTILINE)
_AUTOLINK_RE = re.compile(r"<(?P<target>(?:[a-zA-Z][a-zA-Z0-9+.-]{1,31}:|www\.)[^\s<>]+)>")
_ATTR_RE = re.compile(
    r"\b(?:href|src|action|formaction|cite|poster|data-[\w-]+|srcset|content|xlink:href)"
    r"\s*=\s*(?:\"(?P<q2>[^\"]*)\"|'(?P<q1>[^']*)'|(?P<q0>[^\s>\"']+))",
    re.IGNORECASE,
)
_ANCHOR_RE = re.compile(
    r"<[aA]\b[^>\x00]*?\bhref\s*=\s*(?:\"(?P<q2>[^\"\x00]*)\"|'(?P<q1>[^'\x00]*)')[^>\x00]*>"
    r"(?P<text>[^\x00]*?)</a\s*>",
)


@dataclass(frozen=True, slots=True)
class Link:
    """A link whose visible text may show a contact: ``[text](target)`` or ``<a href>text</a>``."""

    text_start: int
    text_end: int
    target_start: int
    target_end: int


@dataclass(frozen=True, slots=True)
class Suppression:
    """An inline ``<!-- hc-allow: CODES reason="..." -->`` marker."""

    line: int
    """Line of the marker (1-based)."""
    column: int
    """Column of the marker (1-based)."""
    codes: tuple[str, ...]
    """Rule codes it silences."""
    reason: str
    """Why (required; an empty reason is itself a finding)."""
    lines: tuple[int, ...]
    """Lines it applies to: its own line, and the next non-blank line when it stands alone."""


@dataclass
class Source:
    """A page's source text and its normalised view, with positions mapped back."""

    text: str
    """The original text."""
    norm: str = ""
    """The normalised view the detectors scan."""
    invisible: list[tuple[int, int]] = field(default_factory=list)
    """Runs of invisible characters as ``(start, end)`` offsets in :attr:`text`."""
    _n_starts: list[int] = field(default_factory=list)
    _o_starts: list[int] = field(default_factory=list)
    _exact: list[bool] = field(default_factory=list)
    _o_ends: list[int] = field(default_factory=list)
    _starts: list[int] | None = None

    def __post_init__(self) -> None:
        self._build()

    @property
    def line_starts(self) -> list[int]:
        """Offsets where lines start (computed on first use: most pages have no finding)."""
        if self._starts is None:
            lengths = map((1).__add__, map(len, self.text.split("\n")))
            self._starts = [0, *accumulate(lengths)][:-1]
        return self._starts

    # -- building the view -------------------------------------------------
    def _piece(self, norm_parts: list[str], n: int, o_start: int, o_end: int, new: str) -> int:
        """Append a replaced piece: ``new`` stands for ``text[o_start:o_end]``."""
        self._n_starts.append(n)
        self._o_starts.append(o_start)
        self._o_ends.append(o_end)
        self._exact.append(False)
        norm_parts.append(new)
        return n + len(new)

    def _copy(self, norm_parts: list[str], n: int, o_start: int, o_end: int) -> int:
        """Append ``text[o_start:o_end]`` NFKC-normalised, exact where lengths allow."""
        chunk = self.text[o_start:o_end]
        if not chunk:
            return n
        if chunk.isascii():
            return self._exact_piece(norm_parts, n, o_start, chunk)
        folded = _fold(chunk)
        if len(folded) == len(chunk):
            return self._exact_piece(norm_parts, n, o_start, folded)
        # Rare: a character expands or composes. Map line by line, then char by char.
        pos = o_start
        for line in chunk.splitlines(keepends=True):
            folded = _fold(line)
            if len(folded) == len(line):
                n = self._exact_piece(norm_parts, n, pos, folded)
            else:
                for i, ch in enumerate(line):
                    one = _fold(ch)
                    if len(one) == 1:
                        n = self._exact_piece(norm_parts, n, pos + i, one)
                    else:
                        n = self._piece(norm_parts, n, pos + i, pos + i + 1, one)
            pos += len(line)
        return n

    def _exact_piece(self, norm_parts: list[str], n: int, o_start: int, new: str) -> int:
        if (
            self._exact
            and self._exact[-1]
            and self._o_ends[-1] == o_start
            and (self._n_starts[-1] + (self._o_ends[-1] - self._o_starts[-1]) == n)
        ):
            self._o_ends[-1] = o_start + len(new)
        else:
            self._n_starts.append(n)
            self._o_starts.append(o_start)
            self._o_ends.append(o_start + len(new))
            self._exact.append(True)
        norm_parts.append(new)
        return n + len(new)

    def _tokens(self) -> list[tuple[int, int, str]]:
        """``(start, end, replacement)`` of every token to replace, sorted, not overlapping."""
        text = self.text
        found: list[tuple[int, int, str]] = []
        for kind, pattern in _TOKEN_PATTERNS:
            gate = _GATES[kind]
            if kind == "inv" and INVISIBLE_RE.search(text) is None:
                continue
            if gate is not None and not any(g in text for g in gate):
                continue
            for m in pattern.finditer(text):
                s, e = m.span()
                raw = m.group()
                if kind == "inv":
                    if not in_emoji(text, s, e):
                        self.invisible.append((s, e))
                    new = ""
                elif kind == "ent":
                    new = html.unescape(raw)
                    if new == raw:
                        continue
                    new = unicodedata.normalize("NFKC", new)
                elif kind == "pct":
                    new = chr(int(raw[1:], 16))
                elif kind == "defang":
                    if _PAIRS[raw[0]] != raw[-1]:
                        continue
                    new = _DEFANGED[raw[1:-1].lower()]
                    if new in ".@":
                        # "support [at] bitp [dot] example": the spaces belong to the disguise.
                        while s > 0 and text[s - 1] in " \t":
                            s -= 1
                        while e < len(text) and text[e] in " \t":
                            e += 1
                else:  # hxxp
                    if s > 0 and text[s - 1].isascii() and text[s - 1].isalnum():
                        continue
                    new = "http"
                found.append((s, e, new))
        found.extend(_format_tokens(text))
        found.sort()
        out: list[tuple[int, int, str]] = []
        last_end = -1
        for token in found:
            if token[0] >= last_end:
                out.append(token)
                last_end = token[1]
        return out

    def _build(self) -> None:
        text = self.text
        parts: list[str] = []
        n = 0
        last = 0
        for s, e, new in self._tokens():
            n = self._copy(parts, n, last, s)
            n = self._piece(parts, n, s, e, new)
            last = e
        n = self._copy(parts, n, last, len(text))
        self.norm = "".join(parts)
        # Sentinel so offsets at the very end map too.
        self._n_starts.append(n)
        self._o_starts.append(len(text))
        self._o_ends.append(len(text))
        self._exact.append(True)

    # -- positions ---------------------------------------------------------
    def orig(self, index: int) -> int:
        """The offset in :attr:`text` that normalised offset ``index`` came from."""
        i = bisect_right(self._n_starts, index) - 1
        if i < 0:
            return 0
        if self._exact[i]:
            return min(self._o_starts[i] + (index - self._n_starts[i]), len(self.text))
        return self._o_starts[i]

    def orig_end(self, index: int) -> int:
        """The end offset in :attr:`text` for a normalised span ending at ``index``."""
        if index <= 0:
            return 0
        i = bisect_right(self._n_starts, index - 1) - 1
        if self._exact[i]:
            return self._o_starts[i] + (index - self._n_starts[i])
        return self._o_ends[i]

    def line_col(self, orig_index: int) -> tuple[int, int]:
        """1-based ``(line, column)`` of an offset in :attr:`text` (columns in characters)."""
        line = bisect_right(self.line_starts, orig_index)
        return line, orig_index - self.line_starts[line - 1] + 1

    def position(self, norm_index: int) -> tuple[int, int]:
        """1-based ``(line, column)`` in the original file of a normalised offset."""
        return self.line_col(self.orig(norm_index))

    def original(self, start: int, end: int) -> str:
        """The original text behind the normalised span ``[start, end)``."""
        return self.text[self.orig(start) : self.orig_end(end)]

    def line_of(self, norm_index: int) -> int:
        """1-based line of a normalised offset."""
        return self.position(norm_index)[0]

    def line_text(self, line: int) -> str:
        """The original text of a 1-based line (without its newline)."""
        start = self.line_starts[line - 1]
        end = self.line_starts[line] - 1 if line < len(self.line_starts) else len(self.text)
        return self.text[start:end]

    @property
    def line_count(self) -> int:
        """Number of lines in the original text."""
        return len(self.line_starts)


def _fold(text: str) -> str:
    """``text`` NFKC-normalised, with full stops as ``.`` (hostnames accept them).

    NFKC already turns the fullwidth, small and leader dots into ``.``, and
    the halfwidth and vertical ideographic full stops into 。, so only 。 is
    left to replace: one scan of the text, not one per kind of dot.
    """
    folded = unicodedata.normalize("NFKC", text)
    return folded.replace("\u3002", ".") if "\u3002" in folded else folded


@dataclass
class Structure:
    """What the guard needs to know about a page's Markdown/HTML structure."""

    markers: list[tuple[int, int]] = field(default_factory=list)
    """Spans (normalised offsets) of registry markers: not contacts."""
    targets: list[tuple[int, int]] = field(default_factory=list)
    """Spans of link targets (Markdown destinations, href/src attributes, autolinks)."""
    links: list[Link] = field(default_factory=list)
    """Links with visible text, for the text-versus-target comparison."""
    suppressions: list[Suppression] = field(default_factory=list)
    """Inline suppression markers."""
    bad_suppressions: list[tuple[int, str, str]] = field(default_factory=list)
    """``(norm offset, rule, detail)`` for suppression markers that are themselves wrong."""


def structure(src: Source) -> Structure:
    """Find markers, suppressions, links and link targets in the normalised view."""
    norm = src.norm
    out = Structure()
    if "<!--" in norm:
        for m in _COMMENT_RE.finditer(norm):
            body = m.group(1)
            if is_marker_comment(body):
                out.markers.append(m.span())
                continue
            allow = markers.ALLOW_RE.match(body) if markers.ALLOW in body else None
            if allow is None:
                continue
            out.markers.append(m.span())
            _suppression(src, m.start(), allow, out)

    for start, end in line_windows(norm, anchors(norm, ("](",))):
        for m in _INLINE_LINK_RE.finditer(norm, start, end):
            out.targets.append(m.span("target"))
            if m.group("text").strip():
                out.links.append(Link(*m.span("text"), *m.span("target")))
    for start, end in line_windows(norm, anchors(norm, ("]:",))):
        out.targets.extend(m.span("target") for m in _REFDEF_RE.finditer(norm, start, end))
    if "<" in norm:
        out.targets.extend(m.span("target") for m in _AUTOLINK_RE.finditer(norm))
        for m in _ANCHOR_RE.finditer(norm):
            group = "q2" if m.group("q2") is not None else "q1"
            if m.group("text").strip():
                out.links.append(Link(*m.span("text"), *m.span(group)))
    for start, end in line_windows(norm, anchors(norm, ("=",))):
        for m in _ATTR_RE.finditer(norm, start, end):
            group = (
                "q2" if m.group("q2") is not None else "q1" if m.group("q1") is not None else "q0"
            )
            out.targets.append(m.span(group))
    out.targets.sort()
    return out


def _suppression(src: Source, offset: int, allow: re.Match[str], out: Structure) -> None:
    codes = tuple(c.upper() for c in re.split(r"[\s,]+", allow.group("codes") or "") if c)
    reason = (allow.group("reason") or allow.group("reason2") or "").strip()
    line, col = src.position(offset)
    if not codes:
        out.bad_suppressions.append((offset, "HC115", "hc-allow"))
        return
    if not reason:
        out.bad_suppressions.append((offset, "HC114", ",".join(codes)))
        return
    # Trailing a line: that line. Alone on its line (other comments aside): the next non-blank line.
    own = _COMMENT_RE.sub("", src.line_text(line)).strip()
    lines = [line]
    if not own:
        nxt = line + 1
        while nxt <= src.line_count and not src.line_text(nxt).strip():
            nxt += 1
        if nxt <= src.line_count:
            lines.append(nxt)
    out.suppressions.append(Suppression(line, col, codes, reason, tuple(lines)))
