"""The shape pass: the registry against its JSON Schema, each refusal with its rule code.

``data/channels.schema.json`` is the one description of the registry's shape
(keys, types, enums, patterns, dates, required fields): editors validate the
file against it while it is typed, and the loader runs it here, with
``jsonschema`` (Draft 2020-12 and its format checker), before it builds the
model. Each :class:`jsonschema.ValidationError` becomes a problem in the
project's words: a stable ``HC0xx`` code, the line of the value in the YAML
file, the channel it belongs to and the fix. What a schema cannot say (values
that parse, official domains, unique ids) is :mod:`helpcenter.registry.semantic`'s.

The package carries the schema as ``channels.schema.json``, a link to the
one in ``data/``, so an installed copy validates the same way.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
from jsonschema.exceptions import ValidationError, best_match

from helpcenter.inputs.yamlload import Place, Positions
from helpcenter.registry.problems import Collector, RegistryError, finding

SCHEMA_PATH = Path(__file__).with_name("channels.schema.json")
"""The registry's JSON Schema (``data/channels.schema.json``)."""

Where = tuple[str | int, ...]
"""A place in the registry data: keys and list indexes from the top (``("channels", 3, "id")``)."""

# What each part of the schema refuses, as the rule code that says so. Any
# refusal of a value with a code here gets that code; elsewhere the code
# follows from the JSON Schema keyword (see _code).
_CODES = {
    "/properties/schema_version": "HC009",
    "/$defs/channelId": "HC010",
    "/$defs/channelType": "HC012",
    "/$defs/platform": "HC013",
    "/$defs/channel/properties/status": "HC017",
    "/$defs/date": "HC018",
    "/$defs/region": "HC019",
    "/$defs/language": "HC019",
}
_HC019_FIXES = {
    "/$defs/region": "a two-letter code in capitals, e.g. CN",
    "/$defs/language": "a language tag, e.g. zh or en",
}
"""What HC019 asks to write, by the schema part refused."""
_LOCALIZED = ("/$defs/localized", "/$defs/localizedLine")
"""Texts in both languages: a missing language is HC016."""
_LOCALIZED_TEXTS = tuple(f"{p}/properties/{lang}" for p in _LOCALIZED for lang in ("zh", "en"))
"""One language of such a text: blank or null is HC016 too."""
_SOCIAL_NEEDS_PLATFORM = "/$defs/channel/then"
"""The schema's ``if type is social then platform is required``: HC014."""
_DOMAIN = "/$defs/domain"
"""A domain: a blank one is HC007, like a list item that is not text."""

_KINDS = {"string": "text", "array": "list", "object": "mapping", "boolean": "boolean"}
"""JSON Schema type -> how :meth:`Collector.wrong_kind_params` names it."""

_RANK = {"type": 0, "pattern": 1}
"""Which refusal of one value is reported: its type first, then blankness, then the rest."""

_BLANK = r"\S"
"""The schema's pattern for a text that is not blank."""


@dataclass(frozen=True)
class _Schema:
    """The validator and the role of each part of its schema, built once per process."""

    validator: Any
    """A Draft 2020-12 validator with its format checker; it holds the schema."""
    roles: dict[int, str]
    """``id(subschema)`` -> its pointer among :data:`_CODES`, :data:`_LOCALIZED` and the
    like; an error names the subschema it comes from (``error.schema``), so this says
    which code it gets. The validator keeps the subschemas, and so their ids, alive."""


def read_schema(path: Path) -> dict:
    """The JSON Schema at ``path``; :class:`RegistryError` (HC043) when it is not one.

    Only its JSON is checked here: checking it against the metaschema takes
    longer than validating the registry (the tests do it).
    """
    try:
        schema = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        place = (exc.lineno, exc.colno)
        raise RegistryError([finding(path, place, "HC043", reason=exc.msg)]) from None
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise RegistryError([finding(path, (1, 1), "HC043", reason=reason)]) from None
    if not isinstance(schema, dict):
        raise RegistryError([finding(path, (1, 1), "HC043", reason="not a JSON object")])
    return schema


_ANNOTATIONS = frozenset({"$ref", "description", "title", "$comment"})


