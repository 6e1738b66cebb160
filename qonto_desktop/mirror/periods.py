"""Which month a transaction belongs to: the date that books it, in French time.

A transaction is booked at its ``settled_at`` (Qonto's own exports and statements date a
completed transaction by its settlement), else at its ``emitted_at`` (a pending or declined
one has no settlement). Months begin at midnight in Paris, as the statements' do: a card payment
at 00:30 on 1 December, French time, belongs to December although it is still 30 November in
UTC. France's offset follows the EU rule (summer time from the last Sunday of March to the
last Sunday of October), computed here, so no time zone database is needed (Windows has none
without the ``tzdata`` package).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from qonto_desktop.qonto.models.statements import Month
from qonto_desktop.qonto.models.transactions import Transaction


def booked_at(transaction: Transaction) -> datetime | None:
    """The time that puts the transaction in a period: settlement, else emission."""
    return transaction.settled_at or transaction.emitted_at


def day_start(day: date) -> datetime:
    """Midnight in Paris at the start of ``day``, as a UTC time.

    Summer time runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last
    Sunday of October: midnight on the first of those Sundays is still winter time, midnight on
    the second still summer time.
    """
    summer = _last_sunday(day.year, 3) < day <= _last_sunday(day.year, 10)
    offset = 2 if summer else 1
    return datetime(day.year, day.month, day.day, tzinfo=UTC) - timedelta(hours=offset)


def month_start(month: Month) -> datetime:
    """Midnight in Paris on the first of ``month``, as a UTC time."""
    return day_start(date(month.year, month.month, 1))


def days_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """``[start, end)`` in UTC of the days from ``first`` to ``last`` (both included)."""
    return day_start(first), day_start(last + timedelta(days=1))


def _last_sunday(year: int, month: int) -> date:
    last = date(year, month, 31)  # March and October have 31 days
    return last - timedelta(days=(last.weekday() + 1) % 7)


def next_month(month: Month) -> Month:
    """The month after ``month``."""
    if month.month == 12:
        return Month(month.year + 1, 1)
    return Month(month.year, month.month + 1)


def month_bounds(first: Month, last: Month | None = None) -> tuple[datetime, datetime]:
    """``[start, end)`` in UTC of the months from ``first`` to ``last`` (both included)."""
    return month_start(first), month_start(next_month(last or first))
