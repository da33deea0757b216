"""How the project starts Debian's Chromium headless (browser tests and benchmarks).

One list, so a benchmark measures the same browser the tests check.
"""

from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
"""Debian's package ``chromium`` (installed by ``make test`` / ``.ci/run``)."""

CHROMIUM_ARGS = (
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    # Without these, Chromium contacts its own services at start-up; the
    # network is closed here and every request must come from site/.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
)
"""Command-line switches for every headless launch."""
