"""``make audit``: Lighthouse on mobile against the site as nginx serves it.

Builds the site for a loopback address (``HC_SITE_URL``, so canonical links
and hreflang point where the pages are served, as they do in production),
serves it with the production config (:mod:`helpcenter.site.serving`), and
runs the pinned npm ``lighthouse`` with Debian's Chromium (``CHROME_PATH``,
the flags of :mod:`helpcenter.site.chromium`) on the Chinese home, an article,
the verifier and the English home. Prints the four scores per page and the
audits that cost points; exits 1 when a page misses a target
(:data:`TARGETS`). Reports go to ``.cache/audit/``.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from helpcenter.site import serving
from helpcenter.site.chromium import CHROMIUM, CHROMIUM_ARGS

ROOT = serving.PROJECT_ROOT
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
REPORTS = ROOT / ".cache" / "audit"
PAGES = {
    "zh home": "index.html",
    "zh article": "troubleshooting/login.html",
    "zh verifier": "verify.html",
    "en home": "en/index.html",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _build(dest: Path, site_url: str) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH="", HC_SITE_URL=site_url)
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(dest)],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if proc.returncode != 0:
        raise SystemExit(f"audit: the site did not build:\n{proc.stderr[-4000:]}")


def _lighthouse(url: str, out: Path) -> dict:
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    env = dict(os.environ, CHROME_PATH=str(CHROMIUM))
    proc = subprocess.run(
        [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
         f"--chrome-flags={flags}", "--form-factor=mobile",
         "--only-categories=" + ",".join(CATEGORIES)],
        env=env, capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    if proc.returncode != 0 or not out.is_file():
        raise SystemExit(f"audit: lighthouse failed on {url}:\n{proc.stderr[-3000:]}")
    return json.loads(out.read_text(encoding="utf-8"))


def _lost_points(report: dict, category: str) -> list[str]:
    audits = report["audits"]
    out = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = audits.get(ref["id"], {})
        score = audit.get("score")
        if ref.get("weight", 0) > 0 and score is not None and score < 1:
            out.append(f"{audit.get('title', ref['id'])} ({score:.2f})")
    return out


def main() -> int:
    for need, hint in ((LIGHTHOUSE, "run `make venv`"), (CHROMIUM, "run `make browser-deps`")):
        if not need.exists():
            print(f"audit: {need} is missing; {hint}", file=sys.stderr)
            return 2
    if serving.nginx_binary() is None:
        print("audit: nginx is missing; run `make nginx-deps`", file=sys.stderr)
        return 2
    REPORTS.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    failed = False
    with tempfile.TemporaryDirectory(prefix="hc-audit-") as tmp:
        site = Path(tmp) / "site"
        print(f"audit: building the site for {base} ...", file=sys.stderr)
        _build(site, base)
        conf = serving.standalone_config(
            site, Path(tmp) / "nginx", port, user=serving.site_owner(site)
        )
        nginx = subprocess.Popen(serving.nginx_command(conf))
        try:
            time.sleep(0.5)
            print(f"{'page':<12} " + " ".join(f"{c:>15}" for c in CATEGORIES))
            for name, path in PAGES.items():
                report = _lighthouse(base + path, REPORTS / f"{name.replace(' ', '-')}.json")
                scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
                print(f"{name:<12} " + " ".join(f"{scores[c]:>15}" for c in CATEGORIES))
                lcp = report["audits"]["largest-contentful-paint"]["displayValue"]
                weight = report["audits"]["total-byte-weight"]["displayValue"]
                print(f"{'':<12} LCP {lcp}; {weight}")
                for category in CATEGORIES:
                    if scores[category] < TARGETS[category]:
                        failed = True
                        for lost in _lost_points(report, category):
                            print(f"{'':<12} {category}: {lost}")
        finally:
            nginx.terminate()
            nginx.wait(timeout=10)
    print(f"audit: reports in {REPORTS.relative_to(ROOT)}/", file=sys.stderr)
    if failed:
        targets = ", ".join(f"{c} {t}" for c, t in TARGETS.items())
        print(f"audit: below target ({targets})", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
