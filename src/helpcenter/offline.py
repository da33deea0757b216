"""Make the built site work from ``file://`` with no network (MkDocs-free).

- The theme's search worker needs a Worker shim on ``file://``. The theme
  would load it from a public CDN; we copy the pinned npm package
  ``iframe-worker`` (installed by ``make venv`` into ``node_modules/``) into
  the site instead: :func:`copy_worker_shim`.
- :func:`external_references` lists every resource a built page would load
  from the network (``<script src>``, stylesheet/icon ``<link href>``,
  ``<img src>``, CSS ``url()``), so a build or a test can refuse them.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

#: Where the shim lives in the site; also the entry of ``extra.polyfills``.
SHIM_SITE_PATH = "assets/javascripts/iframe-worker/shim.js"
#: The pinned npm package and the file inside it.
SHIM_PACKAGE = Path("node_modules/iframe-worker")
SHIM_FILE = SHIM_PACKAGE / "shim" / "index.js"


class OfflineError(RuntimeError):
    """A browser asset is missing, or a page would load something from the network."""


def copy_worker_shim(project_root: Path, site_dir: Path) -> Path:
    """Copy ``iframe-worker``'s shim (and its licence) into the site; return the copy."""
    source = project_root / SHIM_FILE
    if not source.is_file():
        raise OfflineError(
            f"{source} is missing: the offline search shim comes from the npm package "
            "iframe-worker. Run `make venv` (or `npm ci`) in the project root first."
        )
    target = site_dir / SHIM_SITE_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    licence = project_root / SHIM_PACKAGE / "LICENSE"
    if licence.is_file():
        shutil.copyfile(licence, target.parent / "LICENSE")
    return target


def polyfills_without_cdn(polyfills: list[object]) -> list[object]:
    """``extra.polyfills`` with any CDN copy of the shim replaced by the local one."""
    kept = [
        p
        for p in polyfills
        if not ("iframe-worker" in str(p) and re.match(r"(?i)^(https?:)?//", str(p)))
    ]
    if SHIM_SITE_PATH not in [str(p) for p in kept]:
        kept.insert(0, SHIM_SITE_PATH)
    return kept


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
_CSS_EXTERNAL = re.compile(r"""(?i)url\(\s*['"]?\s*(?:https?:|wss?:|ftp:|//)|@import""")


def may_load_external(html: str) -> bool:
    """Whether ``html`` might load a network resource (never ``False`` when it does)."""
    if _CSS_EXTERNAL.search(html):
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


def external_references(site_dir: Path) -> list[ExternalReference]:
    """Every network resource referenced by the site's HTML and CSS files."""
    refs: list[ExternalReference] = []
    for path in sorted(site_dir.rglob("*")):
        if path.suffix not in {".html", ".css"} or not path.is_file():
            continue
        rel = path.relative_to(site_dir).as_posix()
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix == ".css":
            found = _css_refs(text)
        elif not may_load_external(text):
            continue
        else:
            parser = _ResourceParser()
            parser.feed(text)
            parser.close()
            found = parser.found
        refs.extend(ExternalReference(rel, line, url) for line, url in found)
    return sorted(refs)
