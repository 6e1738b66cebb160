"""The month end from the real window: the emulator's bank data, the real keyring, the real
export behind Export…, its files checked as the command line's are; and Cancel mid-run."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from qonto_desktop.connections import token_pair
from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.month_end import ExportRequest
from qonto_desktop.connections.month_end_period import previous_month
from qonto_desktop.connections.month_end_service import DeskMonthEnd
from qonto_desktop.emulator import Emulator
from qonto_desktop.store.secret_service import Keyring as KeptKeyring
from qonto_desktop.store.secrets import SecretStore
from qonto_desktop.ui.main_window import MainWindow
from qonto_desktop.ui.month_end.progress_dialog import ExportProgressDialog
from qonto_desktop.ui.month_end.window_actions import MonthEndActions
from qonto_desktop.ui.panes.status import display_name
from qonto_desktop.ui.workers import Workers
from tests.support.desks import EVERYTHING, connect_one, make_desk
from tests.support.keyrings import backend_of
from tests.support.main_window import open_window
from tests.support.month_end_checks import (
    emulator_transactions,
    folder_files,
    french_csv,
    missing_in_emulator,
    ofx_entries,
)
from tests.support.month_end_window import Picker
from tests.support.secret_service import SecretServiceSession

pytestmark = [pytest.mark.keyring]

RUN_MS = 120_000
SCOPES = (*EVERYTHING, "attachment.read")


@pytest.fixture
def workers() -> Iterator[Workers]:
    pool = Workers()
    yield pool
    assert pool.wait_for_done(30_000), "a worker task is still running"
    pool.deleteLater()


def real_desk(home: Path, emulator: Emulator) -> Desk:
    """A desk on the emulator whose tokens go to the real Secret Service, this test's service."""
    desk = make_desk(home, emulator, backend_of(KeptKeyring))
    service = f"qonto-desktop-test-{uuid.uuid4().hex[:12]}"
    return replace(desk, secrets=SecretStore(backend_of(KeptKeyring), service=service, timeout=15))


def start_export(qtbot: QtBot, actions: MonthEndActions, out: Path) -> ExportProgressDialog:
    """Export… for every client, the previous month, into ``out``, as a user picks them."""
    out.mkdir(parents=True, exist_ok=True)
    actions.choose_folder = Picker(str(out))
    dialog = actions.open_export()
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.all_clients.setChecked(True)
    dialog.choose.click()
    assert dialog.folder.text() == str(out)
    dialog.export_button.click()
    progress = actions.progress_dialog
    assert progress is not None, dialog.message.text
    return progress


def export_all(qtbot: QtBot, actions: MonthEndActions, out: Path) -> list[tuple[str, str]]:
    """Export… for every client into ``out``; the rows once it ended."""
    progress = start_export(qtbot, actions, out)
    qtbot.waitUntil(lambda: not progress.running, timeout=RUN_MS)
    rows = progress.rows
    progress.close_button.click()
    return rows


def counted(window: MainWindow, connection_id: str, words: str) -> Callable[[], bool]:
    """The list shows these words for the connection's missing receipts."""
    return lambda: window.list.missing_count(connection_id) == words


@pytest.fixture
def desk(secret_service: SecretServiceSession, emulator: Emulator, app_home: Path) -> Desk:
    """The test's desk on the emulator and the real Secret Service."""
    return real_desk(app_home, emulator)


def window_on(qtbot: QtBot, desk: Desk, workers: Workers) -> tuple[MainWindow, MonthEndActions]:
    window = open_window(qtbot, desk, workers, month_end=DeskMonthEnd(lambda: desk))
    assert window.month_end is not None
    return window, window.month_end


