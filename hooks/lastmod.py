"""Show each article's last-updated date, taken from git without network."""

from __future__ import annotations

from pathlib import Path

from helpcenter.site.gitdates import last_commit_dates

_dates: dict[Path, str] | None = None


def on_pre_build(config, **kwargs):
    # One `git log` per language build: a few milliseconds, and `mkdocs serve`
    # picks up new commits without a restart.
    global _dates
    _dates = last_commit_dates(config["docs_dir"])


def on_page_markdown(markdown, page, config, files, **kwargs):
    path = page.file.abs_src_path
    date = _dates.get(Path(path).resolve()) if (_dates and path) else None
    if date:
        page.meta.setdefault("revision_date", date)
    return markdown
