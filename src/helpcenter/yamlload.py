"""Safe YAML loading with libyaml, worded errors from the pure-Python parser.

PyYAML's libyaml binding parses about 20 times faster than its pure-Python
parser, and the build parses the registry, the search synonyms and every
page's front matter. The pure-Python parser is kept for text that libyaml
rejects: its messages (and marks) are the ones the project reports.
"""

from __future__ import annotations

from typing import Any

import yaml

FAST_SAFE_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader when PyYAML has it, else the pure-Python one."""


def safe_load(text: str) -> Any:
    """``yaml.safe_load(text)``, parsed with :data:`FAST_SAFE_LOADER`.

    Text it rejects is parsed again by ``yaml.safe_load``, so an error is
    raised as ``yaml.safe_load`` words it.
    """
    try:
        return yaml.load(text, Loader=FAST_SAFE_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError:
        return yaml.safe_load(text)
