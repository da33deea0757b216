"""Contacts in tables: the label in one cell, the handle or number in another.

``| 客服微信 | coinkefu88 |``, ``| Phone | 202-555-0133 |``, or a column headed
"Telegram" over rows of handles: in a table the word that introduces a
contact is the row's first cell or the column's header, not the text right
before it. This detector reads Markdown tables (a header row, then the
``|---|`` line) and HTML tables (``<tr>`` rows of ``<th>``/``<td>`` cells)
and judges each cell by the labels above it and to its left.

A label counts only when it *is* a platform or phone word, give or take
words such as 客服, 官方, ID or "account" (``| 微信支付 | yes |`` is no label),
and a cell only when it holds nothing but a handle or a number.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from helpcenter.contacts import intro
from helpcenter.guard.detectors import phones, social
from helpcenter.guard.detectors.base import Candidate, anchors, line_windows

# A Markdown table's delimiter row: | --- | :-: | ---: |, or |---| under a single column.
_DELIMITER_RE = re.compile(
    r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*"
    r"|[ \t]*\|[ \t]*:?-+:?[ \t]*\|[ \t]*"
)
_CELL_SPLIT_RE = re.compile(r"(?<!\\)\|")

_HTML_TABLE_RE = re.compile(r"<table\b[^>]*>(?P<body>.*?)</table\s*>", re.IGNORECASE | re.DOTALL)
_HTML_ROW_RE = re.compile(r"<tr\b[^>]*>(?P<body>.*?)(?=<tr\b|</tr\s*>|</t(?:head|body|foot)\b|$)",
                          re.IGNORECASE | re.DOTALL)  # fmt: skip
_HTML_CELL_RE = re.compile(r"<(?P<tag>t[hd])\b[^>]*>(?P<body>.*?)</t[hd]\s*>",
                           re.IGNORECASE | re.DOTALL)  # fmt: skip
_TAG_RE = re.compile(r"<[^>]*>")

# Words a label may carry besides the platform or phone word.
_LABEL_EXTRA_RE = re.compile(
    r"客服|官方|联系方式|联系|专属|人工|在线|账号|帐号|号码|号|群号|群|频道|用户名|账户|"
    r"\b(?:id|account|handle|username|user|contact|support|official|customer|service|number|"
    r"no|channel|group)\b|[\s:：()（）.\-_/#*`]",
    re.IGNORECASE,
)
_PHONE_LABEL_RE = re.compile(
    r"电话|热线|手机|座机|致电|\b(?:phone|tel|telephone|hotline|mobile|whatsapp|call)\b",
    re.IGNORECASE,
)

_HANDLE_RE = re.compile(r"@?[A-Za-z0-9][A-Za-z0-9_.\-]{2,31}")
_QQ_RE = re.compile(r"[0-9](?:[ \-]?[0-9]){4,11}")
_NUMBER_RE = re.compile(r"(?:\+|00|\(\+?[0-9]{1,4}\)\s?)?[0-9][0-9 \-.()]{5,20}[0-9]")

PHONE = "phone"
# Platforms named by ordinary words too (a "Line" or "Signal" column of data):
# their cells must look like handles (an underscore, a digit or an @).
_AMBIGUOUS_PLATFORMS = frozenset({"line", "signal", "x"})


@functools.lru_cache(maxsize=4096)
def label_kind(label: str) -> str | None:
    """What a label introduces: a platform (``wechat``...), :data:`PHONE`, or ``None``."""
    text = social.simplified(label.lower())
    if not text.strip():
        return None
    m = _PHONE_LABEL_RE.search(text)
    if m is not None and not _LABEL_EXTRA_RE.sub("", text[: m.start()] + text[m.end() :]):
        return PHONE
    core = _LABEL_EXTRA_RE.sub("", text)
    resolved = intro.resolve(core, social.PLATFORM_WORDS) if core else None
    return social.PLATFORM_WORDS[resolved[0]] if resolved else None


def detect(text: str, region: str) -> Iterator[Candidate]:
    """Handles and numbers in table cells labelled by their row or column."""
    if "|" in text:
        yield from _markdown(text)
    if "<table" in text or "<TABLE" in text or "<Table" in text:
        yield from _html(text)


def _cell(text: str, start: int, end: int, labels: list[str | None]) -> Candidate | None:
    """The candidate a cell ``text[start:end]`` holds under ``labels``, if any."""
    kinds = [k for k in labels if k]
    if not kinds:
        return None
    content = text[start:end]
    stripped = content.strip().strip("`*").strip()
    if not stripped:
        return None
    at = start + content.find(stripped)
    for kind in kinds:
        if kind == PHONE or kind == "whatsapp":
            m = _NUMBER_RE.fullmatch(stripped)
            if m and sum(ch.isdigit() for ch in stripped) >= 7:
                num = phones.unbracket(stripped)
                return Candidate(at, at + len(stripped), "phone", stripped, phones.dialable(num))
            continue
        if kind == "qq":
            if _QQ_RE.fullmatch(stripped):
                digits = re.sub(r"\D", "", stripped)
                return Candidate(at, at + len(stripped), "handle", stripped, digits, platform="qq")
            continue
        if _HANDLE_RE.fullmatch(stripped) and any(ch.isalpha() for ch in stripped):
            handle = stripped.lstrip("@").rstrip(".-")
            if kind in _AMBIGUOUS_PLATFORMS and not re.search(r"[_\d@]", stripped):
                continue
            return Candidate(at, at + len(stripped), "handle", stripped, handle.lower(),
                             platform=kind)  # fmt: skip
    return None


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``(start, end)`` of each cell of the Markdown table row ``text[start:end]``."""
    line = text[start:end]
    bars = [m.start() for m in _CELL_SPLIT_RE.finditer(line)]
    if not bars:
        return []
    edges = [-1, *bars, len(line)]
    spans = [(start + a + 1, start + b) for a, b in zip(edges, edges[1:], strict=False)]
    if not line[: bars[0]].strip():
        spans = spans[1:]  # a row opening with "|"
    if not line[bars[-1] + 1 :].strip():
        spans = spans[:-1]  # a row closing with "|"
    return spans


