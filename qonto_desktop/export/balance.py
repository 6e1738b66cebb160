"""Do the period's settled transactions explain the change of the account's settled balance?

Each completed transaction carries ``settled_balance``: the balance once it settled. Walking
them in settlement order, each balance must be the previous one plus the transaction's signed
amount. The opening balance is the last settled balance before the period when the caller
knows it, else the first transaction's balance minus its amount. Transactions settled at the
same instant are taken in the order their balances chain, so a tie is not reported as a gap.
Pending transactions are not settled: they are left out, and the CSV shows them with their
status.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from qonto_desktop.qonto.models.transactions import Transaction

SETTLED = "completed"


@dataclass(frozen=True)
class BalanceCheck:
    """One account's check; ``explained`` is None when Qonto sent no balances to check."""

    opening_cents: int | None
    closing_cents: int | None
    sum_cents: int
    count: int
    explained: bool | None
    first_break: str | None

    def as_json(self) -> dict[str, object]:
        """The check as the manifest writes it."""
        return {
            "opening_cents": self.opening_cents,
            "closing_cents": self.closing_cents,
            "sum_cents": self.sum_cents,
            "settled_count": self.count,
            "explained": self.explained,
            "first_break": self.first_break,
        }


def settled(transactions: Iterable[Transaction]) -> list[Transaction]:
    """The completed transactions, by settlement time then id."""
    done = [t for t in transactions if t.status == SETTLED]
    return sorted(done, key=lambda t: (_when(t), t.id))


def check_balance(
    transactions: Iterable[Transaction], balance_before_cents: int | None = None
) -> BalanceCheck:
    """Walk the settled transactions; flag the first whose balance does not follow."""
    pending = settled(transactions)
    total, count = sum(t.signed_cents for t in pending), len(pending)
    if any(t.settled_balance_cents is None for t in pending) or (
        not pending and balance_before_cents is None
    ):
        return BalanceCheck(balance_before_cents, None, total, count, None, None)
    opening = balance_before_cents
    if opening is None:
        first = _first_of(pending)
        opening = _balance(first) - first.signed_cents
    current, first_break = opening, None
    while pending:
        chosen = _next_in_chain(pending, current)
        pending.remove(chosen)
        if first_break is None and _balance(chosen) != current + chosen.signed_cents:
            first_break = chosen.id
        current = _balance(chosen)
    return BalanceCheck(opening, current, total, count, first_break is None, first_break)


def _next_in_chain(pending: list[Transaction], current: int) -> Transaction:
    """Among those settled at the earliest instant, the one whose balance follows."""
    earliest = _when(pending[0])
    for candidate in pending:
        if _when(candidate) != earliest:
            break
        if _balance(candidate) == current + candidate.signed_cents:
            return candidate
    return pending[0]


def _first_of(pending: list[Transaction]) -> Transaction:
    """The earliest transaction: of those settled at one instant, the one no other leads to."""
    earliest = _when(pending[0])
    group = [t for t in pending if _when(t) == earliest]
    balances = {_balance(t) for t in group}
    for candidate in group:
        if _balance(candidate) - candidate.signed_cents not in balances:
            return candidate
    return group[0]


def _balance(transaction: Transaction) -> int:
    return transaction.settled_balance_cents or 0


def _when(transaction: Transaction) -> str:
    moment = transaction.settled_at or transaction.emitted_at or transaction.updated_at
    return moment.isoformat()
