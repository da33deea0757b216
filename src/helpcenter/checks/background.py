"""Site-wide source checks and outputs run beside the build (MkDocs-free).

MkDocs renders pages on one thread. The contact guard and the link check
read only the Markdown sources and the registry, so a second process can run
them while the pages render; the build collects their findings at the end,
where they are logged and fail ``--strict`` exactly as before. On a 2-core
machine this takes them off the build's wall time, not its CPU time.

``HC_BUILD_JOBS=1`` (or a machine with one core) runs them in the build's
own process, as does any failure to start or reach the second process.
"""

from __future__ import annotations

import concurrent.futures
import importlib
import multiprocessing
import os
import pickle
import threading
import time
from collections.abc import Callable
from concurrent.futures.process import BrokenProcessPool
from typing import Any

_executor: concurrent.futures.ProcessPoolExecutor | None = None


def enabled() -> bool:
    """Whether checks may run in a second process."""
    if os.environ.get("HC_BUILD_JOBS", "").strip() == "1":
        return False
    return (os.cpu_count() or 1) > 1


def _exit_with(parent: int) -> None:
    """In the second process: end it when the build's process is gone (killed, not exited)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


def _pool() -> concurrent.futures.ProcessPoolExecutor:
    global _executor
    if _executor is None:
        # "spawn": the build may have threads (mkdocs serve), which fork does not copy.
        context = multiprocessing.get_context("spawn")
        _executor = concurrent.futures.ProcessPoolExecutor(
            max_workers=1,
            mp_context=context,
            initializer=_exit_with,
            initargs=(os.getpid(),),
        )
    return _executor


Target = Callable[..., Any] | str
"""A module-level function, or its name as ``"package.module:function"``."""


def resolve(target: Target) -> Callable[..., Any]:
    """The function ``target`` names (imported now, in whichever process asks)."""
    if callable(target):
        return target
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


def call(target: Target, *args: Any) -> Any:
    """``target(*args)``; what the second process runs."""
    return resolve(target)(*args)


class Pending:
    """A check under way; :meth:`result` waits for it."""

    def __init__(self, fn: Target, args: tuple[Any, ...]) -> None:
        self._fn, self._args = fn, args
        self._future: concurrent.futures.Future[Any] | None = None
        self._value: Any = None
        self._done = False
        if enabled():
            try:
                self._future = _pool().submit(call, fn, *args)
            except (OSError, RuntimeError, BrokenProcessPool, pickle.PicklingError):
                self._future = None

    def result(self) -> Any:
        """The check's return value (its exception, if it raised one)."""
        if not self._done:
            self._value = self._collect()
            self._done = True
        return self._value

    def _collect(self) -> Any:
        global _executor
        if self._future is not None:
            try:
                return self._future.result()
            except (BrokenProcessPool, pickle.PicklingError, OSError, TypeError, AttributeError):
                # The process died or the job could not be sent (a genuine error
                # of the check itself is raised again below, in this process).
                _executor = None  # start a fresh process next time; run this one here
        return call(self._fn, *self._args)


def submit(fn: Target, *args: Any) -> Pending:
    """Start ``fn(*args)`` beside the build (picklable arguments).

    Name the function as ``"package.module:function"`` and the build's own
    process imports its module only if it has to run it itself.
    """
    return Pending(fn, args)
