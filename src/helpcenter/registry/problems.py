"""What is wrong with a registry file: findings with stable codes, and the error carrying them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from helpcenter.inputs.yamlload import Place, Positions
from helpcenter.report.finding import Finding


class RegistryError(Exception):
    """The registry cannot be used; :meth:`findings` says why, each with file, line and code."""

    def __init__(self, findings: list[Finding]):
        self._findings = findings
        super().__init__(self.format())

    def format(self, lang: str = "en") -> str:
        """Every finding, one ``path:line:col: CODE message`` line each."""
        return "\n".join(str(f) for f in self.findings(lang))

    def findings(self, lang: str = "en") -> list[Finding]:
        """Every finding, its message in ``lang``."""
        return [f.in_lang(lang) for f in self._findings]


def finding(path: Path, place: tuple[int, int], code: str, raw: str = "", **params: Any) -> Finding:
    """A finding about the registry file at ``path``, its message in English.

    ``place`` is ``(line, column)``; a line of 0 (the file cannot be read) counts as 1.
    """
    line, column = place
    return Finding.of(path.as_posix(), max(line, 1), max(column, 1), code, raw, **params)


_EXAMPLES = {
    "organization": "'organization: {name: BitP, official_domains: [bitp.example]}'",
    "channels": "'channels:' with at least one channel entry",
    "name": "the brand name, e.g. 'name: BitP'",
    "official_domains": "at least one domain, e.g. 'official_domains: [bitp.example]'",
    "id": "'id: support-email'",
    "type": "'type: email'",
    "value": "the contact itself, e.g. 'value: support@bitp.example'",
    "label": "'label: {zh: 客服邮箱, en: Support email}'",
    "status": "'status: active'",
    "verified_on": "the date you confirmed it, e.g. 'verified_on: 2026-11-01'",
}

# (English, Chinese) names of the kinds a value may need to be, and the fix.
_KINDS = {
    "text": ("text", "文本", "write it as text (quote it if needed)", "请写成文本(必要时加引号)"),
    "list": (
        "a list",
        "列表",
        "write it as [a, b] or as '- item' lines",
        "请写成 [a, b] 或 '- 项' 的列表",
    ),
    "mapping": ("a mapping", "映射", "write it as 'key: value' lines", "请写成 '键: 值' 的形式"),
    "boolean": ("true or false", "true 或 false", "write true or false", "请写 true 或 false"),
}


def kind_of(value: Any) -> str:
    """How a message names what was written instead (``a list``, ``the number 3``)."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"the boolean {value}".lower()
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, dt.date):
        return f"the date {value}"
    return repr(value)


class Collector:
    """Collects the findings about one registry file."""

    def __init__(self, path: Path, pos: Positions):
        self.path = path
        self.pos = pos
        self.findings: list[Finding] = []
        self.security_place: Place = (0, 0)
        """Where ``organization.security_contact`` is, checked after the channels."""

    def add(
        self, at: int | Place, code: str, cid: str | None = None, raw: Any = "", **params: Any
    ) -> None:
        """Report ``code`` at ``at``: ``(line, column)``, or a line (column of its first key).

        ``cid`` is the channel concerned, ``raw`` the offending value as written.
        """
        text = raw if isinstance(raw, str) else ("" if raw is None else str(raw))
        if cid:
            params["about"] = ("registry.channel", cid)
        place = at if isinstance(at, tuple) else (at, self.pos.column(at))
        self.findings.append(finding(self.path, place, code, text, **params))

    @staticmethod
    def missing_params(key: str) -> dict[str, Any]:
        """Parameters of HC005: ``key`` is missing, and an example to add."""
        return {"key": key, "example": _EXAMPLES.get(key, f"'{key}: ...'")}

    @staticmethod
    def wrong_kind_params(key: str, kind: str, actual: Any) -> dict[str, Any]:
        """Parameters of HC007: ``key`` must be ``kind`` (text, list, mapping, boolean)."""
        expected, expected_zh, fix, fix_zh = _KINDS[kind]
        return {"key": key, "expected": expected, "expected_zh": expected_zh,
                "actual": kind_of(actual), "fix": fix, "fix_zh": fix_zh}  # fmt: skip

    @staticmethod
    def control_params(key: str, text: str, index: int) -> dict[str, Any]:
        """Parameters of HC040: ``key`` holds a control character at ``text[index]``.

        A one-line field lands in HTML attributes, the page title and the
        plain-text ``security.txt``: a newline there would add a line of its own.
        """
        char = f"U+{ord(text[index]):04X}"
        before = text[:index].rstrip()[-20:]
        where = f" after '{before}'" if before else " at the start"
        where_zh = f"(在 '{before}' 之后)" if before else "(在开头)"
        return {"key": key, "char": char, "where": where, "where_zh": where_zh}
