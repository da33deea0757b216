"""The guard over a whole ``docs_dir``, as the build runs it."""

from __future__ import annotations

from pathlib import Path

from helpcenter.guard.scan import check_source
from helpcenter.registry.model import Registry
from helpcenter.report.finding import display_path


def docs_findings(docs_dir: str, root: str, registry: Registry | None, lang: str) -> list[str]:
    """Every finding in the Markdown under ``docs_dir``, once each, as ``path:line:col: ...``.

    Paths are shown relative to ``root``. Without a registry (it has problems,
    which the build reports) there is nothing to check against.
    """
    if registry is None:
        return []
    reg = registry
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
