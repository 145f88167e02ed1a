"""The layers of ARCHITECTURE.md hold: no module imports a layer above its own.

Every import statement of every module under ``src/rdvlog`` is read with ``ast`` (function-
level and ``TYPE_CHECKING`` imports included), so a shortcut upwards fails here rather than in
a review. Typer belongs to ``cli/`` alone, and only ``cli/`` writes to the terminal; no module
is over 400 lines, no function over 60 (issue 10).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "rdvlog"

#: Layers, bottom first; a module may import its own layer and those below (ARCHITECTURE.md).
LAYERS: tuple[tuple[str, ...], ...] = (
    (
        "rdvlog",
        "rdvlog.errors",
        "rdvlog.codes",
        "rdvlog.timestamps",
        "rdvlog.labels",
        "rdvlog.settings",
        "rdvlog.printable",
    ),
    ("rdvlog.models", "rdvlog.disk"),
    ("rdvlog.journal", "rdvlog.evidence", "rdvlog.export"),
    ("rdvlog.when", "rdvlog.screenshots"),
    ("rdvlog.places", "rdvlog.tribunals"),
    (
        "rdvlog.history",
        "rdvlog.stats",
        "rdvlog.report",
        "rdvlog.dashboard",
        "rdvlog.facts",
        "rdvlog.pieces",
    ),
    ("rdvlog.render",),
    ("rdvlog.service", "rdvlog.bundle"),
    ("rdvlog.cli", "rdvlog.__main__"),
)


def layer_of(module: str) -> int:
    """The layer of a module: the longest prefix listed in :data:`LAYERS`."""
    best: tuple[int, int] | None = None
    for rank, names in enumerate(LAYERS):
        for name in names:
            inside = module == name or module.startswith(name + ".")
            if inside and (best is None or len(name) > best[1]):
                best = (rank, len(name))
    if best is None:
        raise AssertionError(f"{module} is in no layer: add it to LAYERS and ARCHITECTURE.md")
    return best[0]


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every import of an rdvlog module in ``path``."""
    package = (
        module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    )
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.append((node.lineno, base))
            found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
    return [(line, name) for line, name in found if name.split(".")[0] == "rdvlog"]


MODULES = sorted(SRC.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_no_module_imports_a_layer_above_its_own(path: Path) -> None:
    own = layer_of(module_name(path))
    upward = []
    for line, name in imports(path):
        try:
            rank = layer_of(name)
        except AssertionError:
            continue  # ``from rdvlog.x import a_function``: the module itself is checked
        if rank > own:
            upward.append(f"line {line}: {name} ({LAYERS[rank][0]} is above {LAYERS[own][0]})")
    assert upward == []


def test_every_module_is_in_a_layer() -> None:
    for path in MODULES:
        layer_of(module_name(path))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_only_the_command_line_uses_typer_or_writes_to_the_terminal(path: Path) -> None:
    if module_name(path).startswith("rdvlog.cli"):
        return
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            names += [alias.name for alias in node.names]
            assert not any(n.split(".")[0] == "typer" for n in names), f"line {node.lineno}"
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            assert node.func.id not in ("print", "input"), f"line {node.lineno}: {node.func.id}()"
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            written = (node.value.id, node.attr)
            assert written not in (("sys", "stdout"), ("sys", "stderr")), f"line {node.lineno}"


def test_the_layer_table_names_real_modules() -> None:
    known = {module_name(path) for path in MODULES}
    for names in LAYERS:
        for name in names:
            assert name in known or any(k.startswith(name + ".") for k in known), name


#: Issue 10: a module a newcomer can read through, functions that fit on a screen.
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_modules_and_functions_stay_short(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= MAX_MODULE_LINES
    long = [
        f"{node.name} (line {node.lineno}): {node.end_lineno - node.lineno + 1} lines"
        for node in ast.walk(ast.parse(text))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert long == []
