"""The shape of graph/: Streamlit only in graph/ui/, no import cycle, imports only point down, small modules, mypy.

The imports are read with `ast` from every module of graph/, at any depth: inside functions, under
`if TYPE_CHECKING:` (a type from an upper layer is an upward dependency all the same) and
`importlib.import_module("...")` / `__import__("...")` calls with a literal name. A package's
`__init__.py` is the package itself: `from graph.store import open_store` is an edge to `graph.store`,
`import graph.store.base` an edge to `graph.store.base` (the parent packages Python runs on the way are
not counted as edges; an `__init__` that imports upward is caught by the layer rule instead).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections import deque
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from tests.support import ROOT

PACKAGE = ROOT / "graph"

# The layers from the bottom up. A module may import its own layer and the layers below it, never above.
# render sits below edit: edit's spreadsheet templates neutralise cells with render.exports.safe_cell,
# and nothing that draws or exports the graph needs the editing code.
LAYERS = [
    {"config", "errors", "gc_pause", "i18n", "__version__"},
    {"vocab"},
    {"rdf"},
    {"store"},
    {"history"},
    {"questions"},
    {"analysis"},
    {"answers"},
    {"render"},
    {"edit"},
    {"cli", "ui", "serve"},
]
# Siblings in one layer that must still not import each other: the front ends stand side by side
# (only `ikg serve` in cli starts the server of serve).
FORBIDDEN_SIBLINGS = {("cli", "ui"), ("ui", "cli"), ("serve", "cli"), ("serve", "ui"), ("ui", "serve")}

MAX_LINES = 400
# Message catalogues: long lists of sentences in two languages, not code (graph/i18n/text_*.py).
CATALOGUES = {
    "graph/i18n/text_app.py",
    "graph/i18n/text_core.py",
    "graph/i18n/text_editing.py",
    "graph/i18n/text_history.py",
    "graph/i18n/text_importing.py",
    "graph/i18n/text_questions.py",
    "graph/i18n/text_review.py",
    "graph/i18n/text_explorer.py",
    "graph/i18n/text_city.py",
    "graph/i18n/text_server.py",
}

STREAMLIT_HOME = "graph.ui"


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    line: int

    def __str__(self) -> str:
        return f"{self.source} -> {self.target} ({module_path(self.source)}:{self.line})"


@cache
def modules() -> dict[str, Path]:
    """Every module of graph/ by dotted name; a package is named by its `__init__.py`."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def module_path(name: str) -> str:
    return str(modules()[name].relative_to(ROOT))


def is_package(name: str) -> bool:
    return modules()[name].name == "__init__.py"


def known(name: str) -> str | None:
    """The longest prefix of `name` that is a module of graph/ (an imported name may be a function)."""
    parts = name.split(".")
    while parts:
        candidate = ".".join(parts)
        if candidate in modules():
            return candidate
        parts.pop()
    return None


def absolute(name: str, level: int, importer: str) -> str:
    """Resolve a relative import (`from . import x`, `from ..store import y`) against the importing module."""
    if not level:
        return name
    base = importer.split(".") if is_package(importer) else importer.split(".")[:-1]
    base = base[: len(base) - (level - 1)]
    return ".".join([*base, name] if name else base)


def dynamic_name(node: ast.Call) -> ast.expr | None:
    """The module argument of a call that imports: `importlib.import_module(...)`, `import_module(...)`,
    `__import__(...)`, or `importlib.resources.files(...)` (it imports the package it reads from); else None."""
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    reads_resources = (name == "files" and isinstance(func, ast.Attribute)
                       and (isinstance(func.value, ast.Name) and func.value.id == "resources"
                            or isinstance(func.value, ast.Attribute) and func.value.attr == "resources"))
    if (name in ("import_module", "__import__") or reads_resources) and node.args:
        return node.args[0]
    return None


@dataclass
class Imports:
    names: list[tuple[str, int]]  # every imported module name (any package, graph's and others'), with its line
    hidden: list[int]  # lines of importlib calls whose module name is not a literal


