"""``helpcenter registry [FILE ...]``: validate registry files (default ``data/channels.yml``).

Runs the same loader the build uses (every problem with file, line, column,
code and the fix) and, when a JSON Schema sits next to the file
(``channels.schema.json``) or is given with ``--schema``, checks the file
against it too, so a pre-commit hook catches a broken registry before it
reaches a pull request. Findings print as ``path:line:col: CODE message``,
or as ``--format json`` or ``github``, like ``helpcenter check``.

Exit 0 when every file is valid, 1 when one has problems, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from helpcenter.registry.load import DEFAULT_REGISTRY
from helpcenter.report.finding import Finding
from helpcenter.report.formats import FORMATS
from helpcenter.report.messages import LANGS, default_lang

EXIT_CLEAN = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``helpcenter registry``."""
    parser.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help=f"registry files to validate (default: {DEFAULT_REGISTRY})",
    )
    parser.add_argument(
        "--lang",
        choices=LANGS,
        help="language of the messages (default: from HELPCENTER_LANG or LANG)",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text (path:line:col: CODE message), json, or github (annotations)",
    )
    parser.add_argument(
        "--schema",
        metavar="SCHEMA",
        help="JSON Schema to check against (default: channels.schema.json beside each file)",
    )


def schema_findings(path: Path, schema_path: Path, lang: str = "en") -> list[Finding]:
    """An HC042 finding, in the schema's words, for every place ``path`` breaks the schema."""
    import jsonschema
    import yaml

    from helpcenter.inputs.yamlload import parse_yaml_positions
    from helpcenter.registry import shape
    from helpcenter.registry.problems import RegistryError, finding

    try:
        schema = shape.read_schema(schema_path)
        validator_class = jsonschema.validators.validator_for(schema)
        validator_class.check_schema(schema)
    except RegistryError as exc:
        return exc.findings(lang)
    except jsonschema.SchemaError as exc:
        found = finding(schema_path, (1, 1), "HC043", reason=exc.message)
        return [found.in_lang(lang)]
    try:
        data, pos = parse_yaml_positions(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return []  # the loader has already said what is wrong with the file
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    found = []
    for error in validator.iter_errors(shape.as_json(data)):
        where = tuple(error.absolute_path)
        params = {"where": shape.key_name(where) or "the registry", "problem": error.message,
                  "schema": schema_path.name}  # fmt: skip
        cid = shape.channel_id(data, where)
        if cid:
            params["about"] = ("registry.channel", cid)
        found.append(finding(path, shape.place_of(data, pos, where), "HC042", **params))
    return [f.in_lang(lang) for f in sorted(found)]


def run(args: argparse.Namespace) -> int:
    """Validate each file; print every finding; 0 clean, 1 problems."""
    from helpcenter.registry.load import load_registry
    from helpcenter.registry.problems import RegistryError
    from helpcenter.report.formats import render

    files = [Path(f) for f in args.files] or [DEFAULT_REGISTRY]
    if args.schema and not Path(args.schema).is_file():
        print(f"helpcenter registry: schema '{args.schema}' not found", file=sys.stderr)
        return EXIT_USAGE
    lang = args.lang or default_lang()
    findings: list[Finding] = []
    for path in files:
        try:
            load_registry(path)
        except RegistryError as exc:
            findings += exc.findings(lang)
            continue
        schema = Path(args.schema) if args.schema else path.with_name("channels.schema.json")
        # The loader runs the project's schema; a schema beside the file may be
        # another one (a changed copy, a project of its own): it speaks when the
        # file passes the loader, so the two cannot drift apart unnoticed.
        if path.is_file() and schema.is_file():
            findings += schema_findings(path, schema, lang)
    out = render(findings, args.format)
    if out:
        sys.stdout.write(out)
    return EXIT_PROBLEMS if findings else EXIT_CLEAN
