"""Settings: the language choice is saved on a worker, keeping every other setting."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from qonto_desktop.connections.desk import Desk
from qonto_desktop.system.paths import AppPaths
from qonto_desktop.system.settings import load_settings, save_settings
from qonto_desktop.ui.dialogs import settings as settings_dialog
from qonto_desktop.ui.dialogs.settings import SettingsDialog
from qonto_desktop.ui.workers import Workers
from tests.support.main_window import open_window


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return AppPaths(tmp_path / "config", tmp_path / "data", tmp_path / "logs")


def make_dialog(qtbot: QtBot, paths: AppPaths, workers: Workers) -> SettingsDialog:
    dialog = SettingsDialog(paths, workers, load_settings(paths))
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def test_the_choices_are_system_english_and_french(
    qtbot: QtBot, paths: AppPaths, workers: Workers
) -> None:
    dialog = make_dialog(qtbot, paths, workers)
    items = [dialog.language.itemText(i) for i in range(dialog.language.count())]
    assert items == ["System", "English", "Français"]
    assert dialog.language.currentText() == "System"


def test_saving_a_language_keeps_the_other_settings(
    qtbot: QtBot, paths: AppPaths, workers: Workers, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_settings({"registrations": {"production": {"client_id": "abc"}}}, paths)
    threads: list[threading.Thread] = []
    original = settings_dialog.save_language

    def spy(where: AppPaths, language: str) -> dict[str, object]:
        threads.append(threading.current_thread())
        return original(where, language)

    monkeypatch.setattr(settings_dialog, "save_language", spy)
    dialog = make_dialog(qtbot, paths, workers)
    dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.buttons.accepted.emit()
    assert threads
    assert threads[0] is not threading.main_thread()
    written = json.loads(paths.settings_file.read_text(encoding="utf-8"))
    assert written == {"language": "fr", "registrations": {"production": {"client_id": "abc"}}}
    assert saved.args[0] == written
    assert not dialog.isVisible()


def test_system_removes_the_override(qtbot: QtBot, paths: AppPaths, workers: Workers) -> None:
    save_settings({"language": "en"}, paths)
    dialog = make_dialog(qtbot, paths, workers)
    assert dialog.language.currentData() == "en"
    dialog.language.setCurrentIndex(0)
    with qtbot.waitSignal(dialog.saved):
        dialog.buttons.accepted.emit()
    assert load_settings(paths) == {}


def test_a_damaged_settings_file_is_reported_in_the_dialog(
    qtbot: QtBot, paths: AppPaths, workers: Workers
) -> None:
    dialog = make_dialog(qtbot, paths, workers)
    paths.config_dir.mkdir(parents=True)
    paths.settings_file.write_text("{ broken", encoding="utf-8")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(dialog.message.isVisible)
    assert "cannot be read" in dialog.message.text
    assert dialog.isVisible()
    assert dialog.buttons.isEnabled()


def test_the_window_says_when_the_language_applies(
    qtbot: QtBot, desk: Desk, workers: Workers
) -> None:
    window = open_window(qtbot, desk, workers)
    dialog = window.menu_actions.open_settings()
    dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    with qtbot.waitSignal(dialog.saved):
        dialog.buttons.accepted.emit()
    assert window.desk.settings["language"] == "fr"
    assert "registrations" in window.desk.settings
    assert "next time Qonto Desktop starts" in window.notice.text
