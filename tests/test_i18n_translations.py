"""Translation parity, channel parity and revision tracking on small docs trees."""

from __future__ import annotations

import pytest

from helpcenter import cli
from helpcenter.checks.i18n.check import TranslationChecker, channel_refs
from helpcenter.checks.i18n.notice import translation_notice
from helpcenter.checks.i18n.revision import content_hash, stamp, status_report, translation_states
from helpcenter.site.publish import SiteLayout
from project_files import write_files

EMAIL = "<!-- hc:channel support-email -->"
SITE = (("zh", "en"), "zh")
"""The languages of these docs trees (as in the project's mkdocs.yml) and the source one."""


@pytest.fixture
def docs(tmp_path):
    return write_files(
        tmp_path / "docs",
        {
            "zh/index.md": f"---\ntitle: 首页\n---\n# 首页\n\n邮箱 {EMAIL}\n",
            "en/index.md": f"---\ntitle: Home\n---\n# Home\n\nEmail {EMAIL}\n",
            "zh/faq.md": "# 常见问题\n",
            "en/faq.md": "# FAQ\n",
        },
    )


def codes(findings):
    return [(f.path, f.line, f.rule) for f in findings]


def test_content_hash_is_stable_and_line_ending_blind():
    assert content_hash("a\nb\n") == content_hash("a\r\nb\r\n")
    assert content_hash("a\nb\n") != content_hash("a\nc\n")
    assert content_hash("").startswith("sha256:") and len(content_hash("")) == 19


def test_states_and_stamp(docs):
    states = {s.translation: s.state for s in translation_states(docs, *SITE)}
    assert states == {"en/faq.md": "untracked", "en/index.md": "untracked"}
    before = (docs / "en/index.md").read_text("utf-8")
    changed = stamp(docs, *SITE)
    assert sorted(s.translation for s in changed) == ["en/faq.md", "en/index.md"]
    after = (docs / "en/index.md").read_text("utf-8")
    expected_line = f"source_hash: {content_hash((docs / 'zh/index.md').read_text('utf-8'))}\n"
    assert after == before.replace("title: Home\n", "title: Home\n" + expected_line)
    assert (docs / "zh/index.md").read_text("utf-8").count("source_hash") == 0
    assert {s.state for s in translation_states(docs, *SITE)} == {"current"}
    assert stamp(docs, *SITE) == []  # nothing left to do
    # The source changes: the translation is stale, on the line of its field.
    write_files(
        docs,
        {"zh/index.md": f"---\ntitle: 首页\n---\n# 首页(新)\n\n邮箱 {EMAIL}\n"},
    )
    (state,) = [s for s in translation_states(docs, *SITE) if s.state != "current"]
    assert (state.translation, state.state, state.line) == ("en/index.md", "stale", 3)
    report = status_report(translation_states(docs, *SITE))
    assert report["counts"]["stale"] == 1 and report["up_to_date"] is False


def test_stamp_only_selected(docs):
    changed = stamp(docs, *SITE, only=["en/faq.md"])
    assert [s.translation for s in changed] == ["en/faq.md"]
    assert "source_hash" not in (docs / "en/index.md").read_text("utf-8")


def test_invalid_hash(docs):
    write_files(docs, {"en/faq.md": "---\nsource_hash: md5:abc\n---\n# FAQ\n"})
    checker = TranslationChecker(docs, *SITE, display_root=docs)
    assert ("en/faq.md", 2, "HC406") in codes(checker.revisions())


def test_missing_counterparts_both_ways(docs):
    write_files(docs, {"zh/only-zh.md": "# 仅中文\n", "en/only-en.md": "# English only\n"})
    findings = sorted(TranslationChecker(docs, *SITE, display_root=docs).counterparts())
    assert codes(findings) == [("en/only-en.md", 1, "HC401"), ("zh/only-zh.md", 1, "HC401")]
    assert "create 'zh/only-en.md'" in findings[0].message
    zh = sorted(TranslationChecker(docs, *SITE, display_root=docs, lang="zh").counterparts())
    assert "没有对应的英文页面:请创建同名文件 'en/only-zh.md'" in zh[1].message


def test_channel_refs_ignore_code_and_prose_mentions():
    text = (
        "<!-- hc:channel support-email --> <!-- hc:channel-label hotline-cn -->\n"
        "`<!-- hc:channel in-code -->`\n"
        "```\n<!-- hc:channel fenced -->\n```\n"
        '<!--\nWrite "hc:channel ID" to show a channel.\n-->\n'
        "<!-- hc:channels phone -->\n<!-- hc:contact-directory -->\n<!-- hc:known-scams -->\n"
    )
    refs = channel_refs(text)
    assert {k: r.line for k, r in refs.items()} == {
        "support-email": 1, "hotline-cn": 1, "channels phone": 9, "contact-directory": 10,
    }  # fmt: skip


