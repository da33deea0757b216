"""The site's Content-Security-Policy: one policy, the same on every page.

Every page carries it as ``<meta http-equiv="Content-Security-Policy">``,
first in ``<head>``; a server that publishes the site sends the same string
as a header (adding ``frame-ancestors 'none'``, which a ``<meta>`` cannot
carry). The build works in two steps, because the policy names the hash of
every inline script of the theme on any page:

1. each page gets :data:`META_PLACEHOLDER` (:func:`insert_placeholder`) and
   the hashes of its theme's inline scripts are collected
   (:func:`script_hash`);
2. when every page is written, :func:`finalize` puts :func:`policy` of the
   union of the hashes in every page.

:func:`site_policy` reads the policy of a built site back.

The directives:

* ``default-src 'none'``: what is not named below is refused;
* ``script-src 'self'`` plus the hashes: the site's script files, the
  theme's own inline scripts and the iframe-worker shim's (search from
  ``file://`` when a ``blob:`` worker fails,
  :func:`helpcenter.theme.search_start.shim_script_hashes`),
  never ``'unsafe-inline'`` or ``'unsafe-eval'``;
* ``style-src 'self'``: the site's style sheets only. Pages carry no
  ``<style>`` element and no ``style`` attribute (the content policy refuses
  both in articles); the theme's scripts set styles through the CSSOM, which
  a policy does not restrict;
* ``img-src 'self' data:``: the theme's icons are ``data:`` SVG images in its
  style sheet (as images an SVG runs no script);
* ``font-src``, ``connect-src``, ``manifest-src``: ``'self'``;
* ``worker-src 'self' blob:``: over http the search worker is a file of the
  site; from ``file://`` a browser refuses a Worker from a file, and
  ``assets/javascripts/hc-search-start.js`` starts it from a ``blob:``
  address holding the worker's text;
* ``frame-src 'self'``, ``object-src 'none'``, ``base-uri 'none'``,
  ``form-action 'none'``.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable
from pathlib import Path

from helpcenter.checks.content_policy import parse, walk

PLACEHOLDER = "hc-csp-pending"
META_PLACEHOLDER = f'<meta http-equiv="Content-Security-Policy" content="{PLACEHOLDER}">'

HEADER_ONLY = "frame-ancestors 'none'"
"""What the HTTP header adds to :func:`policy` (``<meta>`` cannot carry it)."""


def script_hash(text: str) -> str:
    """The CSP source expression allowing an inline script whose text is ``text``."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def policy(hashes: Iterable[str] = ()) -> str:
    """The policy allowing the inline scripts of ``hashes`` (``'sha256-...'`` expressions)."""
    scripts = " ".join(["'self'", *sorted(set(hashes))])
    return "; ".join(
        (
            "default-src 'none'",
            f"script-src {scripts}",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "manifest-src 'self'",
            "worker-src 'self' blob:",
            "frame-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
        )
    )


def header(site_policy_text: str) -> str:
    """The value of the ``Content-Security-Policy`` header for a site whose pages carry
    ``site_policy_text``."""
    return f"{site_policy_text}; {HEADER_ONLY}"


def insert_placeholder(html: str) -> str:
    """``html`` with :data:`META_PLACEHOLDER` first in its ``<head>`` (unchanged without one)."""
    if PLACEHOLDER in html:
        return html
    at = html.find("<head>")
    if at < 0:
        return html
    at += len("<head>")
    return html[:at] + META_PLACEHOLDER + html[at:]


def finalize(site_dir: str | Path, site_policy_text: str) -> int:
    """Put ``site_policy_text`` in every page of ``site_dir`` that waits for it; how many."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{site_policy_text}">'
    count = 0
    for path in sorted(Path(site_dir).rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        if META_PLACEHOLDER in text:
            path.write_text(text.replace(META_PLACEHOLDER, meta, 1), encoding="utf-8")
            count += 1
    return count


def site_policy(site_dir: str | Path) -> str | None:
    """The policy the pages of a built site carry (from its home page), or ``None``."""

    home = Path(site_dir) / "index.html"
    try:
        text = home.read_text(encoding="utf-8")
    except OSError:
        return None
    for node in walk(parse(text)):
        attrs = (node.attrs or {}) if node.name == "meta" else {}
        if (attrs.get("http-equiv") or "").lower() == "content-security-policy":
            return attrs.get("content")
    return None
