"""Scam feeds for blockers: ``site/feeds/`` in the formats security tools read.

From the registry's ``known_scams``, its ``official_domains`` and the
lookalike rules (:mod:`helpcenter.contacts.lookalike`), the build writes

- ``feeds/hosts.txt``: a hosts-format blocklist (``0.0.0.0 host``), for
  Pi-hole, AdGuard Home, dnsmasq and ``/etc/hosts``;
- ``feeds/adblock.txt``: an AdGuard / uBlock Origin filter list
  (``||host^``, and ``||t.me/handle^`` for a fake social account);
- ``feeds/eth-phishing-detect.json``: the configuration MetaMask's
  ``eth-phishing-detect`` reads: official domains in ``whitelist`` pass,
  listed scams in ``blacklist`` are blocked, and the official domains in
  ``fuzzylist`` catch unlisted lookalikes within ``tolerance`` edits (of the
  name without its suffix, as that tool compares). ``meta`` (ignored by the
  tool) says where the list comes from.

What is blocked, and what never is:

- a fake website's host; when the lookalike rules say its domain imitates an
  official one, the whole registrable domain (the domain itself is the fake);
- a fake email address's domain only when that domain is a lookalike: a scam
  sent from a mail provider must not block the provider;
- a fake social account's URL in the filter list (its host is the platform);
- never an official domain, one of its subdomains, or a domain the registry
  allows articles to link to.

Registry values reach plain-text files here, so every host is checked to be
a bare DNS name, every path is percent-encoded to a small set of characters,
and text in comments is folded onto one line of printable characters: no
value can start a line of its own.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from helpcenter.contacts import normalize
from helpcenter.contacts.lookalike import lookalike_domain
from helpcenter.registry.model import KnownScam, Registry

FEEDS_DIR = "feeds"
HOSTS = "feeds/hosts.txt"
ADBLOCK = "feeds/adblock.txt"
PHISHING_DETECT = "feeds/eth-phishing-detect.json"
FEED_FILES = (HOSTS, ADBLOCK, PHISHING_DETECT)
"""Site paths of the feeds."""
LICENSE = "MIT"
"""The project's licence, which the feeds share."""
KNOWN_SCAMS_PAGE = "safety/known-scams.html"

_HOST_RE = re.compile(r"(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}")
_PATH_SAFE = "/-._~"


@dataclass(frozen=True)
class Blocked:
    """One feed entry: a host, or a host and path (a social account's URL)."""

    host: str
    """Canonical ASCII host."""
    path: str = ""
    """Percent-encoded path for a URL rule (``/bitp_admin_help``), else empty."""
    imitates: str | None = None
    """The official domain it imitates, per the lookalike rules."""
    kind: str = "website"
    """The scam's type in the registry."""


def one_line(text: str, limit: int = 200) -> str:
    """``text`` folded onto one line of printable characters (for a comment)."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(" " if unicodedata.category(ch)[0] in "CZ" else ch for ch in text)
    text = re.sub(r" +", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def safe_host(host: str | None) -> str | None:
    """``host`` canonical (ASCII, lower case) if it is a bare DNS name, else ``None``."""
    norm = normalize.normalize_host(host) if host else None
    if norm is None or not _HOST_RE.fullmatch(norm):
        return None
    return norm


def _official(host: str, registry: Registry) -> bool:
    protected = tuple(registry.organization.official_domains) + tuple(registry.allowed_domains)
    return any(normalize.is_subdomain_of(host, d) for d in protected)


def blocked_entries(registry: Registry) -> list[Blocked]:
    """What the feeds block, from ``known_scams`` (sorted, no duplicates)."""
    officials = registry.organization.official_domains
    brand = registry.organization.name
    out: dict[tuple[str, str], Blocked] = {}

    def add(entry: Blocked) -> None:
        if not _official(entry.host, registry):
            out.setdefault((entry.host, entry.path), entry)

    for scam in registry.known_scams:
        for entry in _scam_entries(scam, officials, brand):
            add(entry)
    return [out[key] for key in sorted(out)]


def _scam_entries(scam: KnownScam, officials: Iterable[str], brand: str) -> list[Blocked]:
    officials = tuple(officials)
    if scam.type in ("website", "app"):
        parts = normalize.split_url(scam.value)
        host = safe_host(parts[0]) if parts else None
        if host is None:
            return []
        imitates = lookalike_domain(host, officials, brand)
        entries = [Blocked(host, imitates=imitates, kind=scam.type)]
        domain = safe_host(normalize.registrable_domain(host))
        if imitates and domain and domain != host:
            entries.append(Blocked(domain, imitates=imitates, kind=scam.type))
        return entries
    if scam.type == "email":
        address = normalize.normalize_email(scam.value)
        host = safe_host(address.rpartition("@")[2]) if address else None
        imitates = lookalike_domain(host, officials, brand) if host else None
        if host is None or imitates is None:
            return []  # a mail provider's domain is not the scam
        domain = safe_host(normalize.registrable_domain(host)) or host
        return [Blocked(domain, imitates=imitates, kind="email")]
    if scam.type in ("social", "chat"):
        parts = normalize.split_url(scam.value) if "/" in scam.value else None
        host = safe_host(parts[0]) if parts else None
        path = quote(parts[1].rstrip("/"), safe=_PATH_SAFE) if parts else ""
        if host is None or not path.strip("/"):
            return []  # a bare handle is not an address a blocker can match
        return [Blocked(host, path=path, kind=scam.type)]
    return []


def fuzzy_tolerance(official_domains: Iterable[str]) -> int:
    """Edits within which eth-phishing-detect flags a name like an official one.

    The lookalike rules call two names close at one edit up to 7 letters and
    two beyond, and never under 4 letters; the tool compares the host without
    its last label. The smallest official name decides, so no official name
    gets a looser match than the rules give it.
    """
    tolerances = []
    for domain in official_domains:
        name = domain.rsplit(".", 1)[0]
        if len(name) < 4:
            tolerances.append(0)
        else:
            tolerances.append(1 if len(name) <= 7 else 2)
    return min(tolerances, default=0)


@dataclass(frozen=True)
class FeedInfo:
    """What each feed's header says."""

    name: str
    """The organisation (``BitP``)."""
    source: str
    """Where the list is published (the known-scams page), or the registry file."""
    last_verified: str
    """ISO date the registry was last verified."""
    generated: str
    """ISO build date."""
    demo: bool
    """Whether the registry holds demonstration data."""


