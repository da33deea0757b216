"""Content policy: no active content in what a page renders to.

The HTML is parsed as a browser parses it (:mod:`justhtml`, an HTML5 parser
that passes the html5lib tree-construction tests), so mixed case, entities
(``javascript&colon;``), control characters in a URL's scheme, foreign
content (``<svg><script>``) and ``<template>`` contents are seen as the
browser sees them. Every element and attribute is then judged by one rule
per kind of active content (:mod:`helpcenter.checks.rules`).

Two profiles:

* ``article`` (the HTML of an article, after Markdown conversion and with
  the registry fragments in it): no script, handler, dangerous URL, embedded
  document, form, ``<base>``, ``<meta http-equiv>``, ``<link>``, style that
  loads or writes text, remote resource.
* ``theme`` (the rest of a built page: the theme and its overrides): the
  same, except what the theme needs and the Content-Security-Policy admits:
  scripts of this site (inline ones are allowed by their hash), the search
  form and the sidebar toggles, ``<link>`` to this site, and the policy's
  own ``<meta http-equiv>``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from justhtml import JustHTML

from helpcenter.checks.links.extract import front_matter_lines, prose_lines
from helpcenter.checks.rules import BY_CODE
from helpcenter.report.finding import Finding

PROFILES = ("article", "theme")

DANGEROUS_SCHEMES = frozenset(
    {"javascript", "vbscript", "livescript", "mocha", "data", "blob", "filesystem", "jar"}
)
"""URL schemes that run code or carry a document of their own."""

SAFE_DATA_IMAGE = re.compile(r"data:image/(?:png|gif|jpe?g|webp|avif|bmp)[;,]", re.I)
"""``data:`` images allowed in ``<img src>``: raster formats only (an SVG may hold script)."""

URL_ATTRIBUTES = frozenset(
    {
        "href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset",
        "cite", "background", "longdesc", "lowsrc", "dynsrc", "ping", "codebase",
        "manifest", "icon", "profile", "usemap", "archive", "classid", "imagesrcset",
    }
)  # fmt: skip
"""Attributes whose value a browser follows or loads as a URL."""

LOADING_ATTRIBUTES = frozenset(
    {"src", "srcset", "poster", "data", "background", "lowsrc", "dynsrc", "imagesrcset"}
)
"""Attributes that make the browser fetch their URL while the page loads."""

SVG_LOADING = frozenset({"image", "use", "feimage", "script"})
"""SVG elements whose ``href`` is fetched while the page loads."""

EMBEDDING = frozenset(
    {"iframe", "frame", "frameset", "object", "embed", "applet", "portal", "fencedframe"}
)
FORMS = frozenset({"form", "input", "button", "select", "textarea", "keygen", "isindex"})

SCRIPT_TYPES = frozenset(
    {
        "", "text/javascript", "application/javascript", "application/ecmascript",
        "text/ecmascript", "module", "text/jscript", "text/livescript",
        "application/x-javascript", "application/x-ecmascript", "text/x-javascript",
        "text/x-ecmascript", "text/javascript1.0", "text/javascript1.1",
        "text/javascript1.2", "text/javascript1.3", "text/javascript1.4",
        "text/javascript1.5",
    }
)  # fmt: skip
"""``type`` values under which a browser runs a ``<script>`` (others are data blocks)."""

THEME_LINK_RELS = frozenset(
    {"stylesheet", "icon", "canonical", "alternate", "prev", "next", "manifest", "search"}
)
THEME_META = frozenset({"content-security-policy", "x-ua-compatible"})

_C0_AND_SPACE = "".join(chr(c) for c in range(0x21))
_HANDLER_RE = re.compile(r"on[a-z]+$")
_SCHEME_RE = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_CSS_COMMENT_RE = re.compile(r"/\*.*?(?:\*/|$)", re.S)
_CSS_ESCAPE_RE = re.compile(r"\\([0-9A-Fa-f]{1,6})\s?|\\(.)", re.S)
_CSS_URL_RE = re.compile(r"url\(\s*['\"]?\s*([^'\")\s]*)", re.I)
_CSS_CONTENT_RE = re.compile(r"(?:^|[;{\s])content\s*:\s*([^;}]*)", re.I)


@dataclass(frozen=True)
class Violation:
    """One piece of active content in the parsed HTML."""

    code: str
    """Rule code (:mod:`helpcenter.checks.rules`)."""
    tag: str
    """The element's name (lower case, as the parser names it)."""
    attr: str | None
    """The offending attribute, or ``None`` for the element itself."""
    value: str
    """What the message quotes: the element, attribute or (shortened) URL."""
    params: tuple[tuple[str, str], ...] = ()
    """More message parameters."""
    html_line: int | None = None
    """The element's line in the HTML that was checked."""

    def message(self, lang: str) -> str:
        """The rule's message in ``lang``."""
        params = dict(self.params)
        params.setdefault("tag", self.tag)
        params.setdefault("attr", self.attr or "")
        return BY_CODE[self.code].text(lang, value=_short(self.value), **params)


