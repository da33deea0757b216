"""Checks run beside the build: same results in a second process or in this one."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpcenter.checks import background


def _pid_and(value):
    return os.getpid(), value


def _fails(message):
    raise ValueError(message)


def test_a_check_runs_in_a_second_process(monkeypatch):
    monkeypatch.delenv("HC_BUILD_JOBS", raising=False)
    if not background.enabled():
        pytest.skip("one core: checks run in the build's process")
    pid, value = background.submit(_pid_and, [1, 2]).result()
    assert value == [1, 2] and pid != os.getpid()


def test_hc_build_jobs_1_keeps_checks_in_the_build_process(monkeypatch):
    monkeypatch.setenv("HC_BUILD_JOBS", "1")
    assert background.submit(_pid_and, "x").result() == (os.getpid(), "x")


def test_a_job_that_cannot_be_sent_runs_here(monkeypatch):
    monkeypatch.delenv("HC_BUILD_JOBS", raising=False)
    unpicklable = lambda: None  # noqa: E731
    pid, value = background.submit(_pid_and, unpicklable).result()
    assert pid == os.getpid() and value is unpicklable


@pytest.mark.parametrize("jobs", ["", "1"])
def test_a_function_named_by_module_runs_in_either_process(monkeypatch, jobs):
    monkeypatch.setenv("HC_BUILD_JOBS", jobs)
    assert background.submit("json:dumps", {"a": [1]}).result() == '{"a": [1]}'


def test_a_function_named_by_module_is_imported_only_where_it_runs(tmp_path):
    # The build's process hands the name over and never imports the module.
    root = Path(__file__).resolve().parents[1]
    args = (str(root / "docs"), str(root))
    script = (
        "import sys\n"
        "from helpcenter.checks import background\n"
        "from helpcenter.registry.load import load_registry\n"
        "if __name__ == '__main__':\n"
        f"    registry = load_registry({str(root / 'data/channels.yml')!r})\n"
        f"    args = (*{args!r}, registry, 'en')\n"
        "    findings = background.submit('helpcenter.guard.site:docs_findings', *args)\n"
        "    assert findings.result() == [], findings.result()\n"
        "    print('helpcenter.guard.site' in sys.modules)\n"
    )
    path = tmp_path / "build.py"
    path.write_text(script, encoding="utf-8")
    env = {**os.environ, "HC_BUILD_JOBS": ""}
    proc = subprocess.run(
        [sys.executable, str(path)], capture_output=True, text=True, env=env, timeout=60
    )
    assert proc.stdout.strip() == "False", proc.stderr


def test_an_error_of_the_check_itself_reaches_the_caller(monkeypatch):
    monkeypatch.delenv("HC_BUILD_JOBS", raising=False)
    pending = background.submit(_fails, "bad input")
    with pytest.raises(ValueError, match="bad input"):
        pending.result()


def test_the_second_process_ends_with_the_build(tmp_path):
    # A build killed outright (no exit handlers) must not leave a process behind.
    script = tmp_path / "build.py"
    script.write_text(
        "import os, signal\n"
        "from helpcenter.checks import background\n"
        "def child_pid():\n"
        "    return os.getpid()\n"
        "if __name__ == '__main__':\n"
        "    print(background.submit(child_pid).result(), flush=True)\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n",
        encoding="utf-8",
    )
    env = dict(os.environ)
    env.pop("HC_BUILD_JOBS", None)
    proc = subprocess.Popen(
        [sys.executable, str(script)], stdout=subprocess.PIPE, text=True, env=env
    )
    out, _ = proc.communicate(timeout=60)
    child = int(out.strip())
    if child == proc.pid:
        pytest.skip("one core: no second process")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and _alive(child):
        time.sleep(0.1)
    assert not _alive(child)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat", encoding="utf-8") as stat:
        return stat.read().split()[2] != "Z"  # a zombie has ended
