"""The seams where the project relies on a theme's or plugin's internals (helpcenter.theme).

Each seam module lists the third-party files it was checked against
(``UPSTREAM``); these tests fail, saying what to do, as soon as an upgrade
changes one of them, and check the anchors each seam needs in the installed
files.
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path
from types import ModuleType

import material
import pytest

import helpcenter.theme
from helpcenter.theme.search_dialog import DIALOG, name_search_dialog
from helpcenter.theme.upstream import Upstream

ROOT = Path(__file__).resolve().parents[1]
THEME = Path(material.__file__).parent / "templates"

NOT_SEAMS = {"upstream"}
"""Modules of helpcenter.theme that are tools of the seams, not seams."""


def _seams() -> dict[str, ModuleType]:
    names = [m.name for m in pkgutil.iter_modules(helpcenter.theme.__path__)]
    return {
        name: importlib.import_module(f"helpcenter.theme.{name}")
        for name in sorted(names)
        if name not in NOT_SEAMS
    }


SEAMS = _seams()


@pytest.mark.parametrize("name", sorted(SEAMS))
def test_every_seam_says_what_it_relies_on_and_what_it_buys(name):
    module = SEAMS[name]
    doc = module.__doc__ or ""
    for heading in ("Replaces:", "Checked against:", "What it buys:"):
        assert heading in doc, f"helpcenter.theme.{name}: its docstring lacks {heading!r}"
    upstream = getattr(module, "UPSTREAM", ())
    assert upstream and all(isinstance(u, Upstream) for u in upstream), (
        f"helpcenter.theme.{name} lists no UPSTREAM file it was checked against"
    )
    for u in upstream:
        assert f"{u.package.removeprefix('npm:')} {u.version}" in " ".join(doc.split()), (
            f"helpcenter.theme.{name}: the docstring does not name {u.package} {u.version}"
        )
    overview = " ".join((helpcenter.theme.__doc__ or "").split())
    assert f"helpcenter.theme.{name}" in overview or f":mod:`.{name}`" in overview, (
        f"helpcenter/theme/__init__.py does not list the seam {name}"
    )


UPSTREAM = [(name, u) for name, module in SEAMS.items() for u in module.UPSTREAM]


@pytest.mark.parametrize(("name", "upstream"), UPSTREAM, ids=[f"{n}:{u.path}" for n, u in UPSTREAM])
def test_the_installed_file_is_the_one_the_seam_was_checked_against(name, upstream):
    version = upstream.installed_version(ROOT)
    digest = upstream.installed_sha256(ROOT)
    if digest == upstream.sha256:
        return
    state = "is missing" if digest is None else f"has changed (sha256 {digest})"
    pytest.fail(
        f"helpcenter.theme.{name} was checked against {upstream.path} of "
        f"{upstream.package} {upstream.version}; the installed one ({version}) {state}. "
        f"Read the docstring of helpcenter.theme.{name}: check that what it relies on "
        "still holds in the new file, and that it still earns its keep (BENCHMARKS.md, "
        "`python -m benchmarks --ablate`), or remove it; then update its UPSTREAM entry "
        "(version and sha256).",
        pytrace=False,
    )


# -- the search dialog's name --------------------------------------------------------


def test_the_installed_theme_still_writes_the_search_dialog_this_names() -> None:
    partial = (THEME / "partials" / "search.html").read_text(encoding="utf-8")
    assert DIALOG in partial, (
        "Material's search dialog changed: update DIALOG in helpcenter.theme.search_dialog"
    )
    assert 'class="md-search__input"' in partial


def test_the_search_dialog_takes_its_fields_name() -> None:
    html = (
        f'<header>{DIALOG}<label></label><div role="search"><form>'
        '<input type="text" class="md-search__input" name="query" aria-label="搜索" '
        'placeholder="搜索"></form></div></div></header>'
    )
    named = name_search_dialog(html)
    assert 'role="dialog" aria-label="搜索">' in named
    assert name_search_dialog(named) == named  # once only
    assert name_search_dialog("<p>no search</p>") == "<p>no search</p>"


# -- mkdocs-static-i18n and MkDocs internals (helpcenter.theme.static_i18n) ----------------


def _source(module_name: str) -> str:
    import importlib
    import inspect

    return inspect.getsource(importlib.import_module(module_name))


def _update_hint(what: str) -> str:
    return f"{what} changed: update helpcenter.theme.static_i18n and its UPSTREAM"


def test_the_i18n_plugin_still_keeps_what_the_build_reads() -> None:
    plugin = _source("mkdocs_static_i18n.plugin")
    folder = _source("mkdocs_static_i18n.folder")
    for needle in (
        "self.current_language",
        "self.building = True",
        'context["i18n_page_locale"]',
        'context["i18n_file_locale"]',
    ):
        assert needle in plugin, _update_hint(f"mkdocs-static-i18n ({needle})")
    for needle in ("file.locale = ", "file.norm_src_uri = "):
        assert needle in folder, _update_hint(f"mkdocs-static-i18n ({needle})")


def test_the_i18n_plugins_languages_have_the_fields_read() -> None:
    from mkdocs_static_i18n.config import I18nPluginLanguage

    from helpcenter.theme import static_i18n

    names = {name for name, _option in I18nPluginLanguage._schema}  # its declared options
    assert {"locale", "default", "build"} <= names, _update_hint("mkdocs-static-i18n languages")

    class Lang:
        def __init__(self, locale, default):
            self.locale, self.default, self.build = locale, default, True

    class Plugin:
        config = type("C", (), {"languages": [Lang("zh", True), Lang("en", False)]})
        current_language = "en"
        building = True

    assert static_i18n.languages(Plugin()) == [
        {"locale": "zh", "default": True, "build": True},
        {"locale": "en", "default": False, "build": True},
    ]
    assert static_i18n.pass_language(Plugin()) == "en" and static_i18n.nested_pass(Plugin())
    assert static_i18n.languages(None) is None and static_i18n.pass_language(None) is None


def test_mkdocs_still_marks_a_title_taken_from_the_first_heading() -> None:
    from mkdocs.structure.pages import Page

    assert "self._title_from_render" in _source("mkdocs.structure.pages"), _update_hint("MkDocs")
    assert "_title_from_render" in Page.__init__.__code__.co_names, _update_hint("MkDocs")


def test_the_language_switcher_is_read_from_the_attribute_first() -> None:
    from helpcenter.theme import static_i18n

    class Extra(dict):
        pass

    extra = Extra(alternate=[{"lang": "zh"}])
    assert static_i18n.language_switcher(extra) == [{"lang": "zh"}]
    extra.alternate = [{"lang": "en"}]
    assert static_i18n.language_switcher(extra) == [{"lang": "en"}]
    assert static_i18n.language_switcher(Extra()) == []
