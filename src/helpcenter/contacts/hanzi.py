"""Traditional and Simplified Chinese characters (MkDocs-free).

OpenCC's character table (``TSCharacters.txt``, in the pinned
``opencc-python-reimplemented`` package) gives each Traditional character its
Simplified forms. The search uses it so that a query typed in Traditional
characters finds the Simplified articles; the contact guard, so that
``微信號`` and ``電報`` introduce a handle as ``微信号`` and ``电报`` do.

Only single characters of the Basic Multilingual Plane are kept: a
conversion then keeps every string's length, and with it every column.
"""

from __future__ import annotations

import functools
from pathlib import Path

#: The package holding OpenCC's tables, and the Traditional -> Simplified one:
#: ``繁<TAB>简 [other forms]`` lines.
OPENCC_PACKAGE = "opencc"
OPENCC_CHARACTERS = "dictionary/TSCharacters.txt"


class CharacterTableMissing(RuntimeError):
    """OpenCC's character table is not installed."""


@functools.lru_cache(maxsize=1)
def traditional_characters() -> dict[str, tuple[str, ...]]:
    """Traditional character -> its Simplified forms, OpenCC's first choice first.

    A form equal to the character itself is left out.
    """
    from importlib.util import find_spec

    # Read from the package's folder without importing the package.
    spec = find_spec(OPENCC_PACKAGE)
    folders = list(spec.submodule_search_locations or ()) if spec else []
    try:
        if not folders:
            raise FileNotFoundError(OPENCC_PACKAGE)
        text = (Path(folders[0]) / OPENCC_CHARACTERS).read_text(encoding="utf-8")
    except OSError as exc:
        raise CharacterTableMissing(
            f"OpenCC's character table ({OPENCC_PACKAGE}/{OPENCC_CHARACTERS}) is missing:"
            " install the project's dependencies (`make venv`)"
        ) from exc
    table: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        source, _, targets = line.partition("\t")
        if len(source) != 1 or source > "\uffff":
            continue
        forms = tuple(t for t in targets.split() if len(t) == 1 and t != source and t <= "\uffff")
        if forms:
            table[source] = forms
    return table


@functools.lru_cache(maxsize=1)
def traditional_of() -> dict[str, tuple[str, ...]]:
    """Simplified character -> the Traditional characters that have it as a form."""
    out: dict[str, list[str]] = {}
    for source, forms in traditional_characters().items():
        for form in forms:
            out.setdefault(form, []).append(source)
    return {form: tuple(sources) for form, sources in out.items()}


@functools.lru_cache(maxsize=1)
def to_simplified() -> dict[int, int]:
    """A :meth:`str.translate` table: each Traditional character to its first Simplified form."""
    return {ord(source): ord(forms[0]) for source, forms in traditional_characters().items()}
