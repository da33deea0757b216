"""Validation of the registry file into the typed model of :mod:`helpcenter.registry`.

Two passes. The *shape* pass checks exactly what ``data/channels.schema.json``
checks (keys, types, enums, dates), so an editor validating against the
schema and the build agree; the *semantic* pass (:mod:`helpcenter.registry.semantic`)
then checks what a schema cannot: values that parse, official domains, ids
and contacts that are unique, known scams that are not official channels.
Every problem is collected (not just the first) with file, line, channel id,
a stable code and the fix.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

from helpcenter.contacts import normalize
from helpcenter.inputs import files as inputs
from helpcenter.inputs.yamlload import RefusedYAML, parse_yaml_positions
from helpcenter.registry import semantic
from helpcenter.registry.model import (
    CHANNEL_TYPES,
    STATUSES,
    Channel,
    KnownScam,
    Localized,
    Organization,
    Registry,
)
from helpcenter.registry.problems import Collector, Problem, RegistryError, kind_of

ID_PATTERN = r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$"
"""Channel ids: lower-case letters, digits and inner hyphens (same pattern as the schema)."""
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
"""Dates as written in the file (the schema's ``format: date``)."""
REGION_PATTERN = r"^[A-Z]{2}$"
"""ISO 3166-1 alpha-2 region codes."""
LANGUAGE_PATTERN = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
"""BCP 47 language tags in their common short form (``zh``, ``en``, ``zh-Hant``)."""

TOP_KEYS = ("schema_version", "demo", "organization", "channels", "allowed_domains", "known_scams")
ORG_KEYS = ("name", "official_domains", "security_contact")
CHANNEL_KEYS = (
    "id", "type", "platform", "value", "label", "status", "verified_on", "hours",
    "regions", "languages", "notes", "retired_on", "replaced_by", "source", "accepts_messages",
)  # fmt: skip
CHANNEL_REQUIRED = ("id", "type", "value", "label", "status", "verified_on")
SCAM_KEYS = ("type", "value", "platform", "notes", "reported_on")
LOCALIZED_KEYS = ("zh", "en")

# -- shape pass ---------------------------------------------------------------------------------


def _keys(col: Collector, obj: dict, allowed: tuple[str, ...], cid: str | None) -> None:
    for key in obj:
        if key not in allowed:
            line = col.pos.key_line(obj, str(key))
            col.add(line, "HC006", cid, str(key), key=key, allowed=", ".join(allowed))


def _as_text(value: Any) -> str | None:
    """``value`` as text, or ``None`` if it is not text.

    An unquoted ``2026-11-01`` is a date to PyYAML but text to YAML 1.2 (and
    to editors validating against the schema), so where text is expected a
    date counts as its ISO form, as it does in ``channels.json``.
    """
    if isinstance(value, str):
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    return None


def _present(col: Collector, obj: dict, key: str, cid: str | None, required: bool) -> bool:
    """Whether ``obj`` has ``key``; reports it as missing when it is required and absent."""
    if key in obj:
        return True
    if required:
        col.missing(col.pos.line(obj), key, cid)
    return False


_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
"""Characters a one-line field refuses: line breaks, tabs and every other control character."""
_CONTROL_MULTILINE_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
"""What a field of several lines (``notes``) refuses: control characters but tab and newline."""


def _controls(col: Collector, line: int, key: str, text: str, cid: str | None,
              multiline: bool = False) -> bool:  # fmt: skip
    """Report the first control character in ``text`` (HC040); whether there was one.

    A one-line field lands in HTML attributes, the page title and the plain-text
    ``security.txt``: a newline there would add a line of its own.
    """
    found = (_CONTROL_MULTILINE_RE if multiline else _CONTROL_RE).search(text)
    if found is None:
        return False
    char = f"U+{ord(found.group()):04X}"
    before = text[: found.start()].rstrip()[-20:]
    where = f" after '{before}'" if before else " at the start"
    where_zh = f"(在 '{before}' 之后)" if before else "(在开头)"
    col.add(line, "HC040", cid, text, key=key, char=char, where=where, where_zh=where_zh)
    return True


def _text(col: Collector, obj: dict, key: str, cid: str | None, required: bool) -> str | None:
    """A non-blank one-line string at ``obj[key]``; reports and returns ``None`` otherwise."""
    if not _present(col, obj, key, cid, required):
        return None
    value = obj[key]
    line = col.pos.key_line(obj, key)
    text = _as_text(value)
    if text is None:
        col.wrong_kind(line, key, "text", value, cid)
        return None
    if not re.search(r"\S", text):
        col.missing(line, key, cid)
        return None
    if _controls(col, line, key, text, cid):
        return None
    return text


def _localized(
    col: Collector,
    obj: dict,
    key: str,
    cid: str | None,
    required: bool,
    multiline: bool = False,
) -> Localized | None:
    if not _present(col, obj, key, cid, required):
        return None
    value = obj[key]
    line = col.pos.key_line(obj, key)
    if not isinstance(value, dict):
        col.wrong_kind(line, key, "mapping", value, cid)
        return None
    _keys(col, value, LOCALIZED_KEYS, cid)
    texts: dict[str, str] = {}
    for lang in LOCALIZED_KEYS:
        raw = value.get(lang)
        text = _as_text(raw)
        if raw is not None and text is None:
            col.wrong_kind(col.pos.key_line(value, lang), f"{key}.{lang}", "text", raw, cid)
        elif text is None or not re.search(r"\S", text):
            col.add(col.pos.key_line(value, lang) or line, "HC016", cid, key=key, lang=lang)
        elif _controls(col, col.pos.key_line(value, lang) or line, f"{key}.{lang}", text, cid,
                       multiline):  # fmt: skip
            pass
        else:
            texts[lang] = text.strip()
    if len(texts) < len(LOCALIZED_KEYS) or any(k not in LOCALIZED_KEYS for k in value):
        return None
    return Localized(zh=texts["zh"], en=texts["en"])


def parse_date(value: Any) -> dt.date | None:
    """A registry date: a YAML date or a ``YYYY-MM-DD`` string that is a real date."""
    if isinstance(value, dt.datetime):
        return None
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and re.fullmatch(DATE_PATTERN, value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _date(col: Collector, obj: dict, key: str, cid: str | None, required: bool) -> dt.date | None:
    if not _present(col, obj, key, cid, required):
        return None
    value = obj[key]
    parsed = parse_date(value)
    if parsed is None:
        col.add(col.pos.key_line(obj, key), "HC018", cid, value, key=key, value=repr(value))
    elif parsed > latest_date():
        col.add(col.pos.key_line(obj, key), "HC039", cid, value, key=key, value=parsed.isoformat())
        return None
    return parsed


def latest_date() -> dt.date:
    """The latest date a registry date may be: tomorrow in UTC.

    A day of slack, so a date written by an editor in a time zone ahead of UTC
    (Asia, where it is already tomorrow) is not refused.
    """
    return dt.datetime.now(dt.UTC).date() + dt.timedelta(days=1)


def _id(col: Collector, obj: dict, key: str, cid: str | None, required: bool) -> str | None:
    if not _present(col, obj, key, cid, required):
        return None
    value = obj[key]
    text = _as_text(value)
    if text is None or not re.fullmatch(ID_PATTERN, text):
        col.add(col.pos.key_line(obj, key), "HC010", cid, value, value=repr(value))
        return None
    return text


def _enum(
    col: Collector, obj: dict, key: str, allowed: tuple[str, ...], code: str, cid: str | None
) -> str | None:
    if key not in obj:
        return None
    value = obj[key]
    if _as_text(value) not in allowed:
        col.add(
            col.pos.key_line(obj, key),
            code,
            cid,
            value,
            value=repr(value),
            allowed=", ".join(allowed),
        )
        return None
    return value


def _codes(
    col: Collector, obj: dict, key: str, pattern: str, example: str, cid: str | None
) -> tuple[str, ...] | None:
    if key not in obj:
        return ()
    value = obj[key]
    if not isinstance(value, list):
        col.wrong_kind(col.pos.key_line(obj, key), key, "list", value, cid)
        return None
    codes = []
    for index, item in enumerate(value):
        text = _as_text(item)
        if text is None or not re.fullmatch(pattern, text):
            col.add(
                col.pos.item_line(value, index),
                "HC019",
                cid,
                item,
                key=key,
                value=repr(item),
                example=example,
            )
        else:
            codes.append(text)
    return tuple(codes) if len(codes) == len(value) else None


def _string_list(
    col: Collector, obj: dict, key: str, cid: str | None, required: bool
) -> list[tuple[str, int]] | None:
    """``[(text, line), ...]`` for a list of non-blank strings."""
    if not _present(col, obj, key, cid, required):
        return None if required else []
    value = obj[key]
    if not isinstance(value, list):
        col.wrong_kind(col.pos.key_line(obj, key), key, "list", value, cid)
        return None
    if required and not value:
        col.missing(col.pos.key_line(obj, key), key, cid)
        return None
    out = []
    for index, item in enumerate(value):
        line = col.pos.item_line(value, index)
        text = _as_text(item)
        if text is None or not text.strip():
            col.wrong_kind(line, f"{key}[{index}]", "text", item, cid)
            return None
        out.append((text, line))
    return out


# -- loading ------------------------------------------------------------------------------------


def load(path: Path) -> Registry:
    """Read, parse and validate ``path``; raise :class:`RegistryError` on any problem."""
    try:
        # A regular UTF-8 file of sensible size: not a pipe, a device or GBK text.
        text = inputs.read_text(path)
    except inputs.InputError as exc:
        raise RegistryError([Problem.make(path, 0, "HC001", reason=exc.reason)]) from None
    except OSError as exc:
        raise RegistryError(
            [Problem.make(path, 0, "HC001", reason=exc.strerror or str(exc))]
        ) from None
    try:
        data, pos = parse_yaml_positions(text)
    except RefusedYAML as exc:
        mark = exc.problem_mark
        raise RegistryError([Problem.make(
            path, mark.line + 1 if mark else 0, "HC038",
            problem=exc.problem, problem_zh=exc.problem_zh,
        )]) from None  # fmt: skip
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        context = exc.context or ""
        opened = exc.context_mark
        if context and opened is not None and mark is not None and opened.line != mark.line:
            context += f" (opened on line {opened.line + 1})"
        problem = " ".join(str(p) for p in (context, exc.problem) if p) or "cannot parse"
        raise RegistryError([Problem.make(path, line, "HC002", problem=problem)]) from None
    except yaml.YAMLError as exc:
        raise RegistryError([Problem.make(path, 0, "HC002", problem=str(exc))]) from None
    if data is None:
        raise RegistryError([Problem.make(path, 1, "HC003")])
    if not isinstance(data, dict):
        kind_zh = "列表" if isinstance(data, list) else f"单个值 {data!r}"
        raise RegistryError([Problem.make(path, 1, "HC004", kind=kind_of(data), kind_zh=kind_zh)])
    col = Collector(path, pos)
    for line, key, first in pos.duplicate_keys:
        col.add(line, "HC008", None, key, key=key, first=first)
    registry = _build(col, data)
    if col.problems or registry is None:
        raise RegistryError(sorted(col.problems, key=lambda p: (p.line, p.code)))
    return registry


def _build(col: Collector, data: dict) -> Registry | None:
    _keys(col, data, TOP_KEYS, None)
    version = data.get("schema_version", 1)
    if isinstance(version, bool) or version != 1:
        col.add(
            col.pos.key_line(data, "schema_version"), "HC009", None, version, value=repr(version)
        )
    demo = data.get("demo", False)
    if not isinstance(demo, bool):
        col.wrong_kind(col.pos.key_line(data, "demo"), "demo", "boolean", demo, None)

    organization = _organization(col, data)

    channels: list[Channel] = []
    raw_channels = data.get("channels")
    if "channels" not in data:
        col.missing(1, "channels")
    elif not isinstance(raw_channels, list):
        col.wrong_kind(col.pos.key_line(data, "channels"), "channels", "list", raw_channels, None)
    elif not raw_channels:
        col.missing(col.pos.key_line(data, "channels"), "channels")
    else:
        seen: dict[str, int] = {}
        for index, entry in enumerate(raw_channels):
            if not isinstance(entry, dict):
                col.wrong_kind(
                    col.pos.item_line(raw_channels, index),
                    f"channels[{index}]",
                    "mapping",
                    entry,
                    None,
                )
                continue
            channel = _channel(col, entry, seen)
            if channel is not None:
                channels.append(channel)

    scams = _known_scams(col, data)
    allowed = _string_list(col, data, "allowed_domains", None, required=False) or []

    if organization is None:
        return None
    registry = Registry(
        path=col.path,
        organization=organization,
        channels=tuple(channels),
        allowed_domains=tuple(semantic.normalise_domain(col, d, line) for d, line in allowed),
        known_scams=tuple(scams),
        demo=demo is True,
        schema_version=1,
    )
    semantic.check_registry(col, registry)
    return registry


def _organization(col: Collector, data: dict) -> Organization | None:
    if "organization" not in data:
        col.missing(1, "organization")
        return None
    org = data["organization"]
    if not isinstance(org, dict):
        col.wrong_kind(col.pos.key_line(data, "organization"), "organization", "mapping", org, None)
        return None
    _keys(col, org, ORG_KEYS, None)
    name = _text(col, org, "name", None, required=True)
    domains = _string_list(col, org, "official_domains", None, required=True)
    security = _id(col, org, "security_contact", None, required=False)
    col.security_line = col.pos.key_line(org, "security_contact")
    if name is None or domains is None:
        return None
    return Organization(
        name=name.strip(),
        official_domains=tuple(semantic.normalise_domain(col, d, line) for d, line in domains),
        security_contact=security,
    )


def _channel(col: Collector, entry: dict, seen: dict[str, int]) -> Channel | None:
    """One channel entry, or ``None`` (problems reported) when its shape is wrong."""
    before = len(col.problems)
    line = col.pos.line(entry)
    cid = _id(col, entry, "id", None, required=True)
    _keys(col, entry, CHANNEL_KEYS, cid)
    for key in CHANNEL_REQUIRED:
        if key not in entry and key not in ("id", "label", "verified_on"):
            col.missing(line, key, cid)
    ctype = _enum(col, entry, "type", CHANNEL_TYPES, "HC012", cid)
    platform = _enum(col, entry, "platform", normalize.PLATFORMS, "HC013", cid)
    if entry.get("type") == "social" and "platform" not in entry:
        col.add(line, "HC014", cid)
    value = _text(col, entry, "value", cid, required=False)
    label = _localized(col, entry, "label", cid, required=True)
    status = _enum(col, entry, "status", STATUSES, "HC017", cid)
    verified_on = _date(col, entry, "verified_on", cid, required=True)
    hours = _localized(col, entry, "hours", cid, required=False)
    notes = _localized(col, entry, "notes", cid, required=False, multiline=True)
    regions = _codes(
        col, entry, "regions", REGION_PATTERN, "a two-letter code in capitals, e.g. CN", cid
    )
    languages = _codes(
        col, entry, "languages", LANGUAGE_PATTERN, "a language tag, e.g. zh or en", cid
    )
    retired_on = _date(col, entry, "retired_on", cid, required=False)
    replaced_by = _id(col, entry, "replaced_by", cid, required=False)
    source = entry.get("source")
    if source is not None and _as_text(source) is None:
        col.wrong_kind(col.pos.key_line(entry, "source"), "source", "text", source, cid)
    elif source is not None:
        _controls(col, col.pos.key_line(entry, "source"), "source", _as_text(source) or "", cid)
    accepts = entry.get("accepts_messages")
    if accepts is not None and not isinstance(accepts, bool):
        line_of = col.pos.key_line(entry, "accepts_messages")
        col.wrong_kind(line_of, "accepts_messages", "boolean", accepts, cid)
    if len(col.problems) > before:
        return None
    assert cid and ctype and value and label and status and verified_on
    if cid in seen:
        col.add(col.pos.key_line(entry, "id"), "HC011", cid, cid, value=cid, first=seen[cid])
        return None
    seen[cid] = line
    channel = Channel(
        id=cid,
        type=ctype,
        value=value.strip(),
        label=label,
        status=status,
        verified_on=verified_on,
        line=line,
        platform=platform,
        hours=hours,
        regions=regions or (),
        languages=languages or (),
        notes=notes,
        retired_on=retired_on,
        replaced_by=replaced_by,
        source=_as_text(source),
        accepts_messages=accepts,
    )
    semantic.check_channel_value(col, col.pos.key_line(entry, "value"), channel)
    return channel


def _known_scams(col: Collector, data: dict) -> list[KnownScam]:
    if "known_scams" not in data:
        return []
    raw = data["known_scams"]
    if not isinstance(raw, list):
        col.wrong_kind(col.pos.key_line(data, "known_scams"), "known_scams", "list", raw, None)
        return []
    scams: list[KnownScam] = []
    for index, entry in enumerate(raw):
        line = col.pos.item_line(raw, index)
        if not isinstance(entry, dict):
            col.wrong_kind(line, f"known_scams[{index}]", "mapping", entry, None)
            continue
        before = len(col.problems)
        _keys(col, entry, SCAM_KEYS, None)
        if "type" not in entry:
            col.missing(line, "type")
        stype = _enum(col, entry, "type", CHANNEL_TYPES, "HC012", None)
        platform = _enum(col, entry, "platform", normalize.PLATFORMS, "HC013", None)
        value = _text(col, entry, "value", None, required=True)
        notes = _localized(col, entry, "notes", None, required=False, multiline=True)
        reported_on = _date(col, entry, "reported_on", None, required=False)
        if len(col.problems) > before:
            continue
        assert stype and value
        scams.append(
            KnownScam(
                type=stype,
                value=value.strip(),
                line=line,
                platform=platform,
                notes=notes,
                reported_on=reported_on,
            )
        )
    return scams
