"""Findings: plain data with stable rule codes, shared by every checker and reporter."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

SEVERITIES = ("error", "warning")
"""``error`` fails the build and the CLI; ``warning`` is reported but also fails ``--strict``."""


@dataclass(frozen=True, order=True)
class Finding:
    """One problem at one place in one file."""

    path: str
    """File path as given to the checker (POSIX separators)."""
    line: int
    """1-based line."""
    column: int
    """1-based column, counted in characters (not bytes)."""
    rule: str
    """Stable rule code, e.g. ``HC101``; see :mod:`helpcenter.report.messages`."""
    severity: str
    """One of :data:`SEVERITIES`."""
    value: str
    """The offending text as written in the file."""
    message: str
    """Human sentence: what is wrong and how to fix it."""

    def as_dict(self) -> dict[str, Any]:
        """The finding as the JSON contract's object."""
        return asdict(self)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.rule} {self.message}"

    def doc_message(self, line_offset: int = 0) -> str:
        """The finding as MkDocs words a page's problem: ``Doc file 'PATH' line N: CODE ...``
        (``line_offset``: lines of the file before the text the checker read)."""
        return f"Doc file '{self.path}' line {self.line + line_offset}: {self.rule} {self.message}"


def display_path(path: Path, root: Path | None) -> str:
    """How a finding names ``path``: relative to ``root`` when it lies below it.

    A path outside ``root`` (or any path when ``root`` is ``None``) is named as
    given, with POSIX separators.
    """
    if root is not None:
        if ".." not in path.parts and path.is_absolute() == root.is_absolute():
            try:  # the usual case, without a system call per path
                return path.relative_to(root).as_posix()
            except ValueError:
                pass
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()
