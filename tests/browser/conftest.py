"""Shared fixtures for the browser tests.

Every test in ``tests/browser/`` drives Debian's Chromium (``/usr/bin/chromium``)
headless through Playwright against the real site, built once per test session
and opened from ``file://``. Every http(s)/ws request is aborted and recorded,
so a test can assert that nothing left the machine.

Fixtures:

- ``built_site`` (session): ``Path`` of a fresh ``mkdocs build --strict``
  without ``site_url`` (``HC_SITE_URL=""``), as the offline copy is opened.
- ``site_url`` (session): ``site_url("en/faq.html")`` -> ``file://`` URL.
- ``browser`` (session): one Chromium for the whole session.
- ``blocked_requests`` (function): list of network URLs the page tried to load.
- ``context`` / ``page`` (function): a fresh context with the network blocked.
- ``screenshot`` (function): ``screenshot(page, "zh-home")`` saves
  ``tests/browser/artifacts/zh-home.png`` and returns its path.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from helpcenter.site.chromium import CHROMIUM, CHROMIUM_ARGS

PROJECT_ROOT = Path(__file__).resolve().parents[2]
BROWSER_DIR = Path(__file__).resolve().parent
ARTIFACTS = BROWSER_DIR / "artifacts"
INSTALL_HINT = (
    "Browser tests need Debian's Chromium and CJK fonts. Run `make browser-deps` "
    "as root, or: sudo apt-get install -y chromium fonts-noto-cjk"
)
NETWORK_SCHEMES = ("http:", "https:", "ws:", "wss:", "ftp:")


_LOADED_AT = time.time()  # reports older than this run are not shown


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    """Print the search-quality figures the search tests wrote in this session."""
    lines = []
    for path in sorted(ARTIFACTS.glob("search-quality-*.json")):
        if path.stat().st_mtime < _LOADED_AT:
            continue
        r = json.loads(path.read_text(encoding="utf-8"))
        lines.append(
            f"{r['lang']}: {r['top3']}/{r['queries']} queries answered in the top 3 "
            f"({r['share']:.0%}); search index {r['index_bytes']:,} bytes"
        )
    if lines:
        terminalreporter.section("search quality")
        for line in lines:
            terminalreporter.write_line(line)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test collected under tests/browser/ as ``browser``."""
    for item in items:
        if BROWSER_DIR in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Python's file server without a log line per request."""

    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def serve_directory(
    directory: Path, handler: type[http.server.SimpleHTTPRequestHandler] = QuietHandler
) -> Iterator[str]:
    """``directory`` over http on a free loopback port: its address, ending in ``/``."""
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(directory))
    )
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


def build_site(dest: Path) -> Path:
    """Build the real site with ``mkdocs build --strict`` into ``dest``; return it."""
    # A site opened from files, as the offline copy is: no site_url, so no
    # absolute hreflang alternates (the theme fetches a sitemap beside each).
    # tests/browser/test_served.py serves builds with their site_url.
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH="", HC_SITE_URL="")
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(dest)],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        pytest.fail(
            f"mkdocs build --strict failed (exit {proc.returncode}):\n"
            f"{proc.stdout[-4000:]}\n{proc.stderr[-8000:]}",
            pytrace=False,
        )
    return dest


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per session into a temporary directory."""
    return build_site(tmp_path_factory.mktemp("browser-build") / "site")


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Callable[[str], str]:
    """Turn a site-relative path (``"en/faq.html"``) into a ``file://`` URL."""

    def url(rel: str = "index.html") -> str:
        rel = rel.lstrip("/")
        path, sep, frag = rel.partition("#")
        target = built_site / (path or "index.html")
        if not target.exists():
            pytest.fail(f"page {path!r} is not in the built site", pytrace=False)
        return target.as_uri() + (sep + frag if sep else "")

    return url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """One headless Chromium per session (never silently skipped)."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing. {INSTALL_HINT}", pytrace=False)
    from playwright.sync_api import sync_playwright

    pw = sync_playwright().start()
    try:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=list(CHROMIUM_ARGS)
        )
    except Exception as exc:  # noqa: BLE001 - turn any launch error into a clear failure
        pw.stop()
        pytest.fail(f"could not start {CHROMIUM}: {exc}\n{INSTALL_HINT}", pytrace=False)
    try:
        yield browser
    finally:
        browser.close()
        pw.stop()


@pytest.fixture
def blocked_requests() -> list[str]:
    """URLs of every network request the page attempted (all aborted)."""
    return []


def blocked_context(browser, blocked: list[str], width: int = 1280, height: int = 900):
    """A new browser context in which every network request is aborted and recorded."""
    ctx = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN")

    def handle(route) -> None:
        url = route.request.url
        if url.lower().startswith(NETWORK_SCHEMES):
            blocked.append(url)
            route.abort("blockedbyclient")
        else:
            route.continue_()

    ctx.route("**/*", handle)
    # WebSockets are not routed by ctx.route; record any attempt.
    ctx.on("websocket", lambda ws: blocked.append(ws.url))
    return ctx


@pytest.fixture
def context(browser, blocked_requests: list[str]) -> Iterator[object]:
    """A fresh browser context in which every network request is aborted and recorded."""
    ctx = blocked_context(browser, blocked_requests)
    try:
        yield ctx
    finally:
        ctx.close()


@pytest.fixture
def page(context) -> object:
    """A page in the network-blocked context; console errors are kept in ``page.hc_errors``."""
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.hc_errors = errors  # type: ignore[attr-defined]
    return pg


@pytest.fixture
def screenshot() -> Callable[..., Path]:
    """Save a full-page screenshot under tests/browser/artifacts/ and return its path."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    def shoot(page, name: str, full_page: bool = True) -> Path:
        safe = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-") or "shot"
        path = ARTIFACTS / f"{safe}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path

    return shoot
