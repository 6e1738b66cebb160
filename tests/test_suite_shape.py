"""The suite's shape: helpers live in tests/support or a conftest, and unit tests mirror the code.

A test module that imports another test module runs that module's tests' imports (and, under
xdist, may run them on another worker than its own); one that imports a helper from
tests/support does not.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests"
PACKAGE = ROOT / "qonto_desktop"
# Packages tested in another folder than tests/unit/<package>, and why.
ELSEWHERE = {
    "ui": "tests/ui: widgets need a QApplication and qtbot, which the unit tests never start",
}


def module_name(path: Path, root: Path) -> str:
    """``tests.unit.oauth.test_pkce`` for ``root/tests/unit/oauth/test_pkce.py``."""
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path, root: Path) -> Iterator[tuple[int, str]]:
    """Every module ``path`` imports (relative imports resolved), with its line."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = module_name(path, root).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            name = ".".join([*base, *([node.module] if node.module else [])])
            if node.module is None:  # from . import x: each name may be a module
                for alias in node.names:
                    yield node.lineno, f"{name}.{alias.name}"
            else:
                yield node.lineno, name


def allowed(module: str) -> bool:
    """Whether a test file may import ``module``: anything but another test module."""
    if module != "tests" and not module.startswith("tests."):
        return True
    parts = module.split(".")
    return module == "tests" or parts[:2] == ["tests", "support"] or parts[-1] == "conftest"


def cross_imports(root: Path) -> list[str]:
    """``file:line imports module`` for each import of a test module under ``root/tests``."""
    found = []
    for path in sorted((root / "tests").rglob("*.py")):
        for line, module in imported_modules(path, root):
            if not allowed(module):
                found.append(f"{path.relative_to(root)}:{line} imports {module}")
    return found


def test_no_test_module_imports_another() -> None:
    assert cross_imports(ROOT) == []


@pytest.mark.parametrize(
    ("source", "bad"),
    [
        ("from tests.unit.oauth.test_pkce import VERIFIER\n", "tests.unit.oauth.test_pkce"),
        ("import tests.ui.test_main_window\n", "tests.ui.test_main_window"),
        ("from .flow import STATE\n", "tests.unit.emulator.flow"),
        ("from . import flow\n", "tests.unit.emulator.flow"),
        ("def later() -> None:\n    from tests.e2e.test_demo import run\n", "tests.e2e.test_demo"),
    ],
)
def test_a_planted_cross_import_is_found(tmp_path: Path, source: str, bad: str) -> None:
    folder = tmp_path / "tests" / "unit" / "emulator"
    folder.mkdir(parents=True)
    (folder / "test_planted.py").write_text(source, encoding="utf-8")
    (folder / "test_fine.py").write_text(
        "from tests.support.emulator_flow import STATE\nfrom tests.conftest import Figure\n"
        "from tests.ui.conftest import MakeDialog\nimport pytest\n",
        encoding="utf-8",
    )
    assert cross_imports(tmp_path) == [
        f"{Path('tests/unit/emulator/test_planted.py')}:{source.count(chr(10))} imports {bad}"
    ]


def code_packages() -> list[str]:
    """The package's first-level subpackages that hold code."""
    return sorted(
        folder.name
        for folder in PACKAGE.iterdir()
        if (folder / "__init__.py").is_file() and any(folder.rglob("[!_]*.py"))
    )


def test_the_layout_is_found() -> None:
    assert {"cli", "oauth", "store", "ui"} <= set(code_packages())


@pytest.mark.parametrize("package", code_packages())
def test_every_package_has_its_unit_tests(package: str) -> None:
    if package in ELSEWHERE:
        elsewhere = ROOT / ELSEWHERE[package].partition(":")[0]
        assert any(elsewhere.glob("test_*.py")), f"{package}: no tests in {elsewhere}"
        return
    folder = TESTS / "unit" / package
    assert any(folder.rglob("test_*.py")), f"qonto_desktop/{package}/ has no tests/unit/{package}/"
