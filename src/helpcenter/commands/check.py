"""``helpcenter check [PATH ...]``: the contact guard and the content policy on the command line.

Exit 0 when clean, 1 when there are findings, 2 for a usage or registry
error. A registry that cannot be used is reported on stderr like any finding
(``path:line:col: CODE message``, or in the ``--format`` asked for), never as
a traceback, and nothing else is checked.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from helpcenter.cli import EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE
from helpcenter.report.messages import LANGS

FALLBACK_REGION = "CN"
"""The phone region when neither ``--lang-region`` nor ``mkdocs.yml`` gives one."""


def _jobs(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a number of processes, 1 or more: {text!r}")
    return int(text)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``check``."""
    add = parser.add_argument
    add("paths", nargs="*", metavar="PATH", help="Markdown files or directories (default: docs/)")
    add(
        "--registry",
        default="data/channels.yml",
        metavar="FILE",
        help="registry of verified channels (default: data/channels.yml)",
    )
    add("--format", choices=("text", "json", "github"), default="text", help="output format")
    add(
        "--lang",
        choices=LANGS,
        default=None,
        help="language of the messages (default: from HELPCENTER_LANG/LANG)",
    )
    add(
        "--lang-region",
        default=None,
        metavar="LANG|REGION",
        help="phone region for pages outside the language folders: a language "
        "(zh -> CN, en -> US) or a region code such as GB (default: the region of "
        "the site's default language in mkdocs.yml)",
    )
    add(
        "-j",
        "--jobs",
        type=_jobs,
        default=None,
        metavar="N",
        help="processes for a large input (default: one per processor; 1: one process)",
    )
    add(
        "--list-suppressions",
        action="store_true",
        help="print every inline suppression (path:line, codes, reason) and exit",
    )


def _site_region() -> str:
    """The phone region of the default language in ``mkdocs.yml`` (see ``--lang-region``)."""
    from helpcenter.contacts.normalize import DEFAULT_REGION
    from helpcenter.site.languages import LanguagesError, from_mkdocs_yml

    try:
        return DEFAULT_REGION.get(from_mkdocs_yml("mkdocs.yml").default, FALLBACK_REGION)
    except LanguagesError:
        return FALLBACK_REGION


def run(args: argparse.Namespace) -> int:
    """Check the paths; print findings; return the exit code."""
    from helpcenter.registry.load import load_registry
    from helpcenter.registry.problems import RegistryError
    from helpcenter.report.messages import default_lang

    lang = args.lang or default_lang()
    if args.lang_region is None:
        region = _site_region()
    else:
        from helpcenter.contacts.normalize import DEFAULT_REGION

        region = DEFAULT_REGION.get(args.lang_region.lower(), args.lang_region.upper())
    if len(region) != 2 or not region.isalpha():
        print(f"helpcenter check: --lang-region {args.lang_region!r}: use zh, en or a "
              "two-letter region code such as GB", file=sys.stderr)  # fmt: skip
        return EXIT_USAGE
    paths = args.paths or ["docs"]
    # A dangling symlink or a loop is named by the reading, with what is wrong.
    missing = [p for p in paths if not os.path.lexists(p)]
    if missing:
        for p in missing:
            print(f"helpcenter check: {p}: no such file or directory", file=sys.stderr)
        return EXIT_USAGE
    if not os.path.lexists(args.registry):
        print(f"helpcenter check: registry {args.registry}: no such file "
              "(use --registry FILE)", file=sys.stderr)  # fmt: skip
        return EXIT_USAGE
    from helpcenter.report.formats import render

    try:
        registry = load_registry(args.registry)
    except RegistryError as exc:
        sys.stderr.write(render(exc.findings(lang), args.format))
        return EXIT_USAGE

    from helpcenter.guard.paths import check_paths

    try:
        result = check_paths(paths, registry, lang=lang, default_region=region, jobs=args.jobs)
    except OSError as exc:  # helpcenter.inputs.files.InputError(s): one line per file
        for line in str(exc).splitlines():
            print(f"helpcenter check: {line}", file=sys.stderr)
        return EXIT_USAGE
    if args.list_suppressions:
        if args.format == "json":
            data = {"suppressions": [s.as_dict() for s in sorted(result.suppressions)]}
            sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        else:
            sys.stdout.write("".join(f"{s}\n" for s in sorted(result.suppressions)))
        return EXIT_CLEAN
    from helpcenter.checks.markdown import check_files

    policy = check_files(paths, lang=lang, config_file=Path("mkdocs.yml"))
    findings = sorted(set(result.findings) | set(policy))
    out = render(findings, args.format)
    if out:
        sys.stdout.write(out)
    return EXIT_FINDINGS if findings else EXIT_CLEAN
