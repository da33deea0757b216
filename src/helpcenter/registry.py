"""The verified-channel registry (``data/channels.yml``): typed model and loader.

Everything the site shows about contacting BitP, and everything the guard
accepts as official, comes from the one :class:`Registry` returned by
:func:`load_registry`. The build hooks and the CLI both call it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

CHANNEL_TYPES = ("website", "email", "phone", "social", "chat", "app")
"""Every value accepted for ``channels[].type`` and ``known_scams[].type``."""

STATUSES = ("active", "retired")
"""Every value accepted for ``channels[].status``."""

DEFAULT_REGISTRY = Path("data/channels.yml")
"""Where the registry lives, relative to the project root."""


@dataclass(frozen=True)
class Localized:
    """A text in both site languages."""

    zh: str
    """Chinese text (the source language)."""
    en: str
    """English text."""

    def get(self, lang: str) -> str:
        """The text for ``lang`` (``zh`` or ``en``); English for anything else."""
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True)
class Organization:
    """Who the registry speaks for."""

    name: str
    """The brand name, e.g. ``BitP``; lookalike detection looks for it in other domains."""
    official_domains: tuple[str, ...]
    """Registrable domains (lower case, IDNA-encoded); every subdomain is official."""


@dataclass(frozen=True)
class Channel:
    """One verified way to reach BitP."""

    id: str
    """Unique, ``[a-z0-9-]``; articles reference the channel by it."""
    type: str
    """One of :data:`CHANNEL_TYPES`."""
    value: str
    """The contact as written in the registry (URL, address, number or handle)."""
    label: Localized
    """What the site calls the channel, in both languages."""
    status: str
    """``active`` or ``retired``; a retired channel is shown only as retired."""
    verified_on: dt.date
    """When an operator last confirmed the channel."""
    line: int = 0
    """Line of the entry in the registry file (1-based), for messages."""
    platform: str | None = None
    """For ``social``/``chat``: ``telegram``, ``x``, ``wechat``, ... (lower case)."""
    hours: Localized | None = None
    """When the channel answers, in both languages."""
    regions: tuple[str, ...] = ()
    """ISO 3166 region codes the channel serves (empty: everywhere)."""
    languages: tuple[str, ...] = ()
    """Languages spoken on the channel (``zh``, ``en``, ...)."""
    notes: Localized | None = None
    """Advice shown next to the channel, in both languages."""
    retired_on: dt.date | None = None
    """For retired channels: when it stopped being official."""
    replaced_by: str | None = None
    """For retired channels: the id of the channel to use instead."""
    source: str | None = None
    """How the channel was verified (for reviewers; not shown to readers)."""

    @property
    def active(self) -> bool:
        """Whether the channel is currently official."""
        return self.status == "active"


@dataclass(frozen=True)
class KnownScam:
    """A contact confirmed fraudulent, published as a warning (always defanged)."""

    type: str
    """One of :data:`CHANNEL_TYPES`."""
    value: str
    """The fraudulent contact as reported."""
    line: int = 0
    """Line of the entry in the registry file (1-based)."""
    platform: str | None = None
    """For ``social``/``chat``: the platform it impersonates on."""
    notes: Localized | None = None
    """What the scam does, in both languages."""
    reported_on: dt.date | None = None
    """When the scam was confirmed."""


@dataclass(frozen=True)
class Registry:
    """The whole registry file, validated."""

    path: Path
    """The file it was loaded from."""
    organization: Organization
    """Who the registry speaks for."""
    channels: tuple[Channel, ...]
    """Every channel, active and retired, in file order."""
    allowed_domains: tuple[str, ...] = ()
    """Non-contact sites articles may link to (registrable domains)."""
    known_scams: tuple[KnownScam, ...] = ()
    """Contacts confirmed fraudulent."""
    demo: bool = False
    """True while the registry holds demonstration data; the site then says so."""
    schema_version: int = 1
    """Version of the registry format."""
    _by_id: dict[str, Channel] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_id.update({c.id: c for c in self.channels})

    def channel(self, channel_id: str) -> Channel | None:
        """The channel with this id, or ``None``."""
        return self._by_id.get(channel_id)

    @property
    def active_channels(self) -> tuple[Channel, ...]:
        """Channels currently official."""
        return tuple(c for c in self.channels if c.active)

    @property
    def retired_channels(self) -> tuple[Channel, ...]:
        """Channels that used to be official."""
        return tuple(c for c in self.channels if not c.active)

    @property
    def last_verified(self) -> dt.date | None:
        """The most recent ``verified_on`` of any active channel."""
        dates = [c.verified_on for c in self.active_channels]
        return max(dates) if dates else None


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a registry file."""

    path: Path
    """The registry file."""
    line: int
    """1-based line, 0 when unknown."""
    message: str
    """What is wrong and how to fix it."""
    channel_id: str | None = None
    """The channel concerned, when there is one."""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        who = f" channel '{self.channel_id}':" if self.channel_id else ""
        return f"{where}:{who} {self.message}"


