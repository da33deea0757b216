"""nginx serving a built site with the project's production config, on a free loopback port.

Used by tests/test_serving.py and the browser suite. nginx comes from
``make nginx-deps`` (deploy/debian-packages.sh), which ``make test`` runs
as it installs Chromium: a missing nginx fails the tests, never skips them.
"""

from __future__ import annotations

import http.client
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from helpcenter.site import serving

INSTALL_HINT = (
    "The server tests need Debian's nginx and its brotli module. Run `make nginx-deps` "
    "as root, or: sudo apt-get install -y nginx libnginx-mod-http-brotli-static"
)


@dataclass(frozen=True)
class Served:
    """A running nginx."""

    host: str
    port: int
    prefix: str
    site_dir: Path

    def url(self, path: str = "") -> str:
        """``http://127.0.0.1:PORT/PREFIX/path``."""
        return f"http://{self.host}:{self.port}{self.prefix}{path.lstrip('/')}"

    def get(
        self, path: str, headers: dict[str, str] | None = None, method: str = "GET"
    ) -> tuple[int, dict[str, str], bytes]:
        """``(status, headers with lower-case names, body)`` of a request; ``path`` is
        relative to the prefix unless it starts with ``/``."""
        target = path if path.startswith("/") else self.prefix + path
        conn = http.client.HTTPConnection(self.host, self.port, timeout=10)
        try:
            conn.request(method, target, headers=headers or {})
            resp = conn.getresponse()
            body = resp.read()
            return resp.status, {k.lower(): v for k, v in resp.getheaders()}, body
        finally:
            conn.close()


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


@contextmanager
def nginx(
    site_dir: Path, conf_dir: Path, prefix: str = "/", port: int | None = None
) -> Iterator[Served]:
    """Serve ``site_dir`` under ``prefix`` (on ``port``, else a free one) until the block ends."""
    if serving.nginx_binary() is None:
        pytest.fail(f"nginx is missing. {INSTALL_HINT}", pytrace=False)
    host = "127.0.0.1"
    wanted = port
    for _attempt in range(1 if wanted else 5):
        port = wanted or free_port(host)
        conf = serving.standalone_config(
            site_dir, conf_dir, port, host, prefix, serving.site_owner(site_dir)
        )
        proc = subprocess.Popen(
            serving.nginx_command(conf), stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                socket.create_connection((host, port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        if proc.poll() is None:
            break
        err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
        if "Address already in use" not in err:
            pytest.fail(f"nginx did not start:\n{err}", pytrace=False)
    else:
        pytest.fail("nginx found no free port", pytrace=False)
    norm = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
    try:
        yield Served(host, port, norm, site_dir)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
