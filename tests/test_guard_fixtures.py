"""Fixture files with their expected findings written inside them.

See tests/fixtures/contacts/README.md for the ``<!-- expect: CODE -->`` syntax.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from helpcenter.guard.scan import check_source
from helpcenter.registry.load import load_registry

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "contacts"
EXPECT_RE = re.compile(r"(?:<!--|#)\s*expect:\s*(?P<codes>[A-Z0-9@, ]+?)\s*(?:-->|$)")
FILES = sorted(p for p in FIXTURES.rglob("*.md") if p.name != "README.md")


@pytest.fixture(scope="module")
def registry():
    return load_registry(FIXTURES / "channels.yml")


def expected(text: str) -> tuple[Counter, dict[tuple[int, str], int]]:
    """``Counter`` of ``(line, code)`` and the pinned columns ``(line, code) -> col``."""
    codes: Counter = Counter()
    columns: dict[tuple[int, str], int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        for m in EXPECT_RE.finditer(line):
            for item in filter(None, re.split(r"[,\s]+", m.group("codes"))):
                code, _, col = item.partition("@")
                codes[(number, code)] += 1
                if col:
                    columns[(number, code)] = int(col)
    return codes, columns


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(FIXTURES).as_posix())
def test_fixture_findings(path: Path, registry) -> None:
    text = path.read_text(encoding="utf-8")
    name = path.relative_to(ROOT).as_posix()
    result = check_source(text, name, registry, lang="en")
    got = Counter((f.line, f.rule) for f in result.findings)
    want, columns = expected(text)
    details = "\n".join(str(f) for f in result.findings)
    assert got == want, f"unexpected: {got - want}, missing: {want - got}\n{details}"
    for (line, code), col in columns.items():
        cols = [f.column for f in result.findings if f.line == line and f.rule == code]
        assert col in cols, f"{name}:{line}: {code} expected at column {col}, got {cols}"


def test_fixtures_cover_every_detector() -> None:
    names = {p.stem for p in FILES}
    for detector in ("emails", "phones", "urls", "social", "wallets", "invisible"):
        assert detector in names
    assert "official-spellings" in names and "ordinary-numbers" in names
