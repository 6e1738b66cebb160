"""French time, as Qonto's days and months run: midnight in Paris, not in UTC.

Qonto's statements begin their months at midnight in Paris, so a card payment at 00:30 on
1 December, French time, belongs to December although it is still 30 November in UTC; its
export rows and receipt names carry the same French day. France's offset follows the EU rule
(summer time from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of
October), computed here, so no time zone database is needed (Windows has none without the
``tzdata`` package).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta


def day_start(day: date) -> datetime:
    """Midnight in Paris at the start of ``day``, as a UTC time.

    Midnight on the last Sunday of March is still winter time, midnight on the last Sunday of
    October still summer time.
    """
    summer = _last_sunday(day.year, 3) < day <= _last_sunday(day.year, 10)
    offset = 2 if summer else 1
    return datetime(day.year, day.month, day.day, tzinfo=UTC) - timedelta(hours=offset)


def french_day(moment: datetime) -> date:
    """The day ``moment`` (an aware time) falls on in Paris."""
    utc = moment.astimezone(UTC)
    day = utc.date()
    if utc >= day_start(day + timedelta(days=1)):
        return day + timedelta(days=1)
    return day


def _last_sunday(year: int, month: int) -> date:
    last = date(year, month, 31)  # March and October have 31 days
    return last - timedelta(days=(last.weekday() + 1) % 7)
