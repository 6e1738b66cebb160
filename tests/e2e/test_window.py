"""The real window end to end: the emulator, headless Chromium and the real Secret Service.

The window runs offscreen and is driven as a user would, with the mouse alone or the keyboard
alone: open the connect dialog, connect the Demo, see the organization listed; then restart the
window on a fresh desk over the same files and keyring, and find the connection still there,
its tokens still usable.
"""

from __future__ import annotations

import socket
import threading
import uuid
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from qonto_desktop.connections import token_pair
from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.registration import CALLBACK_PATH
from qonto_desktop.emulator import Emulator
from qonto_desktop.oauth.redirect import LOOPBACK_HOST
from qonto_desktop.store.connection import Connection
from qonto_desktop.store.secret_service import Keyring as KeptKeyring
from qonto_desktop.store.secrets import SecretStore
from qonto_desktop.ui.connect.dialog import ConnectDialog
from qonto_desktop.ui.main_window import CONNECTIONS, EMPTY, LOADING, MainWindow
from tests.conftest import Figure
from tests.support.chromium import HeadlessChromium
from tests.support.desks import make_desk
from tests.support.keyrings import backend_of
from tests.support.secret_items import entry_names
from tests.support.secret_service import SecretServiceSession

pytestmark = [pytest.mark.browser, pytest.mark.keyring]

# Chromium's start, its redirects and the real keyring's writes: generous, never a sleep.
FLOW_MS = 90_000
STEP_MS = 15_000
MAX_TABS = 30  # more than the dialog's tab stops (the permissions list is one)


