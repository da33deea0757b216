"""The whole benchmark run: builds, guard, search; results as a dict.

Everything happens in temporary project copies (:mod:`.workspace`), never in
the project's own ``site/`` or ``docs/``. Builds with and without hooks are
interleaved so that a slow phase of the machine hits both alike.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import platform
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks import browser, measure, queries, report, workspace
from benchmarks.generator import LANGS
from benchmarks.workspace import BenchError, Workspace

CORPUS_BYTES = 20_000_000
"""Size the large guard corpus is grown to, for a stable scan rate."""

FIRST_QUERY = {"zh": "忘记登录密码", "en": "forgot password"}
LATER_QUERIES = {
    "zh": ["提现", "身份验证", "账户被盗"],
    "en": ["withdrawal", "identity verification", "phishing"],
}


PAGE_TIMES = ("ready_ms", "paint_ms", "answered_ms")
"""Page milestones since navigation, reported next to the search latency."""

SEARCH_PAGE_LOADS = 5
"""Page loads per language for the search latency (each is a few seconds)."""


@dataclass
class Options:
    """What to run; the command line fills it (see :mod:`benchmarks.__main__`)."""

    sizes: list[int] = field(default_factory=lambda: [100, 300, 1000])
    """Generated articles per language, one workspace each."""
    runs: int = 5
    """Runs per figure (median)."""
    runs_large: int = 3
    """Runs per build figure at 1000 articles per language and more."""
    check_runs: int = 5
    """Runs of ``helpcenter check`` per figure."""
    browser: bool = True
    """Measure search in Chromium."""
    budget_s: float = 840.0
    """Wall-time budget; fewer build runs at the largest size when it would be exceeded."""
    output: Path | None = None
    """Where to write the JSON results (None: do not write)."""
    workdir: Path | None = None
    """Where workspaces go (default: a fresh temporary directory, removed afterwards)."""
    keep: bool = False
    """Keep the workspaces for inspection."""
    seed: int = 1
    """Seed of the article generator."""
    corpus_bytes: int = CORPUS_BYTES
    """Size the large guard corpus is grown to."""


def machine() -> dict[str, Any]:
    """The machine the figures come from."""
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "unknown RAM"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB RAM"
                break
    except OSError:
        pass
    return {
        "load_avg_1min": os.getloadavg()[0],
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "ram": ram,
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def _ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


class Runner:
    """Runs the benchmarks of :class:`Options`, printing progress through ``log``."""

    def __init__(self, options: Options, log: Callable[[str], None] = print) -> None:
        self.o = options
        self.log = log
        self.started = time.perf_counter()
        self.project = workspace.project_root()
        self.notes: list[str] = []

    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    # -- builds ----------------------------------------------------------

    def bench_size(self, base: Path, n: int, runs: int, largest: bool) -> tuple[dict, Workspace]:
        ws = workspace.create(base / f"ws-{n}", n, source=self.project, seed=self.o.seed)
        for note in ws.notes:
            if note not in self.notes:
                self.notes.append(note)
        pages = ws.pages_per_lang()
        out_h, out_n = base / f"site-{n}", base / f"site-{n}-nohooks"
        with_h: list[float] = []
        without: list[float] = []
        cpu_h: list[float] = []
        cpu_n: list[float] = []
        for i in range(runs):
            t = workspace.build(ws, out_h, hooks=True)
            with_h.append(t.wall_s)
            cpu_h.append(t.cpu_s)
            t = workspace.build(ws, out_n, hooks=False)
            without.append(t.wall_s)
            cpu_n.append(t.cpu_s)
            self.log(
                f"  {n}/lang run {i + 1}/{runs}: with hooks {with_h[-1]:.2f} s, "
                f"without {without[-1]:.2f} s"
            )
            if largest and i == 0 and runs > 1:
                runs_left = self._affordable_runs(with_h[-1] + without[-1], runs)
                if runs_left < runs:
                    self.notes.append(
                        f"{n}/lang: {runs_left} build runs instead of {runs} "
                        f"to stay within the {self.o.budget_s:.0f} s budget"
                    )
                    runs = runs_left
                    self.log(f"  (cutting to {runs} runs at {n}/lang to stay within budget)")
            if i + 1 >= runs:
                break
        total_pages = sum(pages.get(lang, 0) for lang in LANGS)
        med_h, med_n = measure.median(with_h), measure.median(without)
        first = ws.generated.files[0] if ws.generated else "index.md"
        result = {
            "per_lang": n,
            "pages": pages,
            "pages_total": total_pages,
            "markdown_bytes": ws.markdown_bytes(),
            "runs": len(with_h),
            "with_hooks_s": med_h,
            "without_hooks_s": med_n,
            "with_hooks_all_s": with_h,
            "without_hooks_all_s": without,
            "hooks_ratio": _ratio(med_h, med_n),
            # Each run with hooks against the run without that follows it: a
            # machine that slows down or speeds up during the runs moves both.
            "hooks_ratio_paired": measure.median(
                [r for r in map(_ratio, with_h, without) if r is not None]
            ),
            # Best of runs: other processes only ever add time, so the
            # fastest run of each is the least disturbed (as timeit advises).
            "hooks_ratio_best": _ratio(min(with_h), min(without)),
            "hooks_ratio_best_cpu": _ratio(min(cpu_h), min(cpu_n)),
            "with_hooks_cpu_s": measure.median(cpu_h),
            "without_hooks_cpu_s": measure.median(cpu_n),
            "hooks_ratio_cpu": _ratio(measure.median(cpu_h), measure.median(cpu_n)),
            "per_article_ms": 1000 * med_h / total_pages if med_h and total_pages else None,
            "per_article_cpu_ms": (
                1000 * measure.median(cpu_h) / total_pages if cpu_h and total_pages else None
            ),
            "search_index": measure.index_stats(out_h, pages),
            "first_view": {
                lang: measure.first_view(out_h, measure.article_page(out_h, lang, first))
                for lang in LANGS
                if measure.article_page(out_h, lang, first).is_file()
            },
            "site": str(out_h),
        }
        if not self.o.keep:
            shutil.rmtree(out_n, ignore_errors=True)
        return result, ws

    def _affordable_runs(self, pair_s: float, runs: int) -> int:
        """How many build rounds fit in the budget, keeping about 90 s for guard and
        browser."""
        left = self.o.budget_s - self.elapsed() - 90
        return max(1, min(runs, 1 + int(left // pair_s)))

    # -- guard -----------------------------------------------------------

    def bench_guard(self, base: Path, generated: Workspace) -> dict[str, Any]:
        if not measure.check_available():
            return {"error": "the `helpcenter check` command does not exist yet"}
        runs = self.o.check_runs
        out: dict[str, Any] = {}
        out["real_docs"] = measure.time_check(self.project, runs)
        out["real_docs"]["markdown_bytes"] = _md_bytes(self.project / "docs")
        gen = measure.time_check(generated.root, runs)
        gen["markdown_bytes"] = generated.markdown_bytes()
        out["generated"] = gen
        tiny = workspace.create(base / "guard-tiny", 0, source=self.project, real_docs=False)
        for lang in LANGS:
            (tiny.docs / lang).mkdir(parents=True, exist_ok=True)
            (tiny.docs / lang / "index.md").write_text("# BitP\n", encoding="utf-8")
        out["tiny"] = measure.time_check(tiny.root, runs)
        out["tiny"]["markdown_bytes"] = tiny.markdown_bytes()
        corpus = workspace.create(base / "guard-corpus", 0, source=self.project, real_docs=False)
        copies = max(1, math.ceil(self.o.corpus_bytes / max(1, gen["markdown_bytes"])))
        size = measure.replicate_docs(generated.docs, corpus.docs, copies)
        out["corpus"] = measure.time_check(corpus.root, max(1, runs // 2))
        out["corpus"]["markdown_bytes"] = size
        # The scanner's own cost: one process (-j 1). Shared out among workers,
        # the same work takes more CPU time in all (each worker starts, and two
        # busy processes slow each other on this machine's processors).
        out["corpus_one"] = measure.time_check(corpus.root, max(1, runs // 2), "-j", "1")
        out["corpus_one"]["markdown_bytes"] = size
        out["end_to_end_mb_s"] = gen["markdown_bytes"] / measure.MB / gen["wall_s"]
        scan = out["corpus"]["wall_s"] - out["tiny"]["wall_s"]
        out["scan_mb_s"] = size / measure.MB / scan if scan > 0 else None
        scan_cpu = out["corpus_one"]["cpu_s"] - out["tiny"]["cpu_s"]
        out["scan_mb_s_cpu"] = size / measure.MB / scan_cpu if scan_cpu > 0 else None
        scan_one = out["corpus_one"]["wall_s"] - out["tiny"]["wall_s"]
        out["scan_mb_s_one"] = size / measure.MB / scan_one if scan_one > 0 else None
        return out

    # -- search ----------------------------------------------------------

    def bench_search(self, base: Path, largest: dict[str, Any], ws: Workspace) -> dict[str, Any]:
        method = (
            "in-page performance.now(): last keyup on the search box -> first result "
            "item added (MutationObserver); first query typed by the page itself right "
            "after DOMContentLoaded (a reader who types at once: index load and build "
            "included), on several page loads; later queries typed with Playwright"
        )
        out: dict[str, Any] = {"method": method, "latency": {}, "per_lang": largest["per_lang"]}
        site = Path(largest["site"])
        first = ws.generated.files[0] if ws.generated else "index.md"
        try:
            with browser.chromium() as chrome:
                for lang in LANGS:
                    url = measure.article_page(site, lang, first).as_uri()
                    firsts, laters, blocked, misses = [], [], 0, 0
                    times: dict[str, list[float]] = {k: [] for k in PAGE_TIMES}
                    loads = max(self.o.runs, SEARCH_PAGE_LOADS)
                    for _ in range(loads):
                        r = browser.latency(chrome, url, FIRST_QUERY[lang], LATER_QUERIES[lang])
                        if r["first_ms"] is not None:
                            firsts.append(r["first_ms"])
                        laters += [v for v in r["later_ms"] if v is not None]
                        misses += (r["first_ms"] is None) + sum(v is None for v in r["later_ms"])
                        blocked += r["blocked_requests"]
                        for key, values in times.items():
                            if r.get(key) is not None:
                                values.append(r[key])
                    out["latency"][lang] = {
                        "first_ms": measure.median(firsts),
                        "first_worst_ms": max(firsts) if firsts else None,
                        "later_ms": measure.median(laters),
                        "first_all_ms": firsts,
                        **{key: measure.median(values) for key, values in times.items()},
                        "later_all_ms": laters,
                        "runs": loads,
                        "blocked_requests": blocked,
                        "queries_without_results": misses,
                    }
                out["quality"] = self.search_quality(base, chrome)
        except browser.SearchUnavailable as exc:
            out["error"] = str(exc)
            out.setdefault("quality", {"error": str(exc)})
        return out

    def search_quality(self, base: Path, chrome: Any) -> dict[str, Any]:
        """Share of the query list answered in the top 3, on the real site."""
        qs, source = queries.load(self.project)
        real = workspace.create(base / "ws-real", 0, source=self.project)
        site = base / "site-real"
        workspace.build(real, site, hooks=True)
        pages = real.pages_per_lang()
        index = measure.index_stats(site, pages)
        by_lang: dict[str, Any] = {}
        blocked: list[str] = []
        for lang in LANGS:
            mine = [q for q in qs if q.lang == lang]
            if not mine:
                continue
            home = site / ("index.html" if lang == "zh" else "en/index.html")
            hits, misses = 0, []
            with browser.offline_page(chrome, blocked) as page:
                page.goto(home.as_uri(), wait_until="load")
                browser.wait_for_search(page)
                for q in mine:
                    got = [_site_relative(site, href) for href in browser.top_results(page, q.text)]
                    if any(g in q.expected for g in got):
                        hits += 1
                    else:
                        misses.append({"query": q.text, "expected": list(q.expected), "got": got})
            by_lang[lang] = {
                "hits": hits,
                "total": len(mine),
                "share": hits / len(mine),
                "misses": misses,
                "index_bytes": (index.get(lang) or {}).get("bytes"),
            }
        return {"source": source, "by_lang": by_lang, "blocked_requests": len(blocked)}

    # -- all ---------------------------------------------------------------

    def run(self) -> dict[str, Any]:
        base = Path(tempfile.mkdtemp(prefix="hc-bench-", dir=self.o.workdir))
        text = (self.project / "mkdocs.yml").read_text(encoding="utf-8")
        results: dict[str, Any] = {
            "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "machine": machine(),
            "hooks": workspace.hooks_of(text),
            "options": {
                "sizes": self.o.sizes,
                "runs": self.o.runs,
                "runs_large": self.o.runs_large,
                "check_runs": self.o.check_runs,
            },
            "builds": [],
        }
        try:
            largest_ws: Workspace | None = None
            sizes = sorted(self.o.sizes)
            prev: dict[str, Any] | None = None
            for n in sizes:
                runs = self.o.runs_large if n >= 1000 else self.o.runs
                self.log(f"build: {n} articles per language, {runs} runs")
                b, ws = self.bench_size(base, n, runs, largest=n == sizes[-1])
                if prev and b["pages_total"] > prev["pages_total"]:
                    dp = b["pages_total"] - prev["pages_total"]
                    for key, src in (
                        ("marginal_per_article_ms", "with_hooks_s"),
                        ("marginal_per_article_cpu_ms", "with_hooks_cpu_s"),
                    ):
                        if b.get(src) is not None and prev.get(src) is not None:
                            b[key] = 1000 * (b[src] - prev[src]) / dp
                results["builds"].append(b)
                prev = b
                largest_ws = ws
            assert largest_ws is not None
            largest = results["builds"][-1]
            self.log("guard: python -m helpcenter check")
            try:
                results["guard"] = self.bench_guard(base, largest_ws)
            except BenchError as exc:
                results["guard"] = {"error": str(exc)}
            if self.o.browser:
                self.log(f"search: Chromium at {largest['per_lang']} articles per language")
                results["search"] = self.bench_search(base, largest, largest_ws)
            else:
                results["search"] = {"error": "skipped (--no-browser)"}
        finally:
            if self.o.keep:
                self.log(f"workspaces kept in {base}")
            else:
                shutil.rmtree(base, ignore_errors=True)
        results["notes"] = self.notes
        results["machine"]["load_avg_1min_end"] = os.getloadavg()[0]
        results["targets"] = report.verdicts(figures(results))
        results["elapsed_s"] = self.elapsed()
        return results


def figures(results: dict[str, Any]) -> dict[str, float | None]:
    """The figures the targets are about, taken from the results."""
    builds = {b["per_lang"]: b for b in results["builds"]}
    largest = results["builds"][-1] if results["builds"] else {}
    b1000 = builds.get(1000)
    b100 = builds.get(100)
    growth = growth_cpu = None
    if b1000 and b100 and b1000["per_article_ms"] and b100["per_article_ms"]:
        growth = b1000["per_article_ms"] / b100["per_article_ms"]
        growth_cpu = _ratio(b1000.get("per_article_cpu_ms"), b100.get("per_article_cpu_ms"))
    guard = results.get("guard") or {}
    latency = (results.get("search") or {}).get("latency") or {}
    out: dict[str, float | None] = {
        "hooks_overhead": largest.get("hooks_ratio"),
        "hooks_overhead_cpu": largest.get("hooks_ratio_cpu"),
        "hooks_overhead_best": largest.get("hooks_ratio_best"),
        "hooks_overhead_best_cpu": largest.get("hooks_ratio_best_cpu"),
        "per_article_growth": growth,
        "per_article_growth_cpu": growth_cpu,
        "build_2x1000_s": b1000["with_hooks_s"] if b1000 else None,
        "build_2x1000_s_cpu": b1000.get("with_hooks_cpu_s") if b1000 else None,
        "guard_mb_s": guard.get("scan_mb_s"),
        "guard_mb_s_cpu": guard.get("scan_mb_s_cpu"),
        "guard_real_docs_s": (guard.get("real_docs") or {}).get("wall_s"),
        "guard_real_docs_s_cpu": (guard.get("real_docs") or {}).get("cpu_s"),
    }
    if len(builds) > 1:
        for n, build in builds.items():
            out[f"hooks_overhead_{n}"] = build.get("hooks_ratio")
            out[f"hooks_overhead_{n}_cpu"] = build.get("hooks_ratio_cpu")
    for lang in LANGS:
        out[f"search_first_ms_{lang}"] = (latency.get(lang) or {}).get("first_ms")
        out[f"search_first_worst_ms_{lang}"] = (latency.get(lang) or {}).get("first_worst_ms")
        out[f"search_later_ms_{lang}"] = (latency.get(lang) or {}).get("later_ms")
    return out


def _md_bytes(docs: Path) -> int:
    return sum(p.stat().st_size for p in docs.rglob("*.md")) if docs.is_dir() else 0


def _site_relative(site: Path, href: str) -> str:
    """``file:///tmp/x/site/en/faq.html`` -> ``en/faq.html``."""
    href = href.split("#", 1)[0].split("?", 1)[0]
    prefix = site.resolve().as_uri() + "/"
    return href[len(prefix) :] if href.startswith(prefix) else href
