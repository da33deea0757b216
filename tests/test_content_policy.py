"""The content policy (helpcenter.checks.content_policy): one rule per kind of active content.

Fixtures under tests/fixtures/content_policy/ hold their expected findings in
their first line (``<!-- expect: HC601 ... -->``): ``positive/`` one kind of
active content each (with the spellings that try to evade a parser), and
``negative/`` what an article may hold.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpcenter.checks import content_policy
from helpcenter.checks.content_policy import check_page_html, scan, url_scheme
from helpcenter.checks.markdown import DEFAULT_EXTENSIONS, check_files, inert
from helpcenter.report.messages import catalog

FIXTURES = Path(__file__).parent / "fixtures" / "content_policy"
CASES = sorted(FIXTURES.glob("*/*.html"))


def expected(path: Path) -> list[str]:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("<!-- expect:"), f"{path}: first line must say what to expect"
    return sorted(first.removeprefix("<!-- expect:").removesuffix("-->").split())


@pytest.mark.parametrize("path", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_fixture_has_its_expected_findings(path: Path) -> None:
    found = sorted(v.code for v in scan(path.read_text(encoding="utf-8")))
    assert found == expected(path)


def test_every_rule_has_a_positive_fixture_and_messages_in_both_languages() -> None:
    covered = {code for path in CASES for code in expected(path)}
    rules = {code: rule for code, rule in catalog().items() if code.startswith("HC6")}
    assert set(rules) == covered
    for rule in rules.values():
        assert rule.severity == "error" and not rule.suppressible
        assert rule.en and rule.zh and rule.en != rule.zh


@pytest.mark.parametrize(
    ("value", "scheme"),
    [
        ("javascript:alert(1)", "javascript"),
        ("  \x01JaVa\tScRiPt:alert(1)", "javascript"),
        ("java\nscript:x", "javascript"),
        ("https://bitp.example/", "https"),
        ("../faq.html", None),
        ("#top", None),
        ("faq.html?x=a:b", None),
    ],
)
def test_url_scheme_reads_as_the_browser(value: str, scheme: str | None) -> None:
    assert url_scheme(value) == scheme


def test_theme_profile_allows_the_themes_needs_and_hashes_its_inline_scripts() -> None:
    html = (
        '<html><head><meta http-equiv="Content-Security-Policy" content="x">'
        '<link rel="stylesheet" href="assets/x.css"><script src="assets/x.js"></script>'
        "<script>var a = 1</script>"
        '<script id="__config" type="application/json">{"a": 1}</script></head>'
        '<body><form name="search"><input type="text"></form></body></html>'
    )
    violations, inline = content_policy.scan_tree(content_policy.parse(html), "theme")
    assert violations == []
    assert [(s.text, s.runs) for s in inline] == [("var a = 1", True), ('{"a": 1}', False)]
    remote = '<script src="https://cdn.example/x.js"></script><a href="javascript:x">a</a>'
    codes = [v.code for v in content_policy.scan(remote, "theme")]
    assert codes == ["HC611", "HC603"]


def test_findings_point_at_the_markdown_source(tmp_path: Path) -> None:
    page = tmp_path / "docs" / "en" / "page.md"
    page.parent.mkdir(parents=True)
    page.write_text(
        "---\ntitle: T\n---\n\n# T\n\n```html\n<script>in a code block</script>\n```\n\n"
        '<div markdown>\nText <a href="java&#x73;cript&colon;x">here</a>\n</div>\n\n'
        "<SCRIPT>var p = 1</SCRIPT>\n",
        encoding="utf-8",
    )
    found = check_files([str(tmp_path / "docs")], lang="zh", config_file=tmp_path / "none.yml",
                        root=tmp_path)  # fmt: skip
    where = [(f.path, f.line, f.column, f.rule) for f in found]
    assert where == [("docs/en/page.md", 12, 15, "HC603"), ("docs/en/page.md", 15, 1, "HC601")]
    assert "协议" in found[0].message  # the contributor's language


def test_cli_reports_path_line_col_and_fails(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[1]
    page = tmp_path / "docs" / "en" / "page.md"
    page.parent.mkdir(parents=True)
    page.write_text("# T\n\nHover <b onmouseover=alert(1)>here</b>.\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "helpcenter", "check", "--lang", "en",
         "--registry", str(root / "data" / "channels.yml"), "docs"],
        cwd=tmp_path, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith("docs/en/page.md:3:10: HC602 event-handler attribute")


_HTMLISH = st.lists(
    st.one_of(
        st.text(max_size=20),
        st.sampled_from(
            ["<", ">", "</", "<!--", "-->", "<svg>", "<math>", "<script>", "<template>",
             "<style>", "<a href=", "javascript:", "&colon;", "&#", "\x00", "\ufffd", "'", '"',
             " on", "=", "<iframe srcdoc=", "url(", "@import", "\\", "<![CDATA[", "<table>"]
        ),
    ),
    max_size=40,
).map("".join)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(_HTMLISH, st.sampled_from(content_policy.PROFILES))
def test_the_policy_never_crashes(html: str, profile: str) -> None:
    for v in content_policy.scan(html, profile):
        assert v.code in content_policy.BY_CODE
        assert v.message("zh") and v.message("en")
    content_policy.findings(content_policy.scan(html), "p.md", html, "en")


INERT = [
    "# Title\n\nPlain text, **bold**, a list:\n\n- one\n- two\n",
    "See [login](../troubleshooting/login.md#reset) and <!-- hc:channel support-email -->.",
    "[site](https://www.bitp.example/) [mail](mailto:support@bitp.example)"
    " [call](tel:+12025550100)",
    '!!! warning "Careful"\n\n    Never share your code.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n',
    "```python\nprint('x')\n```\n",
]
ACTIVE = [
    "<script>alert(1)</script>",
    "<!-- --><img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "[x]( JaVaScRiPt:alert(1) )",
    "![x](data:text/html,hi)",
    "[x][r]\n\n[r]: vbscript:msgbox(1)",
    "[x](jav&#x09;ascript:alert(1))",
    'Text\n{: onclick="alert(1)" }',
    "<!-- unclosed <script>alert(1)</script>",
    "[a [b]](javascript:x) and [ok](../faq.md)",
    "![logo](https://cdn.example/x.png)",
    "[a](https://x.example/[a](javascript:)",  # a link inside another's target
]


@pytest.mark.parametrize("body", INERT)
def test_inert_markdown_is_not_rendered_to_be_checked(body: str) -> None:
    assert inert(body)


@pytest.mark.parametrize("body", ACTIVE)
def test_markdown_that_may_be_active_is_rendered_and_checked(body: str) -> None:
    assert not inert(body)


TOKENS = [
    "text ",
    "[a](",
    ")",
    "](",
    "javascript:",
    "data:",
    "https://x.example/",
    "mailto:a",
    "<!-- ",
    " -->",
    "\n",
    "[r]: ",
    "![i](",
    " ",
    "`",
    "#",
    "*",
    "\t",
    "tel:",
    "ftp:",
]


@given(st.lists(st.sampled_from(TOKENS), max_size=12))
@settings(max_examples=300, deadline=None)
def test_what_inert_skips_renders_to_nothing_the_policy_refuses(tokens: list[str]) -> None:
    import markdown

    body = "".join(tokens)
    if inert(body):
        html = markdown.Markdown(extensions=list(DEFAULT_EXTENSIONS)).convert(body)
        assert check_page_html(html, "docs/en/x.md", body, "en") == []


@pytest.mark.parametrize("html", ["&#¹", "&#1¹", "&#x٣", "<a href='&#1٣'>x</a>"])
def test_numeric_references_with_other_digits_do_not_crash(html: str) -> None:
    assert scan(html) == []
