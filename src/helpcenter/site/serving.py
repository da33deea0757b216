"""How the built site is served: security headers, caching, compression, server config.

One policy, read from the built site, for every way the site is served:

- :func:`content_security_policy`: the pages' own policy (the
  ``<meta http-equiv="Content-Security-Policy">`` every page carries, all
  identical) as a header, with ``frame-ancestors 'none'``, which a meta
  element cannot carry. A site whose pages carry none gets a strict default:
  scripts only from the site and the exact inline scripts the pages hold
  (by hash), nothing from any other host.
- :func:`headers_file`: the ``_headers`` file Netlify and Cloudflare Pages
  read (written into the site by the build).
- :func:`nginx_server`: the nginx server block from ``deploy/nginx/``, for
  production and for ``make serve-prod``.
- :func:`precompress`: a ``.gz`` (and ``.br``) copy beside every text file,
  served as is (nginx ``gzip_static``/``brotli_static``).

Caching: files whose name carries a content hash (the theme's
``bundle.<hash>.min.js``) are immutable for a year; everything else (pages,
``channels.json``, the verifier's data, ``security.txt``, the feeds) is
revalidated on every visit (``no-cache`` with ``ETag``/``Last-Modified``),
so a registry change reaches readers at once.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import os
import re
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from html import unescape as html_unescape
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[3]
NGINX_TEMPLATES = PROJECT_ROOT / "deploy" / "nginx"
"""``helpcenter.conf`` (the server block) and ``standalone.conf`` (a whole nginx.conf)."""
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
"""Debian's ``libnginx-mod-http-brotli-static``."""
HEADERS_FILE = "_headers"

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
FINGERPRINTED = r"\.[0-9a-f]{8}\.min\.(?:js|css)(?:\.map)?$"
"""A file name with a content hash, as the theme writes them (``bundle.a5f9d56c.min.js``)."""
_FINGERPRINTED_RE = re.compile(FINGERPRINTED)

COMPRESSIBLE = {".html", ".css", ".js", ".json", ".xml", ".txt", ".svg", ".webmanifest"}
"""Suffixes of the files that get precompressed copies (not source maps: readers never
load them, and they would double the time brotli takes)."""
BROTLI_LARGE = 256 * 1024
"""Theme assets this large are compressed at brotli quality 9, not 11 (an unused word
segmenter of 660 KB took most of the build's compression time)."""


def brotli_quality(site_path: str, size: int) -> int:
    """Brotli quality for a file: the most for the few shared assets, less for the rest.

    Every page loads the same scripts and stylesheets under ``assets/``, so
    they get quality 11 (9 when very large). Pages and search indexes are
    as many as the articles: quality 11 takes about a second per megabyte,
    6 is some fifty times faster and still smaller than gzip -9.
    """
    if site_path.startswith("assets/"):
        return 9 if size >= BROTLI_LARGE else 11
    return 6


DEFAULT_CSP = (
    "default-src 'none'",
    "script-src 'self' {hashes}",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "base-uri 'self'",
    "form-action 'self'",
)
"""The default policy's directives (``{hashes}``: those of the pages' inline scripts)."""


class ServingError(RuntimeError):
    """The site cannot be served as built (e.g. its pages disagree on their policy)."""


def security_headers(csp: str) -> list[tuple[str, str]]:
    """The headers every response carries."""
    return [
        ("Content-Security-Policy", csp),
        ("Strict-Transport-Security", "max-age=63072000; includeSubDomains"),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        (
            "Permissions-Policy",
            "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
            "microphone=(), payment=(), usb=()",
        ),
        ("X-Frame-Options", "DENY"),
        ("Cross-Origin-Opener-Policy", "same-origin"),
    ]


_META_CSP_RE = re.compile(
    r"""<meta\s(?=[^>]*\bhttp-equiv\s*=\s*["']?content-security-policy\b)[^>]*>""",
    re.IGNORECASE,
)
_CONTENT_RE = re.compile(r"""\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_SCRIPT_RE = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_SRC_RE = re.compile(r"\bsrc\s*=", re.IGNORECASE)
_TYPE_RE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]*)""", re.IGNORECASE)
_SCRIPT_TYPES = ("", "text/javascript", "module", "application/javascript")


def scan_page(html: str) -> tuple[str | None, list[str]]:
    """The CSP meta element's value (``None`` without one) and the inline scripts of a page.

    Regular expressions, not an HTML parser: this reads every page of the
    site, and the theme writes both elements plainly. A data block (JSON-LD,
    the theme's configuration) is not a script and needs no hash.
    """
    csp = None
    meta = _META_CSP_RE.search(html)
    if meta:
        content = _CONTENT_RE.search(meta.group(0))
        csp = html_unescape(next(g for g in content.groups() if g is not None)) if content else ""
    scripts = []
    for match in _SCRIPT_RE.finditer(html):
        attrs = match.group(1)
        kind = _TYPE_RE.search(attrs)
        if _SRC_RE.search(attrs) or (kind and kind.group(1).lower() not in _SCRIPT_TYPES):
            continue
        scripts.append(match.group(2))
    return csp, scripts


