"""The core imports no Qt: only ``qonto_desktop.ui`` may (see docs/decisions.md, Layout)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

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