def test_channel_mismatch_names_both_files_and_ids(docs):
    write_files(docs, {"en/index.md": "# Home\n\nChat <!-- hc:channel live-chat -->\n"
                                "<!-- hc:channels phone -->\n"})  # fmt: skip
    findings = sorted(TranslationChecker(docs, *SITE, display_root=docs).channels())
    assert codes(findings) == [
        ("en/index.md", 1, "HC402"), ("en/index.md", 3, "HC402"), ("en/index.md", 4, "HC402"),
    ]  # fmt: skip
    missing, extra, block = (f.message for f in findings)
    assert (
        "channel 'support-email' is in 'zh/index.md' (line 6) but not in 'en/index.md'" in missing
    )
    assert "channel 'live-chat' is in 'en/index.md' (line 3) but not in 'zh/index.md'" in extra
    assert "'<!-- hc:channels phone -->' is in 'en/index.md'" in block


MKDOCS_YML = """\
site_name: x
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
plugins:
  - i18n:
      languages:
        - {locale: zh, default: true, name: 中文}
        - {locale: en, name: English}
"""


def test_translations_command(docs, capsys, monkeypatch):
    monkeypatch.chdir(docs.parent)
    (docs.parent / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    assert cli.main(["translations", "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert "docs/en/faq.md:1:1: HC404" in out
    assert cli.main(["translations", "--stamp"]) == 0
    assert "docs/en/faq.md: source_hash (none) -> sha256:" in capsys.readouterr().out
    assert cli.main(["translations"]) == 0
    write_files(docs, {"zh/faq.md": "# 常见问题(更新)\n"})
    assert cli.main(["translations", "--lang", "en"]) == 1
    assert (
        "docs/en/faq.md:2:1: HC403 translation is older than its source" in capsys.readouterr().out
    )
    assert cli.main(["translations", "--stamp", "docs/zh/faq.md"]) == 2
    assert cli.main(["translations", "--stamp", "docs/en/faq.md"]) == 0
    assert cli.main(["translations"]) == 0


def test_notices(docs):
    stamp(docs, *SITE)
    write_files(docs, {"zh/faq.md": "# 常见问题(新)\n"})
    states = {(s.lang, s.page): s for s in translation_states(docs, *SITE)}
    layout = SiteLayout(*SITE)
    fallback = translation_notice("only.md", "en", "zh", states, layout, "en/only.html")
    assert fallback == {
        "kind": "fallback", "reader": "en", "original_lang": "zh",
        "original_href": "../only.html", "status_href": "about/translation-status.html",
    }  # fmt: skip
    stale = translation_notice("faq.md", "en", "en", states, layout, "en/faq.html", False)
    assert stale == {
        "kind": "stale", "reader": "en", "original_lang": "zh", "original_href": "../faq.html",
    }  # fmt: skip
    assert translation_notice("index.md", "en", "en", states, layout, "en/index.html") is None
    assert translation_notice("faq.md", "zh", "zh", states, layout, "faq.html") is None


def test_contributor_guides_say_what_a_one_language_change_may_leave_for_later():
    # The build fails on HC401 and HC402 and only notes HC403 (helpcenter.checks.i18n.rules):
    # both guides must say so where they explain one-language changes, not only
    # in the generated rule table.
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    for name in ("CONTRIBUTING.md", "CONTRIBUTING.zh.md"):
        text = (root / name).read_text(encoding="utf-8")
        prose = text.split("| `HC001`")[0]  # before the rule tables
        for code in ("HC401", "HC402", "HC403"):
            assert f"`{code}`" in prose, (name, code)
        assert "<!-- hc:support-channels -->" in prose, name


def test_the_command_takes_the_languages_from_mkdocs_yml(docs, capsys, monkeypatch):
    monkeypatch.chdir(docs.parent)
    assert cli.main(["translations"]) == 2  # no mkdocs.yml: the languages are unknown
    assert "mkdocs.yml: cannot read the site's configuration" in capsys.readouterr().err
    third = MKDOCS_YML + "        - {locale: zh-Hant, name: 繁體中文}\n"
    (docs.parent / "mkdocs.yml").write_text(third, encoding="utf-8")
    write_files(docs, {"zh-Hant/faq.md": "# 常見問題\n"})
    assert cli.main(["translations", "--stamp", "docs/zh-Hant/faq.md"]) == 1  # others left
    assert "docs/zh-Hant/faq.md: source_hash (none) -> sha256:" in capsys.readouterr().out
    assert cli.main(["translations", "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert "docs/zh-Hant/index.md" in out and "HC401" in out  # the missing page
    assert "docs/zh-Hant/faq.md" not in out  # stamped: up to date
