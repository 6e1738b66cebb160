"""Reading the mirror: cursors, a period's transactions, the receipts still missing, counts.

A receipt is *missing* when Qonto asks for one (``attachment_required``), none is attached and
none was declared lost, and the transaction is completed: a pending one may still be declined
or change, and a declined one moved no money (docs/decisions.md, "The local mirror").
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from qonto_desktop.mirror.codec import decode, moment_of, moment_text
from qonto_desktop.mirror.records import (
    ConnectionCounts,
    MirroredAccount,
    MissingReceipt,
    StoredFile,
)
from qonto_desktop.qonto.models.transactions import Transaction

MISSING = (
    "attachment_required = 1 AND attachment_count = 0 AND attachment_lost = 0"
    " AND status = 'completed'"
)


def cursor(connection: sqlite3.Connection, connection_id: str, account_id: str) -> datetime | None:
    """The greatest ``updated_at`` kept for the account; None before its first page."""
    row = connection.execute(
        "SELECT cursor FROM accounts WHERE connection_id = ? AND id = ?",
        (connection_id, account_id),
    ).fetchone()
    return None if row is None else moment_of(row[0])


def accounts(connection: sqlite3.Connection, connection_id: str) -> tuple[MirroredAccount, ...]:
    """The connection's accounts as last synced, by id."""
    rows = connection.execute(
        "SELECT connection_id, id, organization_id, name, iban, bic, currency, status,"
        " balance_cents, cursor FROM accounts WHERE connection_id = ? ORDER BY id",
        (connection_id,),
    ).fetchall()
    return tuple(
        MirroredAccount(
            connection_id=row[0],
            id=row[1],
            organization_id=row[2],
            name=row[3],
            iban=row[4],
            bic=row[5],
            currency=row[6],
            status=row[7],
            balance_cents=row[8],
            cursor=moment_of(row[9]),
        )
        for row in rows
    )


def transactions(
    connection: sqlite3.Connection,
    connection_id: str,
    account_id: str,
    start: datetime,
    end: datetime,
) -> tuple[Transaction, ...]:
    """The account's transactions booked in ``[start, end)``, oldest first (then by id).

    Booked: at ``settled_at``, else ``emitted_at`` (see :mod:`qonto_desktop.mirror.periods`).
    """
    rows = connection.execute(
        "SELECT data FROM transactions WHERE connection_id = ? AND account_id = ?"
        " AND booked_at >= ? AND booked_at < ? ORDER BY booked_at, id",
        (connection_id, account_id, moment_text(start), moment_text(end)),
    ).fetchall()
    return tuple(decode(bytes(row[0])) for row in rows)


def missing_receipts(
    connection: sqlite3.Connection, connection_ids: tuple[str, ...] | None = None
) -> tuple[MissingReceipt, ...]:
    """Every transaction still needing a receipt, of the connections named (or all)."""
    query = f"SELECT connection_id, data FROM transactions WHERE {MISSING}"  # noqa: S608
    parameters: tuple[str, ...] = ()
    if connection_ids is not None:
        query += f" AND connection_id IN ({', '.join('?' * len(connection_ids))})"
        parameters = connection_ids
    rows = connection.execute(query + " ORDER BY connection_id, booked_at, id", parameters)
    return tuple(MissingReceipt(row[0], decode(bytes(row[1]))) for row in rows.fetchall())


def counts(connection: sqlite3.Connection) -> dict[str, ConnectionCounts]:
    """Each connection's accounts, transactions and receipts missing."""
    found: dict[str, list[int]] = {}
    for connection_id, number in connection.execute(
        "SELECT connection_id, COUNT(*) FROM accounts GROUP BY connection_id"
    ):
        found.setdefault(connection_id, [0, 0, 0])[0] = number
    for connection_id, number, missing in connection.execute(
        f"SELECT connection_id, COUNT(*), SUM({MISSING}) FROM transactions"  # noqa: S608
        " GROUP BY connection_id"
    ):
        values = found.setdefault(connection_id, [0, 0, 0])
        values[1], values[2] = number, int(missing or 0)
    return {key: ConnectionCounts(*values) for key, values in sorted(found.items())}


def statement_file(
    connection: sqlite3.Connection, connection_id: str, statement_id: str
) -> StoredFile | None:
    """The statement as recorded on disk, if it was."""
    row = connection.execute(
        "SELECT id, account_id, sha256, local_path, size FROM statements"
        " WHERE connection_id = ? AND id = ?",
        (connection_id, statement_id),
    ).fetchone()
    return None if row is None else StoredFile(row[0], row[1], row[2], Path(row[3]), row[4])


def receipt_file(
    connection: sqlite3.Connection, connection_id: str, attachment_id: str
) -> StoredFile | None:
    """The receipt as recorded on disk, if it was."""
    row = connection.execute(
        "SELECT attachment_id, transaction_id, sha256, local_path, size FROM receipts"
        " WHERE connection_id = ? AND attachment_id = ?",
        (connection_id, attachment_id),
    ).fetchone()
    return None if row is None else StoredFile(row[0], row[1], row[2], Path(row[3]), row[4])
