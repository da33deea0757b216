"""Project files for tests in ``tmp_path``: a copy of the site sources, or a few written ones."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "hooks", "data")


def copy_project(dest: Path) -> Path:
    """A copy of the project's site sources in ``dest`` (node_modules linked, not copied)."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_PARTS:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name)
        else:
            shutil.copy2(src, dest / name)
    if (ROOT / "node_modules").is_dir():
        (dest / "node_modules").symlink_to(ROOT / "node_modules")
    return dest


def write_files(docs: Path, files: dict[str, str]) -> Path:
    """Write ``files`` (relative name -> UTF-8 text) below ``docs``; returns ``docs``."""
    for name, text in files.items():
        path = docs / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return docs


def build_site(dest: Path, site_url: str | None = None, project: Path = ROOT, **env: str) -> Path:
    """``mkdocs build --strict`` of ``project`` into ``dest``, as ``make site`` builds it.

    ``site_url`` (through ``HC_SITE_URL``) overrides the registry's address;
    ``None`` keeps it. ``env`` adds environment variables. Returns ``dest``.
    """
    run_env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH="", **env)
    run_env.pop("HC_SITE_URL", None)
    if site_url is not None:
        run_env["HC_SITE_URL"] = site_url
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(dest)],
        cwd=project, env=run_env, capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-4000:]
    return dest
