"""The build's context on real builds: the registry loaded once, the languages from mkdocs.yml."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from helpcenter.checks.i18n.revision import stamp
from project_files import copy_project

pytestmark = pytest.mark.build

COUNTING_BUILD = """\
import json, sys
import helpcenter.registry.load as load

calls = []


def counted(function):
    def wrapper(*args, **kwargs):
        caller = sys._getframe(1).f_code
        if caller.co_filename != load.__file__:  # the cached loader calls the plain one
            calls.append(f"{caller.co_filename}:{caller.co_name}")
        return function(*args, **kwargs)

    return wrapper


load.load_registry = counted(load.load_registry)
load.load_registry_cached = counted(load.load_registry_cached)
from mkdocs.__main__ import cli

try:
    cli(["build", "--strict", "--quiet", "-d", sys.argv[1]])
except SystemExit as exit:
    code = exit.code
print(json.dumps(calls))
sys.exit(code)
"""


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH="", HELPCENTER_LANG="en", **extra)
    env.pop("HC_SITE_URL", None)
    return env


def test_one_place_loads_the_registry_in_a_build(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    script = tmp_path / "counting_build.py"
    script.write_text(COUNTING_BUILD, encoding="utf-8")
    # Every check runs in the build's own process, where the loader is counted.
    proc = subprocess.run(
        [sys.executable, str(script), str(tmp_path / "site")],
        cwd=project, env=_env(), capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-4000:]
    calls = json.loads(proc.stdout.strip().splitlines()[-1])
    assert len(calls) == 1, calls
    assert calls[0].replace(os.sep, "/").endswith("helpcenter/build/context.py:_load_registry")


THIRD = """\
        - locale: zh-Hant
          name: 繁體中文
          build: true
"""


@pytest.fixture(scope="module")
def third_language(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """The project with a third language: an entry in mkdocs.yml and a docs folder of two
    pages (stamped as current translations), built."""
    root = tmp_path_factory.mktemp("third")
    project = copy_project(root / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    anchor = "            关于: About\n"  # the last line of the English entry
    assert text.count(anchor) == 1
    config.write_text(text.replace(anchor, anchor + THIRD), encoding="utf-8")
    docs = project / "docs"
    for page in ("index.md", "faq.md"):
        (docs / "zh-Hant" / page).parent.mkdir(parents=True, exist_ok=True)
        (docs / "zh-Hant" / page).write_text((docs / "zh" / page).read_text("utf-8"), "utf-8")
    languages = ("zh", "en", "zh-Hant")
    stamp(docs, languages, "zh", only=["zh-Hant/index.md", "zh-Hant/faq.md"])
    # Not strict: every page not translated yet is a warning (HC401), as for English.
    cmd = [sys.executable, "-m", "mkdocs", "build", "--no-strict", "-d", str(root / "site")]
    proc = subprocess.run(cmd, cwd=project, env=_env(), capture_output=True, text=True, timeout=600)
    return root / "site", proc


def test_a_third_language_builds(third_language):
    site, proc = third_language
    assert proc.returncode == 0, proc.stderr[-4000:]
    assert "Traceback" not in proc.stderr
    for page in ("index.html", "faq.html", "404.html", "search/search_index.js"):
        assert (site / "zh-Hant" / page).is_file(), page
    # A page not translated yet is served from the default language, with a notice.
    assert (site / "zh-Hant" / "contact" / "phone.html").is_file()
    assert (site / "en" / "faq.html").is_file() and (site / "faq.html").is_file()


def test_a_third_language_is_checked_like_english(third_language):
    site, proc = third_language
    warnings = [line for line in proc.stderr.splitlines() if line.startswith("WARNING")]
    assert warnings, proc.stderr
    for line in warnings:  # only the pages it lacks, as English would
        assert re.search(r" HC401 .* has no zh-Hant counterpart", line), line
    assert not any("zh-Hant/faq.md" in line for line in warnings)
    assert "zh-Hant/index.md" not in proc.stderr  # stamped: up to date, no NOTE either
    status = json.loads((site / "translation-status.json").read_text("utf-8"))
    mine = {e["page"]: e["state"] for e in status["pages"] if e["lang"] == "zh-Hant"}
    assert mine.pop("faq.md") == mine.pop("index.md") == "current"
    assert mine and set(mine.values()) == {"missing"}


def test_a_third_language_is_published_like_the_others(third_language):
    site, _ = third_language
    faq = (site / "faq.html").read_text("utf-8")
    assert 'hreflang="zh-Hant" href="https://help.bitp.example/zh-Hant/faq.html"' in faq
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    assert "https://help.bitp.example/zh-Hant/faq.html" in sitemap


def test_a_third_language_s_pages_link_to_its_own_folder(third_language):
    site, _ = third_language
    faq = (site / "zh-Hant" / "faq.html").read_text("utf-8")
    assert 'href="../zh-Hant/safety/fake-support.html"' in faq  # the scam warning
    assert 'href="../zh-Hant/contact/directory.html"' in faq  # the footer
    assert "Scam warning:" in faq  # no texts of its own: the English ones
    home = (site / "zh-Hant" / "index.html").read_text("utf-8")
    assert "https://help.bitp.example/zh-Hant/" in home.split('application/ld+json">', 1)[1]
