"""Where the build time goes: ablation builds and a cProfile by part of the stack.

``python -m benchmarks --profile [--profile-size N]`` builds one
generated set (default 1000 articles per language) several times, each time
without one part of the stack, and once under cProfile:

- *full*: the project's config;
- *no hooks*: ``hooks: []`` (the cost of the project's own hooks);
- *no hooks, empty nav*: Material's ``partials/nav.html`` replaced by an empty
  template in a copy of ``overrides/`` (the cost of rendering the navigation
  into every page);
- *no hooks, zh only*: the English build of static-i18n switched off (the
  cost of the second language);
- *no hooks, no search*: the search plugin removed (index + jieba);
- *no hooks, no navigation.sections* and *full, no navigation.sections*: a
  pure config change; with sections, ``navigation.prune`` cannot prune the
  top-level sections, so every page renders every article's nav entry;
- *full minus hooks/X.py*, for each hook but hooks/context.py (which every other hook
  needs): what that one hook costs.

The profile groups self time by package, so recursion in Jinja macros does
not count twice.
"""

from __future__ import annotations

import pstats
import re
import shutil
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from benchmarks import workspace
from benchmarks.workspace import BenchError, Workspace

GROUPS: tuple[tuple[str, str], ...] = (
    ("our hooks", r"/hooks/[^/]+\.py$"),
    ("helpcenter core", r"/helpcenter/"),
    ("search plugin + jieba", r"/material/plugins/search/|/jieba/"),
    ("static-i18n", r"/mkdocs_static_i18n/"),
    (
        "Jinja templates (theme + overrides)",
        r"/jinja2/|/material/templates/|/overrides[^/]*/|"
        r"/mkdocs/utils/templates\.py",
    ),
    ("Markdown + extensions", r"/markdown/|/pymdownx/"),
    ("mkdocs core", r"/mkdocs/"),
    ("material (other)", r"/material/"),
)
"""Part of the stack -> regex on the file of a profiled function (first match wins)."""


def _variant(ws: Workspace, name: str, text: str) -> str:
    path = ws.root / f"mkdocs.{name}.yml"
    path.write_text(text, encoding="utf-8")
    return path.name


def _build(
    ws: Workspace, config: str, out: Path, profile_to: Path | None = None
) -> workspace.Timing:
    prefix = [sys.executable]
    if profile_to:
        prefix += ["-m", "cProfile", "-o", str(profile_to)]
    cmd = prefix + ["-m", "mkdocs", "build", "--strict", "-f", config, "-d", str(out)]
    timing, proc = workspace.run_timed(cmd, ws.root)
    shutil.rmtree(out, ignore_errors=True)
    if proc.returncode != 0:
        tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-10:])
        raise BenchError(f"build with {config} failed:\n{tail}")
    return timing


CONTEXT_HOOK = "context.py"
"""The hook that begins the build's context: never left out."""


def variants(ws: Workspace, per_hook: bool = True) -> dict[str, str]:
    """Config file per ablation (written into the workspace)."""
    full = (ws.root / "mkdocs.yml").read_text(encoding="utf-8")
    bare = (ws.root / workspace.NO_HOOKS_CONFIG).read_text(encoding="utf-8")
    out = {"full": "mkdocs.yml", "no hooks": workspace.NO_HOOKS_CONFIG}
    overrides = ws.root / "overrides"
    nonav = ws.root / "overrides-nonav"
    if overrides.is_dir():
        shutil.copytree(overrides, nonav)
    (nonav / "partials").mkdir(parents=True, exist_ok=True)
    (nonav / "partials" / "nav.html").write_text("", encoding="utf-8")
    text, count = re.subn(r"(?m)^(\s*custom_dir:\s*)\S+", r"\1overrides-nonav", bare)
    if count:
        out["no hooks, empty nav"] = _variant(ws, "nonav", text)
    text, count = re.subn(r"(?ms)(-\s*locale:\s*en\b.*?build:\s*)true", r"\1false", bare, count=1)
    if count:
        out["no hooks, zh only"] = _variant(ws, "zhonly", text)
    text, count = re.subn(r"(?m)^(\s*)- search(?::[^\n]*)?\n(?:\1\s{2,}.*\n)*", "", bare)
    if count:
        out["no hooks, no search"] = _variant(ws, "nosearch", text)
    sections = re.compile(r"(?m)^\s*-\s*navigation\.sections\s*\n")
    if sections.search(full):
        out["no hooks, no navigation.sections"] = _variant(
            ws, "nosections-bare", sections.sub("", bare)
        )
        out["full, no navigation.sections"] = _variant(ws, "nosections", sections.sub("", full))
    for hook in ws.hooks if per_hook else []:
        if Path(hook).name == CONTEXT_HOOK:
            continue  # every other hook needs the build's context
        line = re.compile(rf"(?m)^\s*-\s*{re.escape(hook)}\s*\n")
        if line.search(full):
            out[f"full minus {hook}"] = _variant(ws, f"minus-{Path(hook).stem}", line.sub("", full))
    return out


