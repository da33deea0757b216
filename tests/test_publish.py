"""URL layout, hreflang alternates, canonical URLs, sitemap entries and robots.txt."""

from __future__ import annotations

import posixpath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpcenter.registry.load import load_registry
from helpcenter.site.publish import (
    Alternate,
    SiteLayout,
    relative_url,
    resolve_site_url,
    robots_txt,
)

LANGUAGES = (("zh", "en"), "zh")
"""The project's languages (mkdocs.yml) and the default one."""
SUBPATH = SiteLayout(*LANGUAGES, site_url="https://bitp.example/help")
ROOT = SiteLayout(*LANGUAGES, site_url="https://help.bitp.example/")
FILES = SiteLayout(*LANGUAGES)


def test_site_paths():
    assert FILES.site_path("index.md", "zh") == "index.html"
    assert FILES.site_path("contact/phone.md", "en") == "en/contact/phone.html"
    dirs = SiteLayout(*LANGUAGES, directory_urls=True)
    assert dirs.site_path("index.md", "zh") == ""
    assert dirs.site_path("contact/index.md", "en") == "en/contact/"
    assert dirs.site_path("faq.md", "en") == "en/faq/"


def test_root_path_and_absolute_urls():
    assert SUBPATH.base == "https://bitp.example/help/" and SUBPATH.root_path == "/help/"
    assert ROOT.root_path == "/" and FILES.root_path == "/"
    assert SUBPATH.absolute("en/faq.html") == "https://bitp.example/help/en/faq.html"
    assert FILES.absolute("en/faq.html") is None


def test_alternates_absolute_with_site_url():
    alts = SUBPATH.alternates("contact/phone.md", {"zh", "en"}, from_path="contact/phone.html")
    assert alts == (
        Alternate("zh", "https://bitp.example/help/contact/phone.html"),
        Alternate("en", "https://bitp.example/help/en/contact/phone.html"),
        Alternate("x-default", "https://bitp.example/help/contact/phone.html"),
    )


def test_alternates_relative_without_site_url():
    alts = FILES.alternates("contact/phone.md", {"zh", "en"}, from_path="en/contact/phone.html")
    assert [a.href for a in alts] == [
        "../../contact/phone.html", "phone.html", "../../contact/phone.html",
    ]  # fmt: skip


def test_untranslated_page_has_no_alternate_of_its_own():
    alts = ROOT.alternates("faq.md", {"zh"})
    assert [a.hreflang for a in alts] == ["zh", "x-default"]
    assert ROOT.canonical("faq.md", "en", {"zh"}) == "https://help.bitp.example/faq.html"
    assert ROOT.canonical("faq.md", "en", {"zh", "en"}) == "https://help.bitp.example/en/faq.html"
    assert FILES.canonical("faq.md", "en", {"zh", "en"}) is None
    only_en = ROOT.alternates("new.md", {"en"})
    assert only_en[-1] == Alternate("x-default", "https://help.bitp.example/en/new.html")


def test_sitemap_lists_real_pages_only():
    entries = SUBPATH.sitemap({"index.md": {"zh", "en"}, "faq.md": {"zh"}})
    assert [e.loc for e in entries] == [
        "https://bitp.example/help/faq.html",
        "https://bitp.example/help/index.html",
        "https://bitp.example/help/en/index.html",
    ]
    assert entries[1].alternates == entries[2].alternates
    assert [a.hreflang for a in entries[0].alternates] == ["zh", "x-default"]


@pytest.mark.parametrize(
    ("target", "start", "expected"),
    [("index.html", "en/index.html", "../index.html"), ("en/a/b.html", "en/a/c.html", "b.html"),
     ("en/", "index.html", "en/"), ("index.html", "index.html", "index.html")],
)  # fmt: skip
def test_relative_url(target, start, expected):
    assert relative_url(target, start) == expected


_SEGMENT = st.sampled_from(["a", "b", "en", "zh", "x.html", "index.html"])
_SITE_PATH = st.lists(_SEGMENT, max_size=4).map("/".join)


@given(
    target=st.one_of(_SITE_PATH, _SITE_PATH.filter(bool).map(lambda p: p + "/")),
    start=_SITE_PATH,
)
def test_relative_url_agrees_with_relpath(target, start):
    # Computed on the strings (no system call per page); same answer as relpath.
    expected = posixpath.relpath(target or ".", posixpath.dirname(start) or ".")
    if target.endswith("/") and not expected.endswith("/"):
        expected += "/"
    assert relative_url(target, start) == expected


def test_robots():
    assert robots_txt(SUBPATH).splitlines()[-1] == "Sitemap: https://bitp.example/help/sitemap.xml"
    assert "Sitemap" not in robots_txt(FILES)
    assert "User-agent: *\nAllow: /\n" in robots_txt(FILES)


def test_site_url_defaults_to_the_registrys_help_center_channel():
    channels = load_registry("data/channels.yml").channels
    help_center = next(c for c in channels if c.id == "help-center")
    assert resolve_site_url(None, channels, env={}) == help_center.value
    assert resolve_site_url(None, channels, env={}).startswith("https://")


def test_configured_site_url_and_the_environment_win():
    channels = load_registry("data/channels.yml").channels
    mine = "https://bitp.example/help"
    assert resolve_site_url(mine, channels, env={}) == mine + "/"
    assert resolve_site_url("", channels, env={}) is None, "site_url: '' builds a site of files"
    env = {"HC_SITE_URL": "https://docs.bitp.example/sub/"}
    assert resolve_site_url(mine, channels, env=env) == "https://docs.bitp.example/sub/"
    assert resolve_site_url(mine, channels, env={"HC_SITE_URL": ""}) is None


def test_no_help_center_channel_means_no_site_url():
    channels = [c for c in load_registry("data/channels.yml").channels if c.id != "help-center"]
    assert resolve_site_url(None, channels, env={}) is None
