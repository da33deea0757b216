"""The contact guard: positions, verdicts, suppressions, reporters and the ``check`` command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpcenter.cli import main
from helpcenter.guard.paths import check_paths
from helpcenter.guard.scan import check_source
from helpcenter.guard.verdict import classify
from helpcenter.registry.load import load_registry

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "contacts"
REGISTRY = FIXTURES / "channels.yml"


@pytest.fixture(scope="module")
def registry():
    return load_registry(REGISTRY)


def findings(text: str, registry, path: str = "docs/zh/page.md"):
    return check_source(text, path, registry, lang="en").findings


# -- positions ----------------------------------------------------------------


def test_line_and_column_are_exact_and_counted_in_characters(registry) -> None:
    text = "# 标题\n\n中文中文 help@coinhelp.example\n"
    (f,) = findings(text, registry)
    assert (f.line, f.column, f.rule, f.value) == (3, 6, "HC101", "help@coinhelp.example")


def test_positions_survive_normalisation_before_the_contact(registry) -> None:
    # Full-width letters, an entity, an invisible character and a defanged dot
    # earlier on the line change the normalised text's length, not the columns.
    text = "ＡＢＣ &amp; x\u200by [.] 热线 +86 400 000 0456\n"
    found = {f.rule: f for f in findings(text, registry)}
    assert found["HC110"].column == text.index("\u200b") + 1
    assert found["HC102"].column == text.index("+86") + 1
    assert found["HC102"].value == "+86 400 000 0456"


def test_value_is_the_text_as_written(registry) -> None:
    text = "邮箱 ｈｅｌｐ＠ｃｏｉｎｈｅｌｐ．ｅｘａｍｐｌｅ 谢谢\n"
    (f,) = findings(text, registry)
    assert f.value == "ｈｅｌｐ＠ｃｏｉｎｈｅｌｐ．ｅｘａｍｐｌｅ"
    assert f.column == 4


@pytest.mark.parametrize(
    ("simplified", "traditional"),
    [
        ("官方微信号：kefu_desk01", "官方微信號：kefu_desk01"),
        ("QQ号：123456788", "QQ號：123456788"),
        ("电报：help_desk_bot", "電報：help_desk_bot"),
        ("纸飞机号 help_desk_bot", "紙飛機號 help_desk_bot"),
        ("脸书账号：help.desk_01", "臉書賬號：help.desk_01"),
        ("请联系 @help_desk_bot", "請聯繫 @help_desk_bot"),
    ],
)
def test_traditional_words_introduce_a_handle_as_simplified_ones(
    simplified, traditional, registry
) -> None:
    """Scam posts aimed at Hong Kong and Taiwan write the same words in Traditional."""
    expected = [(f.line, f.column, f.rule, f.value) for f in findings(simplified, registry)]
    assert expected, simplified
    assert [(f.line, f.column, f.rule, f.value) for f in findings(traditional, registry)] == (
        expected
    )


def test_front_matter_lines_count(registry) -> None:
    text = "---\ntitle: x\ndescription: call +1 202 555 0199\n---\n\n# x\n"
    (f,) = findings(text, registry, "docs/en/page.md")
    assert (f.line, f.rule) == (3, "HC102")


def test_registry_markers_are_not_contacts(registry) -> None:
    assert (
        findings("<!-- hc:channel support-email --> <!-- hc:channels phone -->\n", registry) == []
    )


# -- decisions and messages ---------------------------------------------------


def test_message_names_value_fix_and_closest_channel(registry) -> None:
    (f,) = findings("热线 400-000-0124\n", registry)
    assert "400-000-0124" in f.message and "+86 400 000 0124" in f.message
    assert "<!-- hc:channel" in f.message
    assert "did you mean hotline-cn?" in f.message


def test_retired_channel_names_its_replacement(registry) -> None:
    (f,) = findings("旧群 https://t.me/bitp_support\n", registry)
    assert f.rule == "HC106" and "telegram-support-old" in f.message and "use telegram" in f.message


def test_chinese_messages(registry) -> None:
    (f,) = check_source("热线 400-000-0124\n", "docs/zh/a.md", registry, lang="zh").findings
    assert "不是经过核实的 BitP 渠道" in f.message and "hotline-cn" in f.message


def test_page_language_sets_the_phone_region(registry) -> None:
    # 202-555-0199 is a US number on an English page.
    (f,) = findings("Call 202-555-0199.\n", registry, "docs/en/page.md")
    assert "+1 202-555-0199" in f.message


def test_national_formats_of_official_numbers_in_either_language(registry) -> None:
    text = "Hotlines 400-000-0123, 020 7946 0321, (202) 555-0142.\n"
    assert findings(text, registry, "docs/en/a.md") == []
    assert findings(text, registry, "docs/zh/a.md") == []


def test_batch_scan_matches_single_page_scan(registry) -> None:
    files = sorted(p for p in FIXTURES.rglob("*.md") if p.name != "README.md")
    single = []
    for p in files:
        name = p.as_posix()
        single.extend(
            check_source(p.read_text(encoding="utf-8"), name, registry, lang="en").findings
        )
    batch = check_paths(files, registry, lang="en").findings
    assert sorted(single) == sorted(batch)
    assert len(batch) > 100


# -- classify (the verifier's Python side) -----------------------------------


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("SUPPORT@BITP.EXAMPLE", "official"),
        ("mailto:support@bitp.example", "official"),
        ("＋８６ ４００ ０００ ０１２３", "official"),
        ("400-000-0123", "official"),
        ("tel:+1-202-555-0142", "official"),
        ("020 7946 0321", "official"),
        ("https://telegram.me/bitp_official", "official"),
        ("twitter.com/BitP_Official", "official"),
        ("www.bitp.example.", "official"),
        ("@bitp_official", "official"),
        ("https://t.me/bitp_support", "retired"),
        ("+86 400 000 0100", "retired"),
        ("service@bitp-help.example", "scam"),
        ("+86 400 000 0999", "scam"),
        ("https://t.me/bitp_admin_help", "scam"),
        ("bitp-support.example", "scam"),
        ("bltp.example", "scam"),
        ("bitpp.example", "lookalike"),
        ("https://www.b1tp.example/login", "lookalike"),
        ("support@bitp-kefu.example", "lookalike"),
        ("t.me/bitp_0fficial", "lookalike"),
        ("https://bitp.example@coinhelp.example/", "lookalike"),
        ("help@coinhelp.example", "unknown"),
        ("+1 202 555 0199", "unknown"),
        ("coinhelp.example", "unknown"),
        ("t.me/coin_helpdesk", "unknown"),
        ("", "unknown"),
        ("hello world", "unknown"),
        ("微信: bitp_official", "official"),
        ("support [at] bitp [dot] example", "official"),
    ],
)
def test_classify(text: str, verdict: str, registry) -> None:
    result = classify(text, registry, lang="en")
    assert result.verdict == verdict, result
    assert result.message


def test_classify_names_channel_and_replacement(registry) -> None:
    official = classify("support@bitp.example", registry, lang="zh")
    assert official.channel is not None and official.channel.id == "support-email"
    assert "官方" in official.message
    retired = classify("+86 400 000 0100", registry, lang="en")
    assert retired.replacement is not None and retired.replacement.id == "hotline-cn"
    assert "+86 400 000 0123" in retired.message
    scam = classify("+86 400 000 0999", registry)
    assert scam.scam is not None


# -- the check command -------------------------------------------------------


def run_check(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["check", "--registry", str(REGISTRY), "--lang", "en", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_check_text_format_and_exit_code(tmp_path, capsys) -> None:
    page = tmp_path / "docs" / "zh" / "a.md"
    page.parent.mkdir(parents=True)
    page.write_text("# A\n\n热线 400-000-0124\n", encoding="utf-8")
    code, out, _ = run_check(capsys, str(tmp_path / "docs"))
    assert code == 1
    assert out == f"{page.as_posix()}:3:4: HC102 " + out.split(" HC102 ", 1)[1]


def test_check_clean_exits_zero(tmp_path, capsys) -> None:
    page = tmp_path / "a.md"
    page.write_text(
        "Use <!-- hc:channel support-email --> or support@bitp.example.\n", encoding="utf-8"
    )
    assert run_check(capsys, str(page)) == (0, "", "")


def test_check_json_contract(tmp_path, capsys) -> None:
    page = tmp_path / "a.md"
    page.write_text("write to help@coinhelp.example\n", encoding="utf-8")
    code, out, _ = run_check(capsys, "--format", "json", str(page))
    assert code == 1
    (item,) = json.loads(out)["findings"]
    assert set(item) == {"path", "line", "column", "rule", "severity", "value", "message"}
    assert (item["line"], item["column"], item["rule"], item["value"]) == (
        1,
        10,
        "HC101",
        "help@coinhelp.example",
    )


def test_check_github_format(tmp_path, capsys) -> None:
    page = tmp_path / "a.md"
    page.write_text("write to help@coinhelp.example\n", encoding="utf-8")
    code, out, _ = run_check(capsys, "--format", "github", str(page))
    assert code == 1
    assert out.startswith(f"::error file={page.as_posix()},line=1,col=10::HC101 email ")
    assert out.count("\n") == 1


def test_check_list_suppressions(capsys) -> None:
    code, out, _ = run_check(capsys, "--list-suppressions", str(FIXTURES / "zh" / "suppress.md"))
    assert code == 0
    lines = out.splitlines()
    assert any(':3: HC102 reason="引用警方通报中的原文"' in line for line in lines)
    assert any(line.endswith(':18: HC101,HC103 reason="示例"') for line in lines)


def test_check_missing_path_is_a_usage_error(tmp_path, capsys) -> None:
    code, out, err = run_check(capsys, str(tmp_path / "nope"))
    assert code == 2 and out == "" and "no such file" in err


def test_check_bad_registry_names_file_and_line(tmp_path, capsys) -> None:
    bad = tmp_path / "channels.yml"
    bad.write_text("organization: [unclosed\n", encoding="utf-8")
    page = tmp_path / "a.md"
    page.write_text("hi\n", encoding="utf-8")
    code = main(["check", "--registry", str(bad), str(page)])
    out, err = capsys.readouterr()
    assert code == 2
    assert str(bad) in err and "Traceback" not in err


def test_check_defaults_to_docs_and_the_shipped_docs_are_clean(capsys, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    code = main(["check", "--lang", "en"])
    out, _ = capsys.readouterr()
    assert code == 0, out


def test_byte_order_mark_is_not_an_invisible_character(registry) -> None:
    assert findings("\ufeff# Title\n", registry) == []
    (f,) = findings("# Ti\ufefftle\n", registry)
    assert (f.rule, f.line, f.column) == ("HC110", 1, 5)


def test_lang_region_sets_the_region_outside_language_folders(tmp_path, capsys) -> None:
    page = tmp_path / "a.md"
    page.write_text("Hotline 020 7946 0999\n", encoding="utf-8")
    code, out, _ = run_check(capsys, "--lang-region", "GB", str(page))
    assert code == 1 and "+44 20 7946 0999" in out
    code, out, _ = run_check(capsys, "--lang-region", "nowhere", str(page))
    assert code == 2


# -- large inputs: shared out among processes --------------------------------


def _many_pages(root: Path, copies: int, clean_copies: int = 0) -> Path:
    """``copies`` of every contact fixture (findings on each) and ``clean_copies`` of the
    shipped articles, in the zh and en folders."""
    docs = root / "docs"
    for lang in ("zh", "en"):
        pages = [(p, f"copy{i:03d}") for p in sorted((FIXTURES / lang).glob("*.md"))
                 for i in range(copies)]  # fmt: skip
        pages += [(p, f"clean{i:03d}/{p.parent.relative_to(ROOT / 'docs' / lang)}")
                  for p in sorted((ROOT / "docs" / lang).rglob("*.md"))
                  for i in range(clean_copies)]  # fmt: skip
        for page, folder in pages:
            target = docs / lang / folder / page.name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
    return docs


def test_a_large_input_gives_the_same_findings_in_several_processes(tmp_path) -> None:
    import subprocess
    import sys

    from helpcenter.guard import paths

    docs = _many_pages(tmp_path, 6, clean_copies=50)
    size = sum(p.stat().st_size for p in docs.rglob("*.md"))
    assert size > paths.PARALLEL_BYTES  # large enough for the workers

    def check(jobs: str) -> subprocess.CompletedProcess:
        cmd = [sys.executable, "-m", "helpcenter", "check", "--registry", str(REGISTRY),
               "--lang", "en", "--format", "json", "-j", jobs, "docs"]  # fmt: skip
        return subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, timeout=300)

    one, two = check("1"), check("2")
    assert one.returncode == two.returncode == 1, one.stderr + two.stderr
    assert one.stdout == two.stdout
    findings = json.loads(two.stdout)["findings"]
    assert {f["path"].split("/")[2][:4] for f in findings} == {"copy"}
    assert len({f["path"] for f in findings}) >= 60


def test_an_unreadable_file_is_a_clear_error_in_a_worker_too(tmp_path, monkeypatch) -> None:
    from helpcenter.guard import paths

    docs = _many_pages(tmp_path, 2)
    (docs / "zh" / "broken.md").symlink_to(tmp_path / "gone.md")  # listed, cannot be read
    monkeypatch.setattr(paths, "PARALLEL_BYTES", 0)
    monkeypatch.setattr(paths, "BATCH_BYTES", 20_000)
    monkeypatch.setattr(paths, "_can_fork", lambda: True)
    registry = load_registry(REGISTRY)
    for jobs in (1, 2):
        with pytest.raises(OSError, match="broken.md"):
            check_paths([docs], registry, jobs=jobs)
