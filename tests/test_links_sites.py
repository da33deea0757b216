"""Fixture sites: each broken input gives a message naming file and line, and fails where it should.

The scenarios live in tests/fixtures/sites/<name>/ with their expected
messages in expect.yml; every one is built by the real ``mkdocs build``
with the project's hooks.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "sites"))
import sitekit  # noqa: E402

pytestmark = pytest.mark.build


def test_base_site_builds_clean(tmp_path):
    project = sitekit.make_site(tmp_path / "base")
    proc = sitekit.build(project)
    assert proc.returncode == 0, proc.stderr
    # The base site takes its site_url from the registry's help-center channel:
    # a sitemap of absolute URLs, and nothing else said.
    problems = [line for line in proc.stderr.splitlines() if not line.startswith("INFO")]
    assert problems == []
    assert "<loc>https://" in (project / "out" / "sitemap.xml").read_text("utf-8")
    status = json.loads((project / "out" / "translation-status.json").read_text("utf-8"))
    assert status["up_to_date"] is True
    assert {p["translation"] for p in status["pages"]} == {
        "en/index.md", "en/guide.md", "en/about/translation-status.md", "en/safety/fake-support.md",
    }  # fmt: skip


@pytest.mark.parametrize("scenario", sitekit.scenarios())
def test_scenario_reports_file_and_line(tmp_path, scenario):
    expect = sitekit.expectations(scenario)
    project = sitekit.make_site(tmp_path / scenario, scenario)
    proc = sitekit.build(project, strict=True)
    for message in expect["messages"]:
        assert message in proc.stderr, f"missing {message!r} in:\n{proc.stderr}"
        assert re.search(r"Doc file '[^']+' line \d+: HC\d{3}", message)
    assert "Traceback" not in proc.stderr
    if expect["strict"] == "fail":
        assert proc.returncode != 0
    else:
        assert proc.returncode == 0, proc.stderr
    if "nonstrict" in expect:
        loose = sitekit.build(project, strict=False, out=tmp_path / "loose")
        assert (loose.returncode == 0) == (expect["nonstrict"] == "pass"), loose.stderr
        assert "Traceback" not in loose.stderr


def test_missing_translation_falls_back_with_a_notice_in_the_readers_language(tmp_path):
    project = sitekit.make_site(tmp_path / "site", "missing-translation")
    out = tmp_path / "out"
    proc = sitekit.build(project, strict=False, out=out)
    assert proc.returncode == 0, proc.stderr
    page = (out / "en" / "extra.html").read_text("utf-8")
    assert 'data-hc-translation="fallback"' in page
    assert "This page has not been translated into English yet" in page
    assert 'href="../extra.html" hreflang="zh">Chinese original</a>' in page
    assert "这一页只有中文版" in page  # the content itself is the Chinese original
    assert '<div lang="zh">' in page  # marked as Chinese for screen readers and search
    # The Chinese page itself carries no notice, and real translations none either.
    assert "hc-translation-notice" not in (out / "extra.html").read_text("utf-8")
    assert "hc-translation-notice" not in (out / "en" / "guide.html").read_text("utf-8")


def test_stale_translation_is_listed_and_announced_but_builds(tmp_path):
    project = sitekit.make_site(tmp_path / "site", "stale-translation")
    proc = sitekit.build(project)
    assert proc.returncode == 0, proc.stderr
    out = project / "out"
    status = json.loads((out / "translation-status.json").read_text("utf-8"))
    stale = [p for p in status["pages"] if p["state"] == "stale"]
    assert [p["translation"] for p in stale] == ["en/guide.md"]
    assert stale[0]["recorded"] != stale[0]["current"]
    for lang_dir, label in (("en", "Source changed"), ("", "原文已更新")):
        report = (out / lang_dir / "about" / "translation-status.html").read_text("utf-8")
        row = re.search(r'<tr data-state="stale">(.*?)</tr>', report, re.S)
        assert row and "en/guide.md" in row.group(1) and label in row.group(1)
        assert report.count('class="hc-translation-status"') == 1
        assert "hc-translation-status-->" not in report  # the slot was filled
    page = (out / "en" / "guide.html").read_text("utf-8")
    assert 'data-hc-translation="stale"' in page
    assert "The original was updated after this translation" in page
    assert "hc-translation-notice" not in (out / "en" / "index.html").read_text("utf-8")
