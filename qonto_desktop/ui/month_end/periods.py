"""The periods an export offers: a calendar month, a quarter, or chosen dates, both included."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Literal

from qonto_desktop.connections.month_end import PeriodChoice

Problem = Literal["end_before_start", "in_the_future"]


def month(year: int, number: int) -> PeriodChoice:
    """The whole month: ``2026-11``."""
    last = calendar.monthrange(year, number)[1]
    return PeriodChoice(date(year, number, 1), date(year, number, last), f"{year}-{number:02d}")


def quarter(year: int, number: int) -> PeriodChoice:
    """The whole quarter (1 to 4): ``2026-Q4``."""
    first = 3 * (number - 1) + 1
    end = month(year, first + 2).end
    return PeriodChoice(date(year, first, 1), end, f"{year}-Q{number}")


def dates(start: date, end: date) -> PeriodChoice:
    """Chosen dates: ``2026-11-03_2026-11-20``."""
    return PeriodChoice(start, end, f"{start.isoformat()}_{end.isoformat()}")


def previous_month(today: date) -> PeriodChoice:
    """The calendar month before ``today``'s: what a month end closes."""
    last = today.replace(day=1) - timedelta(days=1)
    return month(last.year, last.month)


def recent_months(today: date, count: int = 24) -> list[PeriodChoice]:
    """The whole months to choose from, the most recent first (the one before today's)."""
    last = previous_month(today).start
    year, number = last.year, last.month
    found = []
    for _ in range(count):
        found.append(month(year, number))
        year, number = (year, number - 1) if number > 1 else (year - 1, 12)
    return found


def recent_quarters(today: date, count: int = 8) -> list[PeriodChoice]:
    """The whole quarters to choose from, the most recent first (the one before today's)."""
    year, number = today.year, (today.month - 1) // 3
    if number == 0:
        year, number = year - 1, 4
    found = []
    for _ in range(count):
        found.append(quarter(year, number))
        year, number = (year, number - 1) if number > 1 else (year - 1, 4)
    return found


def problem(period: PeriodChoice, today: date) -> Problem | None:
    """Why a period cannot be exported, or None: its end before its start, or after today."""
    if period.end < period.start:
        return "end_before_start"
    if period.end > today:
        return "in_the_future"
    return None
