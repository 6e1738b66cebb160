"""The layers hold: the contracts of ``[tool.importlinter]`` are kept, and the core imports no Qt.

See docs/architecture.md (Layers) and docs/decisions.md (Layout, Import contracts).
"""

from __future__ import annotations

import os
import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import qonto_desktop

ROOT = Path(__file__).resolve().parents[2]


def core_modules() -> list[str]:
    """Every module of the package outside ``qonto_desktop.ui``."""
    found = [
        info.name
        for info in pkgutil.walk_packages(qonto_desktop.__path__, prefix="qonto_desktop.")
        if not info.name.startswith("qonto_desktop.ui")
    ]
    return sorted(found)


def test_the_core_is_found() -> None:
    modules = core_modules()
    for package in ("oauth", "qonto", "emulator"):
        assert any(name.startswith(f"qonto_desktop.{package}.") for name in modules)


def test_no_core_module_imports_qt() -> None:
    modules = core_modules()
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "qt = sorted(m for m in sys.modules if m.split('.')[0] in {'PySide6', 'shiboken6'})\n"
        "print(len(sys.modules), qt)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    count, _, qt = result.stdout.strip().partition(" ")
    assert int(count) > len(modules)
    assert qt == "[]"


# --- The contracts of pyproject.toml [tool.importlinter], checked by import-linter -----------

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(where: Path) -> subprocess.CompletedProcess[str]:
    """Run import-linter on the package and pyproject.toml found in ``where``."""
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", "pyproject.toml", "--no-cache", "--no-logo"],
        cwd=where,
        env={**os.environ, "PYTHONPATH": str(where)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_import_contracts_are_kept() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "planted", "contract"),
    [
        ("ui/panes/status.py", "qonto_desktop.store.index", "through the application API"),
        ("cli/token.py", "qonto_desktop.oauth.tokens", "through the application API"),
        ("oauth/flow.py", "qonto_desktop.qonto.scopes", "OAuth is generic"),
        ("emulator/clock.py", "qonto_desktop.errors", "imports nothing of the client"),
        ("store/index.py", "qonto_desktop.connections.model", "Faces over the application API"),
        ("connections/model.py", "PySide6.QtCore", "Only the window imports Qt"),
    ],
)
def test_a_planted_bad_import_breaks_a_contract(
    tmp_path: Path, module: str, planted: str, contract: str
) -> None:
    shutil.copytree(
        ROOT / "qonto_desktop",
        tmp_path / "qonto_desktop",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    assert lint_imports(tmp_path).returncode == 0  # the copy is as clean as the original
    with (tmp_path / "qonto_desktop" / module).open("a", encoding="utf-8") as file:
        file.write(f"\nimport {planted}  # planted by the test\n")
    result = lint_imports(tmp_path)
    assert result.returncode != 0
    broken = result.stdout.partition("Broken contracts")[2]
    assert contract in broken
    # import-linter names an external package by its top level, a module of ours in full.
    named = planted if planted.startswith("qonto_desktop.") else planted.partition(".")[0]
    assert named in broken
