"""Receipt file names: ``date_amount_counterparty_shortid.ext``, unique in their folder.

``2026-11-03_-45,90_SNCF_3f2a9c1b.pdf``: the booking date, the signed amount with a decimal
comma (as the French CSV writes it), the counterparty, the start of Qonto's transaction id. A
transaction's second receipt gets ``-2`` after the id (its first ``-1``). Two names that differ
only by case would be one file on Windows and macOS: a clash takes more of the id.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from qonto_desktop.export.money import cents_text
from qonto_desktop.export.names import extension, safe_name
from qonto_desktop.export.values import ReceiptFile
from qonto_desktop.qonto.french_time import french_day
from qonto_desktop.qonto.models.transactions import Transaction

RECEIPTS_FOLDER = "justificatifs"
SHORT_ID = 8


@dataclass(frozen=True)
class PlacedReceipt:
    """One receipt and the name it takes in the ``justificatifs`` folder."""

    transaction_id: str
    receipt: ReceiptFile
    name: str


def booking_day(transaction: Transaction) -> date:
    """The day a transaction counts for, in French time: settled, else emitted, else updated.

    The same day as the period that holds it (its months begin at midnight in Paris).
    """
    moment: datetime = transaction.settled_at or transaction.emitted_at or transaction.updated_at
    return french_day(moment)


def place_receipts(
    transactions: Iterable[Transaction], receipts: Mapping[str, ReceiptFile]
) -> tuple[PlacedReceipt, ...]:
    """Name every downloaded receipt of ``transactions``, in a stable order."""
    ordered = sorted(transactions, key=lambda t: (booking_day(t), t.id))
    taken: set[str] = set()
    placed: list[PlacedReceipt] = []
    for transaction in ordered:
        present = [receipts[i] for i in transaction.attachment_ids if i in receipts]
        for number, receipt in enumerate(present, start=1):
            suffix = f"-{number}" if len(present) > 1 else ""
            name = _free_name(transaction, receipt, suffix, taken)
            taken.add(name.casefold())
            placed.append(PlacedReceipt(transaction.id, receipt, name))
    return tuple(placed)


def _free_name(transaction: Transaction, receipt: ReceiptFile, suffix: str, taken: set[str]) -> str:
    stem = "_".join(
        (
            booking_day(transaction).isoformat(),
            cents_text(transaction.signed_cents, decimal_mark=","),
            safe_name(transaction.counterparty or transaction.label, limit=40, fallback="sans-nom"),
        )
    )
    ext = extension(receipt.file_name, receipt.content_type)
    identifier = safe_name(transaction.id, limit=64)
    for length in (SHORT_ID, 12, len(identifier)):
        name = f"{stem}_{identifier[:length]}{suffix}{ext}"
        if name.casefold() not in taken:
            return name
    extra = safe_name(receipt.attachment_id, limit=64)
    return f"{stem}_{identifier}{suffix}_{extra}{ext}"
