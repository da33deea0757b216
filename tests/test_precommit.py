"""pre-commit: the hooks other repositories use, and this repository's own configuration.

``pre-commit try-repo`` installs the hook repository the way a user's
pre-commit would (its own virtualenv, ``pip install`` of this project), so the
first test needs PyPI; everything runs in ``tmp_path`` with its own
``PRE_COMMIT_HOME``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
PRE_COMMIT = [sys.executable, "-m", "pre_commit"]

BAD_ARTICLE = """\
# 联系客服

遇到问题请拨打 +86 400 000 0777。
"""

GOOD_ARTICLE = """\
# 联系客服

请发送邮件至 <!-- hc:channel support-email -->。
"""


def _env(tmp_path: Path) -> dict[str, str]:
    return dict(
        os.environ,
        PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"),
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_AUTHOR_NAME="Test",
        GIT_AUTHOR_EMAIL="test@bitp.example",
        GIT_COMMITTER_NAME="Test",
        GIT_COMMITTER_EMAIL="test@bitp.example",
        GIT_CONFIG_NOSYSTEM="1",
        PRE_COMMIT_COLOR="never",
        HELPCENTER_LANG="en",
        NO_MKDOCS_2_WARNING="1",
        PYTHONPATH="",
    )


def _run(cmd: list[str], cwd: Path, env: dict[str, str], timeout: int = 600):
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


def _git_commit_all(repo: Path, env: dict[str, str]) -> None:
    for cmd in (
        ["git", "init", "-q"],
        ["git", "add", "-A"],
        ["git", "-c", "commit.gpgsign=false", "commit", "-qm", "fixture"],
    ):
        proc = _run(cmd, repo, env)
        assert proc.returncode == 0, proc.stderr


def _fixture_repo(path: Path, env: dict[str, str], articles: dict[str, str]) -> Path:
    """A repository that uses the hooks: a registry and some articles, committed."""
    (path / "data").mkdir(parents=True)
    shutil.copy2(ROOT / "data" / "channels.yml", path / "data" / "channels.yml")
    for name, text in articles.items():
        file = path / name
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text, encoding="utf-8")
    _git_commit_all(path, env)
    return path


def test_hook_manifest_and_config_are_valid() -> None:
    env = dict(os.environ)
    for cmd in ("validate-manifest", "validate-config"):
        name = ".pre-commit-hooks.yaml" if cmd == "validate-manifest" else ".pre-commit-config.yaml"
        proc = _run([*PRE_COMMIT, cmd, name], ROOT, env, timeout=60)
        assert proc.returncode == 0, proc.stdout + proc.stderr
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert hooks["helpcenter-check"]["entry"] == "helpcenter check"
    assert hooks["helpcenter-check"]["types"] == ["markdown"]
    assert hooks["helpcenter-registry"]["entry"] == "helpcenter registry"
    assert all(h["language"] == "python" for h in hooks.values())


def test_local_config_downloads_nothing() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    assert [r["repo"] for r in config["repos"]] == ["local"]
    hooks = config["repos"][0]["hooks"]
    assert {h["id"] for h in hooks} >= {
        "helpcenter-check",
        "helpcenter-registry",
        "ruff",
    }
    for hook in hooks:
        assert hook["language"] == "system"
        assert hook["entry"].startswith(".venv/bin/"), "the project's own tools from .venv/"


def test_try_repo_flags_a_bad_article(tmp_path: Path) -> None:
    env = _env(tmp_path)
    hook_repo = tmp_path / "hook-repo"
    hook_repo.mkdir()
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy2(ROOT / name, hook_repo / name)
    shutil.copytree(
        ROOT / "src",
        hook_repo / "src",
        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"),
    )
    _git_commit_all(hook_repo, env)
    # A second registry whose support-email lacks its English label, for the registry hook;
    # data/channels.yml stays valid so the guard can judge the articles.
    broken = (ROOT / "data" / "channels.yml").read_text(encoding="utf-8")
    broken = broken.replace("label: {zh: 客服邮箱, en: Support email}", "label: {zh: 客服邮箱}")
    user = _fixture_repo(
        tmp_path / "user-repo",
        env,
        {
            "docs/zh/bad.md": BAD_ARTICLE,
            "docs/zh/good.md": GOOD_ARTICLE,
            "staging/channels.yml": broken,
        },
    )
    # try-repo installs into a fresh temporary store every time (pip install of
    # the project), so one run exercises every hook of the manifest.
    proc = _run([*PRE_COMMIT, "try-repo", str(hook_repo), "--all-files"], user, env)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    guard, _, registry = out.partition("helpcenter registry validation")
    assert "docs/zh/bad.md:3:" in guard
    assert "HC102" in guard and "+86 400 000 0777" in guard
    assert "good.md" not in out
    assert "staging/channels.yml:" in registry and "support-email" in registry
    assert "data/channels.yml:" not in registry


@pytest.fixture
def local_repo(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A repository with this project's .pre-commit-config.yaml and its .venv/."""
    env = _env(tmp_path)
    repo = tmp_path / "repo"
    repo.mkdir()
    shutil.copy2(ROOT / ".pre-commit-config.yaml", repo / ".pre-commit-config.yaml")
    shutil.copy2(ROOT / "pyproject.toml", repo / "pyproject.toml")
    (repo / ".venv").symlink_to(ROOT / ".venv", target_is_directory=True)
    (repo / ".gitignore").write_text(".venv\n")
    _fixture_repo(repo, env, {"docs/zh/good.md": GOOD_ARTICLE})
    return repo, env


