"""The guard over a whole ``docs_dir``, as the build runs it."""

from __future__ import annotations

from pathlib import Path

from helpcenter.guard.scan import check_source
from helpcenter.registry.load import load_registry_cached
from helpcenter.report.finding import display_path


def docs_findings(docs_dir: str, root: str, registry: str, lang: str) -> list[str]:
    """Every finding in the Markdown under ``docs_dir``, once each, as ``path:line:col: ...``.

    Paths are shown relative to ``root``; arguments are plain strings, as the
    build's hook and the command line have them.
    """
    reg = load_registry_cached(Path(registry))
    reported: set[tuple[str, int, int, str]] = set()
    lines: list[str] = []
    for path in sorted(Path(docs_dir).rglob("*.md")):
        name = display_path(path, Path(root))
        text = path.read_text(encoding="utf-8", errors="replace")
        for finding in check_source(text, name, reg, lang=lang).findings:
            key = (finding.path, finding.line, finding.column, finding.rule)
            if key not in reported:
                reported.add(key)
                lines.append(str(finding))
    return lines