def _inline_refs(schema: dict) -> None:
    """Put each ``$defs`` entry in place of the plain ``$ref`` s to it, in ``schema`` itself.

    Resolving a ``$ref`` costs jsonschema a registry look-up each time it is
    met (about a third of validating the registry); the def itself, the same
    object, validates alike, and keeps the identity :data:`_Schema.roles` uses.
    A ``$ref`` beside anything but annotations is left to jsonschema.
    """
    defs = schema.get("$defs", {})
    seen: set[int] = set()

    def target(node: Any) -> Any:
        ref = node.get("$ref") if isinstance(node, dict) else None
        if isinstance(ref, str) and ref.startswith("#/$defs/") and node.keys() <= _ANNOTATIONS:
            return defs.get(ref.removeprefix("#/$defs/"), node)
        return node

    def walk(node: Any) -> None:
        if id(node) in seen or not isinstance(node, dict | list):
            return
        seen.add(id(node))
        keys = node.keys() if isinstance(node, dict) else range(len(node))
        for key in keys:
            node[key] = target(node[key])
            walk(node[key])

    walk(schema)


@cache
def _schema() -> _Schema:
    """The validator for :data:`SCHEMA_PATH`, built on first use and kept for the process."""
    schema = read_schema(SCHEMA_PATH)
    _inline_refs(schema)
    cls = jsonschema.Draft202012Validator
    validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
    pointers = [*_CODES, *_LOCALIZED, *_LOCALIZED_TEXTS, _SOCIAL_NEEDS_PLATFORM, _DOMAIN]
    roles = {}
    for pointer in pointers:
        node: Any = schema
        for part in pointer.strip("/").split("/"):
            node = node.get(part) if isinstance(node, dict) else None
        if node is not None:  # a part the schema no longer has: its errors fall back to HC042
            roles[id(node)] = pointer
    return _Schema(validator, roles)


def as_json(data: Any) -> Any:
    """YAML data as the schema sees it: string keys, dates as ISO text (as in ``channels.json``).

    An unquoted ``2026-11-01`` is a date to PyYAML but text to YAML 1.2, to
    editors validating against the schema, and to the registry wherever it
    expects text.
    """
    if isinstance(data, dict):
        return {str(k): as_json(v) for k, v in data.items()}
    if isinstance(data, list):
        return [as_json(v) for v in data]
    if isinstance(data, dt.date):
        return data.isoformat()
    return data


@dataclass(frozen=True)
class _Refusal:
    where: Where
    rank: int
    place: Place
    code: str
    raw: Any
    params: dict[str, Any]


def check(col: Collector, data: dict) -> set[Where]:
    """Report every place ``data`` breaks the schema into ``col``; return those places.

    One problem per place: a value that is not text is not also reported as
    blank, or as holding a control character.
    """
    schema = _schema()
    found: dict[Where, _Refusal] = {}
    for error in schema.validator.iter_errors(as_json(data)):
        for refusal in _refusals(error, data, col.pos, schema.roles):
            kept = found.get(refusal.where)
            if kept is None or refusal.rank < kept.rank:
                found[refusal.where] = refusal
    for r in found.values():
        col.add(r.place, r.code, channel_id(data, r.where), r.raw, **r.params)
    return set(found)


def channel_id(data: dict, where: Where) -> str | None:
    """The id of the channel ``where`` lies in, when it has a valid one."""
    if len(where) < 2 or where[0] != "channels":
        return None
    entry = node_at(data, where[:2])
    cid = as_json(entry.get("id")) if isinstance(entry, dict) else None
    return cid if isinstance(cid, str) and _valid_id(cid) else None


def _valid_id(text: str) -> bool:
    """Whether ``text`` is a channel id as the schema's ``channelId`` pattern says."""
    pattern = _schema().validator.schema.get("$defs", {}).get("channelId", {}).get("pattern")
    return pattern is None or re.fullmatch(pattern, text) is not None


_MISSING = object()


def node_at(data: Any, where: Where) -> Any:
    """The value at ``where`` in the YAML data (keys compared as the schema sees them)."""
    node = data
    for part in where:
        if isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
        elif isinstance(node, dict):
            if part in node:
                node = node[part]
            else:
                node = next((v for k, v in node.items() if str(k) == part), _MISSING)
        else:
            return _MISSING
    return node


def place_of(data: Any, pos: Positions, where: Where) -> Place:
    """Where the value at ``where`` is written: its key, or its list item (the file's start)."""
    if not where:
        return 1, 1
    parent = node_at(data, where[:-1])
    last = where[-1]
    return pos.item_place(parent, last) if isinstance(last, int) else pos.key_place(parent, last)