def test_local_hooks_check_changed_articles(local_repo: tuple[Path, dict[str, str]]) -> None:
    repo, env = local_repo
    (repo / "docs/zh/bad.md").write_text(BAD_ARTICLE, encoding="utf-8")
    _run(["git", "add", "docs/zh/bad.md"], repo, env)
    proc = _run([*PRE_COMMIT, "run"], repo, env, timeout=120)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    assert "docs/zh/bad.md:3:" in out and "HC102" in out
    assert "good.md" not in out, "only the changed article is checked"

    proc = _run([*PRE_COMMIT, "run", "--files", "docs/zh/good.md"], repo, env, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_local_hooks_check_the_registry_and_python(
    local_repo: tuple[Path, dict[str, str]],
) -> None:
    repo, env = local_repo
    registry = repo / "data" / "channels.yml"
    registry.write_text(
        registry.read_text(encoding="utf-8").replace("status: active", "status: actve", 1),
        encoding="utf-8",
    )
    (repo / "tool.py").write_text("import os\n", encoding="utf-8")
    proc = _run([*PRE_COMMIT, "run", "--files", "data/channels.yml", "tool.py"], repo, env, 120)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    assert "data/channels.yml:" in out and "actve" in out
    assert "tool.py" in out and "F401" in out


def test_registry_command_checks_the_schema_beside_the_file(tmp_path: Path, capsys) -> None:
    import json

    from helpcenter.cli import main

    shutil.copy2(ROOT / "data" / "channels.yml", tmp_path / "channels.yml")
    shutil.copy2(ROOT / "data" / "channels.schema.json", tmp_path / "channels.schema.json")
    assert main(["registry", str(tmp_path / "channels.yml")]) == 0
    assert capsys.readouterr().out == ""

    # A schema change the registry does not satisfy yet: every channel needs `source`.
    schema = json.loads((tmp_path / "channels.schema.json").read_text(encoding="utf-8"))
    schema["$defs"]["channel"]["required"].append("source")
    (tmp_path / "channels.schema.json").write_text(json.dumps(schema), encoding="utf-8")
    assert main(["registry", str(tmp_path / "channels.yml")]) == 1
    out = capsys.readouterr().out.splitlines()
    registry_text = (tmp_path / "channels.yml").read_text(encoding="utf-8").splitlines()
    without_source = [i for i, line in enumerate(registry_text, 1) if line.startswith("  - id: ")]
    assert out, "schema problems are reported"
    for line in out:
        assert line.startswith(f"{tmp_path / 'channels.yml'}:")
        assert "'source' is a required property" in line
        number = int(line.split(":")[1])
        assert number in without_source, "each problem points at its channel's line"


def test_registry_command_reports_findings_in_every_format(tmp_path: Path, capsys) -> None:
    import json

    from helpcenter.cli import main

    broken = tmp_path / "channels.yml"
    text = (ROOT / "data" / "channels.yml").read_text(encoding="utf-8")
    broken.write_text(text.replace("status: active", "status: actve", 1), encoding="utf-8")
    line = text.splitlines().index("    status: active") + 1
    assert main(["registry", "--lang", "en", str(broken)]) == 1
    (shown,) = capsys.readouterr().out.splitlines()
    assert shown.startswith(f"{broken}:{line}:5: HC017 channel '")
    assert main(["registry", "--lang", "en", "--format", "json", str(broken)]) == 1
    (finding,) = json.loads(capsys.readouterr().out)["findings"]
    assert (finding["line"], finding["column"], finding["rule"]) == (line, 5, "HC017")
    assert finding["value"] == "actve" and finding["message"] in shown
    assert main(["registry", "--lang", "en", "--format", "github", str(broken)]) == 1
    assert capsys.readouterr().out.startswith(f"::error file={broken},line={line},col=5::HC017 ")


def test_registry_command_names_a_broken_schema(tmp_path: Path, capsys) -> None:
    from helpcenter.cli import main

    shutil.copy2(ROOT / "data" / "channels.yml", tmp_path / "channels.yml")
    (tmp_path / "channels.schema.json").write_text('{"type": "objekt"}', encoding="utf-8")
    assert main(["registry", "--lang", "en", str(tmp_path / "channels.yml")]) == 1
    (shown,) = capsys.readouterr().out.splitlines()
    assert shown.startswith(f"{tmp_path / 'channels.schema.json'}:1:1: HC043 ")
    assert "objekt" in shown


def test_registry_command_speaks_both_languages(tmp_path: Path, capsys) -> None:
    from helpcenter.cli import main

    broken = tmp_path / "channels.yml"
    broken.write_text(
        (ROOT / "data" / "channels.yml")
        .read_text(encoding="utf-8")
        .replace("status: active", "status: actve", 1),
        encoding="utf-8",
    )
    assert main(["registry", "--lang", "en", str(broken)]) == 1
    en = capsys.readouterr().out
    assert main(["registry", "--lang", "zh", str(broken)]) == 1
    zh = capsys.readouterr().out
    assert "HC017" in en and "HC017" in zh
    assert "unknown" in en and "未知" in zh
    assert "schema" not in en, "the loader's coded messages, not the schema's duplicates"
