"""The list first, the detail pane just after: the list is usable before the pane is built.

At start-up (``build_later``) the window shows its list, its first row selected and its search
working, with a placeholder naming the selected company where the detail pane goes; the pane,
the actions and the keep-alive are built once that frame is painted. A selection made before
then is the one the pane shows.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QTableView, QWidget
from pytestqt.qtbot import QtBot

from qonto_desktop.connections.desk import Desk
from qonto_desktop.emulator import Emulator
from qonto_desktop.store.connection import Connection
from qonto_desktop.ui import main_window
from qonto_desktop.ui.main_window import CONNECTIONS, MainWindow
from qonto_desktop.ui.panes.connection_pane import ConnectionPane
from qonto_desktop.ui.workers import Workers
from tests.support.desks import connect_one


class Paints(QObject):
    """Counts the paint events of the rows of any table (an application-wide filter)."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
            self.count += isinstance(watched.parentWidget(), QTableView)
        return False


def connect_all(desk: Desk, emulator: Emulator) -> list[Connection]:
    return [connect_one(desk, emulator, organization_id=o.id) for o in emulator.organizations]


def watch_build(
    monkeypatch: pytest.MonkeyPatch, before: Callable[[ConnectionPane], None]
) -> list[str]:
    """Run ``before`` on the pane just before its details are built; what happened, in order."""
    happened: list[str] = []
    build = ConnectionPane.build_details

    def watched(pane: ConnectionPane) -> None:
        if not pane.details_ready:
            before(pane)
            happened.append("details built")
        build(pane)

    monkeypatch.setattr(ConnectionPane, "build_details", watched)
    return happened


def test_the_list_is_painted_and_searchable_before_the_details_are_built(
    qtbot: QtBot,
    desk: Desk,
    emulator: Emulator,
    workers: Workers,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    connect_all(desk, emulator)
    paints = Paints()
    seen: dict[str, object] = {}

    def before(pane: ConnectionPane) -> None:
        seen["list painted"] = paints.count
        seen["placeholder"] = pane.placeholder.name.text()
        seen["current"] = pane.list.current()
        pane.list.search.setText("Durand")  # the search works already
        seen["searched"] = pane.list.visible_names()
        pane.list.search.clear()

    happened = watch_build(monkeypatch, before)
    qapp = QApplication.instance()
    assert qapp is not None
    qapp.installEventFilter(paints)
    window = MainWindow(desk, workers=workers, build_later=True)
    qtbot.addWidget(window)
    try:
        with qtbot.waitSignal(window.pane_built):
            window.show()
    finally:
        qapp.removeEventFilter(paints)
    assert happened == ["details built"]
    assert isinstance(seen["list painted"], int)
    assert seen["list painted"] >= 1  # the list's rows were on screen first
    assert seen["placeholder"] == "Atelier Lumière Architecture"  # the first row, selected
    current = seen["current"]
    assert isinstance(current, Connection)
    assert current.organization_name == seen["placeholder"]
    assert seen["searched"] == ["Durand Conseil"]
    assert window.pages.currentIndex() == CONNECTIONS
    assert window.view.connection is not None  # the row the search left selected
    assert window.view.connection == window.list.current()
    assert window.view.name.text() == "Durand Conseil"
    assert window.pane.placeholder not in window.pane.findChildren(QObject)
    assert window.list.view.hasFocus()
    assert window.renew_action.isEnabled()  # the keep-alive came with the details


def test_a_selection_made_before_the_details_are_built_is_the_one_they_show(
    qtbot: QtBot,
    desk: Desk,
    emulator: Emulator,
    workers: Workers,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    made = connect_all(desk, emulator)
    durand = next(c for c in made if (c.organization_name or "").startswith("Durand"))
    named: list[str] = []

    def before(pane: ConnectionPane) -> None:
        assert pane.list.select(durand.id)
        named.append(pane.placeholder.name.text())

    watch_build(monkeypatch, before)
    window = MainWindow(desk, workers=workers, build_later=True)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.pane_built):
        window.show()
    assert named == ["Durand Conseil"]  # the placeholder followed the selection
    assert window.view.connection is not None
    assert window.view.connection.id == durand.id
    assert window.view.name.text() == "Durand Conseil"
    assert window.list.current() == window.view.connection
    assert window.view.test_button.isEnabled()


def test_the_keyring_is_named_once_the_list_is_shown_and_the_pane_built(
    qtbot: QtBot,
    desk: Desk,
    emulator: Emulator,
    workers: Workers,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Naming it loads keyring and its backends on a worker: beside the list's first frame and
    # first search, those imports took the GIL from the GUI thread.
    connect_all(desk, emulator)
    pane_built_then: list[bool] = []
    name = main_window._storage
    window = MainWindow(desk, workers=workers, build_later=True)

    def storage(named: Desk) -> object:  # on the worker
        pane_built_then.append(window.pane_ready)
        return name(named)

    monkeypatch.setattr(main_window, "_storage", storage)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.backend is not None)
    assert pane_built_then == [True]
    assert window.pages.currentIndex() == CONNECTIONS
    backend = window.backend
    assert backend is not None
    assert backend in window.view.details_text()  # the words reach the built pane
