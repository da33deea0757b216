"""``helpcenter linkcheck``: check the external links of the articles over the network.

Optional (``make linkcheck``); the build itself never uses the network.
Prints ``path:line:col: CODE message`` for each broken link occurrence;
exit 0 when every link works, 1 when some do not, 2 on a usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from urllib.parse import urlsplit

from helpcenter.checks.links.external import ExternalLinkChecker, LinkCache, LinkResult
from helpcenter.checks.links.extract import extract_links
from helpcenter.registry.load import DEFAULT_REGISTRY, load_registry
from helpcenter.registry.problems import RegistryError
from helpcenter.report.finding import Finding
from helpcenter.report.messages import LANGS, catalog, default_lang


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="*", type=Path, help="Markdown files or folders (default: docs)"
    )
    parser.add_argument(
        "--cache",
        type=Path,
        default=Path(".cache/linkcheck.json"),
        help="where results are cached (default: %(default)s)",
    )
    parser.add_argument("--no-cache", action="store_true", help="check every link again")
    parser.add_argument(
        "--ttl",
        type=float,
        default=86400.0,
        help="seconds a working link stays cached (default: %(default)s)",
    )
    parser.add_argument(
        "--interval",
        type=float,
        default=1.0,
        help="seconds between two requests to one host (default: %(default)s)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=10.0,
        help="seconds to wait for an answer (default: %(default)s)",
    )
    parser.add_argument(
        "--retries", type=int, default=3, help="retries after 429/503 (default: %(default)s)"
    )
    parser.add_argument(
        "--max-retry-after",
        type=float,
        default=60.0,
        help="longest Retry-After honoured, in seconds (default: %(default)s)",
    )
    parser.add_argument(
        "--registry",
        action="store_true",
        help="also check the web addresses of active registry channels",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--lang", choices=LANGS, default=None, help="message language")


def _markdown_files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(path.rglob("*.md")))
        elif path.is_file():
            files.append(path)
        else:
            raise FileNotFoundError(path)
    return files


def collect_urls(files: list[Path]) -> dict[str, list[tuple[str, int, int]]]:
    """External ``http(s)`` URL -> places ``(path, line, column)`` where it is written."""
    urls: dict[str, list[tuple[str, int, int]]] = {}
    for path in files:
        text = path.read_text(encoding="utf-8")
        for link in extract_links(text):
            if urlsplit(link.url).scheme.lower() in ("http", "https"):
                urls.setdefault(link.url, []).append((path.as_posix(), link.line, link.column))
    return urls


def findings_for(
    result: LinkResult, places: list[tuple[str, int, int]], lang: str
) -> list[Finding]:
    """Findings for one checked URL at each place it is written."""
    if result.ok and not result.moved_to:
        return []
    if result.ok:
        code, params = "HC312", {"target": result.moved_to}
    elif result.status is not None:
        code, params = "HC310", {"status": result.status, "reason": result.reason}
    else:
        code, params = "HC311", {"reason": result.reason, "attempts": result.attempts}
    rule = catalog()[code]
    text = rule.text(lang, value=result.url, **params)
    return [Finding(p, line, col, code, rule.severity, result.url, text) for p, line, col in places]


def run(args: argparse.Namespace) -> int:
    lang = args.lang or default_lang()
    try:
        files = _markdown_files(args.paths or [Path("docs")])
    except FileNotFoundError as exc:
        print(f"helpcenter linkcheck: no such file or folder: {exc}", file=sys.stderr)
        return 2
    urls = collect_urls(files)
    if args.registry:
        try:
            registry = load_registry(DEFAULT_REGISTRY)
        except RegistryError as exc:
            print(f"helpcenter linkcheck: the registry has problems:\n{exc.format(lang)}",
                  file=sys.stderr)  # fmt: skip
            return 2
        for channel in registry.active_channels:
            if urlsplit(channel.value).scheme in ("http", "https"):
                urls.setdefault(channel.value, []).append((str(registry.path), channel.line, 1))
    cache = None if args.no_cache else LinkCache(args.cache, args.ttl)
    checker = ExternalLinkChecker(
        cache=cache,
        timeout=args.timeout,
        min_interval=args.interval,
        retries=args.retries,
        max_retry_after=args.max_retry_after,
    )
    results = checker.check_all(urls)
    findings = sorted(f for url, r in results.items() for f in findings_for(r, urls[url], lang))
    if args.format == "json":
        payload = {
            "results": [r.as_dict() for r in results.values()],
            "findings": [f.as_dict() for f in findings],
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        for finding in findings:
            print(finding)
        checked = sum(1 for r in results.values() if not r.skipped)
        skipped = len(results) - checked
        broken = sum(1 for f in findings if f.severity == "error")
        print(
            f"{len(results)} external link(s): {checked} checked, {skipped} on reserved "
            f"documentation domains skipped, {broken} broken",
            file=sys.stderr,
        )
    return 1 if any(f.severity == "error" for f in findings) else 0
