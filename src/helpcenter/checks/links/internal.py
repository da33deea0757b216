"""Check every link in the articles of both languages, with file and line.

MkDocs validates links inside one language build, but its messages carry no
line number, and it cannot see across languages: static-i18n builds each
language on its own and silently rewrites ``../zh/faq.md`` in an English page
to the English FAQ. This checker reads the sources of all languages at once:

- relative links to pages or files that do not exist (``HC301``), with the
  i18n fallback taken into account (an English link to a page that only
  exists in Chinese is served, with a notice, and reported by the
  translation check instead);
- anchors missing in the target page (``HC302``), computed by rendering the
  target with the site's Markdown extensions;
- external links to hosts that are neither official nor allowed (``HC303``),
  and schemes such as ``javascript:`` (``HC304``);
- links that cross languages (``HC305``) and absolute paths (``HC306``), which
  break under a subpath or when the site is opened from files.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from helpcenter.checks.links.extract import Link, extract_links, front_matter_lines
from helpcenter.checks.links.policy import external_host_allowed
from helpcenter.contacts.normalize import split_url
from helpcenter.registry.model import Registry
from helpcenter.report.finding import Finding, display_path
from helpcenter.report.messages import catalog, language_name

DEFAULT_EXTENSIONS: tuple[str, ...] = ("toc", "attr_list", "md_in_html", "tables", "admonition")
"""Markdown extensions used to compute anchors when the caller does not pass the site's."""

_CONTACT_SCHEMES = ("mailto", "tel", "sms")  # the contact guard judges these
_WEB_SCHEMES = ("http", "https")


class _IdCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and (name == "id" or (tag == "a" and name == "name")):
                self.ids.add(value)


def html_ids(html: str) -> set[str]:
    """Every ``id`` (and ``<a name>``) in an HTML fragment."""
    parser = _IdCollector()
    parser.feed(html)
    parser.close()
    return parser.ids


@dataclass
class AnchorIndex:
    """Anchors of each page, computed on demand by rendering its Markdown."""

    docs_dir: Path
    extensions: Sequence[Any] = DEFAULT_EXTENSIONS
    extension_configs: Mapping[str, Any] = field(default_factory=dict)
    _cache: dict[str, set[str] | None] = field(default_factory=dict)
    _md: Any = None

    def anchors(self, src: str) -> set[str] | None:
        """Ids in the rendered page ``src`` (docs-relative); ``None`` if it cannot be rendered."""
        if src not in self._cache:
            self._cache[src] = self._render(src)
        return self._cache[src]

    def _render(self, src: str) -> set[str] | None:
        import markdown

        try:
            text = (self.docs_dir / src).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        lines = text.splitlines()
        body = "\n".join(lines[front_matter_lines(lines) :])
        try:
            # One converter for every page, reset in between, as Python-Markdown
            # advises: setting up the extensions costs more than a page.
            if self._md is None:
                self._md = markdown.Markdown(
                    extensions=list(self.extensions),
                    extension_configs=dict(self.extension_configs),
                )
            md, self._md = self._md, None  # a failed page leaves its converter behind
            ids = html_ids(md.reset().convert(body))
            self._md = md
            return ids
        except Exception:  # noqa: BLE001 - a third-party extension failing must not stop the check
            return None


@dataclass(frozen=True)
class DocsLayout:
    """Where each language's articles live and how their URLs look."""

    docs_dir: Path
    """The MkDocs ``docs_dir``."""
    languages: tuple[str, ...]
    """Language folders under ``docs_dir`` (:class:`~helpcenter.site.languages.SiteLanguages`)."""
    default: str
    """The language served at the site root."""

    def language_of(self, src: str) -> str | None:
        """The language folder ``src`` (docs-relative) lives in, or ``None`` for shared files."""
        head = src.split("/", 1)[0]
        return head if head in self.languages and "/" in src else None

    def files(self) -> set[str]:
        """Every file under ``docs_dir``, docs-relative with ``/`` separators."""
        return {
            p.relative_to(self.docs_dir).as_posix() for p in self.docs_dir.rglob("*") if p.is_file()
        }


def _page_candidates(target: str) -> list[str]:
    """Docs-relative source candidates for a link target (``x.html`` -> ``x.md``, dirs -> index)."""
    if target in ("", "."):
        return ["index.md"]
    if target.endswith("/"):
        return [target + "index.md"]
    stem, ext = posixpath.splitext(target)
    if ext == ".md":
        return [target]
    if ext == ".html":
        return [stem + ".md"]
    if ext == "":
        return [target + ".md", target + "/index.md"]
    return [target]


