"""What search engines and deployments need: URLs, hreflang alternates, sitemap, robots.txt.

The site works at a domain root (``https://help.bitp.example/``), under a
subpath (``https://bitp.example/help/``) and from files (no ``site_url``).
All URLs here start from a page's *site path*, relative to the site root
(``en/contact/phone.html``):

- with ``site_url`` set, alternates, canonical URLs and the sitemap are
  absolute (``https://bitp.example/help/en/contact/phone.html``), as search
  engines require;
- without it, alternates are relative to the page that shows them, so the
  site still works from ``file://`` or any subpath, and robots.txt has no
  ``Sitemap:`` line.

``site_url`` has a default (:func:`resolve_site_url`): the registry's
help-center channel, so a fresh checkout builds absolute URLs.

A page that is not translated yet is served in the other language's URL
space with a notice (the i18n fallback); it is not a translation, so it gets
no ``hreflang`` of its own, its canonical URL is the original's, and the
sitemap leaves it out.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

SITE_URL_ENV = "HC_SITE_URL"
"""Environment variable that overrides ``site_url`` (empty: no ``site_url``, a site of files)."""
HELP_CENTER_CHANNEL = "help-center"
"""Id of the registry's website channel that is this help center."""

X_DEFAULT = "x-default"
"""The ``hreflang`` value for the page shown to readers of any other language."""


@dataclass(frozen=True)
class Alternate:
    """One ``<link rel="alternate" hreflang=... href=...>``."""

    hreflang: str
    """A site language's code or ``x-default``."""
    href: str
    """Absolute URL when ``site_url`` is set, else relative to the page."""


@dataclass(frozen=True)
class SitemapEntry:
    """One ``<url>`` of sitemap.xml."""

    loc: str
    """The page's URL."""
    alternates: tuple[Alternate, ...]
    """Every language version of the page, itself included, and ``x-default``."""


@dataclass(frozen=True)
class SiteLayout:
    """How the site's URLs are laid out."""

    languages: tuple[str, ...]
    """Built languages (:class:`~helpcenter.site.languages.SiteLanguages`); the default one
    first is customary but not required."""
    default: str
    """The language served at the site root (also ``x-default``)."""
    site_url: str | None = None
    """The public URL of the site root, or ``None`` for a site opened from files."""
    directory_urls: bool = False
    """MkDocs ``use_directory_urls``."""

    @property
    def base(self) -> str | None:
        """``site_url`` with exactly one trailing slash, or ``None``."""
        if not self.site_url:
            return None
        return self.site_url.rstrip("/") + "/"

    @property
    def root_path(self) -> str:
        """The URL path of the site root (``/`` or ``/help/``)."""
        if not self.base:
            return "/"
        return urlsplit(self.base).path or "/"

    def site_path(self, page: str, lang: str) -> str:
        """Site path of ``page`` (``contact/phone.md``) in ``lang`` (``en/contact/phone.html``)."""
        stem = page[:-3] if page.endswith(".md") else page
        if self.directory_urls:
            if stem == "index" or stem.endswith("/index"):
                path = stem[: -len("index")]
            else:
                path = stem + "/"
        else:
            path = stem + ".html"
        prefix = "" if lang == self.default else f"{lang}/"
        return prefix + path

    def home_path(self, lang: str) -> str:
        """Site path of ``lang``'s home page."""
        return self.site_path("index.md", lang)

    def url(self, site_path: str, from_path: str | None = None) -> str:
        """How to link ``site_path``: absolute with ``site_url``, else relative to ``from_path``."""
        if self.base:
            return self.base + site_path
        if from_path is None:
            return site_path
        return relative_url(site_path, from_path)

    def absolute(self, site_path: str) -> str | None:
        """The absolute URL of ``site_path``, or ``None`` without ``site_url``."""
        return self.base + site_path if self.base else None

    def alternates(
        self, page: str, available: Iterable[str], from_path: str | None = None
    ) -> tuple[Alternate, ...]:
        """``hreflang`` alternates of ``page`` translated into ``available`` languages.

        Every real translation, in :attr:`languages` order, then ``x-default``
        (the default language's version, or the first available one).
        """
        have = [lang for lang in self.languages if lang in set(available)]
        if not have:
            return ()
        out = [Alternate(lang, self.url(self.site_path(page, lang), from_path)) for lang in have]
        default = self.default if self.default in have else have[0]
        out.append(Alternate(X_DEFAULT, self.url(self.site_path(page, default), from_path)))
        return tuple(out)

    def canonical(self, page: str, lang: str, available: Iterable[str]) -> str | None:
        """The canonical URL of ``page`` served in ``lang``; the original's for a fallback."""
        have = set(available)
        if lang not in have:
            lang = self.default if self.default in have else (sorted(have) or [lang])[0]
        return self.absolute(self.site_path(page, lang))

    def sitemap(self, pages: Mapping[str, Iterable[str]]) -> list[SitemapEntry]:
        """One entry per real page per language, with its alternates; fallbacks left out."""
        entries = []
        for page in sorted(pages):
            have = [lang for lang in self.languages if lang in set(pages[page])]
            alternates = self.alternates(page, have)
            for lang in have:
                entries.append(SitemapEntry(self.url(self.site_path(page, lang)), alternates))
        return entries


