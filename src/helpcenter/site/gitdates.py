"""Last-updated dates of articles from git history, read locally in one call."""

from __future__ import annotations

import subprocess
from functools import cache
from pathlib import Path


@cache
def _repo_root(start: Path) -> Path | None:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"],
            cwd=start,
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    return Path(out.stdout.strip())


def last_commit_dates(directory: str | Path) -> dict[Path, str]:
    """Map each file under ``directory`` to the date (``YYYY-MM-DD``) of its last commit.

    One ``git log`` for the whole tree rather than one per page, so the cost
    does not grow with the number of articles. Files never committed, or a
    tree outside git, have no entry: the page then shows no date rather than
    a wrong one.
    """
    directory = Path(directory).resolve()
    root = _repo_root(directory)
    if root is None:
        return {}
    try:
        out = subprocess.run(
            ["git", "log", "--format=%x00%cs", "--name-only", "--no-renames", "--", str(directory)],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    dates: dict[Path, str] = {}
    date = ""
    for line in out.splitlines():
        if line.startswith("\x00"):
            date = line[1:]
        elif line and date:
            # The log is newest first: the first date seen is the latest.
            dates.setdefault((root / line).resolve(), date)
    return dates
