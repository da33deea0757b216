"""The verdict on one contact a reader typed: the verifier's Python side.

The verifier page's JavaScript implements the same rules; the shared test
vectors keep the two from drifting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from helpcenter.contacts import normalize
from helpcenter.guard import decide
from helpcenter.guard.detectors import detect_all
from helpcenter.guard.extract import Source
from helpcenter.guard.rules import VERDICTS
from helpcenter.guard.scan import index_for, judge

if TYPE_CHECKING:
    from helpcenter.registry.model import Channel, KnownScam, Registry

VERDICT_NAMES = ("official", "retired", "scam", "lookalike", "unsafe", "unknown")
"""Every verdict :func:`classify` returns."""

SAFE_SCHEMES = ("http", "https", "hxxp", "hxxps", "mailto", "tel", "tg")
"""The only URL schemes a contact can be official under: the web (also defanged,
``hxxps://``, as scam reports write it), email, phone and the platform links the
registry's channels are reached by (``tg://resolve``).
Any other scheme (``javascript:``, ``data:``, ``vbscript:``, ``ftp:``, ``file:``)
gets the ``unsafe`` verdict, whatever host or address follows it."""

SCRIPT_SCHEMES = ("javascript", "vbscript", "data", "file", "blob", "filesystem", "view-source",
                  "about")  # fmt: skip
"""Schemes that run code or open local content even without ``//`` (``javascript:alert(1)``).
Another scheme without ``//`` (``telegram:bitp_official``, ``WeChat:bitp_cs``)
reads as a label and its value, and is judged as free text."""

_SCHEME_RE = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):(?=\S)")
_URL_INVISIBLE = re.compile(r"[\t\n\r]")


def unsafe_scheme(text: str) -> str | None:
    """The scheme of ``text`` when it is a URL scheme outside :data:`SAFE_SCHEMES`, else ``None``.

    Read as a browser reads a link: leading spaces and control characters
    dropped, tabs and newlines removed anywhere (``java\tscript:``), case
    ignored. ``TG: bitp_support`` (a space after the colon) is free text, and
    ``www.bitp.example:443/`` or ``localhost:8080`` (a host and a port) are
    not schemes; nor is a label without ``//`` outside :data:`SCRIPT_SCHEMES`.
    """
    text = _URL_INVISIBLE.sub("", text).lstrip("".join(map(chr, range(0x21))))
    m = _SCHEME_RE.match(text)
    if not m:
        return None
    scheme, rest = m.group(1).lower(), text[m.end() :]
    if scheme in SAFE_SCHEMES:
        return None
    if rest.startswith("//") and "." not in scheme:
        return scheme
    return scheme if scheme in SCRIPT_SCHEMES else None


@dataclass(frozen=True)
class Verdict:
    """What one contact is, and what the reader should do."""

    verdict: str
    """One of :data:`VERDICT_NAMES`."""
    kind: str | None
    """``email``, ``phone``, ``host``, ``social``; ``None`` when nothing parsed."""
    value: str
    """The canonical value compared (``support@bitp.example``, ``+864000000123``, ...)."""
    channel: Channel | None = None
    """The matched channel (official or retired) or, for a lookalike, the one imitated."""
    scam: KnownScam | None = None
    """The matched known scam."""
    replacement: Channel | None = None
    """For a retired channel: the channel to use instead."""
    official: str = ""
    """For a lookalike: the official domain or handle imitated."""
    message: str = ""
    """A sentence in the requested language saying what it is and what to do."""


_PHONE_RE = re.compile(r"(?:tel:|callto:)?\s*\(?\+?[\d\s().\-/]{5,}")


def _judge(idx: decide.Index, text: str, region: str) -> decide.Judgement | None:
    lowered = text.lower()
    if lowered.startswith("mailto:") or re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", text):
        email = normalize.normalize_email(text)
        if email:
            return decide.judge_email(idx, email)
    if lowered.startswith(("tel:", "callto:")) or _PHONE_RE.fullmatch(text):
        # "(+86) 400 000 0123": the country code in brackets.
        text = re.sub(r"^\(\+(\d{1,3})\)", r"+\1", text)
        e164 = normalize.normalize_phone(text, region)
        if e164:
            national = re.sub(r"[^\d+]", "", text.split(":", 1)[-1])
            return decide.judge_phone(idx, e164, national)
    if " " not in text and ("." in text or "://" in text):
        j = decide.judge_url(idx, text)
        if j is not None:
            return j
    handle = text.lstrip("@")
    if re.fullmatch(r"[A-Za-z0-9_.\-]{2,64}", handle) and (
        text.startswith("@") or "." not in handle
    ):
        return decide.judge_social(idx, None, handle)
    # Free text such as "微信: bitp_kefu" or "support [at] bitp [dot] example".

    src = Source(text)
    for cand in detect_all(src.norm, region):
        if cand.kind == "wallet":
            continue
        if cand.kind == "url" and decide.userinfo_of(cand.text) is not None:
            return decide.Judgement("lookalike", "host", decide.host_of(cand.text) or cand.text)
        j = judge(idx, cand, region)
        if j is not None:
            return j
    return None


def classify(text: str, registry: Registry, lang: str = "zh") -> Verdict:
    """The verdict on one user-typed contact (URL, email, phone number or handle).

    Normalises like the guard: case, full-width characters, phone formats
    (a number without a country code is read as +86 for ``lang="zh"`` and
    +1 for ``en``, and also tried in the regions of the official numbers),
    ``t.me``/``telegram.me``, ``twitter.com``/``x.com``, trailing dots,
    ``mailto:``/``tel:``. The scheme is judged first: a link under any scheme
    but :data:`SAFE_SCHEMES` is ``unsafe``, never official.
    """

    idx = index_for(registry)
    region = normalize.DEFAULT_REGION.get(lang, "CN")
    cleaned = normalize.clean(text).strip().strip("<>\"'“”‘’「」").strip()
    scheme = unsafe_scheme(cleaned) if cleaned else None
    if scheme is not None:
        return _verdict("unsafe", "url", cleaned, lang, display=cleaned, scheme=scheme + ":")
    j = _judge(idx, cleaned, region) if cleaned else None
    if j is None:
        return _verdict("unknown", None, cleaned, lang, display=cleaned or text)
    verdict = j.verdict if j.verdict in VERDICT_NAMES else "unknown"
    if verdict == "unknown" and decide.userinfo_of(cleaned) is not None:
        verdict = "lookalike"
    replacement = None
    if verdict == "retired" and j.channel and j.channel.replaced_by:
        replacement = registry.channel(j.channel.replaced_by)
    return _verdict(verdict, j.kind, j.value, lang, j.channel, j.scam, replacement, j.official,
                    display=cleaned)  # fmt: skip


def _verdict(verdict: str, kind: str | None, value: str, lang: str, channel=None, scam=None,
             replacement=None, official: str = "", display: str = "",
             scheme: str = "") -> Verdict:  # fmt: skip
    lang = "zh" if lang == "zh" else "en"
    label = channel.label.get(lang) if channel else ""
    repl = replacement.label.get(lang) + f" ({replacement.value})" if replacement else "?"
    message = VERDICTS[verdict][lang].format(
        value=display or value,
        label=label,
        replacement=repl,
        official=official or label,
        scheme=scheme,
    )
    return Verdict(verdict, kind, value, channel, scam, replacement, official, message)
