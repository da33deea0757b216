"""The "is this official?" verifier: its embedded data and its Python twin.

The verifier page (``docs/*/verify.md``) answers in the reader's browser,
offline, from data written at build time by :func:`verifier_script`.
:func:`verdict` is the same decision in Python: the contact guard's
:func:`helpcenter.guard.verdict.classify`, with its judges
(:mod:`helpcenter.guard.decide`) and lookalike rules (:mod:`helpcenter.contacts.lookalike`);
``verify.js`` ports them.
``tests/vectors/verify.json`` holds the cases both implementations must
answer alike (``tests/test_verify.py`` runs them here,
``tests/browser/test_verifier.py`` in Chromium), so the two cannot drift.

A verdict is one of :data:`VERDICTS`:

- ``official``: an active registry channel, or a host on an official domain;
- ``retired``: it used to be official; the registry names its replacement;
- ``scam``: a known scam (or a host on a known scam domain);
- ``lookalike``: it imitates an official domain or handle;
- ``unsafe``: a link under a scheme no channel uses (``javascript:``, ``data:``,
  ``ftp:``...), whatever host follows: judged before anything else;
- ``unknown``: anything else; the reader should treat it as unofficial.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import phonenumbers
from phonenumbers import PhoneMetadata

from helpcenter.contacts import intro, lookalike, normalize
from helpcenter.guard import decide, scan
from helpcenter.guard.detectors import social
from helpcenter.guard.verdict import Verdict, classify
from helpcenter.registry.load import load_registry_cached
from helpcenter.registry.model import Channel, Registry

VERDICTS = ("official", "retired", "scam", "lookalike", "unsafe", "unknown")
"""Every verdict the verifier gives, in the order the page explains them."""

DATA_VERSION = 1
"""Version of the embedded data format (bumped when ``verify.js`` must change with it)."""

REPORT_CHANNEL = "security-email"
"""The channel the page tells readers to report scams and lookalikes to (when active)."""

QUOTES = "<>\"'“”‘’「」"
"""Quotes and brackets stripped from both ends of the input, as the guard does."""


# -- embedded data -------------------------------------------------------------


def _entries(table: dict[str, decide.Match]) -> dict[str, list[str | None]]:
    """``{canonical value: [status, channel id]}`` from one of the guard's index tables."""
    return {
        key: [match.status, match.channel.id if match.channel else None]
        for key, match in table.items()
    }


def _phone_codes() -> dict[str, Any]:
    """Per country calling code, what the page's phone parser needs from ``phonenumbers``.

    ``len``/``local``: possible lengths of the national number (everywhere /
    local dialling only); ``pat``: the national number pattern; ``npp``: the
    national prefix pattern (``0`` in China and the UK, ``1`` in the US). The
    page applies them the way ``phonenumbers.parse`` does.
    """
    out: dict[str, Any] = {}
    for code, regions in sorted(phonenumbers.COUNTRY_CODE_TO_REGION_CODE.items()):
        meta = PhoneMetadata.metadata_for_region_or_calling_code(code, regions[0])
        if meta is None or meta.general_desc is None:
            continue
        desc = meta.general_desc
        entry: dict[str, Any] = {
            "len": [n for n in desc.possible_length or () if n > 0],
            "local": [n for n in desc.possible_length_local_only or () if n > 0],
            "pat": desc.national_number_pattern or "",
        }
        if meta.national_prefix_for_parsing:
            entry["npp"] = meta.national_prefix_for_parsing
        out[str(code)] = entry
    return out


_NUMBER_TYPES = (
    "premium_rate", "toll_free", "shared_cost", "voip", "personal_number", "pager", "uan",
    "voicemail", "fixed_line", "mobile",
)  # fmt: skip


def _phone_types(regions: list[str]) -> dict[str, list[list[Any]]]:
    """Per country calling code of ``regions``, the number types ``phonenumbers`` validates.

    ``[[pattern, possible lengths], ...]`` over every region sharing the code
    (all of +1 for the US): a number is valid when one of them matches, as
    ``phonenumbers.is_valid_number`` decides. Codes left out are checked
    against the general pattern only.
    """
    out: dict[str, list[list[Any]]] = {}
    for code in sorted({PhoneMetadata.metadata_for_region(r).country_code for r in regions}):
        seen: list[list[Any]] = []
        for region in phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(code, ()):
            meta = PhoneMetadata.metadata_for_region(region)
            if meta is None:
                continue
            for name in _NUMBER_TYPES:
                desc = getattr(meta, name)
                if desc is None or not desc.national_number_pattern:
                    continue
                entry = [desc.national_number_pattern, list(desc.possible_length or ())]
                if entry not in seen:
                    seen.append(entry)
        out[str(code)] = seen
    return out


def _phone_region(region: str) -> dict[str, str]:
    """Country code and international dialling prefix pattern of ``region`` (CN: 86, 00)."""
    meta = PhoneMetadata.metadata_for_region(region)
    return {"cc": str(meta.country_code), "idd": meta.international_prefix or ""}


def _public_suffixes() -> dict[str, Any]:
    """The Public Suffix List as :func:`helpcenter.contacts.normalize.registrable_domain` reads it.

    ``rules``: multi-label rules grouped by last label (``{"uk": "ac co gov ..."}``);
    ``wild``/``exc``: the bases of wildcard rules and the exception rules.
    One-label rules are left out: a host matching none of the rules keeps
    its last two labels, which is what a one-label suffix gives too.
    """
    rules, wildcards, exceptions = normalize.suffix_rules()
    grouped: dict[str, list[str]] = {}
    for rule in rules:
        if "." in rule:
            head, _, tld = rule.rpartition(".")
            grouped.setdefault(tld, []).append(head)
    return {
        "rules": {tld: " ".join(sorted(heads)) for tld, heads in sorted(grouped.items())},
        "wild": sorted(wildcards),
        "exc": sorted(exceptions),
    }


