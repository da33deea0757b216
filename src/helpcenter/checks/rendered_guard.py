"""The contact guard over what the reader gets: the rendered page.

The Markdown scan (:mod:`helpcenter.guard`) reads the source; a contact
split by an inline tag or a comment (``+1 202 555 01<!-- -->83``), written
with entities, or arriving through front matter or a theme partial only
shows in the HTML. :func:`reader_text` turns a parsed page into the text a
reader sees (text nodes, an inline element adding no break) and the
attributes a reader sees or follows (``href``, ``src``, ``title``, ``alt``,
``aria-label``, the meta description, the page title), entities decoded;
the guard's own detectors then judge it, and each finding is placed in the
source file where its value can be found (:func:`place`).

Registry fragments (the HTML of ``<!-- hc:... -->`` markers,
:data:`helpcenter.site.render.FRAGMENTS`) are left out, as the source scan leaves
out the markers: they show official channels, and known scams defanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from helpcenter.checks.content_policy import SourceIndex, parse
from helpcenter.guard import suppress
from helpcenter.guard.extract import Source, structure
from helpcenter.guard.scan import check_source, region_for
from helpcenter.report.finding import Finding

READER_ATTRIBUTES = ("title", "alt", "aria-label")
FOLLOWED_ATTRIBUTES = ("href", "src")
SKIPPED = frozenset({"script", "style", "template", "noscript"})
INLINE = frozenset(
    {
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "del", "em", "font",
        "i", "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strike", "strong",
        "sub", "sup", "time", "tt", "u", "var", "wbr", "label", "big", "nobr",
    }
)  # fmt: skip
"""Elements that add no break to the text around them (a split contact reads as one)."""

SOURCE_ONLY = frozenset({"HC110", "HC114", "HC115"})
"""Guard rules about how the source is written (invisible characters, suppressions): the
Markdown scan reports them."""


@dataclass
class Part:
    """Reader text of one part of a page and where its values are looked for."""

    text: str
    origin: str
    """``content`` (the article) or ``theme`` (the rest of the page)."""


def reader_text(root) -> str:
    """What a reader sees and follows in the tree ``root``, one block per line."""
    out: list[str] = []
    stack: list = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            out.append(node)
            continue
        name = node.name or ""
        if name == "#text":
            out.append((node.data or "").replace("<", "\u2039"))
            continue
        if name.startswith("#") and name not in ("#document", "#document-fragment"):
            continue
        if name in SKIPPED:
            continue
        attrs = node.attrs or {}
        extra = []
        if name == "meta" and (attrs.get("name") or "").lower() == "description":
            extra.append(attrs.get("content") or "")
        for key in READER_ATTRIBUTES:
            if attrs.get(key):
                extra.append(attrs[key])
        for key in FOLLOWED_ATTRIBUTES:
            if attrs.get(key):
                extra.append(f"[]({attrs[key].strip()})")
        sep = "" if name in INLINE else "\n"
        kids = list(node.children or ())
        stack.append(sep)
        stack.extend(reversed(kids))
        stack.append(sep)
        for value in extra:
            stack.append("\n" + value.replace("<", "\u2039") + "\n")
    return re.sub(r"\n{2,}", "\n", "".join(out))


def without_fragments(html: str, fragments) -> str:
    """``html`` with every registry fragment in it removed."""
    for fragment in sorted(fragments, key=len, reverse=True):
        if fragment and fragment in html:
            html = html.replace(fragment, " ")
    return html


def _needles(finding: Finding) -> list[str]:
    """What to look for in the source: the value, then shorter and shorter prefixes and
    suffixes of it (a contact split by a comment or written with an entity shows in part)."""
    value = finding.value.rstrip("…").strip()
    needles = [value]
    for size in range(len(value) - 1, 5, -1):
        needles += [value[:size].rstrip(), value[-size:].lstrip()]
    return [n for n in dict.fromkeys(needles) if len(n.strip()) >= 6]


def place(
    finding: Finding,
    source_path: str,
    source: str,
    templates: dict[str, str],
    origin: str,
    output_path: str | None = None,
) -> Finding:
    """``finding`` of the reader text, at the place its value is written.

    The page's source first (its body, then its front matter); for the theme's
    part of the page, then the theme's templates (``templates``: path -> text),
    else the built page (``output_path``, marked ``(theme)``: another page's
    title in the navigation, say); else the first line of the page's body.
    """
    index = SourceIndex(source)
    for needle in _needles(finding):
        spot = index.find(needle)
        if spot is not None:
            return replace(finding, path=source_path, line=spot[0], column=spot[1])
    if origin == "theme":
        for path, text in templates.items():
            for needle in _needles(finding):
                spot = SourceIndex(text).find(needle)
                if spot is not None:
                    return replace(finding, path=path, line=spot[0], column=spot[1])
        if output_path:
            return replace(finding, path=f"{output_path} (theme)", line=1, column=1)
    return replace(finding, path=source_path, line=index.body, column=1)


def check_parts(
    parts: list[Part],
    source_path: str,
    source: str,
    registry,
    *,
    lang: str = "en",
    region: str | None = None,
    templates: dict[str, str] | None = None,
    output_path: str | None = None,
) -> list[Finding]:
    """Guard findings of a page's reader text, placed in its source (or a template)."""

    region = region or region_for(source_path)
    # The page's own suppressions (hc-allow with a reason) hold for what it shows too.
    allowed = suppress.allowed_by_line(structure(Source(source)))
    out: list[Finding] = []
    for part in parts:
        result = check_source(part.text, source_path, registry, region=region, lang=lang)
        for finding in result.findings:
            if finding.rule in SOURCE_ONLY:
                continue
            placed = place(finding, source_path, source, templates or {}, part.origin, output_path)
            if placed.path == source_path and suppress.suppressed(placed, allowed):
                continue
            out.append(placed)
    return out


def template_texts(root: Path, overrides: Path) -> dict[str, str]:
    """The theme override templates by path relative to ``root`` (where partial text is found)."""
    out = {}
    for path in sorted(overrides.rglob("*.html")):
        try:
            rel = path.relative_to(root).as_posix()
        except ValueError:
            rel = path.as_posix()
        out[rel] = path.read_text(encoding="utf-8", errors="replace")
    return out


def dedupe(source_lines: list[str], rendered: list[Finding]) -> list[Finding]:
    """Rendered findings the Markdown scan (``source_lines``, ``path:line:col: CODE ...``)
    did not report, each once."""
    seen = set()
    for line in source_lines:
        match = re.match(r"(.*?):(\d+):\d+: (HC\d+) ", line)
        if match:
            seen.add((match.group(1), int(match.group(2)), match.group(3)))
    out = []
    for finding in sorted(rendered):
        key = (finding.path, finding.line, finding.rule)
        value_key = (finding.path, finding.rule, finding.value)
        if finding.path.endswith(" (theme)"):  # the same text on many built pages: once
            key = value_key = ("(theme)", finding.rule, finding.value)
        if key in seen or value_key in seen:
            continue
        seen.add(key)
        seen.add(value_key)
        out.append(finding)
    return out


def theme_and_content(output: str, content: str):
    """Parse a built page in two parts: the theme's (the article replaced by a comment) and
    the article's. ``None`` for the theme's part when ``content`` is not in ``output``."""

    theme = None
    if content and content in output:
        theme = parse(output.replace(content, "<!-- hc-article -->", 1))
    elif not content:
        theme = parse(output)
    return theme, parse(content, fragment=True)


__all__ = [
    "Part", "check_parts", "dedupe", "place", "reader_text", "template_texts",
    "theme_and_content", "without_fragments",
]  # fmt: skip
