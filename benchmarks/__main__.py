"""``python -m benchmarks``: run the benchmarks, print the table, write the JSON.

Run counts come from flags or the environment (flags win):

- ``HC_BENCH_RUNS`` / ``--runs``: runs per figure (default 5: a build of a
  few seconds varies by 5% here, as much as the hooks' cost at 100 articles);
- ``HC_BENCH_RUNS_LARGE`` / ``--runs-large``: build runs at 1000 articles per
  language (default 3; cut automatically to fit ``--budget``);
- ``HC_BENCH_SIZES`` / ``--sizes``: articles per language, comma separated
  (default ``100,300,1000``);
- ``HC_BENCH_BUDGET`` / ``--budget``: wall-time budget in seconds (default 840).

``--quick`` runs one small size (10 articles per language) once, for the
smoke test. ``--profile`` instead profiles one build and measures what each
part of the stack costs (see :mod:`benchmarks.profile`). ``--ablate``
instead turns each speed-up off in turn, at the largest of ``--sizes``, and
measures what it earns (see :mod:`benchmarks.ablation`).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from benchmarks import report
from benchmarks.runner import CORPUS_BYTES, Options, Runner
from benchmarks.workspace import BenchError, project_root


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.strip().isdigit() else default


def _sizes(text: str) -> list[int]:
    try:
        sizes = sorted({int(s) for s in text.split(",") if s.strip()})
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            f"sizes must be numbers like 100,300,1000: {text!r}"
        ) from exc
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError(f"sizes must be positive: {text!r}")
    return sizes


def build_parser() -> argparse.ArgumentParser:
    """The benchmark command line."""
    p = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Benchmark the help center: build, contact guard and search at scale.",
    )
    runs = _env_int("HC_BENCH_RUNS", 5)
    p.add_argument("--runs", type=int, default=runs, help="runs per figure (median)")
    p.add_argument(
        "--runs-large",
        type=int,
        default=_env_int("HC_BENCH_RUNS_LARGE", 3),
        help="build runs at 1000 articles per language and more",
    )
    p.add_argument(
        "--check-runs",
        type=int,
        default=_env_int("HC_BENCH_CHECK_RUNS", 5),
        help="runs of `helpcenter check` per figure",
    )
    p.add_argument(
        "--sizes",
        type=_sizes,
        default=_sizes(os.environ.get("HC_BENCH_SIZES", "100,300,1000")),
        help="articles per language, comma separated",
    )
    p.add_argument(
        "--budget",
        type=float,
        default=float(_env_int("HC_BENCH_BUDGET", 840)),
        help="wall-time budget in seconds (fewer runs at the largest size if needed)",
    )
    p.add_argument(
        "--quick", action="store_true", help="one run at 10 articles per language (smoke test)"
    )
    p.add_argument("--no-browser", action="store_true", help="skip the Chromium measurements")
    p.add_argument(
        "--output",
        type=Path,
        default=None,
        help="JSON results file (default benchmarks/results.json in the project)",
    )
    p.add_argument("--workdir", type=Path, default=None, help="where temporary copies go")
    p.add_argument("--keep", action="store_true", help="keep the temporary copies")
    p.add_argument(
        "--profile",
        action="store_true",
        help="profile one build and measure each part of the stack instead",
    )
    p.add_argument(
        "--profile-size", type=int, default=1000, help="articles per language for --profile"
    )
    p.add_argument(
        "--markdown",
        type=Path,
        metavar="RESULTS_JSON",
        help="print the tables of a results file as Markdown (for the README) and exit",
    )
    p.add_argument(
        "--ablate",
        action="store_true",
        help="measure each speed-up off against all on, at the largest of --sizes "
        "(--runs-large rounds, at least 3; writes benchmarks/ablation.json)",
    )
    p.add_argument(
        "--only",
        default="",
        metavar="NAMES",
        help="with --ablate: measure only these speed-ups (comma separated, e.g. "
        "searchstart,tokenizer) against all on",
    )
    p.add_argument(
        "--profile-no-hooks",
        action="store_true",
        help="with --profile: skip the one-build-per-hook ablations",
    )
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmarks; return 0, or 2 when a step could not run."""
    args = build_parser().parse_args(argv)
    if args.markdown:
        try:
            results = json.loads(args.markdown.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            print(f"bench: cannot read {args.markdown}: {exc}", file=sys.stderr)
            return 2
        if "threshold" in results:  # an --ablate results file
            from benchmarks import ablation

            print(ablation.table(results, markdown=True), end="")
        else:
            print(report.table(results, markdown=True), end="")
        return 0
    if args.workdir is not None:
        try:
            args.workdir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            print(f"bench: cannot use --workdir {args.workdir}: {exc.strerror}", file=sys.stderr)
            return 2
    try:
        root = project_root()
        if args.profile:
            from benchmarks import profile

            return profile.main(
                root,
                args.profile_size,
                workdir=args.workdir,
                keep=args.keep,
                per_hook=not args.profile_no_hooks,
            )
        if args.ablate:
            return _ablate(args, root)
        options = Options(
            sizes=[10] if args.quick else args.sizes,
            runs=1 if args.quick else max(1, args.runs),
            runs_large=1 if args.quick else max(1, args.runs_large),
            check_runs=1 if args.quick else max(1, args.check_runs),
            browser=not args.no_browser,
            budget_s=args.budget,
            output=args.output or root / "benchmarks" / "results.json",
            workdir=args.workdir,
            keep=args.keep,
            corpus_bytes=500_000 if args.quick else CORPUS_BYTES,
        )
        results = Runner(options, log=lambda m: print(m, file=sys.stderr, flush=True)).run()
    except BenchError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 2
    print(report.table(results))
    assert options.output is not None
    options.output.parent.mkdir(parents=True, exist_ok=True)
    options.output.write_text(
        json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    print(f"\nResults written to {options.output}")
    return 0


def _ablate(args: argparse.Namespace, root: Path) -> int:
    from benchmarks import ablation

    options = ablation.Options(
        per_lang=10 if args.quick else max(args.sizes),
        runs=1 if args.quick else max(3, args.runs_large),
        loads=1 if args.quick else max(ablation.SEARCH_PAGE_LOADS, args.runs),
        browser=not args.no_browser,
        workdir=args.workdir,
        keep=args.keep,
        only=tuple(n.strip().removeprefix("-") for n in args.only.split(",") if n.strip()),
    )
    results = ablation.run(options, log=lambda m: print(m, file=sys.stderr, flush=True))
    print(ablation.table(results))
    output = args.output or root / "benchmarks" / "ablation.json"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"\nResults written to {output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
