"""The contact guard: every contact detail in an article must be an official one.

Public API (stable):

* :func:`check_source` - findings for one page's Markdown source;
* :func:`check_paths` - findings for files and directories of ``*.md``;
* :func:`classify` - the verdict on one contact a reader typed (the verifier's
  Python side): ``official | retired | scam | lookalike | unknown``.

Submodules are imported lazily so ``import helpcenter.guard`` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from helpcenter.guard.paths import check_paths
    from helpcenter.guard.scan import PageResult, check_source
    from helpcenter.guard.verdict import Verdict, classify

__all__ = ["Verdict", "classify", "check_paths", "check_source", "PageResult"]

_LAZY = {
    "Verdict": "helpcenter.guard.verdict",
    "classify": "helpcenter.guard.verdict",
    "check_paths": "helpcenter.guard.paths",
    "check_source": "helpcenter.guard.scan",
    "PageResult": "helpcenter.guard.scan",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'helpcenter.guard' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
