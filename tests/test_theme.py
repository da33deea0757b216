"""The seams where the project relies on the theme's own markup (helpcenter.theme)."""

from __future__ import annotations

from pathlib import Path

import material

from helpcenter.theme.search_dialog import DIALOG, name_search_dialog

THEME = Path(material.__file__).parent / "templates"


def test_the_installed_theme_still_writes_the_search_dialog_this_names() -> None:
    partial = (THEME / "partials" / "search.html").read_text(encoding="utf-8")
    assert DIALOG in partial, "Material's search dialog changed: update helpcenter.theme"
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
