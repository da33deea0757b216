"""The registry's typed model: channels, known scams and the organization.

Frozen dataclasses with a docstring per field, as ``data/channels.yml``
describes them. This module imports nothing else of the package: the loader
(:mod:`helpcenter.registry.load`) builds these objects and everything else
reads them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHANNEL_TYPES = ("website", "email", "phone", "social", "chat", "app")
"""Every value accepted for ``channels[].type`` and ``known_scams[].type``."""

STATUSES = ("active", "retired")
"""Every value accepted for ``channels[].status``."""


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
    security_contact: str | None = None
    """Id of the email channel for security reports (``security.txt``); default: the
    first active email channel whose id contains ``security``, else the first active email."""


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
    accepts_messages: bool | None = None
    """Whether a message sent to the channel reaches support (``False``: an
    announcement channel nobody answers); ``None`` when the registry does not
    say. Pages render it instead of stating it by hand."""

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

    @property
    def security_channel(self) -> Channel | None:
        """The email channel for security reports (``security.txt``), if any."""
        emails = [c for c in self.active_channels if c.type == "email"]
        chosen = self.channel(self.organization.security_contact or "")
        if chosen is not None:
            return chosen
        for c in emails:
            if "security" in c.id:
                return c
        return emails[0] if emails else None

    def replacement(self, channel: Channel) -> Channel | None:
        """The active channel that replaces a retired one, following a chain of replacements."""
        seen = {channel.id}
        current = channel
        while current.replaced_by and current.replaced_by not in seen:
            nxt = self.channel(current.replaced_by)
            if nxt is None:
                return None
            if nxt.active:
                return nxt
            seen.add(nxt.id)
            current = nxt
        return None


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
            "accepts_messages": c.accepts_messages,
        }
        out.update({k: v for k, v in optional.items() if v is not None})
        return out

    def scam(s: KnownScam) -> dict[str, Any]:
        out: dict[str, Any] = {"type": s.type, "value": s.value}
        if s.platform:
            out["platform"] = s.platform
        if s.notes:
            out["notes"] = loc(s.notes)
        if s.reported_on:
            out["reported_on"] = s.reported_on
        return out

    return _plain(
        {
            "schema_version": registry.schema_version,
            "demo": registry.demo,
            "organization": {
                "name": registry.organization.name,
                "official_domains": list(registry.organization.official_domains),
            },
            "last_verified": registry.last_verified,
            "channels": [channel(c) for c in registry.channels],
            "allowed_domains": list(registry.allowed_domains),
            "known_scams": [scam(s) for s in registry.known_scams],
        }
    )
