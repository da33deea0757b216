"""The build's context (:mod:`helpcenter.build.context`): begun here, found by every hook.

Listed first under ``hooks:`` in mkdocs.yml. This is where MkDocs'
configuration becomes plain values: the project's folders, the languages of
the i18n plugin (:mod:`helpcenter.site.languages`), the language of the pass
under way. mkdocs-static-i18n builds each language in its own pass and runs
every event again in each; a pass ends after every other hook's
``on_post_build``.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from helpcenter.build import context
from helpcenter.site.languages import from_entries
from helpcenter.theme import static_i18n


def on_startup(command, dirty):
    context.start(command)


def _languages(config):
    entries = static_i18n.languages(config.plugins.get("i18n"))
    return from_entries(entries, config.theme.get("language"))


@event_priority(100)  # before every hook that asks for the context
def on_config(config):
    i18n = config.plugins.get("i18n")
    root = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
    context.begin_pass(
        language=static_i18n.pass_language(i18n),
        nested=static_i18n.nested_pass(i18n),
        root=root,
        docs_dir=Path(config.docs_dir),
        site_dir=Path(config.site_dir),
        languages=_languages(config),
        overrides=Path(config.theme.custom_dir) if config.theme.custom_dir else None,
    )
    return config


def on_env(env, config, files):
    env.globals.update(context.current().template_globals())
    return env


@event_priority(-10_000)  # after every other hook's
def on_post_build(config):
    context.current().end_pass()
