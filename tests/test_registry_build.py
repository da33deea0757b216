"""Rendering tests on a real build: the registry as the reader sees it.

Each test builds a copy of the project into ``tmp_path`` (never ``site/``):
the real articles and theme, with a registry whose support-email label is a
script-injection attempt, so one build shows both that every channel is
listed and that registry text is escaped everywhere.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from helpcenter.registry.load import load_registry
from helpcenter.site.render import channel_link
from project_files import copy_project

pytestmark = pytest.mark.build

ROOT = Path(__file__).resolve().parents[1]
XSS = '<script>alert(1)</script><img src=x onerror="alert(2)">'


def build(project: Path, strict: bool) -> subprocess.CompletedProcess:
    env = dict(
        os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1790000000", HELPCENTER_LANG="en"
    )
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict" if strict else "--no-strict",
           "-f", str(project / "mkdocs.yml"), "-d", str(project / "out")]  # fmt: skip
    return subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The site built from the real articles and a registry with a hostile label."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    registry = project / "data" / "channels.yml"
    text = registry.read_text(encoding="utf-8")
    old = "label: {zh: 客服邮箱, en: Support email}"
    assert old in text
    registry.write_text(
        text.replace(old, f"label: {{zh: '客服{XSS}', en: 'Support{XSS}'}}"), encoding="utf-8"
    )
    # Not --strict: this build is about what gets rendered; unfinished articles
    # elsewhere must not hide a rendering bug. The strict behaviour has its own tests.
    proc = build(project, strict=False)
    assert proc.returncode == 0, proc.stderr[-4000:]
    return project / "out"


@pytest.fixture(scope="module")
def registry():
    return load_registry(ROOT / "data" / "channels.yml")


class Cards(HTMLParser):
    """Registry cards (``data-hc-channel`` + ``data-hc-status``) and every link in a page."""

    def __init__(self) -> None:
        super().__init__()
        self.cards: dict[str, str] = {}
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "li" and "data-hc-channel" in a:
            self.cards[a["data-hc-channel"]] = a.get("data-hc-status", "")
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"])


def parse(path: Path) -> Cards:
    parser = Cards()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.mark.parametrize("page", ["contact/directory.html", "en/contact/directory.html"])
def test_every_active_channel_is_on_both_directory_pages(site, registry, page):
    parsed = parse(site / page)
    for channel in registry.active_channels:
        assert parsed.cards.get(channel.id) == "active", f"{channel.id} missing from {page}"
        display, href = channel_link(channel)
        if href:
            assert href in parsed.hrefs, f"{channel.id}: no link {href} on {page}"
    for channel in registry.retired_channels:
        assert parsed.cards.get(channel.id) == "retired"
        assert channel_link(channel)[1] not in parsed.hrefs  # retired: never a link


def test_directory_pages_are_in_their_language(site):
    zh = (site / "contact" / "directory.html").read_text(encoding="utf-8")
    en = (site / "en" / "contact" / "directory.html").read_text(encoding="utf-8")
    assert "中国大陆客服热线" in zh and "核实日期" in zh and "已停用的渠道" in zh
    assert "Mainland China hotline" in en and "Verified on" in en and "Retired channels" in en


def test_hostile_label_is_escaped_in_every_page_and_script(site):
    """Pages, JSON-LD, search index and verifier data: the label never comes out as markup."""
    files = [p for p in site.rglob("*") if p.suffix in (".html", ".js", ".json")]
    assert len([p for p in files if p.suffix == ".html"]) > 10
    shown = set()
    for path in files:
        if path.name == "channels.json":
            continue  # plain data, checked below: JSON carries the text as it is
        text = path.read_text(encoding="utf-8")
        assert "<script>alert(1)" not in text, path
        assert 'onerror="alert(2)"' not in text and "<img src=x" not in text, path
        if (
            "&lt;script&gt;alert(1)&lt;/script&gt;" in text
            or "\\u003cscript\\u003ealert(1)" in text
        ):
            shown.add(path.relative_to(site).as_posix())
    # the label is shown (escaped) on both directory pages and in both home pages' JSON-LD
    assert {"contact/directory.html", "en/contact/directory.html"} <= shown
    assert {"index.html", "en/index.html"} <= shown
    verifier = [p for p in shown if "verif" in p and p.endswith(".js")]
    if (site / "verify.html").exists():
        assert verifier or {"verify.html", "en/verify.html"} & shown, shown


@pytest.mark.parametrize(("page", "lang"), [("index.html", "zh"), ("en/index.html", "en")])
def test_home_pages_carry_organization_jsonld(site, page, lang):
    html = (site / page).read_text(encoding="utf-8")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    assert "\\u003cscript\\u003e" in blocks[0]
    data = json.loads(blocks[0])
    assert data["@type"] == "Organization" and data["name"] == "BitP"
    label = ("客服" if lang == "zh" else "Support") + XSS
    assert label in [p["contactType"] for p in data["contactPoint"]]
    assert "https://t.me/bitp_official" in data["sameAs"]


def test_jsonld_only_on_home_pages(site):
    assert "application/ld+json" not in (site / "contact" / "directory.html").read_text(
        encoding="utf-8"
    )


def test_channels_json_is_published(site, registry):
    data = json.loads((site / "channels.json").read_text(encoding="utf-8"))
    assert data["schema_version"] == 1
    assert data["build_date"] == "2026-09-21"  # SOURCE_DATE_EPOCH
    assert [c["id"] for c in data["channels"]] == [c.id for c in registry.channels]
    support = next(c for c in data["channels"] if c["id"] == "support-email")
    assert support["label"]["en"] == "Support" + XSS  # data stays data; JSON escapes nothing away
    assert not (site / "en" / "channels.json").exists()


def test_security_txt_is_published(site):
    text = (site / ".well-known" / "security.txt").read_text(encoding="utf-8")
    assert "Contact: mailto:security@bitp.example\n" in text
    assert "Preferred-Languages: zh, en\n" in text
    expires = re.search(r"^Expires: (\S+)$", text, re.M).group(1)
    assert expires == (dt.date(2026, 9, 21) + dt.timedelta(days=180)).strftime("%Y-%m-%dT00:00:00Z")


def test_demo_banner_and_verified_footer_on_every_page(site):
    # 404.html replaces the theme's content block with its own message.
    pages = [
        p
        for p in site.rglob("*.html")
        if 'class="md-content"' in p.read_text(encoding="utf-8") and p.name != "404.html"
    ]
    assert len(pages) > 10
    for page in pages:
        html = page.read_text(encoding="utf-8")
        lang_en = page.relative_to(site).parts[0] == "en"
        assert 'data-hc-demo="true"' in html, page
        footer = re.search(
            r'<div class="hc-footer-verified[^"]*">\s*<a href="([^"]+)">(.*?)</a>', html, re.S
        )
        assert footer, page
        text = re.sub(r"<[^>]+>", "", footer.group(2))
        expected = (
            "Channel list last verified on 1 November 2026"
            if lang_en
            else "渠道列表最后核实于 2026 年 11 月 1 日"
        )
        assert text == expected, page
        target = (page.parent / footer.group(1)).resolve()
        assert target == (site / ("en" if lang_en else "") / "contact" / "directory.html").resolve()


def test_unknown_channel_id_fails_the_strict_build_naming_page_and_line(tmp_path):
    project = copy_project(tmp_path / "project")
    article = project / "docs" / "zh" / "faq.md"
    lines = article.read_text(encoding="utf-8").rstrip("\n").split("\n")
    lines += ["", "请联系 <!-- hc:channel support-mail --> 获取帮助。", "", "<!-- hc:contacts -->"]
    article.write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = build(project, strict=True)
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    n = len(lines)
    assert (
        f"Doc file 'zh/faq.md' line {n - 2}: HC201 unknown channel id 'support-mail' in marker "
        "'<!-- hc:channel support-mail -->' (did you mean 'support-email'?)"
    ) in proc.stderr
    assert (
        f"Doc file 'zh/faq.md' line {n}: HC202 unknown marker '<!-- hc:contacts -->'" in proc.stderr
    )
    assert "Aborted with" in proc.stdout + proc.stderr


def test_bad_registry_stops_the_build_with_every_problem(tmp_path):
    project = copy_project(tmp_path / "project")
    registry = project / "data" / "channels.yml"
    text = registry.read_text(encoding="utf-8")
    text = text.replace("value: support@bitp.example", "value: support@bitp-mail.example")
    text = text.replace("  - id: kyc-email\n", "  - id: support-email\n")
    registry.write_text(text, encoding="utf-8")
    proc = build(project, strict=False)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert re.search(
        r"channels\.yml:\d+:\d+: HC031 channel 'support-email': email 'support@bitp-mail\.example'",
        proc.stderr,
    )
    assert re.search(
        r"channels\.yml:\d+:\d+: HC011 channel 'support-email': duplicate id", proc.stderr
    )
    assert not (project / "out" / "index.html").exists()


def test_every_meta_description_is_the_front_matter_text(site):
    """A description with quotes (safety/fake-support.md) used to end its meta tag early."""
    import yaml

    class Meta(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.description: str | None = None

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if tag == "meta" and a.get("name") == "description":
                self.description = a.get("content")

    checked = 0
    for source in sorted((ROOT / "docs").rglob("*.md")):
        text = source.read_text("utf-8")
        if not text.startswith("---\n"):
            continue
        description = yaml.safe_load(text.split("---\n", 2)[1]).get("description")
        lang, name = source.relative_to(ROOT / "docs").as_posix().split("/", 1)
        page = site / ("en/" if lang == "en" else "") / name.replace(".md", ".html")
        if description is None or not page.exists():
            continue
        meta = Meta()
        meta.feed(page.read_text("utf-8"))
        assert meta.description == description, page
        checked += 1
    assert checked > 10
    assert '"' in (ROOT / "docs" / "en" / "safety" / "fake-support.md").read_text("utf-8")