@dataclass(frozen=True)
class Home:
    """What survives a restart: the app's folders, the keyring service, the redirect port."""

    root: Path
    service: str
    port: int
    emulator: Emulator


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((LOOPBACK_HOST, 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def home(app_home: Path, emulator: Emulator, secret_service: SecretServiceSession) -> Home:
    """A fixed redirect port registered with the emulator, as in Qonto's Developer Portal.

    The keyring service is this test's own: the Secret Service is shared by the test session.
    """
    port = free_port()
    emulator.register_redirect_uri(f"http://{LOOPBACK_HOST}:{port}{CALLBACK_PATH}")
    return Home(app_home, f"qonto-desktop-test-{uuid.uuid4().hex[:12]}", port, emulator)


def fresh_desk(home: Home) -> Desk:
    """A new desk object over the same folders and keyring service, as after a restart."""
    emulator = home.emulator
    backend = backend_of(KeptKeyring)
    desk = make_desk(home.root, emulator, backend)
    registration = {"client_id": emulator.public_client.client_id, "redirect_port": home.port}
    return replace(
        desk,
        secrets=SecretStore(backend, service=home.service, timeout=15),
        settings={"registrations": {"emulator": registration}},
    )


def open_window(qtbot: QtBot, desk: Desk, chromium: HeadlessChromium) -> MainWindow:
    """The demo window, its browser seam opening headless Chromium; shown and loaded."""
    window = MainWindow(desk, demo=True, open_browser=chromium.open)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(
        lambda: window.pages.currentIndex() != LOADING and window.backend is not None,
        timeout=STEP_MS,
    )
    return window


def close_window(qtbot: QtBot, window: MainWindow) -> None:
    """Close as the user would; nothing may be left running once it has closed."""
    window.close()
    assert not window.isVisible()
    assert window.workers.wait_for_done(0), "a worker task outlived the window"
    assert QThreadPool.globalInstance().waitForDone(0)
    assert not [t.name for t in threading.enumerate() if t.name.startswith("oauth-receiver")]
    qtbot.waitUntil(lambda: not window.workers.busy)  # the last outcomes, queued, were delivered


def the_dialog(window: MainWindow) -> ConnectDialog:
    dialog = window.connect_dialog
    assert dialog is not None
    assert dialog.isVisible()
    return dialog


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def wait_for_active(qtbot: QtBot, window: QWidget) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=STEP_MS)


def press(key: Qt.Key) -> None:
    """One key pressed on whatever has the focus, as a keyboard user would."""
    QTest.keyClick(focused(), key)


def tab_to(target: QWidget) -> int:
    """Press Tab until ``target`` has the focus; the number of presses."""
    for presses in range(MAX_TABS):
        if QApplication.focusWidget() is target:
            return presses
        press(Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target.objectName() or target!r}")


def action_reported(window: MainWindow, connection: Connection) -> bool:
    """The Test action has ended and said how it went."""
    return not window.connection_actions.is_busy(connection.id) and window.view.message.isVisible()


def assert_listed_and_shown(window: MainWindow, connection: Connection) -> None:
    assert window.pages.currentIndex() == CONNECTIONS
    assert window.list.visible_names() == [connection.organization_name]
    assert window.view.connection is not None
    assert window.view.connection.id == connection.id
    text = window.view.details_text()
    assert connection.organization_name in text
    assert connection.legal_name in text
    assert connection.accounts
    assert connection.accounts[0].masked_iban in text


def test_connect_with_the_mouse_then_restart_and_find_it_again(
    qtbot: QtBot, chromium: HeadlessChromium, home: Home
) -> None:
    emulator = home.emulator
    desk = fresh_desk(home)
    window = open_window(qtbot, desk, chromium)
    assert window.pages.currentIndex() == EMPTY
    QTest.mouseClick(window.empty.button, Qt.MouseButton.LeftButton)
    dialog = the_dialog(window)
    assert dialog.form.environment_name() == "emulator"  # the Demo comes first in demo mode
    assert dialog.form.connect_button.isEnabled()
    with qtbot.waitSignal(dialog.connected, timeout=FLOW_MS) as connected:
        QTest.mouseClick(dialog.form.connect_button, Qt.MouseButton.LeftButton)
    connection = connected.args[0]
    assert isinstance(connection, Connection)
    assert connection.environment == "emulator"
    assert connection.organization_name in {org.name for org in emulator.organizations}
    assert dialog.pages.currentWidget() is dialog.result_page
    page = dialog.result_page.text()
    assert f"Connected to {connection.organization_name}" in page
    assert "Signed in as" in page
    assert "Qonto Desktop" in chromium.last_page()  # the browser ended on the receiver's page
    QTest.mouseClick(dialog.result_page.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.connect_dialog is None, timeout=STEP_MS)
    qtbot.waitUntil(lambda: window.pages.currentIndex() == CONNECTIONS, timeout=STEP_MS)
    assert_listed_and_shown(window, connection)
    assert window.notice.text == f"{connection.organization_name} is connected."
    # The tokens are in the real Secret Service, under this test's service only.
    names = entry_names(home.service)
    assert f"conn/{connection.id}/tokens" in names, names  # both tokens, in one entry
    close_window(qtbot, window)

    again = open_window(qtbot, fresh_desk(home), chromium)
    assert again.pages.currentIndex() == CONNECTIONS
    assert again.list.visible_names() == [connection.organization_name]
    view = again.list.view
    row = view.visualRect(again.list.proxy.index(0, 0))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=row.center())
    assert_listed_and_shown(again, connection)
    # The restarted window reads the access token back from the keyring: Qonto accepts it.
    QTest.mouseClick(again.view.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: action_reported(again, connection), timeout=STEP_MS)
    assert again.view.message.kind == "success", again.view.message.text
    assert again.view.message.text == (
        f"Connection OK: Qonto answered for {connection.organization_name}."
    )
    close_window(qtbot, again)


