"""``make site`` (``python -m helpcenter build``) replaces site/ only after a successful build.

Runs the real command on a small fixture project in tmp_path (never the
project's own site/): a good build, then an article broken in two ways; the
previous site/ must stay byte for byte (and timestamp for timestamp) as it was.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "sites"))
import sitekit  # noqa: E402

pytestmark = pytest.mark.build

ROOT = Path(__file__).resolve().parents[1]


def make_site(project: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    cmd = [sys.executable, "-m", "helpcenter", "build"]
    return subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True, timeout=300)


def snapshot(site: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.relative_to(site).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def leftovers(project: Path) -> list[str]:
    return sorted(p.name for p in project.iterdir() if p.name.startswith(".site."))


def test_make_site_runs_the_atomic_build():
    recipe = re.search(r"^site:.*\n((?:\t.*\n)+)", (ROOT / "Makefile").read_text("utf-8"), re.M)
    assert recipe and "-m helpcenter build" in recipe.group(1)


@pytest.fixture
def project(tmp_path):
    project = sitekit.make_site(tmp_path / "project")
    first = make_site(project)
    assert first.returncode == 0, first.stderr
    assert (project / "site" / "index.html").is_file()
    assert (project / "site" / "en" / "index.html").is_file()
    assert "site built into site/" in first.stderr
    assert "INFO" not in first.stderr  # MkDocs chatter hidden
    return project


@pytest.mark.parametrize(
    ("broken", "text", "expected"),
    [
        (
            "zh/guide.md",
            "---\ntitle: [未闭合\n---\n\n# 操作指南\n",
            "ERROR   -  Doc file 'zh/guide.md' line 2: HC405",
        ),
        (
            "en/guide.md",
            "# Guide\n\nSee [the missing page](nowhere.md).\n",
            "WARNING -  Doc file 'en/guide.md' line 3: HC301",
        ),
    ],
    ids=["front-matter", "broken-link"],
)
def test_failed_build_leaves_previous_site_untouched(project, broken, text, expected):
    before = snapshot(project / "site")
    (project / "docs" / broken).write_text(text, encoding="utf-8")
    proc = make_site(project)
    assert proc.returncode == 1
    assert expected in proc.stderr
    assert "the build FAILED" in proc.stderr and "site/ was left unchanged" in proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    assert snapshot(project / "site") == before
    assert leftovers(project) == []


def test_successful_build_replaces_site(project):
    page = project / "docs" / "zh" / "guide.md"
    page.write_text(page.read_text("utf-8").replace("返回", "请返回"), encoding="utf-8")
    stale_file = project / "site" / "left-over.html"
    stale_file.write_text("from an older build", encoding="utf-8")
    proc = make_site(project)
    assert proc.returncode == 0, proc.stderr
    assert "请返回" in (project / "site" / "guide.html").read_text("utf-8")
    assert not stale_file.exists()  # the whole folder was replaced, not merged
    assert leftovers(project) == []


def test_first_build_failure_creates_no_site(tmp_path):
    project = sitekit.make_site(tmp_path / "project", "broken-front-matter")
    proc = make_site(project)
    assert proc.returncode == 1
    assert "site/ was not created" in proc.stderr
    assert not (project / "site").exists()
    assert leftovers(project) == []


def test_missing_config_is_a_usage_error(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "helpcenter", "build", "-f", "nope.yml"],
        cwd=tmp_path, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert proc.returncode == 2
    assert "no MkDocs configuration at 'nope.yml'" in proc.stderr


def test_a_crash_is_summarised_without_a_traceback(project):
    before = snapshot(project / "site")
    (project / "crash.py").write_text(
        "def on_files(files, config, **kwargs):\n    raise RuntimeError('boom in a hook')\n",
        encoding="utf-8",
    )
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace("hooks:\n", "hooks:\n- crash.py\n"), encoding="utf-8"
    )
    proc = make_site(project)
    assert proc.returncode == 1
    assert "MkDocs stopped with RuntimeError: boom in a hook (full log: .cache/build.log)" in (
        proc.stderr
    )
    assert "Traceback" not in proc.stderr + proc.stdout
    assert "Traceback" in (project / ".cache" / "build.log").read_text("utf-8")
    assert snapshot(project / "site") == before
    assert leftovers(project) == []


def test_site_gets_normal_permissions(project):
    umask = os.umask(0)
    os.umask(umask)
    site = project / "site"
    assert site.stat().st_mode & 0o777 == 0o777 & ~umask
    assert (site / "en").stat().st_mode & 0o777 == 0o777 & ~umask
    assert (site / "index.html").stat().st_mode & 0o777 == 0o666 & ~umask


def test_stale_build_folders_are_removed_by_the_next_build(project):
    dead = 2**22 + 12345  # above the default pid_max: no such process
    for name in (f".site.building-{dead}-k1ll3d", ".site.building-abc123", f".site.old-{dead}"):
        (project / name).mkdir()
        (project / name / "index.html").write_text("half-written", encoding="utf-8")
    running = project / f".site.building-{os.getpid()}-running"
    running.mkdir()
    result = make_site(project)
    assert result.returncode == 0, result.stderr
    assert leftovers(project) == [running.name]
    assert f"removed .site.building-{dead}-k1ll3d/, left by a build that was stopped" in (
        result.stderr
    )


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_stopped_build_removes_its_folder(project, signum):
    before = snapshot(project / "site")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    proc = subprocess.Popen(
        [sys.executable, "-m", "helpcenter", "build"], cwd=project, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        building = [p for p in project.glob(".site.building-*") if any(p.iterdir())]
        if building:
            break
        time.sleep(0.05)
    assert building, "the build never started writing"
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 128 + signum, err
    assert f"stopped by {signal.Signals(signum).name}; site/ was left unchanged" in err
    assert "Traceback" not in err
    assert leftovers(project) == []
    assert snapshot(project / "site") == before


def test_registry_problems_are_shown_under_the_error(capsys):
    from helpcenter.commands.build import BuildLog

    log = BuildLog()
    for line in (
        "INFO    -  Cleaning site directory\n",
        "ERROR   -  The channel registry has problems:\n",
        "data/channels.yml:30:5: HC039 channel 'website': 'verified_on' is 2999-01-01, ...\n",
        "data/channels.yml:1:1: HC001 cannot read the registry (...)\n",
        "Building prefix dict from the default dictionary ...\n",
        "\n",
        "Aborted with a BuildError!\n",
    ):
        log.feed(line)
    shown = capsys.readouterr().err.splitlines()
    assert shown == [
        "ERROR   -  The channel registry has problems:",
        "data/channels.yml:30:5: HC039 channel 'website': 'verified_on' is 2999-01-01, ...",
        "data/channels.yml:1:1: HC001 cannot read the registry (...)",
        "Aborted with a BuildError!",
    ]