def _similar(anchor: str, ids: Iterable[str]) -> str | None:
    import difflib

    matches = difflib.get_close_matches(anchor, sorted(ids), n=1, cutoff=0.6)
    return matches[0] if matches else None


class LinkChecker:
    """Checks the links of the Markdown sources under one :class:`DocsLayout`."""

    def __init__(
        self,
        layout: DocsLayout,
        *,
        registry: Registry | None = None,
        anchors: AnchorIndex | None = None,
        display_root: Path | None = None,
        registry_name: str = "data/channels.yml",
        lang: str = "en",
    ) -> None:
        self.layout = layout
        self.registry = registry
        self.anchors = anchors or AnchorIndex(layout.docs_dir)
        self.display_root = display_root
        self.registry_name = registry_name
        self.lang = lang
        self._files = layout.files()

    # -- reporting -------------------------------------------------------------------------
    def _display(self, src: str) -> str:
        return display_path(self.layout.docs_dir / src, self.display_root)

    def _finding(self, src: str, link: Link, code: str, **params: object) -> Finding:
        rule = catalog()[code]
        return Finding(
            path=self._display(src),
            line=link.line,
            column=link.column,
            rule=code,
            severity=rule.severity,
            value=link.url,
            message=rule.text(self.lang, value=link.url, **params),
        )

    def _lang_name(self, lang: str) -> str:
        return language_name(lang, self.lang)

    # -- checking --------------------------------------------------------------------------
    def check_all(self, sources: Iterable[str] | None = None) -> list[Finding]:
        """Findings for every ``.md`` file (or just ``sources``, docs-relative), sorted."""
        if sources is None:
            sources = sorted(f for f in self._files if f.endswith(".md"))
        findings: list[Finding] = []
        for src in sources:
            try:
                text = (self.layout.docs_dir / src).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue  # unreadable files are reported by the build itself
            findings.extend(self.check_text(src, text))
        return sorted(findings)

    def check_text(self, src: str, text: str) -> list[Finding]:
        """Findings for the links in ``text``, the content of ``src`` (docs-relative)."""
        findings: list[Finding] = []
        for link in extract_links(text):
            findings.extend(self._check_link(src, link))
        return findings

    def _check_link(self, src: str, link: Link) -> list[Finding]:
        url = link.url
        try:
            parts = urlsplit(url)
        except ValueError:
            return [self._finding(src, link, "HC301", target=url)]
        scheme = parts.scheme.lower()
        if scheme in _CONTACT_SCHEMES:
            return []
        if scheme in _WEB_SCHEMES or (not scheme and url.startswith("//")):
            return self._check_external(src, link)
        if scheme:
            return [self._finding(src, link, "HC304", scheme=scheme)]
        path, fragment = unquote(parts.path), unquote(parts.fragment)
        if path.startswith("/"):
            return self._check_absolute(src, link, path, fragment)
        if not path:
            return self._check_anchor(src, link, src, fragment) if fragment else []
        return self._check_relative(src, link, path, fragment)

    def _check_external(self, src: str, link: Link) -> list[Finding]:
        if self.registry is None:
            return []
        parts = split_url(link.url)
        host = parts[0] if parts else link.url
        if parts is not None and external_host_allowed(host, self.registry):
            return []
        return [self._finding(src, link, "HC303", host=host, registry=self.registry_name)]

    def _resolve_page(self, src: str, target: str) -> str | None:
        """The docs file a docs-relative ``target`` serves, following the i18n fallback."""
        lang = self.layout.language_of(src)
        for candidate in _page_candidates(target):
            if candidate in self._files:
                return candidate
            # static-i18n serves the default language's file when a translation is missing
            # (reported as HC401), and shared files from the docs root.
            cand_lang = self.layout.language_of(candidate)
            if cand_lang is not None and cand_lang == lang and lang != self.layout.default:
                rest = candidate.split("/", 1)[1]
                fallback = f"{self.layout.default}/{rest}"
                if fallback in self._files:
                    return fallback
                if rest in self._files and not rest.endswith(".md"):
                    return rest
        return None

    def _check_relative(self, src: str, link: Link, path: str, fragment: str) -> list[Finding]:
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(src), path))
        if path.endswith("/") and not joined.endswith("/"):
            joined += "/"
        if joined.startswith("../") or joined == "..":
            return [self._finding(src, link, "HC301", target=joined)]
        resolved = self._resolve_page(src, joined)
        if resolved is None:
            return [self._finding(src, link, "HC301", target=_page_candidates(joined)[0])]
        findings: list[Finding] = []
        src_lang = self.layout.language_of(src)
        target_lang = self.layout.language_of(_page_candidates(joined)[0])
        if src_lang and target_lang and src_lang != target_lang and resolved.endswith(".md"):
            own = f"{src_lang}/{_page_candidates(joined)[0].split('/', 1)[1]}"
            suggestion = posixpath.relpath(own, posixpath.dirname(src))
            findings.append(
                self._finding(
                    src,
                    link,
                    "HC305",
                    target=resolved,
                    lang=self._lang_name(src_lang),
                    target_lang=self._lang_name(target_lang),
                    suggestion=suggestion + (f"#{fragment}" if fragment else ""),
                )
            )
        if fragment and resolved.endswith(".md"):
            findings.extend(self._check_anchor(src, link, resolved, fragment))
        return findings

    def _site_path_to_source(self, path: str) -> str:
        """The docs-relative candidate target of a site-absolute path (``/en/faq.html``)."""
        rest = path.lstrip("/")
        head = rest.split("/", 1)[0]
        if head in self.layout.languages and head != self.layout.default:
            return rest if "/" in rest else rest + "/"
        return f"{self.layout.default}/{rest}"

    def _check_absolute(self, src: str, link: Link, path: str, fragment: str) -> list[Finding]:
        target = self._site_path_to_source(path)
        resolved = self._resolve_page(src, target)
        own = _page_candidates(target)[0]
        suggestion = posixpath.relpath(own, posixpath.dirname(src))
        if own.endswith(".md") and self.layout.language_of(own):
            src_lang = self.layout.language_of(src)
            if src_lang and self.layout.language_of(own) != src_lang:
                suggestion = posixpath.relpath(
                    f"{src_lang}/{own.split('/', 1)[1]}", posixpath.dirname(src)
                )
        if fragment:
            suggestion += f"#{fragment}"
        findings = [self._finding(src, link, "HC306", suggestion=suggestion)]
        if resolved is None:
            findings.append(self._finding(src, link, "HC301", target=own))
        elif fragment and resolved.endswith(".md"):
            findings.extend(self._check_anchor(src, link, resolved, fragment))
        return findings

    def _check_anchor(self, src: str, link: Link, target: str, anchor: str) -> list[Finding]:
        ids = self.anchors.anchors(target)
        if ids is None or anchor in ids:
            return []
        near = _similar(anchor, ids)
        if self.lang == "zh":
            suggestion = f"(是否想写 '#{near}'?)" if near else ""
        else:
            suggestion = f" (did you mean '#{near}'?)" if near else ""
        return [
            self._finding(
                src,
                link,
                "HC302",
                target=self._display(target),
                anchor=anchor,
                suggestion=suggestion,
            )
        ]


