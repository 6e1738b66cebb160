"""The demo firm: 40 plausible client companies, connected for real, six needing attention."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from qonto_desktop.connections.demo import DemoMode
from qonto_desktop.connections.demo_firm import FIRM_SIZE
from qonto_desktop.connections.roster import attention
from qonto_desktop.connections.shared_grant import pair_key
from qonto_desktop.connections.verify import verify
from qonto_desktop.emulator import Emulator
from qonto_desktop.emulator.iban import is_valid_iban
from qonto_desktop.ui.main_window import CONNECTIONS, MainWindow
from qonto_desktop.ui.panes.connection_model import STATUS
from qonto_desktop.ui.workers import Workers
from tests.support.command_line import cli_env, run
from tests.support.luhn import luhn_valid
from tests.support.secret_service import SecretServiceSession

pytestmark = pytest.mark.keyring


@pytest.mark.slow(seconds=5)
def test_the_firm_has_forty_plausible_companies_and_six_to_look_at(
    secret_service: SecretServiceSession,
) -> None:
    with DemoMode(firm=True) as desk:
        connections = desk.index.load().connections
        assert len(connections) == FIRM_SIZE == 40
        assert len({c.organization_name for c in connections}) == 40
        assert all(luhn_valid(c.legal_number) and len(c.legal_number) == 9 for c in connections)
        assert all(
            re.fullmatch(r"FR76 •••• •••• \d{4}", c.accounts[0].masked_iban) for c in connections
        )
        assert all(c.legal_name and c.qonto_total is not None for c in connections)
        reasons = [attention(c, desk.now()) for c in connections]
        assert sorted(r for r in reasons if r) == ["ending"] * 3 + ["failing"] + ["reconnect"] * 2
        # Connected through the real flow: Qonto (played) answers for an active one.
        active = next(c for c, r in zip(connections, reasons, strict=True) if r is None)
        checked = verify(desk, active.id)
        assert checked.organization is not None
        assert checked.organization.legal_number == active.legal_number
    with DemoMode(firm=True) as again:  # a new firm each time: the last one's are forgotten
        assert len(again.index.load().connections) == 40
        assert again.secrets.get(pair_key(active)) is None
        assert all(c.id != active.id for c in again.index.load().connections)


def test_the_emulator_s_firm_ibans_are_valid() -> None:
    emulator = Emulator(extra_organizations=FIRM_SIZE - 3)
    assert len(emulator.organizations) == 40
    ibans = [account.iban for o in emulator.organizations for account in o.bank_accounts]
    assert all(is_valid_iban(iban) for iban in ibans)


@pytest.mark.slow(seconds=6)
def test_the_window_s_demo_offers_the_firm_and_shows_it_full(
    qtbot: QtBot, secret_service: SecretServiceSession, workers: Workers
) -> None:
    mode = DemoMode()
    with mode as desk:
        window = MainWindow(desk, demo=True, workers=workers, demo_firm=mode.become_firm)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.pane_ready and window.empty.isVisible())
        assert window.empty.firm_button.isVisible()
        assert window.empty.firm_button.accessibleName() == "Open the demo firm"
        QTest.mouseClick(window.empty.firm_button, Qt.MouseButton.LeftButton)
        assert not window.empty.firm_button.isEnabled()  # says it is connecting them
        qtbot.waitUntil(lambda: window.pages.currentIndex() == CONNECTIONS, timeout=30_000)
        assert len(window.list.visible_names()) == 40
        assert window.list.attention.text() == "Needs attention (6)"
        window.list.attention.setChecked(True)
        assert len(window.list.visible_names()) == 6
        shown = window.view.connection
        assert shown is not None
        assert attention(shown, desk.now()) is not None  # the detail follows the filter
        window.list.sort_by(STATUS)
        QTest.keyClick(window.list.view, Qt.Key.Key_Home)  # the first row: the worst
        assert window.view.connection is not None
        assert window.view.connection.state == "needs_reconnect"
        window.close()
        workers.wait_for_done(5000)


@pytest.mark.slow(seconds=5)
def test_demo_firm_on_the_command_line(app_home: Path, keyring_env: dict[str, str]) -> None:
    started = time.monotonic()
    result = run(["demo", "--firm"], cli_env(app_home, keyring_env=keyring_env))
    assert result.returncode == 0, result.stderr
    assert "The demo firm: 40 client companies connected." in result.stdout
    lines = [line for line in result.stdout.splitlines() if " SIREN " in line]
    assert len(lines) == 40
    assert sum("to reconnect" in line for line in lines) == 2
    assert "6 need attention." in result.stdout
    assert time.monotonic() - started < 60
