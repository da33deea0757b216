"""Reading the project's own files safely: what is refused before any check reads it.

Every article and data file is a regular UTF-8 text file inside the
repository. :func:`read_text` refuses anything else with an
:class:`InputError` that names the file and says what to do:

- a symlink that resolves outside the repository (its target would be
  published: in the page, the search index and the download);
- a dangling symlink, a symlink loop, a named pipe (reading it would wait
  forever), a device (``/dev/zero`` never ends) or any other special file;
- a file above :data:`MAX_BYTES` (read no further than that);
- bytes that are not UTF-8 (a GBK-encoded or binary file), with the byte
  offset and line of the first bad byte, and a NUL byte.

An empty file is a page without text, not an error.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from helpcenter.inputs.yamlload import RefusedYAML, check_structure

MAX_BYTES = 5_000_000
"""Largest article or data file read, in bytes (the longest article is about 30 kB)."""


class InputError(OSError):
    """A file the project refuses to read, and why, as ``path: reason``."""

    def __init__(self, path: str | os.PathLike, reason: str) -> None:
        super().__init__(f"{os.fspath(path)}: {reason}")
        self.path = os.fspath(path)
        self.reason = reason

    def __reduce__(self):  # picklable across worker processes
        return (type(self), (self.path, self.reason))

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def check_file(path: str | os.PathLike, root: str | os.PathLike | None = None,
               limit: int = MAX_BYTES) -> int:  # fmt: skip
    """Raise :class:`InputError` unless ``path`` is a regular file we may read; its size.

    ``root``: the repository. A file under it whose real path (symlinks
    resolved) leaves it is refused; a file given from outside it is not.
    """
    name = os.fspath(path)
    try:
        info = os.stat(name)
    except OSError as exc:
        if os.path.islink(name):
            try:
                os.readlink(name)
                os.path.realpath(name, strict=True)
            except OSError as inner:
                if inner.errno == 40:  # ELOOP
                    raise InputError(name, "a symlink loop: remove the link") from None
            raise InputError(
                name, f"a symlink to {os.readlink(name)!r}, which does not exist: remove the link"
            ) from None
        if exc.errno == 40:
            raise InputError(name, "a symlink loop: remove the link") from None
        raise InputError(name, exc.strerror or str(exc)) from None
    if root is not None:
        top = os.path.realpath(root)
        where = os.path.abspath(name)
        real = os.path.realpath(name)
        if _inside(where, os.path.abspath(root)) and not _inside(real, top):
            raise InputError(
                name, f"leads through a symlink to {real}, outside the repository: "
                "copy the file into the repository instead of linking to it",
            )  # fmt: skip
    if not stat.S_ISREG(info.st_mode):
        kind = (
            "a named pipe (FIFO)" if stat.S_ISFIFO(info.st_mode)
            else "a device" if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode)
            else "a socket" if stat.S_ISSOCK(info.st_mode)
            else "a directory" if stat.S_ISDIR(info.st_mode)
            else "not a regular file"
        )  # fmt: skip
        raise InputError(name, f"{kind}, not a regular file: only a regular text file is read")
    if info.st_size > limit:
        raise InputError(
            name, f"{info.st_size:,} bytes, more than the limit of {limit:,}: "
            "split it into smaller files",
        )  # fmt: skip
    return info.st_size


class InputErrors(OSError):
    """Several refused files at once: ``errors``, one line each."""

    def __init__(self, errors: list[InputError]) -> None:
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = errors

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)


def check_files(names: list[str], root: str | os.PathLike | None = None,
                limit: int = MAX_BYTES) -> None:  # fmt: skip
    """:func:`check_file` on every name; one :class:`InputErrors` naming every refused file."""
    errors = []
    for name in names:
        try:
            check_file(name, root, limit)
        except InputError as exc:
            errors.append(exc)
    if errors:
        raise InputErrors(errors)


def decode(data: bytes, name: str | os.PathLike) -> str:
    """``data`` as UTF-8 text (a leading BOM dropped); :class:`InputError` if it is not."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = exc.start
        line = data.count(b"\n", 0, offset) + 1
        raise InputError(
            name, f"not UTF-8 text: byte {offset} (line {line}) is 0x{data[offset]:02x}; "
            "save it as UTF-8",
        ) from None  # fmt: skip
    nul = text.find("\0")
    if nul >= 0:
        offset = len(text[:nul].encode("utf-8"))
        line = text.count("\n", 0, nul) + 1
        raise InputError(
            name, f"a NUL byte at byte {offset} (line {line}): a binary file? "
            "save it as UTF-8 text",
        )  # fmt: skip
    return text[1:] if text.startswith("\ufeff") else text


