"""The export folder: remembered in the settings file beside the others, and checked by writing."""

from __future__ import annotations

import json
from pathlib import Path

from qonto_desktop.system.paths import AppPaths
from qonto_desktop.ui.month_end.destination import (
    EXPORT_FOLDER,
    remembered_folder,
    save_folder,
    unusable,
)
from tests.support.month_end_window import unwritable_folder


def test_the_folder_is_saved_keeping_every_other_setting(tmp_path: Path) -> None:
    paths = AppPaths(tmp_path / "config", tmp_path / "data", tmp_path / "logs")
    paths.settings_file.parent.mkdir(parents=True)
    paths.settings_file.write_text(json.dumps({"language": "fr", "keep_alive": False}), "utf-8")
    folder = tmp_path / "Clôtures"
    save_folder(paths, folder)
    saved = json.loads(paths.settings_file.read_text("utf-8"))
    assert saved == {"language": "fr", "keep_alive": False, EXPORT_FOLDER: str(folder)}
    assert remembered_folder(saved) == folder
    assert remembered_folder({}) is None
    assert remembered_folder({EXPORT_FOLDER: 3}) is None


def test_a_folder_is_usable_only_if_a_file_can_be_written_in_it(tmp_path: Path) -> None:
    assert unusable(tmp_path) is None
    assert list(tmp_path.iterdir()) == []  # the probe is gone
    assert unusable(tmp_path / "gone") == "missing"
    (tmp_path / "a-file").write_text("x", "utf-8")
    assert unusable(tmp_path / "a-file") == "not_a_folder"
    folder = unwritable_folder(tmp_path)
    if folder is not None:
        assert unusable(folder) == "not_writable"
