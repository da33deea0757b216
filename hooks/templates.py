"""The theme's search dialog named (see :mod:`helpcenter.theme.search_dialog`)."""

from __future__ import annotations

from helpcenter.theme.search_dialog import name_search_dialog


def on_post_page(output, page, config, **kwargs):
    return name_search_dialog(output)


def on_post_template(output, template_name, config, **kwargs):
    # The 404 pages (before hooks/notfound.py keeps them, at priority -110).
    return name_search_dialog(output) if template_name.endswith(".html") else output
