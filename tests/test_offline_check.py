"""What the build checks for network loads, and where.

The build hook checks each page's own HTML in full, the theme's output once per
template and language, and every other file at the end; ``helpcenter build``
then reads the whole finished site back before it goes live.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from helpcenter.checks.offline import (
    BuildCheck,
    ExternalReference,
)

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = '<script src="https://cdn.example/a.js"></script>'


def test_page_content_is_reported_at_its_source_line():
    check = BuildCheck()
    asked = []

    def source():
        asked.append(True)
        return "docs/zh/a.md", f"# A\n\ntext\n{SCRIPT}\n"

    check.content("<h1>A</h1><p>text</p>", source)
    assert asked == []  # clean content: the source is not even read
    check.content(f"<h1>A</h1>\n{SCRIPT}", source)
    assert check.found == [ExternalReference("docs/zh/a.md", 4, "https://cdn.example/a.js")]


def test_the_theme_output_is_checked_once_per_layout(tmp_path):
    check = BuildCheck()
    theme = f"<html><head>{SCRIPT}</head><body>nav</body></html>"
    check.page(theme, "a.html", ("main.html", "zh"))
    check.page(theme, "b.html", ("main.html", "zh"))  # same layout: not read again
    check.page(theme, "en/a.html", ("main.html", "en"))
    assert [r.path for r in check.found] == ["a.html", "en/a.html"]
    assert check.pages == {"a.html", "b.html", "en/a.html"}


def test_files_no_page_produced_are_checked_at_the_end(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "a.html").write_text(SCRIPT, "utf-8")  # a page: checked as it was built
    (tmp_path / "404.html").write_text(SCRIPT, "utf-8")
    (tmp_path / "en/x.css").write_text("@import 'https://x.example/y.css';", "utf-8")
    check = BuildCheck()
    check.page("<p>clean</p>", "a.html", ("main.html", "zh"))
    found = check.finish(tmp_path)
    assert [(r.path, r.url) for r in found] == [
        ("404.html", "https://cdn.example/a.js"),
        ("en/x.css", "https://x.example/y.css"),
    ]


# -- real builds -------------------------------------------------------------------


def _project(tmp_path: Path, main_html: str, pages: dict[str, str]) -> Path:
    """A one-language site with the offline hook and a theme override."""
    if not (ROOT / "node_modules/iframe-worker").is_dir():
        pytest.skip("needs `npm ci`")
    project = tmp_path / "project"
    (project / "overrides").mkdir(parents=True)
    (project / "overrides/main.html").write_text(main_html, "utf-8")
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    for name, text in pages.items():
        (project / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (project / "docs" / name).write_text(text, "utf-8")
    (project / "mkdocs.yml").write_text(
        textwrap.dedent(
            f"""\
            site_name: Offline check
            use_directory_urls: false
            theme:
              name: material
              custom_dir: overrides
              font: false
            plugins: []
            hooks:
              - {ROOT / "hooks/context.py"}
              - {ROOT / "hooks/offline.py"}
            """
        ),
        "utf-8",
    )
    return project


def _run(project: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=project, env=env, capture_output=True, text=True
    )


@pytest.mark.build
def test_a_script_in_an_article_fails_the_build_naming_the_file(tmp_path):
    project = _project(
        tmp_path,
        '{% extends "base.html" %}',
        {"index.md": "# Home\n", "faq.md": f"# FAQ\n\nText.\n\n{SCRIPT}\n"},
    )
    proc = _run(project, "mkdocs", "build", "--strict", "-d", str(tmp_path / "site"))
    assert proc.returncode != 0
    assert "docs/faq.md:5: loads https://cdn.example/a.js from the network" in proc.stderr


@pytest.mark.build
def test_a_theme_stylesheet_from_a_cdn_fails_the_build(tmp_path):
    project = _project(
        tmp_path,
        '{% extends "base.html" %}{% block extrahead %}'
        '<link rel="stylesheet" href="https://fonts.example/f.css">{% endblock %}',
        {"index.md": "# Home\n", "faq.md": "# FAQ\n"},
    )
    proc = _run(project, "mkdocs", "build", "--strict", "-d", str(tmp_path / "site"))
    assert proc.returncode != 0
    assert "loads https://fonts.example/f.css from the network" in proc.stderr


@pytest.mark.build
def test_the_site_build_reads_every_page_back(tmp_path):
    # A template that loads something on one page only, chosen by its front
    # matter: the hook sees the template's output on the first page alone;
    # `helpcenter build` checks every file before the site goes live.
    project = _project(
        tmp_path,
        '{% extends "base.html" %}{% block extrahead %}'
        f"{{% if page and page.meta.widget %}}{SCRIPT}{{% endif %}}{{% endblock %}}",
        {"index.md": "# Home\n", "z.md": "---\nwidget: true\n---\n# Z\n"},
    )
    assert _run(project, "mkdocs", "build", "--strict", "-d", str(tmp_path / "s")).returncode == 0
    proc = _run(project, "helpcenter", "build")
    assert proc.returncode == 1
    assert "z.html" in proc.stderr and "https://cdn.example/a.js" in proc.stderr
    assert not (project / "site").exists()