def _display_value(channel: Channel) -> str:
    """The channel's value as a reader would type it (phones in international format)."""
    if channel.type == "phone":
        e164 = normalize.normalize_phone(channel.value, None)
        return normalize.format_phone(e164) if e164 else channel.value
    return channel.value


def _active(registry: Registry, channel_id: str) -> bool:
    channel = registry.channel(channel_id)
    return channel is not None and channel.active


def verifier_data(registry: Registry) -> dict[str, Any]:
    """Everything ``verify.js`` needs, as JSON-able data, built from ``registry``.

    The lookup tables are the contact guard's own index
    (:class:`helpcenter.guard.decide.Index`), keyed by canonical values
    (``support@bitp.example``, ``+864000000123``, ``telegram:bitp_official``,
    ``www.bitp.example``); the page derives the same keys from the input.
    """
    idx = scan.index_for(registry)
    channels = {
        c.id: {
            "type": c.type,
            "value": _display_value(c),
            "label": {"zh": c.label.zh, "en": c.label.en},
            "status": c.status,
            **({"replaced_by": c.replaced_by} if c.replaced_by else {}),
        }
        for c in registry.channels
    }
    regions = sorted(
        set(idx.phone_regions)
        | set(normalize.DEFAULT_REGION.values())
        | set(scan._FALLBACK_REGIONS)
    )
    return {
        "version": DATA_VERSION,
        "brand": idx.brand,
        "official_domains": list(idx.official_domains),
        "report_channel": REPORT_CHANNEL if _active(registry, REPORT_CHANNEL) else None,
        "allowed_domains": list(idx.allowed_domains),
        "channels": channels,
        "emails": _entries(idx.emails),
        "phones": _entries(idx.phones),
        "hosts": _entries(idx.hosts),
        "social": _entries(idx.social),
        "handles": _entries(idx.handles),
        "official_handles": idx.official_handles,
        "scam_domains": sorted(idx.scam_domains),
        "shorteners": sorted(decide.SHORTENERS),
        "platform_hosts": dict(normalize.PLATFORM_HOSTS),
        "path_prefixes": list(normalize._PATH_PREFIXES),
        "platform_words": {
            "words": dict(social.PLATFORM_WORDS),
            "ambiguous": sorted(social.AMBIGUOUS),
            "add": sorted(social.ADD_WORDS),
            # 薇信 bitpkf2026: words that introduce a handle without a separator
            "stand_in_words": sorted(social.STAND_IN_WORDS),
            # 球球 12345 个: a count, not a QQ number
            "count_after": social._COUNT_AFTER_RE.pattern,
            # 微信號 is 微信号: Traditional characters of those words, as the guard reads them
            "simplified": dict(social.NAMED_SIMPLIFIED),
            # 威信, 微❤, Q Q, Telegr@m: the stand-ins and filler the guard accepts
            **intro.verifier_table(),
        },
        "confusables": lookalike.CONFUSABLES,
        "confusable_sequences": [list(pair) for pair in lookalike._SEQUENCES],
        "phone": {
            "lang_regions": dict(normalize.DEFAULT_REGION),
            "registry_regions": list(idx.phone_regions),
            "fallback_regions": list(scan._FALLBACK_REGIONS),
            "regions": {r: _phone_region(r) for r in regions},
            "codes": _phone_codes(),
            "types": _phone_types(regions),
        },
        "public_suffixes": _public_suffixes(),
    }


def verifier_script(registry: Registry) -> str:
    """The data as a JavaScript file (``window.hcVerifyData = {...};``) for a ``<script src>``.

    ``<``, ``>`` and ``&`` are written as ``\\u003c``..., so no registry value
    can close a script element or open markup wherever the data is embedded.
    """
    text = json.dumps(verifier_data(registry), ensure_ascii=False, sort_keys=True)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):  # fmt: skip
        text = text.replace(char, escape)
    return f"/* Generated from data/channels.yml at build time. */\nwindow.hcVerifyData = {text};\n"


def verifier_script_for(registry_path: str) -> str:
    """:func:`verifier_script` of the registry file at ``registry_path``.

    The build's hook calls it with the registry's path.
    """
    return verifier_script(load_registry_cached(Path(registry_path)))


# -- the decision ----------------------------------------------------------------


def prepare(text: str) -> str:
    """The input as :func:`~helpcenter.guard.verdict.classify` reads it (cleaned, unquoted)."""
    return normalize.clean(text).strip().strip(QUOTES).strip()


def verdict(text: str, registry: Registry, lang: str = "zh") -> Verdict | None:
    """Judge one pasted contact (URL, email, phone number or handle) against ``registry``.

    The contact guard's :func:`helpcenter.guard.verdict.classify`, except that
    empty input (nothing left after :func:`prepare`) gets no verdict: ``None``.
    ``lang`` is the page language; it picks the region assumed for a phone
    number without a country code (``zh`` -> +86, ``en`` -> +1; the regions
    of the registry's own hotlines are tried too).
    """
    if not prepare(text):
        return None
    return classify(text, registry, lang)
