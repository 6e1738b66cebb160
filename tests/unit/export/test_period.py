"""Periods: a month, a quarter or two dates, each labelled as its folder is named."""

from __future__ import annotations

from datetime import date

import pytest

from qonto_desktop.export.errors import UnknownPeriodError
from qonto_desktop.export.period import Period, month, parse_period, quarter


@pytest.mark.parametrize(
    ("text", "start", "end", "label"),
    [
        ("2026-11", date(2026, 11, 1), date(2026, 11, 30), "2026-11"),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "2024-02"),
        ("2026-Q4", date(2026, 10, 1), date(2026, 12, 31), "2026-Q4"),
        ("2026-q1", date(2026, 1, 1), date(2026, 3, 31), "2026-Q1"),
        ("2026-11-03_2026-11-20", date(2026, 11, 3), date(2026, 11, 20), "2026-11-03_2026-11-20"),
        ("2026-11-03..2026-11-03", date(2026, 11, 3), date(2026, 11, 3), "2026-11-03_2026-11-03"),
    ],
)
def test_periods_read_as_written(text: str, start: date, end: date, label: str) -> None:
    period = parse_period(text)
    assert (period.start, period.end, period.label) == (start, end, label)


@pytest.mark.parametrize(
    "text", ["2026-13", "2026-Q5", "novembre", "", "2026-11-20_2026-11-03", "2026-02-30_2026-03-01"]
)
def test_unknown_periods_are_one_clear_error(text: str) -> None:
    with pytest.raises(UnknownPeriodError) as caught:
        parse_period(text)
    assert "2026-Q4" in caught.value.next_action


def test_months_of_a_quarter_and_of_dates_across_a_year() -> None:
    assert quarter(2026, 4).months() == ((2026, 10), (2026, 11), (2026, 12))
    assert Period(date(2026, 12, 15), date(2027, 1, 10)).months() == ((2026, 12), (2027, 1))
    assert month(2026, 11).months() == ((2026, 11),)
