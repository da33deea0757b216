"""``helpcenter registry [FILE ...]``: validate registry files (default ``data/channels.yml``).

Runs the same loader the build uses (every problem with file, line and the
fix) and, when a JSON Schema sits next to the file (``channels.schema.json``)
or is given with ``--schema``, checks the file against it too, so a
pre-commit hook catches a broken registry before it reaches a pull request.

Exit 0 when every file is valid, 1 when one has problems, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from helpcenter.registry.load import DEFAULT_REGISTRY
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
        "--schema",
        metavar="SCHEMA",
        help="JSON Schema to check against (default: channels.schema.json beside each file)",
    )


def schema_problems(path: Path, schema_path: Path) -> list[str]:
    """``path:line: message`` for every place ``path`` breaks the JSON Schema."""
    import jsonschema
    import yaml

    from helpcenter.inputs.yamlload import parse_yaml_with_lines

    try:
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return [f"{schema_path}: cannot read the JSON Schema: {exc}"]
    try:
        data, lines = parse_yaml_with_lines(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return []  # the loader has already said what is wrong with the file
    # YAML dates are date objects; the schema (and channels.json) see ISO strings.
    plain = json.loads(json.dumps(data, default=str))
    validator_class = jsonschema.validators.validator_for(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    found = []
    for error in validator.iter_errors(plain):
        # The line of the innermost mapping or list on the error's path.
        node, line = data, lines.get(id(data), 0)
        for key in error.absolute_path:
            try:
                node = node[key]
            except (KeyError, IndexError, TypeError):
                break
            line = lines.get(id(node), line)
        where = "/".join(str(p) for p in error.absolute_path) or "(top level)"
        found.append((line, where, error.message))
    return [
        f"{path}:{line}: schema {schema_path.name}: at {where}: {message}"
        for line, where, message in sorted(found)
    ]


def run(args: argparse.Namespace) -> int:
    """Validate each file; print every problem; 0 clean, 1 problems."""
    from helpcenter.registry.load import load_registry
    from helpcenter.registry.problems import RegistryError

    files = [Path(f) for f in args.files] or [DEFAULT_REGISTRY]
    if args.schema and not Path(args.schema).is_file():
        print(f"helpcenter registry: schema '{args.schema}' not found", file=sys.stderr)
        return EXIT_USAGE
    lang = args.lang or default_lang()
    status = EXIT_CLEAN
    for path in files:
        problems: list[str] = []
        try:
            load_registry(path)
        except RegistryError as exc:
            problems += [p.format(lang) for p in exc.problems]
        schema = Path(args.schema) if args.schema else path.with_name("channels.schema.json")
        # The loader rejects everything the schema does (and more), with codes and
        # fixes; the schema speaks when the file passes the loader but not a
        # changed schema, so the two cannot drift apart unnoticed.
        if not problems and path.is_file() and schema.is_file():
            problems += schema_problems(path, schema)
        for line in problems:
            print(line)
        if problems:
            status = EXIT_PROBLEMS
    return status
