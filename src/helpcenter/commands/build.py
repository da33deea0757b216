"""``helpcenter build`` (``make site``): build the site atomically.

MkDocs builds into a fresh temporary folder next to ``site/``
(``.site.building-XXXX``); only when the build succeeded, with no warning in
strict mode, does that folder replace ``site/`` (with the usual permissions,
0755 for folders under the common umask, not mkdtemp's 0700). A failed build
deletes its temporary folder, leaves the previous ``site/`` exactly as it was,
prints the warnings and errors that stopped it, and exits 1. Ctrl-C (SIGINT),
SIGTERM or SIGHUP stops MkDocs and deletes the temporary folder too; one left
behind by a build that was killed outright (SIGKILL, a power cut) is deleted
by the next build (its name carries the process id, so a running build's
folder is left alone). MkDocs' INFO chatter is
hidden unless ``--verbose``; a crash inside MkDocs or a plugin is summarised
in one line, with the full log in ``.cache/build.log``.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from helpcenter.inputs.yamlload import read_mkdocs_yml

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

_LEVEL_RE = re.compile(r"^(?P<level>DEBUG|INFO|NOTE|WARNING|ERROR|CRITICAL)\s+-\s")
"""MkDocs' log line prefix; ``NOTE`` is the build's report-only translation status."""

_FINDING_RE = re.compile(r"^\S.*?:\d+:\d+: HC\d{3} ")
"""``path:line:col: HCnnn message``: one problem of a multi-line build error."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-f",
        "--config-file",
        default="mkdocs.yml",
        type=Path,
        help="MkDocs configuration (default: %(default)s)",
    )
    parser.add_argument(
        "-d",
        "--site-dir",
        type=Path,
        default=None,
        help="where the site goes (default: site_dir of the configuration)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="show MkDocs' INFO lines too")


def configured_site_dir(config_file: Path) -> Path:
    """``site_dir`` of ``config_file``, relative to its folder (default ``site``)."""
    value = read_mkdocs_yml(config_file).get("site_dir")
    path = Path(value) if isinstance(value, str) and value else Path("site")
    return path if path.is_absolute() else config_file.parent / path


@dataclass
class BuildLog:
    """MkDocs' output, filtered for the terminal and kept whole for the log file."""

    verbose: bool = False
    lines: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    crash: str | None = None
    _showing: bool = False
    _in_traceback: bool = False

    def feed(self, line: str) -> None:
        """Take one output line; print it if the user should see it."""
        self.lines.append(line)
        text = line.rstrip("\n")
        if text.startswith("Traceback (most recent call last)"):
            self._in_traceback = True
            return
        if self._in_traceback:
            if text and not text.startswith((" ", "\t")):
                self.crash = text  # the exception line ends the traceback
                self._in_traceback = False
            return
        match = _LEVEL_RE.match(text)
        if match:
            self._showing = match.group("level") not in ("DEBUG", "INFO") or self.verbose
            if match.group("level") in ("WARNING", "ERROR", "CRITICAL"):
                self.problems.append(text)
        elif text.startswith("Aborted with"):
            self._showing = True
        elif _FINDING_RE.match(text):
            # A problem line under a multi-line error ("The channel registry has problems:").
            self._showing = True
        elif not text.startswith((" ", "\t")) and text:
            # Unprefixed output (e.g. a library's progress message): only when verbose.
            self._showing = self.verbose
        if self._showing:
            print(text, file=sys.stderr, flush=True)


def _run_mkdocs(config_file: Path, out_dir: Path, log: BuildLog) -> int:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONUNBUFFERED="1")
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
           "-f", str(config_file), "-d", str(out_dir)]  # fmt: skip
    with subprocess.Popen(
        cmd,
        cwd=config_file.parent,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        errors="replace",
    ) as proc:
        assert proc.stdout is not None
        try:
            for line in proc.stdout:
                log.feed(line)
        except BaseException:  # interrupted: stop MkDocs before its folder is deleted
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
            raise
        return proc.wait()


class Interrupted(Exception):
    """The build was asked to stop (SIGTERM, SIGHUP)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def _raise_interrupted(signum: int, frame) -> None:
    raise Interrupted(signum)


_TEMP_RE = re.compile(r"^\.(?P<site>.+)\.(?:building|old)-(?P<pid>\d+)(?:-[^/]*)?$")


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process: assume it is a running build
    return True


def remove_stale(site_dir: Path) -> list[Path]:
    """Delete the ``.site.building-*``/``.site.old-*`` folders of builds no longer running."""
    removed = []
    try:
        entries = list(site_dir.parent.iterdir())
    except OSError:
        return removed
    for entry in entries:
        name = entry.name
        if not name.startswith((f".{site_dir.name}.building-", f".{site_dir.name}.old-")):
            continue
        match = _TEMP_RE.match(name)
        if match and match.group("site") == site_dir.name and _alive(int(match.group("pid"))):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry)
    return removed


def _normal_permissions(folder: Path) -> None:
    """Give ``folder`` the mode a new folder gets (``mkdtemp`` makes it 0700)."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(folder, 0o777 & ~umask)


