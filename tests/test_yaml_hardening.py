"""YAML the project refuses (anchors, aliases, deep nesting), and loaders that never crash.

The registry's own cases are fixtures in ``tests/fixtures/registry/invalid/``
(``yaml-*.yml``); here the same refusals in front matter and data files, and
property tests over arbitrary text.
"""

from __future__ import annotations

import contextlib
import time

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from helpcenter.checks.i18n.frontmatter import parse_front_matter
from helpcenter.inputs.yamlload import MAX_DEPTH, RefusedYAML, check_structure, safe_load
from helpcenter.registry.load import load_registry
from helpcenter.registry.problems import RegistryError

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi", strict=True)
)


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ("a: &x 1\nb: *x\n", 1, "an anchor or alias"),
        ("a: 1\nb: !!str &x 2\n", 2, "an anchor or alias"),
        ("a:\n  - *undefined\n", 2, "an anchor or alias"),
        (BOMB, 1, "an anchor or alias"),
        ("x: " + "[" * 1000 + "]" * 1000, 1, f"nested more than {MAX_DEPTH} levels deep"),
        ("x: " + "[" * 30000 + "]" * 30000, 1, f"nested more than {MAX_DEPTH} levels deep"),
        (
            "".join("  " * i + "k:\n" for i in range(60)) + "  " * 60 + "k: 1\n",
            51,
            f"nested more than {MAX_DEPTH} levels deep",
        ),
    ],
    ids=["anchor", "tagged-anchor", "alias", "bomb", "deep-1000", "deep-30000", "deep-block"],
)
def test_refused_fast_with_the_line(text, line, problem):
    for loader in (yaml.SafeLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        started = time.monotonic()
        with pytest.raises(RefusedYAML) as info:
            check_structure(text, loader)
        assert time.monotonic() - started < 5
        assert info.value.problem_mark.line + 1 == line
        assert problem in info.value.problem
        assert info.value.problem_zh
    with pytest.raises(RefusedYAML):
        safe_load(text)


def test_nesting_up_to_the_limit_is_fine():
    text = "x: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1)
    assert safe_load(text)["x"] is not None


def test_front_matter_refusal_names_the_line_in_the_file():
    fm = parse_front_matter("---\ntitle: T\nsee: &a [1]\nagain: *a\n---\n# T\n")
    assert fm.error is not None and "an anchor or alias" in fm.error
    assert fm.error_line == 3
    fm = parse_front_matter("---\ntitle: T\nx: " + "[" * 30000 + "]" * 30000 + "\n---\n")
    assert fm.error is not None and "nested more than" in fm.error


def test_search_synonyms_refuse_aliases(tmp_path):
    from helpcenter.site.search_index import load_synonyms

    path = tmp_path / "search_synonyms.yml"
    path.write_text(BOMB, encoding="utf-8")
    started = time.monotonic()
    with pytest.raises(Exception) as info:  # noqa: PT011 - the loader's own error type
        load_synonyms(path)
    assert time.monotonic() - started < 5
    assert "anchor or alias" in str(info.value)
    assert str(path) in str(info.value) or path.name in str(info.value)


# -- property tests -----------------------------------------------------------------------------

_YAMLISH = st.lists(
    st.sampled_from(
        [
            "a",
            ":",
            " ",
            "\n",
            "  ",
            "- ",
            "[",
            "]",
            "{",
            "}",
            ",",
            "&x",
            "*x",
            "!!",
            "'",
            '"',
            "#",
            "---",
            "...",
            "|",
            ">",
            "1",
            "2026-11-01",
            "?",
            "%",
            "@",
            "\t",
            "é",
            "中",
            "\x85",
            "\ufeff",
            "<<: *x",
        ]
    ),  # fmt: skip
    max_size=60,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(_YAMLISH, st.text(max_size=200)))
def test_yaml_loaders_raise_only_their_own_errors(text):
    with contextlib.suppress(yaml.YAMLError):  # anything else fails the test
        safe_load(text)
    fm = parse_front_matter("---\n" + text + "\n---\n# x\n")
    assert fm.error is None or fm.error_line >= 1


@settings(max_examples=60, deadline=None)
@given(text=st.one_of(_YAMLISH, st.text(max_size=200)))
def test_registry_loader_raises_only_registry_errors(text, tmp_path_factory):
    path = tmp_path_factory.mktemp("reg") / "channels.yml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        load_registry(path)
    except RegistryError as exc:
        found = exc.findings()
        assert found and all(str(f).startswith(f"{path}:") for f in found)


def test_search_synonyms_in_gbk_are_named(tmp_path):
    from helpcenter.site.search_index import SearchIndexError, load_synonyms

    path = tmp_path / "search_synonyms.yml"
    path.write_bytes("zh:\n  登录: [登陆]\n".encode("gbk"))
    with pytest.raises(
        SearchIndexError, match=r"not UTF-8 text: byte \d+ \(line 2\).*save it as UTF-8"
    ):
        load_synonyms(path)
