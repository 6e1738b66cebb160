"""Every client's transactions still needing a receipt, from the mirror; and their CSV.

Read from the local copy of bank data, so the list is as fresh as the last sync (or export). A
client disconnected since is not listed. Nothing is created when nothing was ever synced.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.month_end import MissingReceipt
from qonto_desktop.mirror.bank_mirror import Mirror, open_mirror
from qonto_desktop.mirror.database import mirror_path
from qonto_desktop.qonto.models.transactions import Transaction


def missing_receipts(desk: Desk) -> tuple[MissingReceipt, ...]:
    """Every connected client's completed transactions that still need a receipt.

    In the mirror's order: client, then date, then id. Text is as Qonto sent it.

    Raises:
        MirrorError, MirrorNewerError: the mirror file cannot be used.
    """
    if not mirror_path(desk.paths).exists():
        return ()
    names = {c.id: c.display_name for c in desk.index.load().connections}
    mirror = open_mirror(desk.paths)
    try:
        found = mirror.missing_receipts(tuple(names))
        accounts = _account_names(mirror, {row.connection_id for row in found})
    finally:
        mirror.close()
    return tuple(
        _row(row.connection_id, names[row.connection_id], row.transaction, accounts)
        for row in found
    )


def missing_counts(desk: Desk) -> dict[str, int]:
    """Each connection's number of receipts still missing (connections with none: absent).

    Raises:
        MirrorError, MirrorNewerError: the mirror file cannot be used.
    """
    if not mirror_path(desk.paths).exists():
        return {}
    mirror = open_mirror(desk.paths)
    try:
        counts = mirror.counts()
    finally:
        mirror.close()
    return {cid: c.missing_receipts for cid, c in counts.items() if c.missing_receipts}


def write_missing_csv(rows: tuple[MissingReceipt, ...], path: Path) -> None:
    """Write ``rows`` at ``path`` as the export's French Excel CSV, atomically.

    Raises:
        DestinationNotWritableError, DiskFullError, ExportWriteError: the file cannot be written.
    """
    # The export's own writers: one CSV dialect and one atomic write in the app.
    from qonto_desktop.export.csv_files import csv_bytes  # noqa: PLC0415
    from qonto_desktop.export.rows import EXCEL, MISSING_FR  # noqa: PLC0415
    from qonto_desktop.export.writing import FolderWriter  # noqa: PLC0415

    cells = (
        (
            EXCEL.text(row.client),
            EXCEL.day(row.day),
            EXCEL.text(row.counterparty),
            EXCEL.text(row.label),
            EXCEL.money(row.amount_cents),
            EXCEL.text(row.currency),
            EXCEL.text(row.account),
            EXCEL.text(row.transaction_id),
        )
        for row in rows
    )
    header = ("Client", *MISSING_FR)
    target = path.expanduser()
    FolderWriter(target.parent, target.parent).put(target.name, csv_bytes(EXCEL, header, cells))


def _account_names(mirror: Mirror, connection_ids: set[str]) -> dict[tuple[str, str], str]:
    names: dict[tuple[str, str], str] = {}
    for cid in connection_ids:
        for account in mirror.accounts(cid):
            names[(cid, account.id)] = account.name or account.iban or account.id
    return names


def _row(
    connection_id: str, client: str, t: Transaction, accounts: dict[tuple[str, str], str]
) -> MissingReceipt:
    return MissingReceipt(
        connection_id=connection_id,
        client=client,
        transaction_id=t.id,
        day=_day(t),
        amount_cents=t.signed_cents,
        currency=t.currency,
        counterparty=t.counterparty,
        label=t.label,
        account=accounts.get((connection_id, t.bank_account_id), t.bank_account_id),
    )


def _day(transaction: Transaction) -> date:
    """The day the export's files give the transaction: settled, else emitted (Qonto's UTC)."""
    moment = transaction.settled_at or transaction.emitted_at or transaction.updated_at
    return moment.date()
