"""Translations in the build: parity, channel parity, revision tracking, front matter.

Thin adapter: the checks live in :mod:`helpcenter.checks.i18n`. Site-wide checks run
once per site build (in the default language's pass). HC401/HC402 are
warnings (``--strict`` fails); HC405 (broken front matter) stops any build;
stale or untracked translations (HC403/HC404/HC406) are printed as ``NOTE``
lines (a logger outside ``mkdocs.*``, so ``--strict`` does not count them),
listed on the page whose front matter says ``hc_report: translation-status``
and in ``site/translation-status.json``, and announced on the stale page
itself; they do not fail the build (see :mod:`helpcenter.checks.i18n.rules`).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from helpcenter.build.context import current
from helpcenter.checks.i18n.notice import STATUS_REPORT, STATUS_SLOT, STATUS_TEMPLATE
from helpcenter.theme import static_i18n

log = logging.getLogger("mkdocs.plugins.helpcenter.i18n")
notes = logging.getLogger("helpcenter.notes.i18n")


def on_files(files, config, **kwargs):
    ctx = current()
    if not ctx.main_pass:
        return files  # once per site build
    checker, states = ctx.translation_check()
    errors = checker.front_matter()
    for finding in errors:
        log.error(finding.doc_message())
    for finding in checker.counterparts() + checker.channels():
        log.warning(finding.doc_message())
    for finding in checker.revisions(states):
        notes.warning("%s (reported; does not fail the build)", finding.doc_message())
    if errors:
        raise PluginError(f"{len(errors)} page(s) with broken front matter: see the errors above")
    return files


@event_priority(-10)  # after static-i18n has set i18n_page_locale / i18n_file_locale
def on_page_context(context, page, config, nav, **kwargs):
    reader, original = static_i18n.page_languages(context)
    name = static_i18n.source_name(page.file)
    if reader and original and name:
        shown = current().translations(config.use_directory_urls)
        context["hc_translation"] = shown.notice(name, reader, original, page.url)
    return context


def on_page_content(html, page, config, files, **kwargs):
    return html + STATUS_SLOT if page.meta.get("hc_report") == STATUS_REPORT else html


@event_priority(50)  # before the hooks that check or rewrite the finished page
def on_post_page(output, page, config, **kwargs):
    if page.meta.get("hc_report") != STATUS_REPORT or STATUS_SLOT not in output:
        return output
    ctx, template = current(), config.theme.get_env().get_template(STATUS_TEMPLATE)
    shown = ctx.translations(config.use_directory_urls)
    counts = shown.report.get("counts", {})
    table = template.render(lang=ctx.language, rows=shown.rows(page.url), counts=counts)
    return output.replace(STATUS_SLOT, table, 1)


def on_post_build(config, **kwargs):
    report = current().translations(config.use_directory_urls).report
    path = Path(config.site_dir) / "translation-status.json"
    path.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", "utf-8")