def scan(tree: ast.Module, name: str) -> Imports:
    """The imports anywhere in `tree`, the module `name` (relative imports are resolved against it)."""
    found = Imports([], [])
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.names.extend((alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = absolute(node.module or "", node.level, name)
            for alias in node.names:
                # `from graph.store import base` imports the module graph.store.base; `... import open_store` a name.
                submodule = f"{base}.{alias.name}"
                found.names.append((submodule if submodule in modules() else base, node.lineno))
        elif isinstance(node, ast.Call) and (arg := dynamic_name(node)) is not None:
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                dotted = arg.value.lstrip(".")
                found.names.append((absolute(dotted, len(arg.value) - len(dotted), name), node.lineno))
            else:
                found.hidden.append(node.lineno)
    return found


@cache
def imports_of(name: str) -> Imports:
    path = modules()[name]
    return scan(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)), name)


@cache
def edges() -> list[Edge]:
    """Every import of one graph module by another (a module importing itself through its package is dropped)."""
    result = []
    for name in modules():
        for imported, line in imports_of(name).names:
            target = known(imported) if imported.split(".")[0] == "graph" else None
            if target and target != name and Edge(name, target, line) not in result:
                result.append(Edge(name, target, line))
    return result


def layer_key(name: str) -> str:
    """`graph.store.base` -> `store`; the root package `graph` (only __version__) is at the bottom."""
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else "__version__"


def rank(key: str) -> int | None:
    return next((i for i, layer in enumerate(LAYERS) if key in layer), None)


def find_cycles() -> list[list[str]]:
    """One shortest cycle through each strongly connected group of modules (Tarjan, then breadth-first)."""
    graph: dict[str, set[str]] = {name: set() for name in modules()}
    for edge in edges():
        graph[edge.source].add(edge.target)

    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []

    def visit(node: str) -> None:  # recursion depth is bounded by the module count
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = set()
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.add(top)
                if top == node:
                    break
            if len(group) > 1:
                groups.append(group)

    for node in sorted(graph):
        if node not in index:
            visit(node)

    cycles = []
    for group in groups:
        start = min(group)
        came_from: dict[str, str] = {}
        queue = deque([start])
        while queue:
            node = queue.popleft()
            if start in graph[node] and (node != start):
                path = [node]
                while path[-1] != start:
                    path.append(came_from[path[-1]])
                cycles.append([*reversed(path), start])
                break
            for nxt in sorted(graph[node] & group):
                if nxt not in came_from and nxt != start:
                    came_from[nxt] = node
                    queue.append(nxt)
    return cycles


def test_the_scanner_sees_every_kind_of_import():
    """The scan itself: a lazy import, a relative import and an importlib call are all edges."""
    tree_modules = modules()
    assert "graph.cli.main" in tree_modules and "graph.store" in tree_modules
    assert absolute("base", 1, "graph.store") == "graph.store.base"
    assert absolute("", 2, "graph.store.base") == "graph"
    assert absolute("vocab.labels", 2, "graph.store.base") == "graph.vocab.labels"
    call = ast.parse("importlib.import_module('graph.edit.tabular')").body[0].value
    assert isinstance(call, ast.Call) and ast.literal_eval(dynamic_name(call)) == "graph.edit.tabular"
    assert known("graph.store.base.Store") == "graph.store.base"
    files = ast.parse("resources.files('graph.render')").body[0].value
    assert isinstance(files, ast.Call) and ast.literal_eval(dynamic_name(files)) == "graph.render"


def test_streamlit_is_imported_only_under_graph_ui():
    outside = [f"{module_path(name)}:{line}" for name in modules()
               if name != STREAMLIT_HOME and not name.startswith(STREAMLIT_HOME + ".")
               for imported, line in imports_of(name).names if imported.split(".")[0] == "streamlit"]
    top = scan(ast.parse((ROOT / "app.py").read_text(encoding="utf-8")), "app")
    outside += [f"app.py:{line}" for imported, line in top.names if imported.split(".")[0] == "streamlit"]
    assert not outside, "streamlit is imported outside graph/ui/ at: " + ", ".join(outside)


