"""Front matter: parse it strictly (MkDocs silently ignores a broken block) and edit one field.

MkDocs treats a ``---`` block whose YAML does not parse as ordinary text: the
page loses its title and description and shows the raw block. Here a broken
block is an error with the file's line number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from helpcenter.inputs.yamlload import safe_load

_OPEN_RE = re.compile(r"^---[ \t]*$")
_CLOSE_RE = re.compile(r"^(?:---|\.\.\.)[ \t]*$")


@dataclass(frozen=True)
class FrontMatter:
    """The front matter block of one Markdown file."""

    data: dict[str, Any] = field(default_factory=dict)
    """The parsed mapping (empty when there is no block or it is broken)."""
    present: bool = False
    """Whether the file starts with a ``---`` block."""
    end_line: int = 0
    """1-based line of the closing ``---`` (0 when absent)."""
    error: str | None = None
    """What is wrong with the block, or ``None``."""
    error_line: int = 0
    """1-based line in the file where the problem is."""


def parse_front_matter(text: str) -> FrontMatter:
    """Parse the front matter at the top of ``text``; never raises on bad YAML."""
    lines = text.splitlines()
    if not lines or not _OPEN_RE.match(lines[0].lstrip("\ufeff")):
        return FrontMatter()
    end = next((i for i in range(1, len(lines)) if _CLOSE_RE.match(lines[i])), None)
    if end is None:
        # MkDocs would not see a block here at all; a lone '---' on line 1 that is
        # never closed is almost always a forgotten closing line.
        return FrontMatter(
            present=True,
            error="the '---' block that starts on line 1 is never closed with '---'",
            error_line=1,
        )
    block = "\n".join(lines[1:end])
    try:
        data = safe_load(block) if block.strip() else {}
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 2 if mark is not None else 1  # +1 for '---', +1 for 1-based
        problem = exc.problem or exc.context or "invalid YAML"
        return FrontMatter(present=True, end_line=end + 1, error=problem, error_line=line)
    except yaml.YAMLError as exc:
        return FrontMatter(present=True, end_line=end + 1, error=str(exc), error_line=1)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return FrontMatter(
            present=True,
            end_line=end + 1,
            error=f"expected 'key: value' lines, found a {type(data).__name__}",
            error_line=2,
        )
    return FrontMatter(data=data, present=True, end_line=end + 1)


def set_field(text: str, key: str, value: str) -> str:
    """``text`` with front matter field ``key`` set to the plain scalar ``value``.

    Only the one line changes (or is added at the end of the block); a file
    without front matter gets a new block. Other fields, comments and the
    body are kept byte for byte. ``value`` must be a YAML plain scalar
    without ``': '`` or ``' #'`` (hashes such as ``sha256:0123abcd4567`` are).
    """
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.splitlines(keepends=True)
    fm = parse_front_matter(text)
    new_line = f"{key}: {value}{newline}"
    if not fm.present:
        return f"---{newline}{new_line}---{newline}" + text
    if fm.error is not None:
        raise ValueError(f"front matter is broken (line {fm.error_line}): {fm.error}")
    key_re = re.compile(rf"^{re.escape(key)}\s*:")
    for index in range(1, fm.end_line - 1):
        if key_re.match(lines[index]):
            lines[index] = new_line
            return "".join(lines)
    lines.insert(fm.end_line - 1, new_line)
    return "".join(lines)
