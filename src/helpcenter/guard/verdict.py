"""The verdict on one contact a reader typed: the verifier's Python side.

The verifier page's JavaScript implements the same rules; the shared test
vectors keep the two from drifting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from helpcenter import normalize
from helpcenter.guard import decide
from helpcenter.guard.rules import VERDICTS

if TYPE_CHECKING:
    from helpcenter.registry import Channel, KnownScam, Registry

VERDICT_NAMES = ("official", "retired", "scam", "lookalike", "unknown")
"""Every verdict :func:`classify` returns."""


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
    from helpcenter.guard.detectors import detect_all
    from helpcenter.guard.extract import Source
    from helpcenter.guard.scan import judge

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
    ``mailto:``/``tel:``.
    """
    from helpcenter.guard.scan import index_for

    idx = index_for(registry)
    region = normalize.DEFAULT_REGION.get(lang, "CN")
    cleaned = normalize.clean(text).strip().strip("<>\"'“”‘’「」").strip()
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
             replacement=None, official: str = "", display: str = "") -> Verdict:  # fmt: skip
    lang = "zh" if lang == "zh" else "en"
    label = channel.label.get(lang) if channel else ""
    repl = replacement.label.get(lang) + f" ({replacement.value})" if replacement else "?"
    message = VERDICTS[verdict][lang].format(
        value=display or value, label=label, replacement=repl, official=official or label
    )
    return Verdict(verdict, kind, value, channel, scam, replacement, official, message)
