"""The contributor workflow files: CI, code owners, issue and pull-request templates.

CI on GitHub must do what ``.ci/run`` does on any Debian machine, so a
contributor who runs ``.ci/run`` sees what the pull request will see.
"""

from __future__ import annotations

import fnmatch
import re
import shlex
import subprocess
from pathlib import Path

import pytest
import yaml

from helpcenter.site.verifier import VERDICTS

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "ci.yml"
CI_RUN = ROOT / ".ci" / "run"
GUARD_CMD = ".venv/bin/python -m helpcenter check --format github"


@pytest.fixture(scope="module")
def workflow() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _steps(workflow: dict) -> list[dict]:
    jobs = workflow["jobs"]
    assert len(jobs) == 1, "one job, like .ci/run"
    return next(iter(jobs.values()))["steps"]


def _commands(script: str) -> list[str]:
    """Shell commands of a script, one per line, comments and blanks dropped."""
    out = []
    for line in script.splitlines():
        line = line.split(" #", 1)[0].strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def _make_targets(commands: list[str]) -> list[str]:
    targets = []
    for command in commands:
        words = shlex.split(command)
        if words and words[0] == "make":
            targets += [w for w in words[1:] if not w.startswith("-") and "=" not in w]
    return targets


def _ci_run_main() -> list[str]:
    """The commands ``.ci/run`` runs after installing the system packages."""
    text = CI_RUN.read_text(encoding="utf-8")
    return _commands(text.split("= install ] && exit 0", 1)[1])


def _workflow_runs(workflow: dict) -> list[str]:
    return [cmd for step in _steps(workflow) if "run" in step for cmd in _commands(step["run"])]


def test_workflow_parses_and_runs_on_pull_requests(workflow: dict) -> None:
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "pull_request" in triggers
    assert workflow["permissions"] == {"contents": "read"}, "read-only token for pull requests"
    checkout = _steps(workflow)[0]
    assert checkout["uses"].startswith("actions/checkout@")
    assert checkout["with"]["fetch-depth"] == 0, "helpcenter diff needs the base branch history"


def test_workflow_runs_the_same_make_targets_as_ci_run(workflow: dict) -> None:
    ci_targets = _make_targets(_ci_run_main())
    assert ci_targets == ["venv", "test", "site"]
    assert _make_targets(_workflow_runs(workflow)) == ci_targets


def test_workflow_runs_the_same_steps_in_the_same_order(workflow: dict) -> None:
    runs = _workflow_runs(workflow)
    ci = _ci_run_main()
    assert GUARD_CMD in ci and GUARD_CMD in runs
    shared = [c for c in ci if c in runs]
    assert shared == ci, f".ci/run steps missing from the workflow: {set(ci) - set(runs)}"
    assert [c for c in runs if c in ci] == ci, "same order in both"
    # System packages come from .ci/run itself, so the two cannot drift.
    assert ".ci/run install" in runs
    assert runs.index(".ci/run install") < runs.index("make venv")


def test_ci_run_install_stage_stops_after_installing() -> None:
    text = CI_RUN.read_text(encoding="utf-8")
    before, _ = text.split("= install ] && exit 0", 1)
    assert "make " not in "\n".join(_commands(before))
    assert "bash deploy/debian-packages.sh ci" in before
    packages = (ROOT / "deploy/debian-packages.sh").read_text(encoding="utf-8")
    ci_job = packages.split("  ci)", 1)[1].split(";;", 1)[0]
    assert "want_browser" in ci_job and "want_nginx" in ci_job
    for package in ("chromium", "fonts-noto-cjk", "nginx", "libnginx-mod-http-brotli-static"):
        assert f"need+=({package})" in packages


def test_each_make_target_installs_its_packages_with_the_one_script() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "bash deploy/debian-packages.sh browser" in makefile
    assert "bash deploy/debian-packages.sh nginx" in makefile
    proc = subprocess.run(
        ["bash", str(ROOT / "deploy/debian-packages.sh"), "nothing"],
        capture_output=True, text=True, timeout=30,
    )  # fmt: skip
    assert proc.returncode == 2 and "unknown job 'nothing'" in proc.stderr


def test_guard_and_site_run_even_when_tests_fail(workflow: dict) -> None:
    steps = {step.get("name", ""): step for step in _steps(workflow)}
    guard = next(s for s in steps.values() if GUARD_CMD in s.get("run", ""))
    site = next(s for s in steps.values() if s.get("run", "").strip() == "make site")
    for step in (guard, site):
        assert step.get("if") == "success() || failure()"


def test_site_and_screenshots_are_uploaded(workflow: dict) -> None:
    uploads = [
        s for s in _steps(workflow) if str(s.get("uses", "")).startswith("actions/upload-artifact@")
    ]
    paths = {s["with"]["path"].rstrip("/"): s for s in uploads}
    assert set(paths) == {"site", "tests/browser/artifacts"}
    for step in uploads:
        assert re.fullmatch(r"actions/upload-artifact@v\d+", step["uses"])
        assert step.get("if") == "success() || failure()", (
            "artifacts help most when something failed"
        )


