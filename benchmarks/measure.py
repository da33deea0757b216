"""Individual measurements: guard timing, search index sizes, first-view bytes.

Every function here reads or runs something real (the ``helpcenter check``
command in a subprocess, the files a build wrote) and returns plain data that
:mod:`.runner` puts into the results.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import statistics
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from benchmarks.workspace import BenchError, Timing, run_timed

MB = 1_000_000
"""Bytes in a megabyte, as throughput figures are given (MB/s)."""


def median(values: list[float]) -> float | None:
    """Median of ``values`` (``None`` for an empty list)."""
    return statistics.median(values) if values else None


# -- the contact guard -----------------------------------------------------


def run_check(cwd: Path, *args: str) -> tuple[Timing, int, str]:
    """Run ``python -m helpcenter check [args]`` in ``cwd``; return (timing, exit code,
    output).

    The wall time includes interpreter start, as a contributor sees it.
    """
    timing, proc = run_timed([sys.executable, "-m", "helpcenter", "check", *args], cwd)
    if proc.returncode == 2:
        tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-10:])
        raise BenchError(f"`python -m helpcenter check` failed in {cwd} (exit 2):\n{tail}")
    return timing, proc.returncode, proc.stdout + proc.stderr


def check_available() -> bool:
    """True when the ``check`` subcommand exists in this checkout."""
    try:
        import helpcenter.commands.check  # noqa: F401
    except ModuleNotFoundError:
        return False
    return True


def time_check(cwd: Path, runs: int, *args: str) -> dict[str, Any]:
    """Median wall and CPU time of ``helpcenter check [args]`` in ``cwd`` over ``runs``
    runs."""
    walls, cpus, code, output = [], [], 0, ""
    for _ in range(runs):
        timing, code, output = run_check(cwd, *args)
        walls.append(timing.wall_s)
        cpus.append(timing.cpu_s)
    findings = [ln for ln in output.splitlines() if re.match(r"^\S+:\d+:\d+: ", ln)]
    return {
        "wall_s": median(walls),
        "cpu_s": median(cpus),
        "runs": runs,
        "exit_code": code,
        "findings": len(findings),
        "first_findings": findings[:5],
    }


def replicate_docs(src_docs: Path, dest_docs: Path, copies: int) -> int:
    """Copy every language tree of ``src_docs`` ``copies`` times into ``dest_docs``.

    ``docs/zh/x.md`` becomes ``docs/zh/copyN/x.md``, so relative links between
    articles stay valid. Returns the bytes of Markdown written.
    """
    total = 0
    for lang in sorted(p for p in src_docs.iterdir() if p.is_dir()):
        for n in range(copies):
            shutil.copytree(lang, dest_docs / lang.name / f"copy{n + 1}")
    for path in dest_docs.rglob("*.md"):
        total += path.stat().st_size
    return total


# -- search index and first view -------------------------------------------


def index_files(site: Path) -> dict[str, Path]:
    """Search index (``search_index.json``) per language folder of a built site.

    The index at the site root serves the default language (``zh``); one under
    ``en/`` serves English. When only the root index exists it serves both.
    """
    found: dict[str, Path] = {}
    for path in sorted(site.rglob("search/search_index.json")):
        rel = path.relative_to(site).parts
        found["zh" if len(rel) == 2 else rel[0]] = path
    return found


def index_stats(site: Path, pages: dict[str, int]) -> dict[str, Any]:
    """Size of the search index each language's readers download, total and per article."""
    out: dict[str, Any] = {}
    files = index_files(site)
    for lang in ("zh", "en"):
        path = files.get(lang) or files.get("zh")
        if path is None:
            out[lang] = None
            continue
        data = path.read_bytes()
        index = json.loads(data)
        docs = index.get("docs", [])
        # A root index holding "en/..." locations serves both languages (merged).
        merged = (
            any(d["location"].startswith("en/") for d in docs)
            and lang == "zh"
            or (lang == "en" and "en" not in files)
        )
        count = pages.get(lang) or 1
        out[lang] = {
            "file": str(path.relative_to(site)),
            "bytes": len(data),
            "gzip_bytes": len(gzip.compress(data, 6)),
            "bytes_per_article": round(len(data) / count),
            "documents": len(docs),
            "merged_languages": merged,
            "pipeline_lang": index.get("config", {}).get("lang", []),
        }
    return out


class _Assets(HTMLParser):
    """Collects the stylesheets, scripts and search config an HTML page loads."""

    def __init__(self) -> None:
        super().__init__()
        self.css: list[str] = []
        self.js: list[str] = []
        self.config = ""
        self._in_config = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "link" and "stylesheet" in (a.get("rel") or "") and a.get("href"):
            self.css.append(a["href"] or "")
        elif tag == "script" and a.get("src"):
            self.js.append(a["src"] or "")
        elif tag == "script" and a.get("id") == "__config":
            self._in_config = True

    def handle_data(self, data: str) -> None:
        if self._in_config:
            self.config += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_config = False


def first_view(site: Path, page: Path) -> dict[str, Any]:
    """Bytes a reader downloads to see ``page`` and search it: HTML, CSS, JS, worker, index.

    External URLs are counted, not sized (an offline site should have none).
    """
    html = page.read_bytes()
    parser = _Assets()
    parser.feed(html.decode("utf-8"))
    page_url = page.resolve().as_uri()
    parts: dict[str, list[Path]] = {"css": [], "js": [], "index": []}
    external: list[str] = []

    def local(ref: str) -> Path | None:
        url = urljoin(page_url, ref)
        if not url.startswith("file:"):
            external.append(ref)
            return None
        path = Path(unquote(urlsplit(url).path))
        return path if path.is_file() else None

    for kind, refs in (("css", parser.css), ("js", parser.js)):
        for ref in refs:
            path = local(ref)
            if path:
                parts[kind].append(path)
    base = "."
    if parser.config:
        config = json.loads(parser.config)
        base = config.get("base", ".")
        worker = config.get("search")
        if worker and (path := local(worker)):
            parts["js"].append(path)
    base_url = urljoin(page_url, base.rstrip("/") + "/")
    index = Path(unquote(urlsplit(urljoin(base_url, "search/search_index.json")).path))
    if index.is_file():
        parts["index"].append(index)
    sizes = {"html": len(html)}
    gz = {"html": len(gzip.compress(html, 6))}
    for kind, paths in parts.items():
        sizes[kind] = sum(p.stat().st_size for p in paths)
        gz[kind] = sum(len(gzip.compress(p.read_bytes(), 6)) for p in paths)
    return {
        "page": str(page.relative_to(site)),
        "bytes": sizes,
        "total_bytes": sum(sizes.values()),
        "total_gzip_bytes": sum(gz.values()),
        "external_references": external,
    }


def article_page(site: Path, lang: str, name: str) -> Path:
    """The built HTML page of generated article ``name`` (``section/topic-0001.md``)."""
    html = name[:-3] + ".html"
    return site / html if lang == "zh" else site / lang / html
