"""Theme templates compiled once per process (see :mod:`helpcenter.templatecache`).

MkDocs makes a new Jinja environment for each build; static-i18n builds once
per language and ``mkdocs serve`` again after each edit. With this hook, each
of those builds reuses the templates the first one compiled.
"""

from __future__ import annotations

from helpcenter.templatecache import share


def on_env(env, config, files):
    return share(env)
