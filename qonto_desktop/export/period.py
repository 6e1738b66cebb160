"""The period an export covers: a month by default, a quarter, or two dates."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from qonto_desktop.export.errors import UnknownPeriodError


@dataclass(frozen=True, order=True)
class Period:
    """From ``start`` to ``end``, both days included."""

    start: date
    end: date

    @property
    def label(self) -> str:
        """``2026-11`` for a month, ``2026-Q4`` for a quarter, else ``2026-11-03_2026-11-20``."""
        start, end = self.start, self.end
        last = calendar.monthrange(end.year, end.month)[1]
        whole = start.day == 1 and end.day == last and start.year == end.year
        if whole and start.month == end.month:
            return f"{start.year:04d}-{start.month:02d}"
        if whole and start.month % 3 == 1 and end.month == start.month + 2:
            return f"{start.year:04d}-Q{(start.month + 2) // 3}"
        return f"{start.isoformat()}_{end.isoformat()}"

    def months(self) -> tuple[tuple[int, int], ...]:
        """Each (year, month) the period touches, in order."""
        found: list[tuple[int, int]] = []
        year, month = self.start.year, self.start.month
        while (year, month) <= (self.end.year, self.end.month):
            found.append((year, month))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return tuple(found)


def month(year: int, number: int) -> Period:
    """The calendar month ``number`` of ``year``."""
    return Period(date(year, number, 1), date(year, number, calendar.monthrange(year, number)[1]))


def quarter(year: int, number: int) -> Period:
    """The calendar quarter ``number`` (1 to 4) of ``year``."""
    first = month(year, 3 * number - 2)
    return Period(first.start, month(year, 3 * number).end)


_MONTH = re.compile(r"(\d{4})-(\d{2})")
_QUARTER = re.compile(r"(\d{4})-[Qq]([1-4])")
_DATES = re.compile(r"(\d{4}-\d{2}-\d{2})(?:_|\.\.|/)(\d{4}-\d{2}-\d{2})")


def parse_period(text: str) -> Period:
    """Read ``2026-11``, ``2026-Q4`` or ``2026-11-03_2026-11-20`` (also ``..`` or ``/``).

    Raises:
        UnknownPeriodError: anything else, an impossible date, or an end before the start.
    """
    given = text.strip()
    try:
        if found := _MONTH.fullmatch(given):
            return month(int(found[1]), int(found[2]))
        if found := _QUARTER.fullmatch(given):
            return quarter(int(found[1]), int(found[2]))
        if found := _DATES.fullmatch(given):
            period = Period(date.fromisoformat(found[1]), date.fromisoformat(found[2]))
            if period.end >= period.start:
                return period
    except ValueError:
        pass
    raise UnknownPeriodError(params={"period": given})