def streamlit_calls_at_import(tree: ast.Module) -> list[int]:
    """Lines of calls into streamlit made when the module is imported (outside any def, class or lambda)."""
    names = {alias.asname or alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import)
             for alias in node.names if alias.name.split(".")[0] == "streamlit"}
    names |= {alias.asname or alias.name for node in ast.walk(tree)
              if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "streamlit"
              for alias in node.names}
    lines = []
    pending: list[ast.AST] = list(tree.body)
    while pending:
        node = pending.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda):
            continue  # runs when called; a decorator such as @st.cache_data only wraps the function
        if isinstance(node, ast.Call):
            root = node.func
            while isinstance(root, ast.Attribute | ast.Call):
                root = root.value if isinstance(root, ast.Attribute) else root.func
            if isinstance(root, ast.Name) and root.id in names:
                lines.append(node.lineno)
        pending.extend(ast.iter_child_nodes(node))
    return sorted(lines)


def test_importing_a_ui_module_runs_no_streamlit_code():
    """The doctest run (--doctest-modules on graph/) imports graph/ui's modules: importing must only define."""
    calls = [f"{module_path(name)}:{line}" for name, path in modules().items()
             if name == STREAMLIT_HOME or name.startswith(STREAMLIT_HOME + ".")
             for line in streamlit_calls_at_import(ast.parse(path.read_text(encoding="utf-8")))]
    assert not calls, "Streamlit runs at import (move it into a function the page calls): " + ", ".join(calls)
    assert streamlit_calls_at_import(ast.parse("import streamlit as st\nst.title('x')\n")) == [2]
    assert streamlit_calls_at_import(ast.parse("import streamlit as st\n@st.cache_data\ndef f(): st.write(1)\n")) == []


def test_no_import_cycle():
    hidden = [f"{module_path(name)}:{line}" for name in modules() for line in imports_of(name).hidden]
    assert not hidden, "importlib calls with a computed module name hide an import edge: " + ", ".join(hidden)
    cycles = find_cycles()
    assert not cycles, f"{len(cycles)} import cycle(s):\n" + "\n".join(" -> ".join(c) for c in cycles)


def test_every_module_is_in_a_layer():
    unplaced = sorted({layer_key(name) for name in modules() if rank(layer_key(name)) is None})
    assert not unplaced, f"graph/ holds modules in no layer: {unplaced}; add them to LAYERS in this test"


def test_imports_only_point_down():
    upward = []
    for edge in edges():
        source, target = layer_key(edge.source), layer_key(edge.target)
        source_rank, target_rank = rank(source), rank(target)
        if source_rank is None or target_rank is None:
            continue  # test_every_module_is_in_a_layer reports it
        if target_rank > source_rank or (source, target) in FORBIDDEN_SIBLINGS:
            upward.append(f"{edge}  [{source} may not import {target}]")
    assert not upward, f"{len(upward)} import(s) point up or sideways:\n" + "\n".join(upward)


def test_no_module_is_too_long():
    long = {module_path(name): n for name, path in modules().items()
            if module_path(name) not in CATALOGUES
            and (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, (f"modules over {MAX_LINES} lines (split them into a subpackage of small modules): "
                      + ", ".join(f"{p} {n}" for p, n in sorted(long.items(), key=lambda kv: -kv[1])))


def test_the_catalogue_exemptions_exist():
    missing = sorted(p for p in CATALOGUES if not (ROOT / p).is_file())
    assert not missing, f"exempted catalogues that no longer exist (drop them from CATALOGUES): {missing}"


@pytest.mark.slow
def test_mypy_is_clean():
    """The type checker as CI runs it (configuration in pyproject.toml, strict on the lower layers)."""
    proc = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-20000:] + proc.stderr
