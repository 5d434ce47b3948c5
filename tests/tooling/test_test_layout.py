"""Tests keep their helpers in helper modules: no test module imports a test module or a conftest."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]


def imported_modules(path: Path) -> set[str]:
    """Every module `path` imports, relative ones written with their leading dots."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            found.add("." * node.level + (node.module or ""))
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_no_test_module_imports_a_test_module_or_a_conftest() -> None:
    offenders = []
    for path in TESTS.rglob("*.py"):
        for module in imported_modules(path):
            last = module.rsplit(".", 1)[-1]
            if last == "conftest" or last.startswith("test_"):
                offenders.append(f"{path.relative_to(TESTS)} imports {module}")
    assert offenders == []


def test_the_snapshot_sizes_are_declared_once() -> None:
    declaring = [
        path.name for path in (TESTS / "snapshots").glob("*.py") if "\nSIZES = " in path.read_text("utf-8")
    ]
    assert declaring == ["sizes.py"]
