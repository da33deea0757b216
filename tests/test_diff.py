"""``helpcenter diff BASE_REF`` on a real git history: exactly the changes made, nothing else."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpcenter import review
from helpcenter.review import ChannelChange, ListChange, ReferenceChange

REGISTRY_V1 = """\
schema_version: 1
organization:
  name: BitP
  official_domains: [bitp.example]
channels:
  - id: website
    type: website
    value: https://www.bitp.example/
    label: {zh: BitP 官方网站, en: BitP official website}
    status: active
    verified_on: 2026-11-01
  - id: support-email
    type: email
    value: support@bitp.example
    label: {zh: 客服邮箱, en: Support email}
    status: active
    verified_on: 2026-11-01
  - id: hotline-cn
    type: phone
    value: +86 400 000 0123
    label: {zh: 中国大陆客服热线, en: Mainland China hotline}
    status: active
    verified_on: 2026-11-01
  - id: hotline-us
    type: phone
    value: +1 202-555-0142
    label: {zh: 美国客服热线, en: United States hotline}
    status: active
    verified_on: 2026-11-01
  - id: telegram
    type: social
    platform: telegram
    value: https://t.me/bitp_official
    label: {zh: Telegram 官方频道, en: Official Telegram channel}
    status: active
    verified_on: 2026-11-01
allowed_domains: [wikipedia.org]
known_scams:
  - {type: phone, value: +86 400 000 0999}
"""

# What the pull request does to the registry.
REGISTRY_V2 = (
    REGISTRY_V1.replace(  # a new channel
        "  - id: telegram\n",
        "  - id: kyc-email\n"
        "    type: email\n"
        "    value: kyc@bitp.example\n"
        "    label: {zh: 身份验证咨询邮箱, en: Identity verification enquiries}\n"
        "    status: active\n"
        "    verified_on: 2026-11-20\n"
        "  - id: telegram\n",
    )
    .replace(  # telegram removed
        "  - id: telegram\n"
        "    type: social\n"
        "    platform: telegram\n"
        "    value: https://t.me/bitp_official\n"
        "    label: {zh: Telegram 官方频道, en: Official Telegram channel}\n"
        "    status: active\n"
        "    verified_on: 2026-11-01\n",
        "",
    )
    .replace(  # hotline-us retired
        "    value: +1 202-555-0142\n"
        "    label: {zh: 美国客服热线, en: United States hotline}\n"
        "    status: active\n",
        "    value: +1 202-555-0142\n"
        "    label: {zh: 美国客服热线, en: United States hotline}\n"
        "    status: retired\n"
        "    retired_on: 2026-11-15\n"
        "    replaced_by: hotline-cn\n",
    )
    .replace("value: +86 400 000 0123", "value: +86 400 000 0124")  # a new number
    .replace("en: Support email}", "en: Customer support email}")  # a new label
    .replace("allowed_domains: [wikipedia.org]", "allowed_domains: [wikipedia.org, rfc-editor.org]")
    + "  - {type: email, value: service@bitp-help.example}\n"
)

ARTICLE_A_V1 = """\
# 联系我们

邮箱 support@bitp.example。

<!-- hc:channel website -->
"""

ARTICLE_A_V2 = """\
# 联系我们

先看常见问题。

邮箱 support@bitp.example。

有人说可以拨打 +86 400 000 0999 联系客服。

<!-- hc:channel kyc-email -->
"""

ARTICLE_B = """\
# Phone

Call +1 202-555-0142.
"""

ARTICLE_C = """\
# Website

Our site is https://www.bitp.example/ and nothing else.
"""

RENAMED = """\
# Moved page

