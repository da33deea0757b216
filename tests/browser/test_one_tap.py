"""Contacts and the verifier one tap away, and tables that fit a phone."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpcenter.registry.load import load_registry

ROOT = Path(__file__).resolve().parents[2]
PREFIX = {"zh": "", "en": "en/"}
TOPNAV_VERIFY = re.compile(
    r'<a class="hc-topnav__link" href="([^"]+)" data-hc-topnav-link="verify"'
)


def test_every_page_links_the_verifier_from_the_top(built_site) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 40
    missing = []
    for path in pages:
        rel = path.relative_to(built_site).as_posix()
        lang = "en" if rel.startswith("en/") else "zh"
        match = TOPNAV_VERIFY.search(path.read_text(encoding="utf-8"))
        if match is None:
            missing.append(rel)
            continue
        href = match.group(1)
        if href.startswith("/"):  # the 404 page: from the site root
            target = built_site / href.lstrip("/")
        else:
            target = (path.parent / href).resolve()
        if target != (built_site / PREFIX[lang] / "verify.html").resolve():
            missing.append(f"{rel}: {href}")
    assert missing == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_verifier_is_one_tap_away_on_a_phone(browser, built_site, lang: str) -> None:
    ctx = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = ctx.new_page()
        page.goto((built_site / PREFIX[lang] / "troubleshooting/login.html").as_uri())
        link = page.locator("[data-hc-topnav-link=verify]")
        assert link.is_visible()
        box = link.bounding_box()
        assert box["y"] + box["height"] <= 844 and box["height"] >= 16
        link.click()
        page.wait_for_selector("#verify-input")
        assert page.url.endswith(f"{PREFIX[lang]}verify.html")
        assert page.get_attribute("[data-hc-topnav-link=verify]", "aria-current") == "page"
    finally:
        ctx.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_contact_index_shows_the_support_channels_first(page, built_site, lang: str) -> None:
    registry = load_registry(ROOT / "data" / "channels.yml")
    wanted = {c.id for c in registry.active_channels if c.accepts_messages}
    page.goto((built_site / PREFIX[lang] / "contact/index.html").as_uri())
    cards = page.locator("[data-hc-support-channels] li.hc-card")
    shown = {cards.nth(i).get_attribute("data-hc-channel") for i in range(cards.count())}
    assert shown == wanted
    # Above every explanation: the first thing after the page's introduction.
    order = page.evaluate(
        """() => {
            const list = document.querySelector('[data-hc-support-channels]');
            const first = document.querySelector('.md-content article h2:not(#support-channels)');
            const tip = document.querySelector('.md-content article .admonition.tip');
            const before = el => !!(list.compareDocumentPosition(el)
                                    & Node.DOCUMENT_POSITION_FOLLOWING);
            return [before(first), before(tip)];
        }"""
    )
    assert order == [True, True]
    assert page.locator("[data-hc-support-channels] a[href^='mailto:']").count() >= 1
    assert page.locator("[data-hc-support-channels] a[href^='tel:']").count() >= 1


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_home_page_has_a_verify_a_contact_card(page, built_site, lang: str) -> None:
    page.goto((built_site / PREFIX[lang] / "index.html").as_uri())
    card = page.locator(".grid.cards li", has=page.locator("a[href='verify.html']")).first
    assert card.is_visible()
    assert ("核实" if lang == "zh" else "Verify") in card.inner_text()
    claim = page.locator(".hc-verification-status")
    assert claim.get_attribute("data-hc-demo") == "true"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_tables_scroll_with_a_cue_on_a_phone(browser, built_site, lang: str) -> None:
    ctx = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = ctx.new_page()
        page.goto((built_site / PREFIX[lang] / "contact/index.html").as_uri())
        tables = page.evaluate(
            """() => [...document.querySelectorAll('.md-content table')].map(t => {
                const wrap = t.closest('.md-typeset__scrollwrap');
                const r = t.getBoundingClientRect();
                return {right: r.right, width: innerWidth,
                        scrolls: !!wrap && getComputedStyle(wrap).overflowX === 'auto'
                                 && wrap.scrollWidth > wrap.clientWidth,
                        cue: !!wrap && getComputedStyle(wrap).backgroundImage.includes('gradient')};
            })"""
        )
        assert tables
        for t in tables:
            # Nothing is cut off: the table fits, or it scrolls and shows that it does.
            assert t["right"] <= t["width"] or (t["scrolls"] and t["cue"]), t
        assert any(t["scrolls"] for t in tables), "the 4-column table should scroll at 390 px"
        # Scrolled to its end, the last column is fully on screen.
        page.evaluate(
            "() => { const w = document.querySelector('.md-typeset__scrollwrap');"
            " w.scrollLeft = w.scrollWidth; }"
        )
        last = page.evaluate(
            "() => document.querySelector('.md-content table th:last-child')"
            ".getBoundingClientRect().right"
        )
        assert last <= 390
    finally:
        ctx.close()
