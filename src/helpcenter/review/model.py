"""The reviewer's report as plain data."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


class GitError(Exception):
    """git could not answer: not a repository, or a ref that does not exist."""


@dataclass(frozen=True, order=True)
class ChannelChange:
    """One change to one channel of the registry."""

    channel_id: str
    """The channel's ``id``."""
    kind: str
    """``added``, ``removed``, ``retired``, ``reactivated``, ``value``, ``type`` or ``label``."""
    old: str = ""
    """The value before (for ``label``: the label in :attr:`lang`)."""
    new: str = ""
    """The value after."""
    lang: str = ""
    """For ``label``: which language's label changed."""
    replaced_by: str = ""
    """For ``retired``: the channel to use instead, when the registry names one."""


@dataclass(frozen=True, order=True)
class ListChange:
    """An entry added to or removed from one of the registry's lists."""

    section: str
    """``official_domains``, ``allowed_domains`` or ``known_scams``."""
    change: str
    """``added`` or ``removed``."""
    value: str
    """The entry (for a known scam: its value, with its type in :attr:`type`)."""
    type: str = ""
    """For a known scam: its channel type."""


@dataclass(frozen=True, order=True)
class Contact:
    """One contact detail found in one version of an article."""

    line: int
    """1-based line in that version."""
    column: int
    """1-based column."""
    kind: str
    """What it is: ``email``, ``phone``, ``url``, ``social``, ``wallet``, ..."""
    value: str
    """As written in the article."""
    key: str
    """Canonical form; two spellings of one contact share it."""
    verdict: str
    """``official`` or what the guard says it is (``unknown``, ``scam``, ``lookalike``, ...)."""


@dataclass(frozen=True, order=True)
class ContactChange:
    """A contact detail that appears in or disappears from an article."""

    path: str
    """The article (POSIX path from the repository root)."""
    change: str
    """``added`` or ``removed``."""
    contact: Contact
    """The contact; its line is in the new version when added, the old one when removed."""


@dataclass(frozen=True, order=True)
class ReferenceChange:
    """A channel marker that appears in or disappears from an article."""

    path: str
    """The article."""
    change: str
    """``added`` or ``removed``."""
    line: int
    """1-based line (new version when added, old version when removed)."""
    marker: str
    """``channel``, ``channel-label`` or ``channels``."""
    target: str
    """The channel id (or channel type for ``channels``)."""


@dataclass
class ChangeReport:
    """Everything :func:`compare` found, in a stable order."""

    base_ref: str
    """The ref as the user gave it."""
    base_commit: str
    """The commit compared against (the merge base), full hash."""
    new_side: str
    """``working tree`` or ``HEAD``."""
    registry_path: str
    """The registry file compared."""
    channels: list[ChannelChange] = field(default_factory=list)
    lists: list[ListChange] = field(default_factory=list)
    contacts: list[ContactChange] = field(default_factory=list)
    references: list[ReferenceChange] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    """Files that could not be read (e.g. a registry that is not valid YAML)."""

    @property
    def empty(self) -> bool:
        """Whether the change touches no channel and no contact detail."""
        return not (self.channels or self.lists or self.contacts or self.references)


ContactFinder = Callable[[str, str], list[Contact]]
"""``(text, path) -> contacts``: every contact detail in one version of an article."""
