"""Front matter parsing with line numbers, and one-field edits that keep everything else."""

from __future__ import annotations

import pytest

from helpcenter.checks.i18n.frontmatter import parse_front_matter, set_field


def test_valid_and_absent():
    fm = parse_front_matter("---\ntitle: 首页\ntags: [a, b]\n---\n# 首页\n")
    assert fm.data == {"title": "首页", "tags": ["a", "b"]} and fm.error is None
    assert fm.end_line == 4
    assert parse_front_matter("# no front matter\n").present is False


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ("---\ntitle: ok\ndescription: [unclosed\n---\n", 3, "expected ',' or ']'"),
        ("---\ntitle: a: b\n---\n", 2, "mapping values are not allowed here"),
        ("---\ntitle: ok\n  bad indent: x\n---\n", 3, "mapping values are not allowed here"),
        ("---\n- a list\n---\n", 2, "expected 'key: value' lines"),
        ("---\ntitle: never closed\n\n# Heading\n", 1, "never closed"),
    ],
)
def test_errors_have_file_lines(text, line, problem):
    fm = parse_front_matter(text)
    assert fm.error_line == line
    assert problem in fm.error


def test_set_field_changes_one_line_only():
    text = "---\r\ntitle: Home   # keep\r\nsource_hash: sha256:000000000000\r\n---\r\nBody\r\n"
    new = set_field(text, "source_hash", "sha256:0123456789ab")
    assert new == text.replace("000000000000", "0123456789ab")
    added = set_field("---\ntitle: A\n---\nBody\n", "source_hash", "sha256:0123456789ab")
    assert added == "---\ntitle: A\nsource_hash: sha256:0123456789ab\n---\nBody\n"
    created = set_field("# Body\n", "source_hash", "sha256:0123456789ab")
    assert created == "---\nsource_hash: sha256:0123456789ab\n---\n# Body\n"
    with pytest.raises(ValueError, match="line 2"):
        set_field("---\ntitle: [x\n---\n", "source_hash", "sha256:0123456789ab")