Write to support@bitp.example; it keeps its contact when the file moves.
"""


def _git(repo: Path, *args: str) -> str:
    env = dict(
        os.environ,
        GIT_AUTHOR_NAME="Test",
        GIT_AUTHOR_EMAIL="test@bitp.example",
        GIT_COMMITTER_NAME="Test",
        GIT_COMMITTER_EMAIL="test@bitp.example",
        GIT_CONFIG_NOSYSTEM="1",
        HOME=str(repo.parent),
    )
    proc = subprocess.run(
        ["git", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return proc.stdout


def _write(repo: Path, path: str, text: str) -> None:
    file = repo / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text, encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """main: the old state; branch ``change``: the pull request (checked out)."""
    repo = tmp_path / "project"
    repo.mkdir()
    _git(repo, "init", "-q")
    _write(repo, "data/channels.yml", REGISTRY_V1)
    _write(repo, "docs/zh/a.md", ARTICLE_A_V1)
    _write(repo, "docs/en/b.md", ARTICLE_B)
    _write(repo, "docs/zh/old-name.md", RENAMED)
    _write(repo, "docs/zh/other.md", "# Other\n")
    _write(repo, "README.md", "# Project\n")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "base")
    _git(repo, "checkout", "-qb", "change")
    _write(repo, "data/channels.yml", REGISTRY_V2)
    _write(repo, "docs/zh/a.md", ARTICLE_A_V2)
    (repo / "docs/en/b.md").unlink()
    _write(repo, "docs/en/c.md", ARTICLE_C)
    _git(repo, "mv", "docs/zh/old-name.md", "docs/zh/new-name.md")
    _write(repo, "README.md", "# Project\n\nMail help@elsewhere.example.\n")  # not an article
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "the change")
    # Meanwhile on main: not part of the change, must not show as reverted.
    _git(repo, "checkout", "-q", "main")
    _write(repo, "docs/zh/other.md", "# Other\n\n电话 +86 400 000 0777\n")
    _git(repo, "commit", "-qam", "unrelated change on main")
    _git(repo, "checkout", "-q", "change")
    return repo


EXPECTED_CHANNELS = {
    ChannelChange("kyc-email", "added", new="kyc@bitp.example"),
    ChannelChange("telegram", "removed", old="https://t.me/bitp_official"),
    ChannelChange("hotline-us", "retired", old="active", new="retired", replaced_by="hotline-cn"),
    ChannelChange("hotline-cn", "value", old="+86 400 000 0123", new="+86 400 000 0124"),
    ChannelChange(
        "support-email", "label", old="Support email", new="Customer support email", lang="en"
    ),
}

EXPECTED_LISTS = {
    ListChange("allowed_domains", "added", "rfc-editor.org"),
    ListChange("known_scams", "added", "service@bitp-help.example", type="email"),
}

# (path, change, line, kind, value as written, verdict)
EXPECTED_CONTACTS = {
    ("docs/zh/a.md", "added", 7, "phone", "+86 400 000 0999", "scam"),
    ("docs/en/b.md", "removed", 3, "phone", "+1 202-555-0142", "retired"),
    ("docs/en/c.md", "added", 3, "website", "https://www.bitp.example/", "official"),
}

EXPECTED_REFERENCES = {
    ReferenceChange("docs/zh/a.md", "added", 9, "channel", "kyc-email"),
    ReferenceChange("docs/zh/a.md", "removed", 5, "channel", "website"),
}


def _contacts(report: review.ChangeReport) -> set[tuple]:
    return {
        (c.path, c.change, c.contact.line, c.contact.kind, c.contact.value, c.contact.verdict)
        for c in report.contacts
    }


def test_reports_exactly_the_changes_made(repo: Path) -> None:
    report = review.compare("main", cwd=repo)
    assert report.base_commit == _git(repo, "merge-base", "main", "change").strip()
    assert set(report.channels) == EXPECTED_CHANNELS
    assert len(report.channels) == len(EXPECTED_CHANNELS)
    assert set(report.lists) == EXPECTED_LISTS
    assert _contacts(report) == EXPECTED_CONTACTS
    assert len(report.contacts) == len(EXPECTED_CONTACTS)
    assert set(report.references) == EXPECTED_REFERENCES
    assert not report.problems


def test_working_tree_edits_count_unless_head_is_asked_for(repo: Path) -> None:
    _write(repo, "docs/zh/a.md", ARTICLE_A_V2 + "\n新号码 +86 400 000 0555\n")
    _write(repo, "docs/zh/draft.md", "# 草稿\n\n邮箱 kyc@bitp.example\n")  # untracked
    extra = {
        ("docs/zh/a.md", "added", 11, "phone", "+86 400 000 0555", "unknown"),
        ("docs/zh/draft.md", "added", 3, "email", "kyc@bitp.example", "official"),
    }
    assert _contacts(review.compare("main", cwd=repo)) == EXPECTED_CONTACTS | extra
    assert _contacts(review.compare("main", cwd=repo, head_only=True)) == EXPECTED_CONTACTS


def test_no_change_says_so(repo: Path) -> None:
    report = review.compare("HEAD", cwd=repo)
    assert report.empty
    text = review.render_markdown(report)
    assert "没有修改任何渠道或文章中的联系方式" in text
    assert "No change to any channel or to contact details in articles" in text


def _cli(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "helpcenter", "diff", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_cli_prints_markdown_in_both_languages(repo: Path) -> None:
    proc = _cli(repo, "main")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    zh, en = out.split("\n### English\n")
    assert out.startswith("## 渠道与联系方式变更 · Channel and contact changes\n")
    assert "### 中文" in zh
    for line in (
        "- 新增渠道 `kyc-email`:`kyc@bitp.example`",
        "- 删除渠道 `telegram`:`https://t.me/bitp_official`(停用的渠道应标记为 retired,而不是删除)",
        "- 渠道停用 `hotline-us`,由 `hotline-cn` 取代",
        "- 渠道 `hotline-cn` 的值变更:`+86 400 000 0123` → `+86 400 000 0124`",
        "- 渠道 `support-email` 的英文名称变更:`Support email` → `Customer support email`",
        "- `docs/zh/a.md` 第 7 行 **新增** 电话 `+86 400 000 0999`:⛔ 已知诈骗",
        "- `docs/en/b.md` 第 3 行(修改前)**删除** 电话 `+1 202-555-0142`:⚠️ 已停用的渠道",
    ):
        assert line in zh.splitlines(), line
    for line in (
        "- Channel added `kyc-email`: `kyc@bitp.example`",
        "- Channel retired `hotline-us`, replaced by `hotline-cn`",
        "- Value of `hotline-cn` changed: `+86 400 000 0123` → `+86 400 000 0124`",
        "- Known scam added (email) `service@bitp-help.example`",
        "- `docs/zh/a.md` line 7 **added** phone `+86 400 000 0999`: ⛔ known scam",
        "- `docs/en/c.md` line 3 **added** web address `https://www.bitp.example/`: official",
        "- `docs/zh/a.md` line 9 reference added `hc:channel` `kyc-email`",
    ):
        assert line in en.splitlines(), line
    # Outside docs/, moved unchanged, or changed only on main: not reported.
    for absent in ("README", "elsewhere", "new-name", "old-name", "other.md", "0777"):
        assert absent not in out


def test_values_cannot_break_out_of_their_code_span() -> None:
    # CommonMark strips one space on each side of a padded code span.
    assert review.code("a`b") == "`` a`b ``"
    assert review.code("`x`") == "`` `x` ``"
    assert review.code("[click](https://evil.example)\n# heading") == (
        "`[click](https://evil.example) # heading`"
    )


def test_bad_ref_exits_2_with_a_message(repo: Path) -> None:
    proc = _cli(repo, "origin/no-such-branch")
    assert proc.returncode == 2
    assert "unknown git ref 'origin/no-such-branch'" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stdout == ""


def test_outside_a_git_repository_exits_2(tmp_path: Path) -> None:
    proc = _cli(tmp_path, "main")
    assert proc.returncode == 2
    assert "not inside a git repository" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_broken_registry_is_compared_and_said_to_be_broken(repo: Path) -> None:
    _write(repo, "data/channels.yml", REGISTRY_V2 + "  - {type: [unclosed\n")
    report = review.compare("main", cwd=repo)
    assert any("not valid YAML" in p for p in report.problems)
    # Articles are still judged, against the registry of the base.
    assert ("docs/zh/a.md", "added", 7, "phone", "+86 400 000 0999", "scam") in _contacts(report)


def test_links_in_articles_are_judged_by_their_target(repo: Path) -> None:
    # A relative link ("contact/email.md") names no domain; an absolute one does.
    _write(
        repo,
        "docs/zh/links.md",
        "# 链接\n\n见 [邮箱](contact/email.md) 和 [站](//www.bitp-help.example/x)。\n",
    )
    contacts = _contacts(review.compare("HEAD", cwd=repo))
    assert {(c[2], c[3], c[4]) for c in contacts if c[0] == "docs/zh/links.md"} == {
        (3, "website", "www.bitp-help.example/x")
    }
