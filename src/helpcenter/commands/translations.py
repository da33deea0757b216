"""``helpcenter translations``: translation status, and recording reviewed translations.

Without options: print every translation that is missing, stale (its source
changed since it was translated), untracked or malformed, with the fix;
exit 1 if there is any, 0 when all are up to date. Broken front matter and
channel differences between a page and its translation are reported too.

``--stamp [FILE ...]``: after updating translations, record the current
revision of their source (``source_hash`` in the front matter) in the given
translation files, or in every translation that lacks it or records another.
Only that one front matter line changes.

The languages are those of the i18n plugin in ``mkdocs.yml`` (``--config-file``):
the default one is the source, every other one a translation.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from helpcenter.checks.i18n.check import TranslationChecker
from helpcenter.checks.i18n.revision import stamp, status_report
from helpcenter.report.messages import LANGS, default_lang
from helpcenter.site.languages import LanguagesError, from_mkdocs_yml


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files",
        nargs="*",
        type=Path,
        help="with --stamp: translation files to stamp (default: all)",
    )
    parser.add_argument(
        "--stamp", action="store_true", help="record the current source revision in translations"
    )
    parser.add_argument(
        "--docs", type=Path, default=Path("docs"), help="docs folder (default: docs)"
    )
    parser.add_argument(
        "--config-file",
        type=Path,
        default=Path("mkdocs.yml"),
        help="the site's configuration, which lists its languages (default: %(default)s)",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--lang", choices=LANGS, default=None, help="message language")


def _docs_relative(docs: Path, path: Path) -> str | None:
    try:
        return path.resolve().relative_to(docs.resolve()).as_posix()
    except ValueError:
        return None


def run(args: argparse.Namespace) -> int:
    docs: Path = args.docs
    if not docs.is_dir():
        print(f"helpcenter translations: no docs folder at '{docs}'", file=sys.stderr)
        return 2
    try:
        languages = from_mkdocs_yml(args.config_file)
    except LanguagesError as exc:
        print(f"helpcenter translations: {exc}", file=sys.stderr)
        return 2
    codes, source = languages.codes, languages.default
    lang = args.lang or default_lang()
    if args.files and not args.stamp:
        print("helpcenter translations: file names are only used with --stamp", file=sys.stderr)
        return 2
    if args.stamp:
        only = None
        if args.files:
            only = []
            for path in args.files:
                rel = _docs_relative(docs, path)
                if rel is None or languages.folder_of(rel) in (None, source) or not path.is_file():
                    print(
                        f"helpcenter translations: '{path}' is not a translation under "
                        f"{docs}/{{{','.join(languages.translations)}}}/",
                        file=sys.stderr,
                    )
                    return 2
                only.append(rel)
        changed = stamp(docs, codes, source, only)
        for state in changed:
            print(
                f"{(docs / state.translation).as_posix()}: source_hash {state.recorded or '(none)'}"
                f" -> {state.current}"
            )
        print(f"{len(changed)} translation(s) stamped", file=sys.stderr)
    checker = TranslationChecker(docs, codes, source, display_root=Path.cwd(), lang=lang)
    states = checker.states()
    findings = sorted(
        checker.front_matter()
        + checker.counterparts()
        + checker.channels()
        + checker.revisions(states)
    )
    if args.format == "json":
        payload = {**status_report(states), "findings": [f.as_dict() for f in findings]}
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    elif not args.stamp or findings:
        for finding in findings:
            print(finding)
        report = status_report(states)["counts"]
        summary = ", ".join(f"{n} {state}" for state, n in report.items() if n)
        print(f"translations: {summary or 'none'}", file=sys.stderr)
    return 1 if findings else 0