def _markdown(text: str) -> Iterator[Candidate]:
    """Tables (header, delimiter row, rows), and lone ``| label | value |`` rows."""
    done = -1
    for win_start, win_end in line_windows(text, anchors(text, ("|",))):
        pos = win_start
        while pos <= win_end:
            eol = text.find("\n", pos, win_end)
            eol = win_end if eol < 0 else eol
            if pos > done:
                if "-" in text[pos:eol] and _DELIMITER_RE.fullmatch(text, pos, eol):
                    done = yield from _markdown_table(text, pos, eol)
                elif text[pos:eol].lstrip().startswith("|"):
                    yield from _markdown_row(text, pos, eol, [])
            pos = eol + 1


def _markdown_table(text: str, delim_start: int, delim_end: int) -> Iterator[Candidate]:
    """Candidates of the table whose delimiter row is at ``delim_start``; returns
    the offset where the table ends."""
    head_end = delim_start - 1
    head_start = text.rfind("\n", 0, max(0, head_end)) + 1
    header = [label_kind(text[s:e]) for s, e in _cells(text, head_start, head_end)]
    pos = delim_end + 1
    while pos < len(text):
        eol = text.find("\n", pos)
        eol = len(text) if eol < 0 else eol
        if "|" not in text[pos:eol] or not text[pos:eol].strip():
            break
        yield from _markdown_row(text, pos, eol, header)
        pos = eol + 1
    return pos


def _markdown_row(text: str, start: int, end: int, header: list[str | None]) -> Iterator[Candidate]:
    cells = _cells(text, start, end)
    if not cells:
        return
    row_label = label_kind(text[cells[0][0] : cells[0][1]])
    for j, (s, e) in enumerate(cells[1:], 1):
        column = header[j] if j < len(header) else None
        cand = _cell(text, s, e, [row_label, column])
        if cand is not None:
            yield cand
    if header and header[0]:
        cand = _cell(text, *cells[0], [header[0]])
        if cand is not None:
            yield cand


def _header_row(cells: list[re.Match[str]]) -> bool:
    """Whether an HTML row is a header: ``<th>`` cells, after an empty corner cell if
    any (one ``<th>`` alone labels the single column under it)."""
    heads = [c.group("tag").lower() == "th" for c in cells]
    if not heads[0] and not _TAG_RE.sub("", cells[0].group("body")).strip():
        heads = heads[1:]  # the empty corner above the row labels
    return bool(heads) and all(heads)


def _html(text: str) -> Iterator[Candidate]:
    for table in _HTML_TABLE_RE.finditer(text):
        header: list[str | None] = []
        for row in _HTML_ROW_RE.finditer(text, *table.span("body")):
            cells = list(_HTML_CELL_RE.finditer(text, *row.span("body")))
            if not cells:
                continue
            if not header and _header_row(cells):
                header = [label_kind(_TAG_RE.sub("", c.group("body"))) for c in cells]
                continue
            row_label = label_kind(_TAG_RE.sub("", cells[0].group("body")))
            for j, cell in enumerate(cells):
                column = header[j] if j < len(header) else None
                labels = [column] if j == 0 else [row_label, column]
                body = cell.group("body")
                inner = _TAG_RE.sub("", body)
                stripped = inner.strip()
                if not stripped or "<" in stripped:
                    continue
                at = cell.start("body") + body.find(stripped)
                if at < cell.start("body"):
                    continue  # split by tags: not one plain value
                cand = _cell(text, at, at + len(stripped), labels)
                if cand is not None:
                    yield cand
