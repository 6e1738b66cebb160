"""The detail pane on its own: what it says about a connection, and the requests it sends."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from qonto_desktop.connections.desk import Desk
from qonto_desktop.emulator import Emulator
from qonto_desktop.store.connection import Connection
from qonto_desktop.ui.panes.connection_view import ConnectionView
from tests.support.desks import connect_one


@pytest.fixture
def connection(desk: Desk, emulator: Emulator) -> Connection:
    return connect_one(desk, emulator, organization_id=emulator.organizations[1].id)


def make_view(qtbot: QtBot, language: str = "en") -> ConnectionView:
    view = ConnectionView(now=time.time, language=language)
    qtbot.addWidget(view)
    return view


def test_nothing_selected_shows_a_hint_and_no_action(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    view.show()
    assert "Select a connection" in view.details_text()
    assert not any(button.isVisible() for button in view.buttons)


def test_the_detail_in_english(qtbot: QtBot, connection: Connection) -> None:
    view = make_view(qtbot)
    view.show_connection(connection)
    view.set_backend("Secret Service (GNOME Keyring)")
    text = view.details_text()
    for expected in (
        "Atelier Lumière Architecture",
        "ATELIER LUMIERE ARCHITECTURE",
        "Demo",
        "OK",
        "Compte courant (main)",
        "FR76 •••• •••• 0978",
        "€74,120.85",
        "€21,500.00",
        "€120,000.00",
        "Confirm who signed in — granted",
        "Secret Service (GNOME Keyring)",
    ):
        assert expected in text
    assert "(openid)" not in text  # the codes are under Advanced, on their own


def test_a_connection_sharing_its_sign_in_says_so(qtbot: QtBot, connection: Connection) -> None:
    view = make_view(qtbot)
    view.show_connection(connection)
    assert "One sign-in shared" not in view.details_text()
    view.show_connection(replace(connection, grant_id="a1b2c3d4e5f6"))
    assert "One sign-in shared with the other companies it added" in view.details_text()


def test_the_detail_in_french(qtbot: QtBot, connection: Connection) -> None:
    view = make_view(qtbot, "fr")
    view.show_connection(connection)
    text = view.details_text()
    assert "74\u202f120,85\u00a0€" in text
    assert "Confirmer qui s\u2019est connecté — granted" in text  # Qt words: English here


def test_a_connection_without_refresh_token_or_accounts(
    qtbot: QtBot, connection: Connection
) -> None:
    view = make_view(qtbot)
    view.show_connection(
        replace(connection, refresh_expires_at=None, accounts=(), verified_at=None, role="")
    )
    text = view.details_text()
    assert "No refresh token: the connection ends when the access token expires." in text
    assert "None seen yet. Test the connection to read them." in text
    assert "Never" in text


def test_needs_reconnecting_makes_reconnect_the_default(
    qtbot: QtBot, connection: Connection
) -> None:
    view = make_view(qtbot)
    view.show_connection(replace(connection, state="needs_reconnect"))
    assert view.status_words.text() == "Needs reconnecting"
    assert view.reconnect_button.isDefault()


def test_each_button_asks_for_its_action(qtbot: QtBot, connection: Connection) -> None:
    view = make_view(qtbot)
    view.show_connection(connection)
    signals = (
        view.test_requested,
        view.renew_requested,
        view.reconnect_requested,
        view.disconnect_requested,
        view.copy_requested,
    )
    view.show()
    view.advanced.toggle.click()  # Copy access token is under Advanced
    for button, signal in zip(view.buttons, signals, strict=True):
        with qtbot.waitSignal(signal) as asked:
            button.click()
        assert asked.args == [connection.id]


def test_busy_disables_the_actions(qtbot: QtBot, connection: Connection) -> None:
    view = make_view(qtbot)
    view.show_connection(connection)
    view.set_busy(True)
    assert not any(button.isEnabled() for button in view.buttons)
    view.set_busy(False)
    assert all(button.isEnabled() for button in view.buttons)


def test_a_message_stays_for_the_same_connection_only(
    qtbot: QtBot, connection: Connection, desk: Desk, emulator: Emulator
) -> None:
    view = make_view(qtbot)
    view.show()
    view.show_connection(connection)
    view.message.show_message("success", "Connection OK")
    view.show_connection(replace(connection, verified_at=time.time()))
    assert view.message.text == "Connection OK"
    other = connect_one(desk, emulator, organization_id=emulator.organizations[0].id)
    view.show_connection(other)
    assert view.message.text == ""


def test_accounts_at_another_bank_are_marked_and_left_out_of_the_qonto_total(
    qtbot: QtBot, desk: Desk, emulator: Emulator
) -> None:
    """The first demo company has two accounts at Qonto and two at other banks."""
    connection = connect_one(desk, emulator)
    seeded = emulator.organizations[0]
    view = make_view(qtbot)
    view.show_connection(connection)
    text = view.details_text()
    assert "At another bank (connected to Qonto, not in the Qonto total)" in text
    for external in seeded.external_accounts:
        assert f"{external.name} (at another bank)" in text
    for account in seeded.bank_accounts:
        assert f"{account.name} (at another bank)" not in text
    (total,) = view.findChildren(QLabel, "qonto_total")
    assert total.text() == "€24,773.27"  # 18,543.27 + 6,230.00: the external ones not added
    assert total.textFormat() == Qt.TextFormat.PlainText


def test_what_could_not_be_read_is_said_in_the_pane(
    qtbot: QtBot, desk: Desk, emulator: Emulator
) -> None:
    emulator.member_role = "manager"  # Qonto hides balances from this role
    connection = connect_one(desk, emulator)
    view = make_view(qtbot, "fr")
    view.show_connection(connection)
    text = view.details_text()
    assert "Balance not shown" in text  # Qt strings: French only with the translator (see
    # tests/ui/test_translations.py); the note is the core's gettext French
    assert "Certains soldes ne sont pas affichés" in text
    assert not view.findChildren(QLabel, "qonto_total")
