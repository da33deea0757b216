"""``helpcenter build``: build the site into site/ (placeholder until the atomic build lands)."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-f", "--config-file", default="mkdocs.yml")


def run(args: argparse.Namespace) -> int:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", args.config_file]
    return subprocess.call(cmd, env=env)