def attribute(stats_file: Path) -> tuple[dict[str, float], list[tuple[float, str]], float]:
    """Self time per part of the stack, the top functions by self time, and the total."""
    stats = pstats.Stats(str(stats_file))
    groups: dict[str, float] = defaultdict(float)
    top: list[tuple[float, str]] = []
    total = 0.0
    for (filename, line, func), (_cc, _nc, tottime, _ct, _callers) in stats.stats.items():
        total += tottime
        name = next((g for g, rx in GROUPS if re.search(rx, filename)), "Python + other libraries")
        groups[name] += tottime
        top.append((tottime, f"{_short(filename)}:{line}({func})"))
    top.sort(reverse=True)
    return dict(groups), top[:15], total


ENTRY_POINTS: tuple[tuple[str, str, str], ...] = (
    ("all page renders (_build_page, both languages)", r"commands/build\.py$", "_build_page"),
    ("  Jinja render of pages", r"jinja2/environment\.py$", "render"),
    ("  Material nav partial (nav.html)", r"material/templates/partials/nav\.html$", "root"),
    ("Markdown conversion", r"markdown/core\.py$", "convert"),
    (
        "search plugin: page entries (jieba)",
        r"material/plugins/search/plugin\.py$",
        "on_page_context",
    ),
    (
        "static-i18n on_post_build (the English build)",
        r"mkdocs_static_i18n/plugin\.py$",
        "on_post_build",
    ),
    ("imports", r"<frozen importlib._bootstrap>$", "_find_and_load"),
)
"""Non-overlapping-enough entry points whose cumulative time answers "which part"."""


def entry_points(stats_file: Path) -> list[tuple[str, float, int]]:
    """Cumulative time of the stack's main entry points and of every hook event handler."""
    stats = pstats.Stats(str(stats_file))
    rows: list[tuple[str, float, int]] = []
    for label, file_rx, func in ENTRY_POINTS:
        total, calls = 0.0, 0
        for (filename, _line, name), (_cc, nc, _tt, ct, _callers) in stats.stats.items():
            if name == func and re.search(file_rx, filename):
                total += ct
                calls += nc
        rows.append((label, total, calls))
    hooks = []
    for (filename, _line, name), (_cc, nc, _tt, ct, _callers) in stats.stats.items():
        m = re.search(r"/hooks/([^/]+\.py)$", filename)
        if m and name.startswith("on_"):
            hooks.append((f"hook {m.group(1)}:{name}", ct, nc))
    rows += sorted(hooks, key=lambda r: -r[1])
    return rows


def _short(filename: str) -> str:
    for marker in ("site-packages/", "/src/", "/hooks/"):
        if marker in filename:
            return ("hooks/" if marker == "/hooks/" else "") + filename.split(marker, 1)[1]
    return filename


def main(
    root: Path, size: int, workdir: Path | None = None, keep: bool = False, per_hook: bool = True
) -> int:
    """Run the ablations and the profile; print the findings."""
    base = Path(tempfile.mkdtemp(prefix="hc-profile-", dir=workdir))
    log = sys.stderr
    try:
        ws = workspace.create(base / "ws", size, source=root)
        pages = sum(ws.pages_per_lang().values())
        print(
            f"Profile at {size} articles per language ({pages} pages); hooks: "
            f"{', '.join(ws.hooks) or '(none)'}"
        )
        times: dict[str, workspace.Timing] = {}
        failed: dict[str, str] = {}
        for name, config in variants(ws, per_hook).items():
            print(f"  building: {name}", file=log, flush=True)
            try:
                times[name] = _build(ws, config, base / "out")
            except BenchError as exc:
                if name in ("full", "no hooks"):
                    raise
                failed[name] = str(exc).splitlines()[-1]
        print("\nAblation builds (one run each; CPU = user + system time of the build process)")
        full, bare = times["full"], times["no hooks"]
        for name, t in times.items():
            ref = full if name.startswith("full") else bare
            delta = ""
            if name not in ("full", "no hooks"):
                saved = ref.cpu_s - t.cpu_s
                delta = f"  saves {saved:6.2f} s CPU ({saved / ref.cpu_s:6.1%} of its baseline)"
            print(f"  {name:<36} {t.wall_s:7.2f} s wall {t.cpu_s:7.2f} s CPU{delta}")
        for name, why in failed.items():
            print(f"  {name:<36} build fails: {why}")
        cost = full.cpu_s - bare.cpu_s
        print(f"  our hooks cost {cost:.2f} s CPU ({cost / bare.cpu_s:.1%} over no hooks)")
        print("  building: full, under cProfile", file=log, flush=True)
        stats_file = base / "build.prof"
        _build(ws, "mkdocs.yml", base / "out", profile_to=stats_file)
        groups, top, total = attribute(stats_file)
        print(
            f"\ncProfile of the full build: self time by part of the stack "
            f"(total {total:.1f} s under the profiler)"
        )
        for name, secs in sorted(groups.items(), key=lambda kv: -kv[1]):
            print(f"  {name:<38} {secs:7.2f} s  {secs / total:6.1%}")
        print("\nEntry points, cumulative time under the profiler (nested rows overlap)")
        for label, secs, calls in entry_points(stats_file):
            if secs >= 0.005:
                print(f"  {label:<52} {secs:7.2f} s  {secs / total:6.1%}  calls {calls}")
        print("\nTop functions by self time")
        for secs, where in top:
            print(f"  {secs:7.2f} s  {secs / total:6.1%}  {where}")
    except BenchError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 2
    finally:
        if keep:
            print(f"\nworkspace kept in {base}", file=log)
        else:
            shutil.rmtree(base, ignore_errors=True)
    return 0
