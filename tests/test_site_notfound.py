"""helpcenter.site.notfound: where each language's 404 page goes and what it links."""

from __future__ import annotations

from helpcenter.site.notfound import not_found
from helpcenter.site.publish import SiteLayout


def test_default_language_at_the_root_others_in_their_folder():
    layout = SiteLayout(("zh", "en"), "zh")
    zh, en = not_found(layout, "zh"), not_found(layout, "en")
    assert (zh.path, zh.rel, zh.script) == ("404.html", "", "assets/javascripts/hc-404.js")
    assert (en.path, en.rel, en.script) == ("en/404.html", "../", "../assets/javascripts/hc-404.js")
    assert (zh.home, zh.verify) == ("/index.html", "/verify.html")
    assert zh.contact == "/contact/index.html"
    assert (en.home, en.verify, en.contact) == (
        "/en/index.html",
        "/en/verify.html",
        "/en/contact/index.html",
    )


def test_links_start_at_the_site_root_under_a_subpath():
    layout = SiteLayout(("zh", "en"), "zh", "https://bitp.example/help")
    en = not_found(layout, "en")
    assert en.root == "/help/"
    assert en.home == "/help/en/index.html"
    assert en.verify == "/help/en/verify.html"
