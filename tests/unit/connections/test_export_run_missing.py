"""The receipts still missing across clients, their counts and their CSV; the period's parsing."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest

from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.missing_receipts import (
    missing_counts,
    missing_receipts,
    write_missing_csv,
)
from qonto_desktop.connections.month_end import PeriodChoice
from qonto_desktop.connections.month_end_period import period_choice, previous_month
from qonto_desktop.connections.sync import sync
from qonto_desktop.export.errors import UnknownPeriodError
from qonto_desktop.mirror.database import mirror_path
from tests.support.bank_data import transaction
from tests.support.export_desk import export_client, export_desk, november_bank
from tests.support.fake_bank import FakeTokens, readers


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    return export_desk(tmp_path / "home")


def test_missing_receipts_are_listed_per_client_and_counted(desk: Desk, tmp_path: Path) -> None:
    export_client(desk, 1)
    export_client(desk, 2)
    first, second = november_bank(), november_bank()
    first.put(transaction(7, attachment_ids=(), note="no receipt"))
    first.put(transaction(8, attachment_ids=(), attachment_lost=True))  # declared lost
    first.put(transaction(9, attachment_ids=(), status="pending"))  # may still change
    second.put(transaction(3, attachment_ids=()))
    sync(desk, readers=readers({"c1": first, "c2": second}), tokens=FakeTokens())
    rows = missing_receipts(desk)
    assert [(r.connection_id, r.client, r.transaction_id) for r in rows] == [
        ("c1", "Client 1", "tx-0007"),
        ("c2", "Client 2", "tx-0003"),
    ]
    assert rows[0].amount_cents == -1_007
    assert rows[0].account == "Account acc-1"
    assert missing_counts(desk) == {"c1": 1, "c2": 1}

    path = tmp_path / "missing.csv"
    write_missing_csv(rows, path)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert table[0][:3] == ["Client", "Date", "Contrepartie"]
    assert table[1][:2] == ["Client 1", "02/11/2026"]
    assert table[1][4] == "-10,07"
    assert len(table) == 3


def test_nothing_synced_yet_lists_nothing_and_creates_no_file(desk: Desk) -> None:
    export_client(desk, 1)
    assert missing_receipts(desk) == ()
    assert missing_counts(desk) == {}
    assert not mirror_path(desk.paths).exists()


@pytest.mark.parametrize(
    ("text", "start", "end", "label"),
    [
        ("2026-11", date(2026, 11, 1), date(2026, 11, 30), "2026-11"),
        ("2026-Q4", date(2026, 10, 1), date(2026, 12, 31), "2026-Q4"),
        ("2026-11-03..2026-11-20", date(2026, 11, 3), date(2026, 11, 20), "2026-11-03_2026-11-20"),
        ("2026-11-03_2026-11-20", date(2026, 11, 3), date(2026, 11, 20), "2026-11-03_2026-11-20"),
    ],
)
def test_periods_are_read_in_one_place(text: str, start: date, end: date, label: str) -> None:
    assert period_choice(text) == PeriodChoice(start, end, label)


@pytest.mark.parametrize("text", ["2026-13", "2026-Q5", "2026-11-20..2026-11-03", "november"])
def test_an_unknown_period_is_said_at_parsing(text: str) -> None:
    with pytest.raises(UnknownPeriodError) as raised:
        period_choice(text)
    assert text in raised.value.message


def test_the_default_is_the_previous_calendar_month() -> None:
    assert previous_month(date(2027, 1, 15)).label == "2026-12"
    assert previous_month(date(2026, 12, 1)) == PeriodChoice(
        date(2026, 11, 1), date(2026, 11, 30), "2026-11"
    )
