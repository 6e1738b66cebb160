"""One bank account's files in the export folder (statements, OFX) and its manifest entry."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from qonto_desktop.export.balance import SETTLED, check_balance
from qonto_desktop.export.errors import DownloadUnreadableError
from qonto_desktop.export.names import safe_name
from qonto_desktop.export.ofx_file import ofx_bytes
from qonto_desktop.export.period import Period
from qonto_desktop.export.receipts import PlacedReceipt
from qonto_desktop.export.values import AccountPeriod, Formats
from qonto_desktop.export.writing import FolderWriter
from qonto_desktop.qonto.models.statements import Month


def write_account(
    writer: FolderWriter,
    item: AccountPeriod,
    tag: str,
    period: Period,
    *,
    formats: Formats,
    placed: Mapping[str, tuple[PlacedReceipt, ...]],
) -> dict[str, object]:
    """Write ``item``'s statements (and OFX file); return what the manifest says of it."""
    account = item.account
    statements: dict[str, str | None] = {Month(y, m).label: None for y, m in period.months()}
    chosen = item.statements if formats.statements else ()
    for found in sorted(chosen, key=lambda s: (s.statement.period, s.statement.id)):
        label = found.statement.period.label
        name = f"releve_{tag}_{safe_name(label)}.pdf"
        writer.put(name, read_download(found.path))
        statements[label] = name
    balance = check_balance(item.transactions, item.balance_before_cents)
    ofx_name = None
    if formats.ofx:
        ofx_name = f"{tag}_{period.label}.ofx"
        writer.put(ofx_name, ofx_bytes(account, item.transactions, period, balance))
    transactions = item.transactions
    return {
        "id": account.id,
        "name": account.display_name,
        "iban": account.iban,
        "currency": account.currency,
        "cursor": item.cursor,
        "transactions": len(transactions),
        "settled": sum(1 for t in transactions if t.status == SETTLED),
        "sum_cents": sum(t.signed_cents for t in transactions),
        "credits_cents": sum(t.signed_cents for t in transactions if t.side == "credit"),
        "debits_cents": sum(t.signed_cents for t in transactions if t.side == "debit"),
        "receipts": sum(len(placed.get(t.id, ())) for t in transactions),
        "missing_receipts": sum(1 for t in transactions if t.missing_receipt),
        "statements": statements if formats.statements else {},  # None: not issued yet
        "ofx": ofx_name,
        "balance": balance.as_json(),
    }


def read_download(path: Path) -> bytes:
    """The bytes of a file the caller downloaded for this export."""
    try:
        return path.read_bytes()
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise DownloadUnreadableError(params={"file": str(path), "reason": reason}) from error
