"""Where the shipped files are found: the executable, an installed package, a checkout."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from qonto_desktop.system import resources
from qonto_desktop.system.resources import installed_resources, resource_path, resources_dir

REPO = Path(__file__).resolve().parents[3]


def test_a_checkout_reads_the_top_level_folder() -> None:
    assert installed_resources() is None  # nothing named qonto_desktop/resources here
    assert resources_dir() == REPO / "resources"
    assert resource_path("icons", "app.svg").is_file()


def test_the_executable_reads_what_pyinstaller_unpacked(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources_dir() == tmp_path / "resources"


def test_an_installed_package_reads_its_package_data(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    site_package = tmp_path / "site-packages" / "qonto_desktop"
    (site_package / "resources" / "icons").mkdir(parents=True)
    monkeypatch.setattr(resources, "INSTALLED_RESOURCES", site_package / "resources")
    assert installed_resources() == site_package / "resources"
    assert resource_path("icons", "app.svg") == site_package / "resources" / "icons" / "app.svg"


def test_a_package_without_a_folder_on_disk_falls_back_to_the_checkout(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(resources, "INSTALLED_RESOURCES", tmp_path / "empty" / "resources")
    assert installed_resources() is None
    assert resources_dir() == REPO / "resources"
