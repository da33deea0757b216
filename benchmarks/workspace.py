"""Temporary copies of the project for benchmarks: config, theme, hooks, data, docs.

A workspace holds what ``mkdocs build`` needs (``mkdocs.yml``, ``overrides/``,
``hooks/``, ``data/`` and any other project file outside the excluded set),
the real ``docs/`` (the special pages the hooks expect, such as ``verify.md``
and ``contact/directory.md``, and the links between real pages) plus the
generated articles, and a second config without ``hooks:`` so the cost of
the project's own hooks can be measured as a ratio.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from benchmarks.generator import GeneratedSet, active_channel_ids, generate

EXCLUDE = {
    ".git",
    ".venv",
    "site",
    "dist",
    "docs",
    "bench",
    "tests",
    "src",
    "node_modules",
    ".pytest_cache",
    ".ruff_cache",
    ".mypy_cache",
    ".hypothesis",
    ".cache",
    "__pycache__",
}
"""Top-level entries not copied into a workspace (``node_modules`` is linked instead)."""

LINKED = ("node_modules",)
"""Top-level entries linked, not copied: large, read-only browser assets."""

NO_HOOKS_CONFIG = "mkdocs.nohooks.yml"
"""Name of the config without ``hooks:`` written next to ``mkdocs.yml``."""


class BenchError(Exception):
    """A benchmark step failed; the message says which and shows the tool's output."""


def project_root() -> Path:
    """The project directory: the current one if it has mkdocs.yml, else the source checkout."""
    cwd = Path.cwd()
    if (cwd / "mkdocs.yml").is_file():
        return cwd
    here = Path(__file__).resolve().parents[1]
    if (here / "mkdocs.yml").is_file():
        return here
    raise BenchError("no mkdocs.yml here: run the benchmarks from the project directory")


def _top_level_block(text: str, key: str) -> re.Match[str] | None:
    """The ``key:`` block at column 0 of a YAML text, up to the next top-level key."""
    return re.search(rf"(?ms)^{re.escape(key)}:.*?(?=^[A-Za-z_][\w-]*:|\Z)", text)


def hooks_of(config_text: str) -> list[str]:
    """The ``hooks:`` list of a MkDocs config (without resolving ``!!python`` tags elsewhere)."""
    block = _top_level_block(config_text, "hooks")
    if block is None:
        return []
    value = yaml.safe_load(block.group(0)) or {}
    return list(value.get("hooks") or [])


def without_key(config_text: str, key: str, replacement: str = "") -> str:
    """``config_text`` with the top-level ``key:`` block replaced (or removed)."""
    block = _top_level_block(config_text, key)
    if block is None:
        return config_text
    return config_text[: block.start()] + replacement + config_text[block.end() :]


@dataclass
class Workspace:
    """One temporary project copy with a generated article set."""

    root: Path
    """The copy's directory (holds mkdocs.yml)."""
    generated: GeneratedSet | None
    """The generated articles (None: real docs only)."""
    hooks: list[str] = field(default_factory=list)
    """The project's hooks, as listed in its mkdocs.yml."""
    notes: list[str] = field(default_factory=list)
    """Changes made to the config for the benchmark, for the report."""

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    def pages_per_lang(self) -> dict[str, int]:
        """Markdown pages per language folder (real + generated)."""
        return {
            lang.name: sum(1 for _ in lang.rglob("*.md"))
            for lang in sorted(self.docs.iterdir())
            if lang.is_dir()
        }

    def markdown_bytes(self) -> int:
        """Bytes of Markdown under docs/."""
        return sum(p.stat().st_size for p in self.docs.rglob("*.md"))


def create(
    dest: Path, per_lang: int, source: Path | None = None, seed: int = 1, real_docs: bool = True
) -> Workspace:
    """Copy the project to ``dest`` and generate ``per_lang`` articles per language."""
    source = source or project_root()
    dest.mkdir(parents=True, exist_ok=True)
    for entry in source.iterdir():
        if entry.name in LINKED and entry.exists():
            (dest / entry.name).symlink_to(entry.resolve())
        elif entry.name in EXCLUDE or entry.name.endswith(".egg-info"):
            continue
        elif entry.is_dir():
            shutil.copytree(
                entry,
                dest / entry.name,
                symlinks=True,
                ignore=shutil.ignore_patterns("__pycache__"),
            )
        else:
            shutil.copy2(entry, dest / entry.name)
    if real_docs and (source / "docs").is_dir():
        shutil.copytree(source / "docs", dest / "docs")
    else:
        (dest / "docs").mkdir(exist_ok=True)
    text = (dest / "mkdocs.yml").read_text(encoding="utf-8")
    ws = Workspace(dest, None, hooks_of(text))
    if _top_level_block(text, "nav") is not None and per_lang:
        # Generated pages are not in a hand-written nav, and the project's
        # validation settings make omitted pages fail a strict build.
        text = without_key(text, "nav")
        ws.notes.append("nav: generated by MkDocs (the project nav lists no generated page)")
        (dest / "mkdocs.yml").write_text(text, encoding="utf-8")
    (dest / NO_HOOKS_CONFIG).write_text(without_key(text, "hooks", "hooks: []\n"), encoding="utf-8")
    if per_lang:
        ids = active_channel_ids(dest)
        ws.generated = generate(dest / "docs", per_lang, seed=seed, channel_ids=ids)
    compile_bytecode(dest / "hooks")
    return ws


def compile_bytecode(*folders: Path) -> None:
    """Write the bytecode of the project's Python code before it is timed.

    Python writes it on a module's first import, and every later build reads
    it; where ``PYTHONDONTWRITEBYTECODE`` is set, every build would compile
    the project's modules again (the hooks and ``helpcenter``, not the
    installed packages, which pip compiled). Timing that would charge our
    hooks for a setting of the machine.
    """
    import compileall

    import helpcenter

    for folder in (*folders, Path(helpcenter.__file__).parent):
        if folder.is_dir():
            compileall.compile_dir(folder, quiet=1)


@dataclass(frozen=True)
class Timing:
    """How long one subprocess took."""

    wall_s: float
    """Wall-clock seconds, interpreter start included."""
    cpu_s: float
    """User + system CPU seconds of the subprocess (less sensitive to a busy machine)."""


def run_timed(
    cmd: list[str], cwd: Path, env_more: dict[str, str] | None = None
) -> tuple[Timing, subprocess.CompletedProcess[str]]:
    """Run ``cmd`` in ``cwd`` (no ``PYTHONPATH``, no MkDocs 2 banner, ``env_more`` set)
    and time it."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env_more or {}))
    env.pop("PYTHONPATH", None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timing(wall, cpu), proc


def build(
    ws: Workspace,
    out: Path,
    hooks: bool = True,
    env: dict[str, str] | None = None,
) -> Timing:
    """Run ``mkdocs build --strict`` in a subprocess and time it.

    ``env`` sets more environment variables (a build-side speed-up's switch).
    ``out`` is removed first and left in place afterwards for inspection.
    """
    config = "mkdocs.yml" if hooks else NO_HOOKS_CONFIG
    if out.exists():
        shutil.rmtree(out)
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "-d", str(out)]
    timing, proc = run_timed(cmd, ws.root, env)
    if proc.returncode != 0:
        tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-15:])
        which = "with hooks" if hooks else "without hooks"
        if env:
            which += " (" + " ".join(f"{k}={v}" for k, v in env.items()) + ")"
        raise BenchError(f"mkdocs build {which} failed in {ws.root}:\n{tail}")
    return timing
