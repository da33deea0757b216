"""Every rule speaks both languages, with the same codes and the same facts.

A contributor reads findings in Chinese or English (``--lang zh|en``, or the
environment); the rule code and what it points at must not depend on it.
"""

from __future__ import annotations

import json
import os
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest

from helpcenter.report import rule_table
from helpcenter.report.finding import SEVERITIES
from helpcenter.report.messages import catalog, message

ROOT = Path(__file__).resolve().parents[1]
CJK_RE = re.compile(r"[\u3400-\u9fff]")


def _placeholders(template: str) -> set[str]:
    """Placeholder names, a ``_zh`` variant counted as its base name.

    A Chinese text may use ``{expected_zh}`` where the English one says
    ``{expected}``: the caller passes both, so both texts still render from
    one set of parameters.
    """
    names = {
        name.split(".")[0].split("[")[0]
        for _, name, _, _ in string.Formatter().parse(template)
        if name is not None
    }
    return {n.removesuffix("_zh") for n in names}


def _params(template_en: str, template_zh: str) -> dict[str, str]:
    params = {}
    for _, name, _, _ in [
        *string.Formatter().parse(template_en),
        *string.Formatter().parse(template_zh),
    ]:
        if name:
            params[name.split(".")[0].split("[")[0]] = f"<{name}>"
    return params


RULES = sorted(catalog().values(), key=lambda r: r.code)


def test_catalog_has_rules_from_every_checker_present() -> None:
    codes = set(catalog())
    assert any(c.startswith("HC0") for c in codes), "registry rules"
    for module, prefix in (
        ("helpcenter.guard.rules", "HC1"),
        ("helpcenter.checks.links.rules", "HC3"),
        ("helpcenter.checks.i18n.rules", "HC4"),
    ):
        try:
            __import__(module)
        except ModuleNotFoundError:
            continue
        assert any(c.startswith(prefix) for c in codes), f"{module} rules in the catalog"


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_has_both_languages_with_the_same_placeholders(rule) -> None:
    assert re.fullmatch(r"HC\d{3}", rule.code)
    assert rule.severity in SEVERITIES
    assert rule.en.strip() and rule.zh.strip()
    assert CJK_RE.search(rule.zh), f"{rule.code}: the zh text is not Chinese"
    assert not CJK_RE.search(rule.en), f"{rule.code}: the en text contains Chinese"
    assert _placeholders(rule.en) == _placeholders(rule.zh)
    # One set of parameters renders both texts, and the values show in both.
    params = _params(rule.en, rule.zh)
    en, zh = message(rule.code, "en", **params), message(rule.code, "zh", **params)
    assert en != zh
    for name in _placeholders(rule.en):
        assert f"<{name}" in en and f"<{name}" in zh


@pytest.mark.parametrize("guide", sorted(rule_table.GUIDES))
def test_contributing_guides_explain_every_rule_code(guide: str) -> None:
    text = (ROOT / guide).read_text(encoding="utf-8")
    start, end = text.index(rule_table.START), text.index(rule_table.END)
    table = text[start:end]
    listed = set(re.findall(r"`(HC\d{3})`", table))
    missing = sorted(set(catalog()) - listed)
    stale = sorted(listed - set(catalog()))
    hint = "run: .venv/bin/python -m helpcenter.report.rule_table"
    assert not missing, f"{guide} lacks {missing}; {hint}"
    assert not stale, f"{guide} lists codes that no longer exist: {stale}; {hint}"


def test_rule_table_renders_each_guide_in_its_language() -> None:
    some = RULES[0]
    zh, en = rule_table.render("zh"), rule_table.render("en")
    assert f"`{some.code}`" in zh and f"`{some.code}`" in en
    assert "| 代码 |" in zh and "| Code |" in en
    # Placeholders show as ‹name›, never as format syntax.
    assert "‹value›" in zh and "‹value›" in en
    assert not re.search(r"\{[a-z_]+\}", zh + en)


# -- the CLI in both languages -------------------------------------------------

BAD_ARTICLE = """\
# 联系我们

请拨打 +86 400 000 0999 联系客服。

或者发邮件到 helpdesk@bitp-support.example。
"""


def _write_bad_article(tmp_path: Path) -> None:
    article = tmp_path / "docs" / "zh" / "contact.md"
    article.parent.mkdir(parents=True)
    article.write_text(BAD_ARTICLE, encoding="utf-8")


def _run_check(cwd: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    """``python -m helpcenter check ARGS`` run in ``cwd``; it must report findings (exit 1)."""
    proc = subprocess.run(
        [sys.executable, "-m", "helpcenter", "check", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=120,
    )
    assert proc.returncode == 1, proc.stderr
    return proc


def _check(tmp_path: Path, lang: str) -> list[dict]:
    env = {k: v for k, v in os.environ.items() if k not in ("HELPCENTER_LANG", "LC_ALL")}
    proc = _run_check(
        tmp_path,
        env,
        "--lang",
        lang,
        "--format",
        "json",
        "--registry",
        str(ROOT / "data" / "channels.yml"),
        str(tmp_path / "docs"),
    )
    assert "Traceback" not in proc.stderr
    return json.loads(proc.stdout)["findings"]


def test_check_speaks_the_requested_language_with_the_same_codes(tmp_path: Path) -> None:
    _write_bad_article(tmp_path)
    zh, en = _check(tmp_path, "zh"), _check(tmp_path, "en")
    assert zh and len(zh) == len(en)

    def where(findings: list[dict]) -> list[tuple]:
        return [(f["path"], f["line"], f["column"], f["rule"], f["value"]) for f in findings]

    assert where(zh) == where(en)
    assert {f["line"] for f in zh} == {3, 5}
    for f_zh, f_en in zip(zh, en, strict=True):
        assert f_zh["message"] != f_en["message"]
        assert CJK_RE.search(f_zh["message"])
        assert not CJK_RE.search(f_en["message"].replace(f_en["value"], ""))


def test_check_takes_its_language_from_the_environment(tmp_path: Path) -> None:
    _write_bad_article(tmp_path)
    outputs = {}
    for lang in ("zh_CN.UTF-8", "en_US.UTF-8"):
        env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "HELPCENTER_"))}
        env["LANG"] = lang
        proc = _run_check(tmp_path, env, "--registry", str(ROOT / "data" / "channels.yml"), "docs")
        outputs[lang] = proc.stdout
    assert CJK_RE.search(outputs["zh_CN.UTF-8"].split(":", 3)[3])
    codes = [re.findall(r": (HC\d{3}) ", out) for out in outputs.values()]
    assert codes[0] == codes[1] and codes[0]
