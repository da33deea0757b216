"""Safe YAML loading with libyaml, worded errors from the pure-Python parser.

PyYAML's libyaml binding parses about 20 times faster than its pure-Python
parser, and the build parses the registry, the search synonyms and every
page's front matter. The pure-Python parser is kept for text that libyaml
rejects: its messages (and marks) are the ones the project reports.

Every file the project reads is hand-written data, so two YAML features that
only serve an attacker are refused before anything is built
(:func:`check_structure`): anchors and aliases (``&a``/``*a``: a few lines of
aliases expand to billions of values, the "billion laughs"), and nesting
deeper than :data:`MAX_DEPTH` (PyYAML builds nested values recursively: a
thousand levels end in ``RecursionError``, thirty thousand crash the
interpreter). The check reads the parser's event stream, which needs no
recursion, so it is safe on any input.
"""

from __future__ import annotations

from typing import Any

import yaml

FAST_SAFE_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader when PyYAML has it, else the pure-Python one."""

MAX_DEPTH = 50
"""Deepest nesting of lists and mappings accepted (the registry needs 4)."""


class RefusedYAML(yaml.MarkedYAMLError):
    """YAML that parses but uses a feature the project refuses (anchor, alias, deep nesting).

    A :class:`yaml.MarkedYAMLError`, so every caller that reports a parse
    error with its line reports this one too. ``problem_zh`` says it in Chinese.
    """

    def __init__(self, problem: str, problem_zh: str, mark: Any) -> None:
        super().__init__(None, None, problem, mark)
        self.problem_zh = problem_zh


def check_structure(text: str, loader: type = FAST_SAFE_LOADER) -> None:
    """Raise :class:`RefusedYAML` at the first anchor, alias or too-deep nesting in ``text``.

    Syntax errors are raised as the parser raises them (``yaml.YAMLError``).
    """
    depth = 0
    parser = loader(text)
    try:
        while parser.check_event():
            event = parser.get_event()
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise RefusedYAML(
                    "an anchor or alias (&name or *name): write the value out in full "
                    "where it is needed",
                    "锚点或别名(&name 或 *name):请在需要的地方把值完整写出",
                    event.start_mark,
                )
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    raise RefusedYAML(
                        f"lists and mappings nested more than {MAX_DEPTH} levels deep",
                        f"列表和映射嵌套超过 {MAX_DEPTH} 层",
                        event.start_mark,
                    )
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    finally:
        parser.dispose()


def safe_load(text: str) -> Any:
    """``yaml.safe_load(text)`` with :data:`FAST_SAFE_LOADER`, after :func:`check_structure`.

    Text it rejects is parsed again by ``yaml.safe_load``, so an error is
    raised as ``yaml.safe_load`` words it.
    """
    try:
        check_structure(text)
        return yaml.load(text, Loader=FAST_SAFE_LOADER)  # noqa: S506 - a safe loader
    except RefusedYAML:
        raise
    except yaml.YAMLError:
        check_structure(text, yaml.SafeLoader)
        return yaml.safe_load(text)
