"""Compile each Jinja template once per process, whichever environment asks.

A site generator may make a new Jinja environment for every build: MkDocs
does, static-i18n runs one build per language, and ``mkdocs serve`` builds
again after every edit. Each environment compiles every theme template anew,
about a tenth of a small site's build. :data:`SHARED` keeps the compiled code
in memory for every environment of the process.

Jinja's bytecode cache already checks each template's source (a changed
template is compiled again). The key here also holds what else shapes the
compiled code: the environment's syntax and whitespace settings, its
extensions, ``finalize`` and the template's autoescaping. Two environments
that differ in any of these never share code.
"""

from __future__ import annotations

from typing import Any

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket
from jinja2.environment import Environment

_SETTINGS = (
    "block_start_string",
    "block_end_string",
    "variable_start_string",
    "variable_end_string",
    "comment_start_string",
    "comment_end_string",
    "line_statement_prefix",
    "line_comment_prefix",
    "trim_blocks",
    "lstrip_blocks",
    "newline_sequence",
    "keep_trailing_newline",
    "optimized",
    "is_async",
)


def _name(value: Any) -> str:
    if value is None:
        return "-"
    return f"{getattr(value, '__module__', '?')}.{getattr(value, '__qualname__', repr(value))}"


def signature(environment: Environment, name: str | None) -> str:
    """What, besides the source, decides how ``environment`` compiles template ``name``."""
    autoescape = environment.autoescape
    escaping = autoescape(name) if callable(autoescape) else autoescape
    parts = [repr(getattr(environment, setting)) for setting in _SETTINGS]
    parts.append(",".join(sorted(environment.extensions)))
    parts.append(_name(environment.finalize))
    parts.append(repr(bool(escaping)))
    return "|".join(parts)


class SharedBytecodeCache(BytecodeCache):
    """Compiled templates in memory, for every environment of the process."""

    def __init__(self, limit: int = 1024) -> None:
        self.limit = limit
        self._store: dict[str, bytes] = {}

    def get_bucket(
        self, environment: Environment, name: str, filename: str | None, source: str
    ) -> Bucket:
        key = self.get_cache_key(name, filename) + "|" + signature(environment, name)
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        data = self._store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)  # left empty if the source changed

    def dump_bytecode(self, bucket: Bucket) -> None:
        if bucket.key not in self._store and len(self._store) >= self.limit:
            self._store.pop(next(iter(self._store)))  # the oldest
        self._store[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._store.clear()

    def __len__(self) -> int:
        return len(self._store)


SHARED = SharedBytecodeCache()
"""The process's cache (see the module's docstring)."""


def share(environment: Environment) -> Environment:
    """Give ``environment`` the shared cache, unless it has a bytecode cache of its own."""
    if environment.bytecode_cache is None:
        environment.bytecode_cache = SHARED
    return environment
