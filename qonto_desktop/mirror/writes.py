"""Writing to the mirror: each change is one transaction, so a kill leaves the last one whole.

A page of transactions and the account's cursor are committed together: a sync stopped at any
point resumes from the last committed page, and the rows it receives again are upserted, which
changes nothing. A correction made in Qonto arrives with a later ``updated_at`` and replaces the
row.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from qonto_desktop.mirror.codec import encode, moment_text
from qonto_desktop.mirror.periods import booked_at
from qonto_desktop.mirror.records import PageCounts
from qonto_desktop.qonto.models.bank_accounts import BankAccount
from qonto_desktop.qonto.models.transactions import Transaction

Checkpoint = Callable[[str], None]


def _carry_on(_: str) -> None:
    """The default checkpoint: nothing to stop."""


@contextmanager
def transaction(connection: sqlite3.Connection) -> Iterator[None]:
    """``BEGIN IMMEDIATE`` … ``COMMIT``; anything raised rolls everything back."""
    connection.execute("BEGIN IMMEDIATE")  # the write lock now: no upgrade deadlock later
    try:
        yield
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def save_accounts(
    connection: sqlite3.Connection,
    connection_id: str,
    organization_id: str | None,
    accounts: Iterable[BankAccount],
) -> None:
    """Upsert the accounts as Qonto lists them now; their cursors are kept."""
    rows = [
        (
            connection_id,
            account.key,
            organization_id,
            account.name,
            account.iban,
            account.bic,
            account.currency,
            account.status,
            account.balance_cents,
        )
        for account in accounts
    ]
    with transaction(connection):
        connection.executemany(
            "INSERT INTO accounts (connection_id, id, organization_id, name, iban, bic,"
            " currency, status, balance_cents) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (connection_id, id) DO UPDATE SET"
            " organization_id = excluded.organization_id, name = excluded.name,"
            " iban = excluded.iban, bic = excluded.bic,"
            " currency = excluded.currency, status = excluded.status,"
            " balance_cents = excluded.balance_cents",
            rows,
        )


def save_page(
    connection: sqlite3.Connection,
    connection_id: str,
    organization_id: str | None,
    account_id: str,
    transactions: Iterable[Transaction],
    *,
    checkpoint: Checkpoint = _carry_on,
) -> PageCounts:
    """Upsert one page of ``account_id``'s transactions and move its cursor, in one commit.

    The cursor becomes the greatest ``updated_at`` ever kept for the account (a page never
    moves it back). ``checkpoint`` is called between the statements; what it raises rolls the
    page back whole.
    """
    counts = PageCounts()
    greatest: str | None = None
    with transaction(connection):
        connection.execute(
            "INSERT OR IGNORE INTO accounts (connection_id, id, organization_id) VALUES (?, ?, ?)",
            (connection_id, account_id, organization_id),
        )
        for item in transactions:
            counts = counts + _upsert(connection, connection_id, organization_id, account_id, item)
            updated = moment_text(item.updated_at)
            greatest = updated if greatest is None or (updated or "") > greatest else greatest
            checkpoint("transaction written")
        if greatest is not None:
            connection.execute(
                "UPDATE accounts SET cursor = ? WHERE connection_id = ? AND id = ?"
                " AND (cursor IS NULL OR cursor < ?)",
                (greatest, connection_id, account_id, greatest),
            )
        checkpoint("cursor written")
    return counts


def _upsert(
    connection: sqlite3.Connection,
    connection_id: str,
    organization_id: str | None,
    account_id: str,
    item: Transaction,
) -> PageCounts:
    data = encode(item)
    before = connection.execute(
        "SELECT data FROM transactions WHERE connection_id = ? AND id = ?",
        (connection_id, item.id),
    ).fetchone()
    if before is not None and bytes(before[0]) == data:
        return PageCounts(unchanged=1)
    connection.execute(
        "INSERT OR REPLACE INTO transactions (connection_id, id, organization_id, account_id,"
        " status, side, amount_cents, settled_at, emitted_at, booked_at, updated_at,"
        " attachment_required, attachment_lost, attachment_count, data)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            connection_id,
            item.id,
            organization_id,
            account_id,
            item.status,
            item.side,
            item.amount_cents,
            moment_text(item.settled_at),
            moment_text(item.emitted_at),
            moment_text(booked_at(item)),
            moment_text(item.updated_at),
            int(item.attachment_required),
            int(item.attachment_lost),
            len(item.attachment_ids),
            data,
        ),
    )
    return PageCounts(new=1) if before is None else PageCounts(changed=1)


def forget(connection: sqlite3.Connection, connection_id: str) -> tuple[Path, ...]:
    """Delete every row of ``connection_id``; the local files its rows named."""
    with transaction(connection):
        files = connection.execute(
            "SELECT local_path FROM statements WHERE connection_id = ?"
            " UNION SELECT local_path FROM receipts WHERE connection_id = ?",
            (connection_id, connection_id),
        ).fetchall()
        for table in ("transactions", "accounts", "statements", "receipts"):
            connection.execute(f"DELETE FROM {table} WHERE connection_id = ?", (connection_id,))  # noqa: S608 - fixed names
    return tuple(sorted(Path(row[0]) for row in files))
