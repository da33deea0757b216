"""Loading the registry (``data/channels.yml``) into its typed model.

Everything the site shows about contacting BitP, and everything the guard
accepts as official, comes from the one :class:`~helpcenter.registry.model.Registry`
returned by :func:`load_registry`. The build and the CLI both call it.
"""

from __future__ import annotations

from pathlib import Path

from helpcenter.registry import validate
from helpcenter.registry.model import Registry

DEFAULT_REGISTRY = Path("data/channels.yml")
"""Where the registry lives, relative to the project root."""


def load_registry(path: str | Path = DEFAULT_REGISTRY) -> Registry:
    """Load and validate the registry at ``path``.

    Raises :class:`RegistryError` listing every problem found (never a bare
    YAML or type error), so one run shows a contributor everything to fix.
    """
    return validate.load(Path(path))


_CACHE: dict[Path, tuple[tuple[int, int], Registry]] = {}


def load_registry_cached(path: str | Path = DEFAULT_REGISTRY) -> Registry:
    """:func:`load_registry`, reusing the last result while the file is unchanged.

    The build asks for the registry once per language build and page; the
    file is parsed again only when its modification time or size changes.
    """
    resolved = Path(path).resolve()
    try:
        stat = resolved.stat()
    except OSError:
        return load_registry(path)
    stamp = (stat.st_mtime_ns, stat.st_size)
    cached = _CACHE.get(resolved)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    registry = load_registry(path)
    _CACHE[resolved] = (stamp, registry)
    return registry
