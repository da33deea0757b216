"""An accessible name for the theme's search dialog.

Material 9.8.2 writes its search as ``<div class="md-search" ... role="dialog">``
(``partials/search.html``) with no name, so a screen reader announces an
unnamed dialog (Lighthouse: ``aria-dialog-name``). The dialog takes the name
of its own search field, which the theme labels in the page's language.
Checked against mkdocs-material 9.8.2.
"""

from __future__ import annotations

import re

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
