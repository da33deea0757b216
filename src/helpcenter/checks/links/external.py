"""Check external links over the network: cached, rate limited per host, polite on 429.

Only ``helpcenter linkcheck`` (``make linkcheck``) uses this; the build never
touches the network. Each URL is asked with ``HEAD`` (``GET`` when the server
does not allow ``HEAD``); redirects are followed and a permanent one is
reported so the link can be updated. ``429 Too Many Requests`` and ``503``
are retried after the server's ``Retry-After`` (seconds or an HTTP date,
capped), other failures are not retried. Requests to one host are spaced by
``min_interval`` seconds; different hosts are checked in parallel. Results
that succeeded are kept in a JSON cache for ``ttl`` seconds.
"""

from __future__ import annotations

import email.utils
import json
import os
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlsplit

USER_AGENT = "bitp-helpcenter-linkcheck/1 (+https://help.bitp.example/)"
"""Sent with every request, so site operators can tell who is asking."""

RESERVED_DOMAINS = ("example", "test", "invalid", "localhost", "example.com", "example.org",
                    "example.net")  # fmt: skip
"""RFC 2606/6761 names (and everything below them): hosts that never resolve, not checked."""


def is_reserved_host(host: str) -> bool:
    """Whether ``host`` is a reserved documentation or local name (``www.bitp.example``)."""
    host = host.lower().rstrip(".")
    return any(host == d or host.endswith("." + d) for d in RESERVED_DOMAINS)


_RETRY_STATUSES = (429, 503)
_PERMANENT_REDIRECTS = (301, 308)


@dataclass(frozen=True)
class LinkResult:
    """The outcome of checking one URL."""

    url: str
    """The URL as written."""
    ok: bool
    """Whether the link works (a 2xx answer after redirects)."""
    status: int | None = None
    """Final HTTP status, ``None`` when there was no answer."""
    reason: str = ""
    """HTTP reason phrase or the network error."""
    moved_to: str | None = None
    """Where a permanent redirect points, if the URL answered with one."""
    attempts: int = 1
    """How many requests were made (retries included)."""
    checked_at: float = 0.0
    """Unix time of the check."""
    cached: bool = False
    """Whether the result came from the cache."""
    skipped: bool = False
    """Whether the URL was not checked (a reserved documentation domain)."""

    def as_dict(self) -> dict:
        """JSON-able form."""
        return asdict(self)


class _RecordingRedirects(urllib.request.HTTPRedirectHandler):
    """Follows redirects like urllib does, remembering the first permanent one."""

    def __init__(self) -> None:
        super().__init__()
        self.permanent: str | None = None

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001
        if code in _PERMANENT_REDIRECTS and self.permanent is None:
            self.permanent = newurl
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def retry_after_seconds(value: str | None, now: float) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta seconds or HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - now)


class LinkCache:
    """Successful results on disk, valid for ``ttl`` seconds."""

    def __init__(self, path: Path | None, ttl: float, now: Callable[[], float] = time.time) -> None:
        self.path = path
        self.ttl = ttl
        self.now = now
        self._entries: dict[str, dict] = {}
        self._lock = threading.Lock()
        if path is not None and path.is_file():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                if isinstance(data, dict) and data.get("version") == 1:
                    self._entries = dict(data.get("entries") or {})
            except (OSError, ValueError):
                self._entries = {}  # a corrupt cache is just an empty one

    def get(self, url: str) -> LinkResult | None:
        """The cached result for ``url`` if it is fresh."""
        entry = self._entries.get(url)
        if not entry or self.now() - float(entry.get("checked_at", 0)) > self.ttl:
            return None
        fields = {k: v for k, v in entry.items() if k in LinkResult.__dataclass_fields__}
        return LinkResult(**{**fields, "cached": True})

    def put(self, result: LinkResult) -> None:
        """Remember ``result`` if it succeeded (failures are always checked again)."""
        if result.ok and not result.skipped:
            with self._lock:
                entry = {**result.as_dict(), "cached": False, "checked_at": self.now()}
                self._entries[result.url] = entry

    def save(self) -> None:
        """Write the cache atomically (expired entries dropped)."""
        if self.path is None:
            return
        now = self.now()
        fresh = {u: e for u, e in self._entries.items() if now - e["checked_at"] <= self.ttl}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(self.path.name + f".{os.getpid()}.tmp")
        tmp.write_text(
            json.dumps({"version": 1, "entries": fresh}, indent=1, sort_keys=True), "utf-8"
        )
        os.replace(tmp, self.path)


