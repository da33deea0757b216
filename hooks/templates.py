"""The sidebar's entries rendered once per folder (see :mod:`helpcenter.theme.navcache`);
the theme's search dialog named (see :mod:`helpcenter.theme.search_dialog`).

Each build renders a sidebar entry that is not on the way to the current page
once per folder. The pages are the same without it (``HC_SPEEDUPS=0``, see
:mod:`helpcenter.theme.speedups`; ``tests/test_navcache.py`` compares them).
"""

from __future__ import annotations

import logging

from mkdocs.exceptions import PluginError

from helpcenter.theme import navcache, speedups
from helpcenter.theme.search_dialog import name_search_dialog

log = logging.getLogger("mkdocs.hooks.templates")


def on_config(config, **kwargs):
    try:
        speedups.check()
    except ValueError as exc:
        raise PluginError(str(exc)) from None


def on_env(env, config, files):
    if not speedups.enabled("navcache"):
        return env
    missing = navcache.install(env)
    if missing:
        log.info("sidebar cache off for %s: the theme renders entries differently",
                 ", ".join(sorted(missing)))  # fmt: skip
    return env


def on_post_page(output, page, config, **kwargs):
    return name_search_dialog(output)


def on_post_template(output, template_name, config, **kwargs):
    # The 404 pages (before hooks/notfound.py keeps them, at priority -110).
    return name_search_dialog(output) if template_name.endswith(".html") else output
