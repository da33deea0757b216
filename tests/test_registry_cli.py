"""``helpcenter check --registry FILE`` with a bad registry: exit 2, findings on stderr."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
INVALID = ROOT / "tests" / "fixtures" / "registry" / "invalid"


def check(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, HELPCENTER_LANG="en")
    return subprocess.run(
        [sys.executable, "-m", "helpcenter", "check", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("fixture", "line", "code"),
    [
        ("duplicate-id.yml", 20, "HC011"),
        ("yaml-syntax.yml", 18, "HC002"),
        ("email-off-domain.yml", 14, "HC031"),
        ("scam-equals-official.yml", 35, "HC034"),
        ("empty.yml", 1, "HC003"),
    ],
)
def test_bad_registry_exits_2_with_path_line_code(fixture, line, code):
    path = f"tests/fixtures/registry/invalid/{fixture}"
    proc = check("--registry", path)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert re.search(rf"^{re.escape(path)}:{line}:\d+: {code} \S", proc.stderr, re.M), proc.stderr


def test_every_problem_is_printed(tmp_path):
    text = (INVALID.parent / "valid" / "base.yml").read_text(encoding="utf-8")
    text = text.replace("type: phone", "type: fax").replace(
        "value: support@bitp.example", "value: nope"
    )
    bad = tmp_path / "channels.yml"
    bad.write_text(text, encoding="utf-8")
    proc = check("--registry", str(bad), "--format", "json")
    assert proc.returncode == 2
    findings = json.loads(proc.stderr)["findings"]
    assert sorted(f["rule"] for f in findings) == ["HC012", "HC020"]
    for f in findings:
        assert f["path"] == str(bad) and f["line"] > 1 and f["column"] > 1, f
    assert proc.stdout == ""
