"""The program's name in suggested commands: as the user started it."""

from __future__ import annotations

import sys
import types
from importlib.machinery import ModuleSpec

import pytest

from qonto_desktop.program import program_name


@pytest.mark.parametrize(
    ("argv0", "expected"),
    [
        ("main.py", "main.py"),
        ("/home/me/qonto-desktop/main.py", "main.py"),
        ("/home/me/.venv/bin/qonto-desktop", "qonto-desktop"),
        ("C:\\venv\\Scripts\\qonto-desktop.exe", "qonto-desktop"),
    ],
)
def test_the_name_follows_how_the_program_was_started(
    monkeypatch: pytest.MonkeyPatch, argv0: str, expected: str
) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.setattr(sys, "argv", [argv0, "status"])
    assert program_name() == expected


def test_the_executable_is_named_as_built(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/QontoDesktop")
    monkeypatch.setattr(sys, "argv", ["/opt/QontoDesktop", "status"])
    assert program_name() == "QontoDesktop"


@pytest.mark.parametrize(
    ("module", "expected"),
    [("qonto_desktop.__main__", "python -m qonto_desktop"), ("pytest.__main__", "main.py")],
)
def test_python_dash_m_is_named_as_typed(
    monkeypatch: pytest.MonkeyPatch, module: str, expected: str
) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    started = types.ModuleType("__main__")
    started.__spec__ = ModuleSpec(module, None)
    monkeypatch.setitem(sys.modules, "__main__", started)
    monkeypatch.setattr(sys, "argv", [f"/somewhere/{module.replace('.', '/')}.py", "status"])
    assert program_name() == expected
