"""The build's last step: ``_headers`` and the precompressed copies of every text file.

Thin adapter over :mod:`helpcenter.site.serving`; runs after every other
hook has written its files (channels.json, the feeds, the search indexes).
``HC_PRECOMPRESS=0`` leaves the compressed copies out (``make serve`` does,
since a preview server never sends them).
"""

from __future__ import annotations

import logging
import os

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from helpcenter.build.context import current
from helpcenter.site.serving import (
    HEADERS_FILE,
    ServingError,
    headers_file,
    precompress,
    root_path,
)

log = logging.getLogger("mkdocs.plugins.helpcenter.serving")


@event_priority(-1000)  # last: every file of the site is written
def on_post_build(config, **kwargs):
    if not current().main_pass:
        return  # another language's pass: the site is not complete
    site_dir = config.site_dir
    try:
        text = headers_file(site_dir, root_path(config.site_url or None))
    except ServingError as exc:
        raise PluginError(f"Cannot write {HEADERS_FILE}: {exc}") from None
    with open(os.path.join(site_dir, HEADERS_FILE), "w", encoding="utf-8") as fh:
        fh.write(text)
    if os.environ.get("HC_PRECOMPRESS", "1") != "0":
        done = precompress(site_dir)
        log.info(
            "Precompressed %d files: %d bytes, gzip %d, brotli %d",
            done.files, done.original, done.gzip, done.brotli,
        )  # fmt: skip
