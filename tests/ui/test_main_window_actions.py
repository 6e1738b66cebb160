"""The window's actions, each on a worker: test, renew, copy, reconnect, disconnect, close."""

from __future__ import annotations

import socket
from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from qonto_desktop.connections.desk import Desk, environment_of
from qonto_desktop.emulator import Emulator
from qonto_desktop.emulator.faults import Fault
from qonto_desktop.oauth import loopback_linger
from qonto_desktop.qonto.api import QontoApi
from qonto_desktop.store.connection import Connection
from qonto_desktop.ui.dialogs.confirm_disconnect import ConfirmDisconnect
from qonto_desktop.ui.main_window import MainWindow
from qonto_desktop.ui.panes.company_words import long_date
from qonto_desktop.ui.workers import Workers
from tests.support.approval import follow
from tests.support.desks import connect_one
from tests.support.keyrings import MemoryKeyring
from tests.support.main_window import open_window


def one_window(
    qtbot: QtBot, desk: Desk, emulator: Emulator, workers: Workers, **options: object
) -> tuple[MainWindow, Connection]:
    connection = connect_one(desk, emulator, organization_id=emulator.organizations[0].id)
    window = open_window(qtbot, desk, workers, **options)
    assert window.view.connection is not None
    assert window.view.connection.id == connection.id
    return window, connection


def browser(emulator: Emulator, *, approve: bool) -> Callable[[str], bool]:
    """A stand-in browser: registers the redirect URI (as the Developer Portal would) and
    follows the approval, or leaves the attempt waiting."""

    def open_url(url: str) -> bool:
        redirect_uri = parse_qs(urlsplit(url).query)["redirect_uri"][0]
        emulator.register_redirect_uri(redirect_uri)
        if approve:
            follow(url)
        return True

    return open_url


def confirmation(window: MainWindow) -> ConfirmDisconnect:
    """Ask to disconnect the connection shown; the confirmation that opens."""
    window.view.disconnect_button.click()
    dialog = window.pane.confirm_dialog
    assert dialog is not None
    return dialog


def idle(window: MainWindow, connection: Connection) -> bool:
    return not window.connection_actions.is_busy(connection.id)


def test_test_connection_reports_ok_and_updates_the_detail(
    qtbot: QtBot, desk: Desk, emulator: Emulator, workers: Workers
) -> None:
    window, connection = one_window(qtbot, desk, emulator, workers)
    before = connection.verified_at
    QTest.mouseClick(window.view.test_button, Qt.MouseButton.LeftButton)
    assert not window.view.test_button.isEnabled()  # one action at a time
    qtbot.waitUntil(lambda: idle(window, connection))
    assert window.view.message.kind == "success"
    assert window.view.message.text == "Connection OK: Qonto answered for Boulangerie Martin."
    assert window.view.connection is not None
    assert (window.view.connection.verified_at or 0) > (before or 0)
    assert window.view.test_button.isEnabled()


def test_test_connection_without_organization_read_says_not_checked(
    qtbot: QtBot, desk: Desk, emulator: Emulator, workers: Workers
) -> None:
    """No company can be read: the window says so, and "last verified" stays as it was."""
    scopes = ("openid", "offline_access", "membership.read")
    connection = connect_one(desk, emulator, scopes, organization_id=emulator.organizations[0].id)
    window = open_window(qtbot, desk, workers)
    window.view.test_button.click()
    qtbot.waitUntil(lambda: idle(window, connection))
    assert window.view.message.kind == "warning"
    assert window.view.message.text.startswith("Not checked: this connection may not read")
    assert "“Read bank accounts, balances and transactions”" in window.view.message.text
    assert "(organization.read)" not in window.view.message.text  # a code is not a word
    assert "Connection OK" not in window.view.message.text
    assert desk.index.get(connection.id).verified_at is None


def test_test_connection_shows_the_error_and_what_to_do(
    qtbot: QtBot, desk: Desk, emulator: Emulator, workers: Workers
) -> None:
    window, connection = one_window(qtbot, desk, emulator, workers)
    emulator.faults.set("organization", Fault(status=503))
    window.view.test_button.click()
    qtbot.waitUntil(lambda: idle(window, connection) and window.view.message.isVisible())
    assert window.view.message.kind == "error"
    assert window.view.message.text == (
        "Qonto's service answered with an error (HTTP 503).\n"
        "What to do: Wait a few minutes and try again."
    )
    assert window.view.test_button.isEnabled()


