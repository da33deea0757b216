"""The content policy on the command line: Markdown files rendered as the site renders them.

``helpcenter check`` (and so pre-commit) converts each article with the
Markdown extensions of ``mkdocs.yml`` (``md_in_html`` and raw HTML
included) and holds the HTML to the article profile of
:mod:`helpcenter.checks.content_policy`. Registry markers are HTML comments
and render to registry fragments only in the build, which checks them
there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from helpcenter.checks.content_policy import check_page_html
from helpcenter.checks.links.extract import front_matter_lines
from helpcenter.inputs.yamlload import read_mkdocs_yml
from helpcenter.report.finding import Finding, display_path

DEFAULT_EXTENSIONS: tuple[str, ...] = (
    "toc", "attr_list", "md_in_html", "tables", "admonition", "pymdownx.details",
    "pymdownx.superfences",
)  # fmt: skip
"""Extensions used when no ``mkdocs.yml`` says which."""


_COMMENT_RE = re.compile(r"<!--.*?-->", re.DOTALL)
# Every "](" opens a target, including one inside another's text
# ("[a](https://x/[b](javascript:...)" renders the inner link): overlapping matches.
_INLINE_TARGET_RE = re.compile(r"(?=\]\s*\(([^)]*))")
_REF_TARGET_RE = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*(\S*)", re.MULTILINE)
_SAFE_TARGET_RE = re.compile(r"(?:https?://|mailto:|tel:)", re.IGNORECASE)


def inert(body: str) -> bool:
    """Whether the Markdown ``body`` certainly renders to no active content.

    With no raw HTML (``<`` once comments, such as registry markers, are
    left out), no entity (``&``), no attribute list (``{``), no link whose
    target names a scheme other than http(s), mailto or tel, and no image or
    reference definition whose target names any scheme, the
    extensions of the site produce only inert HTML: such a page need not be
    rendered to be checked. Anything else is rendered and checked in full.
    """
    text = _COMMENT_RE.sub("", body)
    if "<" in text or "&" in text or "{" in text:
        return False
    # A link may leave for the web, mail or phone; an image must stay on the
    # site, and so must a reference definition (an image may use it).
    images = "![" in text
    for match in _INLINE_TARGET_RE.finditer(text):
        target = "".join(match.group(1).split())
        if ":" in target and (images or not _SAFE_TARGET_RE.match(target)):
            return False
    return not any(":" in m.group(1) for m in _REF_TARGET_RE.finditer(text))


def site_extensions(config_file: Path) -> tuple[list[Any], dict[str, Any]]:
    """``markdown_extensions`` of ``config_file`` as (names, configs); the defaults without it."""
    items = read_mkdocs_yml(config_file).get("markdown_extensions")
    if not isinstance(items, list):
        return list(DEFAULT_EXTENSIONS), {}
    names: list[Any] = []
    configs: dict[str, Any] = {}
    for item in items:
        if isinstance(item, str):
            names.append(item)
        elif isinstance(item, dict) and len(item) == 1:
            name, conf = next(iter(item.items()))
            names.append(name)
            if isinstance(conf, dict) and all(v is not None for v in conf.values()):
                configs[name] = conf
    return names, configs


def markdown_files(paths: Iterable[str]) -> list[Path]:
    """The ``*.md`` files named by ``paths`` (files, or directories searched below)."""
    out: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            out += sorted(p for p in path.rglob("*.md") if p.is_file())
        elif path.suffix == ".md" and path.is_file():
            out.append(path)
    return out


def check_files(
    paths: Sequence[str],
    *,
    lang: str = "en",
    config_file: Path = Path("mkdocs.yml"),
    root: Path | None = None,
) -> list[Finding]:
    """Content-policy findings of the Markdown files under ``paths``."""
    import markdown

    names, configs = site_extensions(config_file)
    try:
        md = markdown.Markdown(extensions=names, extension_configs=configs)
    except Exception:  # noqa: BLE001 - an extension missing here: the build reports it
        md = markdown.Markdown(extensions=list(DEFAULT_EXTENSIONS))
    out: list[Finding] = []
    for path in markdown_files(paths):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # the contact guard names files it cannot read
        lines = text.splitlines()
        body = "\n".join(lines[front_matter_lines(lines) :])
        if inert(body):
            continue
        try:
            html = md.reset().convert(body)
        except Exception:  # noqa: BLE001 - a third-party extension failing on one page
            md = markdown.Markdown(extensions=names, extension_configs=configs)
            continue
        out += check_page_html(html, display_path(path, root or Path.cwd()), text, lang)
    return out
