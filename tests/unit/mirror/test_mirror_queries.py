"""What the mirror answers: a period's transactions, missing receipts, counts, forgetting."""

from __future__ import annotations

import zoneinfo
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from qonto_desktop.mirror.bank_mirror import Mirror
from qonto_desktop.mirror.periods import days_bounds, month_bounds
from qonto_desktop.mirror.records import ConnectionCounts, StoredFile
from qonto_desktop.qonto.french_time import day_start
from qonto_desktop.qonto.models.statements import Month
from tests.support.bank_data import account, transaction


@pytest.fixture
def mirror(tmp_path: Path) -> Mirror:
    return Mirror(tmp_path / "m.sqlite3")


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def test_months_begin_at_midnight_in_paris() -> None:
    assert month_bounds(Month(2026, 11)) == (at("2026-10-31T23:00"), at("2026-11-30T23:00"))
    assert month_bounds(Month(2026, 7)) == (at("2026-06-30T22:00"), at("2026-07-31T22:00"))
    assert month_bounds(Month(2026, 12))[1] == at("2026-12-31T23:00")
    assert month_bounds(Month(2026, 1), Month(2026, 3)) == (
        at("2025-12-31T23:00"),
        at("2026-03-31T22:00"),
    )


def test_chosen_days_begin_at_midnight_in_paris_across_summer_time() -> None:
    # 2026: summer time from Sunday 29 March to Sunday 25 October.
    assert days_bounds(date(2026, 3, 29), date(2026, 3, 29)) == (
        at("2026-03-28T23:00"),
        at("2026-03-29T22:00"),
    )
    assert days_bounds(date(2026, 10, 25), date(2026, 10, 26)) == (
        at("2026-10-24T22:00"),
        at("2026-10-26T23:00"),
    )
    assert days_bounds(date(2026, 11, 3), date(2026, 11, 20)) == (
        at("2026-11-02T23:00"),
        at("2026-11-20T23:00"),
    )


def test_a_period_takes_the_settlement_date_else_the_emission_date(mirror: Mirror) -> None:
    late_november_utc = transaction(  # 00:30 on 1 December in Paris: December's
        1, emitted_at=at("2026-11-30T23:20"), settled_at=at("2026-11-30T23:30")
    )
    emitted_in_november = transaction(  # settled in December: December's
        2, emitted_at=at("2026-11-29T10:00"), settled_at=at("2026-12-02T10:00")
    )
    pending = transaction(3, status="pending", emitted_at=at("2026-11-15T10:00"), settled_at=None)
    mirror.save_page("c1", "org-1", "acc-1", [late_november_utc, emitted_in_november, pending])
    november = mirror.transactions("c1", "acc-1", *month_bounds(Month(2026, 11)))
    december = mirror.transactions("c1", "acc-1", *month_bounds(Month(2026, 12)))
    assert [t.id for t in november] == [pending.id]
    assert [t.id for t in december] == [late_november_utc.id, emitted_in_november.id]
    assert mirror.transactions("c2", "acc-1", *month_bounds(Month(2026, 12))) == ()


def test_missing_receipts_are_required_unattached_not_lost_and_completed(mirror: Mirror) -> None:
    missing = transaction(1, attachment_ids=())
    mirror.save_page(
        "c1",
        "org-1",
        "acc-1",
        [
            missing,
            transaction(2),  # attached
            transaction(3, attachment_ids=(), attachment_lost=True),
            transaction(4, attachment_ids=(), attachment_required=False),
            transaction(5, attachment_ids=(), status="pending"),
            transaction(6, attachment_ids=(), status="declined"),
        ],
    )
    other = transaction(7, attachment_ids=(), id="tx-other")
    mirror.save_page("c2", "org-2", "acc-9", [other])
    found = mirror.missing_receipts()
    assert [(m.connection_id, m.transaction.id) for m in found] == [
        ("c1", missing.id),
        ("c2", other.id),
    ]
    assert [m.transaction.id for m in mirror.missing_receipts(("c2",))] == [other.id]
    assert all(m.transaction.missing_receipt for m in found)


def test_counts_per_connection(mirror: Mirror) -> None:
    mirror.save_accounts("c1", "org-1", [account("acc-1"), account("acc-2")])
    mirror.save_page("c1", "org-1", "acc-1", [transaction(1, attachment_ids=()), transaction(2)])
    mirror.save_page("c2", "org-2", "acc-9", [transaction(3)])
    assert mirror.counts() == {
        "c1": ConnectionCounts(accounts=2, transactions=2, missing_receipts=1),
        "c2": ConnectionCounts(accounts=1, transactions=1, missing_receipts=0),
    }


def test_forget_deletes_one_client_and_names_its_files(mirror: Mirror, tmp_path: Path) -> None:
    for client in ("c1", "c2"):
        mirror.save_accounts(client, "org", [account("acc-1")])
        mirror.save_page(client, "org", "acc-1", [transaction(1)])
        statement = StoredFile("st-1", "acc-1", "ab" * 32, tmp_path / client / "s.pdf", 10)
        mirror.record_statement(client, statement, month="2026-11", file_name="s.pdf")
        receipt = StoredFile("att-0001", "tx-0001", "cd" * 32, tmp_path / client / "r.jpg", 5)
        mirror.record_receipt(client, receipt)
    assert mirror.receipt_file("c1", "att-0001") == StoredFile(
        "att-0001", "tx-0001", "cd" * 32, tmp_path / "c1" / "r.jpg", 5
    )
    files = mirror.forget("c1")
    assert files == (tmp_path / "c1" / "r.jpg", tmp_path / "c1" / "s.pdf")
    assert "c1" not in mirror.counts()
    assert mirror.statement_file("c1", "st-1") is None
    assert mirror.receipt_file("c1", "att-0001") is None
    assert mirror.cursor("c1", "acc-1") is None
    assert mirror.counts()["c2"].transactions == 1
    assert mirror.statement_file("c2", "st-1") is not None


def test_the_paris_rule_agrees_with_the_time_zone_database() -> None:
    try:
        paris = zoneinfo.ZoneInfo("Europe/Paris")
    except zoneinfo.ZoneInfoNotFoundError:
        pytest.skip("no time zone database here (Windows without tzdata)")
    day = date(2020, 1, 1)
    while day < date(2036, 1, 1):
        expected = datetime(day.year, day.month, day.day, tzinfo=paris).astimezone(UTC)
        assert day_start(day) == expected, day
        day += timedelta(days=1)
