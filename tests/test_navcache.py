"""The sidebar cache: the same pages as the theme renders, for a fraction of the work."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from jinja2 import DictLoader, Environment, FileSystemLoader

from helpcenter.theme import navcache
from project_files import ROOT, copy_project, write_files

THEME_PARTIALS = Path(__import__("material").__file__).parent / "templates"


def test_the_pinned_theme_templates_are_patched():
    """A theme update that moves these calls shows up here, not as a slower build."""
    env = Environment(loader=FileSystemLoader(str(THEME_PARTIALS)))
    assert navcache.install(env) == set()
    nav = env.loader.get_source(env, "partials/nav.html")[0]
    item = env.loader.get_source(env, "partials/nav-item.html")[0]
    assert navcache.ENTRY in nav and navcache.CHILDREN in item
    assert env.loader.unpatched == set()
    a, b, c, d = env.loader.segments
    assert a.strip() == b.strip() == c.strip() == d.strip() == ""


def test_a_template_without_the_calls_is_served_unchanged():
    templates = {
        "partials/nav.html": "{% for nav_item in nav.items %}{{ nav_item }}{% endfor %}",
        "partials/nav-item.html": "{% macro render(x) %}{{ x }}{% endmacro %}",
    }
    env = Environment(loader=DictLoader(templates))
    assert navcache.install(env) == set(templates)
    for name, text in templates.items():
        assert env.loader.get_source(env, name)[0] == text
    assert env.loader.unpatched == set(templates)


def test_install_twice_keeps_one_loader():
    env = Environment(loader=FileSystemLoader(str(THEME_PARTIALS)))
    navcache.install(env)
    loader = env.loader
    navcache.install(env)
    assert env.loader is loader


@pytest.mark.parametrize(
    ("url", "folder"),
    [
        ("troubleshooting/login.html", "troubleshooting"),
        ("index.html", ""),
        ("en/contact/email.html", "en/contact"),
        ("en/contact/", "en/contact/"),
        ("", ""),
    ],
)
def test_folder_of_is_what_relative_links_start_from(url, folder):
    assert navcache.folder_of(url) == folder


class _Item:
    def __init__(self, name: str, active: bool = False) -> None:
        self.name, self.active = name, active


def test_an_inactive_entry_is_rendered_once_per_folder():
    cache = navcache.NavCache()
    calls = []

    def render(item, path, level, *parent):
        calls.append((item.name, path))
        return f"<li>{item.name}@{path}</li>"

    env = Environment()
    item, current = _Item("a"), _Item("page", active=True)

    def entry(page_url, it):
        page = type("Page", (), {"url": page_url})()
        ctx = env.from_string("").new_context({"page": page})
        return cache.entry(ctx, render, it, "__nav_1", 1)

    assert entry("s/one.html", item) == entry("s/two.html", item) == "<li>a@__nav_1</li>"
    assert calls == [("a", "__nav_1")]
    entry("t/one.html", item)  # another folder: links differ
    assert len(calls) == 2
    entry("s/one.html", current)
    entry("s/one.html", current)  # the way to the page: rendered every time
    assert calls[2:] == [("page", "__nav_1"), ("page", "__nav_1")]
    assert (cache.hits, cache.misses) == (1, 2)


# -- built pages -------------------------------------------------------------

NESTED = {
    "index.md": "# Home\n\nWelcome.\n",
    "top.md": "# Top page\n\n## Part\n\nText.\n",
    "guide/index.md": "# Guide\n\nThe guide.\n",
    "guide/one.md": "# One\n\n## First\n\nText.\n\n## Second\n\nMore.\n",
    "guide/two.md": "---\ntitle: Two, from the front matter\n---\n\nNo heading.\n",
    "guide/deep/index.md": "# Deep\n\nDeeper.\n",
    "guide/deep/three.md": "# Three\n\nText.\n",
    "guide/deep/four.md": "# Four\n\nText.\n",
    "other/five.md": "# Five\n\nText.\n",
    "other/six.md": "# Six\n\n## Only part\n\nText.\n",
    "hidden.md": "# Not in the nav\n\nText.\n",
}
NAV = [
    {"Home": "index.md"},
    "top.md",
    {
        "Guide": [
            "guide/index.md",
            "guide/one.md",
            "guide/two.md",
            {"Deep": ["guide/deep/index.md", "guide/deep/three.md", "guide/deep/four.md"]},
        ]
    },
    {"Other": ["other/five.md", "other/six.md", {"Outside": "https://example.org/"}]},
]


def _build_nested(project: Path, features: list[str], cache: bool) -> Path:
    config = {
        "site_name": "Nav",
        "docs_dir": "docs",
        "use_directory_urls": False,
        "theme": {"name": "material", "font": False, "features": features},
        "nav": NAV,
        "markdown_extensions": [{"toc": {"permalink": True}}],
        "plugins": [],
        "hooks": [str(ROOT / "hooks" / "templates.py")],
        "validation": {"omitted_files": "ignore"},
    }
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    out = project / ("on" if cache else "off")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", HC_SPEEDUPS="1" if cache else "0")
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)]
    result = subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def _same_files(a: Path, b: Path) -> int:
    names = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    for name in names:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    return sum(1 for n in names if n.suffix == ".html")


@pytest.mark.build
@pytest.mark.parametrize(
    "features",
    [
        ["navigation.prune", "navigation.indexes"],
        ["navigation.sections", "navigation.indexes"],
        ["navigation.tabs", "navigation.sections", "navigation.expand"],
        [],
    ],
    ids=["prune-indexes", "sections", "tabs-expand", "none"],
)
def test_nested_sections_render_the_same_with_the_cache(tmp_path: Path, features):
    write_files(tmp_path / "docs", NESTED)
    on = _build_nested(tmp_path, features, cache=True)
    off = _build_nested(tmp_path, features, cache=False)
    assert _same_files(on, off) >= len(NESTED)
    # The page itself is marked in its own sidebar, with its table of contents.
    one = (on / "guide" / "one.html").read_text(encoding="utf-8")
    assert 'href="one.html" class="md-nav__link md-nav__link--active"' in one
    assert 'href="#first"' in one


@pytest.mark.build
def test_the_help_center_renders_the_same_with_the_cache(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    outs = {}
    for cache in (True, False):
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", HC_SPEEDUPS="1" if cache else "0")
        out = project / ("on" if cache else "off")
        cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)]
        result = subprocess.run(
            cmd, cwd=project, env=env, capture_output=True, text=True, timeout=600
        )
        assert result.returncode == 0, result.stdout + result.stderr
        outs[cache] = out
    assert _same_files(outs[True], outs[False]) > 40
