"""Published output: under a subpath, at a domain root and from files, every link works.

Builds the fixture site (with one page only in Chinese, so the English build
has a fallback) and follows every internal link, language-switcher entry,
hreflang alternate, canonical URL and sitemap entry with an HTML parser.
"""

from __future__ import annotations

import posixpath
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "sites"))
import sitekit  # noqa: E402

pytestmark = pytest.mark.build

LANGS = ("zh", "en")


class Page(HTMLParser):
    """Links, ids, switcher entries, hreflang alternates and canonical URL of one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.switcher: dict[str, str] = {}
        self.hreflang: dict[str, str] = {}
        self.canonical: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("href") is not None:
            self.links.append(a["href"])
            if "md-select__link" in (a.get("class") or ""):
                self.switcher[a["hreflang"]] = a["href"]
        elif tag == "link" and a.get("href") is not None:
            rel = a.get("rel")
            if rel == "alternate" and a.get("hreflang"):
                self.hreflang[a["hreflang"]] = a["href"]
            elif rel == "canonical":
                self.canonical = a["href"]
            else:
                self.links.append(a["href"])
        elif tag in ("script", "img") and a.get("src"):
            self.links.append(a["src"])


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text("utf-8"))
    return page


def resolve(href: str, page: str, site_url: str | None) -> tuple[str, str] | None:
    """``(site path, fragment)`` of an internal link from the page at site path ``page``."""
    parts = urlsplit(href)
    if parts.scheme in ("mailto", "tel", "javascript", "data"):
        return None
    if parts.scheme or parts.netloc:
        if not site_url or not href.startswith(site_url):
            return None  # external: not this test's business
        path = href[len(site_url) :].split("#")[0].split("?")[0]
    elif parts.path.startswith("/"):
        root = urlsplit(site_url).path if site_url else "/"
        assert parts.path.startswith(root), f"{page}: {href} escapes the site root {root}"
        path = parts.path[len(root) :]
    elif parts.path:
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
        assert not path.startswith(".."), f"{page}: {href} leaves the site"
    else:
        path = page
    if path in ("", ".") or path.endswith("/"):
        path = path.rstrip(".") + "index.html"
    return path, unquote(parts.fragment)


def article(site_path: str) -> str:
    """The article a site path shows, without language prefix."""
    return site_path[3:] if site_path.startswith("en/") else site_path


@pytest.fixture(scope="module", params=[
    "https://bitp.example/help/", "https://help.bitp.example/", "",
], ids=["subpath", "root", "files"])  # fmt: skip
def built(request, tmp_path_factory):
    site_url = request.param
    project = sitekit.make_site(
        tmp_path_factory.mktemp("site"), "missing-translation", site_url=site_url
    )
    proc = sitekit.build(project, strict=False)
    assert proc.returncode == 0, proc.stderr
    if not site_url:  # "": built without absolute URLs
        note = "NOTE    -  no sitemap.xml: this build has no site_url"
        assert proc.stderr.count(note) == 1, proc.stderr
    else:
        assert "no sitemap.xml" not in proc.stderr
    out = project / "out"
    pages = {
        p.relative_to(out).as_posix(): parse(p)
        for p in out.rglob("*.html")
        if p.name != "404.html" and "assets" not in p.parts
    }
    return site_url, out, pages


def test_every_internal_link_resolves(built):
    site_url, out, pages = built
    checked = 0
    for name, page in pages.items():
        for href in page.links:
            target = resolve(href, name, site_url)
            if target is None:
                continue
            path, fragment = target
            assert (out / path).is_file(), f"{name}: link {href} -> missing {path}"
            if fragment and path in pages:
                assert fragment in pages[path].ids, f"{name}: link {href} -> no #{fragment}"
            checked += 1
    assert checked > 100


def test_language_switcher_goes_to_the_same_article(built):
    site_url, out, pages = built
    for name, page in pages.items():
        assert set(page.switcher) == set(LANGS), name
        for lang, href in page.switcher.items():
            path, _ = resolve(href, name, site_url)
            assert (out / path).is_file(), f"{name}: switcher {lang} -> missing {path}"
            assert article(path) == article(name), f"{name}: switcher {lang} -> {path}"
            assert path.startswith("en/") == (lang == "en"), f"{name}: switcher {lang} -> {path}"


def test_hreflang_alternates_both_directions_with_x_default(built):
    site_url, out, pages = built
    for name, page in pages.items():
        if article(name) == "extra.html":
            # Only in Chinese: the English URL is a fallback, not a translation.
            assert set(page.hreflang) == {"zh", "x-default"}, name
        else:
            assert set(page.hreflang) == {"zh", "en", "x-default"}, name
        targets = {}
        for lang, href in page.hreflang.items():
            if site_url:
                assert href.startswith(site_url), f"{name}: hreflang {href} is not absolute"
            path, _ = resolve(href, name, site_url)
            assert (out / path).is_file()
            assert article(path) == article(name)
            targets[lang] = path
        assert targets["x-default"] == targets["zh"]
        for lang in ("zh", "en"):
            if lang in targets:  # the alternate lists the same set back
                other = pages[targets[lang]]
                back = {
                    k: resolve(v, targets[lang], site_url)[0] for k, v in other.hreflang.items()
                }
                assert back == targets, f"{name} <-> {targets[lang]}"


def test_canonical_urls(built):
    site_url, out, pages = built
    for name, page in pages.items():
        if not site_url:
            assert page.canonical is None
            continue
        expected = "extra.html" if article(name) == "extra.html" else name
        assert page.canonical == site_url + expected, name


def test_sitemap_and_robots(built):
    site_url, out, pages = built
    robots = (out / "robots.txt").read_text("utf-8")
    assert "User-agent: *" in robots
    if site_url:
        assert f"Sitemap: {site_url}sitemap.xml" in robots.splitlines()
    else:
        assert "Sitemap:" not in robots
        # The sitemap protocol allows absolute URLs only: none without site_url.
        assert not list(out.rglob("sitemap.xml*"))
        return
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.parse(out / "sitemap.xml").getroot()
    locs = {}
    for url in root.findall("s:url", ns):
        loc = url.find("s:loc", ns).text
        alternates = {x.get("hreflang"): x.get("href") for x in url.findall("x:link", ns)}
        assert loc.startswith(site_url)
        assert all(h.startswith(site_url) for h in alternates.values())
        locs[loc[len(site_url) :]] = alternates
    real = {n for n in pages if n != "en/extra.html" and not n.startswith("search")}
    assert set(locs) == real
    assert set(locs["en/guide.html"]) == {"zh", "en", "x-default"}
    assert set(locs["extra.html"]) == {"zh", "x-default"}


def test_404_switcher_links_to_the_homes(built):
    site_url, out, _ = built
    page = parse(out / "404.html")
    root = urlsplit(site_url).path if site_url else "/"
    assert page.switcher == {"zh": f"{root}index.html", "en": f"{root}en/index.html"}
    assert page.hreflang == {}


def test_default_site_url_comes_from_the_registry(tmp_path):
    """Without site_url in mkdocs.yml, URLs are absolute under the help-center channel."""
    project = sitekit.make_site(tmp_path / "p")
    proc = sitekit.build(project, strict=False)
    assert proc.returncode == 0, proc.stderr
    out = project / "out"
    page = parse(out / "en" / "index.html")
    assert page.canonical == "https://help.bitp.example/en/index.html"
    assert page.hreflang["zh"] == "https://help.bitp.example/index.html"
    robots = (out / "robots.txt").read_text(encoding="utf-8")
    assert "Sitemap: https://help.bitp.example/sitemap.xml" in robots.splitlines()
