"""The filters of ``GET /v2/transactions``: status, the three date ranges, side, type, files.

Parameters as S (``openapi_v2.yml``) and the list-transactions page name them; bounds are
included. Only the months a lower date bound can reach are built (a generated transaction's
dates all fall in its month), plus every transaction changed since the anchor.
"""

from __future__ import annotations

from qonto_desktop.emulator import bank_query
from qonto_desktop.emulator.activity import month_bounds
from qonto_desktop.emulator.bank_query import invalid
from qonto_desktop.emulator.data import BankAccount
from qonto_desktop.emulator.held import Tx
from qonto_desktop.emulator.ledger import Ledger


def filtered(ledger: Ledger, account: BankAccount, query: dict[str, list[str]]) -> list[Tx]:
    """The account's transactions the query's filters keep (status, dates, side, type, files)."""
    statuses = bank_query.statuses(query)
    ranges = {
        name: (bank_query.moment(query, f"{name}_from"), bank_query.moment(query, f"{name}_to"))
        for name in ("updated_at", "settled_at", "emitted_at")
    }
    side = bank_query.one(query, "side")
    if side is not None and side not in {"credit", "debit"}:
        raise invalid("invalid_parameter", "side must be credit or debit", "side")
    kinds = set(query.get("operation_type[]", []))
    with_attachments = bank_query.one(query, "with_attachments")
    floor = max((low for low, _ in ranges.values() if low is not None), default=None)
    months = [m for m in ledger.months if floor is None or _month_end(m) > floor]
    seen: dict[str, Tx] = {}
    for month in months:
        for tx in ledger.month(account.id, month):
            seen[tx.id] = tx
    for tx in ledger.changed(account.id):
        seen[tx.id] = tx

    def keep(tx: Tx) -> bool:
        if tx.status not in statuses or (side and tx.draft.side != side):
            return False
        if kinds and tx.draft.operation_type not in kinds:
            return False
        if with_attachments in {"true", "false"} and (tx.attachment_count > 0) != (
            with_attachments == "true"
        ):
            return False
        for name, (low, high) in ranges.items():
            value = field_of(tx, name)
            if (low is not None or high is not None) and value is None:
                return False
            if value is not None and (
                (low is not None and value < low) or (high is not None and value > high)
            ):
                return False
        return True

    return [tx for tx in seen.values() if keep(tx)]


def field_of(tx: Tx, name: str) -> float | None:
    """A transaction's ``updated_at``, ``settled_at`` or ``emitted_at``, in epoch seconds."""
    if name == "settled_at":
        return tx.settled_at
    if name == "emitted_at":
        return tx.draft.emitted_at
    return tx.updated_at


def _month_end(month: tuple[int, int]) -> float:
    return month_bounds(*month)[1]
