"""One client's period gathered for its folder: the mirror's accounts and transactions, and the
period's statements and receipts in the app's file store (downloaded only when not there yet).

The mirror keeps no file address (they die in 30 minutes). At an account's first receipt not in
the store, the period's transactions of that account are listed again (``settled_at`` in the
period, with their attachments: a page of 100 a request) and the fresh addresses are used at
once; a receipt not found there (a pending transaction) or whose address expired is asked
again by itself (``attachment(id)``). Nothing missing, nothing listed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from qonto_desktop.connections.export_downloads import download_receipt, kept, statement_path
from qonto_desktop.connections.month_end import Format
from qonto_desktop.export.period import Period
from qonto_desktop.export.values import AccountPeriod, ClientPeriod, ReceiptFile, StatementFile
from qonto_desktop.mirror.bank_mirror import Mirror
from qonto_desktop.mirror.periods import days_bounds
from qonto_desktop.mirror.records import MirroredAccount
from qonto_desktop.qonto.banking import BankReader
from qonto_desktop.qonto.models.bank_accounts import BankAccount
from qonto_desktop.qonto.models.statements import Month
from qonto_desktop.qonto.models.transactions import Transaction, TransactionAttachment
from qonto_desktop.store.connection import Connection
from qonto_desktop.system.paths import AppPaths


@dataclass(frozen=True)
class Gathering:
    """What gathering one client needs; ``step`` is called between downloads (to cancel),
    ``tell_receipts`` with the receipts done and their total."""

    paths: AppPaths
    mirror: Mirror
    period: Period
    formats: frozenset[Format]
    step: Callable[[str], None]
    tell_statements: Callable[[], None]
    tell_receipts: Callable[[int, int], None]


@dataclass(frozen=True)
class Gathered:
    """The client's period, the months some account has no statement for yet, the downloads."""

    client: ClientPeriod
    not_issued: tuple[str, ...]
    downloaded: int


def gather(job: Gathering, connection: Connection, reader: BankReader) -> Gathered:
    """Everything ``connection``'s folder is made of, from the mirror and the file store."""
    cid = connection.id
    mirrored = job.mirror.accounts(cid)
    start, end = days_bounds(job.period.start, job.period.end)
    transactions = {a.id: job.mirror.transactions(cid, a.id, start, end) for a in mirrored}
    statements: dict[str, list[StatementFile]] = {a.id: [] for a in mirrored}
    downloaded = 0
    if "statements" in job.formats and mirrored:
        job.step("statements")
        job.tell_statements()
        months = [Month(y, m) for y, m in job.period.months()]
        listed = list(reader.statements(tuple(a.id for a in mirrored), months[0], months[-1]))
        for statement in sorted(listed, key=lambda s: (s.bank_account_id, s.period, s.id)):
            if statement.bank_account_id not in statements:
                continue
            job.step("statement")
            path, fresh = statement_path(reader, job.mirror, job.paths, cid, statement)
            downloaded += fresh
            statements[statement.bank_account_id].append(StatementFile(statement, path))
    receipts: list[ReceiptFile] = []
    if "receipts" in job.formats:
        receipts, fetched = _receipts(job, reader, cid, transactions, (start, end))
        downloaded += fetched
    accounts = tuple(
        AccountPeriod(
            _account(a),
            transactions[a.id],
            cursor=None if a.cursor is None else a.cursor.isoformat(),
            statements=tuple(statements[a.id]),
        )
        for a in mirrored
    )
    client = ClientPeriod(
        connection.display_name,
        connection.legal_number or None,
        cid,
        job.period,
        accounts,
        tuple(receipts),
    )
    not_issued = _not_issued(job.period, statements) if "statements" in job.formats else ()
    return Gathered(client, not_issued, downloaded)


def _receipts(
    job: Gathering,
    reader: BankReader,
    cid: str,
    transactions: dict[str, tuple[Transaction, ...]],
    bounds: tuple[datetime, datetime],
) -> tuple[list[ReceiptFile], int]:
    wanted = [
        (k, t, a) for k, items in transactions.items() for t in items for a in t.attachment_ids
    ]
    job.tell_receipts(0, len(wanted))
    found: list[ReceiptFile] = []
    fetched = 0
    listed: tuple[str, dict[str, TransactionAttachment]] = ("", {})  # one account's at a time
    for number, (account, transaction, attachment_id) in enumerate(wanted, start=1):
        job.step("receipt")
        known = {a.id: a for a in transaction.attachments}.get(attachment_id)
        path = kept(job.mirror.receipt_file(cid, attachment_id))
        if path is None:
            if listed[0] != account:
                listed = (account, _addresses(reader, account, bounds))
            fresh = listed[1].get(attachment_id)
            path = download_receipt(
                reader, job.mirror, job.paths, cid, transaction_id=transaction.id,
                attachment_id=attachment_id, url=None if fresh is None else fresh.url,
            )  # fmt: skip
            fetched += 1
        name = known.file_name if known is not None else None
        kind = known.content_type if known is not None else None
        found.append(ReceiptFile(attachment_id, path, name, kind))
        job.tell_receipts(number, len(wanted))
    return found, fetched


def _addresses(
    reader: BankReader, account: str, bounds: tuple[datetime, datetime]
) -> dict[str, TransactionAttachment]:
    """The account's receipts settled in ``[start, end)``, each with a fresh address.

    Only the addresses are taken: names and types come from the mirror, so a folder written
    again is the same whether its receipts were downloaded now or earlier.
    """
    pages = reader.transactions(
        account,
        updated_at_from=None,
        settled_at_from=bounds[0],
        settled_at_to=bounds[1] - timedelta(milliseconds=1),  # Qonto's end is included
    )
    return {a.id: a for page in pages for t in page.transactions for a in t.attachments}


def _account(mirrored: MirroredAccount) -> BankAccount:
    """The account as the export writes it, from the mirror's copy."""
    m = mirrored
    return BankAccount(
        id=m.id, slug=None, name=m.name, organization_id=m.organization_id, status=m.status,
        main=False, is_external=False, iban=m.iban, bic=m.bic, account_number=None,
        currency=m.currency, balance_cents=m.balance_cents, authorized_balance_cents=None,
        updated_at=None,
    )  # fmt: skip


def _not_issued(period: Period, statements: dict[str, list[StatementFile]]) -> tuple[str, ...]:
    """The months (``YYYY-MM``) some account has no statement for yet."""
    labels = [Month(y, m).label for y, m in period.months()]
    have = {a: {s.statement.period.label for s in found} for a, found in statements.items()}
    return tuple(label for label in labels if any(label not in got for got in have.values()))
