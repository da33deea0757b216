"""Files no check may read as they are: named, with what is wrong, by ``check`` and the build.

``tests/fixtures/inputs/`` holds the bad files that can live in git (its
README lists the expected messages); symlinks, pipes and oversized files
are made here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpcenter.guard.paths import check_paths
from helpcenter.inputs import files as inputs
from helpcenter.registry.load import load_registry

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "inputs"
sys.path.insert(0, str(ROOT / "tests" / "fixtures" / "sites"))
import sitekit  # noqa: E402

# Kept as .bytes (tools that read every .md of the project would choke on them);
# copied into place as .md pages.
EXPECTED = {
    "gbk.md": "not UTF-8 text: byte 11 (line 2) is 0xb5; save it as UTF-8",
    "binary.md": "not UTF-8 text: byte 0 (line 1) is 0x89; save it as UTF-8",
}
FRONT_MATTER = {
    "alias-bomb.md": "line 3: front matter: YAML feature not allowed: an anchor or alias",
    "deep.md": "line 3: front matter: YAML feature not allowed: lists and mappings nested "
    "more than 50 levels deep",
}


def _fixture(name: str) -> Path:
    """The fixture file of page ``name`` (``gbk.md`` is stored as ``gbk.bytes``)."""
    stored = FIXTURES / name.replace(".md", ".bytes")
    return stored if stored.exists() else FIXTURES / name


def _special_files(folder: Path, outside: Path) -> dict[str, str]:
    """Make the files git cannot hold in ``folder``; ``{name: expected reason}``."""
    outside.write_text("secret outside the repository\n", encoding="utf-8")
    os.symlink(outside, folder / "outside.md")
    os.symlink("/dev/zero", folder / "zero.md")
    os.symlink(folder / "nowhere.md", folder / "dangling.md")
    os.symlink("loop.md", folder / "loop.md")
    os.mkfifo(folder / "fifo.md")
    (folder / "huge.md").write_bytes(b"a" * (inputs.MAX_BYTES + 1))
    return {
        "outside.md": f"leads through a symlink to {outside}, outside the repository",
        "zero.md": "leads through a symlink to /dev/zero, outside the repository",
        "dangling.md": "which does not exist: remove the link",
        "loop.md": "a symlink loop: remove the link",
        "fifo.md": "a named pipe (FIFO), not a regular file",
        "huge.md": f"more than the limit of {inputs.MAX_BYTES:,}",
    }


# -- the reader ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_undecodable_file_names_the_byte_and_says_save_as_utf8(name):
    source = _fixture(name)
    with pytest.raises(inputs.InputError) as info:
        inputs.read_text(source)
    assert str(info.value) == f"{source}: {EXPECTED[name]}"


def test_nul_byte_is_refused_and_bom_dropped(tmp_path):
    (tmp_path / "nul.md").write_bytes("# 标题\nx\0y".encode())
    with pytest.raises(inputs.InputError, match=r"a NUL byte at byte 10 \(line 2\)"):
        inputs.read_text(tmp_path / "nul.md")
    (tmp_path / "bom.md").write_bytes(b"\xef\xbb\xbf# Title\n")
    assert inputs.read_text(tmp_path / "bom.md") == "# Title\n"


def test_special_files_are_refused_without_being_read(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    expected = _special_files(repo, tmp_path / "secret.md")
    started = time.monotonic()
    for name, reason in expected.items():
        with pytest.raises(inputs.InputError) as info:
            inputs.read_text(repo / name, repo)
        assert reason in str(info.value), name
        assert str(info.value).startswith(str(repo / name))
    assert time.monotonic() - started < 5  # the pipe and /dev/zero were not read


def test_empty_file_and_a_link_inside_the_repository_are_fine(tmp_path):
    (tmp_path / "empty.md").write_bytes(b"")
    os.symlink("empty.md", tmp_path / "alias.md")
    assert inputs.read_text(tmp_path / "empty.md", tmp_path) == ""
    assert inputs.read_text(tmp_path / "alias.md", tmp_path) == ""


def test_a_file_given_from_outside_the_repository_is_read(tmp_path):
    (tmp_path / "a.md").write_text("x", encoding="utf-8")
    assert inputs.read_text(tmp_path / "a.md", ROOT) == "x"


# -- helpcenter check ---------------------------------------------------------------------------


def _check(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "helpcenter", "check", "--lang", "en",
           "--registry", str(ROOT / "data" / "channels.yml"), *args]  # fmt: skip
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_check_names_an_undecodable_file(tmp_path, name):
    shutil.copy(_fixture(name), tmp_path / name)
    proc = _check([name], tmp_path)
    assert proc.returncode == 2
    assert proc.stderr == f"helpcenter check: {name}: {EXPECTED[name]}\n"


def test_check_names_every_special_file_and_exits_2(tmp_path):
    repo = tmp_path / "repo"
    (repo / "docs").mkdir(parents=True)
    (repo / "docs" / "empty.md").write_bytes(b"")
    expected = _special_files(repo / "docs", tmp_path / "secret.md")
    proc = _check(["docs"], repo)
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.splitlines()
    assert len(lines) == len(expected)
    for line, (name, reason) in zip(lines, sorted(expected.items()), strict=True):
        assert line.startswith(f"helpcenter check: docs/{name}: "), line
        assert reason in line


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_check_passes_an_empty_file(tmp_path, jobs):
    (tmp_path / "empty.md").write_bytes(b"")
    (tmp_path / "other.md").write_text("# Hello\n", encoding="utf-8")
    proc = _check(["-j", jobs, "."], tmp_path)
    assert (proc.returncode, proc.stderr) == (0, "")


def test_empty_files_in_batches_for_workers(tmp_path, monkeypatch):
    from helpcenter.guard import paths

    for i in range(3):
        (tmp_path / f"{i}.md").write_bytes(b"")
    monkeypatch.chdir(tmp_path)
    batches, total = paths._batches(["0.md", "1.md", "2.md"], "CN")
    assert total == 0 and [n for _, names in batches for n in names] == ["0.md", "1.md", "2.md"]
    registry = load_registry(ROOT / "data" / "channels.yml")
    assert check_paths(["."], registry, jobs=2).findings == []


# -- the build ----------------------------------------------------------------------------------


def test_build_refuses_every_bad_file_naming_it(tmp_path):
    project = sitekit.make_site(tmp_path / "site")
    docs = project / "docs" / "en"
    for name in [*EXPECTED, *FRONT_MATTER]:
        shutil.copy(_fixture(name), docs / name)
    special = _special_files(docs, tmp_path / "secret.md")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "secret.md").write_text("# secret outside the repository\n", encoding="utf-8")
    os.symlink(elsewhere, project / "docs" / "zh" / "linked-dir")
    started = time.monotonic()
    proc = sitekit.build(project)
    assert time.monotonic() - started < 120
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.splitlines()
    for name, reason in {**EXPECTED, **special}.items():
        start = f"ERROR   -  Doc file 'en/{name}': "
        assert [line for line in lines if line.startswith(start) and reason in line], name
    for name, reason in FRONT_MATTER.items():
        assert f"ERROR   -  Doc file 'en/{name}' {reason}" in proc.stderr, name
    assert "Doc file 'zh/linked-dir/secret.md': leads through a symlink to" in proc.stderr
    assert f"ERROR   -  {len(special) + 5} file(s) refused: see the errors above" in lines
    assert "secret outside the repository" not in proc.stderr
    assert not (project / "out" / "en" / "outside.html").exists()


# -- the registry -------------------------------------------------------------------------------


def test_registry_that_is_a_pipe_or_gbk_is_named_not_read(tmp_path):
    from helpcenter.registry.problems import RegistryError

    os.mkfifo(tmp_path / "pipe.yml")
    with pytest.raises(RegistryError) as info:
        load_registry(tmp_path / "pipe.yml")
    assert "a named pipe (FIFO), not a regular file" in str(info.value.findings()[0])
    shutil.copy(_fixture("gbk.md"), tmp_path / "gbk.yml")
    with pytest.raises(RegistryError) as info:
        load_registry(tmp_path / "gbk.yml")
    assert "not UTF-8 text: byte 11 (line 2) is 0xb5; save it as UTF-8" in str(
        info.value.findings()[0]
    )
    proc = _check(["--registry", str(tmp_path / "pipe.yml"), "."], tmp_path)
    assert proc.returncode == 2 and "HC001" in proc.stderr and "FIFO" in proc.stderr


def test_check_refuses_yaml_bombs_in_front_matter_by_name(tmp_path):
    for name in FRONT_MATTER:
        shutil.copy(FIXTURES / name, tmp_path / name)
    (tmp_path / "fine.md").write_text("---\ntitle: Fine\n---\n# Fine\n", encoding="utf-8")
    started = time.monotonic()
    proc = _check(["."], tmp_path)
    assert time.monotonic() - started < 30
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.splitlines()
    assert len(lines) == len(FRONT_MATTER)
    for line, (name, reason) in zip(lines, sorted(FRONT_MATTER.items()), strict=True):
        assert line.startswith(f"helpcenter check: {name}: {reason}"), line