class RegistryError(Exception):
    """The registry cannot be used; :attr:`problems` says why, each with file and line."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def load_registry(path: str | Path = DEFAULT_REGISTRY) -> Registry:
    """Load and validate the registry at ``path``.

    Raises :class:`RegistryError` listing every problem found (never a bare
    YAML or type error), so one run shows a contributor everything to fix.
    """
    from helpcenter import registry_validate

    return registry_validate.load(Path(path))


def _plain(data: Any) -> Any:
    """Registry data as plain JSON-able values (dates as ISO strings)."""
    if isinstance(data, dict):
        return {k: _plain(v) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [_plain(v) for v in data]
    if isinstance(data, dt.date):
        return data.isoformat()
    return data


def registry_as_data(registry: Registry) -> dict[str, Any]:
    """The registry as JSON-able data (what ``site/channels.json`` publishes)."""

    def loc(value: Localized | None) -> dict[str, str] | None:
        return None if value is None else {"zh": value.zh, "en": value.en}

    def channel(c: Channel) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": c.id,
            "type": c.type,
            "value": c.value,
            "label": loc(c.label),
            "status": c.status,
            "verified_on": c.verified_on,
        }
        optional = {
            "platform": c.platform,
            "hours": loc(c.hours),
            "regions": list(c.regions) or None,
            "languages": list(c.languages) or None,
            "notes": loc(c.notes),
            "retired_on": c.retired_on,
            "replaced_by": c.replaced_by,
        }
        out.update({k: v for k, v in optional.items() if v is not None})
        return out

    def scam(s: KnownScam) -> dict[str, Any]:
        out: dict[str, Any] = {"type": s.type, "value": s.value}
        if s.platform:
            out["platform"] = s.platform
        if s.notes:
            out["notes"] = loc(s.notes)
        return out

    return _plain(
        {
            "schema_version": registry.schema_version,
            "demo": registry.demo,
            "organization": {
                "name": registry.organization.name,
                "official_domains": list(registry.organization.official_domains),
            },
            "channels": [channel(c) for c in registry.channels],
            "allowed_domains": list(registry.allowed_domains),
            "known_scams": [scam(s) for s in registry.known_scams],
        }
    )


def parse_yaml_with_lines(text: str) -> tuple[Any, dict[int, int]]:
    """Parse YAML, returning the data and a map ``id(node value) -> line``.

    Only mappings and sequences are tracked; callers look up the line of a
    channel entry by the identity of its dict.
    """
    lines: dict[int, int] = {}

    class Loader(yaml.SafeLoader):
        pass

    def construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict:
        value = yaml.SafeLoader.construct_mapping(loader, node, deep=True)
        lines[id(value)] = node.start_mark.line + 1
        return value

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    data = yaml.load(text, Loader=Loader)  # noqa: S506 - SafeLoader subclass
    return data, lines
