"""Email addresses, plain (``support@bitp.example``) and obfuscated.

Obfuscations seen in scam posts: ``support [at] bitp [dot] example`` and
``＠``/``。`` (restored by the normalised view), ``support at bitp dot example``,
``support艾特bitp点example``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from helpcenter.guard.detectors.base import Candidate, anchors, line_windows

_L = "A-Za-z0-9\u00c0-\u024f\u0370-\u052f"
_LABEL = rf"[{_L}](?:[{_L}-]{{0,61}}[{_L}])?"
_AT = r"(?P<at>@|[ \t]*(?:艾特|圈a|圈A)[ \t]*|[ \t]+(?:at|AT|At)[ \t]+)"
_DOT = r"(?:\.|[ \t]*点[ \t]*|[ \t]+(?:dot|DOT|Dot)[ \t]+)"

EMAIL_RE = re.compile(
    r"(?<![A-Za-z0-9._%+-])(?P<local>[A-Za-z0-9][A-Za-z0-9._%+-]{0,63})"
    + _AT
    + r"(?P<domain>"
    + _LABEL
    + r"(?:"
    + _DOT
    + _LABEL
    + r")+)"
)
_SPLIT_DOT_RE = re.compile(_DOT)
_TLD_RE = re.compile(r"[^\W\d_]{2,63}")
ANCHORS = ("@", "艾特", "圈", " at ", " AT ")


def detect(text: str, region: str = "") -> Iterator[Candidate]:
    """Email addresses in ``text``, with ``value`` the address in plain ``local@domain`` form."""
    for start, end in line_windows(text, anchors(text, ANCHORS)):
        yield from _detect(text, start, end)


def _detect(text: str, start: int, end: int) -> Iterator[Candidate]:
    for m in EMAIL_RE.finditer(text, start, end):
        at = m.group("at")
        domain = m.group("domain")
        labels = _SPLIT_DOT_RE.split(domain)
        plain_dots = domain.count(".") == len(labels) - 1
        if at.strip().lower() == "at" and plain_dots:
            # "look at bitp.example" is prose; the spelled-out form needs a spelled-out dot.
            continue
        # Drop trailing labels that are not a TLD ("support@bitp.example.Next").
        while len(labels) > 1 and not _TLD_RE.fullmatch(labels[-1]):
            labels.pop()
        if len(labels) < 2:
            continue
        stop = m.end()
        if len(labels) != len(_SPLIT_DOT_RE.split(domain)):
            stop = m.start("domain") + len(_rebuild(domain, len(labels)))
        value = f"{m.group('local')}@{'.'.join(labels)}"
        yield Candidate(m.start(), stop, "email", text[m.start() : stop], value)


def _rebuild(domain: str, keep: int) -> str:
    """The prefix of ``domain`` holding its first ``keep`` labels (separators as written)."""
    for count, sep in enumerate(_SPLIT_DOT_RE.finditer(domain), 1):
        if count == keep:
            return domain[: sep.start()]
    return domain
