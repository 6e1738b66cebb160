"""The main window: empty state, list and detail, banners, language, menu, size, keyboard."""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from pytestqt.qtbot import QtBot

from qonto_desktop import __version__
from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.model import BackendDescription
from qonto_desktop.emulator import Emulator
from qonto_desktop.store.connection import Connection
from qonto_desktop.ui import main_window, menu_actions
from qonto_desktop.ui.formatting import DAY, money
from qonto_desktop.ui.main_window import CONNECTIONS, EMPTY, LOADING, MainWindow
from qonto_desktop.ui.panes.connection_list import ConnectionList
from qonto_desktop.ui.workers import Workers
from tests.support.desks import connect_one
from tests.support.main_window import open_window

NNBSP = "\u202f"
NBSP = "\u00a0"


def connect_all(desk: Desk, emulator: Emulator) -> dict[str, Connection]:
    """Connect every demo organization; keyed by a short name."""
    found = {}
    for organization in emulator.organizations:
        connection = connect_one(desk, emulator, organization_id=organization.id)
        found[organization.name.split()[0].lower()] = connection
    return found  # "boulangerie", "atelier", "durand"


def test_a_window_built_later_shows_a_light_shell_then_the_connections(
    qtbot: QtBot, desk: Desk, emulator: Emulator, workers: Workers
) -> None:
    made = connect_all(desk, emulator)
    window = MainWindow(desk, workers=workers, build_later=True)
    qtbot.addWidget(window)
    assert not window.pane_ready  # nothing of the pane yet: it is built after the first frame
    assert window.pages.count() == 1
    assert window.pages.currentIndex() == LOADING
    assert window.loading.text() == "Loading your connections…"
    assert window.windowTitle() == "Qonto Desktop"
    assert [action.text() for action in window.menuBar().actions()] == ["&File", "&Help"]
    with qtbot.waitSignal(window.pane_built):
        window.show()
    qtbot.waitUntil(lambda: window.pages.currentIndex() == CONNECTIONS)
    assert window.pages.currentWidget() is window.pane
    assert window.list.visible_names() == [
        "Atelier Lumière Architecture",
        "Boulangerie Martin",
        "Durand Conseil",
    ]
    assert window.list.view.hasFocus()  # focus follows the change of page, as before
    qtbot.waitUntil(lambda: window.backend is not None)
    assert window.list.select(made["durand"].id)
    assert "keyrings MemoryKeyring" in window.view.details_text()  # described before or after


def test_the_shell_reads_and_builds_only_after_its_first_frame(
    qtbot: QtBot, desk: Desk, emulator: Emulator, workers: Workers
) -> None:
    connect_all(desk, emulator)
    window = MainWindow(desk, workers=workers, build_later=True)
    qtbot.addWidget(window)
    assert not workers.busy  # nothing competes with the first frame for the GIL
    assert not window.pane_ready
    assert window.pages.currentIndex() == LOADING
    with qtbot.waitSignal(window.pane_built):
        window.show()
    qtbot.waitUntil(lambda: window.pages.currentIndex() == CONNECTIONS)
    assert len(window.list.visible_names()) == 3


def test_the_keyring_is_named_only_once_the_list_is_shown(
    qtbot: QtBot,
    desk: Desk,
    emulator: Emulator,
    workers: Workers,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Naming the keyring loads its backend (SecretStorage, jeepney, cryptography); started
    # beside the index read, it took the GIL from the GUI thread building the list.
    connect_all(desk, emulator)
    happened: list[str] = []
    storage = main_window._storage
    show = ConnectionList.set_connections

    def naming(given: Desk) -> BackendDescription:
        happened.append("keyring named")
        return storage(given)

    def shown(pane_list: ConnectionList, connections: Sequence[Connection]) -> None:
        show(pane_list, connections)
        happened.append("list shown")

    monkeypatch.setattr(main_window, "_storage", naming)
    monkeypatch.setattr(ConnectionList, "set_connections", shown)
    window = MainWindow(desk, workers=workers, build_later=True)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.pane_built):
        window.show()
    qtbot.waitUntil(lambda: window.backend is not None)
    assert happened[:2] == ["list shown", "keyring named"]
    assert "keyrings MemoryKeyring" in window.view.details_text()
    window.reload()
    qtbot.waitUntil(lambda: happened.count("list shown") == 2 and not workers.busy)
    assert happened.count("keyring named") == 1  # once, not at every read of the list


def test_a_window_built_later_with_no_connection_shows_the_call_to_action(
    qtbot: QtBot, desk: Desk, workers: Workers
) -> None:
    window = open_window(qtbot, desk, workers, build_later=True, demo=True)
    assert window.pages.currentIndex() == EMPTY
    assert window.empty.button.isVisible()
    assert window.demo_banner.isVisible()


