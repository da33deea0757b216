"""The contact guard: every contact detail in an article must be an official one.

The data flows through the modules in this order:

* :mod:`~helpcenter.guard.extract` - the text a reader sees, from Markdown or HTML;
* :mod:`~helpcenter.guard.detectors` - what looks like a contact (one module per kind);
* :mod:`~helpcenter.guard.decide` - each candidate judged against the registry;
* :mod:`~helpcenter.guard.suppress` - inline ``hc-allow`` with a reason;
* :mod:`~helpcenter.guard.scan` - :func:`~helpcenter.guard.scan.check_source`, one
  page's findings; :mod:`~helpcenter.guard.paths` - files and folders;
  :mod:`~helpcenter.guard.site` - a whole ``docs_dir`` as the build runs it;
* :mod:`~helpcenter.guard.verdict` - :func:`~helpcenter.guard.verdict.classify`,
  the verdict on one contact a reader typed (the verifier's Python side).

The public API is here: :func:`check_source` (one page's findings),
:func:`check_paths` (files and folders) and :func:`classify` (one contact).
"""

from helpcenter.guard.paths import check_paths
from helpcenter.guard.scan import PageResult, check_source
from helpcenter.guard.verdict import Verdict, classify

__all__ = ["PageResult", "Verdict", "check_paths", "check_source", "classify"]
