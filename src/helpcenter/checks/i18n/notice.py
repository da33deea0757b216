"""What the theme shows readers about translations: the notice above a page, the status table.

Plain data for ``overrides/partials/hc-translation-notice.html`` and
``hc-translation-status.html``; links are relative to the page that shows them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from helpcenter.checks.i18n.revision import TranslationState, status_report
from helpcenter.site.publish import SiteLayout, relative_url

STATUS_PAGE = "about/translation-status.md"
"""The translation status page, in each language folder."""
STATUS_REPORT = "translation-status"
"""``hc_report:`` front matter value of the page that lists the translations' states."""
STATUS_TEMPLATE = "partials/hc-translation-status.html"
"""The status table's template."""
STATUS_SLOT = "<!--hc-translation-status-->"
"""Where the status table goes. The table names every page of the site: it is put in
place after the theme's search has read the page (``on_post_page``), since it must not
be found by every search, and the theme parses its HTML even where it is marked to be
left out (30 ms a page at 300 articles per language)."""


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


@dataclass(frozen=True)
class SiteTranslations:
    """The translations of one site build, as the theme shows them: notices and status table."""

    layout: SiteLayout
    """How the site's URLs are laid out (links are relative to the page)."""
    pages: Mapping[str, set[str]]
    """Language -> its pages (``contact/phone.md``)."""
    states: Mapping[tuple[str, str], TranslationState]
    """``(language, page)`` -> the state of that translation."""
    report: Mapping[str, Any]
    """:func:`~helpcenter.checks.i18n.revision.status_report` of every state."""

    @classmethod
    def of(
        cls, layout: SiteLayout, pages: Mapping[str, set[str]], states: list[TranslationState]
    ) -> SiteTranslations:
        """The translations of ``states`` (with the ``pages`` they were found among)."""
        return cls(layout, pages, {(s.lang, s.page): s for s in states}, status_report(states))

    def notice(self, page: str, reader: str, original: str, page_url: str) -> dict | None:
        """:func:`translation_notice` of ``page``, linking the status page where it exists."""
        has_status = STATUS_PAGE in self.pages.get(reader, ())
        return translation_notice(
            page, reader, original, self.states, self.layout, page_url, has_status
        )

    def rows(self, page_url: str) -> list[dict]:
        """:func:`status_rows` for the status table on the page at ``page_url``."""
        return status_rows(self.report, self.layout, page_url)