def key_name(where: Where) -> str:
    """How a message names the value at ``where``: ``value``, ``label.zh``, ``channels[3]``.

    Inside a channel, a known scam or the organization, the path from there
    (the message names the channel); elsewhere the path from the top.
    """
    if len(where) > 2 and where[0] in ("channels", "known_scams"):
        where = where[2:]
    elif len(where) > 1 and where[0] == "organization":
        where = where[1:]
    out = ""
    for part in where:
        out += f"[{part}]" if isinstance(part, int) else f".{part}" if out else str(part)
    return out


def _refusals(
    error: ValidationError, data: Any, pos: Positions, roles: dict[int, str]
) -> Iterator[_Refusal]:
    """The problems one schema error stands for (one per missing or unknown key)."""
    where: Where = tuple(error.absolute_path)
    keyword = error.validator
    role = roles.get(id(error.schema))
    if keyword in ("anyOf", "oneOf") and error.context:
        # The alternative that came closest says best what to fix.
        yield from _refusals(best_match([error]), data, pos, roles)
        return
    if keyword == "required":
        obj = node_at(data, where)
        place = pos.place(obj) if where else (1, 1)
        for key in error.validator_value:
            if isinstance(obj, dict) and key not in obj:
                yield _missing(where, key, place, role)
        return
    if keyword == "additionalProperties":
        obj = node_at(data, where)
        allowed = list(error.schema.get("properties", {}))
        for key in obj if isinstance(obj, dict) else ():
            if str(key) not in allowed:
                place = pos.key_place(obj, str(key))
                params = {"key": key, "allowed": ", ".join(allowed)}
                yield _Refusal((*where, str(key)), 0, place, "HC006", str(key), params)
        return
    value = node_at(data, where)
    code, params = _code(error, role, where, value)
    rank = _RANK.get(keyword, 2)
    raw = "" if code in ("HC005", "HC016") else value  # nothing was written: no value to quote
    yield _Refusal(where, rank, place_of(data, pos, where), code, raw, params)


def _missing(where: Where, key: str, place: Place, role: str | None) -> _Refusal:
    """A required ``key`` missing from the mapping at ``where`` (reported at the mapping)."""
    if role == _SOCIAL_NEEDS_PLATFORM:
        return _Refusal((*where, key), 0, place, "HC014", "", {})
    if role in _LOCALIZED:
        return _Refusal((*where, key), 0, place, "HC016", "", {"key": where[-1], "lang": key})
    return _Refusal((*where, key), 0, place, "HC005", "", Collector.missing_params(key))


def _code(
    error: ValidationError, role: str | None, where: Where, value: Any
) -> tuple[str, dict[str, Any]]:
    """The rule code and message parameters for a refusal of the value at ``where``."""
    keyword, key = error.validator, key_name(where)
    if role in _CODES:
        code = _CODES[role]
        if code == "HC019":
            return code, {"key": where[-2], "value": repr(value), "example": _HC019_FIXES[role]}
        if code == "HC018":
            return code, {"key": key, "value": repr(value)}
        if code in ("HC012", "HC013", "HC017"):
            return code, {"value": repr(value), "allowed": ", ".join(error.schema.get("enum", ()))}
        return code, {"value": repr(value)}
    blank = keyword == "pattern" and error.validator_value == _BLANK
    if role in _LOCALIZED_TEXTS and (blank or keyword == "type" and value is None):
        return "HC016", {"key": where[-2], "lang": where[-1]}
    kind = _KINDS.get(error.validator_value) if isinstance(error.validator_value, str) else None
    if keyword == "type" and kind is not None:
        return "HC007", Collector.wrong_kind_params(key, kind, value)
    if blank and role == _DOMAIN:
        return "HC007", Collector.wrong_kind_params(key, "text", value)
    if blank or keyword == "minItems":
        return "HC005", Collector.missing_params(str(where[-1]))
    if keyword == "not" and "pattern" in error.validator_value and isinstance(value, str):
        found = re.search(error.validator_value["pattern"], value)
        if found is not None:
            return "HC040", Collector.control_params(key, value, found.start())
    where_text = key_name(where) or "the registry"
    return "HC042", {"where": where_text, "problem": error.message, "schema": SCHEMA_PATH.name}
