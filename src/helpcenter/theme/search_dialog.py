"""An accessible name for the theme's search dialog.

Replaces: nothing of the theme's code; it adds one attribute to the markup of
Material's ``partials/search.html``, which writes its search as
``<div class="md-search" ... role="dialog">`` with no name, so a screen
reader announces an unnamed dialog (Lighthouse: ``aria-dialog-name``). The
dialog takes the name of its own search field, which the theme labels in
the page's language (``hooks/templates.py`` applies it to every page).

Checked against: mkdocs-material 9.8.2 (``pyproject.toml``).

What it buys: correctness, not speed (an accessible search for every
reader); it is kept whatever it costs (a string search per page).
"""

from __future__ import annotations

import re

from helpcenter.theme.upstream import Upstream

UPSTREAM = (
    Upstream(
        "mkdocs-material",
        "9.8.2",
        "material/templates/partials/search.html",
        "bfd556535abcddb99396ab2a7e3acc2ebcd3f36756007d3969396caa4126be30",
    ),
)
"""The theme file whose markup :data:`DIALOG` is copied from."""

DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
"""The dialog's opening tag as the theme writes it."""
_FIELD_LABEL_RE = re.compile(
    r'<input type="text" class="md-search__input" [^>]*?aria-label="([^"]*)"'
)


def name_search_dialog(html: str) -> str:
    """``html`` with the search dialog named after its search field (unchanged without one)."""
    at = html.find(DIALOG)
    if at < 0:
        return html
    field = _FIELD_LABEL_RE.search(html, at)
    if field is None:
        return html
    named = f'{DIALOG[:-1]} aria-label="{field.group(1)}">'
    return html[:at] + named + html[at + len(DIALOG) :]
