"""What the build reads of the i18n plugin's own state while it builds.

mkdocs-static-i18n (pinned 1.3.1 in ``pyproject.toml``) builds the site once
per language: MkDocs' build is the default language's, and the plugin's
``on_post_build`` (``mkdocs_static_i18n/plugin.py``) runs the build of every
other language from inside it. Site-wide work (the contact guard, the link
check, the merged search index) must run once per site build, not once per
language, so the hooks ask the plugin instance which build this is. It says
so only through attributes it sets for itself, not through its documented
configuration:

- ``building``: ``True`` while the plugin runs another language's build
  (``plugin.py``, ``on_post_build``: ``self.building = True`` ... ``False``);
- ``current_language``: the locale being built (``plugin.py``,
  ``on_config``: ``self.current_language = self.default_language`` first).

The languages themselves come from its configuration (``config.languages``:
``locale``, ``default``, ``build``), which is documented.

Replaces: nothing; it reads. Checked against: mkdocs-static-i18n 1.3.1
(``pyproject.toml``).

What it buys: correctness, not speed: each site-wide check runs and reports
once per site build (the guard and the link check would otherwise run, and
report, once per language). ``tests/test_theme.py`` fails, saying what to
do, when the installed plugin no longer sets these attributes.
"""

from __future__ import annotations

from typing import Any

from helpcenter.theme.upstream import Upstream

UPSTREAM = (
    Upstream(
        "mkdocs-static-i18n",
        "1.3.1",
        "mkdocs_static_i18n/plugin.py",
        "a7139ee7a6bd9b1462b65ce64c40ca29f982919056a89560c6fe8ede2cf06db5",
    ),
)
"""The plugin file that sets ``building`` and ``current_language``."""


def language_entries(plugin: object | None) -> list[Any]:
    """The plugin's configured languages (``config.languages``); empty without the plugin."""
    config = getattr(plugin, "config", None)
    return list(getattr(config, "languages", None) or []) if config is not None else []


def current_language(plugin: object | None) -> str | None:
    """The locale the plugin is building (``None`` without the plugin)."""
    return getattr(plugin, "current_language", None)


def is_language_build(plugin: object | None) -> bool:
    """Whether the plugin is running one of the other languages' builds."""
    return bool(getattr(plugin, "building", False))
