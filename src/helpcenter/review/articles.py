"""What a change does to the contact details and channel references of articles."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from helpcenter.guard import scan
from helpcenter.guard.detectors import detect_all
from helpcenter.guard.extract import Source, structure
from helpcenter.review.model import (
    Contact,
    ContactChange,
    ContactFinder,
    ReferenceChange,
)
from helpcenter.site.markers import TAKES_ARGUMENT, find_markers

if TYPE_CHECKING:
    from helpcenter.registry.model import Registry


def channel_references(text: str) -> list[tuple[int, str, str]]:
    """``(line, marker, target)`` of every channel marker in ``text``."""
    return [
        (m.line, m.name, m.arg)
        for m in find_markers(text)
        if m.name in TAKES_ARGUMENT and len(m.args) == 1
    ]


def _multiset_diff(old: list[Any], new: list[Any], key: Callable[[Any], Any]) -> tuple[list, list]:
    """Items of ``new`` beyond ``old``'s count of their key, and the reverse."""
    old_count = Counter(key(x) for x in old)
    new_count = Counter(key(x) for x in new)
    added, seen = [], Counter()
    for item in new:
        seen[key(item)] += 1
        if seen[key(item)] > old_count[key(item)]:
            added.append(item)
    removed, seen = [], Counter()
    for item in old:
        seen[key(item)] += 1
        if seen[key(item)] > new_count[key(item)]:
            removed.append(item)
    return added, removed


def diff_article(
    path: str, old_text: str | None, new_text: str | None, find_contacts: ContactFinder
) -> tuple[list[ContactChange], list[ReferenceChange]]:
    """Contacts and channel references added to or removed from one article."""
    old_contacts = find_contacts(old_text, path) if old_text is not None else []
    new_contacts = find_contacts(new_text, path) if new_text is not None else []
    added, removed = _multiset_diff(old_contacts, new_contacts, key=lambda c: c.key)
    contacts = [ContactChange(path, "added", c) for c in added]
    contacts += [ContactChange(path, "removed", c) for c in removed]
    old_refs = channel_references(old_text or "")
    new_refs = channel_references(new_text or "")
    added_refs, removed_refs = _multiset_diff(old_refs, new_refs, key=lambda r: r[1:])
    refs = [ReferenceChange(path, "added", *r) for r in added_refs]
    refs += [ReferenceChange(path, "removed", *r) for r in removed_refs]
    return contacts, refs


def no_contacts(text: str, path: str) -> list[Contact]:
    return []


def guard_contact_finder(registry: Registry) -> ContactFinder:
    """A :data:`ContactFinder` that lists what the contact guard sees, official or not.

    The guard itself reports only problems; a reviewer also wants to see
    official contacts come and go, so this walks the guard's extraction and
    verdicts for every candidate (registry markers excepted, as in the guard).
    """
    index = scan.index_for(registry)

    def find(text: str, path: str) -> list[Contact]:
        region = scan.region_for(path)
        src = Source(text)
        st = structure(src)
        links = scan.LinkTargets(src, st)
        out: list[Contact] = []
        for cand in detect_all(src.norm, region):
            if any(s <= cand.start < e for s, e in st.markers):
                continue
            if cand.kind == "domain" and links.relative(cand):
                continue  # a relative link such as "contact/email.md"
            start = src.orig(cand.start)
            line, column = src.line_col(start)
            written = src.text[start : src.orig_end(cand.end)]
            if cand.kind == "wallet":
                out.append(
                    Contact(line, column, "wallet", written, f"wallet:{cand.text}", "wallet")
                )
                continue
            judgement = scan.judge(index, cand, region)
            if judgement is None:
                continue
            bare_word = cand.kind == "handle" and cand.platform is None and not cand.strong
            if bare_word and judgement.verdict == "unknown":
                continue  # an @word with no contact word nearby, as in the guard
            if judgement.kind == "host":
                key = "url:" + cand.text.lower().rstrip("/.")
                kind = "website"
            else:
                key = f"{judgement.kind}:{judgement.value}"
                kind = judgement.kind
            out.append(Contact(line, column, kind, written, key, judgement.verdict))
        return out

    return find
