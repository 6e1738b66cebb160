"""The month end from the main window: offered only with the work behind it, counts in the list,
Export… for the selected client, and the folder remembered."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from qonto_desktop.connections.desk import Desk
from qonto_desktop.emulator import Emulator
from qonto_desktop.ui.main_window import MainWindow
from qonto_desktop.ui.month_end.destination import EXPORT_FOLDER
from qonto_desktop.ui.panes.connection_model import DETAIL_ROLE, STATUS
from qonto_desktop.ui.panes.status import display_name
from qonto_desktop.ui.workers import Workers
from tests.support.desks import connect_one
from tests.support.main_window import open_window
from tests.support.month_end_fake import FakeMonthEnd, demo_receipts
from tests.support.month_end_window import Picker, today


def menu_texts(window: MainWindow) -> list[str]:
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    return [action.text() for action in file_menu.actions()]


def test_without_the_month_end_work_nothing_of_it_is_offered(
    qtbot: QtBot, desk: Desk, emulator: Emulator, workers: Workers
) -> None:
    connect_one(desk, emulator)
    window = open_window(qtbot, desk, workers)
    assert window.month_end is None
    assert "&Export…" not in menu_texts(window)
    assert not window.view.export_button.isVisible()
    assert window.list.missing_count(window.view.connection.id) is None  # type: ignore[union-attr]


def test_export_for_the_selected_client_remembers_the_folder(
    qtbot: QtBot, desk: Desk, emulator: Emulator, workers: Workers, tmp_path: Path
) -> None:
    connection = connect_one(desk, emulator)
    name = display_name(connection)
    receipts = demo_receipts({"Boulangerie Martin": connection.id})
    service = FakeMonthEnd({connection.id: name}, receipts=receipts)
    window = open_window(qtbot, desk, workers, month_end=service)
    actions = window.month_end
    assert actions is not None
    assert actions.export.shortcut() == QKeySequence("Ctrl+E")
    assert menu_texts(window)[2:5] == ["", "&Export…", "&Missing receipts…"]
    assert window.view.export_button.isVisible()
    # The counts come after the list, from the service.
    qtbot.waitUntil(lambda: window.list.missing_count(connection.id) == "Receipts due: 3")
    actions.today = today
    destination = tmp_path / "clôture"
    destination.mkdir()
    actions.choose_folder = Picker(str(destination))
    window.view.export_button.click()
    dialog = actions.export_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.choose.click()
    dialog.export_button.click()
    progress = actions.progress_dialog
    assert progress is not None
    qtbot.waitUntil(lambda: not progress.running)
    assert progress.rows == [(name, "Done")]
    assert [r.connection_ids for r in service.requests] == [(connection.id,)]
    assert service.requests[0].period.label == "2026-11"
    settings = desk.paths.settings_file
    qtbot.waitUntil(lambda: settings.exists() and EXPORT_FOLDER in settings.read_text("utf-8"))
    saved = json.loads(settings.read_text("utf-8"))
    assert saved[EXPORT_FOLDER] == str(destination)
    assert saved == {EXPORT_FOLDER: str(destination)}  # the file held nothing else before
    progress.close_button.click()
    again = actions.open_export()
    assert again is not None
    assert again.folder.text() == str(destination)
    again.reject()


def test_missing_receipts_opens_from_the_menu(
    qtbot: QtBot, desk: Desk, emulator: Emulator, workers: Workers
) -> None:
    connection = connect_one(desk, emulator)
    receipts = demo_receipts({"Boulangerie Martin": connection.id})
    window = open_window(qtbot, desk, workers, month_end=FakeMonthEnd({}, receipts=receipts))
    actions = window.month_end
    assert actions is not None
    actions.missing.trigger()
    dialog = actions.missing_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.loaded)
    assert dialog.windowTitle() == "Missing receipts (8)"
    dialog.reject()
    qtbot.waitUntil(lambda: actions.missing_dialog is None)


def test_the_list_shows_each_clients_count_under_its_status(
    qtbot: QtBot, desk: Desk, emulator: Emulator, workers: Workers
) -> None:
    first, second, third = (
        connect_one(desk, emulator, organization_id=o.id) for o in emulator.organizations[:3]
    )
    owners = {"Atelier Durand": first.id, "Boulangerie Martin": second.id}
    owners["Cabinet Lefèvre"] = second.id
    service = FakeMonthEnd({}, receipts=demo_receipts(owners))
    window = open_window(qtbot, desk, workers, month_end=service)
    qtbot.waitUntil(lambda: window.list.missing_count(first.id) == "Receipts due: 3")
    assert window.list.missing_count(second.id) == "Receipts due: 5"
    assert window.list.missing_count(third.id) == ""  # nothing missing: nothing said
    model = window.list.model
    row = model.row_of(second.id)
    assert row is not None
    cell = model.index(row, STATUS)
    assert cell.data(DETAIL_ROLE) == "Receipts due: 5"
    assert str(cell.data(Qt.ItemDataRole.AccessibleTextRole)).endswith(", Receipts due: 5")


def test_ctrl_e_from_the_list_opens_export_for_the_selected_client(
    qtbot: QtBot, desk: Desk, emulator: Emulator, workers: Workers
) -> None:
    connection = connect_one(desk, emulator)
    window = open_window(qtbot, desk, workers, month_end=FakeMonthEnd({}))
    actions = window.month_end
    assert actions is not None
    window.activateWindow()
    window.list.view.setFocus()
    qtbot.waitUntil(window.list.view.hasFocus)
    QTest.keyClick(window.list.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = actions.export_dialog
    assert dialog is not None
    assert dialog.only_client.text() == f"Only {display_name(connection)}"
    dialog.reject()
    qtbot.waitUntil(lambda: actions.export_dialog is None)
