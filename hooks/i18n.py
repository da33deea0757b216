"""Translations in the build: parity, channel parity, revision tracking, front matter.

Thin adapter: the checks live in :mod:`helpcenter.checks.i18n`. Site-wide checks run
once per site build (in the default language's build). HC401/HC402 are
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
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from helpcenter.checks.i18n import is_first_language_build, languages_of
from helpcenter.checks.i18n.check import TranslationChecker
from helpcenter.checks.i18n.notice import STATUS_PAGE, status_rows, translation_notice
from helpcenter.checks.i18n.revision import status_report
from helpcenter.site.publish import SiteLayout

log = logging.getLogger("mkdocs.hooks.i18n")  # counted by --strict
report = logging.getLogger("helpcenter.translations")  # shown, never counted
if not report.handlers:
    _handler = logging.StreamHandler(sys.stderr)
    _handler.setFormatter(logging.Formatter("NOTE    -  %(message)s"))
    report.addHandler(_handler)
    report.setLevel(logging.INFO)

_state: dict = {}


def _checker(config) -> TranslationChecker:
    languages, default, _ = languages_of(config.plugins.get("i18n"))
    docs = Path(config.docs_dir)
    return TranslationChecker(docs, languages, default, display_root=docs)


def _doc(finding) -> str:
    return f"Doc file '{finding.path}' line {finding.line}: {finding.rule} {finding.message}"


def on_files(files, config, **kwargs):
    # Once per site build: the other language builds reuse the default one's states.
    if not is_first_language_build(config.plugins.get("i18n")) and "states" in _state:
        return files
    checker = _checker(config)
    states = checker.states()
    _state["layout"] = _layout(config)
    _state["pages"] = checker.pages()
    _state["states"] = {(s.lang, s.page): s for s in states}
    _state["report"] = status_report(states)
    if not is_first_language_build(config.plugins.get("i18n")):
        return files
    errors = checker.front_matter()
    for finding in errors:
        log.error(_doc(finding))
    for finding in checker.counterparts() + checker.channels():
        log.warning(_doc(finding))
    for finding in checker.revisions(states):
        report.warning("%s (reported; does not fail the build)", _doc(finding))
    if errors:
        raise PluginError(f"{len(errors)} page(s) with broken front matter: see the errors above")
    return files


def _layout(config) -> SiteLayout:
    languages, default, _ = languages_of(config.plugins.get("i18n"))
    return SiteLayout(languages, default, None, config.use_directory_urls)


@event_priority(-10)  # after static-i18n has set i18n_page_locale / i18n_file_locale
def on_page_context(context, page, config, nav, **kwargs):
    reader, original = context.get("i18n_page_locale"), context.get("i18n_file_locale")
    name = getattr(page.file, "norm_src_uri", None)
    if reader and original and name:
        # The files were listed once for the site build (on_files).
        has_status = STATUS_PAGE in _state["pages"].get(reader, ())
        context["hc_translation"] = translation_notice(
            name, reader, original, _state["states"], _state["layout"], page.url, has_status
        )
    return context


# The translation status table names every page of the site. It is put in
# place after the theme's search has read the page (on_post_page): it must
# not be found by every search, and the theme parsed its HTML even where it
# was marked to be left out (30 ms a page at 300 articles per language).
STATUS_SLOT = "<!--hc-translation-status-->"


def on_page_content(html, page, config, files, **kwargs):
    if page.meta.get("hc_report") != "translation-status":
        return html
    return html + STATUS_SLOT


@event_priority(50)  # before the hooks that check or rewrite the finished page
def on_post_page(output, page, config, **kwargs):
    if page.meta.get("hc_report") != "translation-status" or STATUS_SLOT not in output:
        return output
    _, default, current = languages_of(config.plugins.get("i18n"))
    report = _state.get("report", {})
    template = config.theme.get_env().get_template("partials/hc-translation-status.html")
    rows = status_rows(report, _layout(config), page.url)
    counts = report.get("counts", {})
    table = template.render(lang=current or default, rows=rows, counts=counts)
    return output.replace(STATUS_SLOT, table, 1)


def on_post_build(config, **kwargs):
    if "report" in _state:
        path = Path(config.site_dir) / "translation-status.json"
        path.write_text(json.dumps(_state["report"], ensure_ascii=False, indent=2) + "\n", "utf-8")
