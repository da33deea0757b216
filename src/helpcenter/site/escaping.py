"""Front-matter text as HTML: escaped once, where it enters the theme.

MkDocs renders its theme with Jinja autoescaping off, and Material prints a
page's ``title`` raw in the sidebar, the header, the footer and the search
index (``{{ nav_item.title }}``), its ``description`` raw in a ``<meta>``
attribute. A title taken from the page's first heading is already HTML
(Python-Markdown escaped it); one from front matter is plain text. So the
plain-text fields are turned into HTML once, here, as
:class:`markupsafe.Markup`: every template then prints them safely, ``| e``
leaves them as they are (no double escaping), and templates with
autoescaping on do not escape them again. Only ``| striptags`` turns them
back into plain text (it unescapes entities): where the theme uses it (the
``<title>`` element), ``overrides/main.html`` escapes its result again.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from markupsafe import Markup, escape

TEXT_FIELDS = ("title", "description", "author", "subtitle")
"""Front-matter fields the theme prints as text (Material 9.8: nav, header, meta tags)."""


def as_html(value: Any) -> Markup:
    """Plain text (or any scalar) as escaped HTML; HTML (``Markup``) as it is."""
    return value if isinstance(value, Markup) else escape(str(value))


def escape_meta(meta: MutableMapping[str, Any]) -> None:
    """Replace each of :data:`TEXT_FIELDS` in ``meta`` by its escaped HTML, once."""
    for key in TEXT_FIELDS:
        value = meta.get(key)
        if value is not None:  # a list or mapping is printed as its repr: escaped the same
            meta[key] = as_html(value)