def _pages(site_dir: Path) -> list[Path]:
    return sorted(p for p in site_dir.rglob("*.html") if p.is_file())


def script_hash(source: str) -> str:
    """The CSP source expression allowing one inline script."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy(site_dir: str | Path) -> str:
    """The site's policy as a header value, with ``frame-ancestors 'none'``.

    Raises :class:`ServingError` naming two pages whose policies differ, or a
    page without the policy the others carry.
    """
    site_dir = Path(site_dir)
    policies: dict[str | None, str] = {}
    hashes: set[str] = set()
    for path in _pages(site_dir):
        csp, scripts = scan_page(path.read_text(encoding="utf-8", errors="replace"))
        policies.setdefault(csp, path.relative_to(site_dir).as_posix())
        hashes.update(script_hash(s) for s in scripts)
    if len(policies) > 1:
        (a, pa), (b, pb) = list(policies.items())[:2]
        raise ServingError(
            f"pages carry different Content-Security-Policy meta elements: {pa} has "
            f"{a!r}, {pb} has {b!r}; the header needs one policy for the whole site"
        )
    meta = next(iter(policies), None)
    if meta:
        directives = [d.strip() for d in meta.split(";") if d.strip()]
        directives = [d for d in directives if not d.lower().startswith("frame-ancestors")]
    else:
        allowed = " ".join(sorted(hashes))
        directives = [d.format(hashes=allowed).strip() for d in DEFAULT_CSP]
    policy = "; ".join(directives + ["frame-ancestors 'none'"])
    _check_header_value("Content-Security-Policy", policy)
    return policy


def _check_header_value(name: str, value: str) -> None:
    """A value goes into nginx and ``_headers`` quoted: refuse what could break out."""
    if re.search(r'[\x00-\x1f\x7f"\\$]', value):
        raise ServingError(f"{name} value {value!r} holds a quote, backslash, $ or control")


def fingerprinted_files(site_dir: str | Path) -> list[str]:
    """Site paths of the files whose name carries a content hash."""
    site_dir = Path(site_dir)
    return sorted(
        p.relative_to(site_dir).as_posix()
        for p in site_dir.rglob("*")
        if p.is_file() and _FINGERPRINTED_RE.search(p.name)
    )


def root_path(site_url: str | None) -> str:
    """The URL path the site is served under (``/`` or ``/help/``)."""
    from urllib.parse import urlsplit

    path = urlsplit(site_url).path if site_url else "/"
    return "/" + path.strip("/") + "/" if path.strip("/") else "/"


def headers_file(site_dir: str | Path, prefix: str = "/") -> str:
    """``_headers`` (Netlify, Cloudflare Pages): the same policy as the nginx config.

    Security headers for every path; ``immutable`` for each fingerprinted
    file, listed by name (hosts merge every rule that matches, so no rule
    repeats a header). Other files keep the hosts' default, which is to
    revalidate on every visit (``max-age=0, must-revalidate``).
    """
    csp = content_security_policy(site_dir)
    lines = [
        "# Response headers for hosts that read this format (Netlify, Cloudflare Pages).",
        "# Generated by the build from the same policy as deploy/nginx/helpcenter.conf.",
        f"{prefix}*",
    ]
    lines += [f"  {name}: {value}" for name, value in security_headers(csp)]
    for path in fingerprinted_files(site_dir):
        lines += [f"{prefix}{path}", f"  Cache-Control: {IMMUTABLE}"]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Compressed:
    """What :func:`precompress` wrote."""

    files: int
    """Files compressed."""
    original: int
    """Their bytes."""
    gzip: int
    """Bytes of the ``.gz`` copies."""
    brotli: int
    """Bytes of the ``.br`` copies."""


def precompress(site_dir: str | Path) -> Compressed:
    """Write ``name.gz`` (and ``name.br``) beside each text file of the site.

    The copies are reproducible (no name or time in the gzip header). A copy
    that would not be smaller is not written, and a stale one is removed, so
    the server sends the file itself.
    """
    import brotli

    site_dir = Path(site_dir)
    files = original = gz_total = br_total = 0
    for path in sorted(site_dir.rglob("*")):
        if path.suffix not in COMPRESSIBLE or not path.is_file():
            continue
        data = path.read_bytes()
        files += 1
        original += len(data)
        gz = gzip.compress(data, compresslevel=9, mtime=0)
        gz_total += _write_if_smaller(path.with_name(path.name + ".gz"), gz, len(data))
        quality = brotli_quality(path.relative_to(site_dir).as_posix(), len(data))
        br = brotli.compress(data, quality=quality)
        br_total += _write_if_smaller(path.with_name(path.name + ".br"), br, len(data))
    return Compressed(files, original, gz_total, br_total)


def _write_if_smaller(target: Path, data: bytes, size: int) -> int:
    if len(data) >= size:
        target.unlink(missing_ok=True)
        return 0
    target.write_bytes(data)
    return len(data)


def is_precompressed_copy(path: Path) -> bool:
    """Whether ``path`` is a ``.gz``/``.br`` copy of a file beside it."""
    return path.suffix in (".gz", ".br") and path.with_name(path.stem).is_file()


# -- nginx ------------------------------------------------------------------


@dataclass(frozen=True)
class NginxSite:
    """What the server block needs to know."""

    root: str
    """The directory the URL path ``/`` maps to (the site is at ``root + prefix``)."""
    prefix: str = "/"
    """URL path of the site (``/`` or ``/help/``)."""
    listen: Sequence[str] = ("80",)
    """``listen`` parameters, one directive each (``443 ssl``, ``127.0.0.1:8080``)."""
    server_name: str = "_"
    """``server_name``."""
    brotli: bool = False
    """Whether the brotli_static module is loaded."""


def _template(name: str):
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(NGINX_TEMPLATES)),
        autoescape=False,  # nginx syntax, not HTML: values are checked instead
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.get_template(name)


def _nginx_word(value: str, what: str) -> str:
    if not value or re.search(r"[\s;{}\"'\\$#]", value):
        raise ServingError(f"{what} {value!r} cannot go into the nginx config")
    return value


def nginx_server(site_dir: str | Path, site: NginxSite) -> str:
    """The nginx server block serving the built site at ``site_dir`` as ``site`` says."""
    site_dir = Path(site_dir)
    prefix = "/" + site.prefix.strip("/") + "/" if site.prefix.strip("/") else "/"
    _nginx_word(prefix, "prefix")
    _nginx_word(site.root, "root")
    for item in site.listen:
        for word in item.split():
            _nginx_word(word, "listen")
    _nginx_word(site.server_name, "server_name")
    headers = security_headers(content_security_policy(site_dir))
    for name, value in headers:
        _check_header_value(name, value)
    return _template("helpcenter.conf").render(
        prefix=prefix,
        prefix_re=re.escape(prefix),
        root=site.root,
        listen=list(site.listen),
        server_name=site.server_name,
        headers=headers,
        immutable=IMMUTABLE,
        revalidate=REVALIDATE,
        fingerprinted=FINGERPRINTED,
        # Each language folder's own "page not found" (the build writes <lang>/404.html).
        language_404s=[
            _nginx_word(page.parent.name, "language folder")
            for page in sorted(site_dir.glob("*/404.html"))
        ],
        brotli=site.brotli,
    )


def standalone_config(
    site_dir: str | Path,
    conf_dir: str | Path,
    port: int,
    host: str = "127.0.0.1",
    prefix: str = "/",
    user: str | None = None,
) -> Path:
    """A whole nginx.conf in ``conf_dir`` serving ``site_dir`` on ``host:port``; its path.

    Everything nginx writes (pid, temporary files) stays in ``conf_dir``, the
    error log goes to stderr, and the site is reached through a link in
    ``conf_dir`` when it is served under a subpath.
    """
    site_dir = Path(site_dir).resolve()
    conf_dir = Path(conf_dir).resolve()
    conf_dir.mkdir(parents=True, exist_ok=True)
    prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
    if prefix == "/":
        root = site_dir
    else:
        root = conf_dir / "www"
        link = root / prefix.strip("/")
        link.parent.mkdir(parents=True, exist_ok=True)
        if link.is_symlink() or link.exists():
            link.unlink()
        link.symlink_to(site_dir, target_is_directory=True)
    brotli = BROTLI_MODULE.is_file()
    server = nginx_server(
        site_dir,
        NginxSite(
            root=str(root),
            prefix=prefix,
            listen=(f"{host}:{port}",),
            server_name=host,
            brotli=brotli,
        ),
    )
    text = _template("standalone.conf").render(
        conf_dir=str(conf_dir),
        server=server,
        brotli_module=str(BROTLI_MODULE) if brotli else None,
        user=user,
    )
    path = conf_dir / "nginx.conf"
    path.write_text(text, encoding="utf-8")
    return path


def nginx_binary() -> str | None:
    """Debian's nginx (in /usr/sbin, which a user's PATH may lack), or ``None``."""
    found = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")
    return found


def nginx_command(conf: Path) -> list[str]:
    """The command that runs nginx in the foreground with ``conf``."""
    return [
        nginx_binary() or "nginx",
        "-e",
        "stderr",
        "-p",
        str(conf.parent),
        "-c",
        str(conf),
        "-g",
        "daemon off;",
    ]


def site_owner(site_dir: Path) -> str | None:
    """The user nginx's workers should run as when started by root: the site's owner."""
    if os.geteuid() != 0:
        return None
    import pwd

    try:
        return pwd.getpwuid(site_dir.stat().st_uid).pw_name
    except KeyError:
        return "root"