def read_bytes(path: str | os.PathLike, root: str | os.PathLike | None = None,
               limit: int = MAX_BYTES) -> bytes:  # fmt: skip
    """The bytes of ``path`` after :func:`check_file`, never more than ``limit``."""
    check_file(path, root, limit)
    with open(path, "rb") as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:  # it grew since it was looked at
        raise InputError(
            path, f"more than the limit of {limit:,} bytes: split it into smaller files"
        )
    return data


def read_text(path: str | os.PathLike, root: str | os.PathLike | None = None,
              limit: int = MAX_BYTES) -> str:  # fmt: skip
    """The UTF-8 text of ``path``, refused as :class:`InputError` when it is not a safe input."""
    return decode(read_bytes(path, root, limit), path)


def front_matter_problem(text: str) -> str | None:
    """What is refused in the front matter of ``text``, as ``line N: ...``; else ``None``.

    Anchors, aliases and deep nesting (:func:`helpcenter.inputs.yamlload.check_structure`),
    found before any YAML parser builds the values. A syntax error is not
    reported here: the translation checks report it with its rule code (HC405).
    """
    import yaml

    if not text.startswith("---"):
        return None
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        return None
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        return None
    try:
        check_structure("\n".join(lines[1:end]))
    except RefusedYAML as exc:
        line = exc.problem_mark.line + 2 if exc.problem_mark else 1
        return f"line {line}: front matter: YAML feature not allowed: {exc.problem}"
    except yaml.YAMLError:
        return None
    return None


MAX_ASSET_BYTES = 50_000_000
"""Largest image or other file copied into the site, in bytes."""


def read_docs(
    files: Iterable[tuple[str, str | None]],
    docs_dir: str | os.PathLike,
    root: str | os.PathLike,
    asset_limit: int = MAX_ASSET_BYTES,
) -> tuple[dict[str, str], list[str]]:
    """Check every file of the site under ``docs_dir`` before anything reads it.

    ``files`` are ``(docs-relative name, path)`` pairs; those outside ``docs_dir`` (the
    theme's, generated ones) are skipped. Returns the text of each page (``.md``), by
    path, with newlines as MkDocs reads them (universal newlines), and one
    ``Doc file '<name>' ...`` message per refused file.
    """
    docs = os.path.abspath(docs_dir) + os.sep
    texts: dict[str, str] = {}
    errors: list[str] = []
    for name, path in files:
        if not path or not os.path.abspath(path).startswith(docs):
            continue
        try:
            if name.endswith(".md"):
                text = read_text(path, root)
                if "\r" in text:
                    text = text.replace("\r\n", "\n").replace("\r", "\n")
                problem = front_matter_problem(text)
                if problem:
                    errors.append(f"Doc file '{name}' {problem}")
                texts[path] = text
            else:
                check_file(path, root, asset_limit)
        except InputError as exc:
            errors.append(f"Doc file '{name}': {exc.reason}")
    return texts, errors


def repository_root(start: str | os.PathLike = ".") -> Path:
    """The repository ``start`` is in: the nearest folder up with ``.git``, else ``start``."""
    here = Path(start).resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return here
