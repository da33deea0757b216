"""The built site as nginx serves it with the production config (deploy/nginx/).

The real site is built once at the root and once for a subpath, and each is
served by Debian's nginx on a free loopback port: headers, compression,
caching, content types and the 404 pages are checked over HTTP.
"""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys
from pathlib import Path

import brotli
import pytest

from helpcenter.site import serving
from helpcenter.site.feeds import FEED_FILES
from nginx_server import Served, nginx
from project_files import build_site

pytestmark = pytest.mark.build

ROOT = Path(__file__).resolve().parents[1]
SECURITY = {
    "strict-transport-security": "max-age=63072000; includeSubDomains",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build_site(tmp_path_factory.mktemp("serve") / "site")


@pytest.fixture(scope="module")
def server(site, tmp_path_factory):
    with nginx(site, tmp_path_factory.mktemp("nginx")) as served:
        yield served


@pytest.fixture(scope="module")
def subpath_server(tmp_path_factory):
    built = build_site(tmp_path_factory.mktemp("serve-sub") / "site", "https://bitp.example/help/")
    with nginx(built, tmp_path_factory.mktemp("nginx-sub"), prefix="/help/") as served:
        yield served


def fingerprinted(site: Path) -> str:
    """The theme's main script, whose name carries its content hash."""
    return next(
        p for p in serving.fingerprinted_files(site) if re.search(r"/bundle\.\w{8}\.min\.js$", p)
    )


@pytest.mark.parametrize(
    "path", ["", "index.html", "en/faq.html", "channels.json", "missing/deep/page.html"]
)
def test_security_headers_on_every_response(server: Served, site: Path, path: str):
    status, headers, _ = server.get(path)
    assert status in (200, 404)
    for name, value in SECURITY.items():
        assert headers[name] == value, name
    assert headers["content-security-policy"] == serving.content_security_policy(site)
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert "camera=()" in headers["permissions-policy"]
    assert headers["server"] == "nginx", "no version number"


def test_default_policy_allows_only_the_site_and_its_inline_scripts(site: Path):
    csp = serving.content_security_policy(site)
    directives = dict(d.split(" ", 1) for d in csp.split("; "))
    assert directives["default-src"] == "'none'"
    sources = directives["script-src"].split()
    assert sources[0] == "'self'" and all(s.startswith("'sha256-") for s in sources[1:])
    assert "unsafe-inline" not in csp and "http" not in csp


def test_policy_comes_from_the_pages_meta_element(tmp_path: Path):
    meta = "default-src 'self'; img-src 'self' data:; frame-ancestors 'self'"
    for name in ("index.html", "en/index.html"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(
            f'<html><head><meta http-equiv="Content-Security-Policy" content="{meta}">'
            "<script>alert(1)</script></head></html>",
            encoding="utf-8",
        )
    assert serving.content_security_policy(tmp_path) == (
        "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'"
    )
    (tmp_path / "other.html").write_text("<html><head></head></html>", encoding="utf-8")
    with pytest.raises(serving.ServingError, match="different Content-Security-Policy"):
        serving.content_security_policy(tmp_path)


@pytest.mark.parametrize("encoding", ["gzip", "br"])
def test_precompressed_copies_are_sent_as_is(server: Served, site: Path, encoding: str):
    for path in ("index.html", "en/index.html", "search/search_index.json", fingerprinted(site)):
        original = (site / path).read_bytes()
        status, headers, body = server.get(path, {"Accept-Encoding": encoding})
        assert status == 200
        assert headers["content-encoding"] == encoding, path
        assert "Accept-Encoding" in headers["vary"]
        unpacked = gzip.decompress(body) if encoding == "gzip" else brotli.decompress(body)
        assert unpacked == original, path
        assert len(body) < len(original) / 2, path
        suffix = ".gz" if encoding == "gzip" else ".br"
        assert body == (site / (path + suffix)).read_bytes(), "served as built"


def test_without_accept_encoding_the_file_itself(server: Served, site: Path):
    status, headers, body = server.get("index.html")
    assert status == 200 and "content-encoding" not in headers
    assert body == (site / "index.html").read_bytes()


def test_fingerprinted_assets_are_immutable_for_a_year(server: Served, site: Path):
    for path in serving.fingerprinted_files(site):
        _, headers, _ = server.get(path)
        assert headers["cache-control"] == "public, max-age=31536000, immutable", path


REVALIDATED = [
    "index.html", "en/safety/known-scams.html", "channels.json",
    "assets/javascripts/verify-data.js", "assets/javascripts/verify.js",
    ".well-known/security.txt", "sitemap.xml", "search/search_index.json", *FEED_FILES,
]  # fmt: skip


@pytest.mark.parametrize("path", REVALIDATED)
def test_pages_and_registry_data_are_revalidated(server: Served, path: str):
    status, headers, _ = server.get(path, {"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["cache-control"] == "no-cache"
    assert headers["etag"] and headers["last-modified"]
    again, _, body = server.get(path, {"Accept-Encoding": "gzip", "If-None-Match": headers["etag"]})
    assert again == 304 and body == b""


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        (".well-known/security.txt", "text/plain; charset=utf-8"),
        ("channels.json", "application/json; charset=utf-8"),
        ("sitemap.xml", "text/xml; charset=utf-8"),
        ("robots.txt", "text/plain; charset=utf-8"),
        ("feeds/hosts.txt", "text/plain; charset=utf-8"),
        ("feeds/adblock.txt", "text/plain; charset=utf-8"),
        ("feeds/eth-phishing-detect.json", "application/json; charset=utf-8"),
        ("index.html", "text/html; charset=utf-8"),
        ("assets/javascripts/verify.js", "application/javascript; charset=utf-8"),
    ],
)
def test_content_types(server: Served, path: str, content_type: str):
    status, headers, _ = server.get(path)
    assert status == 200
    assert headers["content-type"] == content_type


@pytest.mark.parametrize("folder", ["en/", "troubleshooting/", "en/troubleshooting/"])
def test_the_sitemap_answers_in_every_folder(server: Served, site: Path, folder: str):
    """The theme fetches sitemap.xml beside each hreflang alternate: no 404 in the console."""
    status, headers, body = server.get(folder + "sitemap.xml")
    assert status == 200 and body == (site / "sitemap.xml").read_bytes()
    assert headers["content-type"] == "text/xml; charset=utf-8"


def test_headers_file_is_not_served(server: Served, site: Path):
    assert (site / "_headers").is_file()
    assert server.get("_headers")[0] == 404


@pytest.mark.parametrize(
    "path", ["nope.html", "a/b/c/d/nope.html", "zh/x", "safety/nope/", "en/nope.html",
             "en/a/b/c/nope.html", "en/safety/deep/er/nope"],
)  # fmt: skip
def test_not_found_at_any_depth_in_both_languages(server: Served, site: Path, path: str):
    status, headers, body = server.get(path)
    assert status == 404
    assert headers["content-type"] == "text/html; charset=utf-8"
    english = path.startswith("en/") and (site / "en" / "404.html").is_file()
    expected = site / ("en/404.html" if english else "404.html")
    assert body == expected.read_bytes()
    assert headers["cache-control"] == "no-cache"


def test_the_404_page_loads_its_assets_from_any_depth(server: Served):
    _, _, body = server.get("a/b/c/nope.html")
    refs = re.findall(r'(?:href|src)="(/[^"#?]*)"', body.decode("utf-8"))
    assert len(refs) >= 5
    for ref in refs:
        assert server.get(ref)[0] == 200, ref


def test_each_language_s_404_page_when_the_site_has_one(tmp_path: Path):
    site = tmp_path / "site"
    (site / "en").mkdir(parents=True)
    (site / "zh-Hant").mkdir(parents=True)
    (site / "index.html").write_text("<p>home</p>", encoding="utf-8")
    (site / "404.html").write_text("<p>找不到页面</p>", encoding="utf-8")
    (site / "en" / "404.html").write_text("<p>Page not found</p>", encoding="utf-8")
    (site / "zh-Hant" / "404.html").write_text("<p>找不到頁面</p>", encoding="utf-8")
    with nginx(site, tmp_path / "conf") as served:
        status, _, body = served.get("a/b/nope")
        assert (status, body.decode()) == (404, "<p>找不到页面</p>")
        status, _, body = served.get("en/a/b/nope")
        assert (status, body.decode()) == (404, "<p>Page not found</p>")
        status, _, body = served.get("zh-Hant/a/b/nope")
        assert (status, body.decode()) == (404, "<p>找不到頁面</p>")


def test_served_under_a_subpath(subpath_server: Served):
    site = subpath_server.site_dir
    for path in ("", "index.html", "en/", "en/faq.html", "channels.json", "feeds/hosts.txt"):
        status, headers, _ = subpath_server.get(path)
        assert status == 200, path
        assert headers["x-content-type-options"] == "nosniff"
    status, headers, body = subpath_server.get("en/a/b/nope.html")
    english = site / "en" / "404.html"
    assert status == 404
    assert body == (english if english.is_file() else site / "404.html").read_bytes()
    refs = re.findall(r'(?:href|src)="(/[^"#?]*)"', body.decode("utf-8"))
    assert refs and all(r.startswith("/help/") for r in refs)
    for ref in refs:
        assert subpath_server.get(ref)[0] == 200, ref
    assert subpath_server.get("/index.html")[0] == 404, "nothing outside the subpath"
    _, headers, _ = subpath_server.get(fingerprinted(site))
    assert headers["cache-control"] == "public, max-age=31536000, immutable"
    text = (site / "_headers").read_text(encoding="utf-8")
    assert "\n/help/*\n" in text and "\n/help/assets/" in text


def test_headers_file_says_what_nginx_sends(server: Served, site: Path):
    """site/_headers (Netlify, Cloudflare Pages) and the nginx config agree."""
    rules: dict[str, dict[str, str]] = {}
    current = None
    for line in (site / "_headers").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        if not line.startswith(" "):
            current = rules.setdefault(line, {})
        else:
            name, _, value = line.strip().partition(": ")
            current[name.lower()] = value
    everywhere = rules.pop("/*")
    for path in ["index.html", "channels.json", *serving.fingerprinted_files(site)]:
        expected = dict(everywhere, **rules.get("/" + path, {}))
        _, headers, _ = server.get(path)
        for name, value in expected.items():
            assert headers[name] == value, (path, name)
        if "/" + path not in rules:
            assert headers["cache-control"] == "no-cache"


def test_precompressed_copies_stay_out_of_the_offline_bundle(site: Path, tmp_path: Path):
    import zipfile

    from helpcenter.site.bundle import write_bundle

    made = write_bundle(site, tmp_path)
    archive = zipfile.ZipFile(made.zip_path)
    names = archive.namelist()
    assert any(n.endswith("/index.html") for n in names)
    assert not [n for n in names if n.endswith((".html.gz", ".html.br", ".js.br"))]
    # The served pages name their alternates absolutely; the offline copy
    # leaves them out (the theme would fetch https://.../sitemap.xml from a file).
    served = (site / "en" / "faq.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" hreflang="zh" href="https://' in served
    page = archive.read(next(n for n in names if n.endswith("/en/faq.html"))).decode("utf-8")
    assert 'rel="alternate" hreflang' not in page
    stripped = re.sub(r'<link rel="alternate" hreflang="[^"]*" href="[^"]*">', "", served)
    assert re.sub(r"\s+", "", page) == re.sub(r"\s+", "", stripped), "nothing else changes"


def test_print_config_is_the_production_server_block(site: Path):
    proc = subprocess.run(
        [sys.executable, "-m", "helpcenter", "serve", "--site-dir", str(site), "--print-config",
         "--root", "/var/www/help", "--listen", "443 ssl", "--server-name", "help.bitp.example",
         "--no-brotli"],
        capture_output=True, text=True, check=False, cwd=ROOT,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "listen 443 ssl;" in out and "server_name help.bitp.example;" in out
    assert "root /var/www/help;" in out and "brotli_static" not in out
    assert "gzip_static on;" in out


def test_page_scan_finds_the_policy_and_only_executable_inline_scripts():
    html = (
        "<head><meta http-equiv='Content-Security-Policy' content='default-src &#39;self&#39;'>"
        '<script>a()</script><script type="module">b()</script>'
        '<script src="x.js"></script><script type="application/ld+json">{"a": 1}</script>'
        '<script id="__config" type="application/json">{}</script>'
        "<SCRIPT type=text/javascript>\nc()\n</SCRIPT></head>"
    )
    csp, scripts = serving.scan_page(html)
    assert csp == "default-src 'self'"
    assert scripts == ["a()", "b()", "\nc()\n"]
    assert serving.scan_page("<p>no policy</p>") == (None, [])


def test_serve_runs_in_the_foreground_and_stops_on_ctrl_c(site: Path, tmp_path: Path):
    import signal
    import time
    import urllib.request

    from nginx_server import free_port

    port = free_port()
    env = dict(os.environ, TMPDIR=str(tmp_path))
    proc = subprocess.Popen(
        [sys.executable, "-m", "helpcenter", "serve", "--site-dir", str(site), "--port", str(port)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 15
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1) as resp:
                    assert resp.status == 200
                break
            except OSError:
                assert time.monotonic() < deadline and proc.poll() is None, proc.stderr.read()
                time.sleep(0.1)
        assert [p.name for p in tmp_path.iterdir()][0].startswith("hc-nginx-")
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=15) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert list(tmp_path.iterdir()) == [], "the temporary config is removed"