def feed_info(registry: Registry, date: dt.date, site_url: str | None) -> FeedInfo:
    last = registry.last_verified
    source = (
        site_url.rstrip("/") + "/" + KNOWN_SCAMS_PAGE
        if site_url
        else "data/channels.yml (known_scams) of the BitP help center"
    )
    return FeedInfo(
        name=one_line(registry.organization.name, 60),
        source=one_line(source, 300),
        last_verified=(last or date).isoformat(),
        generated=date.isoformat(),
        demo=registry.demo,
    )


def _header(info: FeedInfo, title: str, mark: str) -> list[str]:
    lines = [
        f"Title: {info.name} help center: {title}",
        f"Source: {info.source}",
        f"Last-verified: {info.last_verified}",
        f"Generated: {info.generated}",
        f"License: {LICENSE}",
    ]
    if info.demo:
        lines.append("DEMONSTRATION DATA: every entry is fictional (RFC 2606 .example names).")
    return [f"{mark} {line}" for line in lines]


def _comment(entry: Blocked) -> str:
    what = f"fake {entry.kind}"
    if entry.imitates:
        what += f", imitates {entry.imitates}"
    return one_line(what, 120)


def hosts_txt(entries: Iterable[Blocked], info: FeedInfo) -> str:
    """The hosts-format blocklist: one ``0.0.0.0 host`` line per blocked host."""
    lines = _header(info, "known scam hosts (hosts format)", "#")
    lines.append("#")
    seen: set[str] = set()
    for entry in entries:
        if entry.path or entry.host in seen:
            continue
        seen.add(entry.host)
        lines.append(f"0.0.0.0 {entry.host} # {_comment(entry)}")
    return "\n".join(lines) + "\n"


def adblock_txt(entries: Iterable[Blocked], info: FeedInfo) -> str:
    """The AdGuard / uBlock Origin filter list: ``||host^`` and ``||host/path^`` rules."""
    lines = ["[Adblock Plus 2.0]"]
    lines += _header(info, "known scams (AdGuard / uBlock Origin)", "!")
    lines.append("! Expires: 1 day")
    for entry in entries:
        lines.append(f"! {_comment(entry)}")
        lines.append(f"||{entry.host}{entry.path}^")
    return "\n".join(lines) + "\n"


def phishing_detect_json(registry: Registry, entries: Iterable[Blocked], info: FeedInfo) -> str:
    """The eth-phishing-detect configuration (its legacy shape, plus ``meta``)."""
    officials = sorted(registry.organization.official_domains)
    blacklist = sorted({e.host for e in entries if not e.path})
    data = {
        "version": 1,
        "tolerance": fuzzy_tolerance(officials),
        "fuzzylist": officials,
        "whitelist": officials,
        "blacklist": blacklist,
        "meta": {
            "title": f"{info.name} help center: known scams",
            "source": info.source,
            "last_verified": info.last_verified,
            "generated": info.generated,
            "license": LICENSE,
            "demo": info.demo,
        },
    }
    return json.dumps(data, ensure_ascii=True, indent=2) + "\n"


def write_feeds(
    site_dir: str | Path, registry: Registry, date: dt.date, site_url: str | None = None
) -> list[Path]:
    """Write the three feeds under ``site_dir/feeds/``; return their paths."""
    root = Path(site_dir)
    (root / FEEDS_DIR).mkdir(parents=True, exist_ok=True)
    entries = blocked_entries(registry)
    info = feed_info(registry, date, site_url)
    texts = {
        HOSTS: hosts_txt(entries, info),
        ADBLOCK: adblock_txt(entries, info),
        PHISHING_DETECT: phishing_detect_json(registry, entries, info),
    }
    written = []
    for name, text in texts.items():
        path = root / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
