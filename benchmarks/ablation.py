"""What each speed-up earns: every one off in turn against all on, side by side.

``python -m benchmarks --ablate [--sizes 1000] [--runs-large N] [--no-browser]``
generates one article set (the largest of ``--sizes``) and builds it once per
variant of :data:`BUILD_VARIANTS` in each round, the variants taking turns
(all on, then each speed-up off, and a build without our hooks for
reference; the order shifts by one every round, so that none is always
first after a pause). Wall and CPU time (user + system
of the build and the processes it waited for) are kept for every build; the
figures are medians. On a machine whose processors other work shares, wall
time moves with that work and CPU time much less: CPU time is the figure to
judge by, wall time is reported beside it.

Every variant's site is compared file by file with the site built with all
speed-ups on, in the first round: a speed-up may make a build faster, never
different.

In Chromium (``file://``, as :mod:`.browser` measures it), the same generated
article page is loaded with each of :data:`SEARCH_VARIANTS`, taking turns,
five times per language: ``window.__hcSpeedups`` (``"-name,..."``) turns the
named search speed-ups off.

A speed-up *earns its keep* when it saves at least :data:`THRESHOLD` of the
time without it: ``saving = 1 - time with all on / time with it off``.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks import browser, measure, report, workspace
from benchmarks.generator import LANGS
from benchmarks.runner import FIRST_QUERY, LATER_QUERIES, SEARCH_PAGE_LOADS, machine

THRESHOLD = 0.20
"""The share of build or first-search time a speed-up must save to stay."""

ALL_ON = "all on"

BUILD_VARIANTS: tuple[tuple[str, dict[str, str]], ...] = ((ALL_ON, {}),)
"""Name and environment of each build (``-x``: speed-up x off, the others on).

No build-side speed-up is left (BENCHMARKS.md says what each one earned and
why it went); a new one comes with a switch of its own and a line here, and
the build rounds run again. With none, the site is built once, for the
search variants."""

NO_HOOKS = "no hooks"
"""A reference build beside the variants: the theme and plugins alone (``hooks: []``)."""

SEARCH_VARIANTS: tuple[tuple[str, str | None], ...] = (
    (ALL_ON, None),
    ("-searchstart", "-searchstart"),
    ("-lunrbuild", "-lunrbuild"),
    ("-tokenizer", "-tokenizer"),
)
"""Name and ``window.__hcSpeedups`` of each page load."""


@dataclass
class Options:
    """What :func:`run` measures."""

    per_lang: int = 1000
    """Generated articles per language."""
    runs: int = 3
    """Build rounds (each builds every variant once)."""
    loads: int = SEARCH_PAGE_LOADS
    """Page loads per language and search variant."""
    browser: bool = True
    """Measure the search variants in Chromium."""
    workdir: Path | None = None
    """Where the workspace goes (default: a fresh temporary directory)."""
    keep: bool = False
    """Keep the workspace and the sites."""
    only: tuple[str, ...] = ()
    """Measure only these speed-ups (names without the ``-``) against all on, and no
    reference build without hooks; empty: every one."""


def _chosen(variants: tuple[tuple[str, Any], ...], only: tuple[str, ...]) -> tuple:
    """``variants`` reduced to all on and the speed-ups named in ``only`` (all without)."""
    if not only:
        return variants
    return tuple(v for v in variants if v[0] == ALL_ON or v[0].removeprefix("-") in only)


def _saving(on: float | None, off: float | None) -> float | None:
    """Share of the time without the speed-up that it saves."""
    return 1 - on / off if on is not None and off else None


def _paired(on: list[float], off: list[float]) -> float | None:
    """The median of each round's saving."""
    return measure.median([s for s in map(_saving, on, off) if s is not None])


def site_differences(a: Path, b: Path, limit: int = 10) -> dict[str, Any]:
    """The files that differ between two built sites (missing on one side included)."""
    names_a = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    names_b = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    differ = sorted(names_a ^ names_b)
    for name in sorted(names_a & names_b):
        if (a / name).read_bytes() != (b / name).read_bytes():
            differ.append(name)
    return {"files": len(names_a), "differ": len(differ), "examples": differ[:limit]}


