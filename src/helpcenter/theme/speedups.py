"""Which of the build's speed-ups of the theme's and the plugins' own work are on.

Some hooks make work that is not ours cheaper: the sidebar's entries
rendered once per folder (:mod:`helpcenter.theme.navcache`). The site built
is the same with or without it. ``HC_SPEEDUPS`` turns them off, for the
benchmark and for a newcomer who suspects one of them:

- unset, empty or ``1``: all on;
- ``0``: all off (what our own checks and rendering cost, apart from what the
  speed-ups save);
- ``-navcache``: the named ones off, the others on.

A name that is not a speed-up is an error (:func:`check`), so that a typo
cannot pass for a measurement.
"""

from __future__ import annotations

import os

ENV = "HC_SPEEDUPS"
"""The environment variable (see the module's docstring)."""

NAMES = ("navcache",)
"""The speed-ups :data:`ENV` can turn off one by one."""


def _off(value: str) -> tuple[set[str], list[str]]:
    """The speed-ups ``value`` turns off, and the entries that name none."""
    value = value.strip()
    if value in ("", "1"):
        return set(), []
    if value == "0":
        return set(NAMES), []
    off: set[str] = set()
    bad: list[str] = []
    for part in (p.strip() for p in value.split(",")):
        name = part.removeprefix("-")
        if part.startswith("-") and name in NAMES:
            off.add(name)
        elif part:
            bad.append(part)
    return off, bad


def check() -> None:
    """Raise :class:`ValueError`, naming the entry, when :data:`ENV` holds one that is not
    ``0``, ``1`` or ``-<name>`` of a speed-up."""
    value = os.environ.get(ENV, "")
    _, bad = _off(value)
    if bad:
        raise ValueError(
            f"{ENV}={value!r}: {', '.join(repr(b) for b in bad)} is not a speed-up to turn "
            f"off; write 0, 1 or a comma-separated list of -NAME, NAME one of "
            f"{', '.join(NAMES)}"
        )


def enabled(name: str | None = None) -> bool:
    """Whether speed-up ``name`` is on (without a name: whether any is on)."""
    off, _ = _off(os.environ.get(ENV, ""))
    if name is None:
        return len(off) < len(NAMES)
    if name not in NAMES:
        raise KeyError(f"no speed-up named {name!r} (known: {', '.join(NAMES)})")
    return name not in off
