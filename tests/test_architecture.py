"""The boundaries of the code, held by a test: data flows one way through the stages.

* ``model`` and ``lang`` import nothing from newsbrief but themselves;
* a stage imports only ``model``, ``lang``, ``parallel`` and the stages before it
  (never ``pipeline``, ``report``, ``store``, ``api`` or ``cli``);
* ``report`` imports only ``model``;
* no two packages import each other, directly or around a loop.

Imports are read from the source (function-level ones included), so a deferred
import cannot hide a knot.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "newsbrief"

BASE = ("model", "lang", "parallel")
STAGES = ("ingest", "clean", "segment", "dedup", "group", "stories", "facts", "summarize")
"""The stages of the main job, in order (pipeline.py's table); ``group`` (which also runs a stream on its
own) is the clustering the story split uses."""

ALLOWED = {
    "model": set(),
    "lang": set(),
    "parallel": set(),
    **{stage: {"model", "lang", "parallel", *STAGES[:i]} for i, stage in enumerate(STAGES)},
    "report": {"model"},
}
"""Which top-level parts of newsbrief each part may import (besides itself)."""


def _part(module: str) -> str | None:
    """The top-level part of newsbrief a module belongs to ("newsbrief.facts.read.ner" -> "facts")."""
    parts = module.split(".")
    return parts[1] if parts[0] == "newsbrief" and len(parts) > 1 else None


def _module(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    names = list(rel.parts)
    return ".".join(names[:-1] if names[-1] == "__init__" else names)


def _imports(path: Path) -> Iterator[str]:
    """Every newsbrief module ``path`` imports, wherever the import statement is."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = _module(path) if path.name == "__init__.py" else _module(path).rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names if a.name.startswith("newsbrief"))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            if base.startswith("newsbrief"):
                yield base


def _graph() -> dict[str, set[str]]:
    """Top-level part -> the parts it imports."""
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        own = _part(_module(path))
        if own is None:
            continue
        for target in _imports(path):
            other = _part(target)
            if other and other != own:
                graph.setdefault(own, set()).add(other)
    return graph


@pytest.mark.parametrize("part", sorted(ALLOWED))
def test_each_part_imports_only_what_comes_before_it(part: str) -> None:
    imported = _graph().get(part, set())
    assert imported <= ALLOWED[part], f"{part} imports {sorted(imported - ALLOWED[part])}"


def test_no_import_cycles_between_parts() -> None:
    graph = _graph()

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for nxt in graph.get(start, ()):
            if nxt == goal or (nxt not in seen and reaches(nxt, goal, seen | {nxt})):
                return True
        return False

    loops = sorted(p for p in graph if reaches(p, p, {p}))
    assert not loops, f"parts on an import loop: {loops}"


def _module_graph() -> dict[str, set[str]]:
    """Module -> the modules (not package ``__init__``s, which only re-export) it imports."""
    modules = {_module(p): p for p in PACKAGE.rglob("*.py")}
    leaves = {m for m, p in modules.items() if p.name != "__init__.py"}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        for target in _imports(path):
            if target in leaves and target != name:
                graph.setdefault(name, set()).add(target)
    return graph


def test_no_import_cycles_between_modules() -> None:
    graph = _module_graph()
    state: dict[str, int] = {}
    loops: list[str] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                loops.append(" -> ".join(path[path.index(nxt):] + [nxt]) if nxt in path else nxt)
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert not loops, loops


def test_the_check_sees_a_forbidden_import() -> None:
    """The graph is not empty and knows the pipeline's own imports (the test could not pass by reading nothing)."""
    graph = _graph()
    assert {"ingest", "clean", "segment", "dedup", "summarize"} <= graph["pipeline"]
    assert "model" in graph["facts"] and "lang" in graph["facts"]
