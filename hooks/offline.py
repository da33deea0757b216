"""The site works from file:// with no network: local worker shim, no CDN.

Thin adapter; the logic is in helpcenter.offline.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from helpcenter.offline import (
    OfflineError,
    copy_worker_shim,
    external_references,
    polyfills_without_cdn,
)


# After the theme's offline plugin, if enabled, added its CDN shim.
@event_priority(-100)
def on_config(config, **kwargs):
    config.extra["polyfills"] = polyfills_without_cdn(list(config.extra.get("polyfills") or []))
    config.use_directory_urls = False  # links must name files on file://
    return config


@event_priority(-200)
def on_post_build(config, **kwargs):
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # a language build inside the i18n plugin: check the whole site at the end
    site = Path(config.site_dir)
    try:
        copy_worker_shim(Path(config.config_file_path).parent, site)
    except OfflineError as exc:
        raise PluginError(str(exc)) from exc
    refs = external_references(site)
    if refs:
        shown = "\n  ".join(str(r) for r in refs[:20])
        raise PluginError(f"pages would load resources from the network:\n  {shown}")
