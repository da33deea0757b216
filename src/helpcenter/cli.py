"""The ``helpcenter`` command line: one entry point, one module per subcommand.

Contract (as pre-commit hooks have it): ``main(argv) -> int``; exit 0 when
clean, 1 when there are findings, 2 for a usage or registry error.
Each subcommand lives in :mod:`helpcenter.commands` and provides
``add_arguments(parser)`` and ``run(args) -> int``.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

COMMANDS: dict[str, str] = {
    "check": "check the articles for contact details that are not in the registry",
    "build": "build the offline-ready site into site/ (atomically) and the dist/ bundle",
    "diff": "show what a change does to the channel list and to contact details in articles",
    "linkcheck": "check external links over the network (cached, rate limited)",
    "translations": (
        "show which translations are missing or older than their source; --stamp records them"
    ),
    "registry": "validate the registry file (data/channels.yml) and its JSON Schema",
    "serve": "serve the built site with nginx as production does (--print-config: the config)",
}
"""Subcommand name -> one-line help; the module is ``helpcenter.commands.<name>``."""


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser; with ``only``, just that subcommand's module is imported.

    Importing every command module costs more than a whole ``check`` of the
    docs, and the guard runs in pre-commit on every commit, so ``main``
    imports only the command it runs (all of them for ``--help``).
    """
    parser = argparse.ArgumentParser(
        prog="helpcenter", description="BitP help center: registry, contact guard and site tools."
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, help_text in COMMANDS.items():
        if only is not None and name != only:
            sub.add_parser(name, help=help_text, description=help_text)
            continue
        module = importlib.import_module(f"helpcenter.commands.{name}")
        command = sub.add_parser(name, help=help_text, description=help_text)
        module.add_arguments(command)
        command.set_defaults(_run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    chosen = next((a for a in argv if not a.startswith("-")), None)
    parser = build_parser(chosen if chosen in COMMANDS else None)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    try:
        return int(args._run(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_CLEAN


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
