"""URLs and bare domain names, including defanged and spelled-out forms.

``https://www.bitp.example/``, ``hxxps://evil[.]example`` (restored by the
normalised view), ``www.bitp.example``, ``bitp.example/download``,
``bitp点example``, ``tel:``/``mailto:`` links (judged as phones and emails)
and userinfo tricks (``https://bitp.example@evil.example/``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from helpcenter.contacts.normalize import normalize_host, public_suffix
from helpcenter.guard.detectors.base import Candidate, anchors, line_windows, near_windows

_L = r"A-Za-z0-9\u00c0-\u024f\u0370-\u052f"
_LABEL = rf"[{_L}](?:[{_L}-]{{0,61}}[{_L}])?"
_PATH = r"(?:[/?#][!#-;=?-~]*)?"  # printable ASCII except space, quotes, < and >

URL_RE = re.compile(
    r"(?<![A-Za-z0-9+.-])(?P<scheme>[hH][tT][tT][pP][sS]?|[fF][tT][pP]|[wW][sS][sS]?|tg)://"
    r"(?P<auth>[^\s/?#<>\"'`()\[\]\u3000-\u9fff\uff00-\uffef]{1,300})" + _PATH
)
TEL_RE = re.compile(
    r"(?<![A-Za-z0-9])(?P<scheme>tel|sms|callto|whatsapp):(?://)?"
    r"(?P<rest>\+?[0-9()\-. ]{5,30}[0-9])",
    re.I,
)
DOMAIN_RE = re.compile(
    # Not inside a word, an email, a path or a URL; after a colon only when the
    # colon follows no ASCII word ("官网：bitp.example" yes, "tel:x.example" no).
    rf"[{_L}](?<![{_L}@./_%+-].)(?<![A-Za-z0-9]:.)(?:[{_L}-]{{0,61}}[{_L}])?(?:\.{_LABEL})*"
    rf"\.(?P<tld>[A-Za-z\u00c0-\u024f\u0370-\u052f]{{2,24}}|xn--[a-z0-9-]{{2,59}})"
    rf"(?![{_L}_-]|\.[{_L}])(?P<path>(?::\d{{1,5}})?{_PATH})"
)
# A scheme-relative link target (``href="//evil.example/"``): the browser opens it.
SCHEME_RELATIVE_RE = re.compile(
    rf"(?<=[\"'(=\s])//(?P<host>{_LABEL}(?:\.{_LABEL})+)(?![{_L}_-])(?P<path>(?::\d{{1,5}})?{_PATH})"
)
_SCHEME_RELATIVE_ANCHOR = re.compile(r"//(?<=[\"'(=\s]//)")
SPELLED_RE = re.compile(rf"(?<![{_L}@./_-])(?P<host>{_LABEL}(?:[ \t]*点[ \t]*{_LABEL})+)(?![{_L}])")

RESERVED_TLDS = frozenset({"example", "test", "invalid", "localhost", "onion", "local", "internal"})
"""Special-use TLDs (RFC 2606, 6761) that the Public Suffix List does not carry."""

# Suffixes that are also common file extensions: "README.md", "setup.py" are
# file names in a help article, not domains (unless written with www./a path).
FILE_TLDS = frozenset(
    [
        "md",
        "py",
        "sh",
        "zip",
        "mov",
        "pl",
        "rs",
        "so",
        "cc",
        "gz",
        "js",
        "ts",
        "css",
        "kt",
        "go",
        "rb",
        "txt",
        "jpg",
        "png",
        "pdf",
    ]
)
# Proper names that look like domains.
NOT_DOMAINS = frozenset(
    {"asp.net", "vb.net", "ado.net", "node.js", "vue.js", "next.js", "e.g", "i.e"}
)


@lru_cache(maxsize=4096)
def known_suffix(host: str) -> bool:
    """Whether ``host`` ends in a public suffix (bundled list) or a special-use TLD."""
    tld = host.rsplit(".", 1)[-1].lower()
    if tld in RESERVED_TLDS:
        return True

    norm = normalize_host(host)
    if norm is None:
        return False
    suffix = public_suffix(norm)
    return bool(suffix) and norm != suffix


def _trim(url: str) -> str:
    """Drop trailing punctuation that belongs to the sentence, keeping balanced brackets.

    A URL shown as a Markdown link's text ends where the link's target starts:
    ``[t.me/a](https://t.me/b)`` is two contacts, not one URL with ``](`` in its path.
    """
    cut = url.find("](")
    if cut != -1:
        url = url[:cut]
    while url and url[-1] in ".,;:!?'\"*_~`":
        url = url[:-1]
    while url and url[-1] in ")]}":
        opener = {")": "(", "]": "[", "}": "{"}[url[-1]]
        if url.count(opener) >= url.count(url[-1]):
            break
        url = url[:-1]
        while url and url[-1] in ".,;:!?'\"*_~`":
            url = url[:-1]
    return url


_DOT_LETTER_RE = re.compile(r"\.[A-Za-z\u00c0-\u052f]")
TEL_ANCHORS = ("tel:", "Tel:", "TEL:", "sms:", "SMS:", "callto:", "whatsapp:", "WhatsApp:")


def detect(text: str, region: str = "") -> Iterator[Candidate]:
    """URLs (kind ``url``), ``tel:`` links (kind ``phone``) and bare domains (kind ``domain``)."""
    for start, end in line_windows(text, anchors(text, ("://",))):
        pos = start
        while (m := URL_RE.search(text, pos, end)) is not None:
            url = _trim(m.group())
            # Scan on after the trimmed URL: "[url](target)" holds a second one.
            pos = max(m.start() + len(url), m.start() + 1)
            if len(url) <= len(m.group("scheme")) + 3:
                continue
            yield Candidate(m.start(), m.start() + len(url), "url", url)
    scheme_relative = [m.start() for m in _SCHEME_RELATIVE_ANCHOR.finditer(text)]
    for start, end in line_windows(text, scheme_relative):
        for m in SCHEME_RELATIVE_RE.finditer(text, start, end):
            host = m.group("host")
            if not known_suffix(host):
                continue
            stop = m.start("path") + len(_trim(m.group("path")))
            yield Candidate(m.start("host"), stop, "domain", text[m.start("host") : stop])
    for start, end in line_windows(text, anchors(text, TEL_ANCHORS)):
        for m in TEL_RE.finditer(text, start, end):
            scheme = m.group("scheme").lower()
            kind = "phone" if scheme in ("tel", "sms", "callto") else "url"
            yield Candidate(m.start(), m.end(), kind, m.group(), m.group("rest"), strong=True)
    positions = [m.start() for m in _DOT_LETTER_RE.finditer(text)]
    for start, end in near_windows(text, positions):
        for m in DOMAIN_RE.finditer(text, start, end):
            host = text[m.start() : m.end("tld")]
            tld = m.group("tld").lower()
            lowered = host.lower()
            if lowered in NOT_DOMAINS or tld.isdigit():
                continue
            path = _trim(m.group("path"))
            if tld in FILE_TLDS and not (lowered.startswith("www.") or path):
                continue
            raw_tld = m.group("tld")
            if (
                host.count(".") == 1
                and raw_tld[0].isupper()
                and raw_tld[1:].islower()
                and (host.split(".")[0].islower() or host.split(".")[0].isupper())
            ):
                continue  # "the account.Please" is a missing space after a full stop
            if not known_suffix(host):
                continue
            stop = m.start("path") + len(path)
            yield Candidate(m.start(), stop, "domain", text[m.start() : stop])
    for start, end in line_windows(text, anchors(text, ("点",))):
        for m in SPELLED_RE.finditer(text, start, end):
            host = re.sub(r"[ \t]*点[ \t]*", ".", m.group("host"))
            tld = host.rsplit(".", 1)[-1]
            if tld.isdigit() or not tld.isalpha() or not known_suffix(host):
                continue
            yield Candidate(m.start(), m.end(), "domain", host)
