"""Canonical forms of contact details, shared by the registry, the guard and the verifier.

Two spellings of one contact (``Support@BITP.example.``, ``mailto:support@bitp.example``,
``ｓｕｐｐｏｒｔ＠ｂｉｔｐ．ｅｘａｍｐｌｅ``) must reduce to one :class:`ContactKey`, so
that matching against the registry is a dictionary lookup. The verifier page's
JavaScript implements the same rules; ``tests/vectors/verify.json`` keeps the
two in step.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote, urlsplit

import idna
import phonenumbers

INVISIBLE_RE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f"
    "\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\U000e0000-\U000e0fff]"
)
"""Zero-width, bidi-control, joiner and other characters that render as nothing."""

# Ideographic and other full stops that browsers treat as a dot in hostnames.
_DOTS = str.maketrans({"\u3002": ".", "\uff0e": ".", "\uff61": ".", "\u2024": ".", "\ufe52": "."})


def clean(text: str) -> str:
    """NFKC-fold ``text``, map ideographic dots to ``.`` and drop invisible characters.

    Length may change; callers that need positions keep their own offsets.
    """
    return INVISIBLE_RE.sub("", unicodedata.normalize("NFKC", text.translate(_DOTS)))


@lru_cache(maxsize=4096)
def normalize_host(host: str) -> str | None:
    """A hostname in canonical ASCII (UTS 46, lower case, no trailing dot), or ``None``.

    ``BitP.Example.``, ``ｂｉｔｐ．ｅｘａｍｐｌｅ`` and ``bitp。example`` all give
    ``bitp.example``; an IDN gives its ``xn--`` form.
    """
    host = clean(unquote(host)).strip().rstrip(".").lower()
    if not host or len(host) > 253 or ".." in host:
        return None
    try:
        ascii_host = idna.encode(host, uts46=True, transitional=False).decode("ascii")
    except (idna.IDNAError, UnicodeError, ValueError):
        # Underscores and other characters some registrars allow but IDNA 2008
        # rejects still identify a host; keep the lower-cased form.
        if re.fullmatch(r"[a-z0-9_.-]+", host):
            return host
        return None
    return ascii_host.lower()


def host_to_unicode(host: str) -> str:
    """The Unicode form of an ASCII host, for display (``xn--`` labels decoded)."""
    try:
        return idna.decode(host)
    except (idna.IDNAError, UnicodeError, ValueError):
        return host


@lru_cache(maxsize=1)
def suffix_rules() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """``(rules, wildcards, exceptions)`` of the ICANN section of the bundled Public Suffix List.

    Read straight from the snapshot file shipped inside tldextract (the same
    list tldextract uses offline), without importing tldextract and its HTTP
    stack: the contact guard must start fast.
    """
    from importlib.util import find_spec

    spec = find_spec("tldextract")
    locations = list(spec.submodule_search_locations or []) if spec else []
    rules: set[str] = set()
    wildcards: set[str] = set()
    exceptions: set[str] = set()
    for location in locations:
        path = f"{location}/.tld_set_snapshot"
        try:
            with open(path, encoding="utf-8") as fh:
                text = fh.read()
        except OSError:
            continue
        text = text.split("// ===END ICANN DOMAINS===", 1)[0]
        for line in text.splitlines():
            rule = line.strip()
            if not rule or rule.startswith("//"):
                continue
            if rule.startswith("*."):
                wildcards.add(rule[2:])
            elif rule.startswith("!"):
                exceptions.add(rule[1:])
            else:
                rules.add(rule)
        break
    return frozenset(rules), frozenset(wildcards), frozenset(exceptions)


@lru_cache(maxsize=8192)
def public_suffix(host: str) -> str:
    """The public suffix of an ASCII host per the bundled list (ICANN section), or ``""``.

    ``www.bitp.co.uk`` -> ``co.uk``; a TLD the list does not know
    (``.example``, ``.test``) gives ``""``.
    """
    rules, wildcards, exceptions = suffix_rules()
    ascii_labels = host.lower().rstrip(".").split(".")
    # The list spells internationalised suffixes in Unicode.
    labels = [host_to_unicode(lab) if lab.startswith("xn--") else lab for lab in ascii_labels]
    for i in range(len(labels)):
        candidate = ".".join(labels[i:])
        if candidate in exceptions:
            return ".".join(ascii_labels[i + 1 :])
        if candidate in rules:
            return ".".join(ascii_labels[i:])
        if i + 1 < len(labels) and ".".join(labels[i + 1 :]) in wildcards:
            return ".".join(ascii_labels[i:])
    return ""


@lru_cache(maxsize=4096)
def registrable_domain(host: str) -> str:
    """The registrable domain of an ASCII host (``help.bitp.example`` -> ``bitp.example``).

    Uses the Public Suffix List snapshot bundled with tldextract; a TLD the
    list does not know (``.example``, ``.test``) counts as a one-label suffix.
    """
    suffix = public_suffix(host)
    if suffix and host != suffix and host.endswith("." + suffix):
        label = host[: -len(suffix) - 1].rsplit(".", 1)[-1]
        if label:
            return f"{label}.{suffix}"
    labels = host.split(".")
    return ".".join(labels[-2:]) if len(labels) >= 2 else host


def is_subdomain_of(host: str, domain: str) -> bool:
    """Whether ``host`` is ``domain`` or one of its subdomains."""
    return host == domain or host.endswith("." + domain)


def normalize_email(value: str) -> str | None:
    """``local@host`` in canonical form (local part case-folded, host per UTS 46), or ``None``."""
    value = clean(unquote(value)).strip()
    if value.lower().startswith("mailto:"):
        value = value[7:].split("?", 1)[0]
    value = value.strip().strip("<>").rstrip(".")
    local, sep, host = value.rpartition("@")
    if not sep or not local or not re.fullmatch(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+", local):
        return None
    if local.startswith(".") or local.endswith(".") or ".." in local:
        return None
    norm_host = normalize_host(host)
    if norm_host is None or "." not in norm_host:
        return None
    return f"{local.lower()}@{norm_host}"


DEFAULT_REGION = {"zh": "CN", "en": "US"}
"""Region assumed for a phone number written without a country code, by page language."""


def normalize_phone(value: str, region: str | None = "CN") -> str | None:
    """The E.164 form of a phone number (``+864000000123``), or ``None`` if it is not one.

    ``region`` is assumed for numbers written without a country code
    (``400-000-0123`` on a Chinese page means +86).
    """
    value = clean(unquote(value)).strip()
    if value.lower().startswith("tel:"):
        value = value[4:]
    if value.startswith("00"):
        value = "+" + value[2:]
    try:
        number = phonenumbers.parse(value, None if value.startswith("+") else region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def format_phone(e164: str) -> str:
    """A readable international form of an E.164 number (``+86 400 000 0123``)."""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


# Host (after removing "www." and "m.") -> platform, and how the handle sits in the path.
PLATFORM_HOSTS: dict[str, str] = {
    "t.me": "telegram",
    "telegram.me": "telegram",
    "telegram.dog": "telegram",
    "x.com": "x",
    "twitter.com": "x",
    "mobile.twitter.com": "x",
    "wa.me": "whatsapp",
    "api.whatsapp.com": "whatsapp",
    "chat.whatsapp.com": "whatsapp",
    "facebook.com": "facebook",
    "fb.com": "facebook",
    "fb.me": "facebook",
    "instagram.com": "instagram",
    "instagr.am": "instagram",
    "youtube.com": "youtube",
    "youtu.be": "youtube",
    "discord.gg": "discord",
    "discord.com": "discord",
    "discordapp.com": "discord",
    "tiktok.com": "tiktok",
    "weibo.com": "weibo",
    "weibo.cn": "weibo",
    "linkedin.com": "linkedin",
    "reddit.com": "reddit",
}
"""Social and messaging hosts and the platform each belongs to (aliases included)."""

PLATFORMS = (
    "telegram", "x", "whatsapp", "facebook", "instagram", "youtube", "discord",
    "tiktok", "weibo", "wechat", "qq", "linkedin", "reddit", "line",
)  # fmt: skip
"""Every platform the registry and the guard know."""

PATH_PREFIXES = ("s/", "joinchat/", "invite/", "channel/", "c/", "user/", "u/", "n/", "@")


def social_handle(platform: str, handle: str) -> str | None:
    """A handle in canonical form for ``platform`` (lower case, no ``@``), or ``None``."""
    handle = clean(unquote(handle)).strip().strip("/").lstrip("@").lower()
    if platform == "whatsapp":
        e164 = normalize_phone("+" + handle.lstrip("+"), None)
        return e164
    if not handle or not re.fullmatch(r"[a-z0-9_.\-+]{2,64}", handle):
        return None
    return handle


def parse_social_url(url: str) -> tuple[str, str] | None:
    """``(platform, handle)`` for a social/messaging profile URL, else ``None``.

    ``https://telegram.me/BitP_Official`` and ``t.me/bitp_official`` both give
    ``("telegram", "bitp_official")``; ``https://api.whatsapp.com/send?phone=...``
    gives ``("whatsapp", "+...")``.
    """
    parts = split_url(url)
    if parts is None:
        return None
    host, path, query = parts
    bare = host[4:] if host.startswith("www.") else host
    bare = bare[2:] if bare.startswith("m.") else bare
    platform = PLATFORM_HOSTS.get(bare)
    if platform is None:
        return None
    if platform == "whatsapp":
        match = re.search(r"(?:^|&)phone=([^&]+)", query)
        target = match.group(1) if match else path.strip("/").split("/")[0]
        handle = social_handle("whatsapp", target) if target else None
        return (platform, handle) if handle else None
    path = path.strip("/")
    for prefix in PATH_PREFIXES:
        if path.lower().startswith(prefix) and len(path) > len(prefix):
            path = path[len(prefix) :]
            break
    segment = path.split("/")[0]
    if platform == "discord" and bare == "discord.com" and not segment:
        return None
    handle = social_handle(platform, segment) if segment else None
    return (platform, handle) if handle else None


def split_url(url: str) -> tuple[str, str, str] | None:
    """``(host, path, query)`` of a URL with or without a scheme, host canonical; else ``None``.

    Userinfo (``https://bitp.example@evil.example/``) is dropped: the host is
    what the browser would contact. Browsers read ``\\`` as ``/`` in web URLs,
    so ``https://evil.example\\@bitp.example/`` opens ``evil.example``.
    """
    text = clean(url).strip()
    if not re.match(r"^[a-z][a-z0-9+.-]*://", text, re.I):
        text = "http://" + text
    if re.match(r"^(?:https?|ftp|wss?)://", text, re.I):
        text = text.replace("\\", "/")
    try:
        parts = urlsplit(text)
        host = parts.hostname
    except ValueError:
        return None
    if not host:
        return None
    norm = normalize_host(host)
    if norm is None:
        return None
    return norm, unquote(parts.path), parts.query


@dataclass(frozen=True)
class ContactKey:
    """The canonical identity of a contact detail: equal keys mean the same contact."""

    kind: str
    """``email``, ``phone``, ``social``, ``host``."""
    value: str
    """Canonical value: ``support@bitp.example``, ``+864000000123``, ``telegram:bitp_official``,
    ``www.bitp.example``."""

    def __str__(self) -> str:
        return f"{self.kind}:{self.value}"


def contact_key(
    ctype: str, value: str, platform: str | None = None, region: str | None = "CN"
) -> ContactKey | None:
    """The :class:`ContactKey` of a registry ``(type, value)``; ``None`` if it does not parse.

    Websites, chat and app links key on their host alone: the guard judges
    hosts by domain, not by page.
    """
    if ctype == "email":
        email = normalize_email(value)
        return ContactKey("email", email) if email else None
    if ctype == "phone":
        e164 = normalize_phone(value, region)
        return ContactKey("phone", e164) if e164 else None
    looks_like_url = "/" in value or ":" in value
    if ctype in ("social", "chat") and platform and not looks_like_url:
        handle = social_handle(platform, value)
        return ContactKey("social", f"{platform}:{handle}") if handle else None
    parsed_social = parse_social_url(value)
    if parsed_social:
        return ContactKey("social", f"{parsed_social[0]}:{parsed_social[1]}")
    parts = split_url(value)
    return ContactKey("host", parts[0]) if parts else None
