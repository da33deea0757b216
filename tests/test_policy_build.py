"""The rendered checks in the real build: content policy, rendered contact guard, CSP.

Active content and a contact split by a comment in one article fail
``mkdocs build --strict``, each finding naming the article's line; a clean
site carries one Content-Security-Policy on every page.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpcenter.checks.content_policy import parse, text_of, walk
from helpcenter.site import csp
from project_files import copy_project

pytestmark = pytest.mark.build


def build(project: Path, **env: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", HELPCENTER_LANG="en", **env)
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
           "-d", str(project / "out")]  # fmt: skip
    return subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True, timeout=600)


INJECTED = """
Call our hotline +1 202 555 01<!-- -->83 today.

<svg><script>alert(1)</script></svg>

<div markdown>
[help](java&#x73;cript&colon;alert(1)) <img src="x.png" alt="" onerror="alert(1)">
</div>
"""


def test_active_content_and_a_split_contact_fail_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    article = project / "docs" / "en" / "faq.md"
    text = article.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("# ")) + 1
    article.write_text("".join(lines[:at]) + INJECTED + "".join(lines[at:]), encoding="utf-8")
    first = at + 1  # the blank line opening INJECTED is line at + 1

    result = build(project)
    log = result.stdout + result.stderr
    assert result.returncode != 0
    for line, col, code in ((first + 3, 6, "HC610"), (first + 6, 64, "HC602"),
                            (first + 1, 18, "HC102")):  # fmt: skip
        assert f"docs/en/faq.md:{line}:{col}: {code} " in log, log[-3000:]
    assert f"docs/en/faq.md:{first + 6}:8: HC603 " in log  # written with entities


def test_every_page_carries_the_same_policy_and_it_allows_only_the_themes_scripts(
    tmp_path: Path,
) -> None:
    project = copy_project(tmp_path / "project")
    result = build(project)
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    site = project / "out"
    policy = csp.site_policy(site)
    assert policy and "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 30
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert text.count("Content-Security-Policy") == 1, page
        head = text[text.index("<head>") : text.index("<head>") + 80 + len(policy)]
        assert f'content="{policy}"' in head, page  # first in <head>
        for node in walk(parse(text)):
            attrs = getattr(node, "attrs", None) or {}
            if node.name == "script" and "src" not in attrs and not attrs.get("type"):
                assert csp.script_hash(text_of(node)) in policy, (page, text_of(node)[:80])