def test_closing_before_the_pane_is_built_is_clean(
    qtbot: QtBot, desk: Desk, emulator: Emulator, workers: Workers
) -> None:
    connect_all(desk, emulator)
    window = MainWindow(desk, workers=workers, build_later=True)
    qtbot.addWidget(window)
    window.show()
    window.close()
    qtbot.waitUntil(lambda: not workers.busy)
    # Deliver what was already queued (the pane's zero-delay build, the list read): none of
    # it may rebuild a closed window.
    for _ in range(3):
        QApplication.processEvents()
    assert not window.pane_ready
    assert window.pages.currentIndex() == LOADING
    assert (desk.paths.config_dir / "window.json").is_file()


def test_with_no_connection_one_call_to_action_is_shown(
    qtbot: QtBot, desk: Desk, workers: Workers
) -> None:
    window = open_window(qtbot, desk, workers)
    assert window.pages.currentIndex() == EMPTY
    assert window.empty.button.text() == "Connect a client"
    assert window.empty.button.isVisible()
    assert not window.demo_banner.isVisible()
    assert not window.index_banner.isVisible()


def test_the_call_to_action_opens_the_connect_dialog(
    qtbot: QtBot, desk: Desk, workers: Workers
) -> None:
    window = open_window(qtbot, desk, workers)
    QTest.mouseClick(window.empty.button, Qt.MouseButton.LeftButton)
    dialog = window.connect_dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert window.environments == ("production", "sandbox")
    dialog.reject()
    qtbot.waitUntil(lambda: window.connect_dialog is None)


def test_the_list_shows_names_badges_and_status_words(
    qtbot: QtBot, desk: Desk, emulator: Emulator, workers: Workers
) -> None:
    made = connect_all(desk, emulator)
    desk.index.update(made["boulangerie"].id, refresh_expires_at=time.time() + 5 * DAY + 600)
    desk.index.update(made["atelier"].id, state="unverified")
    desk.index.update(made["durand"].id, state="needs_reconnect")
    window = open_window(qtbot, desk, workers)
    assert window.pages.currentIndex() == CONNECTIONS
    rows = [
        window.list.proxy.index(row, 0).data(Qt.ItemDataRole.AccessibleTextRole)
        for row in range(window.list.proxy.rowCount())
    ]
    # Each row says it all: name, legal name, SIREN, environment, status, access, balance.
    assert [str(row).split(", access valid until ")[0] for row in rows] == [
        "Atelier Lumière Architecture, ATELIER LUMIERE ARCHITECTURE, SIREN 912543089, Demo, "
        "Unverified",
        "Boulangerie Martin, BOULANGERIE MARTIN, SIREN 843217654, Demo, Ending soon",
        "Durand Conseil, DURAND CONSEIL, SIREN 880674320, Demo, To reconnect",
    ]
    assert "(in 5 days), balance €24,773.27 as of " in str(rows[1])


def test_selecting_shows_the_detail(
    qtbot: QtBot, desk: Desk, emulator: Emulator, workers: Workers
) -> None:
    made = connect_all(desk, emulator)
    lumiere = made["atelier"]
    desk.index.update(lumiere.id, scopes_requested=(*lumiere.scopes_requested, "payment.write"))
    window = open_window(qtbot, desk, workers)
    assert window.list.select(lumiere.id)
    text = window.view.details_text()
    assert "Atelier Lumière Architecture" in text
    assert "ATELIER LUMIERE ARCHITECTURE" in text
    assert "Camille Lefèvre" in text
    assert "Accountant" in text
    assert "FR76 •••• •••• 0978" in text
    assert "€74,120.85" in text
    assert "Read bank accounts, balances and transactions — granted" in text
    assert "Send SEPA transfers and manage beneficiaries — requested, not granted" in text
    assert "organization.read" in text  # its code, under Advanced
    assert "Access token expires" in text
    assert "(in 59 min)" in text
    assert "89 days left" in text
    assert "Last checked" in text
    assert "keyrings MemoryKeyring" in text  # the test keyring, described on a worker
    assert "7412085" not in text


def test_search_ignores_case_and_accents(
    qtbot: QtBot, desk: Desk, emulator: Emulator, workers: Workers
) -> None:
    connect_all(desk, emulator)
    window = open_window(qtbot, desk, workers)
    QTest.keyClicks(window.list.search, "lumiere")
    assert window.list.visible_names() == ["Atelier Lumière Architecture"]
    assert window.view.connection is not None
    assert window.view.connection.organization_name == "Atelier Lumière Architecture"
    window.list.search.setText("MARTIN")
    assert window.list.visible_names() == ["Boulangerie Martin"]
    window.list.search.setText("nothing like it")
    assert window.list.visible_names() == []
    assert window.list.no_match.isVisible()
    window.list.search.clear()
    assert len(window.list.visible_names()) == 3


def test_a_french_window_writes_amounts_and_dates_the_french_way(
    qtbot: QtBot, desk: Desk, emulator: Emulator, workers: Workers
) -> None:
    made = connect_all(desk, emulator)
    window = open_window(qtbot, desk, workers, language="fr")
    window.list.select(made["atelier"].id)
    text = window.view.details_text()
    assert f"74{NNBSP}120,85{NBSP}€" in text
    assert f"120{NNBSP}000,00{NBSP}€" in text
    assert money(7_412_085, "EUR", "fr") in text
    assert "Consulter les comptes, soldes et transactions" in text
    assert "(organization.read)" not in text


