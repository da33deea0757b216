"""Which revision of its source a translation was made from.

A translation records, in its front matter, the content hash of the source
file it matches::

    ---
    title: Phone support
    source_hash: sha256:3f2a9c0d41b7
    ---

``source_hash`` is ``sha256:`` followed by the first 12 hex digits of the
SHA-256 of the source file (``docs/zh/<same path>``) as UTF-8, with line
endings normalised to ``\\n``. When the source changes, the hashes differ and
the translation is *stale*. After updating a translation, record the new
revision with ``python -m helpcenter translations --stamp [FILE ...]``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from helpcenter.checks.i18n import pages_by_language
from helpcenter.checks.i18n.frontmatter import parse_front_matter, set_field

FIELD = "source_hash"
"""The front matter field of a translation that holds its source's hash."""

HASH_RE = re.compile(r"^sha256:[0-9a-f]{12}$")
"""What a valid ``source_hash`` looks like."""

STATES = ("current", "stale", "untracked", "invalid", "missing")
"""Translation states: up to date; source changed since; no hash recorded; malformed
hash; no translation at all."""


def content_hash(text: str) -> str:
    """The ``source_hash`` value for a source file whose content is ``text``."""
    normalized = text.replace("\r\n", "\n").replace("\r", "\n")
    return "sha256:" + hashlib.sha256(normalized.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class TranslationState:
    """How one translated page relates to its source."""

    page: str
    """Path inside each language folder (``contact/phone.md``)."""
    lang: str
    """The translation's language."""
    source_lang: str
    """The source language."""
    state: str
    """One of :data:`STATES`."""
    recorded: str | None = None
    """The ``source_hash`` written in the translation, if any."""
    current: str | None = None
    """The hash of the source as it is now."""
    line: int = 1
    """Line of the ``source_hash`` field in the translation (1 when absent)."""

    @property
    def translation(self) -> str:
        """Docs-relative path of the translation."""
        return f"{self.lang}/{self.page}"

    @property
    def source(self) -> str:
        """Docs-relative path of the source."""
        return f"{self.source_lang}/{self.page}"

    def as_dict(self) -> dict[str, Any]:
        """JSON-able form, with the two paths spelled out."""
        return {**asdict(self), "translation": self.translation, "source": self.source}


def _field_line(text: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith(f"{FIELD}:"):
            return number
        if number > 1 and line.rstrip() in ("---", "..."):
            break
    return 1


def translation_states(
    docs_dir: Path,
    languages: tuple[str, ...],
    source_lang: str,
    *,
    pages: dict[str, set[str]] | None = None,
    read: Callable[[str], str] | None = None,
) -> list[TranslationState]:
    """The state of every translation of every source page, sorted by language and page.

    Pages whose front matter is broken are reported by the front matter check;
    here they count as ``untracked``. ``pages`` (see
    :func:`~helpcenter.checks.i18n.pages_by_language`) and ``read`` (docs-relative
    path to text) let a caller that has already listed and read the files
    share them.
    """
    if pages is None:
        pages = pages_by_language(docs_dir, languages)
    if read is None:

        def read(src: str) -> str:
            return (docs_dir / src).read_text(encoding="utf-8")

    states: list[TranslationState] = []
    for lang in languages:
        if lang == source_lang:
            continue
        for page in sorted(pages.get(source_lang, set())):
            current = content_hash(read(f"{source_lang}/{page}"))
            if page not in pages[lang]:
                states.append(TranslationState(page, lang, source_lang, "missing", None, current))
                continue
            text = read(f"{lang}/{page}")
            recorded = parse_front_matter(text).data.get(FIELD)
            line = _field_line(text)
            if recorded is None:
                state = "untracked"
            elif not isinstance(recorded, str) or not HASH_RE.match(recorded):
                state, recorded = "invalid", str(recorded)
            else:
                state = "current" if recorded == current else "stale"
            states.append(TranslationState(page, lang, source_lang, state, recorded, current, line))
    return states


def stamp(
    docs_dir: Path,
    languages: tuple[str, ...],
    source_lang: str,
    only: Iterable[str] | None = None,
) -> list[TranslationState]:
    """Record the current source hash in translations that lack it or record another.

    ``only`` limits the change to these docs-relative translation paths
    (``en/faq.md``). Returns the states that were changed (as they were
    before). Only the ``source_hash`` line of each file changes.
    """
    wanted = None if only is None else set(only)
    changed: list[TranslationState] = []
    for state in translation_states(docs_dir, languages, source_lang):
        if state.state in ("current", "missing"):
            continue
        if wanted is not None and state.translation not in wanted:
            continue
        path = docs_dir / state.translation
        text = path.read_text(encoding="utf-8")
        if parse_front_matter(text).error is not None:
            continue
        assert state.current is not None
        new_text = set_field(text, FIELD, state.current)
        with path.open("w", encoding="utf-8", newline="") as handle:
            handle.write(new_text)
        changed.append(state)
    return changed


def status_report(states: list[TranslationState]) -> dict[str, Any]:
    """The translation status as JSON-able data (``site/translation-status.json``)."""
    counts = {name: 0 for name in STATES}
    for state in states:
        counts[state.state] += 1
    return {
        "schema_version": 1,
        "counts": counts,
        "up_to_date": counts["current"] == len(states),
        "pages": [s.as_dict() for s in states],
    }
