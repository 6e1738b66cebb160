"""Pages of changes: upserted by id, with the account's cursor, in one commit."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from qonto_desktop.mirror.bank_mirror import Mirror
from qonto_desktop.mirror.records import PageCounts
from qonto_desktop.qonto.models.transactions import TransactionAttachment
from tests.support.bank_data import START, account, transaction

LATER = START.replace(year=2027)


class KilledError(Exception):
    """The process dies here."""


@pytest.fixture
def mirror(tmp_path: Path) -> Mirror:
    return Mirror(tmp_path / "m.sqlite3")


def test_a_transaction_reads_back_identical(mirror: Mirror) -> None:
    item = transaction(1)
    mirror.save_page("c1", "org-1", "acc-1", [item])
    got = mirror.transactions("c1", "acc-1", START, LATER)
    assert got == (item,)


def test_attachment_urls_are_not_kept(mirror: Mirror) -> None:
    attachment = TransactionAttachment(
        "att-1", "r.pdf", "application/pdf", 10, None, "https://s3/x"
    )
    mirror.save_page("c1", "org-1", "acc-1", [transaction(1, attachments=(attachment,))])
    (got,) = mirror.transactions("c1", "acc-1", START, LATER)
    assert got.attachments == (replace(attachment, url=None),)


def test_a_correction_replaces_the_row_and_counts_as_changed(mirror: Mirror) -> None:
    first = transaction(1)
    assert mirror.save_page("c1", "org-1", "acc-1", [first]) == PageCounts(new=1)
    assert mirror.save_page("c1", "org-1", "acc-1", [first]) == PageCounts(unchanged=1)
    corrected = replace(
        first, note="Lunch with the client", updated_at=first.updated_at.replace(day=20)
    )
    assert mirror.save_page("c1", "org-1", "acc-1", [corrected]) == PageCounts(changed=1)
    assert mirror.counts()["c1"].transactions == 1
    (got,) = mirror.transactions("c1", "acc-1", START, LATER)
    assert got.note == "Lunch with the client"


def test_the_cursor_is_the_greatest_updated_at_kept_and_never_goes_back(mirror: Mirror) -> None:
    assert mirror.cursor("c1", "acc-1") is None
    mirror.save_page("c1", "org-1", "acc-1", [transaction(3), transaction(5), transaction(4)])
    assert mirror.cursor("c1", "acc-1") == transaction(5).updated_at
    mirror.save_page("c1", "org-1", "acc-1", [transaction(2)])
    assert mirror.cursor("c1", "acc-1") == transaction(5).updated_at


@pytest.mark.parametrize("where", ["transaction written", "cursor written"])
def test_a_kill_inside_a_page_keeps_none_of_it_and_the_sync_resumes(
    tmp_path: Path, where: str
) -> None:
    path = tmp_path / "m.sqlite3"
    mirror = Mirror(path)
    mirror.save_page("c1", "org-1", "acc-1", [transaction(1), transaction(2)])

    def kill(step: str) -> None:
        if step == where:
            raise KilledError

    with pytest.raises(KilledError):
        mirror.save_page("c1", "org-1", "acc-1", [transaction(3), transaction(4)], checkpoint=kill)
    mirror.close()
    reopened = Mirror(path)
    assert reopened.counts()["c1"].transactions == 2
    assert reopened.cursor("c1", "acc-1") == transaction(2).updated_at
    # Resuming from the cursor receives the boundary row again: harmless.
    counts = reopened.save_page(
        "c1", "org-1", "acc-1", [transaction(2), transaction(3), transaction(4)]
    )
    assert counts == PageCounts(new=2, unchanged=1)
    assert reopened.cursor("c1", "acc-1") == transaction(4).updated_at
    reopened.close()


def test_accounts_are_upserted_and_keep_their_cursor(mirror: Mirror) -> None:
    mirror.save_accounts("c1", "org-1", [account("acc-1"), account("acc-2")])
    mirror.save_page("c1", "org-1", "acc-1", [transaction(1)])
    mirror.save_accounts("c1", "org-1", [account("acc-1", status="closed", balance_cents=0)])
    first = mirror.accounts("c1")[0]
    assert (first.id, first.status, first.balance_cents) == ("acc-1", "closed", 0)
    assert first.iban == "FR7616958000011234567890123"
    assert first.cursor == transaction(1).updated_at
    assert [a.id for a in mirror.accounts("c1")] == ["acc-1", "acc-2"]