class ExternalLinkChecker:
    """Checks URLs over HTTP(S) with per-host spacing, retries and a cache."""

    def __init__(
        self,
        *,
        cache: LinkCache | None = None,
        timeout: float = 10.0,
        min_interval: float = 1.0,
        retries: int = 3,
        max_retry_after: float = 60.0,
        workers: int = 4,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], float] = time.time,
    ) -> None:
        self.cache = cache
        self.timeout = timeout
        self.min_interval = min_interval
        self.retries = retries
        self.max_retry_after = max_retry_after
        self.workers = max(1, workers)
        self.sleep = sleep
        self.clock = clock
        self.now = now
        self._last_request: dict[str, float] = {}

    # -- one request -------------------------------------------------------------------------
    def _wait_for_host(self, host: str) -> None:
        last = self._last_request.get(host)
        if last is not None:
            delay = last + self.min_interval - self.clock()
            if delay > 0:
                self.sleep(delay)
        self._last_request[host] = self.clock()

    def _request(self, url: str, method: str) -> tuple[int | None, str, dict, str | None]:
        """``(status, reason, headers, permanent_redirect)``; status ``None`` on network errors."""
        redirects = _RecordingRedirects()
        opener = urllib.request.build_opener(redirects)
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with opener.open(request, timeout=self.timeout) as response:
                if method == "GET":
                    response.read(1024)
                return (
                    response.status,
                    response.reason or "",
                    dict(response.headers),
                    redirects.permanent,
                )
        except urllib.error.HTTPError as exc:
            headers = dict(exc.headers or {})
            exc.close()
            return exc.code, str(exc.reason or ""), headers, redirects.permanent
        except TimeoutError:
            return None, f"timed out after {self.timeout:g} s", {}, None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, TimeoutError):
                return None, f"timed out after {self.timeout:g} s", {}, None
            return None, str(reason), {}, None
        except (OSError, ValueError) as exc:
            return None, str(exc) or type(exc).__name__, {}, None

    # -- one URL ---------------------------------------------------------------------------
    def check(self, url: str) -> LinkResult:
        """Check one URL (cache first); never raises for network trouble."""
        if self.cache is not None:
            cached = self.cache.get(url)
            if cached is not None:
                return cached
        host = (urlsplit(url).hostname or "").lower()
        if is_reserved_host(host):
            reason = "reserved documentation domain, not checked"
            return LinkResult(url, True, reason=reason, skipped=True, checked_at=self.now())
        attempts = 0
        method = "HEAD"
        while True:
            attempts += 1
            self._wait_for_host(host)
            status, reason, headers, moved = self._request(url, method)
            if status in (405, 501) and method == "HEAD":
                method = "GET"  # some servers refuse HEAD; ask properly, not counted as a retry
                attempts -= 1
                continue
            if status in _RETRY_STATUSES and attempts <= self.retries:
                wait = retry_after_seconds(headers.get("Retry-After"), self.now())
                if wait is None:
                    wait = min(2.0 ** (attempts - 1), self.max_retry_after)
                self.sleep(min(wait, self.max_retry_after))
                continue
            break
        ok = status is not None and 200 <= status < 300
        result = LinkResult(url, ok, status, reason, moved, attempts, self.now())
        if self.cache is not None:
            self.cache.put(result)
        return result

    # -- many URLs -------------------------------------------------------------------------
    def check_all(self, urls: Iterable[str]) -> dict[str, LinkResult]:
        """Results by URL; hosts in parallel, each host's URLs one after another."""
        by_host: dict[str, list[str]] = {}
        for url in dict.fromkeys(urls):
            by_host.setdefault((urlsplit(url).hostname or "").lower(), []).append(url)

        def run_host(host_urls: list[str]) -> list[LinkResult]:
            return [self.check(u) for u in host_urls]

        results: dict[str, LinkResult] = {}
        with ThreadPoolExecutor(max_workers=self.workers) as pool:
            for batch in pool.map(run_host, by_host.values()):
                results.update({r.url: r for r in batch})
        if self.cache is not None:
            self.cache.save()
        return results
