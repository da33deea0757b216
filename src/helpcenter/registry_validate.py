"""Validation of the registry file into the typed model of :mod:`helpcenter.registry`.

Every problem is collected (not just the first) and reported with file,
line, channel id and the fix.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from helpcenter.registry import (
    CHANNEL_TYPES,
    STATUSES,
    Channel,
    KnownScam,
    Localized,
    Organization,
    Problem,
    Registry,
    RegistryError,
    parse_yaml_with_lines,
)


class _Collector:
    def __init__(self, path: Path, lines: dict[int, int]):
        self.path = path
        self.lines = lines
        self.problems: list[Problem] = []

    def line_of(self, obj: Any) -> int:
        return self.lines.get(id(obj), 0)

    def add(self, obj: Any, message: str, channel_id: str | None = None, line: int = 0) -> None:
        self.problems.append(Problem(self.path, line or self.line_of(obj), message, channel_id))


def _localized(col: _Collector, owner: dict, key: str, cid: str | None, required: bool):
    value = owner.get(key)
    if value is None:
        if required:
            col.add(owner, f"'{key}' is missing: add '{key}: {{zh: ..., en: ...}}'", cid)
        return None
    if not isinstance(value, dict):
        col.add(owner, f"'{key}' must be a mapping with 'zh' and 'en' texts", cid)
        return None
    missing = [lang for lang in ("zh", "en") if not str(value.get(lang) or "").strip()]
    if missing:
        col.add(value, f"'{key}' lacks a {' and '.join(missing)} text: add '{missing[0]}: ...'", cid)
        return None
    return Localized(zh=str(value["zh"]), en=str(value["en"]))


def _date(col: _Collector, owner: dict, key: str, cid: str | None, required: bool):
    value = owner.get(key)
    if value is None:
        if required:
            col.add(owner, f"'{key}' is missing: add '{key}: YYYY-MM-DD'", cid)
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        col.add(owner, f"'{key}' is {value!r}, not a date: write it as YYYY-MM-DD", cid)
        return None


def load(path: Path) -> Registry:
    """Read, parse and validate ``path``; raise :class:`RegistryError` on any problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RegistryError([Problem(path, 0, f"cannot read the registry: {exc.strerror}")]) from None
    except UnicodeDecodeError:
        raise RegistryError([Problem(path, 0, "the registry is not UTF-8 text")]) from None
    try:
        data, lines = parse_yaml_with_lines(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        raise RegistryError(
            [Problem(path, line, f"YAML syntax error: {exc.problem or exc.context}")]
        ) from None
    except yaml.YAMLError as exc:
        raise RegistryError([Problem(path, 0, f"YAML error: {exc}")]) from None
    if data is None:
        raise RegistryError([Problem(path, 0, "the registry is empty: it needs 'organization' and 'channels'")])
    if not isinstance(data, dict):
        raise RegistryError(
            [Problem(path, 1, "the registry must be a mapping with 'organization' and 'channels' keys")]
        )
    col = _Collector(path, lines)
    registry = _build(col, data)
    if col.problems:
        raise RegistryError(col.problems)
    assert registry is not None
    return registry


def _build(col: _Collector, data: dict) -> Registry | None:
    from helpcenter import registry_checks

    org = data.get("organization")
    organization = None
    if not isinstance(org, dict):
        col.add(data, "'organization' is missing: add 'organization: {name: ..., official_domains: [...]}'")
    else:
        domains = org.get("official_domains")
        if not isinstance(domains, list) or not domains:
            col.add(org, "'official_domains' must list at least one domain, e.g. [bitp.example]")
            domains = []
        organization = Organization(
            name=str(org.get("name") or ""),
            official_domains=tuple(registry_checks.normalise_domain(col, org, d) for d in domains),
        )
        if not organization.name:
            col.add(org, "'name' is missing: add the brand name, e.g. 'name: BitP'")

    raw_channels = data.get("channels")
    channels: list[Channel] = []
    if not isinstance(raw_channels, list) or not raw_channels:
        col.add(data, "'channels' must be a non-empty list of channel entries")
        raw_channels = []
    seen: dict[str, int] = {}
    for entry in raw_channels:
        if not isinstance(entry, dict):
            col.add(raw_channels, f"a channel entry must be a mapping, not {entry!r}")
            continue
        channel = _channel(col, entry, seen)
        if channel is not None:
            channels.append(channel)

    scams: list[KnownScam] = []
    raw_scams = data.get("known_scams") or []
    if not isinstance(raw_scams, list):
        col.add(data, "'known_scams' must be a list of {type, value} entries")
        raw_scams = []
    for entry in raw_scams:
        if not isinstance(entry, dict):
            col.add(raw_scams, f"a known_scams entry must be a mapping, not {entry!r}")
            continue
        stype = entry.get("type")
        if stype not in CHANNEL_TYPES:
            col.add(entry, f"known scam type {stype!r} is unknown: use one of {', '.join(CHANNEL_TYPES)}")
            continue
        if not entry.get("value"):
            col.add(entry, "known scam has no 'value'")
            continue
        scams.append(
            KnownScam(
                type=stype,
                value=str(entry["value"]),
                line=col.line_of(entry),
                platform=(str(entry["platform"]).lower() if entry.get("platform") else None),
                notes=_localized(col, entry, "notes", None, required=False),
                reported_on=_date(col, entry, "reported_on", None, required=False),
            )
        )

    allowed = data.get("allowed_domains") or []
    if not isinstance(allowed, list):
        col.add(data, "'allowed_domains' must be a list of domains")
        allowed = []

    if organization is None:
        return None
    registry = Registry(
        path=col.path,
        organization=organization,
        channels=tuple(channels),
        allowed_domains=tuple(registry_checks.normalise_domain(col, data, d) for d in allowed),
        known_scams=tuple(scams),
        demo=bool(data.get("demo", False)),
        schema_version=int(data.get("schema_version", 1)),
    )
    registry_checks.check_registry(col, registry)
    return registry


def _channel(col: _Collector, entry: dict, seen: dict[str, int]) -> Channel | None:
    from helpcenter import registry_checks

    cid = entry.get("id")
    if not isinstance(cid, str) or not registry_checks.ID_RE.fullmatch(cid):
        col.add(entry, f"channel id {cid!r} is invalid: use lower-case letters, digits and '-'")
        return None
    line = col.line_of(entry)
    if cid in seen:
        col.add(entry, f"duplicate id: already used on line {seen[cid]}; give each channel its own id", cid)
        return None
    seen[cid] = line
    ctype = entry.get("type")
    if ctype not in CHANNEL_TYPES:
        col.add(entry, f"type {ctype!r} is unknown: use one of {', '.join(CHANNEL_TYPES)}", cid)
        return None
    status = entry.get("status")
    if status not in STATUSES:
        col.add(entry, f"status {status!r} is unknown: use 'active' or 'retired'", cid)
    value = entry.get("value")
    if value is None or str(value).strip() == "":
        col.add(entry, "'value' is missing", cid)
        return None
    label = _localized(col, entry, "label", cid, required=True)
    verified_on = _date(col, entry, "verified_on", cid, required=True)
    platform = entry.get("platform")
    channel = Channel(
        id=cid,
        type=ctype,
        value=str(value).strip(),
        label=label or Localized(cid, cid),
        status=status if status in STATUSES else "active",
        verified_on=verified_on or dt.date.min,
        line=line,
        platform=str(platform).lower() if platform else None,
        hours=_localized(col, entry, "hours", cid, required=False),
        regions=tuple(str(r).upper() for r in entry.get("regions") or ()),
        languages=tuple(str(r) for r in entry.get("languages") or ()),
        notes=_localized(col, entry, "notes", cid, required=False),
        retired_on=_date(col, entry, "retired_on", cid, required=False),
        replaced_by=entry.get("replaced_by"),
        source=entry.get("source"),
    )
    registry_checks.check_channel_value(col, entry, channel)
    return channel
