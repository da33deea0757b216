"""Crypto wallet addresses. A help article never asks a reader to send funds
to an address, so any address in an article is a finding.

Bitcoin (base58 ``1``/``3`` and bech32 ``bc1``), Ethereum-style ``0x`` + 40 hex,
TRON ``T...``, Litecoin, Dogecoin, and XRP or Solana-style base58 when a
word like 地址/address/wallet introduces it. A 64-hex transaction hash is not
an address.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from helpcenter.guard.detectors.base import Candidate, anchors, line_windows

_B58 = "1-9A-HJ-NP-Za-km-z"
_END = r"(?![A-Za-z0-9_])"
# Each pattern starts with a literal or a small class, so the scan is fast;
# the left boundary is checked in code.
# The lookbehind right after the first character rejects a start inside a
# word at once, so these scans stay linear.
_WORD = r"(?<![A-Za-z0-9_].)"
PATTERNS = (
    ("eth", re.compile(r"0[xX](?<![A-Za-z0-9_]..)[0-9a-fA-F]{40}" + _END)),
    ("b58", re.compile(rf"[13TLMD]{_WORD}[{_B58}]{{25,34}}" + _END)),
    ("bech", re.compile(r"[bclt]" + _WORD + r"(?:c|b|tc)1[ac-hj-np-z02-9]{11,71}" + _END)),
)
_GATES = {"eth": ("0x", "0X"), "b58": None, "bech": ("bc1", "tb1", "ltc1")}
# First character -> lengths that address family uses (BTC 1/3, TRON T, LTC L/M, DOGE D).
_B58_SHAPES = {
    "1": lambda n: 26 <= n <= 35, "3": lambda n: 26 <= n <= 35, "T": lambda n: n == 34,
    "L": lambda n: 27 <= n <= 34, "M": lambda n: 27 <= n <= 34, "D": lambda n: n == 34,
}  # fmt: skip
CONTEXT_PATTERN = re.compile(rf"[{_B58}]{_WORD}[{_B58}]{{23,43}}" + _END)
# Substrings of the words (地址/address/wallet/...) that introduce a plain base58 address.
CONTEXT_WORDS = ("地址", "钱包", "ddress", "DDRESS", "allet", "ALLET", "SOL", "olana", "XRP")
_CONTEXT_RE_WORDS = ("地址", "钱包", "转账", "收款", "address", "wallet", "solana", "sol", "xrp")
_CONTEXT_RE = re.compile("|".join(_CONTEXT_RE_WORDS), re.IGNORECASE)


def _mixed(value: str) -> bool:
    """Random-looking: upper and lower case letters and digits (not a word or an id)."""
    return (
        any(c.isdigit() for c in value)
        and any(c.isupper() for c in value)
        and any(c.islower() for c in value)
    )


def _boundary(text: str, start: int) -> bool:
    return start == 0 or not (
        text[start - 1].isascii() and (text[start - 1].isalnum() or text[start - 1] == "_")
    )


def detect(text: str, region: str = "") -> Iterator[Candidate]:
    """Wallet addresses; ``value`` is the address."""
    seen: set[int] = set()
    for kind, pattern in PATTERNS:
        gate = _GATES[kind]
        if gate is not None and not any(g in text for g in gate):
            continue
        for m in pattern.finditer(text):
            value = m.group()
            if not _boundary(text, m.start()) or m.start() in seen:
                continue
            if kind == "bech" and (len(value) < 26 or not any(c.isdigit() for c in value[4:])):
                continue
            if kind == "b58" and not (_mixed(value) and _B58_SHAPES[value[0]](len(value))):
                continue
            seen.add(m.start())
            yield Candidate(m.start(), m.end(), "wallet", value, value)
    # XRP and Solana-style addresses are plain base58: only with a word such as
    # 地址/address/wallet just before them, so only lines holding such a word are scanned.
    for start, end in line_windows(text, anchors(text, CONTEXT_WORDS)):
        for m in CONTEXT_PATTERN.finditer(text, start, end):
            value = m.group()
            if m.start() in seen or not _mixed(value):
                continue
            line_start = text.rfind("\n", 0, m.start()) + 1
            if not _CONTEXT_RE.search(text, max(line_start, m.start() - 40), m.start()):
                continue
            seen.add(m.start())
            yield Candidate(m.start(), m.end(), "wallet", value, value)