def test_demo_mode_shows_a_permanent_banner(qtbot: QtBot, desk: Desk, workers: Workers) -> None:
    window = open_window(qtbot, desk, workers, demo=True)
    assert window.demo_banner.isVisible()
    assert window.demo_banner.text.startswith("Demo: not connected to Qonto.")
    assert window.demo_banner.close_button is None  # it cannot be dismissed
    assert window.environments == ("emulator", "production", "sandbox")
    assert "Demo" in window.windowTitle()


def test_a_damaged_list_is_reported_in_a_banner(
    qtbot: QtBot, desk: Desk, emulator: Emulator, workers: Workers
) -> None:
    connect_all(desk, emulator)
    desk.index.path.write_bytes(b"{ not json at all")
    window = open_window(qtbot, desk, workers)
    assert window.index_banner.isVisible()
    assert "damaged" in window.index_banner.text
    assert "Traceback" not in window.index_banner.text


def test_the_menu_opens_settings_the_log_folder_and_about(
    qtbot: QtBot, desk: Desk, workers: Workers, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Path] = []

    def open_folder(path: Path) -> bool:
        opened.append(path)
        return True

    monkeypatch.setattr(menu_actions, "open_folder", open_folder)
    window = open_window(qtbot, desk, workers)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&File", "&Help"]
    window.menu_actions.settings.trigger()
    settings = window.menu_actions.settings_dialog
    assert settings is not None
    assert settings.isVisible()
    settings.reject()
    window.menu_actions.log_folder.trigger()
    assert opened == [desk.paths.log_dir]
    assert desk.paths.log_dir.is_dir()
    window.menu_actions.about.trigger()
    about = window.menu_actions.about_dialog
    assert about is not None
    assert about.isVisible()
    text = about.text()
    assert f"Version {__version__}" in text
    assert "Licence: MIT" in text
    for folder in (desk.paths.config_dir, desk.paths.data_dir, desk.paths.log_dir):
        assert str(folder) in text
    assert "keyrings MemoryKeyring" in text
    about.reject()


def test_the_geometry_is_remembered(qtbot: QtBot, desk: Desk, workers: Workers) -> None:
    first = open_window(qtbot, desk, workers)
    assert first.size() == QSize(1100, 720)  # the default, with nothing saved
    # Restoring clamps to the (800 x 600 offscreen) screen, so the size stays within it.
    first.resize(first.minimumWidth(), first.minimumHeight() + 11)
    size = first.size()
    first.close()
    assert (desk.paths.config_dir / "window.json").is_file()
    second = open_window(qtbot, desk, workers)
    assert second.size() == size


@pytest.mark.parametrize("build_later", [False, True], ids=["built-at-once", "built-later"])
def test_the_keyboard_reaches_every_control_in_order(
    qtbot: QtBot, desk: Desk, emulator: Emulator, workers: Workers, build_later: bool
) -> None:
    connect_all(desk, emulator)
    window = open_window(qtbot, desk, workers, build_later=build_later)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.list.search.setFocus()
    seen: list[QWidget] = [window.list.search]
    for _ in range(9):
        QTest.keyClick(seen[-1], Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        assert focused is not None
        seen.append(focused)
    view = window.view
    assert seen == [
        window.list.search,
        window.list.attention,
        window.list.view,
        window.list.connect_button,
        view.test_button,
        view.renew_button,
        view.reconnect_button,
        view.disconnect_button,
        view.details,
        view.advanced.toggle,
    ]


@pytest.mark.parametrize("build_later", [False, True], ids=["built-at-once", "built-later"])
def test_every_control_has_an_accessible_name(
    qtbot: QtBot, desk: Desk, emulator: Emulator, workers: Workers, build_later: bool
) -> None:
    connect_all(desk, emulator)
    window = open_window(qtbot, desk, workers, build_later=build_later)
    window.view.message.show_message("info", "a message with a dismiss button")
    interactive = [
        widget
        for widget in window.findChildren(QWidget)
        if widget.isVisible()
        and (
            isinstance(widget, QAbstractButton)
            or widget.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus
        )
    ]
    assert len(interactive) >= 10
    unnamed = [type(widget).__name__ for widget in interactive if not widget.accessibleName()]
    assert unnamed == []


def test_changes_made_elsewhere_show_up_on_the_next_reread(
    qtbot: QtBot, desk: Desk, emulator: Emulator, workers: Workers
) -> None:
    made = connect_all(desk, emulator)
    window = open_window(qtbot, desk, workers)
    window.list.select(made["durand"].id)
    window.view.message.show_message("info", "kept across re-reads")
    desk.index.update(made["durand"].id, state="needs_reconnect")  # as another process would
    window.reread_timer.setInterval(50)
    qtbot.waitUntil(lambda: window.view.status_words.text() == "Needs reconnecting")
    assert window.view.message.text == "kept across re-reads"
    assert window.view.connection is not None
    assert window.view.connection.id == made["durand"].id