def test_renew_access_refreshes_at_qonto(
    qtbot: QtBot, desk: Desk, emulator: Emulator, workers: Workers
) -> None:
    window, connection = one_window(qtbot, desk, emulator, workers)
    refreshed = emulator.events["refreshed"]
    window.view.renew_button.click()
    qtbot.waitUntil(lambda: idle(window, connection))
    assert emulator.events["refreshed"] == refreshed + 1
    assert window.view.message.kind == "success"
    assert window.view.connection is not None
    assert window.view.connection.refreshed_at is not None
    assert window.view.connection.refresh_expires_at is not None
    until = long_date(window.view.connection.refresh_expires_at, "en")
    renewed = f"Access renewed for Boulangerie Martin: valid until {until}."
    assert window.view.message.text == renewed
    assert "Last renewed" in window.view.details_text()


@pytest.mark.parametrize("user_copies_meanwhile", [False, True])
def test_copy_puts_a_working_token_on_the_clipboard_for_a_while(
    qtbot: QtBot, desk: Desk, emulator: Emulator, workers: Workers, user_copies_meanwhile: bool
) -> None:
    window, _ = one_window(qtbot, desk, emulator, workers, clipboard_clear_ms=300)
    clipboard = QGuiApplication.clipboard()
    clipboard.clear()
    with qtbot.waitSignal(window.clipboard.expired, timeout=10_000) as expired:
        window.view.advanced.toggle.click()
        window.view.copy_button.click()
        qtbot.waitUntil(lambda: clipboard.text() != "")
        token = clipboard.text()
        organization = QontoApi(environment_of(desk, "emulator"), token).organization()
        assert organization.name == "Boulangerie Martin"
        assert token not in window.view.details_text()
        assert token not in window.view.message.text
        if user_copies_meanwhile:
            clipboard.setText("an IBAN the user copied")
    # Cleared only if it still held the token; what the user copied since is theirs.
    assert expired.args == [not user_copies_meanwhile]
    assert clipboard.text() == ("an IBAN the user copied" if user_copies_meanwhile else "")


def test_disconnect_says_what_it_revokes_and_does_it(
    qtbot: QtBot,
    desk: Desk,
    emulator: Emulator,
    workers: Workers,
    keyring_backend: MemoryKeyring,
) -> None:
    window, connection = one_window(qtbot, desk, emulator, workers)
    assert f"conn/{connection.id}/tokens" in {  # one entry holds the grant's two tokens
        name.partition("#")[0] for name in keyring_backend.names()
    }
    dialog = confirmation(window)
    assert dialog.isVisible()
    assert dialog.isModal()
    text = dialog.explanation.text()
    assert "withdraw the app's consent in Qonto for Boulangerie Martin" in text
    assert "revoke the refresh token and the access token at Qonto" in text
    assert "delete both tokens from keyrings MemoryKeyring" in text
    assert dialog.withdraw.isChecked()
    assert dialog.cancel_button.isDefault()
    QTest.mouseClick(dialog.disconnect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.pages.currentIndex() == 1)  # the empty state again
    assert desk.index.load().connections == ()
    assert not any(name.startswith(f"conn/{connection.id}/") for name in keyring_backend.names())
    assert window.notice.kind == "success"
    assert "Boulangerie Martin is disconnected" in window.notice.text
    assert "consent is withdrawn" in window.notice.text


def test_disconnect_reports_what_qonto_could_not_be_told(
    qtbot: QtBot, desk: Desk, emulator: Emulator, workers: Workers
) -> None:
    window, _ = one_window(qtbot, desk, emulator, workers)
    emulator.faults.set("consents", Fault(status=503))
    confirmation(window).disconnect_button.click()
    qtbot.waitUntil(lambda: window.pages.currentIndex() == 1)
    assert window.notice.kind == "warning"
    assert "could not be told about: the consent" in window.notice.text


