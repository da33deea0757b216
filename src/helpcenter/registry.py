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

from helpcenter.findings import Finding
from helpcenter.yamlload import FAST_SAFE_LOADER, RefusedYAML, check_structure

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


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a registry file, with a stable rule code (``HC0xx``)."""

    path: Path
    """The registry file."""
    line: int
    """1-based line, 0 when unknown."""
    message: str
    """What is wrong and how to fix it, in English (see :meth:`text` for Chinese)."""
    channel_id: str | None = None
    """The channel concerned, when there is one."""
    code: str = "HC000"
    """Stable rule code from :mod:`helpcenter.registry_rules`."""
    params: tuple[tuple[str, Any], ...] = ()
    """The values filled into the message template, kept to render it in another language."""
    value: str = ""
    """The offending text as written in the file, when there is one."""

    @classmethod
    def make(
        cls,
        path: Path,
        line: int,
        code: str,
        channel_id: str | None = None,
        raw: str = "",
        **params: Any,
    ) -> Problem:
        """A problem whose message comes from the rule catalog (English by default).

        ``raw`` is the offending text as written; ``params`` fill the message template.
        """
        from helpcenter.messages import catalog

        return cls(
            path=path,
            line=line,
            message=catalog()[code].text("en", **params),
            channel_id=channel_id,
            code=code,
            params=tuple(sorted(params.items())),
            value=raw,
        )

    def text(self, lang: str = "en") -> str:
        """The message in ``lang`` (``zh`` or ``en``)."""
        if lang == "en" or not self.params and self.code == "HC000":
            return self.message
        from helpcenter.messages import catalog

        rule = catalog().get(self.code)
        return rule.text(lang, **dict(self.params)) if rule else self.message

    def format(self, lang: str = "en") -> str:
        """``path:line: CODE channel 'id': message``, the CLI and build error line."""
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        who = (
            ""
            if not self.channel_id
            else (
                f"渠道 '{self.channel_id}':" if lang == "zh" else f"channel '{self.channel_id}': "
            )
        )
        return f"{where}: {self.code} {who}{self.text(lang)}"

    def as_finding(self, lang: str = "en") -> Finding:
        """The problem as a :class:`~helpcenter.findings.Finding` (column 1), for reporters."""
        return Finding(
            path=self.path.as_posix(),
            line=max(self.line, 1),
            column=1,
            rule=self.code,
            severity="error",
            value=self.value,
            message=(f"channel '{self.channel_id}': " if self.channel_id else "") + self.text(lang),
        )

    def __str__(self) -> str:
        return self.format("en")


class RegistryError(Exception):
    """The registry cannot be used; :attr:`problems` says why, each with file, line and code."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    def format(self, lang: str = "en") -> str:
        """Every problem, one ``path:line: CODE message`` line each."""
        return "\n".join(p.format(lang) for p in self.problems)


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


class Positions:
    """Where each mapping, sequence and key of a parsed YAML document starts (1-based lines)."""

    def __init__(self) -> None:
        self.nodes: dict[int, int] = {}
        """``id(mapping or list)`` -> line of its first token."""
        self.keys: dict[tuple[int, str], int] = {}
        """``(id(mapping), key)`` -> line of the key."""
        self.items: dict[tuple[int, int], int] = {}
        """``(id(list), index)`` -> line of the item."""
        self.duplicate_keys: list[tuple[int, str, int]] = []
        """``(line, key, first_line)`` for every key repeated within one mapping."""
        self._keep: list[Any] = []  # keeps ids stable while the positions are in use

    def line(self, obj: Any) -> int:
        """Line of a mapping or list, 0 if unknown."""
        return self.nodes.get(id(obj), 0)

    def key_line(self, obj: Any, key: str) -> int:
        """Line of ``key`` in mapping ``obj``, else the mapping's own line."""
        return self.keys.get((id(obj), key)) or self.line(obj)

    def item_line(self, seq: Any, index: int) -> int:
        """Line of item ``index`` of list ``seq``, else the list's own line."""
        return self.items.get((id(seq), index)) or self.line(seq)


def parse_yaml_positions(text: str) -> tuple[Any, Positions]:
    """Parse YAML safely, returning the data and the :class:`Positions` of its nodes.

    Differs from ``yaml.safe_load`` in two ways that matter for a hand-edited
    file: a repeated key is recorded (not silently dropped), and a date-like
    value that is not a real date (``2026-13-01``) stays a string instead of
    raising, so validation can report it with its line. Anchors, aliases
    and deep nesting are refused (:func:`helpcenter.yamlload.check_structure`).
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
        # The pure-Python parser words the error (see helpcenter.yamlload).
        return _parse_positions(text, yaml.SafeLoader)


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
            key_line = key_node.start_mark.line + 1
            if key in first:
                pos.duplicate_keys.append((key_line, str(key), first[key]))
            else:
                first[key] = key_line
            value[key] = loader.construct_object(value_node, deep=True)
            pos.keys[(id(value), str(key))] = key_line
        pos.nodes[id(value)] = node.start_mark.line + 1
        pos._keep.append(value)
        return value

    def construct_sequence(loader: yaml.SafeLoader, node: yaml.SequenceNode) -> list:
        value = [loader.construct_object(child, deep=True) for child in node.value]
        pos.nodes[id(value)] = node.start_mark.line + 1
        for index, child in enumerate(node.value):
            pos.items[(id(value), index)] = child.start_mark.line + 1
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


def parse_yaml_with_lines(text: str) -> tuple[Any, dict[int, int]]:
    """Parse YAML, returning the data and a map ``id(mapping or list) -> line``."""
    data, pos = parse_yaml_positions(text)
    return data, pos.nodes


_CACHE: dict[Path, tuple[tuple[int, int], Registry]] = {}


def load_registry_cached(path: str | Path = DEFAULT_REGISTRY) -> Registry:
    """:func:`load_registry`, reusing the last result while the file is unchanged.

    The build asks for the registry once per language build and page; the
    file is parsed again only when its modification time or size changes.
    """
    resolved = Path(path).resolve()
    try:
        stat = resolved.stat()
    except OSError:
        return load_registry(path)
    stamp = (stat.st_mtime_ns, stat.st_size)
    cached = _CACHE.get(resolved)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    registry = load_registry(path)
    _CACHE[resolved] = (stamp, registry)
    return registry
