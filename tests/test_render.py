"""Unit tests of helpcenter.site.render: markers, fragments, JSON-LD, published files."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from helpcenter.registry.load import load_registry, load_registry_cached
from helpcenter.registry.model import registry_as_data
from helpcenter.site import markers, render
from helpcenter.site.languages import SiteLanguages

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "overrides"
FIXTURES = ROOT / "tests" / "fixtures" / "registry"
SITE = SiteLanguages(("zh", "en"), "zh")
XSS = '<script>alert(1)</script><img src=x onerror="alert(2)">'


@pytest.fixture(scope="module")
def registry():
    return load_registry(ROOT / "data" / "channels.yml")


@pytest.fixture(scope="module")
def renderer(registry):
    return render.MarkerRenderer(registry, TEMPLATES)


def expand(renderer, text, lang="zh", page="zh/page.md"):
    return renderer.expand(text, lang, page)


# -- finding markers ------------------------------------------------------------------------


def test_markers_are_found_with_line_and_column_outside_code():
    text = (
        "intro <!-- hc:channel website -->\n"
        "```\n<!-- hc:channel fenced -->\n```\n"
        "`<!-- hc:channel spanned -->` and <!--hc:channel-label x-->\n"
        "~~~~md\n<!-- hc:nope -->\n~~~~\n"
        "<!-- hc:known-scams -->\n"
    )
    found = [(m.name, m.args, m.line, m.column) for m in markers.find_markers(text)]
    assert found == [
        ("channel", ("website",), 1, 7),
        ("channel-label", ("x",), 5, 35),
        ("known-scams", (), 9, 1),
    ]


def test_expansion_keeps_every_line_in_place(renderer):
    text = (
        "# T\n\n<!-- hc:contact-directory -->\n\n"
        "See <!-- hc:channel support-email -->.\n\n<!-- hc:known-scams -->\nend\n"
    )
    result = expand(renderer, text)
    assert result.findings == ()
    assert result.markdown.count("\n") == text.count("\n")
    out = result.markdown.split("\n")
    assert out[0] == "# T" and out[7] == "end"
    assert out[2].startswith('<div class="hc-directory">')
    assert "hc:" not in result.markdown


# -- inline markers -------------------------------------------------------------------------


DEFERRED_PAGE = """# Contact <!-- hc:channel support-email -->

Setext heading <!-- hc:channel-label website -->
------------------------------------------------

Write to <!-- hc:channel support-email --> or *call <!-- hc:channel hotline-cn -->*.

<!-- hc:last-verified -->

| Channel | Value |
|---|---|
| <!-- hc:channel-label support-email --> | <!-- hc:channel support-email --> |

- In a list: <!-- hc:channel website -->, then <!-- hc:channel-label website -->.

> Quoted: <!-- hc:channel support-email -->

<!-- hc:known-scams -->

`<!-- hc:channel support-email -->` stays code, and so does this:

