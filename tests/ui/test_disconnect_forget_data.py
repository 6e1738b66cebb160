"""The disconnect question offers to delete the client's bank data kept on this computer."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from qonto_desktop.connections.desk import Desk
from qonto_desktop.emulator import Emulator
from qonto_desktop.mirror.bank_mirror import open_mirror
from qonto_desktop.ui.workers import Workers
from tests.support.bank_data import transaction
from tests.support.desks import connect_one
from tests.support.main_window import open_window


@pytest.mark.parametrize("tick", [True, False])
def test_the_box_decides_whether_the_bank_data_goes_too(
    qtbot: QtBot, desk: Desk, emulator: Emulator, workers: Workers, tick: bool
) -> None:
    connection = connect_one(desk, emulator, organization_id=emulator.organizations[0].id)
    mirror = open_mirror(desk.paths)
    mirror.save_page(connection.id, "org", "acc-1", [transaction(1)])
    mirror.close()
    window = open_window(qtbot, desk, workers)
    window.view.disconnect_button.click()
    dialog = window.pane.confirm_dialog
    assert dialog is not None
    assert not dialog.forget.isChecked()  # kept unless asked
    dialog.forget.setChecked(tick)
    dialog.disconnect_button.click()
    qtbot.waitUntil(lambda: window.pages.currentIndex() == 1)
    said = window.notice.text.endswith("Its bank data kept on this computer is deleted too.")
    assert said is tick
    mirror = open_mirror(desk.paths)
    assert (connection.id in mirror.counts()) is not tick
    mirror.close()