def _build_rounds(
    ws: workspace.Workspace,
    base: Path,
    runs: int,
    log: Callable[[str], None],
    only: tuple[str, ...] = (),
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    variants = _chosen(BUILD_VARIANTS, only) + (() if only else ((NO_HOOKS, {}),))
    sites = {name: base / f"site-{i}" for i, (name, _) in enumerate(variants)}
    walls: dict[str, list[float]] = {name: [] for name, _ in variants}
    cpus: dict[str, list[float]] = {name: [] for name, _ in variants}
    order: list[list[str]] = []
    same: dict[str, Any] = {}
    for r in range(runs):
        shift = r % len(variants)
        turn = variants[shift:] + variants[:shift]
        order.append([name for name, _ in turn])
        for name, env in turn:
            t = workspace.build(ws, sites[name], hooks=name != NO_HOOKS, env=env)
            walls[name].append(t.wall_s)
            cpus[name].append(t.cpu_s)
            log(f"  round {r + 1}/{runs}: {name:<15} {t.wall_s:6.2f} s wall {t.cpu_s:6.2f} s CPU")
        if r == 0:
            for name, _ in variants:
                if name in (ALL_ON, NO_HOOKS):
                    continue
                same[name] = site_differences(sites[ALL_ON], sites[name])
                log(f"  {name}: {same[name]['differ']} of {same[name]['files']} files differ")
    on_wall, on_cpu = measure.median(walls[ALL_ON]), measure.median(cpus[ALL_ON])
    for name, env in variants:
        wall, cpu = measure.median(walls[name]), measure.median(cpus[name])
        speedup = name not in (ALL_ON, NO_HOOKS)
        out[name] = {
            "env": env,
            "wall_all_s": walls[name],
            "cpu_all_s": cpus[name],
            "wall_s": wall,
            "cpu_s": cpu,
            "saving": _saving(on_wall, wall) if speedup else None,
            "saving_cpu": _saving(on_cpu, cpu) if speedup else None,
            # Round by round (each variant against the all-on build of its own
            # round), then the median: a machine that slows down for a while
            # moves both builds of a round.
            "saving_paired": _paired(walls[ALL_ON], walls[name]) if speedup else None,
            "saving_cpu_paired": _paired(cpus[ALL_ON], cpus[name]) if speedup else None,
            # What it saves, in seconds: beside the share of the build, whose
            # size our own checks decide as much as the theme's work does.
            "saved_s": wall - on_wall if speedup and wall and on_wall else None,
            "saved_cpu_s": cpu - on_cpu if speedup and cpu and on_cpu else None,
            "site": same.get(name),
        }
    return {"order": order, "variants": out, "sites": {k: str(v) for k, v in sites.items()}}


def _search(
    site: Path,
    ws: workspace.Workspace,
    loads: int,
    log: Callable[[str], None],
    only: tuple[str, ...] = (),
) -> dict:
    first = ws.generated.files[0] if ws.generated else "index.md"
    variants = _chosen(SEARCH_VARIANTS, only)
    out: dict[str, Any] = {}
    with browser.chromium() as chrome:
        for lang in LANGS:
            url = measure.article_page(site, lang, first).as_uri()
            raw: dict[str, list[dict[str, Any]]] = {name: [] for name, _ in variants}
            for i in range(loads):
                shift = i % len(variants)
                for name, value in variants[shift:] + variants[:shift]:
                    r = browser.latency(
                        chrome, url, FIRST_QUERY[lang], LATER_QUERIES[lang], speedups=value
                    )
                    raw[name].append(r)
                    log(
                        f"  {lang} load {i + 1}/{loads} {name:<13} first "
                        f"{r['first_ms'] if r['first_ms'] is None else round(r['first_ms'])} ms"
                    )
            by_variant: dict[str, Any] = {}
            for name, value in variants:
                loads_ = raw[name]
                firsts = [r["first_ms"] for r in loads_ if r["first_ms"] is not None]
                laters = [v for r in loads_ for v in r["later_ms"] if v is not None]
                answered = [r["answered_ms"] for r in loads_ if r["answered_ms"] is not None]
                by_variant[name] = {
                    "speedups": value,
                    "first_ms": measure.median(firsts),
                    "later_ms": measure.median(laters),
                    "answered_ms": measure.median(answered),
                    "ready_ms": measure.median(
                        [r["ready_ms"] for r in loads_ if r["ready_ms"] is not None]
                    ),
                    "first_all_ms": firsts,
                    "later_all_ms": laters,
                    "answered_all_ms": answered,
                    "unanswered": sum(r["first_ms"] is None for r in loads_)
                    + sum(v is None for r in loads_ for v in r["later_ms"]),
                    "search_start": sorted({str(r.get("search_start")) for r in loads_}),
                    "frames": sorted({r.get("frames") for r in loads_}),
                    "blocked_requests": sum(r["blocked_requests"] for r in loads_),
                }
            on = by_variant[ALL_ON]
            for name, v in by_variant.items():
                if name != ALL_ON:
                    v["saving_first"] = _saving(on["first_ms"], v["first_ms"])
                    v["saving_later"] = _saving(on["later_ms"], v["later_ms"])
                    v["saving_answered"] = _saving(on["answered_ms"], v["answered_ms"])
            out[lang] = by_variant
    return out


def run(options: Options, log: Callable[[str], None] = print) -> dict[str, Any]:
    """Measure every variant; the results as a dict (see the module's docstring)."""
    project = workspace.project_root()
    base = Path(tempfile.mkdtemp(prefix="hc-ablate-", dir=options.workdir))
    results: dict[str, Any] = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "per_lang": options.per_lang,
        "runs": options.runs,
        "threshold": THRESHOLD,
        "only": list(options.only),
    }
    try:
        ws = workspace.create(base / "ws", options.per_lang, source=project)
        results["pages"] = ws.pages_per_lang()
        log(f"ablation: {options.per_lang} articles per language, {options.runs} rounds")
        if len(_chosen(BUILD_VARIANTS, options.only)) > 1:
            builds = _build_rounds(ws, base, options.runs, log, options.only)
        else:
            builds = {"order": [], "variants": {}, "sites": {ALL_ON: str(base / "site-0")}}
            workspace.build(ws, base / "site-0")
        results["build"] = {"order": builds["order"], "variants": builds["variants"]}
        if options.browser:
            log("ablation: search in Chromium")
            try:
                results["search"] = _search(
                    Path(builds["sites"][ALL_ON]), ws, options.loads, log, options.only
                )
            except browser.SearchUnavailable as exc:
                results["search"] = {"error": str(exc)}
        else:
            results["search"] = {"error": "skipped (--no-browser)"}
    finally:
        if options.keep:
            log(f"workspace kept in {base}")
        else:
            shutil.rmtree(base, ignore_errors=True)
    results["machine"]["load_avg_1min_end"] = os.getloadavg()[0]
    return results


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:+.1%}"