```
<!-- hc:channel support-email -->
```
"""


def test_deferred_inline_markers_give_the_same_page(renderer):
    import markdown

    extensions = ["admonition", "attr_list", "md_in_html", "tables", "toc"]
    plain = expand(renderer, DEFERRED_PAGE)
    deferred = renderer.expand(DEFERRED_PAGE, "zh", "zh/page.md", defer_inline=True)
    assert plain.findings == deferred.findings == ()
    # Within text only: not in headings, not alone on a line, not block markers
    assert len(deferred.deferred) == 7
    assert deferred.markdown.count("<!--hc-") == 7
    assert "# Contact <a " in deferred.markdown
    assert "Setext heading <span" in deferred.markdown
    html_plain = markdown.markdown(plain.markdown, extensions=extensions)
    converted = markdown.markdown(deferred.markdown, extensions=extensions)
    assert converted != html_plain
    filled, lost = renderer.fill(converted, deferred.deferred)
    assert lost == 0
    assert filled == html_plain
    # The same text with nothing deferred: fill changes nothing
    assert renderer.fill(html_plain, ()) == (html_plain, 0)


def test_a_placeholder_the_converter_dropped_is_counted(renderer):
    result = renderer.expand("a <!-- hc:channel website --> b", "en", "en/p.md", defer_inline=True)
    assert len(result.deferred) == 1
    assert renderer.fill("<p>a  b</p>", result.deferred) == ("<p>a  b</p>", 1)


def test_placeholders_cannot_be_guessed_from_a_page(registry, renderer):
    other = render.MarkerRenderer(registry, TEMPLATES)
    text = "x <!-- hc:channel website --> y"
    mine = renderer.expand(text, "en", "en/p.md", defer_inline=True)
    theirs = other.expand(text, "en", "en/p.md", defer_inline=True)
    assert mine.markdown != theirs.markdown
    # Another renderer's placeholder, or one written in a page, is left alone
    assert renderer.fill(theirs.markdown, mine.deferred) == (theirs.markdown, 1)


@pytest.mark.parametrize(
    ("cid", "href", "text"),
    [
        ("support-email", "mailto:support@bitp.example", "support@bitp.example"),
        ("hotline-cn", "tel:+864000000123", "+86 400 000 0123"),
        ("hotline-us", "tel:+12025550142", "+1 202-555-0142"),
        ("website", "https://www.bitp.example/", "https://www.bitp.example/"),
        ("telegram", "https://t.me/bitp_official", "https://t.me/bitp_official"),
    ],
)
def test_channel_marker_is_a_link_to_the_value(renderer, cid, href, text):
    html = expand(renderer, f"x <!-- hc:channel {cid} --> y").markdown
    match = re.fullmatch(
        r'x <a class="hc-channel[^"]*" href="([^"]+)" data-hc-channel="([^"]+)">([^<]+)</a> y', html
    )
    assert match, html
    assert match.groups() == (href, cid, text)


def test_handle_without_url_is_text_not_a_link(renderer):
    html = expand(renderer, "<!-- hc:channel wechat -->", lang="en").markdown
    assert "<a " not in html
    assert ">bitp_official</code>" in html and "WeChat account" in html


def test_retired_channel_renders_as_retired_with_its_replacement(renderer):
    zh = expand(renderer, "<!-- hc:channel hotline-cn-old -->").markdown
    assert "<del>+86 400 000 0100</del>" in zh
    assert "tel:+864000000100" not in zh  # the retired number is not a link
    assert '已停用,请改用 <a href="tel:+864000000123" data-hc-channel="hotline-cn">' in zh
    en = expand(renderer, "<!-- hc:channel-label telegram-support-old -->", lang="en").markdown
    assert en == (
        '<span class="hc-channel-label" data-hc-channel="telegram-support-old">'
        "Former Telegram support group (Retired)</span>"
    )


def test_label_marker_uses_the_page_language(renderer):
    assert ">客服邮箱<" in expand(renderer, "<!-- hc:channel-label support-email -->").markdown
    assert (
        ">Support email<"
        in expand(renderer, "<!-- hc:channel-label support-email -->", "en").markdown
    )


def test_last_verified_marker(renderer, registry):
    last = registry.last_verified
    zh = expand(renderer, "<!-- hc:last-verified -->").markdown
    en = expand(renderer, "<!-- hc:last-verified -->", "en").markdown
    start = f'<time class="hc-last-verified" datetime="{last}">'
    assert zh == f"{start}{last.year} 年 {last.month} 月 {last.day} 日</time>"
    assert en == f"{start}{last.day} {last:%B} {last.year}</time>"


# -- block markers --------------------------------------------------------------------------


def cards(html: str) -> dict[str, str]:
    """channel id -> status for every card in a fragment."""
    return dict(
        re.findall(
            r'<li class="hc-card[^"]*" data-hc-channel="([^"]+)" data-hc-status="(\w+)"', html
        )
    )


def test_channels_marker_lists_one_type(renderer, registry):
    html = expand(renderer, "<!-- hc:channels phone -->", "en").markdown
    phones = {c.id: c.status for c in registry.channels if c.type == "phone"}
    assert cards(html) == phones
    assert "Retired channels (do not use)" in html
    assert "Daily 9:00–21:00 (Beijing time)" in html and "Mainland China" in html


def test_contact_directory_lists_every_channel_grouped_by_type(renderer, registry):
    for lang in ("zh", "en"):
        html = expand(renderer, "<!-- hc:contact-directory -->", lang).markdown
        assert cards(html) == {c.id: c.status for c in registry.channels}
        groups = re.findall(r'<section class="hc-directory__group" id="hc-(\w+)"', html)
        assert groups == [
            t for t in render.TYPE_ORDER if any(c.type == t for c in registry.channels)
        ]
        for c in registry.active_channels:
            display, href = render.channel_link(c)
            assert (f'href="{href}"' if href else f">{display}<") in html
        assert html.count("<time datetime=") == len(registry.channels)
    zh = expand(renderer, "<!-- hc:contact-directory -->").markdown
    assert "核实日期" in zh and "服务时间" in zh and "自 2026 年 10 月 1 日 起停用" in zh
    assert "请改用: 中国大陆客服热线" in zh


def test_known_scams_are_defanged_and_never_links(renderer, registry):
    html = expand(renderer, "<!-- hc:known-scams -->", "en").markdown
    assert "<a " not in html and "href" not in html
    assert "https://" not in html and "bitp-help.example" not in html
    assert "service[@]bitp-help[.]example" in html
    assert "hxxps://t[.]me/bitp_admin_help" in html
    assert "+1 202-555-0199" in html  # phone digits stay readable
    assert html.count('<li class="hc-scam"') == len(registry.known_scams)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://bitp-help.example/login", "hxxps://bitp-help[.]example/login"),
        ("http://www.bltp.example", "hxxp://www[.]bltp[.]example"),
        ("service@bitp-help.example", "service[@]bitp-help[.]example"),
        ("mailto:a@b.example", "mailto[:]a[@]b[.]example"),
        ("+86 400 000 0999", "+86 400 000 0999"),
        ("bitp_admin", "bitp_admin"),
    ],
)
def test_defang(value, expected):
    assert render.defang(value) == expected


# -- problems in pages ----------------------------------------------------------------------


def test_unknown_channel_id_names_page_line_and_suggestion(renderer):
    text = "# Title\n\nWrite to <!-- hc:channel suport-email --> today.\n"
    result = renderer.expand(text, "zh", "zh/contact/email.md")
    (finding,) = result.findings
    assert (finding.path, finding.line, finding.column, finding.rule) == (
        "zh/contact/email.md",
        3,
        10,
        "HC201",
    )
    assert "unknown channel id 'suport-email'" in finding.message
    assert "did you mean 'support-email'?" in finding.message
    assert result.markdown == text  # left as written: an invisible comment


@pytest.mark.parametrize(
    ("text", "code", "fragment"),
    [
        ("<!-- hc:contact -->", "HC202", "unknown marker '<!-- hc:contact -->'"),
        ("<!-- hc:channel -->", "HC203", "needs exactly one ID"),
        ("<!-- hc:channel a b -->", "HC203", "needs exactly one ID"),
        ("<!-- hc:channels fax -->", "HC203", "names an unknown type 'fax'"),
        ("<!-- hc:known-scams all -->", "HC203", "takes no argument"),
        ("See <!-- hc:contact-directory -->", "HC204", "must stand alone on its line"),
        ("<!-- hc:channel-label nope -->", "HC201", "unknown channel id 'nope'"),
    ],
)
def test_bad_markers_are_reported(renderer, text, code, fragment):
    result = expand(renderer, "\n" + text + "\n")
    (finding,) = result.findings
    assert finding.rule == code and finding.line == 2
    assert fragment in finding.message


def test_findings_in_chinese(renderer):
    result = renderer.expand("<!-- hc:channel nope -->", "zh", "zh/a.md", message_lang="zh")
    assert "渠道 id 'nope' 不存在" in result.findings[0].message


def test_verifier_marker_is_left_for_its_own_hook(renderer):
    text = "<!-- hc:verifier -->\n"
    result = expand(renderer, text)
    assert result.findings == () and result.markdown == text


# -- escaping -------------------------------------------------------------------------------


@pytest.fixture
def hostile(tmp_path):
    text = (FIXTURES / "valid" / "base.yml").read_text(encoding="utf-8")
    text = text.replace("{zh: 客服邮箱, en: Support email}", f"{{zh: '{XSS}', en: '{XSS}'}}")
    path = tmp_path / "channels.yml"
    path.write_text(text, encoding="utf-8")
    return load_registry(path)


def test_hostile_label_is_escaped_in_every_fragment(hostile):
    renderer = render.MarkerRenderer(hostile, TEMPLATES)
    for text in ("<!-- hc:channel-label support-email -->", "<!-- hc:contact-directory -->",
                 "<!-- hc:channels email -->"):  # fmt: skip
        html = renderer.expand(text, "en", "en/a.md").markdown
        assert "<script" not in html and "<img" not in html
        assert (
            "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&#34;alert(2)&#34;&gt;"
            in html
        )


def test_jsonld_is_safe_inside_a_script_element(hostile):
    data = render.site_data(hostile, SITE)
    for lang in ("zh", "en"):
        text = str(data["jsonld"][lang])
        assert "<" not in text and ">" not in text and "&" not in text
        parsed = json.loads(text)
        assert XSS in [p["contactType"] for p in parsed["contactPoint"]]


def test_script_json_escapes_everything_that_could_end_a_script():
    value = {"a": "</script><!-- & \u2028 \u2029"}
    text = render.script_json(value)
    assert not re.search("[<>&\u2028\u2029]", text)
    assert json.loads(text) == value


# -- site data and published files ----------------------------------------------------------


def test_organization_jsonld(registry):
    data = render.organization_jsonld(registry, "en", "https://help.bitp.example/", "en/")
    assert data["@type"] == "Organization" and data["name"] == "BitP"
    emails = {p.get("email") for p in data["contactPoint"]} - {None}
    phones = {p.get("telephone") for p in data["contactPoint"]} - {None}
    assert emails == {"support@bitp.example", "security@bitp.example", "kyc@bitp.example"}
    assert phones == {"+864000000123", "+12025550142", "+442079460321"}  # no retired number
    assert data["sameAs"] == [
        "https://t.me/bitp_official",
        "https://x.com/bitp_official",
        "https://www.facebook.com/bitpofficial",
        "https://weibo.com/bitpofficial",
    ]
    assert data["mainEntityOfPage"] == "https://help.bitp.example/en/"


def test_site_data_for_the_theme(registry):
    data = render.site_data(registry, SITE)
    assert data["demo"] is True
    assert data["last_verified"] == "2026-11-01"
    assert data["last_verified_text"] == {"zh": "2026 年 11 月 1 日", "en": "1 November 2026"}
    assert set(data["text"]) == {"zh", "en"}
    assert set(data["text"]["zh"]) == set(data["text"]["en"])


def test_security_txt(registry):
    text = render.security_txt(registry, dt.date(2026, 11, 25), "https://help.bitp.example/")
    fields = [line.split(": ", 1) for line in text.splitlines() if not line.startswith("#")]
    assert fields == [
        ["Contact", "mailto:security@bitp.example"],
        ["Contact", "https://help.bitp.example/contact/directory.html"],
        ["Expires", "2027-05-24T00:00:00Z"],
        ["Preferred-Languages", "zh, en"],
        ["Canonical", "https://help.bitp.example/.well-known/security.txt"],
    ]
    assert "DEMONSTRATION DATA" in text
    plain = render.security_txt(registry, dt.date(2026, 11, 25))
    assert "Canonical" not in plain and "Contact: https://www.bitp.example/" in plain


def test_channels_json(registry):
    data = json.loads(render.channels_json(registry, dt.date(2026, 11, 25)))
    assert list(data)[:2] == ["schema_version", "build_date"]
    assert data["build_date"] == "2026-11-25"
    assert {k: v for k, v in data.items() if k != "build_date"} == registry_as_data(registry)
    assert all("source" not in c for c in data["channels"])  # reviewers' notes stay private


def test_write_published(tmp_path, registry):
    render.write_published(tmp_path, registry, dt.date(2026, 1, 1))
    assert json.loads((tmp_path / "channels.json").read_text(encoding="utf-8"))["demo"] is True
    assert (
        "Expires: 2026-06-30T00:00:00Z" in (tmp_path / ".well-known" / "security.txt").read_text()
    )


def test_build_date_honours_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    assert render.build_date() == dt.date(2026, 9, 21)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert render.build_date() == dt.datetime.now(dt.UTC).date()


def test_registry_is_cached_until_the_file_changes(tmp_path):
    path = tmp_path / "channels.yml"
    path.write_text(
        (FIXTURES / "valid" / "minimal.yml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    first = load_registry_cached(path)
    assert load_registry_cached(path) is first
    path.write_text(
        path.read_text(encoding="utf-8").replace("2026-11-01", "2026-11-02"), encoding="utf-8"
    )
    import os

    os.utime(path, ns=(1, 1))
    second = load_registry_cached(path)
    assert second is not first and second.last_verified == dt.date(2026, 11, 2)


def test_findings_count_lines_of_the_file_with_its_front_matter(renderer):
    source = "---\ntitle: T\n---\n\n# T\n\n<!-- hc:channel nope -->\n"
    body = source.split("---\n", 2)[2].lstrip("\n")
    offset = render.body_offset(source, body)
    assert offset == 4
    (finding,) = renderer.expand(body, "zh", "zh/a.md", line_offset=offset).findings
    assert finding.line == 7
    assert render.body_offset("abc", "xyz") == 0


def test_support_channels_are_the_active_channels_that_take_messages(renderer, registry):
    wanted = [c for c in registry.active_channels if c.accepts_messages]
    assert {c.type for c in wanted} == {"chat", "email", "phone"}
    for lang in ("zh", "en"):
        html = expand(renderer, "<!-- hc:support-channels -->", lang).markdown
        assert "data-hc-support-channels" in html
        shown = re.findall(r'<li class="hc-card[^"]*" data-hc-channel="([^"]+)"', html)
        assert shown[0] == "live-chat"  # TYPE_ORDER: chat before email and phone
        assert sorted(shown) == sorted(c.id for c in wanted)
        assert "retired" not in html.lower()


def test_cards_say_whether_a_channel_takes_messages(renderer, registry):
    html = expand(renderer, "<!-- hc:contact-directory -->", "en").markdown
    for c in registry.active_channels:
        card = re.search(rf'data-hc-channel="{c.id}".*?</li>', html, re.S).group(0)
        if c.accepts_messages is None:
            assert "data-hc-messages" not in card
        else:
            flag = "yes" if c.accepts_messages else "no"
            assert f'data-hc-messages="{flag}"' in card, c.id
    assert "announcements only" in html
    zh = expand(renderer, "<!-- hc:channels social -->", "zh").markdown
    assert zh.count('data-hc-messages="no"') == len(
        [c for c in registry.active_channels if c.type == "social"]
    )
    assert "只发布公告" in zh


@pytest.mark.parametrize("demo", [True, False])
def test_verification_claim_follows_the_demo_flag(registry, demo):
    from dataclasses import replace

    renderer = render.MarkerRenderer(replace(registry, demo=demo), TEMPLATES)
    zh = expand(renderer, "需要时:<!-- hc:verification-status -->。", "zh").markdown
    en = expand(renderer, "When needed: <!-- hc:verification-status -->.", "en").markdown
    assert ("虚构的演示数据" in zh) is demo and ("都经过核实" in zh) is not demo
    assert ("fictional demonstration data" in en) is demo
    assert ("has been verified" in en) is not demo
    assert f'data-hc-demo="{"true" if demo else "false"}"' in en


def test_site_data_has_the_jsonld_of_every_site_language(registry):
    url = "https://help.bitp.example/"
    data = render.site_data(registry, SiteLanguages(("zh", "en", "zh-Hant"), "zh"), url)
    assert data["home_pages"] == ["index.md", "zh/index.md", "en/index.md", "zh-Hant/index.md"]
    jsonld = {lang: json.loads(str(text)) for lang, text in data["jsonld"].items()}
    pages = {lang: value["mainEntityOfPage"] for lang, value in jsonld.items()}
    assert pages == {"zh": url, "en": url + "en/", "zh-Hant": url + "zh-Hant/"}
    labels = {lang: jsonld[lang]["contactPoint"][0]["contactType"] for lang in jsonld}
    assert labels["zh-Hant"] == labels["en"] != labels["zh"]  # no texts of its own: English
