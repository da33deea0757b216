"""The contact guard in the real build.

One unofficial phone number in one article fails ``mkdocs build --strict``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from project_files import copy_project

pytestmark = pytest.mark.build


def build(project: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", HELPCENTER_LANG="en")
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
           "-d", str(project / "out")]  # fmt: skip
    return subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True, timeout=600)


def test_one_unofficial_phone_fails_the_strict_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    article = project / "docs" / "zh" / "faq.md"
    lines = article.read_text(encoding="utf-8").splitlines(keepends=True)
    # Into the body, after the front matter and the title.
    at = next(i for i, line in enumerate(lines) if line.startswith("# ")) + 1
    lines.insert(at, "\n如需帮助请拨打客服热线 400-000-0456。\n")
    article.write_text("".join(lines), encoding="utf-8")
    line_no = at + 2
    column = "如需帮助请拨打客服热线 ".__len__() + 1

    result = build(project)
    log = result.stdout + result.stderr
    assert result.returncode != 0, log
    expected = f"docs/zh/faq.md:{line_no}:{column}: HC102 "
    hits = [line for line in log.splitlines() if expected in line]
    assert len(hits) == 1, log  # reported once, not once per language build
    assert hits[0].startswith("WARNING")
    assert "400-000-0456" in hits[0] and "hotline-cn" in hits[0]
    # Nothing else from the guard: the shipped articles are clean.
    assert len(re.findall(r": HC1\d\d ", log)) == 1, log
