"""The whole comparison: the registry and every article changed since a ref."""

from __future__ import annotations

import tempfile
from pathlib import Path, PurePosixPath

from helpcenter.registry.load import load_registry
from helpcenter.registry.model import Registry
from helpcenter.registry.problems import RegistryError
from helpcenter.review.articles import diff_article, guard_contact_finder, no_contacts
from helpcenter.review.git import changed_paths, read_new, read_old, repo_root, resolve_base
from helpcenter.review.model import ChangeReport, ContactFinder
from helpcenter.review.registry_diff import diff_registry


def compare(
    base_ref: str,
    *,
    cwd: Path | None = None,
    registry: str = "data/channels.yml",
    docs: str = "docs",
    head_only: bool = False,
    find_contacts: ContactFinder | None = None,
) -> ChangeReport:
    """Compare the merge base of ``base_ref`` and ``HEAD`` with the working tree (or ``HEAD``).

    ``registry`` and ``docs`` are relative to the repository root.
    ``find_contacts`` defaults to the contact guard's extraction against the
    new version of the registry. Raises :class:`GitError` for a bad ref or
    when ``cwd`` is not in a git repository.
    """
    root = repo_root(cwd or Path.cwd())
    base = resolve_base(root, base_ref)
    registry = PurePosixPath(registry).as_posix()
    docs = PurePosixPath(docs).as_posix().rstrip("/")
    report = ChangeReport(
        base_ref=base_ref,
        base_commit=base,
        new_side="HEAD" if head_only else "working tree",
        registry_path=registry,
    )
    pairs = changed_paths(root, base, head_only, [registry, docs])
    registry_pairs = [p for p in pairs if registry in p]
    if registry_pairs:
        old_path, new_path = registry_pairs[0]
        old_text = read_old(root, base, old_path) if old_path else None
        new_text = read_new(root, new_path, head_only) if new_path else None
        report.channels, report.lists, report.problems = diff_registry(old_text, new_text, registry)
    articles = [
        (old, new)
        for old, new in pairs
        if registry not in (old, new) and (old or new or "").endswith(".md")
    ]
    if articles and find_contacts is None:
        judge_with = _registry_for_judging(root, base, registry, head_only, report.problems)
        find_contacts = guard_contact_finder(judge_with) if judge_with else no_contacts
    for old_path, new_path in sorted(articles, key=lambda p: p[1] or p[0] or ""):
        old_text = read_old(root, base, old_path) if old_path else None
        new_text = read_new(root, new_path, head_only) if new_path else None
        assert find_contacts is not None
        contacts, refs = diff_article(new_path or old_path or "", old_text, new_text, find_contacts)
        report.contacts += contacts
        report.references += refs
    return report


def _registry_for_judging(
    root: Path, base: str, registry: str, head_only: bool, problems: list[str]
) -> Registry | None:
    """The new registry if it is valid, else the base one (saying so), else ``None``."""
    candidates = (
        ("after", read_new(root, registry, head_only)),
        ("before", read_old(root, base, registry)),
    )
    with tempfile.TemporaryDirectory(prefix="hc-diff-") as tmp:
        for side, text in candidates:
            if text is None:
                continue
            path = Path(tmp) / f"{side}-{PurePosixPath(registry).name}"
            path.write_text(text, encoding="utf-8")
            try:
                loaded = load_registry(path)
            except RegistryError:
                problems.append(
                    f"{registry} ({side}): not a valid registry; "
                    "run `python -m helpcenter registry` to see why"
                )
                continue
            return loaded
    return None
