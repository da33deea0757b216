"""Reporters: findings as text, JSON or GitHub annotations."""

from __future__ import annotations

import json
from collections.abc import Iterable

from helpcenter.report.finding import Finding

FORMATS = ("text", "json", "github")
"""Names accepted by ``--format``."""


def text(findings: Iterable[Finding]) -> str:
    """``path:line:col: CODE message``, one per line."""
    return "".join(f"{f}\n" for f in findings)


def as_json(findings: Iterable[Finding]) -> str:
    """``{"findings": [{"path", "line", "column", "rule", "severity", "value", "message"}]}``."""
    return (
        json.dumps({"findings": [f.as_dict() for f in findings]}, ensure_ascii=False, indent=2)
        + "\n"
    )


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_prop(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(findings: Iterable[Finding]) -> str:
    """GitHub Actions workflow commands: ``::error file=...,line=...,col=...::CODE message``."""
    lines = []
    for f in findings:
        level = "error" if f.severity == "error" else "warning"
        lines.append(
            f"::{level} file={_escape_prop(f.path)},line={f.line},col={f.column}"
            f"::{_escape_data(f.rule + ' ' + f.message)}\n"
        )
    return "".join(lines)


def render(findings: list[Finding], fmt: str) -> str:
    """The findings in format ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "json":
        return as_json(findings)
    if fmt == "github":
        return github(findings)
    return text(findings)
