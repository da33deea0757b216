"""Detectors: one small module per kind of contact detail, registered here.

Each module is a :class:`~helpcenter.guard.detectors.base.Detector`: a
``detect(text, region)`` over the normalised view of a page (see
:mod:`helpcenter.guard.extract`) that yields
:class:`~helpcenter.guard.detectors.base.Candidate` objects. A detector only
*finds* things that look like contacts; :mod:`helpcenter.guard.decide`
judges them against the registry. A new detector is a module importing
only :mod:`~helpcenter.guard.detectors.base`, added to :data:`DETECTORS`.
"""

from __future__ import annotations

from helpcenter.guard.detectors import emails, phones, social, tables, urls, wallets
from helpcenter.guard.detectors.base import Candidate, Detector

DETECTORS: tuple[Detector, ...] = (emails, urls, social, phones, tables, wallets)
"""Every detector, in the order their candidates are collected."""

_PRIORITY = {"email": 0, "url": 1, "domain": 2, "handle": 3, "phone": 4, "wallet": 5}


def detect_all(text: str, region: str) -> list[Candidate]:
    """Every candidate in ``text``; one inside a larger candidate is dropped (wallets excepted)."""
    found: list[Candidate] = []
    for detector in DETECTORS:
        found.extend(detector.detect(text, region))
    if len(found) < 2:
        return found
    found.sort(key=lambda c: (c.start, -(c.end - c.start), _PRIORITY[c.kind]))
    kept: list[Candidate] = []
    cover_end = -1
    for cand in found:
        if cand.end <= cover_end and cand.kind != "wallet":
            continue
        if kept and cand.start < cover_end and cand.kind != "wallet":
            # Partial overlap: keep the earlier, larger one.
            continue
        kept.append(cand)
        cover_end = max(cover_end, cand.end)
    return kept