@dataclass(frozen=True)
class Inline:
    """An inline script of the theme (its text, for the policy's hash), or a data block."""

    text: str
    runs: bool = True
    """Whether the browser runs it (``False``: a data block such as the theme's JSON config)."""
    id: str = ""
    """Its ``id`` attribute."""


def url_scheme(value: str) -> str | None:
    """The scheme a browser reads in ``value`` (lower case), or ``None`` for a relative URL.

    As the URL parser does: leading and trailing C0 controls and spaces are
    dropped, tabs and line breaks anywhere removed.
    """
    value = value.strip(_C0_AND_SPACE)
    if "\t" in value or "\n" in value or "\r" in value:
        value = value.replace("\t", "").replace("\n", "").replace("\r", "")
    match = _SCHEME_RE.match(value)
    return match.group(1).lower() if match else None


def is_remote(value: str) -> bool:
    """Whether ``value`` is a URL on another host (absolute or scheme-relative)."""
    value = value.strip(_C0_AND_SPACE)
    value = value.replace("\t", "").replace("\n", "").replace("\r", "").replace("\\", "/")
    if value.startswith("//"):
        return True
    scheme = url_scheme(value)
    return scheme is not None and scheme not in DANGEROUS_SCHEMES


def _srcset_urls(value: str) -> list[str]:
    return [part.strip().split()[0] for part in value.split(",") if part.strip()]


def _css_plain(css: str) -> str:
    """CSS with comments removed and escapes decoded, in lower case."""
    css = _CSS_COMMENT_RE.sub(" ", css)

    def unescape(match: re.Match[str]) -> str:
        if match.group(1):
            code = int(match.group(1), 16)
            return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else ""
        return match.group(2)

    return _CSS_ESCAPE_RE.sub(unescape, css).lower()


def css_problems(css: str) -> list[str]:
    """Rule codes for a style sheet or ``style`` attribute: HC609 (loads), HC612 (writes text)."""
    plain = _css_plain(css)
    codes = []
    loads = "@import" in plain or "expression(" in plain or "-moz-binding" in plain
    loads = loads or "behavior:" in plain.replace(" ", "")
    loads = loads or any(
        is_remote(url) or url_scheme(url) in DANGEROUS_SCHEMES - {"data"}
        for url in _CSS_URL_RE.findall(plain)
    )
    if loads:
        codes.append("HC609")
    for value in _CSS_CONTENT_RE.findall(plain):
        if any(q in value for q in ("'", '"', "attr(", "counter")):
            codes.append("HC612")
            break
    return codes


def _short(value: str, limit: int = 80) -> str:
    value = " ".join(value.split())
    value = "".join(c if c.isprintable() else "\ufffd" for c in value)
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _children(node) -> list:
    kids = list(node.children or ())
    content = getattr(node, "template_content", None)
    if content is not None:
        kids.append(content)
    return kids


