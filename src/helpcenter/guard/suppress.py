"""Inline suppressions with a reason: ``<!-- hc-allow: HC101 reason="..." -->``.

A suppression trailing a line applies to that line; one standing alone on
its line applies to the next non-blank line. It
needs a reason (a missing reason is finding HC114), and it cannot silence a
rule whose :attr:`~helpcenter.report.messages.Rule.suppressible` is false
(lookalikes, known scams, deceptive links): listing one is finding HC115.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from helpcenter.guard.rules import BY_CODE, DETAILS
from helpcenter.report.finding import Finding

if TYPE_CHECKING:
    from helpcenter.guard.extract import Source, Structure


@dataclass(frozen=True, order=True)
class Listed:
    """One suppression as ``check --list-suppressions`` prints it."""

    path: str
    line: int
    codes: tuple[str, ...]
    reason: str

    def __str__(self) -> str:
        return f'{self.path}:{self.line}: {",".join(self.codes)} reason="{self.reason}"'

    def as_dict(self) -> dict[str, object]:
        """As JSON."""
        return {"path": self.path, "line": self.line, "codes": list(self.codes),
                "reason": self.reason}  # fmt: skip


def _finding(src: Source, path: str, offset: int, code: str, value: str, lang: str,
             detail: str = "") -> Finding:  # fmt: skip
    line, col = src.position(offset)
    rule = BY_CODE[code]
    return Finding(path, line, col, code, rule.severity, value,
                   rule.text(lang, value=value, detail=detail))  # fmt: skip


def apply(
    findings: list[Finding], st: Structure, src: Source, path: str, lang: str
) -> list[Finding]:
    """``findings`` without the suppressed ones, plus findings about bad suppressions."""
    out: list[Finding] = []
    allowed = allowed_by_line(st)
    for sup in st.suppressions:
        bad = [c for c in sup.codes if c not in BY_CODE]
        locked = [c for c in sup.codes if c in BY_CODE and not BY_CODE[c].suppressible]
        offset = _offset_of(src, sup.line, sup.column)
        if bad:
            detail = DETAILS["unknown_code"][lang].format(codes=", ".join(bad))
            out.append(_finding(src, path, offset, "HC115", ",".join(sup.codes), lang, detail))
        if locked:
            detail = DETAILS["not_suppressible"][lang].format(codes=", ".join(locked))
            out.append(_finding(src, path, offset, "HC115", ",".join(sup.codes), lang, detail))
    for offset, code, value in st.bad_suppressions:
        detail = DETAILS["no_codes"][lang] if code == "HC115" else ""
        out.append(_finding(src, path, offset, code, value, lang, detail))
    out.extend(f for f in findings if not suppressed(f, allowed))
    return out


def allowed_by_line(st: Structure) -> dict[int, set[str]]:
    """The codes each line's suppressions allow, by 1-based line."""
    allowed: dict[int, set[str]] = {}
    for sup in st.suppressions:
        for line in sup.lines:
            allowed.setdefault(line, set()).update(sup.codes)
    return allowed


def suppressed(finding: Finding, allowed: dict[int, set[str]]) -> bool:
    """Whether a suppression on ``finding``'s line allows its (suppressible) rule."""
    rule = BY_CODE.get(finding.rule)
    return bool(rule and rule.suppressible and finding.rule in allowed.get(finding.line, ()))


def _offset_of(src: Source, line: int, column: int) -> int:
    """A normalised offset at or after original ``(line, column)``."""
    target = src.line_starts[line - 1] + column - 1
    # The marker itself is ASCII, so a search of the normalised view is exact enough.
    lo, hi = 0, len(src.norm)
    while lo < hi:
        mid = (lo + hi) // 2
        if src.orig(mid) < target:
            lo = mid + 1
        else:
            hi = mid
    return lo


def listed(st: Structure, path: str) -> list[Listed]:
    """Every well-formed suppression of a page."""
    return [Listed(path, s.line, s.codes, s.reason) for s in st.suppressions]
