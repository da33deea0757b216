"""``helpcenter diff BASE_REF``: what a change does to channels and contact details.

Prints, in Chinese and English, the channels added, removed, retired or
changed in the registry and every contact detail and channel reference added
to or removed from articles, from the merge base of ``BASE_REF`` and ``HEAD``
to the working tree (``--head``: to ``HEAD``). The output is Markdown; CI
appends it to ``$GITHUB_STEP_SUMMARY`` so reviewers see it on the pull request.

Exit 0 whatever the change (the guard decides pass or fail), 2 when
``BASE_REF`` is not a git ref or the directory is not in a git repository.
"""

from __future__ import annotations

import argparse
import sys

EXIT_OK = 0
EXIT_USAGE = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``helpcenter diff``."""
    parser.add_argument(
        "base_ref",
        metavar="BASE_REF",
        help="git ref to compare with, e.g. origin/main (its merge base with HEAD is used)",
    )
    parser.add_argument(
        "--head",
        action="store_true",
        help="compare with HEAD instead of the working tree (ignore uncommitted edits)",
    )
    parser.add_argument(
        "--registry",
        default="data/channels.yml",
        help="registry file, relative to the repository root (default: data/channels.yml)",
    )
    parser.add_argument(
        "--docs",
        default="docs",
        help="articles directory, relative to the repository root (default: docs)",
    )


def run(args: argparse.Namespace) -> int:
    """Print the report; 0, or 2 for a bad ref or outside a git repository."""
    from helpcenter import review  # here, not at import: every command's parser is built

    try:
        report = review.compare(
            args.base_ref, registry=args.registry, docs=args.docs, head_only=args.head
        )
    except review.GitError as exc:
        print(f"helpcenter diff: {exc}", file=sys.stderr)
        return EXIT_USAGE
    sys.stdout.write(review.render_markdown(report))
    return EXIT_OK
