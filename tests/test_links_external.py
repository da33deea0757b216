"""``helpcenter linkcheck`` against a local HTTP server on 127.0.0.1 (no other network).

The server answers 200, 301, 404, 405-on-HEAD, 429 with Retry-After (then
200) and a response slower than the checker's timeout.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest

from helpcenter import cli
from helpcenter.checks.links.external import (
    ExternalLinkChecker,
    LinkCache,
    is_reserved_host,
    retry_after_seconds,
)


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass

    def _answer(self, head: bool) -> None:
        self.server.hits.append((self.path, self.command, time.monotonic()))
        path = urlsplit(self.path).path
        count = sum(1 for p, _, _ in self.server.hits if p == self.path)
        if path == "/ok":
            self._send(200)
        elif path == "/moved":
            self._send(301, {"Location": "/ok"})
        elif path == "/found":
            self._send(302, {"Location": "/ok"})
        elif path == "/gone":
            self._send(404)
        elif path == "/busy":
            if count == 1:
                self._send(429, {"Retry-After": "1"})
            else:
                self._send(200)
        elif path == "/always-busy":
            self._send(429, {"Retry-After": "3600"})
        elif path == "/nohead":
            self._send(405 if head else 200)
        elif path == "/slow":
            time.sleep(1.5)
            self._send(200)
        else:
            self._send(500)

    def _send(self, status: int, headers: dict | None = None) -> None:
        self.send_response(status)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", "2")
        self.end_headers()
        if self.command == "GET":
            self.wfile.write(b"ok")

    def do_HEAD(self):  # noqa: N802
        self._answer(head=True)

    def do_GET(self):  # noqa: N802
        self._answer(head=False)


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.hits = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield httpd, f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def checker(**kwargs) -> ExternalLinkChecker:
    options = {"timeout": 0.4, "min_interval": 0.0, "retries": 2, "max_retry_after": 5.0}
    return ExternalLinkChecker(**{**options, **kwargs})


def test_statuses(server):
    httpd, base = server
    urls = [f"{base}/{p}" for p in ("ok", "moved", "found", "gone", "nohead", "slow")]
    results = checker().check_all(urls)
    ok, moved, found, gone, nohead, slow = (results[u] for u in urls)
    assert (ok.ok, ok.status, ok.moved_to) == (True, 200, None)
    assert (moved.ok, moved.status, moved.moved_to) == (True, 200, f"{base}/ok")
    assert (found.ok, found.moved_to) == (True, None)  # temporary redirects are fine
    assert (gone.ok, gone.status) == (False, 404)
    assert (nohead.ok, nohead.status) == (True, 200)
    assert [m for p, m, _ in httpd.hits if p == "/nohead"] == ["HEAD", "GET"]
    assert (slow.ok, slow.status) == (False, None)
    assert "timed out" in slow.reason
    assert [p for p, _, _ in httpd.hits].count("/slow") == 1  # a slow host is not retried


def test_429_is_retried_after_retry_after(server):
    httpd, base = server
    result = checker().check(f"{base}/busy")
    assert (result.ok, result.status, result.attempts) == (True, 200, 2)
    times = [t for p, _, t in httpd.hits if p == "/busy"]
    assert len(times) == 2
    assert times[1] - times[0] >= 0.95  # Retry-After: 1


def test_retry_after_is_capped_and_retries_are_bounded(server):
    httpd, base = server
    slept: list[float] = []
    result = checker(sleep=slept.append, max_retry_after=0.5, retries=2).check(
        f"{base}/always-busy"
    )
    assert (result.ok, result.status, result.attempts) == (False, 429, 3)
    assert slept == [0.5, 0.5]


def test_requests_to_one_host_are_spaced(server):
    httpd, base = server
    now = [100.0]  # a clock that only moves when the checker sleeps
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(round(seconds, 6))
        now[0] += seconds

    urls = [f"{base}/ok?{i}" for i in range(3)]
    results = checker(min_interval=0.3, sleep=sleep, clock=lambda: now[0]).check_all(urls)
    assert all(r.ok for r in results.values())
    assert [p for p, _, _ in httpd.hits] == ["/ok?0", "/ok?1", "/ok?2"]
    assert slept == [0.3, 0.3]


def test_cache_skips_fresh_successes_and_rechecks_failures(server, tmp_path):
    httpd, base = server
    path = tmp_path / "cache" / "linkcheck.json"
    clock = [1_000_000.0]
    urls = [f"{base}/ok", f"{base}/gone"]
    checker(cache=LinkCache(path, ttl=3600, now=lambda: clock[0])).check_all(urls)
    assert json.loads(path.read_text("utf-8"))["entries"].keys() == {f"{base}/ok"}
    httpd.hits.clear()
    again = checker(cache=LinkCache(path, ttl=3600, now=lambda: clock[0])).check_all(urls)
    assert again[f"{base}/ok"].cached and again[f"{base}/ok"].ok
    assert [p for p, _, _ in httpd.hits] == ["/gone"]
    clock[0] += 3601  # expired
    httpd.hits.clear()
    checker(cache=LinkCache(path, ttl=3600, now=lambda: clock[0])).check_all(urls)
    assert sorted(p for p, _, _ in httpd.hits) == ["/gone", "/ok"]


def test_reserved_documentation_hosts_are_not_contacted():
    results = checker().check_all(["https://www.bitp.example/", "https://example.com/x"])
    assert all(r.skipped and r.ok for r in results.values())
    assert is_reserved_host("help.bitp.example") and not is_reserved_host("notexample.com")


def test_retry_after_http_date():
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:10 GMT", 1445412480.0) == pytest.approx(10.0)
    assert retry_after_seconds("7", 0.0) == 7.0
    assert retry_after_seconds("soon", 0.0) is None


def test_command_reports_each_place(server, tmp_path, capsys):
    httpd, base = server
    docs = tmp_path / "docs"
    (docs / "en").mkdir(parents=True)
    (docs / "en" / "a.md").write_text(
        f"# A\n\nSee [ok]({base}/ok) and\n[gone]({base}/gone).\n\n```\n{base}/gone in code\n```\n",
        encoding="utf-8",
    )
    (docs / "en" / "b.md").write_text(f"Moved: <{base}/moved>\n", encoding="utf-8")
    argv = ["linkcheck", str(docs), "--cache", str(tmp_path / "c.json"), "--interval", "0",
            "--timeout", "0.4", "--lang", "en"]  # fmt: skip
    assert cli.main(argv) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"{docs}/en/a.md:4:8: HC310 external link '{base}/gone' answered HTTP 404 Not Found: "
        "fix or remove the link",
        f"{docs}/en/b.md:1:9: HC312 external link '{base}/moved' moved permanently to "
        f"'{base}/ok': update the link",
    ]
