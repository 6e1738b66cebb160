"""Which month a transaction belongs to: the date that books it, in French time.

A transaction is booked at its ``settled_at`` (Qonto's own exports and statements date a
completed transaction by its settlement), else at its ``emitted_at`` (a pending or declined
one has no settlement). Months begin at midnight in Paris, as the statements' do: a card payment
at 00:30 on 1 December, French time, belongs to December although it is still 30 November in
UTC (:mod:`qonto_desktop.qonto.french_time`).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from qonto_desktop.qonto.french_time import day_start
from qonto_desktop.qonto.models.statements import Month
from qonto_desktop.qonto.models.transactions import Transaction


def booked_at(transaction: Transaction) -> datetime | None:
    """The time that puts the transaction in a period: settlement, else emission."""
    return transaction.settled_at or transaction.emitted_at


def month_start(month: Month) -> datetime:
    """Midnight in Paris on the first of ``month``, as a UTC time."""
    return day_start(date(month.year, month.month, 1))


def days_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """``[start, end)`` in UTC of the days from ``first`` to ``last`` (both included)."""
    return day_start(first), day_start(last + timedelta(days=1))


def next_month(month: Month) -> Month:
    """The month after ``month``."""
    if month.month == 12:
        return Month(month.year + 1, 1)
    return Month(month.year, month.month + 1)


def month_bounds(first: Month, last: Month | None = None) -> tuple[datetime, datetime]:
    """``[start, end)`` in UTC of the months from ``first`` to ``last`` (both included)."""
    return month_start(first), month_start(next_month(last or first))
