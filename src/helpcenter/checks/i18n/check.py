"""The translation checks, as :class:`~helpcenter.report.finding.Finding` objects.

- ``HC405`` front matter that is not valid YAML (any page);
- ``HC401`` a page without its counterpart in another language;
- ``HC402`` a page pair that does not show the same channels: the set of
  registry references (``<!-- hc:channel ID -->``, ``<!-- hc:channel-label ID -->``,
  ``<!-- hc:channels TYPE -->``, ``<!-- hc:contact-directory -->``) must be equal;
- ``HC403``/``HC404``/``HC406`` translations older than their source, without a
  recorded revision, or with a malformed one (report only, see
  :mod:`helpcenter.checks.i18n.rules`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from helpcenter.checks.i18n import pages_by_language
from helpcenter.checks.i18n.frontmatter import parse_front_matter
from helpcenter.checks.i18n.revision import TranslationState, translation_states
from helpcenter.checks.links.extract import prose_lines
from helpcenter.report.finding import Finding, display_path
from helpcenter.report.messages import catalog, language_name
from helpcenter.site.markers import CHANNEL_MARKERS, find_markers, marker


@dataclass(frozen=True)
class ChannelRef:
    """One channel reference in a page."""

    key: str
    """What is shown: a channel id, ``channels TYPE`` or ``contact-directory``."""
    line: int
    """1-based line of its first occurrence."""


def channel_refs(text: str) -> dict[str, ChannelRef]:
    """Channel references in ``text`` (outside code), by key, first occurrence kept.

    ``hc:channel X`` and ``hc:channel-label X`` both refer to channel ``X``.
    """
    refs: dict[str, ChannelRef] = {}
    for found in find_markers("\n".join(prose_lines(text, keep_comments=True))):
        if found.name not in CHANNEL_MARKERS:
            continue
        if found.name in ("channel", "channel-label"):
            key = found.arg
        elif found.name == "channels":
            key = f"channels {found.arg}"
        else:
            key = found.name
        if key and key not in refs:
            refs[key] = ChannelRef(key, found.line)
    return refs


class TranslationChecker:
    """Runs the translation checks over one ``docs_dir``."""

    def __init__(
        self,
        docs_dir: Path,
        languages: tuple[str, ...],
        source_lang: str,
        *,
        display_root: Path | None = None,
        lang: str = "en",
    ) -> None:
        self.docs_dir = docs_dir
        self.languages = languages
        self.source_lang = source_lang
        self.display_root = display_root
        self.lang = lang
        self._pages: dict[str, set[str]] | None = None
        self._texts: dict[str, str] = {}

    def pages(self) -> dict[str, set[str]]:
        """Pages per language (listed once per checker)."""
        if self._pages is None:
            self._pages = pages_by_language(self.docs_dir, self.languages)
        return self._pages

    def read(self, src: str) -> str:
        """The text of the docs-relative file ``src`` (read once per checker)."""
        text = self._texts.get(src)
        if text is None:
            text = self._texts[src] = (self.docs_dir / src).read_text(encoding="utf-8")
        return text

    def display(self, src: str) -> str:
        """How messages name the docs-relative file ``src``."""
        return display_path(self.docs_dir / src, self.display_root)

    def _lang_name(self, lang: str) -> str:
        return language_name(lang, self.lang)

    def _finding(self, src: str, line: int, code: str, value: str, **params: object) -> Finding:
        rule = catalog()[code]
        return Finding(
            path=self.display(src),
            line=line,
            column=1,
            rule=code,
            severity=rule.severity,
            value=value,
            message=rule.text(self.lang, value=value, **params),
        )

    def front_matter(self) -> list[Finding]:
        """``HC405`` for every Markdown file under ``docs_dir`` whose front matter is broken."""
        findings = []
        for path in sorted(self.docs_dir.rglob("*.md")):
            src = path.relative_to(self.docs_dir).as_posix()
            try:
                text = self.read(src)
            except (OSError, UnicodeDecodeError):
                continue
            fm = parse_front_matter(text)
            if fm.error is not None:
                line = text.splitlines()[fm.error_line - 1] if text.splitlines() else ""
                findings.append(
                    self._finding(src, fm.error_line, "HC405", line.strip(), problem=fm.error)
                )
        return findings

    def counterparts(self) -> list[Finding]:
        """``HC401`` for every page missing in another language."""
        pages = self.pages()
        findings = []
        for lang in self.languages:
            for page in sorted(pages[lang]):
                for other in self.languages:
                    if other == lang or page in pages[other]:
                        continue
                    findings.append(
                        self._finding(
                            f"{lang}/{page}",
                            1,
                            "HC401",
                            page,
                            path=self.display(f"{lang}/{page}"),
                            lang=self._lang_name(other),
                            missing=self.display(f"{other}/{page}"),
                        )
                    )
        return findings

    def channels(self) -> list[Finding]:
        """``HC402`` for every channel shown in one page of a pair but not the other."""
        pages = self.pages()
        findings = []
        source_pages = pages.get(self.source_lang, set())
        for lang in self.languages:
            if lang == self.source_lang:
                continue
            for page in sorted(source_pages & pages[lang]):
                src, dst = f"{self.source_lang}/{page}", f"{lang}/{page}"
                try:
                    src_refs = channel_refs(self.read(src))
                    dst_refs = channel_refs(self.read(dst))
                except (OSError, UnicodeDecodeError):
                    continue
                for has, lacks, refs, other_refs in (
                    (src, dst, src_refs, dst_refs),
                    (dst, src, dst_refs, src_refs),
                ):
                    for key in sorted(set(refs) - set(other_refs)):
                        value = self._describe(key)
                        # Reported on the translation: that is the file to fix in most cases.
                        findings.append(
                            self._finding(
                                dst,
                                refs[key].line if has == dst else 1,
                                "HC402",
                                value,
                                path=self.display(dst),
                                other=self.display(src),
                                has=self.display(has),
                                has_line=refs[key].line,
                                lacks=self.display(lacks),
                            )
                        )
        return findings

    @staticmethod
    def _describe(key: str) -> str:
        if key.startswith("channels "):
            return f"'{marker(*key.split(' ', 1))}'"
        if key in ("contact-directory", "support-channels"):
            return f"'{marker(key)}'"
        return f"channel '{key}'"

    def states(self) -> list[TranslationState]:
        """The revision state of every translation."""
        return translation_states(
            self.docs_dir, self.languages, self.source_lang, pages=self.pages(), read=self.read
        )

    def revisions(self, states: list[TranslationState] | None = None) -> list[Finding]:
        """``HC403``/``HC404``/``HC406`` for translations not known to match their source."""
        findings = []
        for state in states if states is not None else self.states():
            source = self.display(state.source)
            if state.state == "stale":
                findings.append(
                    self._finding(
                        state.translation,
                        state.line,
                        "HC403",
                        state.recorded or "",
                        source=source,
                        recorded=state.recorded,
                        current=state.current,
                    )
                )
            elif state.state == "untracked":
                findings.append(
                    self._finding(state.translation, state.line, "HC404", "", source=source)
                )
            elif state.state == "invalid":
                findings.append(
                    self._finding(state.translation, state.line, "HC406", state.recorded or "")
                )
        return findings

    def check_all(self) -> list[Finding]:
        """Every translation finding, sorted."""
        return sorted(
            self.front_matter() + self.counterparts() + self.channels() + self.revisions()
        )
