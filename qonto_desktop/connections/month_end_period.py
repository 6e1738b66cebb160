"""The period of a month end, read from what a person types: the one place both faces parse it.

``2026-11`` (a month), ``2026-Q4`` (a quarter) or ``2026-11-03..2026-11-20`` (two days, both
included; ``2026-11-03_2026-11-20``, the folder's own spelling, is read too). Without one, the
previous calendar month: the one an accountant closes.
"""

from __future__ import annotations

from datetime import date

from qonto_desktop.connections.month_end import PeriodChoice
from qonto_desktop.export.period import Period, month, parse_period


def period_choice(text: str) -> PeriodChoice:
    """The period ``text`` names.

    Raises:
        UnknownPeriodError: not a month, a quarter or two days (``2026-13``, an end before the
            start, ...).
    """
    return _choice(parse_period(text))


def previous_month(today: date) -> PeriodChoice:
    """The calendar month before ``today``'s."""
    year, number = (today.year - 1, 12) if today.month == 1 else (today.year, today.month - 1)
    return _choice(month(year, number))


def _choice(period: Period) -> PeriodChoice:
    return PeriodChoice(period.start, period.end, period.label)


def as_period(choice: PeriodChoice) -> Period:
    """The export package's period for ``choice``."""
    return Period(choice.start, choice.end)
