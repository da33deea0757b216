"""Targets, and the results as a printed table.

:data:`TARGETS` holds the goals from the benchmark issue; :func:`verdicts`
compares the results with them and :func:`table` renders everything as a
plain-text table, each figure followed by its target and PASS/MISS.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Target:
    """One goal a benchmark figure should meet."""

    key: str
    """Name of the figure in ``results["targets"]``."""
    text: str
    """The goal in words, as printed."""
    check: Callable[[float], bool]
    """True when the figure meets the goal."""


TARGETS: tuple[Target, ...] = (
    Target(
        "hooks_overhead",
        "our hooks add <= 10% at the largest size (median runs, ratio <= 1.10)",
        lambda v: v <= 1.10,
    ),
    Target(
        "hooks_overhead_best",
        "our hooks add <= 10% at the largest size (best runs, ratio <= 1.10)",
        lambda v: v <= 1.10,
    ),
    Target(
        "per_article_growth",
        "per-article time at 1000/lang <= 1.2x that at 100",
        lambda v: v <= 1.2,
    ),
    Target("build_2x1000_s", "2 x 1000 articles build < 45 s", lambda v: v < 45),
    Target("guard_mb_s", "guard scans >= 10 MB/s", lambda v: v >= 10),
    Target("guard_real_docs_s", "guard on real docs/ < 1 s wall", lambda v: v < 1),
    Target("search_first_ms_zh", "first search results < 500 ms (zh, median)", lambda v: v < 500),
    Target("search_first_ms_en", "first search results < 500 ms (en, median)", lambda v: v < 500),
    Target(
        "search_first_worst_ms_zh", "first search results < 500 ms (zh, worst)", lambda v: v < 500
    ),
    Target(
        "search_first_worst_ms_en", "first search results < 500 ms (en, worst)", lambda v: v < 500
    ),
    Target("search_later_ms_zh", "later search results < 100 ms (zh)", lambda v: v < 100),
    Target("search_later_ms_en", "later search results < 100 ms (en)", lambda v: v < 100),
)


def verdicts(figures: dict[str, float | None]) -> dict[str, dict[str, Any]]:
    """Each target with its figure and ``PASS``, ``MISS`` or ``n/a`` (not measured).

    Where a CPU-time variant of the figure exists (``<key>_cpu``), it is judged
    too: on a busy machine wall time is inflated by other processes.
    """

    def status(target: Target, value: float | None) -> str:
        return "n/a" if value is None else ("PASS" if target.check(value) else "MISS")

    out = {}
    # The hooks' share at every size measured, not only the largest.
    sizes = sorted(
        int(k.rsplit("_", 1)[1]) for k in figures if re.fullmatch(r"hooks_overhead_\d+", k)
    )
    per_size = tuple(
        Target(
            f"hooks_overhead_{n}",
            f"our hooks add <= 10% at {n}/lang (ratio <= 1.10)",
            lambda v: v <= 1.10,
        )
        for n in sizes
    )
    for target in TARGETS + per_size:
        value = figures.get(target.key)
        cpu = figures.get(f"{target.key}_cpu")
        out[target.key] = {
            "target": target.text,
            "value": value,
            "status": status(target, value),
            "value_cpu": cpu,
            "status_cpu": status(target, cpu) if f"{target.key}_cpu" in figures else "",
        }
    return out


def _fmt(value: Any, unit: str = "", digits: int = 2) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:.{digits}f}{unit}"
    return f"{value}{unit}"


def _kb(value: int | None) -> str:
    return "n/a" if value is None else f"{value / 1000:,.1f} kB"


def _rows(headers: list[str], rows: list[list[str]]) -> list[str]:
    widths = [
        max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)
    ]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
    out = [line, "  ".join("-" * w for w in widths)]
    out += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    return out


def _md_rows(headers: list[str], rows: list[list[str]]) -> list[str]:
    out = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return out


def _as_markdown(lines: list[str]) -> str:
    """Text lines as Markdown: tables stay, indented lines become list items."""
    out: list[str] = []
    kind = ""
    for line in lines:
        if not line.strip():
            continue
        if line.startswith("|"):
            new, text = "table", line
        elif line.startswith("      "):
            new, text = "list", "  - " + line.strip()
        elif line.startswith("  "):
            new, text = "list", "- " + line.strip()
        else:
            new, text = "text", line
        if out and (new != kind or new == "text"):
            out.append("")
        out.append(text)
        kind = new
    return "\n".join(out) + "\n"


def table(results: dict[str, Any], markdown: bool = False) -> str:
    """The results as the text table ``make bench`` prints (or as Markdown, for the README)."""
    rows_of = _md_rows if markdown else _rows
    out: list[str] = []
    machine = results["machine"]
    out.append(
        f"Machine: {machine['nproc']} cores, {machine['cpu']}, {machine['ram']}, "
        f"Python {machine['python']}"
    )
    out.append(
        f"Load average (1 min) at start {machine.get('load_avg_1min', 0):.2f}, at end "
        f"{machine.get('load_avg_1min_end', 0):.2f}; wall times on a busy machine are "
        "inflated, CPU times much less so"
    )
    out.append(f"Hooks in mkdocs.yml: {', '.join(results['hooks']) or '(none)'}")
    for note in results.get("notes", []):
        out.append(f"Note: {note}")
    out.append("")
    out.append(
        "Build (mkdocs build --strict, subprocess, median of runs; "
        "paired runs: median of each run with hooks / the run without after it; "
        "best runs: fastest with hooks / fastest without)"
    )
    rows = []
    for b in results["builds"]:
        rows.append(
            [
                str(b["per_lang"]),
                str(b["pages_total"]),
                str(b["runs"]),
                _fmt(b["with_hooks_s"], " s"),
                _fmt(b["without_hooks_s"], " s"),
                _fmt(b.get("with_hooks_cpu_s"), " s"),
                _fmt(b.get("without_hooks_cpu_s"), " s"),
                _fmt(b["hooks_ratio"], "", 3),
                _fmt(b.get("hooks_ratio_paired"), "", 3),
                _fmt(b.get("hooks_ratio_cpu"), "", 3),
                _fmt(b.get("hooks_ratio_best"), "", 3),
                _fmt(b["per_article_ms"], " ms", 1),
                _fmt(b.get("per_article_cpu_ms"), " ms", 1),
                _fmt(b.get("marginal_per_article_ms"), " ms", 1),
                _fmt(b.get("marginal_per_article_cpu_ms"), " ms", 1),
            ]
        )
    out += rows_of(
        [
            "articles/lang",
            "pages",
            "runs",
            "with hooks",
            "without hooks",
            "CPU with",
            "CPU without",
            "ratio",
            "ratio, paired runs",
            "CPU ratio",
            "ratio, best runs",
            "per page",
            "CPU per page",
            "marginal per page",
            "marginal CPU per page",
        ],
        rows,
    )
    out.append("")
    out.append("Search index per language, and first view of a generated article page")
    rows = []
    for b in results["builds"]:
        for lang in ("zh", "en"):
            idx = (b.get("search_index") or {}).get(lang)
            fv = (b.get("first_view") or {}).get(lang)
            rows.append(
                [
                    str(b["per_lang"]),
                    lang,
                    _kb(idx and idx["bytes"]),
                    _kb(idx and idx["gzip_bytes"]),
                    _fmt(idx and idx["bytes_per_article"], " B"),
                    ("merged" if idx["merged_languages"] else "own")
                    + " / "
                    + ",".join(idx["pipeline_lang"])
                    if idx
                    else "n/a",
                    _kb(fv and fv["total_bytes"]),
                    _kb(fv and fv["total_gzip_bytes"]),
                ]
            )
    out += rows_of(
        [
            "articles/lang",
            "lang",
            "index",
            "index gz",
            "index/article",
            "index / lunr lang",
            "first view",
            "first view gz",
        ],
        rows,
    )
    guard = results.get("guard") or {}
    out.append("")
    out.append("Contact guard (python -m helpcenter check, subprocess, median of runs)")
    if guard.get("error"):
        out.append(f"  not measured: {guard['error']}")
    else:
        for key, label in (
            ("generated", "generated set"),
            ("corpus", "large corpus"),
            ("corpus_one", "large corpus, -j 1"),
            ("tiny", "one page per language"),
            ("real_docs", "real docs/"),
        ):
            g = guard.get(key)
            if g:
                mb = g.get("markdown_bytes")
                out.append(
                    f"  {label:<24} {_fmt(g['wall_s'], ' s', 3):>10} wall "
                    f"{_fmt(g.get('cpu_s'), ' s', 3):>8} CPU  "
                    f"{(f'{mb / 1e6:.2f} MB' if mb else ''):>9}  "
                    f"findings {g['findings']}, exit {g['exit_code']}"
                )
        e2e = _fmt(guard.get("end_to_end_mb_s"), " MB/s")
        scan = _fmt(guard.get("scan_mb_s"), " MB/s")
        scan_cpu = _fmt(guard.get("scan_mb_s_cpu"), " MB/s")
        out.append(f"  end-to-end on generated set (start-up included): {e2e}")
        scan_one = _fmt(guard.get("scan_mb_s_one"), " MB/s")
        out.append(
            f"  scan rate (large corpus minus one-page run): {scan} wall (one process per "
            f"processor), {scan_one} wall with -j 1, {scan_cpu} CPU time with -j 1"
        )
    search = results.get("search") or {}
    out.append("")
    out.append(f"Search in Chromium from file:// ({search.get('method', '')})")
    if search.get("error"):
        out.append(f"  latency not measured: {search['error']}")
    for lang in ("zh", "en"):
        s = (search.get("latency") or {}).get(lang)
        if s:
            out.append(
                f"  {lang}: first query {_fmt(s['first_ms'], ' ms', 0)} "
                f"(worst {_fmt(s.get('first_worst_ms'), ' ms', 0)}; each load: "
                f"{', '.join(_fmt(v, '', 0) for v in s.get('first_all_ms', []))}), later "
                f"{_fmt(s['later_ms'], ' ms', 0)} (page loads {s['runs']}, "
                f"queries without results {s['queries_without_results']}, "
                f"blocked requests {s['blocked_requests']})"
            )
            if s.get("ready_ms") is not None:
                out.append(
                    f"      since navigation: first paint {_fmt(s.get('paint_ms'), ' ms', 0)}, "
                    f"DOM ready (query typed) {_fmt(s.get('ready_ms'), ' ms', 0)}, "
                    f"first results {_fmt(s.get('answered_ms'), ' ms', 0)}"
                )
    quality = search.get("quality") or {}
    if quality.get("error"):
        out.append(f"  quality not measured: {quality['error']}")
    for lang in ("zh", "en"):
        q = (quality.get("by_lang") or {}).get(lang)
        if q:
            out.append(
                f"  {lang}: {q['hits']}/{q['total']} queries answered in the top 3 "
                f"({q['share']:.0%}); index {q['index_bytes']:,} bytes "
                f"(queries: {quality.get('source')})"
            )
            for miss in q["misses"][:8]:
                out.append(
                    f"      miss: {miss['query']!r} -> expected {miss['expected']}, "
                    f"got {', '.join(miss['got']) or 'nothing'}"
                )
    out.append("")
    out.append("Targets")
    rows = []
    for v in results["targets"].values():
        cpu = _fmt(v.get("value_cpu"), "", 3) if v.get("status_cpu") else ""
        rows.append(
            [v["target"], _fmt(v["value"], "", 3), v["status"], cpu, v.get("status_cpu", "")]
        )
    out += rows_of(["target", "wall figure", "status", "CPU figure", "status"], rows)
    out.append("")
    out.append(f"Total benchmark time: {results['elapsed_s']:.0f} s")
    return _as_markdown(out) if markdown else "\n".join(out)
