"""Lookalikes of official domains and handles: the shapes phishing takes.

A contact that is not official is already a finding; this module decides
whether it *imitates* an official one, which is worse (a lookalike cannot be
suppressed inline, and the verifier says "lookalike" rather than "unknown").

Signals, each cheap and offline:

* a confusable skeleton (after UTS 39: ``bitр.example`` with a Cyrillic ``р``,
  ``b1tp``, ``bltp``, ``rn`` for ``m``) equal to, or one edit from, an official one;
* edit distance on the registrable label (``bitpp.example``, ``btip.example``);
* the brand inside another domain (``bitp-support.example``, ``bitp.example.evil.test``);
* the same label under another suffix (``bitp.com`` for ``bitp.example``);
* punycode (``xn--``) or mixed scripts whose skeleton is close to an official name.

Public API (kept stable; the verifier uses it): :func:`lookalike_domain`,
:func:`lookalike_handle`, :func:`skeleton`, :func:`edit_distance`,
:data:`CONFUSABLES`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from helpcenter.contacts import normalize

# Characters that render like an ASCII letter or digit, mapped to the
# prototype that the skeleton uses. A curated subset of Unicode's
# confusables.txt (UTS 39) covering the scripts seen in phishing domains
# (Cyrillic, Greek, Armenian, Latin variants) plus the ASCII confusions of
# typosquatting (1/l/i/I, 0/o). The table is data so the verifier's
# JavaScript can embed the very same mapping.
CONFUSABLES: dict[str, str] = {
    # ASCII look-alikes
    "0": "o", "1": "l", "i": "l", "|": "l", "!": "l", "5": "s", "$": "s",
    "3": "e", "4": "a", "@": "a", "7": "t", "8": "b", "9": "g", "6": "b",
    # Latin variants
    "ı": "l", "ł": "l", "ɩ": "l", "ǀ": "l", "ƚ": "l", "ɑ": "a", "ɡ": "g", "ɢ": "g",
    "ƅ": "b", "ɓ": "b", "ƈ": "c", "ɗ": "d", "ḍ": "d", "ẹ": "e", "ḥ": "h",
    "ị": "l", "ḳ": "k", "ḷ": "l", "ṃ": "m", "ṇ": "n", "ọ": "o", "ø": "o", "ṛ": "r",
    "ṣ": "s", "ṭ": "t", "ụ": "u", "ṿ": "v", "ẉ": "w", "ỵ": "y", "ẓ": "z",
    "ʀ": "r", "ʏ": "y", "ᴀ": "a", "ᴄ": "c", "ᴅ": "d", "ᴇ": "e", "ᴊ": "j", "ᴋ": "k",
    "ᴍ": "m", "ᴏ": "o", "ᴘ": "p", "ᴛ": "t", "ᴜ": "u", "ᴠ": "v", "ᴡ": "w", "ᴢ": "z",
    # Cyrillic
    "а": "a", "в": "b", "ь": "b", "с": "c", "ԁ": "d", "е": "e", "ё": "e", "һ": "h",
    "і": "l", "ї": "l", "ӏ": "l", "ј": "j", "к": "k", "м": "m", "н": "h", "о": "o",
    "р": "p", "ԛ": "q", "г": "r", "ѕ": "s", "т": "t", "ц": "u", "ѵ": "v", "ԝ": "w",
    "х": "x", "у": "y", "з": "3", "ӡ": "3", "п": "n", "ш": "w", "щ": "w", "ү": "y",
    "ғ": "f", "ԍ": "g", "ɋ": "q",
    # Greek
    "α": "a", "β": "b", "ϲ": "c", "δ": "d", "ε": "e", "η": "n", "ι": "l", "κ": "k",
    "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "γ": "y", "ω": "w",
    "ϳ": "j", "ϝ": "f",
    # Armenian
    "օ": "o", "ս": "u", "ց": "g", "հ": "h", "ո": "n", "ք": "p", "զ": "q",
}  # fmt: skip
"""Character -> ASCII prototype (lower case) used by :func:`skeleton`."""

# Multi-letter confusions applied after the per-character map, longest first.
SEQUENCES = (("rn", "m"), ("vv", "w"), ("cl", "d"), ("nn", "m"))

_SEPARATORS_RE = re.compile(r"[-_.\s]+")


@lru_cache(maxsize=8192)
def skeleton(text: str) -> str:
    """A confusable skeleton of ``text``: equal skeletons read alike.

    NFKC, case-folded, diacritics stripped, each confusable character mapped to
    its prototype, then ``rn`` -> ``m`` and similar. ``BitP``, ``b1tp``,
    ``bіtр`` (Cyrillic) and ``bltp`` all give ``bltp``.
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    out = []
    for ch in text:
        mapped = CONFUSABLES.get(ch)
        if mapped is None:
            base = unicodedata.normalize("NFD", ch)[0]
            mapped = CONFUSABLES.get(base, base)
        out.append(mapped)
    result = "".join(out)
    for seq, proto in SEQUENCES:
        result = result.replace(seq, proto)
    return result


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Damerau-Levenshtein (optimal string alignment) distance, capped at ``limit + 1``."""
    if a == b:
        return 0
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return min(prev[-1], limit + 1)


def _close(a: str, b: str) -> bool:
    """Whether two names are one typo apart (two for long names)."""
    if not a or not b:
        return False
    if a == b:
        return True
    limit = 1 if max(len(a), len(b)) <= 7 else 2
    if min(len(a), len(b)) < 4:
        return False
    return edit_distance(a, b, limit) <= limit


def _scripts(text: str) -> set[str]:
    """The scripts of the letters in ``text`` (first word of the Unicode name)."""
    found = set()
    for ch in text:
        if ch.isalpha():
            if ch.isascii():
                found.add("LATIN")
            else:
                name = unicodedata.name(ch, "")
                found.add(name.split(" ", 1)[0] if name else "UNKNOWN")
    return found


def _split(host: str) -> tuple[str, str]:
    """``(label, suffix)`` of a host's registrable domain.

    ``help.bitp.example`` -> ``("bitp", "example")``.
    """
    reg = normalize.registrable_domain(host)
    label, _, suffix = reg.partition(".")
    return label, suffix


def lookalike_domain(host: str, official_domains: Sequence[str], brand: str = "") -> str | None:
    """The official domain that ``host`` imitates, or ``None``.

    ``host`` may be written any way (Unicode, ``xn--``, upper case, trailing
    dot). A host that *is* official (the domain or a subdomain) is not a
    lookalike and gives ``None``; so does an unrelated host.
    """
    norm = normalize.normalize_host(host)
    if norm is None or not official_domains:
        return None
    if any(normalize.is_subdomain_of(norm, d) for d in official_domains):
        return None
    uni = normalize.host_to_unicode(norm).casefold()
    label, suffix = _split(norm)
    uni_label = normalize.host_to_unicode(label).casefold() if label.startswith("xn--") else label
    all_labels = [normalize.host_to_unicode(part).casefold() for part in norm.split(".")]
    brand_sk = skeleton(brand) if brand else ""
    for official in official_domains:
        off_label, off_suffix = _split(official)
        off_sk = skeleton(off_label)
        # Same name under another suffix: bitp.com for bitp.example.
        if label == off_label and suffix != off_suffix:
            return official
        # Confusable skeleton equal or one typo away (Cyrillic р, b1tp, bitpp).
        sk = skeleton(uni_label)
        if sk == off_sk or _close(label, off_label) or _close(sk, off_sk):
            return official
        # The official name or brand inside another domain, as a whole label
        # or a hyphen/underscore-separated part, or glued to a word:
        # bitp-support.example, bitp.example.evil.test, mybitp.example.
        for part in all_labels:
            part_sk = skeleton(part)
            pieces = [p for p in _SEPARATORS_RE.split(part_sk) if p]
            for needle in {off_sk, brand_sk} - {""}:
                if needle in pieces or (len(needle) >= 4 and needle in part_sk):
                    return official
                if any(_close(p, needle) for p in pieces if len(p) >= 4):
                    return official
        # Punycode or mixed scripts close to an official name.
        if ("xn--" in norm or len(_scripts(uni)) > 1) and edit_distance(sk, off_sk, 2) <= 2:
            return official
    return None


def lookalike_handle(handle: str, official_handles: Sequence[str], brand: str = "") -> str | None:
    """The official handle that ``handle`` imitates, or ``None``.

    Compares case-folded handles without ``@``: a confusable skeleton, one or
    two typos, separators changed (``bitp.official`` for ``bitp_official``),
    the official handle with words added (``bitp_official_support``), or the
    brand inside it (``bitp_admin_help``). An official handle gives ``None``.
    """
    h = unicodedata.normalize("NFKC", handle).strip().lstrip("@").casefold()
    officials = [o.strip().lstrip("@").casefold() for o in official_handles if o]
    if not h or h in officials:
        return None
    h_sk = skeleton(h)
    h_flat = _SEPARATORS_RE.sub("", h_sk)
    brand_flat = _SEPARATORS_RE.sub("", skeleton(brand)) if brand else ""
    for official in officials:
        o_sk = skeleton(official)
        o_flat = _SEPARATORS_RE.sub("", o_sk)
        if h_sk == o_sk or h_flat == o_flat or _close(h, official) or _close(h_flat, o_flat):
            return official
        if len(o_flat) >= 5 and o_flat in h_flat:
            return official
    if brand_flat and len(brand_flat) >= 3 and brand_flat in h_flat and officials:
        return officials[0]
    return None