def _ms(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0f} ms"


def table(results: dict[str, Any], markdown: bool = False) -> str:
    """The ablation's results as text (or Markdown) tables."""
    rows_of = report._md_rows if markdown else report._rows
    m = results["machine"]
    out = [
        f"Ablation at {results['per_lang']} articles per language, {results['date']}: "
        f"{m['nproc']} cores, {m['cpu']}, Python {m['python']}; load average (1 min) "
        f"{m.get('load_avg_1min', 0):.2f} at start, {m.get('load_avg_1min_end', 0):.2f} at end",
    ]
    variants = (results.get("build") or {}).get("variants")
    if variants:
        out += [
            "",
            f"Build (mkdocs build --strict, {results['runs']} rounds, variants taking turns; "
            "median; saving = 1 - all on / this one off; CPU = user + system, the figure "
            "to judge by on a shared machine)",
        ]
        rows = []
        for name, v in variants.items():
            site = v.get("site")
            rows.append(
                [
                    name,
                    f"{v['wall_s']:.2f} s",
                    f"{v['cpu_s']:.2f} s",
                    _pct(v["saving"]),
                    _pct(v["saving_cpu"]),
                    _pct(v.get("saving_cpu_paired")),
                    "" if v.get("saved_cpu_s") is None else f"{v['saved_cpu_s']:.2f} s",
                    " ".join(f"{w:.2f}" for w in v["wall_all_s"]),
                    " ".join(f"{c:.2f}" for c in v["cpu_all_s"]),
                    "" if site is None else f"{site['differ']} of {site['files']} files differ",
                ]
            )
        out += rows_of(
            [
                "variant",
                "wall",
                "CPU",
                "saving",
                "saving, CPU",
                "CPU, paired rounds",
                "CPU saved",
                "wall, each",
                "CPU, each",
                "site",
            ],
            rows,
        )
    search = results.get("search") or {}
    if search.get("error"):
        out += ["", f"Search not measured: {search['error']}"]
    for lang in LANGS:
        variants = search.get(lang)
        if not variants:
            continue
        out += [
            "",
            f"Search, {lang} (Chromium, file://; first query typed at DOM ready; "
            "saving = 1 - all on / this one off)",
        ]
        rows = []
        for name, v in variants.items():
            rows.append(
                [
                    name,
                    _ms(v["first_ms"]),
                    _pct(v.get("saving_first")),
                    _ms(v["answered_ms"]),
                    _ms(v["later_ms"]),
                    _pct(v.get("saving_later")),
                    " ".join(f"{x:.0f}" for x in v["first_all_ms"]),
                    f"{','.join(v['search_start'])}; iframes {v['frames']}; "
                    f"unanswered {v['unanswered']}",
                ]
            )
        out += rows_of(
            [
                "variant",
                "first query",
                "saving",
                "first results since navigation",
                "later queries",
                "saving, later",
                "first, each load",
                "how it searched",
            ],
            rows,
        )
    return report._as_markdown(out) if markdown else "\n".join(out)
