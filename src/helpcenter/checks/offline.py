"""Make the built site work from ``file://`` with no network (MkDocs-free).

- The theme's search worker needs a Worker shim on ``file://`` (the theme
  would load it from a public CDN), and its code must reach the page as text
  for the ``blob:`` worker: both depend on the theme's internals and live in
  :mod:`helpcenter.theme.search_start`.
- :func:`external_references` lists every resource a built page would load
  from the network (``<script src>``, stylesheet/icon ``<link href>``,
  ``<img src>``, CSS ``url()``), so a build or a test can refuse them.
- :class:`BuildCheck` does the same while a site is built, without reading
  every page back: the HTML each page adds (its content) is checked in full,
  the theme's output once per template and language, and every other HTML
  and CSS file at the end. Only the navigation differs between pages of one
  template, and a navigation link loads nothing; ``helpcenter build`` (``make
  site``) still runs :func:`external_references` over the finished site.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path


class OfflineError(RuntimeError):
    """A page would load something from the network."""


@dataclass(frozen=True, order=True)
class ExternalReference:
    """A resource a page loads from outside the site."""

    path: str
    """Site-relative file that references it."""
    line: int
    """1-based line of the reference."""
    url: str
    """The external address."""

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: loads {self.url} from the network"


_EXTERNAL = re.compile(r"(?i)^\s*(https?:|wss?:|ftp:|//)")
_LOADING_RELS = {
    "stylesheet",
    "icon",
    "shortcut",
    "apple-touch-icon",
    "preload",
    "prefetch",
    "modulepreload",
    "manifest",
    "preconnect",
    "dns-prefetch",
}
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)""", re.IGNORECASE)
_CSS_IMPORT = re.compile(r"""@import\s+['"]([^'"]+)""", re.IGNORECASE)


class _ResourceParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        line = self.getpos()[0]
        urls: list[str] = []
        if tag in {"script", "img", "iframe", "embed", "source", "audio", "video", "track"}:
            urls.append(a.get("src", ""))
            urls.extend(part.split()[0] for part in a.get("srcset", "").split(",") if part.strip())
        if tag == "video":
            urls.append(a.get("poster", ""))
        if tag == "object":
            urls.append(a.get("data", ""))
        if tag == "link" and _LOADING_RELS & set(a.get("rel", "").lower().split()):
            urls.append(a.get("href", ""))
        if "style" in a:
            urls.extend(_CSS_URL.findall(a["style"]))
        self.found.extend((line, u) for u in urls if u and _EXTERNAL.match(u))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            line = self.getpos()[0]
            for u in _CSS_URL.findall(data) + _CSS_IMPORT.findall(data):
                if _EXTERNAL.match(u):
                    self.found.append((line, u))


def _css_refs(text: str) -> list[tuple[int, str]]:
    found = []
    for pattern in (_CSS_URL, _CSS_IMPORT):
        for m in pattern.finditer(text):
            if _EXTERNAL.match(m.group(1)):
                found.append((text.count("\n", 0, m.start()) + 1, m.group(1)))
    return found