@pytest.mark.parametrize("way", ["tab-to-connect", "enter"])
def test_connect_with_the_keyboard_alone(
    qtbot: QtBot, chromium: HeadlessChromium, home: Home, way: str, figure: Figure
) -> None:
    window = open_window(qtbot, fresh_desk(home), chromium)
    wait_for_active(qtbot, window)
    # With nothing connected the call to action has the focus: Space presses it.
    assert focused() is window.empty.button
    press(Qt.Key.Key_Space)
    dialog = the_dialog(window)
    wait_for_active(qtbot, dialog)
    assert focused() is dialog.form.connect_button  # Sign in has the focus: one key away
    assert dialog.form.environment_name() == "emulator"
    if way == "enter":  # Sign in is the form's default button as well
        key = Qt.Key.Key_Return
    else:  # once round the folded form: Change, Advanced, Close, back to Sign in
        press(Qt.Key.Key_Tab)
        assert focused() is dialog.form.change
        presses = 1 + tab_to(dialog.form.connect_button)
        assert presses == 4
        figure("Tab presses round the folded connect form", presses)
        key = Qt.Key.Key_Space
    with qtbot.waitSignal(dialog.connected, timeout=FLOW_MS) as connected:
        press(key)
        # While waiting, the focus is on Cancel: a keyboard user can always stop.
        assert focused() is dialog.waiting_page.cancel
    connection = connected.args[0]
    assert isinstance(connection, Connection)
    assert focused() is dialog.result_page.another  # the next client is one key away
    tab_to(dialog.result_page.close_button)
    press(Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.connect_dialog is None, timeout=STEP_MS)
    qtbot.waitUntil(lambda: window.pages.currentIndex() == CONNECTIONS, timeout=STEP_MS)
    wait_for_active(qtbot, window)
    assert_listed_and_shown(window, connection)
    # Back in the window, the keyboard lands in the list and reaches the actions.
    assert focused() is window.list.view
    tab_to(window.view.test_button)
    press(Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: action_reported(window, connection), timeout=STEP_MS)
    assert window.view.message.kind == "success", window.view.message.text
    close_window(qtbot, window)


def test_enter_on_the_focused_close_button_closes_without_connecting(
    qtbot: QtBot, chromium: HeadlessChromium, home: Home
) -> None:
    """A keyboard user who tabs to Close and presses Enter means Close, never Connect."""
    window = open_window(qtbot, fresh_desk(home), chromium)
    wait_for_active(qtbot, window)
    press(Qt.Key.Key_Space)
    dialog = the_dialog(window)
    wait_for_active(qtbot, dialog)
    tab_to(dialog.form.close_button)
    press(Qt.Key.Key_Return)
    assert not dialog.busy, "Enter on the focused Close button started a connection"
    qtbot.waitUntil(lambda: window.connect_dialog is None, timeout=STEP_MS)
    close_window(qtbot, window)


def test_connect_another_for_a_company_already_connected_renews_it(
    qtbot: QtBot, chromium: HeadlessChromium, home: Home
) -> None:
    """Twice the same company, in Chromium, on the real keyring: one connection, renewed."""
    desk = fresh_desk(home)
    window = open_window(qtbot, desk, chromium)
    QTest.mouseClick(window.empty.button, Qt.MouseButton.LeftButton)
    dialog = the_dialog(window)
    with qtbot.waitSignal(dialog.connected, timeout=FLOW_MS) as connected:
        QTest.mouseClick(dialog.form.connect_button, Qt.MouseButton.LeftButton)
    first: Connection = connected.args[0]
    page = dialog.result_page
    assert page.tally.text() == "1 client connected this session"
    old_refresh = token_pair.read(desk, first).refresh
    with qtbot.waitSignal(dialog.connected, timeout=FLOW_MS) as again:
        QTest.mouseClick(page.another, Qt.MouseButton.LeftButton)
    renewed: Connection = again.args[0]
    assert f"{first.organization_name} was already connected: access renewed" in page.text()
    assert page.tally.text() == "1 client connected this session"
    assert (renewed.id, renewed.created_at) == (first.id, first.created_at)
    assert [c.id for c in desk.index.load().connections] == [first.id]
    assert token_pair.read(desk, renewed).refresh not in {None, old_refresh}
    assert "Qonto Desktop" in chromium.last_page()  # the second browser ended on the receiver
    QTest.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.connect_dialog is None, timeout=STEP_MS)
    close_window(qtbot, window)
