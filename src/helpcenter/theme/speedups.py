"""Whether the build's speed-ups of the theme's and the plugins' own work are on.

Some hooks make work that is not ours cheaper: the theme's templates compiled
once per process (:mod:`helpcenter.theme.templatecache`), the sidebar's entries
rendered once per folder (:mod:`helpcenter.theme.navcache`), the i18n plugin's
duplicate search entries removed in linear time
(:mod:`helpcenter.theme.searchdedup`). The site built is the same with or without
them. ``HC_SPEEDUPS=0`` turns them all off: what the benchmark times to show
what our own checks and rendering cost, apart from what the speed-ups save.
"""

from __future__ import annotations

import os

ENV = "HC_SPEEDUPS"
"""The environment variable; ``0`` turns the speed-ups off."""


def enabled() -> bool:
    """False when :data:`ENV` is ``0``."""
    return os.environ.get(ENV, "1").strip() != "0"
