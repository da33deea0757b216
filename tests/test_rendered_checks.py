"""The rendered contact guard (checks.rendered_guard) and the CSP (site.csp)."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import pytest

from helpcenter.checks import rendered_guard
from helpcenter.checks.build import RenderedChecks
from helpcenter.checks.content_policy import parse
from helpcenter.registry.load import load_registry
from helpcenter.site import csp

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def registry():
    return load_registry(ROOT / "data" / "channels.yml")


def test_reader_text_joins_what_inline_tags_and_comments_split() -> None:
    tree = parse("<p>Call +1 202 555 01<!-- -->8<b></b>3 or <a href='tel:+12025550199' "
                 "title='&#43;44 20 7946 0999'>us</a></p><p>next</p>", fragment=True)  # fmt: skip
    text = rendered_guard.reader_text(tree)
    assert "+1 202 555 0183" in text
    assert "[](tel:+12025550199)" in text and "+44 20 7946 0999" in text
    assert "0183\nnext" not in text.replace(" or ", "\n")  # blocks stay apart


SOURCE = """---
title: Help
description: "Call &#43;44 20 7946 0999"
---

# Help

Call +1 202 555 01<!-- -->83 today, or <!-- hc:channel hotline-us -->.
"""


def test_split_and_front_matter_contacts_are_placed_in_the_source(registry) -> None:
    content = "<p>Call +1 202 555 01<!-- -->83 today</p>"
    head = '<html><head><meta name="description" content="Call &#43;44 20 7946 0999"></head>'
    checks = RenderedChecks(ROOT, registry, None, "en")
    assert checks.page(head + "<body>" + content + "</body></html>", content,
                       "docs/en/help.md", SOURCE) == []  # fmt: skip
    found = checks.guard_findings([])
    where = sorted((f.path, f.line, f.column, f.rule) for f in found)
    assert where == [("docs/en/help.md", 3, 25, "HC102"), ("docs/en/help.md", 8, 6, "HC102")]
    assert checks.guard_findings([]) == []  # each once


def test_a_finding_of_the_markdown_scan_is_not_reported_again(registry) -> None:
    content = "<p>Call +1 202 555 0183</p>"
    checks = RenderedChecks(ROOT, registry, None, "en")
    checks.page(f"<html><body>{content}</body></html>", content, "docs/en/x.md",
                "# X\n\nCall +1 202 555 0183\n")  # fmt: skip
    markdown_scan = ["docs/en/x.md:3:6: HC102 phone '+1 202 555 0183' ..."]
    assert checks.guard_findings(markdown_scan) == []


def test_official_channels_and_registry_fragments_pass(registry) -> None:
    from helpcenter.site import render

    renderer = render.MarkerRenderer(registry, ROOT / "overrides")
    expansion = renderer.expand("<!-- hc:known-scams -->\n\n<!-- hc:contact-directory -->\n",
                                "en", "docs/en/x.md")  # fmt: skip
    content = expansion.markdown
    checks = RenderedChecks(ROOT, registry, None, "en")
    found = checks.page(f"<html><body>{content}</body></html>", content, "docs/en/x.md", "# X\n")
    assert found == []  # registry fragments pass the article's content policy
    assert checks.guard_findings([]) == []


def test_theme_inline_scripts_are_hashed_and_article_scripts_are_not(registry) -> None:
    content = "<script>injected()</script>"
    page = f"<html><head><script>theme()</script></head><body>{content}</body></html>"
    checks = RenderedChecks(ROOT, None, None, "en")
    found = checks.page(page, content, "docs/en/x.md", "# X\n\n<script>injected()</script>\n")
    assert [(f.line, f.rule) for f in found] == [(3, "HC601")]
    assert checks.hashes == {csp.script_hash("theme()")}


def test_policy_is_strict_and_the_same_for_every_page(tmp_path: Path) -> None:
    digest = base64.b64encode(hashlib.sha256(b"theme()").digest()).decode()
    assert csp.script_hash("theme()") == f"'sha256-{digest}'"
    policy = csp.policy({csp.script_hash("theme()"), csp.script_hash("theme()")})
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    for directive in ("object-src 'none'", "base-uri 'none'", "form-action 'none'",
                      "default-src 'none'", "worker-src 'self' blob:"):  # fmt: skip
        assert directive in policy
    assert "http" not in policy  # nothing from another origin
    assert csp.header(policy).endswith("frame-ancestors 'none'")

    (tmp_path / "en").mkdir()
    for name in ("index.html", "en/index.html"):
        page = "<!doctype html><html><head><title>x</title></head><body></body></html>"
        (tmp_path / name).write_text(csp.insert_placeholder(page), encoding="utf-8")
    assert csp.finalize(tmp_path, policy) == 2
    assert csp.site_policy(tmp_path) == policy
    assert (
        (tmp_path / "en/index.html")
        .read_text(encoding="utf-8")
        .startswith(
            f'<!doctype html><html><head><meta http-equiv="Content-Security-Policy" '
            f'content="{policy}">'
        )
    )


def test_active_content_in_the_themes_part_is_placed_at_the_front_matter() -> None:
    source = "---\ntitle: Help <img src=x onerror=alert(1)>\n---\n\n# Help\n"
    content = "<h1>Help</h1>"
    nav = '<nav><a href="x.html">Help <img src="x" onerror="alert(1)"></a></nav>'
    page = f"<html><head></head><body>{nav}{content}</body></html>"
    checks = RenderedChecks(ROOT, None, None, "en")
    found = checks.page(page, content, "docs/en/help.md", source, "en/help.html")
    assert [(f.path, f.line, f.rule) for f in found] == [("docs/en/help.md", 2, "HC602")]
    # Shown on another page's sidebar: named by the built page, once per build.
    other = checks.page(page, content, "docs/en/other.md", "# Other\n", "en/other.html")
    again = checks.page(page, content, "docs/en/third.md", "# Third\n", "en/third.html")
    assert [(f.path, f.rule) for f in other] == [("en/other.html (theme)", "HC602")]
    assert again == []


def test_a_contact_in_another_pages_title_is_reported_once_at_the_built_page(registry) -> None:
    content = "<p>Text</p>"
    page = '<html><body><nav><a href="b.html">Call +1 202 555 0183</a></nav>{}</body></html>'
    checks = RenderedChecks(ROOT, registry, ROOT / "overrides", "en")
    for name in ("a", "c"):
        checks.page(page.format(content), content, f"docs/en/{name}.md", "# A\n", f"en/{name}.html")
    found = checks.guard_findings([])
    assert [(f.path, f.rule) for f in found] == [("en/a.html (theme)", "HC102")]
