"""The site's languages, from mkdocs.yml, and the languages of the project's texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpcenter.report.messages import language_name, text_language
from helpcenter.site import languages
from helpcenter.site.languages import LanguagesError, SiteLanguages

ROOT = Path(__file__).resolve().parents[1]
SITE = SiteLanguages(("zh", "en"), "zh")


def test_the_languages_of_the_project_come_from_mkdocs_yml():
    assert languages.from_mkdocs_yml(ROOT / "mkdocs.yml") == SITE


def test_a_third_language_is_an_entry(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "theme: {name: material, language: zh}\n"
        "markdown_extensions:\n"
        "  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "plugins:\n"
        "  - search\n"
        "  - i18n:\n"
        "      languages:\n"
        "        - {locale: en, name: English}\n"
        "        - {locale: zh, name: 中文, default: true}\n"
        "        - {locale: zh-Hant, name: 繁體中文}\n"
        "        - {locale: fr, name: Français, build: false}\n"
        "        - {locale: 'null', name: Help, fixed_link: 'https://x.example/'}\n",
        encoding="utf-8",
    )
    site = languages.from_mkdocs_yml(config)
    assert site == SiteLanguages(("en", "zh", "zh-Hant"), "zh")
    assert site.translations == ("en", "zh-Hant")
    assert site.prefixes == {"en": "en/", "zh": "", "zh-Hant": "zh-Hant/"}
    assert site.folder_of("zh-Hant/faq.md") == "zh-Hant"
    assert site.folder_of("fr/faq.md") is None and site.folder_of("index.md") is None


def test_without_the_i18n_plugin_the_theme_language_is_the_one_language():
    assert languages.from_config({"theme": {"language": "de"}}) == SiteLanguages(("de",), "de")
    assert languages.from_config({}) == SiteLanguages(("en",), "en")  # MkDocs' default
    entries = [{"locale": "zh"}, {"locale": "en"}]  # no default marked: the first one
    assert languages.from_entries(entries) == SiteLanguages(("zh", "en"), "zh")


def test_a_missing_mkdocs_yml_is_an_error_that_says_so(tmp_path):
    with pytest.raises(LanguagesError, match="cannot read the site's configuration"):
        languages.from_mkdocs_yml(tmp_path / "mkdocs.yml")


def test_a_language_without_texts_of_its_own_gets_english():
    assert [text_language(x) for x in ("zh", "en", "zh-Hant", "fr")] == ["zh", "en", "en", "en"]
    assert language_name("en", "zh") == "英文" and language_name("zh", "en") == "Chinese"
    assert language_name("zh-Hant", "zh") == "zh-Hant"
