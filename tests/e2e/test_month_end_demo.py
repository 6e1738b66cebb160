"""Demo mode offers the month end: the demo firm's 40 companies have bank data to export."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from qonto_desktop.connections.demo import DemoMode
from qonto_desktop.connections.export_run import export_month_end
from qonto_desktop.connections.month_end import ExportRequest
from qonto_desktop.connections.month_end_period import previous_month
from qonto_desktop.ui.app import app_window
from qonto_desktop.ui.main_window import CONNECTIONS
from tests.support.month_end_window import Picker
from tests.support.secret_service import SecretServiceSession


@pytest.mark.slow(seconds=40)
@pytest.mark.keyring
def test_the_demo_firm_exports_its_month(
    secret_service: SecretServiceSession, tmp_path: Path
) -> None:
    out = tmp_path / "exports"
    with DemoMode(firm=True) as desk:
        request = ExportRequest(None, previous_month(date.today()), out)
        report = export_month_end(desk, request)
    assert len(report.clients) == 40
    done = [c for c in report.clients if c.stage == "done"]
    assert len(done) >= 34  # the six "needing attention" may be refused, nothing else
    assert all(c.error is not None for c in report.clients if c.stage != "done")
    for client in done:
        assert client.folder is not None
        assert (client.folder / "manifest.json").is_file()
        assert list(client.folder.glob("*.ofx"))


@pytest.mark.slow(seconds=60)
@pytest.mark.keyring
def test_the_demo_window_exports_the_firm_it_switched_to(
    qtbot: QtBot, secret_service: SecretServiceSession, tmp_path: Path
) -> None:
    mode = DemoMode()
    with mode as desk:
        window = app_window(desk, demo=True, language="en", demo_firm=mode.become_firm)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.pane_ready and window.empty.isVisible(), timeout=30_000)
        window.open_demo_firm()
        qtbot.waitUntil(lambda: window.pages.currentIndex() == CONNECTIONS, timeout=60_000)
        actions = window.month_end
        assert actions is not None  # the app's window offers the month end in demo mode
        out = tmp_path / "exports"
        out.mkdir()
        actions.choose_folder = Picker(str(out))
        dialog = actions.open_export()
        assert dialog is not None
        qtbot.waitUntil(dialog.isVisible)
        dialog.all_clients.setChecked(True)
        dialog.choose.click()
        dialog.export_button.click()
        progress = actions.progress_dialog
        assert progress is not None
        qtbot.waitUntil(lambda: not progress.running, timeout=120_000)
        words = [w for _, w in progress.rows]
        assert len(words) == 40
        assert words.count("Done") >= 34, words  # the firm's, not the one-company demo's
        assert len(list(out.glob("*/*/manifest.json"))) == words.count("Done")
        window.close()
        qtbot.waitUntil(lambda: not window.workers.busy, timeout=30_000)
