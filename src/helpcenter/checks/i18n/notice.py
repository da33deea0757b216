"""What the theme shows readers about translations: the notice above a page, the status table.

Plain data for ``overrides/partials/hc-translation-notice.html`` and
``hc-translation-status.html``; links are relative to the page that shows them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from helpcenter.checks.i18n.revision import TranslationState
from helpcenter.site.publish import SiteLayout, relative_url

STATUS_PAGE = "about/translation-status.md"
"""The translation status page, in each language folder."""


def translation_notice(
    page: str,
    reader: str,
    original: str,
    states: Mapping[tuple[str, str], TranslationState],
    layout: SiteLayout,
    page_url: str,
    status_page: bool = True,
) -> dict[str, Any] | None:
    """The notice for ``page`` shown in ``reader``'s language, or ``None``.

    ``original`` is the language of the file actually shown: it differs from
    ``reader`` for an untranslated page (the i18n fallback, ``kind:
    fallback``). A translation whose source changed since it was stamped gets
    ``kind: stale``. ``status_page``: whether to link the status page.
    """
    if reader != original:
        kind, original_lang = "fallback", original
    else:
        state = states.get((reader, page))
        if state is None or state.state != "stale":
            return None
        kind, original_lang = "stale", state.source_lang
    notice: dict[str, Any] = {
        "kind": kind,
        "reader": reader,
        "original_lang": original_lang,
        "original_href": relative_url(layout.site_path(page, original_lang), page_url),
    }
    if status_page:
        notice["status_href"] = relative_url(layout.site_path(STATUS_PAGE, reader), page_url)
    return notice


def status_rows(report: Mapping[str, Any], layout: SiteLayout, page_url: str) -> list[dict]:
    """Rows of the status table: each entry of ``report["pages"]`` with links to both pages."""
    rows = []
    for entry in report.get("pages", []):
        rows.append(
            {
                **entry,
                "href": relative_url(layout.site_path(entry["page"], entry["lang"]), page_url),
                "source_href": relative_url(
                    layout.site_path(entry["page"], entry["source_lang"]), page_url
                ),
            }
        )
    return rows
