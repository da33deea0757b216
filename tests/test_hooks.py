"""The shape of ``hooks/``: thin adapters, a page each, without state of their own.

What a build keeps lives in its context (``helpcenter.build.context``); a hook
may hold constants and its loggers, nothing else at module level.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

HOOKS = Path(__file__).resolve().parents[1] / "hooks"

PAGE = 80
"""Longest hook file, in lines: a page of code."""


def _is_constant(node: ast.expr) -> bool:
    """A value that cannot change: a literal, a tuple or frozenset of them, a
    ``logging.getLogger(...)`` call, or arithmetic on constants."""
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.Tuple):
        return all(_is_constant(e) for e in node.elts)
    if isinstance(node, ast.BinOp):
        return _is_constant(node.left) and _is_constant(node.right)
    if isinstance(node, ast.UnaryOp):
        return _is_constant(node.operand)
    if isinstance(node, ast.Call):
        name = ast.unparse(node.func)
        if name == "logging.getLogger":
            return True
        if name == "frozenset":
            return all(_is_constant(a) for a in node.args)
    return False


def state_in(source: str) -> list[str]:
    """Module-level state in a hook's ``source``: ``line: what``."""
    found = []
    tree = ast.parse(source)
    for node in tree.body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            if node.value is not None and not _is_constant(node.value):
                found.append(f"{node.lineno}: {ast.unparse(node).splitlines()[0]}")
        elif isinstance(node, ast.AugAssign):
            found.append(f"{node.lineno}: {ast.unparse(node)}")
        elif isinstance(node, (ast.If, ast.For, ast.While, ast.With, ast.Try)):
            found.append(f"{node.lineno}: code that runs on import ({type(node).__name__})")
    for node in ast.walk(tree):
        if isinstance(node, (ast.Global, ast.Nonlocal)):
            found.append(f"{node.lineno}: {type(node).__name__.lower()} {', '.join(node.names)}")
    return found


def _hooks() -> list[Path]:
    return sorted(HOOKS.glob("*.py"))


@pytest.mark.parametrize("path", _hooks(), ids=lambda p: p.name)
def test_a_hook_keeps_no_state(path: Path):
    found = state_in(path.read_text(encoding="utf-8"))
    assert found == [], f"{path.name} keeps state (put it in the build's context):\n" + "\n".join(
        found
    )


@pytest.mark.parametrize("path", _hooks(), ids=lambda p: p.name)
def test_a_hook_is_a_page_of_code(path: Path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= PAGE, f"{path.name}: {lines} lines; move the logic into src/helpcenter"


def test_the_state_finder_finds_state():
    # The test above would pass on a finder that finds nothing.
    source = (
        "import logging\n"
        "from helpcenter.checks import background\n"
        'log = logging.getLogger("mkdocs.plugins.helpcenter.x")\n'
        'NAME = "x"\n'
        "LIMIT = 5 * 1024\n"
        "KINDS = ('a', 'b')\n"
        "_state: dict = {}\n"
        "_seen = set()\n"
        "_pages = []\n"
        "_check = background.SiteCheck()\n"
        "_serving = False\n"
        "def on_startup(command, dirty):\n"
        "    global _serving\n"
        "    _serving = command == 'serve'\n"
    )
    found = state_in(source)
    assert [line.split(":")[0] for line in found] == ["7", "8", "9", "10", "13"]


def test_every_hook_is_listed_and_the_context_comes_first():
    from helpcenter.inputs.yamlload import read_mkdocs_yml

    listed = read_mkdocs_yml(HOOKS.parent / "mkdocs.yml")["hooks"]
    assert listed[0] == "hooks/context.py"
    assert sorted(listed) == sorted(f"hooks/{p.name}" for p in _hooks())
