"""The third-party files a seam was checked against, and whether they are still installed.

Each module of :mod:`helpcenter.theme` lists, as ``UPSTREAM``, the files of
the theme, a plugin or an npm package whose internals it relies on, with the
pinned version and the SHA-256 of the file it was read against.
``tests/test_theme.py`` compares them with what is installed: an upgrade
that changes any of these files fails the fast test suite with a message
that names the file, the seam and what to do, before a site is built with a
seam that may no longer fit.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path


@dataclass(frozen=True)
class Upstream:
    """One file of a third party that a seam depends on."""

    package: str
    """The distribution (PyPI name, as pinned in ``pyproject.toml``), or ``npm:<name>``
    for a package of ``package.json``."""
    version: str
    """The pinned version the seam was checked against."""
    path: str
    """The file, relative to the installed distribution (``material/...``) or to the npm
    package's folder."""
    sha256: str
    """The file's SHA-256 when the seam was checked."""

    def locate(self, project_root: Path) -> Path:
        """Where the file is installed (for ``npm:`` packages, under ``node_modules/``)."""
        if self.package.startswith("npm:"):
            return project_root / "node_modules" / self.package[4:] / self.path
        return Path(str(metadata.distribution(self.package).locate_file(self.path)))

    def installed_version(self, project_root: Path) -> str | None:
        """The installed version of :attr:`package` (``None`` when it is not installed)."""
        if self.package.startswith("npm:"):
            manifest = project_root / "node_modules" / self.package[4:] / "package.json"
            try:
                return str(json.loads(manifest.read_text(encoding="utf-8"))["version"])
            except (OSError, ValueError, KeyError):
                return None
        try:
            return metadata.version(self.package)
        except metadata.PackageNotFoundError:
            return None

    def installed_sha256(self, project_root: Path) -> str | None:
        """The SHA-256 of the installed file (``None`` when it is missing)."""
        try:
            return hashlib.sha256(self.locate(project_root).read_bytes()).hexdigest()
        except (OSError, metadata.PackageNotFoundError):
            return None