def _after_build(built: Path, root: Path) -> None:
    """Steps that need the finished site before it goes live (may raise to fail the build)."""
    from helpcenter.checks.offline import OfflineError, describe, external_references
    from helpcenter.site import bundle

    # The build hook checks each page's content and one page per template;
    # before going live, every file is read back and checked.
    refs = external_references(built)
    if refs:
        raise OfflineError(describe(refs))
    # dist/ sits beside the site folder (the project's dist/ for `make site`).

    made = bundle.write_bundle(built, built.parent / "dist")
    print(
        f"helpcenter build: offline bundle {os.path.relpath(made.zip_path)} "
        f"({made.files} files; SHA-256 in {made.sha256_path.name})",
        file=sys.stderr,
    )


def swap_into_place(built: Path, site_dir: Path) -> None:
    """Replace ``site_dir`` by ``built``; both live in the same folder, so each step is a rename."""
    old: Path | None = None
    if site_dir.exists() or site_dir.is_symlink():
        old = site_dir.with_name(f".{site_dir.name}.old-{os.getpid()}")
        if old.exists():
            shutil.rmtree(old)
        os.rename(site_dir, old)
    try:
        os.rename(built, site_dir)
    except OSError:
        if old is not None:
            os.rename(old, site_dir)  # put the previous site back
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _write_log(root: Path, log: BuildLog) -> Path | None:
    path = root / ".cache" / "build.log"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(log.lines), encoding="utf-8")
    except OSError:
        return None
    return path


def run(args: argparse.Namespace) -> int:
    config_file: Path = args.config_file
    if not config_file.is_file():
        print(f"helpcenter build: no MkDocs configuration at '{config_file}'", file=sys.stderr)
        return EXIT_USAGE
    config_file = config_file.resolve()
    root = config_file.parent
    site_dir = (args.site_dir or configured_site_dir(config_file)).resolve()
    shown = os.path.relpath(site_dir, Path.cwd())
    try:
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        for stale in remove_stale(site_dir):
            print(f"helpcenter build: removed {os.path.relpath(stale)}/, left by a build that "
                  "was stopped", file=sys.stderr)  # fmt: skip
        building = Path(
            tempfile.mkdtemp(
                prefix=f".{site_dir.name}.building-{os.getpid()}-", dir=site_dir.parent
            )
        )
    except OSError as exc:
        print(
            f"helpcenter build: cannot create a build folder next to {shown}/: {exc}",
            file=sys.stderr,
        )
        return EXIT_FAILED
    log = BuildLog(verbose=args.verbose)
    unchanged = f"{shown}/ was left unchanged" if site_dir.exists() else f"{shown}/ was not created"
    handlers = {}
    for signum in (signal.SIGTERM, signal.SIGHUP):
        with contextlib.suppress(ValueError, OSError):  # not in the main thread
            handlers[signum] = signal.signal(signum, _raise_interrupted)
    try:
        try:
            code = _run_mkdocs(config_file, building, log)
        except OSError as exc:
            print(f"helpcenter build: cannot run MkDocs: {exc}; {unchanged}", file=sys.stderr)
            return EXIT_FAILED
        if code != 0 or log.crash:
            if log.crash:
                where = _write_log(root, log)
                more = f" (full log: {os.path.relpath(where)})" if where else ""
                print(f"helpcenter build: MkDocs stopped with {log.crash}{more}", file=sys.stderr)
            count = len(log.problems)
            reason = f"{count} problem(s) listed above" if count else f"MkDocs exited with {code}"
            print(f"helpcenter build: the build FAILED ({reason}); {unchanged}.", file=sys.stderr)
            return EXIT_FAILED
        try:
            _after_build(building, root)
        except Exception as exc:  # noqa: BLE001 - report any failure of a build step, no traceback
            print(f"helpcenter build: {exc}; {unchanged}.", file=sys.stderr)
            return EXIT_FAILED
        try:
            _normal_permissions(building)
            swap_into_place(building, site_dir)
        except OSError as exc:
            print(
                f"helpcenter build: cannot replace {shown}/: {exc}; {unchanged}.", file=sys.stderr
            )
            return EXIT_FAILED
        print(f"helpcenter build: site built into {shown}/", file=sys.stderr)
        return EXIT_OK
    except (KeyboardInterrupt, Interrupted) as exc:
        name = exc.args[0] if isinstance(exc, Interrupted) else "SIGINT"
        print(f"helpcenter build: stopped by {name}; {unchanged}.", file=sys.stderr)
        signum = exc.signum if isinstance(exc, Interrupted) else signal.SIGINT
        return 128 + signum
    finally:
        for signum, handler in handlers.items():
            signal.signal(signum, handler)
        if building.exists():
            shutil.rmtree(building, ignore_errors=True)
