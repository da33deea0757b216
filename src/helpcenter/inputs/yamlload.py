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

from pathlib import Path
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


class _AnyTagLoader(yaml.SafeLoader):
    """A safe loader that reads any tag (``!!python/name:``, ``!ENV``) as ``None``."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_mkdocs_yml(path: str | Path) -> dict[str, Any]:
    """The settings of the MkDocs configuration at ``path``, read as plain YAML.

    For the commands that run without MkDocs: tags such as
    ``!!python/name:`` and ``!ENV`` are not executed (their values read as
    ``None``). A missing or unreadable file, or one that is not a mapping,
    gives ``{}``; MkDocs itself reports what is wrong with it.
    """
    try:
        data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_AnyTagLoader)  # noqa: S506
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


Place = tuple[int, int]
"""``(line, column)``, both 1-based."""


class Positions:
    """Where each mapping, sequence and key of a parsed YAML document starts."""

    def __init__(self) -> None:
        self.nodes: dict[int, Place] = {}
        """``id(mapping or list)`` -> place of its first token."""
        self.keys: dict[tuple[int, str], Place] = {}
        """``(id(mapping), key)`` -> place of the key."""
        self.items: dict[tuple[int, int], Place] = {}
        """``(id(list), index)`` -> place of the item."""
        self.duplicate_keys: list[tuple[Place, str, int]] = []
        """``(place, key, first_line)`` for every key repeated within one mapping."""
        self._keep: list[Any] = []  # keeps ids stable while the positions are in use
        self._columns: dict[int, int] | None = None

    def place(self, obj: Any) -> Place:
        """Place of a mapping or list, ``(0, 0)`` if unknown."""
        return self.nodes.get(id(obj), (0, 0))

    def key_place(self, obj: Any, key: str) -> Place:
        """Place of ``key`` in mapping ``obj``, else the mapping's own place."""
        return self.keys.get((id(obj), key)) or self.place(obj)

    def item_place(self, seq: Any, index: int) -> Place:
        """Place of item ``index`` of list ``seq``, else the list's own place."""
        return self.items.get((id(seq), index)) or self.place(seq)

    def line(self, obj: Any) -> int:
        """Line of a mapping or list, 0 if unknown."""
        return self.place(obj)[0]

    def key_line(self, obj: Any, key: str) -> int:
        """Line of ``key`` in mapping ``obj``, else the mapping's own line."""
        return self.key_place(obj, key)[0]

    def item_line(self, seq: Any, index: int) -> int:
        """Line of item ``index`` of list ``seq``, else the list's own line."""
        return self.item_place(seq, index)[0]

    def column(self, line: int) -> int:
        """Column of the first key, item, mapping or list on ``line``; 1 if there is none."""
        if self._columns is None:
            self._columns = {}
            for places in (self.nodes, self.keys, self.items):
                for at, col in places.values():
                    self._columns[at] = min(col, self._columns.get(at, col))
        return self._columns.get(line, 1)


def parse_yaml_positions(text: str) -> tuple[Any, Positions]:
    """Parse YAML safely, returning the data and the :class:`Positions` of its nodes.

    Differs from ``yaml.safe_load`` in two ways that matter for a hand-edited
    file: a repeated key is recorded (not silently dropped), and a date-like
    value that is not a real date (``2026-13-01``) stays a string instead of
    raising, so validation can report it with its line. Anchors, aliases
    and deep nesting are refused (:func:`helpcenter.inputs.yamlload.check_structure`).
    """
    try:
        check_structure(text)
        return _parse_positions(text, FAST_SAFE_LOADER)
    except RefusedYAML:
        raise
    except yaml.YAMLError:
        if FAST_SAFE_LOADER is yaml.SafeLoader:
            raise
        check_structure(text, yaml.SafeLoader)
        # The pure-Python parser words the error (see helpcenter.inputs.yamlload).
        return _parse_positions(text, yaml.SafeLoader)


def _place(mark: Any) -> Place:
    return mark.line + 1, mark.column + 1


def _parse_positions(text: str, base: type) -> tuple[Any, Positions]:
    pos = Positions()

    class Loader(base):  # type: ignore[valid-type,misc]
        pass

    def construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict:
        loader.flatten_mapping(node)
        value: dict[Any, Any] = {}
        first: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            try:
                hash(key)
            except TypeError:
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping",
                    node.start_mark,
                    "found an unhashable key",
                    key_node.start_mark,
                ) from None
            key_place = _place(key_node.start_mark)
            if key in first:
                pos.duplicate_keys.append((key_place, str(key), first[key]))
            else:
                first[key] = key_place[0]
            value[key] = loader.construct_object(value_node, deep=True)
            pos.keys[(id(value), str(key))] = key_place
        pos.nodes[id(value)] = _place(node.start_mark)
        pos._keep.append(value)
        return value

    def construct_sequence(loader: yaml.SafeLoader, node: yaml.SequenceNode) -> list:
        value = [loader.construct_object(child, deep=True) for child in node.value]
        pos.nodes[id(value)] = _place(node.start_mark)
        for index, child in enumerate(node.value):
            pos.items[(id(value), index)] = _place(child.start_mark)
        pos._keep.append(value)
        return value

    def construct_timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
        try:
            return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
        except ValueError:
            return loader.construct_scalar(node)

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, construct_sequence)
    Loader.add_constructor("tag:yaml.org,2002:timestamp", construct_timestamp)
    data = yaml.load(text, Loader=Loader)  # noqa: S506 - SafeLoader subclass
    return data, pos
