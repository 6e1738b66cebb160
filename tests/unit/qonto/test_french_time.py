"""French days: which day an instant falls on in Paris, summer and winter time included."""

from __future__ import annotations

import zoneinfo
from datetime import UTC, date, datetime, timedelta

import pytest

from qonto_desktop.qonto.french_time import day_start, french_day


@pytest.mark.parametrize(
    ("moment", "day"),
    [
        (datetime(2026, 11, 30, 22, 59, tzinfo=UTC), date(2026, 11, 30)),  # 23:59 in Paris
        (datetime(2026, 11, 30, 23, 0, tzinfo=UTC), date(2026, 12, 1)),  # midnight, winter
        (datetime(2026, 7, 14, 21, 59, tzinfo=UTC), date(2026, 7, 14)),
        (datetime(2026, 7, 14, 22, 0, tzinfo=UTC), date(2026, 7, 15)),  # midnight, summer
        (datetime(2026, 3, 28, 23, 0, tzinfo=UTC), date(2026, 3, 29)),  # the spring Sunday
        (datetime(2026, 10, 24, 22, 0, tzinfo=UTC), date(2026, 10, 25)),  # the autumn Sunday
        (datetime(2026, 11, 3, 10, 0, tzinfo=UTC), date(2026, 11, 3)),
    ],
)
def test_an_instant_falls_on_its_paris_day(moment: datetime, day: date) -> None:
    assert french_day(moment) == day


def test_every_half_hour_of_two_years_agrees_with_the_time_zone_database() -> None:
    paris = zoneinfo.ZoneInfo("Europe/Paris")
    moment = datetime(2026, 1, 1, tzinfo=UTC)
    while moment.year < 2028:
        day = french_day(moment)
        assert day == moment.astimezone(paris).date(), moment
        assert day_start(day) <= moment < day_start(day + timedelta(days=1)), moment
        moment += timedelta(minutes=30)
