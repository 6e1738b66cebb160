"""Which month a transaction belongs to: the date that books it, in French time.

A transaction is booked at its ``settled_at`` (Qonto's own exports and statements date a
completed transaction by its settlement), else at its ``emitted_at`` (a pending or declined
one has no settlement). Months begin at midnight in Paris, as the statements' do: a card payment
at 00:30 on 1 December, French time, belongs to December although it is still 30 November in
UTC. France's offset on the first of a month is fixed by the EU rule (summer time from the last
Sunday of March to the last Sunday of October): +2 h from April to October, +1 h otherwise, so
no time zone database is needed (Windows has none without the ``tzdata`` package).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from qonto_desktop.qonto.models.statements import Month
from qonto_desktop.qonto.models.transactions import Transaction


def booked_at(transaction: Transaction) -> datetime | None:
    """The time that puts the transaction in a period: settlement, else emission."""
    return transaction.settled_at or transaction.emitted_at


def month_start(month: Month) -> datetime:
    """Midnight in Paris on the first of ``month``, as a UTC time."""
    offset = 2 if 4 <= month.month <= 10 else 1
    return datetime(month.year, month.month, 1, tzinfo=UTC) - timedelta(hours=offset)


def next_month(month: Month) -> Month:
    """The month after ``month``."""
    if month.month == 12:
        return Month(month.year + 1, 1)
    return Month(month.year, month.month + 1)


def month_bounds(first: Month, last: Month | None = None) -> tuple[datetime, datetime]:
    """``[start, end)`` in UTC of the months from ``first`` to ``last`` (both included)."""
    return month_start(first), month_start(next_month(last or first))
