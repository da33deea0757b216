"""Checks run beside the build: same results in a second process or in this one."""

from __future__ import annotations

import os

import pytest

from helpcenter import background


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


def test_an_error_of_the_check_itself_reaches_the_caller(monkeypatch):
    monkeypatch.delenv("HC_BUILD_JOBS", raising=False)
    pending = background.submit(_fails, "bad input")
    with pytest.raises(ValueError, match="bad input"):
        pending.result()