def walk(root) -> Iterator:
    """Every node under ``root`` (``<template>`` contents included), in document order."""
    stack = [root]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(_children(node)))


def text_of(node) -> str:
    """The text of every text node under ``node``."""
    return "".join(n.data or "" for n in walk(node) if n.name == "#text")


_NUMERIC_REF_RE = re.compile(r"&#[xX]?[0-9A-Fa-f]*[^\x00-\x7f]")


def _plain_ampersand(match: re.Match[str]) -> str:
    # Only ASCII digits make a numeric reference; the parser (justhtml 3.16)
    # also takes other Unicode digits ("&#¹") and fails on them.
    text = match.group(0)
    return "&amp;" + text[1:] if text[-1].isdigit() else text


def parse(html: str, *, fragment: bool = False):
    """The document (or fragment) tree of ``html``, as a browser builds it."""
    if "&#" in html:
        html = _NUMERIC_REF_RE.sub(_plain_ampersand, html)
    return JustHTML(html, sanitize=False, fragment=fragment, track_node_locations=True).root


def scan(html: str, profile: str = "article", *, fragment: bool = True) -> list[Violation]:
    """Every violation of ``profile`` in ``html``, in document order."""
    violations, _ = scan_tree(parse(html, fragment=fragment), profile)
    return violations


def scan_tree(root, profile: str = "article") -> tuple[list[Violation], list[Inline]]:
    """Violations in a parsed tree, and (theme profile) the inline scripts it runs."""
    if profile not in PROFILES:
        raise ValueError(f"unknown profile {profile!r}; expected one of {PROFILES}")
    theme = profile == "theme"
    out: list[Violation] = []
    inline: list[Inline] = []
    for node in walk(root):
        name = node.name
        if not name or name.startswith("#"):
            continue
        ns = getattr(node, "namespace", None) or "html"
        attrs = dict(node.attrs or {})
        line = getattr(node, "origin_line", None)

        def add(code: str, attr: str | None, value: str, _n=name, _l=line, **params: str):
            out.append(Violation(code, _n, attr, value, tuple(params.items()), _l))

        foreign = ns in ("svg", "math")
        if name == "script":
            kind = (attrs.get("type") or "").strip().lower()
            runs = kind in SCRIPT_TYPES or (foreign and kind in ("", "text/ecmascript"))
            if foreign:
                add("HC610", None, "script")
            elif not theme:
                add("HC601", None, name)
            elif runs and "src" in attrs:
                src = attrs["src"] or ""
                if is_remote(src) or url_scheme(src) is not None:
                    add("HC611", "src", src)
            else:
                inline.append(Inline(text_of(node), runs, attrs.get("id") or ""))
        elif name in EMBEDDING:
            add("HC604", None, name)
        elif name in FORMS and ns == "html" and not theme:
            add("HC605", None, name)
        elif name == "base":
            add("HC606", None, name)
        elif name == "meta" and "http-equiv" in attrs:
            equiv = (attrs.get("http-equiv") or "").strip()
            if not (theme and equiv.lower() in THEME_META):
                add("HC607", "http-equiv", equiv)
        elif name == "link":
            rels = set((attrs.get("rel") or "").lower().split())
            href = attrs.get("href") or ""
            allowed = theme and rels and rels <= THEME_LINK_RELS
            if allowed and not rels <= {"canonical", "alternate", "prev", "next"}:
                allowed = not is_remote(href) and url_scheme(href) is None
            if not allowed:
                add("HC608", "rel", " ".join(sorted(rels)) or href or "link")
        elif name == "style":
            for code in css_problems(text_of(node)):
                add(code, None, text_of(node))
        elif ns == "svg" and name in ("set", "animate", "animatemotion", "animatetransform"):
            target = (attrs.get("attributeName") or attrs.get("attributename") or "").lower()
            if target in ("href", "xlink:href") or target.startswith("on"):
                add("HC610", "attributeName", target)

        for attr, raw in attrs.items():
            key = attr.lower()
            value = raw or ""
            if _HANDLER_RE.match(key):
                add("HC610" if foreign else "HC602", attr, attr)
                continue
            if key == "srcdoc":
                if name not in EMBEDDING:
                    add("HC604", attr, name)
                continue
            if key == "style":
                for code in css_problems(value):
                    add(code, attr, value)
                continue
            if key not in URL_ATTRIBUTES and not key.endswith(":href"):
                continue
            urls = _srcset_urls(value) if key in ("srcset", "imagesrcset") else [value]
            for url in urls:
                scheme = url_scheme(url)
                if scheme in DANGEROUS_SCHEMES:
                    if scheme == "data" and name == "img" and ns == "html" and key in (
                        "src", "srcset",
                    ) and SAFE_DATA_IMAGE.match(url.strip()):  # fmt: skip
                        continue
                    add("HC603", attr, url, scheme=scheme)
                elif (
                    is_remote(url)
                    and (
                        key in LOADING_ATTRIBUTES
                        or (ns == "svg" and name in SVG_LOADING and key.endswith("href"))
                    )
                    and not (theme and name == "script")
                ):
                    add("HC611", attr, url)
    return out, inline