def test_diff_goes_to_the_job_summary_on_pull_requests(workflow: dict) -> None:
    step = next(s for s in _steps(workflow) if "helpcenter diff" in s.get("run", ""))
    assert step["if"] == "github.event_name == 'pull_request'"
    assert step["env"]["BASE_REF"] == "${{ github.base_ref }}"
    # The ref reaches the shell through the environment, never pasted into the script.
    assert "${{" not in step["run"]
    assert step["run"].strip() == (
        '.venv/bin/python -m helpcenter diff "origin/$BASE_REF" >> "$GITHUB_STEP_SUMMARY"'
    )


DEPLOY = ROOT / ".github" / "workflows" / "deploy.yml"


def test_deploy_publishes_from_main_after_the_ci_checks(workflow: dict) -> None:
    deploy = yaml.safe_load(DEPLOY.read_text(encoding="utf-8"))
    triggers = deploy.get("on", deploy.get(True))
    assert triggers["push"] == {"branches": ["main"]}
    assert "pull_request" not in triggers
    assert "workflow_call" in workflow.get("on", workflow.get(True)), "ci.yml is reusable"
    jobs = deploy["jobs"]
    assert jobs["ci"]["uses"] == "./.github/workflows/ci.yml"
    build, publish = jobs["build"], jobs["deploy"]
    assert build["needs"] == "ci" and build["if"] == "github.ref == 'refs/heads/main'"
    assert publish["needs"] == "build"
    uses = [s.get("uses", "") for s in build["steps"]] + [
        s.get("uses", "") for s in publish["steps"]
    ]
    actions = {u.split("@")[0]: u.split("@")[1] for u in uses if u}
    for action in ("actions/configure-pages", "actions/upload-pages-artifact",
                   "actions/deploy-pages"):  # fmt: skip
        assert re.fullmatch(r"v\d+", actions[action]), f"{action} pinned to a major version"
    upload = next(s for s in build["steps"] if "upload-pages-artifact" in s.get("uses", ""))
    assert upload["with"]["path"].rstrip("/") == "site"
    runs = [c for s in build["steps"] if "run" in s for c in _commands(s["run"])]
    assert runs.index(".ci/run install") < runs.index("make venv") < runs.index("make site")
    assert publish["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["permissions"] == {"contents": "read"}, "write access only where it deploys"
    assert publish["environment"]["name"] == "github-pages"


def _codeowners() -> list[tuple[str, list[str]]]:
    rules = []
    for line in (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            pattern, *owners = line.split()
            rules.append((pattern, owners))
    return rules


def _owners(path: str) -> list[str]:
    """Owners of ``path``: the last matching CODEOWNERS line wins (gitignore-style patterns)."""
    owners: list[str] = []
    for pattern, who in _codeowners():
        anchored = pattern.lstrip("/")
        if pattern.endswith("/"):
            match = path.startswith(anchored)
        elif "/" in pattern.rstrip("/"):
            match = fnmatch.fnmatch(path, anchored)
        else:
            match = fnmatch.fnmatch(Path(path).name, pattern)
        if match:
            owners = who
    return owners


@pytest.mark.parametrize("path", ["data/channels.yml", "data/channels.schema.json"])
def test_registry_changes_need_the_channel_owners(path: str) -> None:
    assert "@bitp-helpcenter/channel-owners" in _owners(path)


def test_articles_do_not_need_the_channel_owners() -> None:
    assert "@bitp-helpcenter/channel-owners" not in _owners("docs/zh/faq.md")
    assert _owners("docs/zh/faq.md"), "every file has an owner"


def test_fake_channel_issue_template_matches_the_verifier() -> None:
    form = yaml.safe_load(
        (ROOT / ".github" / "ISSUE_TEMPLATE" / "report-fake-channel.yml").read_text(
            encoding="utf-8"
        )
    )
    assert form["name"] and form["description"]
    fields = {item["id"]: item for item in form["body"] if "id" in item}
    assert {"value", "type", "seen-where", "verdict", "evidence", "date"} <= set(fields)
    assert fields["value"]["validations"]["required"] is True
    types = " ".join(fields["type"]["attributes"]["options"]).lower()
    for kind in ("website", "email", "phone", "social"):
        assert kind in types
    verdicts = [o.split(" /")[0] for o in fields["verdict"]["attributes"]["options"]]
    assert [v for v in verdicts if v in VERDICTS] == list(VERDICTS)
    assert fields["evidence"]["type"] == "textarea"
    config = yaml.safe_load(
        (ROOT / ".github" / "ISSUE_TEMPLATE" / "config.yml").read_text(encoding="utf-8")
    )
    assert any("verify" in link["url"] for link in config["contact_links"])


def test_pull_request_template_has_a_checklist() -> None:
    text = (ROOT / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    boxes = re.findall(r"^- \[ \] (.+)$", text, flags=re.MULTILINE)
    assert len(boxes) >= 6
    for needle in ("docs/zh/", "hc:channel", "make check", "Evidence", "verified_on"):
        assert needle in text
