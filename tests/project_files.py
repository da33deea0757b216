"""Project files for tests in ``tmp_path``: a copy of the site sources, or a few written ones."""

from __future__ import annotations

import shutil
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