# -- where a violation is in the Markdown source ------------------------------------------


def needles(v: Violation) -> list[str]:
    """What to look for in the source, most precise first."""
    if v.attr is None:
        return [f"<{v.tag}", v.tag]
    out = []
    if v.code in ("HC603", "HC611", "HC607", "HC609", "HC612"):
        value = v.value.strip()[:40]
        out.append(value)
        scheme = dict(v.params).get("scheme")
        if scheme:
            out.append(scheme)
        # A value written with entities shows in part ("java&#x73;cript:").
        out += [value[:size] for size in range(len(value) - 1, 3, -1)]
    out += [v.attr + "=", v.attr, f"<{v.tag}"]
    return [n for n in out if n]


class SourceIndex:
    """Finds the text of a violation in one Markdown source (code blocks blanked)."""

    def __init__(self, text: str):
        self.lines = text.splitlines() or [""]
        self.prose = prose_lines(text, keep_comments=False) or [""]
        self.body = front_matter_lines(self.lines) + 1
        self._used: dict[str, int] = {}

    def find(self, needle: str, nth: int = 0) -> tuple[int, int] | None:
        """The (line, column) of the ``nth`` occurrence of ``needle``, any case."""
        pattern = re.compile(re.escape(needle), re.I)
        seen = 0
        for lines in (self.prose, self.lines):
            seen = 0
            for number, line in enumerate(lines, 1):
                for match in pattern.finditer(line):
                    if seen == nth:
                        return number, match.start() + 1
                    seen += 1
        return None

    def locate(self, v: Violation) -> tuple[int, int]:
        """Where ``v`` was written; the first line of the body when it cannot be found."""
        for needle in needles(v):
            key = needle.lower()
            nth = self._used.get(key, 0)
            spot = self.find(needle, nth) or (self.find(needle, 0) if nth else None)
            if spot is not None:
                self._used[key] = nth + 1
                return spot
        return self.body, 1


def findings(
    violations: list[Violation], path: str, source: str | None, lang: str
) -> list[Finding]:
    """:class:`Finding` objects for ``violations`` of the page ``path`` whose source is ``source``.

    With no source (a template), the line is the one in the checked HTML.
    """
    index = SourceIndex(source) if source is not None else None
    out = []
    for v in violations:
        line, col = index.locate(v) if index is not None else (v.html_line or 1, 1)
        rule = BY_CODE[v.code]
        out.append(Finding(path, line, col, v.code, rule.severity, _short(v.value),
                           v.message(lang)))  # fmt: skip
    return out


def check_page_html(html: str, path: str, source: str | None, lang: str = "en") -> list[Finding]:
    """Findings of the article profile for one page's rendered ``html``."""
    return findings(scan(html, "article"), path, source, lang)