def check_links(
    docs_dir: str | Path,
    *,
    languages: Sequence[str],
    default: str,
    registry: Registry | None = None,
    markdown_extensions: Sequence[Any] = DEFAULT_EXTENSIONS,
    extension_configs: Mapping[str, Any] | None = None,
    display_root: Path | None = None,
    registry_name: str | None = None,
    lang: str = "en",
) -> list[Finding]:
    """Every link problem in the articles under ``docs_dir`` (see the module docstring).

    ``display_root``: paths in messages are relative to it; ``registry_name``:
    how messages name the registry file (default: its path).
    """
    docs = Path(docs_dir)
    layout = DocsLayout(docs, tuple(languages), default)
    anchors = AnchorIndex(docs, markdown_extensions, dict(extension_configs or {}))
    checker = LinkChecker(
        layout,
        registry=registry,
        anchors=anchors,
        display_root=display_root,
        registry_name=registry_name or _registry_name(registry, display_root),
        lang=lang,
    )
    return checker.check_all()


def _registry_name(registry: Registry | None, root: Path | None) -> str:
    if registry is None:
        return "data/channels.yml"
    return display_path(Path(registry.path), root)


def check_site_links(
    docs_dir: str,
    registry: Registry | None,
    languages: tuple[str, ...],
    default: str,
    markdown_extensions: list[Any],
    extension_configs: dict[str, Any],
    registry_name: str,
) -> list[Finding]:
    """:func:`check_links` as the build runs it, from plain arguments.

    ``registry`` is ``None`` when it has problems (the registry check reports
    them).
    """
    return check_links(
        docs_dir,
        languages=languages,
        default=default,
        registry=registry,
        markdown_extensions=markdown_extensions,
        extension_configs=extension_configs,
        display_root=Path(docs_dir),
        registry_name=registry_name,
    )
