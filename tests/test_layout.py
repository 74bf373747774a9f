"""The package reads as the pipeline: no import circles, and no stage imports from a later one.

Stages in order (see ARCHITECTURE.md). The shared base (models, errors, lexicons, word lists,
gazetteer, atomic output) imports no stage; ``components`` and ``pipeline`` assemble meetings and
quotes into a document, before evaluation and running.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "extract"
BASE = {"errors", "models", "lexicons", "wordlists", "gazetteer", "output"}
STAGES = ["base", "text", "people", "meetings", "quotes", "assemble", "evaluate", "run"]
MAX_LINES = 400


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def stage(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1 or parts[1] == "__init__":
        return "package"
    if parts[1] in BASE or parts[1] == "data":
        return "base"
    if parts[1] in ("components", "pipeline"):
        return "assemble"
    if parts[1] == "__main__":
        return "run"
    return parts[1]


def imports(path: Path) -> set[str]:
    """Modules of this package that ``path`` imports, anywhere in it (deferred imports included)."""
    module = module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == "extract"}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            elif node.module and node.module.split(".")[0] == "extract":
                target = node.module
            else:
                continue
            found.add(target)
            # ``from . import dates``: the name may be a module itself.
            found |= {f"{target}.{a.name}" for a in node.names}
    modules = {module_name(p) for p in SRC.rglob("*.py")}
    return {m for m in found if m in modules and m != module}


def graph() -> dict[str, set[str]]:
    return {module_name(p): imports(p) for p in SRC.rglob("*.py")}


def test_no_import_circle():
    edges = {m: {t for t in targets if not _is_package_of(t, m)} for m, targets in graph().items()}
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(m: str) -> None:
        state[m] = 1
        path.append(m)
        for t in sorted(edges.get(m, ())):
            if state.get(t) == 1:
                raise AssertionError("import circle: " + " -> ".join(path[path.index(t) :] + [t]))
            if t not in state:
                visit(t)
        path.pop()
        state[m] = 2

    for m in sorted(edges):
        if m not in state:
            visit(m)


def _is_package_of(target: str, module: str) -> bool:
    # Importing a submodule runs its package's __init__ first; that is no edge of the graph.
    return module.startswith(target + ".")


def test_no_stage_imports_a_later_one():
    wrong = []
    for m, targets in graph().items():
        if stage(m) == "package":
            continue
        for t in targets:
            if stage(t) != "package" and STAGES.index(stage(t)) > STAGES.index(stage(m)):
                wrong.append(f"{m} ({stage(m)}) imports {t} ({stage(t)})")
    assert not wrong, wrong


def test_every_stage_is_a_package_with_a_docstring():
    for name in STAGES:
        if name in ("base", "assemble"):
            continue
        init = SRC / name / "__init__.py"
        assert ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))), init


def test_no_module_over_400_lines():
    long = {str(p.relative_to(SRC)): n for p in SRC.rglob("*.py") if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, long
