"""Receipts' addresses: read from the period's listing, a page of 100, not one call a receipt."""

from __future__ import annotations

from pathlib import Path

import pytest

from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.export_downloads import store_folder
from qonto_desktop.connections.export_run import export_month_end
from qonto_desktop.connections.month_end import ExportReport, ExportRequest
from qonto_desktop.connections.month_end_period import period_choice
from qonto_desktop.mirror.bank_mirror import Mirror
from tests.support.bank_data import transaction
from tests.support.export_desk import export_client, export_desk, november_bank
from tests.support.fake_bank import FakeBank, FakeTokens, readers


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    export_client(desk := export_desk(tmp_path / "home"), 1)
    return desk


def export(desk: Desk, bank: FakeBank, out: Path) -> ExportReport:
    mirror = Mirror(desk.paths.data_dir / "mirror.sqlite3")
    try:
        request = ExportRequest(None, period_choice("2026-11"), out)
        return export_month_end(
            desk, request, readers=readers({"c1": bank}), tokens=FakeTokens(), mirror=mirror
        )
    finally:
        mirror.close()


def calls(bank: FakeBank, what: str) -> list[tuple[str, str, object]]:
    return [r for r in bank.requests if r[0] == what]


def test_a_first_export_lists_the_period_again_instead_of_asking_each_receipt(
    desk: Desk, tmp_path: Path
) -> None:
    bank = november_bank(250)
    bank.per_page = 100
    sync_pages = 3  # the sync's own listing of the 250
    report = export(desk, bank, tmp_path / "out")
    assert report.clients[0].stage == "done", report.clients[0].error
    assert len(calls(bank, "transactions")) == sync_pages + 3  # ⌈250 / 100⌉ for the addresses
    assert calls(bank, "attachment") == []
    assert len(calls(bank, "download")) == 251  # 250 receipts, one statement

    bank.requests.clear()
    assert export(desk, bank, tmp_path / "out").clients[0].stage == "done"
    assert len(calls(bank, "transactions")) == 1  # nothing new: the sync's one page, no listing
    assert calls(bank, "download") == []


def test_one_receipt_gone_from_the_store_lists_its_account_once(desk: Desk, tmp_path: Path) -> None:
    bank = november_bank(5)
    export(desk, bank, tmp_path / "out")
    (store_folder(desk.paths, "c1", "receipts") / "att-0003").unlink()
    bank.requests.clear()
    assert export(desk, bank, tmp_path / "out").clients[0].stage == "done"
    listed = [r for r in calls(bank, "transactions") if r[2] is None]  # not the sync's cursor
    assert len(listed) == 2  # ⌈5 / 3⌉ pages of the period
    assert calls(bank, "download") == [("download", "file://att-0003", None)]
    assert calls(bank, "attachment") == []


def test_a_pending_transaction_s_receipt_is_asked_by_itself(desk: Desk, tmp_path: Path) -> None:
    bank = november_bank(2)
    bank.put(transaction(1, status="pending", settled_at=None))
    report = export(desk, bank, tmp_path / "out")
    assert report.clients[0].stage == "done", report.clients[0].error
    assert calls(bank, "attachment") == [("attachment", "att-0001", None)]
