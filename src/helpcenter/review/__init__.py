"""What a change does to contact details: the reviewer's view of a pull request.

:func:`compare` takes a git ref and reports, as plain data
(:class:`ChangeReport`), what the change since that ref does to

* the registry (``data/channels.yml``): channels added, removed, retired,
  reactivated, and channels whose value, type or label changed; official
  domains, allowed domains and known scams added or removed
  (:mod:`.registry_diff`);
* every article under ``docs/``: contact details (official or not, as the
  contact guard finds them) and channel references
  (``<!-- hc:channel ID -->`` markers) added or removed (:mod:`.articles`).

What "the change" means: from the merge base of the ref and ``HEAD`` (what
GitHub shows as a pull request's diff, so commits that landed on the base
branch meanwhile are not reported as reverted) to the working tree, including
files not yet committed (untracked ones too, unless git ignores them); see
:mod:`.git`. With ``head_only`` the new side is ``HEAD`` instead of the
working tree.

:func:`render_markdown` (:mod:`.summary`) writes the report in Chinese and
English, ready for ``$GITHUB_STEP_SUMMARY``. Nothing here imports MkDocs.
"""

from helpcenter.review.compare import compare
from helpcenter.review.model import (
    ChangeReport,
    ChannelChange,
    Contact,
    ContactChange,
    GitError,
    ListChange,
    ReferenceChange,
)
from helpcenter.review.summary import code, render_markdown

__all__ = [
    "ChangeReport",
    "ChannelChange",
    "Contact",
    "ContactChange",
    "GitError",
    "ListChange",
    "ReferenceChange",
    "code",
    "compare",
    "render_markdown",
]
