"""The two sides of a change, read from git and the working tree."""

from __future__ import annotations

import subprocess
from pathlib import Path

from helpcenter.review.model import GitError


def _git(root: Path, *args: str) -> bytes:
    try:
        proc = subprocess.run(
            ["git", *args], cwd=root, capture_output=True, check=False, timeout=60
        )
    except FileNotFoundError as exc:
        raise GitError("git is not installed") from exc
    if proc.returncode != 0:
        raise GitError(proc.stderr.decode("utf-8", "replace").strip() or f"git {args[0]} failed")
    return proc.stdout


def repo_root(start: Path) -> Path:
    """The top directory of the git repository containing ``start``."""
    try:
        out = _git(start, "rev-parse", "--show-toplevel")
    except GitError as exc:
        raise GitError(f"{start} is not inside a git repository") from exc
    return Path(out.decode().strip())


def resolve_base(root: Path, base_ref: str) -> str:
    """The merge base of ``base_ref`` and ``HEAD`` (or ``base_ref`` itself without one)."""
    if base_ref.startswith("-"):
        raise GitError(f"'{base_ref}' is not a git ref")
    try:
        commit = _git(root, "rev-parse", "--verify", "--quiet", f"{base_ref}^{{commit}}")
    except GitError as exc:
        raise GitError(f"unknown git ref '{base_ref}'") from exc
    commit_hash = commit.decode().strip()
    try:
        return _git(root, "merge-base", commit_hash, "HEAD").decode().strip()
    except GitError:
        return commit_hash


def changed_paths(
    root: Path, base: str, head_only: bool, pathspecs: list[str]
) -> list[tuple[str | None, str | None]]:
    """``(old_path, new_path)`` of every changed file; ``None`` where it does not exist."""
    args = ["diff", "--name-status", "-z", "-M", "--no-ext-diff", base]
    if head_only:
        args.append("HEAD")
    out = _git(root, *args, "--", *pathspecs).decode("utf-8", "replace")
    parts = out.split("\0")
    pairs: list[tuple[str | None, str | None]] = []
    i = 0
    while i < len(parts) and parts[i]:
        status = parts[i]
        if status[0] in "RC":
            old, new = parts[i + 1], parts[i + 2]
            pairs.append((old if status[0] == "R" else None, new))
            i += 3
            continue
        path = parts[i + 1]
        if status[0] == "A":
            pairs.append((None, path))
        elif status[0] == "D":
            pairs.append((path, None))
        else:
            pairs.append((path, path))
        i += 2
    if not head_only:
        untracked = _git(root, "ls-files", "-z", "--others", "--exclude-standard", "--", *pathspecs)
        pairs.extend((None, p) for p in untracked.decode("utf-8", "replace").split("\0") if p)
    return pairs


def read_old(root: Path, commit: str, path: str) -> str | None:
    try:
        return _git(root, "show", f"{commit}:{path}").decode("utf-8", "replace")
    except GitError:
        return None


def read_new(root: Path, path: str, head_only: bool) -> str | None:
    if head_only:
        return read_old(root, "HEAD", path)
    file = root / path
    try:
        return file.read_bytes().decode("utf-8", "replace")
    except OSError:
        return None
