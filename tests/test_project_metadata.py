"""pyproject.toml against the tree: what ``pip install .`` ships, its version and its pins."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import qonto_desktop
from qonto_desktop.cli.main import main

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT: dict[str, Any] = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS: dict[str, Any] = PYPROJECT["tool"]["setuptools"]
RESOURCES = "qonto_desktop.resources"


def listed_packages() -> set[str]:
    """The packages pyproject.toml names for setuptools."""
    return set(SETUPTOOLS["packages"])


def test_every_python_package_is_shipped() -> None:
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "qonto_desktop").rglob("__init__.py")
    }
    assert found <= listed_packages(), "add these to [tool.setuptools] packages"


def test_every_folder_of_resources_is_shipped_inside_the_package() -> None:
    assert SETUPTOOLS["package-dir"] == {RESOURCES: "resources"}
    folders = {
        f"{RESOURCES}.{folder.name}"
        for folder in (ROOT / "resources").iterdir()
        if folder.is_dir() and any(folder.iterdir())
    }
    assert folders | {RESOURCES} <= listed_packages()
    assert folders <= set(SETUPTOOLS["package-data"])


def test_every_listed_package_exists() -> None:
    for package in listed_packages():
        if package == RESOURCES or package.startswith(f"{RESOURCES}."):
            folder = ROOT.joinpath("resources", *package.split(".")[2:])
        else:
            folder = ROOT.joinpath(*package.split("."))
        assert folder.is_dir(), package


def test_the_version_is_read_from_the_package_and_has_a_changelog_entry() -> None:
    assert "version" in PYPROJECT["project"]["dynamic"]
    assert SETUPTOOLS["dynamic"]["version"] == {"attr": "qonto_desktop.__version__"}
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## (\d+\.\d+\.\d+) - ", changelog, re.MULTILINE)
    assert headings[0] == qonto_desktop.__version__  # newest first
    assert headings[-1] == "0.1.0"


def test_the_dependencies_are_the_pinned_requirements() -> None:
    assert SETUPTOOLS["dynamic"]["dependencies"] == {"file": ["requirements.txt"]}
    lines = (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    requirements = [line for line in lines if line.strip() and not line.startswith("#")]
    assert requirements
    for requirement in requirements:  # setuptools reads plain requirements, nothing else
        assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*==[0-9][0-9A-Za-z.+-]*", requirement)


def test_the_command_is_the_same_main_as_main_py() -> None:
    target = PYPROJECT["project"]["scripts"]["qonto-desktop"]
    module, _, name = target.partition(":")
    assert (module, name) == (main.__module__, main.__name__)
    assert f"from {module} import {name}" in (ROOT / "main.py").read_text(encoding="utf-8")
    assert f"from {module} import {name}" in (ROOT / "qonto_desktop" / "__main__.py").read_text(
        encoding="utf-8"
    )
