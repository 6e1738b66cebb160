"""Bad registration input in the connect dialog: the reason under the field, Connect off, and
nothing saved, in the words ``configure`` uses."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from qonto_desktop.connections.desk import Desk
from qonto_desktop.ui.connect.dialog import ConnectDialog
from tests.ui.conftest import MakeDialog

PORT_RULE = "The redirect port must be a whole number from 1024 to 65535."


def production_dialog(make_dialog: MakeDialog) -> ConnectDialog:
    dialog = make_dialog(environments=("production",))
    registration = dialog.form.registration
    registration.client_id.setText("firm-client-1")
    assert dialog.form.connect_button.isEnabled()
    return dialog


@pytest.mark.parametrize("typed", ["0", "80", "70000", "abc"])
def test_a_refused_port_disables_connect_and_saves_nothing(
    qtbot: QtBot, make_dialog: MakeDialog, desk: Desk, typed: str
) -> None:
    dialog = production_dialog(make_dialog)
    registration = dialog.form.registration
    registration.redirect_port.setText(typed)
    assert registration.redirect_port_message.text() == PORT_RULE
    assert registration.redirect_port_message.isVisibleTo(dialog)
    assert not dialog.form.connect_button.isEnabled()
    assert dialog.form.problem_summary.text() == "Correct the messages above to sign in."
    QTest.keyClick(registration.redirect_port, Qt.Key.Key_Return)  # Enter does not connect
    assert dialog.pages.currentWidget() is dialog.form
    assert not desk.paths.settings_file.exists()


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("", "Enter the client ID."),
        ("firm client", "A client ID has no spaces or line breaks inside."),
        (
            "firm\u202eclient",
            "A client ID holds only letters, digits and ASCII signs such as - and _.",
        ),
    ],
)
def test_a_refused_client_id_disables_connect_and_saves_nothing(
    qtbot: QtBot, make_dialog: MakeDialog, desk: Desk, typed: str, reason: str
) -> None:
    dialog = production_dialog(make_dialog)
    registration = dialog.form.registration
    registration.client_id.setText(typed)
    assert registration.client_id_message.text() == reason
    assert not dialog.form.connect_button.isEnabled()
    QTest.mouseClick(dialog.form.connect_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentWidget() is dialog.form
    assert not desk.paths.settings_file.exists()
    registration.client_id.setText("firm-client-1")
    assert registration.client_id_message.text() == ""
    assert dialog.form.connect_button.isEnabled()


def test_a_huge_client_id_gets_a_short_reason(make_dialog: MakeDialog, desk: Desk) -> None:
    dialog = production_dialog(make_dialog)
    registration = dialog.form.registration
    registration.client_id.setText("A" * 100_000)
    shown = registration.client_id_message.text()
    assert shown == "This is too long for a client ID (more than 150 characters)."
    assert not dialog.form.connect_button.isEnabled()
    assert not desk.paths.settings_file.exists()
