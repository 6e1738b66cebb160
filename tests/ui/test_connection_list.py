"""The list of connections on its own: folding for search, keeping the selection, updates."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from qonto_desktop.connections.desk import Desk
from qonto_desktop.emulator import Emulator
from qonto_desktop.store.connection import Connection
from qonto_desktop.ui.panes.connection_list import ConnectionList, fold
from qonto_desktop.ui.panes.delegate import STATUS_ROLE
from tests.support.desks import connect_one


@pytest.mark.parametrize(
    ("text", "folded"),
    [("Lumière", "lumiere"), ("ÉPARGNE", "epargne"), ("Straße", "strasse"), ("Œuvre", "œuvre")],
)
def test_fold_ignores_case_and_accents(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.fixture
def two(desk: Desk, emulator: Emulator) -> list[Connection]:
    return [
        connect_one(desk, emulator, organization_id=emulator.organizations[i].id) for i in (0, 1)
    ]


def make_list(qtbot: QtBot, connections: list[Connection]) -> ConnectionList:
    widget = ConnectionList(now=time.time)
    qtbot.addWidget(widget)
    widget.set_connections(connections)
    return widget


def test_connecting_keeps_the_siren_the_search_looks_for(two: list[Connection]) -> None:
    assert [connection.legal_number for connection in two] == ["843217654", "912543089"]


def test_the_first_connection_is_selected(qtbot: QtBot, two: list[Connection]) -> None:
    widget = make_list(qtbot, two)
    assert widget.current() == two[0]
    assert widget.visible_names() == ["Boulangerie Martin", "Atelier Lumière Architecture"]


def test_reloading_keeps_the_selection_and_emits_once(qtbot: QtBot, two: list[Connection]) -> None:
    widget = make_list(qtbot, two)
    assert widget.select(two[1].id)
    seen: list[object] = []
    widget.selected.connect(seen.append)
    widget.set_connections(two)
    assert seen == [two[1]]


def test_selecting_a_hidden_connection_clears_the_search(
    qtbot: QtBot, two: list[Connection]
) -> None:
    widget = make_list(qtbot, two)
    widget.search.setText("boulangerie")
    assert widget.visible_names() == ["Boulangerie Martin"]
    assert widget.select(two[1].id)
    assert widget.search.text() == ""
    assert widget.current() == two[1]
    assert not widget.select("no-such-id")


def test_an_update_changes_the_status_words(qtbot: QtBot, two: list[Connection]) -> None:
    widget = make_list(qtbot, two)
    with qtbot.waitSignal(widget.selected) as selected:
        widget.update_connection(replace(two[0], state="needs_reconnect"))
    assert selected.args[0].state == "needs_reconnect"
    status = widget.proxy.index(0, 0).data(STATUS_ROLE)
    assert status.words == "To reconnect"
    spoken = widget.proxy.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.startswith("Boulangerie Martin, BOULANGERIE MARTIN, SIREN 843217654, Demo, ")
    assert ", To reconnect, access valid until " in spoken


def test_an_empty_list_selects_nothing(qtbot: QtBot, two: list[Connection]) -> None:
    widget = make_list(qtbot, two)
    with qtbot.waitSignal(widget.selected) as selected:
        widget.set_connections([])
    assert selected.args == [None]
    assert not widget.no_match.isVisible()


def test_the_connect_button_asks_for_a_connection(qtbot: QtBot, two: list[Connection]) -> None:
    widget = make_list(qtbot, two)
    with qtbot.waitSignal(widget.connect_requested):
        QTest.mouseClick(widget.connect_button, Qt.MouseButton.LeftButton)