# A cheap first pass that over-approximates what _ResourceParser finds: a page
# can load something from the network only through a loading tag or a CSS
# url()/@import holding an absolute address. Most pages have none, and the
# pure-Python HTML parser is then skipped (it cost half of a large build).
_ATTRS = r"""(?:"[^"]*"|'[^']*'|[^'">])*"""
_LOADING_TAG = re.compile(
    r"<(?:script|img|iframe|embed|source|audio|video|track|object|link)\b" + _ATTRS + ">",
    re.IGNORECASE,
)
_ABSOLUTE = re.compile(r"(?i)(?:https?:|wss?:|ftp:|//)")
_REL = re.compile(r"""(?i)\brel\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
# CSS functions and at-rules are ASCII case-insensitive (URL(, @IMPORT). A
# case-insensitive search of the whole page is slow; the literal "(" and "@"
# are found fast and are few, so each is looked at instead.
_PAREN = re.compile(r"\(")
_AT = re.compile("@")
_ABSOLUTE_ARG = re.compile(r"""(?i)\s*['"]?\s*(?:https?:|wss?:|ftp:|//)""")


def _css_may_load(html: str) -> bool:
    for match in _PAREN.finditer(html):
        start = match.start()
        if html[max(0, start - 3) : start].lower() == "url" and _ABSOLUTE_ARG.match(
            html, start + 1
        ):
            return True
    return any(html[m.end() : m.end() + 6].lower() == "import" for m in _AT.finditer(html))


def may_load_external(html: str) -> bool:
    """Whether ``html`` might load a network resource (never ``False`` when it does)."""
    if _css_may_load(html):
        return True
    for match in _LOADING_TAG.finditer(html):
        tag = match.group(0)
        if not _ABSOLUTE.search(tag):
            continue
        if tag[1:5].lower() != "link":
            return True
        rel = _REL.search(tag)
        rels = set((rel and "".join(g or "" for g in rel.groups()) or "").lower().split())
        if rels & _LOADING_RELS:
            return True
    return False


def html_references(html: str) -> list[tuple[int, str]]:
    """``(line, address)`` of every network resource ``html`` would load."""
    if not may_load_external(html):
        return []
    parser = _ResourceParser()
    parser.feed(html)
    parser.close()
    return parser.found


def external_references(site_dir: Path, skip: Iterable[str] = ()) -> list[ExternalReference]:
    """Every network resource referenced by the site's HTML and CSS files.

    ``skip``: site-relative paths (``en/faq.html``) already checked.
    """
    skipped = set(skip)
    refs: list[ExternalReference] = []
    for path in sorted(site_dir.rglob("*")):
        if path.suffix not in {".html", ".css"} or not path.is_file():
            continue
        rel = path.relative_to(site_dir).as_posix()
        if rel in skipped:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        found = _css_refs(text) if path.suffix == ".css" else html_references(text)
        refs.extend(ExternalReference(rel, line, url) for line, url in found)
    return sorted(refs)


def describe(refs: list[ExternalReference], shown: int = 20) -> str:
    """The message that stops a build: the first ``shown`` references, and how many more."""
    lines = "\n  ".join(str(r) for r in refs[:shown])
    more = f"\n  ... and {len(refs) - shown} more" if len(refs) > shown else ""
    return f"pages would load resources from the network:\n  {lines}{more}"


def _source_line(source: str, url: str) -> int:
    """The line of ``source`` (a Markdown file) that holds ``url``, else 1."""
    at = source.find(url)
    return source.count("\n", 0, at) + 1 if at >= 0 else 1


@dataclass
class BuildCheck:
    """Network resources found while a site is built (see the module notes)."""

    found: list[ExternalReference] = field(default_factory=list)
    """What was found so far: a page's source file and line, or a site file."""
    pages: set[str] = field(default_factory=set)
    """Site-relative outputs already checked."""
    layouts: set[tuple[str, ...]] = field(default_factory=set)
    """Templates (with the language) whose output was checked in full."""

    def content(self, html: str, source: Callable[[], tuple[str, str]]) -> None:
        """Check the HTML a page's Markdown became.

        ``source()`` gives the path that names the page in findings and its
        Markdown text (to find the line); it is called only when there is a finding.
        """
        refs = html_references(html)
        if refs:
            path, text = source()
            for _line, url in refs:
                self.found.append(ExternalReference(path, _source_line(text, url), url))

    def page(self, html: str, dest: str, layout: tuple[str, ...]) -> None:
        """Note a page's final output; check it in full if ``layout`` is new."""
        self.pages.add(dest)
        if layout not in self.layouts:
            self.layouts.add(layout)
            self.found.extend(ExternalReference(dest, ln, url) for ln, url in html_references(html))

    def finish(self, site_dir: Path) -> list[ExternalReference]:
        """Check the files no page produced; return everything found, without repeats."""
        self.found.extend(external_references(site_dir, skip=self.pages))
        return sorted(set(self.found))
