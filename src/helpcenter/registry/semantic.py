"""Semantic checks on registry entries: values that parse, domains that are official.

They run on the model :mod:`helpcenter.registry.validate` builds from what
the JSON Schema accepted (:mod:`helpcenter.registry.shape`), so each rule
reads on its own. None of these problems can be expressed in the schema, so
an editor will not show them; the build and ``helpcenter registry`` will.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from helpcenter.contacts import normalize

if TYPE_CHECKING:
    from helpcenter.inputs.yamlload import Place
    from helpcenter.registry.model import Channel, Registry
    from helpcenter.registry.problems import Collector


def normalise_domain(col: Collector, value: str, at: Place) -> str:
    """A domain from the registry in canonical ASCII form, reporting one that does not parse."""
    host = normalize.normalize_host(value)
    if host is None or "." not in host or not re.fullmatch(r"[a-z0-9._-]+", host):
        col.add(at, "HC024", None, value, value=repr(value))
        return value
    return host


def _official(domains: tuple[str, ...], host: str) -> bool:
    return any(normalize.is_subdomain_of(host, d) for d in domains)


def check_channel_value(col: Collector, at: Place, channel: Channel) -> None:
    """Report a channel whose value (written at ``at``) does not parse as its type or platform."""
    cid, value = channel.id, channel.value
    if channel.type == "email":
        if normalize.normalize_email(value) is None:
            col.add(at, "HC020", cid, value, value=repr(value))
    elif channel.type == "phone":
        # Registry phones carry their country code: no region is assumed.
        if normalize.normalize_phone(value, None) is None:
            col.add(at, "HC021", cid, value, value=repr(value))
    elif channel.type in ("social", "chat") and channel.platform:
        key = normalize.contact_key(channel.type, value, channel.platform)
        parsed = normalize.parse_social_url(value)
        looks_like_url = "/" in value or ":" in value
        if looks_like_url and parsed is None or key is None:
            col.add(at, "HC023", cid, value, value=repr(value), platform=channel.platform)
        elif parsed is not None and parsed[0] != channel.platform:
            col.add(
                at,
                "HC025",
                cid,
                value,
                value=repr(value),
                found=parsed[0],
                platform=channel.platform,
            )
    elif not re.match(r"https://", value, re.I) or normalize.split_url(value) is None:
        col.add(at, "HC022", cid, value, value=repr(value))


FICTION_PHONE_RANGES = (("+1202555", 100, 199), ("+4420794", 60000, 60999))
"""Phone ranges reserved for fiction, as (E.164 prefix, first, last) of what follows:
+1 202 555 0100 to 0199 (NANPA) and +44 20 7946 0000 to 0999 (Ofcom)."""


def fictional_phone(e164: str) -> bool:
    """Whether an E.164 number (``+12025550199``) is in a range reserved for fiction."""
    for prefix, first, last in FICTION_PHONE_RANGES:
        rest = e164[len(prefix) :]
        if e164.startswith(prefix) and rest.isdigit() and first <= int(rest) <= last:
            return len(e164) == len(prefix) + (4 if prefix.startswith("+1") else 5)
    return False


def check_registry(col: Collector, registry: Registry) -> None:
    """Cross-entry rules: official domains, replacements, unique contacts, scams."""
    domains = registry.organization.official_domains
    by_id = {c.id: c for c in registry.channels}
    for c in registry.channels:
        if c.type == "email":
            email = normalize.normalize_email(c.value)
            if email and not _official(domains, email.split("@", 1)[1]):
                col.add(
                    c.line, "HC031", c.id, c.value, value=repr(c.value), domains=", ".join(domains)
                )
        elif c.type in ("website", "app") or (c.type == "chat" and not c.platform):
            # A chat on a messaging platform (WhatsApp, Telegram) lives on that
            # platform's domain; every other link must be on an official domain.
            parts = normalize.split_url(c.value)
            if parts and not _official(domains, parts[0]):
                col.add(
                    c.line, "HC030", c.id, c.value,
                    type=c.type, value=repr(c.value), domains=", ".join(domains),
                )  # fmt: skip
        if c.replaced_by is not None:
            target = by_id.get(c.replaced_by)
            if target is None:
                col.add(c.line, "HC032", c.id, c.replaced_by, value=c.replaced_by)
            elif target.id == c.id:
                col.add(c.line, "HC033", c.id, c.replaced_by, value=c.replaced_by,
                        why="the channel itself", why_zh="就是它自己")  # fmt: skip
            elif not target.active:
                col.add(c.line, "HC033", c.id, c.replaced_by, value=c.replaced_by,
                        why="retired too", why_zh="也已停用")  # fmt: skip

    security = registry.organization.security_contact
    if security is not None:
        target = by_id.get(security)
        if target is None or target.type != "email" or not target.active:
            col.add(col.security_place, "HC037", None, security, value=security)

    official: dict[normalize.ContactKey, Channel] = {}
    for c in registry.channels:
        key = normalize.contact_key(c.type, c.value, c.platform, None)
        if key is None:
            continue
        # Websites key on the host: several pages of one site are fine.
        if key in official and key.kind != "host":
            other = official[key]
            col.add(
                c.line,
                "HC026",
                c.id,
                c.value,
                value=repr(c.value),
                other=other.id,
                first=other.line,
            )
            continue
        official.setdefault(key, c)

    for s in registry.known_scams:
        key = normalize.contact_key(s.type, s.value, s.platform, None)
        if key is None:
            col.add(s.line, "HC036", None, s.value, value=repr(s.value), type=s.type)
            continue
        if registry.demo and s.type == "phone" and not fictional_phone(key.value):
            col.add(s.line, "HC041", None, s.value, value=repr(s.value))
        if key in official:
            c = official[key]
            col.add(s.line, "HC034", None, s.value, value=repr(s.value), other=c.id, first=c.line)
        elif key.kind == "host" and _official(domains, key.value):
            col.add(s.line, "HC035", None, s.value, value=repr(s.value))
