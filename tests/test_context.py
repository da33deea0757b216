"""The build's context, without a build (tests/test_build_context.py: with one)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpcenter.build import context
from helpcenter.site.languages import SiteLanguages

ROOT = Path(__file__).resolve().parents[1]
SITE = SiteLanguages(("zh", "en"), "zh")


def begin(language=None, nested=False, root=ROOT, site=SITE) -> context.BuildContext:
    return context.begin_pass(
        language=language,
        nested=nested,
        root=root,
        docs_dir=root / "docs",
        site_dir=root / "site",
        languages=site,
    )


def test_the_other_languages_passes_join_the_site_build():
    ctx = begin()
    assert ctx.language == "zh" and ctx.main_pass
    assert begin("en", nested=True) is ctx
    assert ctx.language == "en" and not ctx.main_pass
    ctx.end_pass()  # the English pass is over: the default language's goes on
    assert ctx.language == "zh" and ctx.main_pass
    ctx.end_pass()
    assert begin() is not ctx  # a new site build (a rebuild of mkdocs serve)


def test_the_command_says_whether_the_preview_runs():
    context.start("serve")
    assert begin().serving
    context.start("build")
    assert not begin().serving


def test_a_page_language_is_decided_once():
    ctx = begin()
    assert ctx.page_language("en/faq.md", "en") == "en"
    assert ctx.page_language("en/faq.md", "zh") == "en"  # decided already
    assert ctx.page_language("zh/faq.md") == "zh"  # its folder
    assert ctx.page_language("extra.md") == "zh"  # the pass's language
    third = begin(site=SiteLanguages(("zh", "en", "zh-Hant"), "zh"))
    assert third.page_language("zh-Hant/faq.md") == "zh-Hant"
    assert third.text_language_of("zh-Hant/faq.md") == "en"


def test_the_registry_is_loaded_once_and_its_problems_kept(tmp_path, monkeypatch):
    calls = []
    real = context.load_registry_cached

    def counted(path):
        calls.append(path)
        return real(path)

    monkeypatch.setattr(context, "load_registry_cached", counted)
    ctx = begin()
    assert ctx.registry is ctx.registry is not None and ctx.registry_error is None
    assert len(calls) == 1
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "channels.yml").write_text("channels: [\n", encoding="utf-8")
    broken = begin(root=tmp_path)
    assert broken.registry is None and broken.registry is None
    assert len(calls) == 2
    problems = broken.registry_problems()
    assert problems.startswith("The channel registry has problems:\n")
    assert "data/channels.yml:" in problems.replace(os.sep, "/")


def test_a_job_runs_once_when_first_asked_for(monkeypatch):
    calls = []
    monkeypatch.setattr(os.path, "join", lambda *parts: calls.append(parts) or "/".join(parts))
    job = context.Job("os.path:join", "a", "b")
    assert calls == []  # nothing runs before it is asked for
    assert job.result() == job.result() == "a/b"
    assert calls == [("a", "b")]  # once


def test_a_hook_without_a_build_is_told_what_is_missing(monkeypatch):
    monkeypatch.setattr(context, "_current", None)
    with pytest.raises(context.NoBuild, match="hooks/context.py"):
        context.current()
