"""Findings: plain data with stable rule codes, shared by every checker and reporter."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from helpcenter.report.messages import catalog, render

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
    params: tuple[tuple[str, Any], ...] | None = field(default=None, compare=False, repr=False)
    """What the rule's message was filled with, so :meth:`text` can say it in another
    language; ``None`` when the message was not made from the catalog. Not part of
    the JSON contract, and not of a finding's identity."""

    @classmethod
    def of(
        cls, path: str, line: int, column: int, rule: str, value: str = "", lang: str = "en",
        /, **params: Any,
    ) -> Finding:  # fmt: skip
        """A finding of ``rule`` whose severity and message (in ``lang``) come from the catalog.

        ``params`` fill the message template (see :func:`helpcenter.report.messages.render`);
        the other arguments are positional, so a template may use ``{value}`` or ``{lang}``.
        """
        message = render(rule, lang, params)
        kept = tuple(sorted(params.items()))
        return cls(path, line, column, rule, catalog()[rule].severity, value, message, kept)

    def text(self, lang: str) -> str:
        """The message in ``lang`` (``zh`` or ``en``); as it is when it has no ``params``."""
        return self.message if self.params is None else render(self.rule, lang, dict(self.params))

    def in_lang(self, lang: str) -> Finding:
        """The same finding with its message in ``lang``."""
        return self if self.params is None else replace(self, message=self.text(lang))

    def as_dict(self) -> dict[str, Any]:
        """The finding as the JSON contract's object."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "params"}

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