def test_disconnect_without_withdrawing_the_consent(
    qtbot: QtBot, desk: Desk, emulator: Emulator, workers: Workers
) -> None:
    window, _ = one_window(qtbot, desk, emulator, workers)
    dialog = confirmation(window)
    dialog.withdraw.setChecked(False)
    assert "consent" not in dialog.explanation.text().split("\n")[1]
    dialog.disconnect_button.click()
    qtbot.waitUntil(lambda: window.pages.currentIndex() == 1)
    assert window.notice.text.endswith("the tokens are revoked and deleted from the keyring.")


def test_cancelling_the_disconnect_keeps_everything(
    qtbot: QtBot, desk: Desk, emulator: Emulator, workers: Workers
) -> None:
    window, connection = one_window(qtbot, desk, emulator, workers)
    dialog = confirmation(window)
    QTest.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert not workers.busy
    assert [c.id for c in desk.index.load().connections] == [connection.id]
    assert window.list.visible_names() == ["Boulangerie Martin"]


def test_reconnect_opens_the_connect_dialog_for_the_same_organization(
    qtbot: QtBot, desk: Desk, emulator: Emulator, workers: Workers
) -> None:
    window, _ = one_window(qtbot, desk, emulator, workers)
    window.view.reconnect_button.click()
    dialog = window.connect_dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert "Boulangerie Martin" in dialog.windowTitle()
    dialog.reject()
    qtbot.waitUntil(lambda: window.connect_dialog is None)


def test_closing_during_a_slow_task_waits_for_it(
    qtbot: QtBot, desk: Desk, emulator: Emulator, workers: Workers
) -> None:
    window, connection = one_window(qtbot, desk, emulator, workers)
    emulator.faults.set("organization", Fault(delay=2))
    window.view.test_button.click()
    assert workers.busy
    window.close()
    assert workers.wait_for_done(0)  # nothing left running once close returns
    qtbot.waitUntil(lambda: not workers.busy)
    assert not window.view.message.isVisible()  # the late result is not shown anywhere
    assert desk.index.get(connection.id).verified_at is not None


def test_connecting_from_the_window_lists_and_selects_the_new_connection(
    qtbot: QtBot, desk: Desk, emulator: Emulator, workers: Workers
) -> None:
    window = open_window(
        qtbot, desk, workers, demo=True, open_browser=browser(emulator, approve=True)
    )
    dialog = window.open_connect()
    assert dialog.form.environment_name() == "emulator"
    QTest.mouseClick(dialog.form.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.pages.currentIndex() == 2, timeout=20_000)
    assert window.view.connection is not None
    assert window.notice.text == f"{window.view.connection.organization_name} is connected."
    dialog.reject()
    qtbot.waitUntil(lambda: window.connect_dialog is None)


def test_closing_the_window_during_a_connect_flow_stops_it(
    qtbot: QtBot, desk: Desk, emulator: Emulator, workers: Workers
) -> None:
    window = open_window(
        qtbot, desk, workers, demo=True, open_browser=browser(emulator, approve=False)
    )
    dialog = window.open_connect()
    QTest.mouseClick(dialog.form.connect_button, Qt.MouseButton.LeftButton)
    urls: list[str] = []

    def waiting() -> bool:
        flow = dialog.flow()
        if flow is not None and flow.url:
            urls.append(flow.url)
        return bool(urls)

    qtbot.waitUntil(waiting, timeout=20_000)
    port = urlsplit(parse_qs(urlsplit(urls[0]).query)["redirect_uri"][0]).port
    window.close()
    assert not dialog.isVisible()
    assert workers.wait_for_done(0)  # the flow ended before close returned
    assert port
    state = parse_qs(urlsplit(urls[0]).query)["state"][0]
    late = requests.get(
        f"http://127.0.0.1:{port}/callback", params={"code": "c", "state": state}, timeout=10
    )
    assert late.status_code == 410  # a late browser is told; nothing completes
    loopback_linger.end_all()  # as the app's exit does
    with socket.socket() as again:  # the receiver let go of its port
        again.bind(("127.0.0.1", port))
