"""Settings' scheduled renewal: the exact files and commands shown, then installed and removed.

The scheduler's commands go to a fake runner (the seam where the app runs ``systemctl``); the
files are really written to, and deleted from, a temporary systemd folder.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from qonto_desktop.connections.desk import Desk, open_desk
from qonto_desktop.connections.schedule import planned_task
from qonto_desktop.system.paths import AppPaths
from qonto_desktop.ui.dialogs.schedule_section import ScheduleSection
from qonto_desktop.ui.workers import Workers
from tests.support.main_window import open_window
from tests.support.schedulers import FakeRunner

ENABLE = ("systemctl", "--user", "enable", "--now", "qonto-desktop-renew.timer")


@pytest.fixture
def schedule_desk(tmp_path: Path) -> Desk:
    environ = {"HOME": str(tmp_path / "home"), "XDG_CONFIG_HOME": str(tmp_path / "xdg")}
    paths = AppPaths(tmp_path / "config", tmp_path / "data", tmp_path / "logs")
    return open_desk(environ, paths=paths, settings={})


def make_section(qtbot: QtBot, desk: Desk, workers: Workers, runner: FakeRunner) -> ScheduleSection:
    section = ScheduleSection(desk, workers, runner=runner, platform="linux")
    qtbot.addWidget(section)
    section.show()
    qtbot.waitUntil(lambda: section.task is not None)
    return section


def test_the_section_shows_exactly_what_installing_writes_and_runs(
    qtbot: QtBot, schedule_desk: Desk, workers: Workers
) -> None:
    section = make_section(qtbot, schedule_desk, workers, FakeRunner())
    plan = planned_task(schedule_desk, platform="linux")
    shown = section.details.toPlainText()
    for task_file in plan.files:
        assert f"It writes {task_file.path}:\n{task_file.text}" in shown
    assert "  systemctl --user daemon-reload\n  systemctl --user enable --now" in shown
    assert section.state.text() == "Not installed."
    assert section.install.isEnabled()
    assert not section.remove.isEnabled()
    assert not (Path(schedule_desk.environ["XDG_CONFIG_HOME"])).exists()


def test_install_then_remove(qtbot: QtBot, schedule_desk: Desk, workers: Workers) -> None:
    runner = FakeRunner()
    section = make_section(qtbot, schedule_desk, workers, runner)
    plan = planned_task(schedule_desk, platform="linux")
    QTest.mouseClick(section.install, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(section.remove.isEnabled)
    assert section.state.text() == "Installed: the system renews the connections every day."
    assert section.message.text == "The scheduled renewal is installed."
    assert ENABLE in runner.commands
    assert all(task_file.path.is_file() for task_file in plan.files)
    QTest.mouseClick(section.remove, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(section.install.isEnabled)
    assert section.state.text() == "Not installed."
    assert section.message.text == "The scheduled renewal is removed."
    assert not any(task_file.path.exists() for task_file in plan.files)


def test_a_scheduler_that_cannot_be_used_says_why_and_what_to_do(
    qtbot: QtBot, schedule_desk: Desk, workers: Workers
) -> None:
    runner = FakeRunner()
    runner.fail("systemctl", "--user", "show-environment", output="Failed to connect to bus")
    section = make_section(qtbot, schedule_desk, workers, runner)
    QTest.mouseClick(section.install, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: section.message.kind == "error")
    assert "Failed to connect to bus" in section.message.text
    assert "loginctl enable-linger" in section.message.text
    assert section.install.isEnabled()
    assert section.state.text() == "Not installed."
    assert not (Path(schedule_desk.environ["XDG_CONFIG_HOME"])).exists()


def test_a_removal_the_scheduler_half_refused_is_a_warning(
    qtbot: QtBot, schedule_desk: Desk, workers: Workers
) -> None:
    runner = FakeRunner()
    section = make_section(qtbot, schedule_desk, workers, runner)
    QTest.mouseClick(section.install, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(section.remove.isEnabled)
    runner.fail("systemctl", "--user", "disable", output="Unit not loaded.")
    QTest.mouseClick(section.remove, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(section.install.isEnabled)
    assert section.message.kind == "warning"
    assert section.message.text == (
        "Removed, but “systemctl --user disable --now qonto-desktop-renew.timer” failed "
        "(Unit not loaded.)."
    )


@pytest.mark.parametrize(("demo", "sections"), [(False, 1), (True, 0)])
def test_settings_holds_the_section_except_in_demo_mode(
    qtbot: QtBot, desk: Desk, workers: Workers, demo: bool, sections: int
) -> None:
    """The demo's connections live in a folder that goes when it ends: nothing to renew."""
    window = open_window(qtbot, desk, workers, demo=demo)
    dialog = window.menu_actions.open_settings()
    found = dialog.findChildren(ScheduleSection)
    assert len(found) == sections
    if found:
        qtbot.waitUntil(lambda: found[0].task is not None)
    dialog.reject()


def test_a_task_that_cannot_be_planned_is_not_offered_and_says_why(
    qtbot: QtBot, schedule_desk: Desk, workers: Workers
) -> None:
    """Windows' task could not carry the variable that moved the app's folders."""
    environ = {**schedule_desk.environ, "QONTO_DESKTOP_HOME": "D:\\desk"}
    desk = replace(schedule_desk, environ=environ)
    runner = FakeRunner()
    section = ScheduleSection(desk, workers, runner=runner, platform="win32")
    qtbot.addWidget(section)
    section.show()
    qtbot.waitUntil(lambda: section.message.kind == "error")
    assert section.state.text() == "The scheduled renewal cannot be offered here."
    assert "QONTO_DESKTOP_HOME" in section.message.text
    assert not section.install.isEnabled()
    assert not section.remove.isEnabled()
    assert runner.commands == []
