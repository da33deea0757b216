"""The downloadable offline bundle: ``dist/bitp-help-<date>.zip`` (MkDocs-free).

The zip holds the built site in one folder, ``bitp-help-<date>/``, with

- ``SHA256SUMS``: the SHA-256 of every file in the folder, checkable with
  ``cd bitp-help-<date> && sha256sum -c SHA256SUMS``;
- ``README.txt``: how to open and check it.

Beside the zip, ``bitp-help-<date>.zip.sha256`` holds the zip's own hash
(``cd dist && sha256sum -c bitp-help-<date>.zip.sha256``).

Pages in the zip carry no ``hreflang`` alternates: they name the public
site, and the theme fetches a sitemap beside each alternate it finds, which
from a file would be a request over the network.

The zip is reproducible: entries are sorted and carry the bundle date as
their timestamp (``SOURCE_DATE_EPOCH`` sets the date, as for other
reproducible builds), so the same site gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from helpcenter.site.serving import is_precompressed_copy

PREFIX = "bitp-help"
SUMS = "SHA256SUMS"
README = "README.txt"
README_TEXT = """BitP Help Center - offline copy ({date})

Open index.html in a web browser (Chinese), or en/index.html (English).
Everything works without a network connection, including search.

Check that no file was changed (Linux/macOS):
    sha256sum -c SHA256SUMS
"""


class BundleError(RuntimeError):
    """The site to bundle is missing or empty."""


@dataclass(frozen=True)
class Bundle:
    """What :func:`write_bundle` wrote."""

    zip_path: Path
    """``dist/bitp-help-<date>.zip``."""
    sha256_path: Path
    """``dist/bitp-help-<date>.zip.sha256``."""
    sha256: str
    """Hex SHA-256 of the zip."""
    files: int
    """Number of site files in the zip (without SHA256SUMS and README.txt)."""


def bundle_date(now: dt.datetime | None = None) -> dt.date:
    """The bundle's date: ``SOURCE_DATE_EPOCH`` if set, else today (UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return (now or dt.datetime.now(dt.UTC)).date()


_HREFLANG_RE = re.compile(
    rb"""[ \t]*<link rel="alternate" hreflang="[^"<>]*" href="[^"<>]*">[ \t]*\r?\n?"""
)


def offline_page(data: bytes) -> bytes:
    """A page as the offline copy holds it: without its ``hreflang`` alternates."""
    return _HREFLANG_RE.sub(b"", data)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _entry(name: str, date: dt.date, mode: int = 0o644) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(max(date.year, 1980), date.month, date.day, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = (0o100000 | mode) << 16
    info.create_system = 3  # Unix, so the permission bits are honoured
    return info


def write_bundle(site_dir: Path, dist_dir: Path, date: dt.date | None = None) -> Bundle:
    """Zip ``site_dir`` into ``dist_dir/bitp-help-<date>.zip`` plus its ``.sha256`` file."""
    site_dir = Path(site_dir)
    if not (site_dir / "index.html").is_file():
        raise BundleError(f"{site_dir} has no index.html: build the site before bundling it")
    date = date or bundle_date()
    name = f"{PREFIX}-{date.isoformat()}"
    # The .gz/.br copies beside the files are for web servers, not for readers.
    files = sorted(
        (p for p in site_dir.rglob("*") if p.is_file() and not is_precompressed_copy(p)),
        key=lambda p: p.relative_to(site_dir).as_posix(),
    )
    dist_dir.mkdir(parents=True, exist_ok=True)
    zip_path = dist_dir / f"{name}.zip"
    tmp = zip_path.with_name(f".{zip_path.name}.tmp")
    sums: list[str] = []
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for path in files:
                rel = path.relative_to(site_dir).as_posix()
                data = path.read_bytes()
                if path.suffix == ".html":
                    data = offline_page(data)
                sums.append(f"{_sha256(data)}  {rel}\n")
                zf.writestr(_entry(f"{name}/{rel}", date), data)
            readme = README_TEXT.format(date=date.isoformat()).encode("utf-8")
            sums.append(f"{_sha256(readme)}  {README}\n")
            zf.writestr(_entry(f"{name}/{README}", date), readme)
            zf.writestr(_entry(f"{name}/{SUMS}", date), "".join(sorted(sums, key=_by_path)))
        digest = _sha256(tmp.read_bytes())
        os.replace(tmp, zip_path)
    finally:
        tmp.unlink(missing_ok=True)
    sha_path = dist_dir / f"{zip_path.name}.sha256"
    sha_tmp = sha_path.with_name(f".{sha_path.name}.tmp")
    sha_tmp.write_text(f"{digest}  {zip_path.name}\n", encoding="utf-8")
    os.replace(sha_tmp, sha_path)
    return Bundle(zip_path, sha_path, digest, len(files))


def _by_path(line: str) -> str:
    return line.split("  ", 1)[1]


def verify_bundle(zip_path: Path) -> list[str]:
    """Check a bundle against its ``.sha256`` file and its ``SHA256SUMS``; list problems."""
    problems: list[str] = []
    sha_path = zip_path.with_name(zip_path.name + ".sha256")
    if not sha_path.is_file():
        problems.append(f"{sha_path.name} is missing")
    else:
        expected = sha_path.read_text(encoding="utf-8").split()[0]
        if expected != _sha256(zip_path.read_bytes()):
            problems.append(f"{zip_path.name} does not match {sha_path.name}")
    with zipfile.ZipFile(zip_path) as zf:
        names = zf.namelist()
        root = names[0].split("/", 1)[0] if names else ""
        listed: dict[str, str] = {}
        for line in zf.read(f"{root}/{SUMS}").decode("utf-8").splitlines():
            digest, _, rel = line.partition("  ")
            listed[rel] = digest
        present = {n.split("/", 1)[1] for n in names if not n.endswith("/")} - {SUMS}
        for rel in sorted(present - listed.keys()):
            problems.append(f"{rel} is not listed in {SUMS}")
        for rel, digest in sorted(listed.items()):
            if rel not in present:
                problems.append(f"{rel} is listed in {SUMS} but missing")
            elif _sha256(zf.read(f"{root}/{rel}")) != digest:
                problems.append(f"{rel} does not match its SHA-256 in {SUMS}")
    return problems