@pytest.mark.slow(seconds=90)
def test_export_all_from_the_window_then_the_missing_receipts(
    qtbot: QtBot, desk: Desk, emulator: Emulator, workers: Workers, tmp_path: Path
) -> None:
    organizations = emulator.organizations[:3]
    connections = [connect_one(desk, emulator, SCOPES, organization_id=o.id) for o in organizations]
    window, actions = window_on(qtbot, desk, workers)
    out = tmp_path / "exports"
    rows = export_all(qtbot, actions, out)
    assert sorted(rows) == sorted((display_name(c), "Done") for c in connections)

    choice = previous_month(date.today())
    expected_missing: set[str] = set()
    for connection, organization in zip(connections, organizations, strict=True):
        token = token_pair.read(desk, connection).access
        assert token is not None
        (folder,) = (f for f in out.glob(f"*/{choice.label}") if organization.name in f.parent.name)
        manifest = json.loads((folder / "manifest.json").read_bytes())
        csv_ids = {row[13] for row in french_csv(folder / f"transactions_{choice.label}.csv")[1:]}
        for entry in manifest["accounts"]:
            expected = emulator_transactions(emulator, token, entry["id"], choice.start, choice.end)
            wanted = {
                (t["id"], t["amount_cents"] * (1 if t["side"] == "credit" else -1))
                for t in expected
            }
            assert ofx_entries(folder / entry["ofx"]) == wanted
            assert {t for t, _ in wanted} <= csv_ids
            assert entry["balance"]["explained"] is True
        for name in manifest["files"]:
            assert (folder / name).is_file(), name
        mine: set[str] = set()
        for account in organization.bank_accounts:
            mine |= missing_in_emulator(emulator, token, account.id)
        expected_missing |= mine
        words = f"Receipts due: {len(mine)}" if mine else ""
        qtbot.waitUntil(counted(window, connection.id, words))

    dialog = actions.open_missing()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.loaded, timeout=RUN_MS)
    assert {r.transaction_id for r in dialog.proxy.shown()} == expected_missing
    listed = tmp_path / "missing.csv"
    dialog._choose_file = Picker(str(listed))
    dialog.export_csv()
    qtbot.waitUntil(lambda: dialog.export_button.isEnabled() and listed.exists())
    assert len(french_csv(listed)) == len(expected_missing) + 1
    dialog.reject()
    window.close()


@pytest.mark.slow(seconds=120)
def test_cancel_mid_run_then_export_again_as_a_clean_run(
    qtbot: QtBot, desk: Desk, emulator: Emulator, workers: Workers, tmp_path: Path
) -> None:
    organizations = emulator.organizations[:2]
    for organization in organizations:
        connect_one(desk, emulator, SCOPES, organization_id=organization.id)
    window, actions = window_on(qtbot, desk, workers)
    out = tmp_path / "exports"
    emulator.bank_switches.latency = 0.3  # each bank call slow: Cancel lands mid-run
    progress = start_export(qtbot, actions, out)
    qtbot.waitUntil(lambda: any(w not in ("Waiting", "Done") for _, w in progress.rows))
    progress.cancel_button.click()
    qtbot.waitUntil(lambda: not progress.running, timeout=RUN_MS)
    stopped = [words for _, words in progress.rows]
    assert "Stopped — resumes next time" in stopped, stopped
    assert all(w in ("Stopped — resumes next time", "Done") for w in stopped), stopped
    assert not progress.message.isVisible()
    done_before = {p.parent.parent.name for p in out.glob("*/*/manifest.json")}
    assert len(done_before) < len(organizations)  # no manifest for a client not finished
    progress.close_button.click()

    emulator.bank_switches.latency = 0
    rows = export_all(qtbot, actions, out)
    assert [words for _, words in rows] == ["Done"] * len(organizations)
    clean_out = tmp_path / "clean"
    clean_desk = real_desk(tmp_path / "clean-home", emulator)
    for organization in organizations:
        connect_one(clean_desk, emulator, SCOPES, organization_id=organization.id)
    DeskMonthEnd(lambda: clean_desk).export(
        replace_request(actions, clean_out), lambda _: None, lambda _: None
    )
    folders = sorted(out.glob("*/*"))
    assert len(folders) == len(organizations)
    for folder in folders:
        twin = clean_out / folder.relative_to(out)
        resumed = {n: b for n, (b, _) in folder_files(folder).items()}
        clean = {n: b for n, (b, _) in folder_files(twin).items()}
        assert resumed.keys() == clean.keys()
        for name, data in resumed.items():
            if not name.endswith(".json"):  # the manifest says when it was written
                assert data == clean[name], name
    window.close()


def replace_request(actions: MonthEndActions, destination: Path) -> ExportRequest:
    progress = actions.progress_dialog
    assert progress is not None
    return replace(progress.request, destination=destination)
