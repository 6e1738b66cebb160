"""Laziness only at the edges: every function-level import is listed in docs/architecture.md.

The table under "Deferred imports" names, per file, the modules a function may import and why;
an import inside a function that the table does not list fails here.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "qonto_desktop"
DOCUMENT = ROOT / "docs" / "architecture.md"
HEADING = "## Deferred imports"


def deferred_imports(source: str) -> list[tuple[int, str]]:
    """(line, name) of every import inside a function; ``from m import a`` gives ``m.a``."""
    found: list[tuple[int, str]] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            nested = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            if in_function and isinstance(child, ast.Import):
                found.extend((child.lineno, alias.name) for alias in child.names)
            elif in_function and isinstance(child, ast.ImportFrom):
                module = "." * child.level + (child.module or "")
                dot = "" if module.endswith(".") else "."
                found.extend((child.lineno, f"{module}{dot}{alias.name}") for alias in child.names)
            visit(child, nested)

    visit(ast.parse(source), False)
    return found


def listed() -> dict[str, set[str]]:
    """File -> the modules its row names (in backquotes), from the table in the document."""
    text = DOCUMENT.read_text(encoding="utf-8")
    section = text.split(HEADING, 1)[1].split("\n## ", 1)[0]
    rows: dict[str, set[str]] = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0].startswith("`qonto_desktop/"):
            rows[cells[0].strip("`")] = set(re.findall(r"`([\w.]+)`", cells[1]))
    return rows


def unlisted(rows: dict[str, set[str]]) -> list[str]:
    """Every deferred import in the package that ``rows`` does not allow."""
    missing = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        allowed = rows.get(name, set())
        for line, module in deferred_imports(path.read_text(encoding="utf-8")):
            # A row names the module, or a package whose module this is.
            if not any(module == row or module.startswith(f"{row}.") for row in allowed):
                missing.append(f"{name}:{line} imports {module}")
    return missing


def test_the_table_is_found() -> None:
    rows = listed()
    assert "qonto_desktop/cli/main.py" in rows
    assert "qonto_desktop.connections.verify" in rows["qonto_desktop/cli/main.py"]


def test_every_deferred_import_is_listed() -> None:
    assert unlisted(listed()) == []


def test_an_unlisted_deferred_import_fails() -> None:
    rows = listed()
    rows["qonto_desktop/store/index.py"].discard("filelock")
    assert [entry for entry in unlisted(rows) if "store/index.py" in entry] != []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import os\n", []),
        ("def f():\n    import os\n", [(2, "os")]),
        ("def f():\n    from a.b import c\n", [(2, "a.b.c")]),
        ("class C:\n    def m(self):\n        from . import x\n", [(3, ".x")]),
        ("async def f():\n    import json, csv\n", [(2, "json"), (2, "csv")]),
        ("if True:\n    import os\n", []),
    ],
)
def test_deferred_imports_are_found(source: str, expected: list[tuple[int, str]]) -> None:
    assert deferred_imports(source) == expected
