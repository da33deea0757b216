"""Validation of the registry file into the typed model of :mod:`helpcenter.registry`.

Three steps, every problem collected (not just the first) with file, line,
channel id, a stable code and the fix. The YAML must parse, without the
features the project refuses (:mod:`helpcenter.inputs.yamlload`); its *shape*
must match ``data/channels.schema.json`` (:mod:`helpcenter.registry.shape`),
so an editor validating against the schema and the build agree; then the
model is built from every part the schema accepts and the *semantic* checks
(:mod:`helpcenter.registry.semantic`) judge what a schema cannot: values that
parse, official domains, ids and contacts that are unique, known scams that
are not official channels, dates that are not in the future.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

from helpcenter.inputs import files as inputs
from helpcenter.inputs.yamlload import Place, RefusedYAML, parse_yaml_positions
from helpcenter.registry import semantic, shape
from helpcenter.registry.model import Channel, KnownScam, Localized, Organization, Registry
from helpcenter.registry.problems import Collector, RegistryError, finding, kind_of
from helpcenter.registry.shape import Where

DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
"""Dates as written in the file (the schema's ``format: date``)."""


def _as_text(value: Any) -> str | None:
    """``value`` as text, or ``None`` if it is not text (a YAML date counts as its ISO form)."""
    if isinstance(value, str):
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    return None


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


def latest_date() -> dt.date:
    """The latest date a registry date may be: tomorrow in UTC.

    A day of slack, so a date written by an editor in a time zone ahead of UTC
    (Asia, where it is already tomorrow) is not refused.
    """
    return dt.datetime.now(dt.UTC).date() + dt.timedelta(days=1)


# -- loading ------------------------------------------------------------------------------------


def load(path: Path) -> Registry:
    """Read, parse and validate ``path``; raise :class:`RegistryError` on any problem."""
    try:
        # A regular UTF-8 file of sensible size: not a pipe, a device or GBK text.
        text = inputs.read_text(path)
    except inputs.InputError as exc:
        raise RegistryError([finding(path, (1, 1), "HC001", reason=exc.reason)]) from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise RegistryError([finding(path, (1, 1), "HC001", reason=reason)]) from None
    try:
        data, pos = parse_yaml_positions(text)
    except RefusedYAML as exc:
        raise RegistryError([finding(
            path, _place(exc.problem_mark), "HC038", problem=exc.problem, problem_zh=exc.problem_zh,
        )]) from None  # fmt: skip
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        context = exc.context or ""
        opened = exc.context_mark
        if context and opened is not None and mark is not None and opened.line != mark.line:
            context += f" (opened on line {opened.line + 1})"
        problem = " ".join(str(p) for p in (context, exc.problem) if p) or "cannot parse"
        raise RegistryError([finding(path, _place(mark), "HC002", problem=problem)]) from None
    except yaml.YAMLError as exc:
        raise RegistryError([finding(path, (1, 1), "HC002", problem=str(exc))]) from None
    if data is None:
        raise RegistryError([finding(path, (1, 1), "HC003")])
    if not isinstance(data, dict):
        kind_zh = "列表" if isinstance(data, list) else f"单个值 {data!r}"
        found = finding(path, (1, 1), "HC004", kind=kind_of(data), kind_zh=kind_zh)
        raise RegistryError([found]) from None
    col = Collector(path, pos)
    for place, key, first in pos.duplicate_keys:
        col.add(place, "HC008", None, key, key=key, first=first)
    registry = _build(col, data)
    if col.findings or registry is None:
        raise RegistryError(sorted(col.findings))
    return registry


def _place(mark: Any) -> Place:
    """Where a YAML error points (the start of the file when it does not say)."""
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _build(col: Collector, data: dict) -> Registry | None:
    """The registry built from every part of ``data`` the schema accepts, checked further.

    An entry with a problem of its own is left out, so the semantic checks
    still judge every other entry in the same run.
    """
    refused = shape.check(col, data)
    refused |= _future_dates(col, data)

    def accepted(*where: str | int) -> bool:
        """Whether nothing was refused at ``where``, inside it, or in what holds it."""
        return not any(r[: len(where)] == where[: len(r)] for r in refused)

    channels: list[Channel] = []
    seen: dict[str, int] = {}
    if ("channels",) not in refused:
        for index, entry in enumerate(data["channels"]):
            channel = _channel(col, entry, seen) if accepted("channels", index) else None
            if channel is not None:
                channels.append(channel)
    scams = []
    if ("known_scams",) not in refused:
        raw = data.get("known_scams", [])
        scams = [_known_scam(col, raw, i) for i in range(len(raw)) if accepted("known_scams", i)]
    if not (accepted("organization", "name") and accepted("organization", "official_domains")):
        return None
    organization = _organization(
        col, data["organization"], accepted("organization", "security_contact")
    )
    allowed = data.get("allowed_domains", []) if accepted("allowed_domains") else []
    registry = Registry(
        path=col.path,
        organization=organization,
        channels=tuple(channels),
        allowed_domains=tuple(
            semantic.normalise_domain(col, _text(d), col.pos.item_place(allowed, i))
            for i, d in enumerate(allowed)
        ),
        known_scams=tuple(scams),
        demo=data.get("demo") is True,
        schema_version=1,
    )
    semantic.check_registry(col, registry)
    return registry


def _text(value: Any) -> str:
    """A value the schema accepted as text."""
    text = _as_text(value)
    assert text is not None, value
    return text


_DATES = {"channels": ("verified_on", "retired_on"), "known_scams": ("reported_on",)}
"""The date fields of each kind of entry."""


def _future_dates(col: Collector, data: dict) -> set[Where]:
    """Report every date in the future (HC039); the entries that hold one.

    A schema cannot know today's date, so the model checks it; an entry with
    such a date is left out like one the schema refuses.
    """
    found: set[Where] = set()
    latest = latest_date()
    for kind, keys in _DATES.items():
        entries = data.get(kind)
        for index, entry in enumerate(entries if isinstance(entries, list) else ()):
            if not isinstance(entry, dict):
                continue
            for key in keys:
                parsed = parse_date(entry.get(key))
                if parsed is not None and parsed > latest:
                    cid = shape.channel_id(data, (kind, index))
                    place = col.pos.key_place(entry, key)
                    col.add(place, "HC039", cid, entry[key], key=key, value=parsed.isoformat())
                    found.add((kind, index))
    return found


def _date(value: Any) -> dt.date:
    """A date the schema accepted."""
    parsed = parse_date(value)
    assert parsed is not None, value
    return parsed


def _localized(value: dict) -> Localized:
    """A text in both languages the schema accepted."""
    return Localized(zh=_text(value["zh"]).strip(), en=_text(value["en"]).strip())


def _optional(entry: dict, key: str, read: Any) -> Any:
    """``read(entry[key])``, or ``None`` when ``entry`` has no ``key``."""
    return None if entry.get(key) is None else read(entry[key])


def _organization(col: Collector, org: dict, security_accepted: bool) -> Organization:
    """The organization the schema accepted (its security contact only if valid)."""
    col.security_place = col.pos.key_place(org, "security_contact")
    domains = org["official_domains"]
    security = org.get("security_contact") if security_accepted else None
    return Organization(
        name=_text(org["name"]).strip(),
        official_domains=tuple(
            semantic.normalise_domain(col, _text(d), col.pos.item_place(domains, i))
            for i, d in enumerate(domains)
        ),
        security_contact=None if security is None else _text(security),
    )


def _channel(col: Collector, entry: dict, seen: dict[str, int]) -> Channel | None:
    """One channel the schema accepted, or ``None`` when its id is already taken (HC011)."""
    line = col.pos.line(entry)
    cid = _text(entry["id"])
    if cid in seen:
        place = col.pos.key_place(entry, "id")
        col.add(place, "HC011", cid, cid, value=cid, first=seen[cid])
        return None
    seen[cid] = line
    channel = Channel(
        id=cid,
        type=entry["type"],
        value=_text(entry["value"]).strip(),
        label=_localized(entry["label"]),
        status=entry["status"],
        verified_on=_date(entry["verified_on"]),
        line=line,
        platform=entry.get("platform"),
        hours=_optional(entry, "hours", _localized),
        regions=tuple(entry.get("regions", ())),
        languages=tuple(entry.get("languages", ())),
        notes=_optional(entry, "notes", _localized),
        retired_on=_optional(entry, "retired_on", _date),
        replaced_by=_optional(entry, "replaced_by", _text),
        source=_optional(entry, "source", _text),
        accepts_messages=entry.get("accepts_messages"),
    )
    semantic.check_channel_value(col, col.pos.key_place(entry, "value"), channel)
    return channel


def _known_scam(col: Collector, raw: list, index: int) -> KnownScam:
    """One known scam the schema accepted."""
    entry = raw[index]
    return KnownScam(
        type=entry["type"],
        value=_text(entry["value"]).strip(),
        line=col.pos.item_line(raw, index),
        platform=entry.get("platform"),
        notes=_optional(entry, "notes", _localized),
        reported_on=_optional(entry, "reported_on", _date),
    )