def point_switcher(
    entries: Iterable[dict], layout: SiteLayout, page: str, available: Iterable[str]
) -> None:
    """Point the language switcher's ``entries`` (``lang``, ``link``) at ``page`` in each language.

    A missing translation is served from the default language (with a notice), so only a
    page missing in the default language sends readers to that language's home.
    """
    have = set(available)
    for entry in entries:
        lang = entry.get("lang")
        if lang not in layout.languages:
            continue
        if lang in have or layout.default in have:
            entry["link"] = layout.site_path(page, lang)
        else:
            entry["link"] = layout.home_path(lang)


def home_switcher(entries: Iterable[dict], layout: SiteLayout) -> list[dict]:
    """Copies of the language switcher's ``entries`` that link each language's home from the
    site root: the 404 page is served at any depth."""
    homes = [dict(entry) for entry in entries]
    for entry in homes:
        if entry.get("lang") in layout.languages:
            entry["link"] = layout.root_path + layout.home_path(entry["lang"])
    return homes


def relative_url(target: str, from_path: str) -> str:
    """``target`` (a site path) as seen from the page at site path ``from_path``.

    Site paths are relative to the site root and normalised, so this is done
    on the strings (``posixpath.relpath`` asks the system for the working
    directory on every call, and this runs for every page).
    """
    start = [p for p in posixpath.dirname(from_path).split("/") if p not in ("", ".")]
    parts = [p for p in (target or ".").split("/") if p not in ("", ".")]
    common = 0
    while common < min(len(start), len(parts)) and start[common] == parts[common]:
        common += 1
    rel = "/".join([".."] * (len(start) - common) + parts[common:]) or "."
    if target.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return rel


def robots_txt(layout: SiteLayout) -> str:
    """robots.txt for the site: everything may be crawled; the sitemap when known.

    Crawlers only read ``/robots.txt`` at the root of a host: under a subpath,
    the operator merges these lines into the host's robots.txt.
    """
    lines = ["# BitP help center", "User-agent: *", "Allow: /"]
    absolute = layout.absolute("sitemap.xml")
    if absolute:
        lines.append(f"Sitemap: {absolute}")
    return "\n".join(lines) + "\n"


def site_pages(docs_dir: Path, layout: SiteLayout) -> dict[str, set[str]]:
    """Page (``contact/phone.md``) -> languages it really exists in under ``docs_dir``."""
    pages: dict[str, set[str]] = {}
    for lang in layout.languages:
        root = docs_dir / lang
        if not root.is_dir():
            continue
        for path in root.rglob("*.md"):
            pages.setdefault(path.relative_to(root).as_posix(), set()).add(lang)
    return pages


def resolve_site_url(
    configured: str | None,
    registry_channels: Iterable[object] = (),
    env: Mapping[str, str] | None = None,
) -> str | None:
    """The ``site_url`` to build with, or ``None`` for a site opened from files.

    In order: the environment's ``HC_SITE_URL`` (empty means none); the
    configuration's ``site_url`` when it is set at all (``site_url: ""`` in
    mkdocs.yml means none); else the value of the registry's active
    ``help-center`` website channel (``registry_channels`` are the registry's
    channels). The result ends with one ``/``.
    """
    env = os.environ if env is None else env
    if SITE_URL_ENV in env:
        value: str | None = env[SITE_URL_ENV].strip()
    elif configured is not None:
        value = configured
    else:
        value = None
        for channel in registry_channels:
            if (
                getattr(channel, "id", None) == HELP_CENTER_CHANNEL
                and getattr(channel, "type", None) == "website"
                and getattr(channel, "status", None) == "active"
            ):
                value = str(channel.value)  # type: ignore[attr-defined]
                break
    if not value:
        return None
    return value.rstrip("/") + "/"
