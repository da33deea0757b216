"""Accessibility: axe-core finds nothing on any page, at desktop and phone widths.

axe-core comes pinned from npm (``package.json`` devDependencies, installed by
``make venv`` into ``node_modules/``); it is never copied into ``site/``. It is
put into each page with ``page.evaluate``, which no Content-Security-Policy of
the page can block, and runs the WCAG 2.0 and 2.1 level A and AA rules.

Besides every page as it loads, the states a reader reaches by a click are
checked: the verifier in each of its verdicts, the search results, the open
language menu and the open navigation drawer on a phone.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import PROJECT_ROOT, blocked_context
from playwright.sync_api import TimeoutError as PlaywrightTimeout

AXE = PROJECT_ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}
VECTORS = json.loads((PROJECT_ROOT / "tests/vectors/verify.json").read_text(encoding="utf-8"))


def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `make venv` (npm ci)", pytrace=False)
    return AXE.read_text(encoding="utf-8")


def audit(page) -> list[str]:
    """axe's WCAG A/AA violations on the page as it is now, one line per element."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe_source())
    # Colours as they settle: a fade still running (search results appear with
    # one) would be measured half-way.
    page.evaluate("() => document.getAnimations().forEach(a => a.finish())")
    violations = page.evaluate(
        """tags => axe.run(document, {runOnly: {type: "tag", values: tags},
                                      resultTypes: ["violations"]})
             .then(r => r.violations.map(v => ({id: v.id, help: v.help,
                   nodes: v.nodes.map(n => [n.target.join(" "), n.failureSummary])})))""",
        TAGS,
    )
    return [
        f"{v['id']} ({v['help']}): {target}\n    {summary.replace(chr(10), chr(10) + '    ')}"
        for v in violations
        for target, summary in v["nodes"]
    ]


def pages_of(site: Path, lang: str) -> list[str]:
    """Every HTML page of one language, as site-relative paths."""
    rels = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    if lang == "en":
        return [r for r in rels if r.startswith("en/")]
    return [r for r in rels if not r.startswith("en/")]


@pytest.fixture(scope="module")
def tabs(browser) -> Iterator[dict[str, object]]:
    """One tab per width, network blocked, shared by this module's tests."""
    blocked: list[str] = []
    contexts = {name: blocked_context(browser, blocked, w, h) for name, (w, h) in WIDTHS.items()}
    tabs = {name: ctx.new_page() for name, ctx in contexts.items()}
    for tab in tabs.values():
        tab.hc_blocked = blocked  # type: ignore[attr-defined]
    yield tabs
    for ctx in contexts.values():
        ctx.close()


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_page_has_no_violations(tabs, built_site, lang: str, width: str) -> None:
    tab = tabs[width]
    pages = pages_of(built_site, lang)
    assert len(pages) >= 20
    found = []
    for rel in pages:
        tab.goto((built_site / rel).as_uri())
        found += [f"{rel} at {WIDTHS[width][0]} px: {line}" for line in audit(tab)]
        if not tab.get_attribute(".md-search[role=dialog]", "aria-label"):
            found.append(f"{rel}: the search dialog has no name (helpcenter.theme)")
    assert not found, f"{len(found)} violations:\n" + "\n".join(found)
    assert tab.hc_blocked == []


def _verdict_inputs(lang: str) -> dict[str, str]:
    """One input per verdict (and the not-a-contact text) from the shared vectors."""
    inputs: dict[str, str] = {}
    for vec in VECTORS["vectors"]:
        verdict = vec["verdict"]
        if verdict and vec.get("lang", lang) == lang:
            inputs.setdefault(verdict, vec["input"])
    inputs["text"] = "你好" if lang == "zh" else "hello there"
    return inputs


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_verifier_verdicts_have_no_violations(tabs, built_site, lang: str, width: str) -> None:
    tab = tabs[width]
    tab.goto((built_site / ("en/verify.html" if lang == "en" else "verify.html")).as_uri())
    tab.wait_for_function("() => window.hcVerifyData && window.hcVerify")
    inputs = _verdict_inputs(lang)
    assert set(inputs) == {"official", "retired", "scam", "lookalike", "unknown", "unsafe", "text"}
    found = []
    for state, text in inputs.items():
        tab.fill("#verify-input", text)
        verdict = tab.get_attribute("#verify-result", "data-verdict")
        assert verdict == ("unknown" if state == "text" else state), text
        found += [f"verdict {state} ({text!r}): {line}" for line in audit(tab)]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_open_search_results_have_no_violations(tabs, built_site, lang: str, width: str) -> None:
    tab = tabs[width]
    tab.goto((built_site / ("en/index.html" if lang == "en" else "index.html")).as_uri())
    if width == "phone":
        tab.click("label.md-header__button[for='__search']")
    box = tab.locator("input.md-search__input")
    box.wait_for(state="visible")
    # The theme reads the query on key-up; the index loads in a worker, and a
    # query typed before it is ready shows nothing until the next key.
    box.fill("密码" if lang == "zh" else "password")
    for _ in range(20):
        box.press("End")
        try:
            tab.wait_for_selector(".md-search-result__item", timeout=500)
            break
        except PlaywrightTimeout:
            continue
    tab.wait_for_selector(".md-search-result__item")
    found = audit(tab)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_open_language_menu_has_no_violations(tabs, built_site, lang: str) -> None:
    tab = tabs["desktop"]
    tab.goto((built_site / ("en/faq.html" if lang == "en" else "faq.html")).as_uri())
    tab.hover(".md-header__option .md-select")
    tab.wait_for_selector(".md-select__inner", state="visible")
    found = audit(tab)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_open_drawer_on_a_phone_has_no_violations(tabs, built_site, lang: str) -> None:
    tab = tabs["phone"]
    tab.goto(
        (built_site / ("en/contact/phone.html" if lang == "en" else "contact/phone.html")).as_uri()
    )
    tab.click("label.md-header__button[for='__drawer']")
    tab.wait_for_selector(".md-sidebar--primary .md-nav__link", state="visible")
    found = audit(tab)
    assert not found, "\n".join(found)
