"""Templates compiled once per process: shared only where the compiled code is the same."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import Environment, FileSystemLoader, select_autoescape

from helpcenter.theme.templatecache import SharedBytecodeCache, share


@pytest.fixture
def templates(tmp_path: Path) -> Path:
    (tmp_path / "page.html").write_text("{% for x in items %}<b>{{ x }}</b>\n{% endfor %}")
    (tmp_path / "plain.txt").write_text("{{ text }}")
    return tmp_path


def _env(templates: Path, cache: SharedBytecodeCache, **settings) -> tuple[Environment, list]:
    env = Environment(loader=FileSystemLoader(str(templates)), bytecode_cache=cache, **settings)
    compiled: list[str] = []
    compile_ = env.compile

    def counting(source, name=None, filename=None, raw=False, defer_init=False):
        compiled.append(name)
        return compile_(source, name, filename, raw, defer_init)

    env.compile = counting  # type: ignore[method-assign]
    return env, compiled


def test_a_second_environment_reuses_the_compiled_template(templates):
    cache = SharedBytecodeCache()
    first, compiled_first = _env(templates, cache)
    second, compiled_second = _env(templates, cache)
    out = first.get_template("page.html").render(items=["a", "<b>"])
    assert second.get_template("page.html").render(items=["a", "<b>"]) == out
    assert compiled_first == ["page.html"]
    assert compiled_second == []  # loaded from the cache
    assert len(cache) == 1


def test_a_changed_template_is_compiled_again(templates):
    cache = SharedBytecodeCache()
    first, _ = _env(templates, cache)
    assert first.get_template("plain.txt").render(text="x") == "x"
    (templates / "plain.txt").write_text("[{{ text }}]")
    second, compiled = _env(templates, cache)
    assert second.get_template("plain.txt").render(text="x") == "[x]"
    assert compiled == ["plain.txt"]


@pytest.mark.parametrize(
    "settings",
    [
        {"trim_blocks": True},
        {"autoescape": True},
        {"extensions": ["jinja2.ext.i18n"]},
        {"variable_start_string": "[[", "variable_end_string": "]]"},
        {"finalize": lambda value: "" if value is None else value},
    ],
    ids=["whitespace", "autoescape", "extensions", "syntax", "finalize"],
)
def test_environments_that_compile_differently_do_not_share(templates, settings):
    cache = SharedBytecodeCache()
    plain, _ = _env(templates, cache)
    other, compiled = _env(templates, cache, **settings)
    plain.get_template("page.html").render(items=["<i>"])
    other.get_template("page.html").render(items=["<i>"])
    assert compiled == ["page.html"]
    # and what each renders is its own
    fresh = Environment(loader=FileSystemLoader(str(templates)), **settings)
    assert other.get_template("page.html").render(items=["<i>", None]) == fresh.get_template(
        "page.html"
    ).render(items=["<i>", None])


def test_autoescaping_chosen_per_template_name_is_part_of_the_key(templates):
    cache = SharedBytecodeCache()
    env, compiled = _env(templates, cache, autoescape=select_autoescape(["html"]))
    env.get_template("page.html")
    env.get_template("plain.txt")
    other, compiled_other = _env(templates, cache, autoescape=select_autoescape(["txt"]))
    assert other.get_template("page.html").render(items=["<i>"]) == "<b><i></b>\n"
    assert other.get_template("plain.txt").render(text="<i>") == "&lt;i&gt;"
    assert compiled == ["page.html", "plain.txt"]
    assert compiled_other == ["page.html", "plain.txt"]


def test_the_oldest_entry_goes_when_the_cache_is_full(templates):
    cache = SharedBytecodeCache(limit=1)
    env, compiled = _env(templates, cache)
    env.get_template("page.html")
    env.get_template("plain.txt")
    assert len(cache) == 1
    again, compiled_again = _env(templates, cache)
    again.get_template("plain.txt")
    again.get_template("page.html")
    assert compiled_again == ["page.html"]


def test_share_keeps_a_cache_the_environment_already_has(templates):
    own = SharedBytecodeCache()
    env = Environment(loader=FileSystemLoader(str(templates)), bytecode_cache=own)
    assert share(env).bytecode_cache is own
    bare = Environment(loader=FileSystemLoader(str(templates)))
    assert share(bare).bytecode_cache is not None
