"""The package's shape, as a newcomer reads it from the tree.

Every import inside ``src/helpcenter`` is read from the source (top-level,
inside functions and under ``TYPE_CHECKING`` alike), so a cycle cannot hide
behind a lazy import.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "helpcenter"

TOP_LEVEL_MODULES = {"__init__.py", "__main__.py", "cli.py"}
"""The only modules beside the packages: the CLI's entry points."""


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The package's modules that ``name`` imports, wherever the import statement is."""
    is_package = path.name == "__init__.py"
    here = name.split(".") if is_package else name.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in known:
                    found.add(alias.name)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                if sub in known:
                    found.add(sub)
                elif target in known:
                    found.add(target)
    found.discard(name)
    return found


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    known = set(modules)
    return {name: _imports(name, path, known) for name, path in modules.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    counter = 0

    def visit(node: str) -> None:
        nonlocal counter
        index[node] = low[node] = counter
        counter += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def test_the_package_has_no_import_cycle():
    cycles = _cycles(_graph())
    assert cycles == [], "import cycles (each group imports itself round):\n" + "\n".join(
        " <-> ".join(group) for group in cycles
    )


def test_the_cycle_finder_finds_a_lazy_cycle(tmp_path):
    # The test above would pass on a finder that finds nothing.
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_a_function_level_import_is_an_edge(tmp_path):
    source = tmp_path / "m.py"
    source.write_text("def f():\n    from helpcenter.registry import load\n", encoding="utf-8")
    known = {"helpcenter.registry", "helpcenter.registry.load"}
    assert _imports("helpcenter.x", source, known) == {"helpcenter.registry.load"}


def test_the_top_level_holds_only_the_entry_points():
    top = {p.name for p in PACKAGE.glob("*.py")}
    assert top == TOP_LEVEL_MODULES, "put new modules in the package of their concern"


@pytest.mark.parametrize("name", sorted(_modules()))
def test_the_core_does_not_import_mkdocs(name):
    path = _modules()[name]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and not node.level:
            names = [node.module or ""]
        for imported in names:
            assert imported.split(".")[0] != "mkdocs", f"{path}:{node.lineno} imports {imported}"


def test_the_registry_model_imports_nothing_of_ours():
    graph = _graph()
    assert graph["helpcenter.registry.model"] == set()


def test_detectors_import_only_their_base():
    graph = _graph()
    detectors = [n for n in graph if n.startswith("helpcenter.guard.detectors.")]
    assert "helpcenter.guard.detectors.base" in detectors
    for name in detectors:
        inside = {m for m in graph[name] if m.startswith("helpcenter.guard.detectors")}
        assert "helpcenter.guard.detectors" not in inside, name


def _private_reach_ins(path: Path, known: set[str]) -> list[str]:
    """``from m import _x`` and ``m._x`` where ``m`` is another module of the package."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    aliases: set[str] = set()
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("helpcenter"):
            for alias in node.names:
                if alias.name.startswith("_"):
                    found.append(f"{path.name}:{node.lineno} imports {node.module}.{alias.name}")
                if f"{node.module}.{alias.name}" in known:
                    aliases.add(alias.asname or alias.name)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in known and alias.asname:
                    aliases.add(alias.asname)
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in aliases
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
        ):
            found.append(f"{path.name}:{node.lineno} uses {node.value.id}.{node.attr}")
    return found


def test_no_module_reaches_into_another_modules_private_names():
    modules = _modules()
    known = set(modules)
    found = [hit for path in modules.values() for hit in _private_reach_ins(path, known)]
    assert found == [], "make the name public where it is defined:\n" + "\n".join(found)


def test_the_reach_in_finder_sees_both_forms(tmp_path):
    source = tmp_path / "m.py"
    source.write_text(
        "from helpcenter.guard.detectors import phones\n"
        "from helpcenter.guard.scan import _hidden\n"
        "phones._dial('1')\n",
        encoding="utf-8",
    )
    hits = _private_reach_ins(source, {"helpcenter.guard.detectors.phones"})
    assert len(hits) == 2, hits
