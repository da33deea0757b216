"""Judging a candidate contact against the registry.

Verdicts: ``official`` (no finding), ``retired``, ``scam``, ``lookalike``,
``unknown``, plus the link-specific ones (external link not allowed,
shortener, userinfo trick, text/target mismatch). Every lookup is on a
:class:`~helpcenter.contacts.normalize.ContactKey`-style canonical value, so the
official contact in any spelling is a dictionary hit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from helpcenter.contacts import lookalike, normalize

if TYPE_CHECKING:
    from helpcenter.registry.model import Channel, KnownScam, Registry

SHORTENERS = frozenset(
    {
        "bit.ly", "t.co", "tinyurl.com", "goo.gl", "ow.ly", "is.gd", "buff.ly", "rebrand.ly",
        "cutt.ly", "shorturl.at", "rb.gy", "t.ly", "tiny.cc", "s.id", "v.gd", "bl.ink",
        "dwz.cn", "url.cn", "t.cn", "suo.im", "sohu.gg", "u.nu", "lnkd.in", "surl.li",
        "bitly.com", "tiny.one", "shorte.st", "adf.ly", "y2u.be", "qr.net", "clck.ru",
        "mrkoll.se", "1url.cn", "dwz.mk", "w.url.cn", "6du.in", "ft12.com",
    }
)  # fmt: skip
"""Link shorteners: a short link hides where it goes."""


@dataclass
class Match:
    """What a canonical value is in the registry."""

    status: str
    """``official``, ``retired`` or ``scam``."""
    channel: Channel | None = None
    scam: KnownScam | None = None


@dataclass
class Index:
    """The registry as lookup tables keyed by canonical values."""

    registry: Registry
    official_domains: tuple[str, ...] = ()
    allowed_domains: tuple[str, ...] = ()
    brand: str = ""
    emails: dict[str, Match] = field(default_factory=dict)
    phones: dict[str, Match] = field(default_factory=dict)
    hosts: dict[str, Match] = field(default_factory=dict)
    scam_domains: dict[str, Match] = field(default_factory=dict)
    social: dict[str, Match] = field(default_factory=dict)
    handles: dict[str, Match] = field(default_factory=dict)
    official_handles: dict[str, list[str]] = field(default_factory=dict)
    phone_regions: tuple[str, ...] = ()

    @classmethod
    def build(cls, registry: Registry) -> Index:
        """Index every channel and known scam of ``registry``."""
        org = registry.organization
        idx = cls(
            registry,
            tuple(d.lower() for d in org.official_domains),
            tuple(normalize.normalize_host(d) or d.lower() for d in registry.allowed_domains),
            org.name,
        )
        regions: list[str] = []
        for ch in registry.channels:
            status = "official" if ch.active else "retired"
            idx._add(ch.type, ch.value, ch.platform, Match(status, channel=ch))
            if ch.type == "phone":
                e164 = normalize.normalize_phone(ch.value, None)
                if e164:
                    import phonenumbers

                    region = phonenumbers.region_code_for_number(phonenumbers.parse(e164))
                    if region and region not in regions:
                        regions.append(region)
        for scam in registry.known_scams:
            idx._add(scam.type, scam.value, scam.platform, Match("scam", scam=scam))
        idx.phone_regions = tuple(regions)
        return idx

    def _add(self, ctype: str, value: str, platform: str | None, match: Match) -> None:
        key = normalize.contact_key(ctype, value, platform, None if ctype == "phone" else "CN")
        if key is None and ctype == "phone":
            key = normalize.contact_key(ctype, value, platform, "CN")
        if key is None:
            return
        table = {"email": self.emails, "phone": self.phones, "social": self.social,
                 "host": self.hosts}[key.kind]  # fmt: skip
        # An official entry wins over a retired one with the same key.
        if key.value not in table or match.status == "official":
            table[key.value] = match
        if key.kind == "social":
            plat, _, handle = key.value.partition(":")
            if handle not in self.handles or match.status == "official":
                self.handles[handle] = match
            if match.status == "official":
                self.official_handles.setdefault(plat, []).append(handle)
        if key.kind == "host" and match.status == "scam":
            reg = normalize.registrable_domain(key.value)
            if not self.is_official_host(reg):
                self.scam_domains[reg] = match

    # -- predicates ------------------------------------------------------
    def is_official_host(self, host: str) -> bool:
        """Whether ``host`` is an official domain or a subdomain of one."""
        return any(normalize.is_subdomain_of(host, d) for d in self.official_domains)

    def is_allowed_host(self, host: str) -> bool:
        """Whether ``host`` is in ``allowed_domains`` (or a subdomain)."""
        return any(normalize.is_subdomain_of(host, d) for d in self.allowed_domains)

    def all_official_handles(self) -> list[str]:
        """Every active official handle, any platform."""
        return [h for hs in self.official_handles.values() for h in hs]

    # -- suggestions -----------------------------------------------------
    def suggest(self, kind: str, value: str, platform: str | None = None) -> str | None:
        """The id of the active channel closest to ``value`` (same kind, same platform).

        A value that resembles no channel (more than a third of it differs)
        gets the first channel of its kind: the one the registry lists first.
        """
        best: tuple[int, str] | None = None
        first: str | None = None
        for ch in self.registry.active_channels:
            if kind == "email" and ch.type != "email":
                continue
            if kind == "phone" and ch.type != "phone":
                continue
            if kind == "host" and ch.type not in ("website", "chat", "app"):
                continue
            if kind == "social" and ch.type not in ("social", "chat"):
                continue
            if kind == "social" and ch.platform != platform:
                continue
            first = first or ch.id
            key = normalize.contact_key(ch.type, ch.value, ch.platform, None)
            target = key.value if key else ch.value
            if kind == "social":
                target = target.partition(":")[2] or target
            dist = lookalike.edit_distance(value, target, 64)
            if best is None or dist < best[0]:
                best = (dist, ch.id)
        if best is None or best[0] > max(2, len(value) // 3):
            return first
        return best[1]


# -- verdicts on canonical values ------------------------------------------


@dataclass(frozen=True)
class Judgement:
    """The verdict on one canonical contact value."""

    verdict: str
    """``official``, ``retired``, ``scam``, ``lookalike``, ``unknown``, or for links
    ``external``, ``shortener``, ``userinfo``, ``allowed``, ``platform``."""
    kind: str
    """``email``, ``phone``, ``host``, ``social``."""
    value: str
    """Canonical value (``support@bitp.example``, ``+864000000123``, ``telegram:bitp_official``)."""
    channel: Channel | None = None
    """Matched channel (official or retired), or the imitated one for a lookalike."""
    scam: KnownScam | None = None
    """Matched known scam."""
    official: str = ""
    """For a lookalike: the official domain or handle imitated."""
    host: str = ""
    """For hosts: the canonical host."""


def _channel_for_host(idx: Index, official: str) -> Channel | None:
    for ch in idx.registry.active_channels:
        if ch.type == "website":
            return ch
    return None


def _channel_for_handle(idx: Index, handle: str, platform: str | None) -> Channel | None:
    match = idx.social.get(f"{platform}:{handle}") if platform else None
    match = match or idx.handles.get(handle)
    return match.channel if match else None


def judge_email(idx: Index, email: str) -> Judgement:
    """Verdict on a canonical email address."""
    match = idx.emails.get(email)
    if match:
        return Judgement(match.status, "email", email, match.channel, match.scam)
    host = email.rpartition("@")[2]
    if not idx.is_official_host(host):
        hj = judge_host(idx, host)
        if hj.verdict in ("scam", "lookalike"):
            return Judgement(hj.verdict, "email", email, hj.channel, hj.scam, hj.official, host)
    return Judgement("unknown", "email", email, host=host)


def judge_phone(idx: Index, e164: str, national: str | None = None) -> Judgement:
    """Verdict on an E.164 number; ``national`` (digits as written) is tried in other regions."""
    match = idx.phones.get(e164)
    if match is None and national and not national.startswith("+"):
        # "020 7946 0321" on an English page is the UK hotline, not a US number.
        for region in idx.phone_regions:
            other = normalize.normalize_phone(national, region)
            if other and other in idx.phones and idx.phones[other].status != "scam":
                match = idx.phones[other]
                e164 = other
                break
    if match:
        return Judgement(match.status, "phone", e164, match.channel, match.scam)
    return Judgement("unknown", "phone", e164)


def judge_social(idx: Index, platform: str | None, handle: str) -> Judgement:
    """Verdict on a handle on ``platform`` (``None``: any platform)."""
    handle = handle.lower().lstrip("@")
    if platform:
        match = idx.social.get(f"{platform}:{handle}")
        value = f"{platform}:{handle}"
    else:
        match = idx.handles.get(handle)
        value = handle
    if match:
        return Judgement(match.status, "social", value, match.channel, match.scam)
    if platform == "whatsapp":
        pj = judge_phone(idx, handle)
        if pj.verdict == "scam":
            return Judgement("scam", "social", value, scam=pj.scam)
    officials = idx.official_handles.get(platform, []) if platform else []
    if not officials:
        platform = None
        officials = idx.all_official_handles()
    imitated = lookalike.lookalike_handle(handle, officials, idx.brand)
    if imitated:
        return Judgement("lookalike", "social", value, _channel_for_handle(idx, imitated, platform),
                         official=imitated)  # fmt: skip
    # A scam handle with a typo is still close to the scam; report it as a lookalike of BitP.
    return Judgement("unknown", "social", value)


def judge_host(idx: Index, host: str) -> Judgement:
    """Verdict on a canonical host (no platform handling)."""
    if idx.is_official_host(host):
        match = idx.hosts.get(host)
        if match and match.status == "retired":
            return Judgement("retired", "host", host, match.channel, host=host)
        return Judgement("official", "host", host, host=host)
    match = idx.hosts.get(host)
    if match is None:
        reg = normalize.registrable_domain(host)
        match = idx.scam_domains.get(reg)
    if match:
        return Judgement(match.status, "host", host, match.channel, match.scam, host=host)
    if host in SHORTENERS or normalize.registrable_domain(host) in SHORTENERS:
        return Judgement("shortener", "host", host, host=host)
    if idx.is_allowed_host(host):
        return Judgement("allowed", "host", host, host=host)
    imitated = lookalike.lookalike_domain(host, idx.official_domains, idx.brand)
    if imitated:
        return Judgement("lookalike", "host", host, _channel_for_host(idx, imitated),
                         official=imitated, host=host)  # fmt: skip
    bare = host[4:] if host.startswith("www.") else host
    bare = bare[2:] if bare.startswith("m.") else bare
    if bare in normalize.PLATFORM_HOSTS:
        return Judgement("platform", "host", host, host=host)
    return Judgement("unknown", "host", host, host=host)


_USERINFO_RE = re.compile(r"^[a-z][a-z0-9+.-]*://(?P<userinfo>[^/?#]*)@", re.IGNORECASE)


def userinfo_of(url: str) -> str | None:
    """The userinfo part of a URL (``https://bitp.example@evil.example/`` -> ``bitp.example``)."""
    m = _USERINFO_RE.match(url)
    return m.group("userinfo") if m else None


def judge_url(idx: Index, url: str) -> Judgement | None:
    """Verdict on a URL (scheme optional); ``None`` if it does not parse."""
    lowered = url.lower()
    if lowered.startswith("mailto:"):
        email = normalize.normalize_email(url)
        return judge_email(idx, email) if email else None
    if lowered.startswith("tg://"):
        # Telegram's app links: tg://resolve?domain=HANDLE
        m = re.search(r"[?&]domain=([A-Za-z0-9_]+)", url)
        return judge_social(idx, "telegram", m.group(1)) if m else None
    social = normalize.parse_social_url(url)
    if social:
        platform, handle = social
        return judge_social(idx, platform, handle)
    parts = normalize.split_url(url)
    if parts is None:
        return None
    return judge_host(idx, parts[0])


def host_of(url: str) -> str | None:
    """The canonical host a URL opens."""
    parts = normalize.split_url(url)
    return parts[0] if parts else None
