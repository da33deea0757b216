"""Semantic checks on registry entries: values that parse, domains that are official.

Kept apart from :mod:`helpcenter.registry_validate` (which checks shape) so
that each rule reads on its own.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from helpcenter import normalize

if TYPE_CHECKING:
    from helpcenter.registry import Channel, Registry
    from helpcenter.registry_validate import _Collector

ID_RE = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?")
"""Channel ids: lower-case letters, digits and inner hyphens."""


def normalise_domain(col: _Collector, owner: Any, value: Any) -> str:
    """A domain from the registry in canonical ASCII form, reporting one that does not parse."""
    host = normalize.normalize_host(str(value)) if value else None
    if host is None or "." not in host:
        col.add(owner, f"domain {value!r} is not a valid domain name (write it like 'bitp.example')")
        return str(value)
    return host


def _official(registry_domains: tuple[str, ...], host: str) -> bool:
    return any(normalize.is_subdomain_of(host, d) for d in registry_domains)


def check_channel_value(col: _Collector, entry: dict, channel: Channel) -> None:
    """Report a channel whose value does not parse as its type, or names an unknown platform."""
    cid, value = channel.id, channel.value
    if channel.type == "email":
        if normalize.normalize_email(value) is None:
            col.add(entry, f"email {value!r} does not parse: write it as name@domain", cid)
    elif channel.type == "phone":
        e164 = normalize.normalize_phone(value, None)
        if e164 is None:
            col.add(
                entry,
                f"phone {value!r} does not parse: write it with its country code, e.g. '+86 400 000 0123'",
                cid,
            )
    elif channel.type in ("social", "chat") and channel.platform:
        if channel.platform not in normalize.PLATFORMS:
            col.add(
                entry,
                f"platform {channel.platform!r} is unknown: use one of {', '.join(normalize.PLATFORMS)}",
                cid,
            )
        elif normalize.contact_key(channel.type, value, channel.platform) is None:
            col.add(entry, f"{channel.platform} link or handle {value!r} does not parse", cid)
    elif channel.type == "social":
        col.add(entry, "a social channel needs 'platform' (telegram, x, wechat, ...)", cid)
    else:
        if normalize.split_url(value) is None or not re.match(r"https?://", value, re.I):
            col.add(entry, f"URL {value!r} does not parse: write it as https://host/path", cid)


def check_registry(col: _Collector, registry: Registry) -> None:
    """Cross-entry rules: official domains, replacements, scams that are official."""
    domains = registry.organization.official_domains
    ids = {c.id for c in registry.channels}
    for c in registry.channels:
        if c.type == "email":
            email = normalize.normalize_email(c.value)
            if email and not _official(domains, email.split("@", 1)[1]):
                col.add(
                    c,
                    f"email {c.value!r} is not on an official domain ({', '.join(domains)}): "
                    "use an official address or add the domain to official_domains",
                    c.id,
                    line=c.line,
                )
        elif c.type in ("website", "chat", "app") and not c.platform:
            parts = normalize.split_url(c.value)
            if parts and not _official(domains, parts[0]):
                col.add(
                    c,
                    f"{c.type} {c.value!r} is not on an official domain ({', '.join(domains)})",
                    c.id,
                    line=c.line,
                )
        if c.replaced_by is not None and c.replaced_by not in ids:
            col.add(c, f"replaced_by {c.replaced_by!r} is not a channel id", c.id, line=c.line)
        if c.status == "retired" and c.replaced_by == c.id:
            col.add(c, "a channel cannot replace itself", c.id, line=c.line)

    official = {}
    for c in registry.channels:
        key = normalize.contact_key(c.type, c.value, c.platform)
        if key is not None:
            official[key] = c
    for s in registry.known_scams:
        key = normalize.contact_key(s.type, s.value, s.platform)
        if key is None:
            col.add(s, f"known scam value {s.value!r} does not parse as a {s.type}", line=s.line)
            continue
        if key in official:
            c = official[key]
            col.add(
                s,
                f"known scam {s.value!r} is the same contact as channel '{c.id}' "
                f"(line {c.line}): remove one of them",
                line=s.line,
            )
        if key.kind == "host" and _official(domains, key.value):
            col.add(
                s,
                f"known scam {s.value!r} is on an official domain: remove it or fix official_domains",
                line=s.line,
            )
