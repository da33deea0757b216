"""What is wrong with a registry file: one problem per place, with a stable code."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from helpcenter.inputs.yamlload import Positions
from helpcenter.report.finding import Finding
from helpcenter.report.messages import catalog


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a registry file, with a stable rule code (``HC0xx``)."""

    path: Path
    """The registry file."""
    line: int
    """1-based line, 0 when unknown."""
    message: str
    """What is wrong and how to fix it, in English (see :meth:`text` for Chinese)."""
    channel_id: str | None = None
    """The channel concerned, when there is one."""
    code: str = "HC000"
    """Stable rule code from :mod:`helpcenter.registry.rules`."""
    params: tuple[tuple[str, Any], ...] = ()
    """The values filled into the message template, kept to render it in another language."""
    value: str = ""
    """The offending text as written in the file, when there is one."""

    @classmethod
    def make(
        cls,
        path: Path,
        line: int,
        code: str,
        channel_id: str | None = None,
        raw: str = "",
        **params: Any,
    ) -> Problem:
        """A problem whose message comes from the rule catalog (English by default).

        ``raw`` is the offending text as written; ``params`` fill the message template.
        """
        return cls(
            path=path,
            line=line,
            message=catalog()[code].text("en", **params),
            channel_id=channel_id,
            code=code,
            params=tuple(sorted(params.items())),
            value=raw,
        )

    def text(self, lang: str = "en") -> str:
        """The message in ``lang`` (``zh`` or ``en``)."""
        if lang == "en" or not self.params and self.code == "HC000":
            return self.message
        rule = catalog().get(self.code)
        return rule.text(lang, **dict(self.params)) if rule else self.message

    def format(self, lang: str = "en") -> str:
        """``path:line: CODE channel 'id': message``, the CLI and build error line."""
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        who = (
            ""
            if not self.channel_id
            else (
                f"渠道 '{self.channel_id}':" if lang == "zh" else f"channel '{self.channel_id}': "
            )
        )
        return f"{where}: {self.code} {who}{self.text(lang)}"

    def as_finding(self, lang: str = "en") -> Finding:
        """The problem as a :class:`~helpcenter.report.finding.Finding` (column 1)."""
        return Finding(
            path=self.path.as_posix(),
            line=max(self.line, 1),
            column=1,
            rule=self.code,
            severity="error",
            value=self.value,
            message=(f"channel '{self.channel_id}': " if self.channel_id else "") + self.text(lang),
        )

    def __str__(self) -> str:
        return self.format("en")


class RegistryError(Exception):
    """The registry cannot be used; :attr:`problems` says why, each with file, line and code."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    def format(self, lang: str = "en") -> str:
        """Every problem, one ``path:line: CODE message`` line each."""
        return "\n".join(p.format(lang) for p in self.problems)

    def findings(self, lang: str = "en") -> list[Finding]:
        """Every problem as a :class:`~helpcenter.report.finding.Finding`, in ``lang``."""
        return [p.as_finding(lang) for p in self.problems]


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
    """Collects problems for one registry file."""

    def __init__(self, path: Path, pos: Positions):
        self.path = path
        self.pos = pos
        self.problems: list[Problem] = []
        self.security_line = 0
        """Line of ``organization.security_contact``, checked after the channels."""

    def add(
        self, line: int, code: str, cid: str | None = None, raw: Any = "", **params: Any
    ) -> None:
        text = raw if isinstance(raw, str) else ("" if raw is None else str(raw))
        self.problems.append(Problem.make(self.path, line, code, cid, raw=text, **params))

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
