"""The live preview shows a page's problems on that page; the published site never does.

A copy of the project gets an unofficial phone number in one article per
language. ``mkdocs serve`` (with the flags of ``make serve``) must keep
serving and show each page's finding, with file and line, in a banner in the
page's language; ``mkdocs build`` of the same copy must contain no banner.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
COPY = ("mkdocs.yml", "docs", "data", "overrides", "hooks", "package.json")
STARTUP_TIMEOUT = 180  # seconds: the first build of both languages
ZH_PAGE = "troubleshooting/login.md"
EN_PAGE = "troubleshooting/login.md"
ZH_BAD = "如果还有问题,可以拨打 +86 400 000 0777 咨询。"
EN_BAD = "If that fails, call +1 202-555-0188 for help."


def _copy_project(dest: Path) -> Path:
    dest.mkdir()
    for name in COPY:
        src = PROJECT_ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, dest / name)
    modules = PROJECT_ROOT / "node_modules"
    if modules.is_dir():
        (dest / "node_modules").symlink_to(modules, target_is_directory=True)
    return dest


def _append(article: Path, line: str) -> int:
    """Append ``line`` as its own paragraph; return its line number."""
    text = article.read_text(encoding="utf-8").rstrip("\n")
    article.write_text(f"{text}\n\n{line}\n", encoding="utf-8")
    return text.count("\n") + 3


def _serve_args(port: int) -> list[str]:
    """The options of `mkdocs serve` in the Makefile's serve target, on ``port``."""
    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^serve:.*\n\t(.+)$", makefile, flags=re.MULTILINE)
    assert recipe, "Makefile has a serve target"
    words = shlex.split(recipe.group(1))
    args = words[words.index("serve") + 1 :]
    if "-a" in args:
        del args[args.index("-a") : args.index("-a") + 2]
    return [*args, "-a", f"127.0.0.1:{port}"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_serving(proc: subprocess.Popen, url: str, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(
                f"mkdocs serve exited ({proc.returncode}):\n{log.read_text()[-6000:]}",
                pytrace=False,
            )
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.5)
    pytest.fail(
        f"mkdocs serve did not answer within {STARTUP_TIMEOUT}s:\n{log.read_text()[-6000:]}"
    )


@pytest.fixture
def project(tmp_path: Path) -> tuple[Path, int, int]:
    root = _copy_project(tmp_path / "project")
    zh_line = _append(root / "docs" / "zh" / ZH_PAGE, ZH_BAD)
    en_line = _append(root / "docs" / "en" / EN_PAGE, EN_BAD)
    return root, zh_line, en_line


def test_serve_shows_findings_on_the_page_and_build_does_not(
    project: tuple[Path, int, int], browser, screenshot, tmp_path: Path
) -> None:
    root, zh_line, en_line = project
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    log = tmp_path / "serve.log"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH="")
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", *_serve_args(port)],
            cwd=root,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    outside: list[str] = []
    context = browser.new_context(viewport={"width": 1280, "height": 900})

    def only_local(route) -> None:
        if route.request.url.startswith(base):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort("blockedbyclient")

    context.route("**/*", only_local)
    try:
        _wait_until_serving(server, base, log)
        page = context.new_page()

        page.goto(base + ZH_PAGE.replace(".md", ".html"), timeout=60_000)
        banner = page.locator("[data-hc-dev-banner]")
        banner.wait_for(state="visible", timeout=30_000)
        text = banner.inner_text()
        screenshot(page, "dev-banner-zh", full_page=False)
        assert f"docs/zh/{ZH_PAGE}:{zh_line}:" in text
        assert "HC102" in text
        assert "+86 400 000 0777" in text
        assert "预览提示" in text
        # The banner sits at the top of the article, before its heading.
        assert page.evaluate(
            "() => { const b = document.querySelector('[data-hc-dev-banner]');"
            " const h = document.querySelector('article h1');"
            " return !!h && !!(b.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING); }"
        )

        page.goto(base + "en/" + EN_PAGE.replace(".md", ".html"), timeout=60_000)
        banner = page.locator("[data-hc-dev-banner]")
        banner.wait_for(state="visible", timeout=30_000)
        text = banner.inner_text()
        screenshot(page, "dev-banner-en", full_page=False)
        assert f"docs/en/{EN_PAGE}:{en_line}:" in text
        assert "HC102" in text and "Preview:" in text
        # The suggested fix is shown as written, not swallowed as an HTML comment.
        assert "<!-- hc:channel ID -->" in text
        assert not re.search(r"[\u4e00-\u9fff]", text), "English page, English messages"

        # A page without problems has no banner.
        page.goto(base + "faq.html", timeout=60_000)
        page.locator("article h1").wait_for(timeout=30_000)
        assert page.locator("[data-hc-dev-banner]").count() == 0
        assert server.poll() is None, "findings must not stop the preview"
        assert not outside, f"requests beyond the preview server: {outside}"
        # jieba's and static-i18n's chatter is kept out of the preview's output.
        output = log.read_text(encoding="utf-8", errors="replace")
        assert "Serving on" in output
        assert "prefix dict" not in output and "mkdocs_static_i18n" not in output, output[-3000:]
    finally:
        context.close()
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=15)

    # `mkdocs build` of the very same copy (non-strict, so the finding does not stop it).
    site = tmp_path / "built"
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--no-strict", "-d", str(site)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    assert "HC102" in proc.stderr, "the build still reports the finding as a warning"
    pages = list(site.rglob("*.html"))
    assert (site / ZH_PAGE.replace(".md", ".html")) in pages
    assert (site / "en" / EN_PAGE.replace(".md", ".html")) in pages
    for html in pages:
        content = html.read_text(encoding="utf-8", errors="replace")
        assert "hc-dev-banner" not in content, f"banner in build output: {html}"
