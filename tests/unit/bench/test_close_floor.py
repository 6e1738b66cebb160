"""The monthly-close bench's floor: Qonto's windows, the latency bound, which one rules."""

from __future__ import annotations

from collections import Counter

import pytest

from bench.close_floor import api_calls, floor_of, rate_seconds, requests_per_account
from qonto_desktop.system.rate_limit import QONTO_WINDOWS, Window


@pytest.mark.parametrize(
    ("requests", "seconds"),
    [
        (0, 0.0),
        (1, 0.0),
        (800, 0.0),  # the first window's worth goes at once
        (801, 10.0),
        (1_600, 10.0),
        (7_999, 90.0),
        (8_000, 90.0),
        (8_001, 600.0),  # the ten-minute window now rules
        (21_900, 1_200.0),
    ],
)
def test_the_limiters_windows_give_the_time_for_that_many_requests(
    requests: int, seconds: float
) -> None:
    assert rate_seconds(requests, QONTO_WINDOWS) == seconds


def test_each_window_counts_on_its_own() -> None:
    assert rate_seconds(7, (Window(3, 1.0), Window(5, 60.0))) == 60.0
    assert rate_seconds(4, (Window(3, 1.0), Window(5, 60.0))) == 1.0


def test_downloads_take_latency_but_not_qontos_rate() -> None:
    counts = Counter({"transactions": 1_700, "bank_accounts": 30, "files": 9_000})
    assert api_calls(counts) == 1_730
    floor = floor_of(counts, latency=0.05, concurrency=16)
    assert floor.rate == 20.0
    assert floor.latency == pytest.approx(0.05 * 10_730 / 16)
    assert floor.seconds == floor.latency
    assert floor.bound_by == "latency"
    assert floor_of(Counter({"transactions": 9_000}), latency=0.05, concurrency=16).bound_by == (
        "rate"
    )
    with pytest.raises(ValueError, match="concurrency"):
        floor_of(counts, latency=0.05, concurrency=0)


def test_requests_per_account() -> None:
    assert requests_per_account(Counter({"transactions": 60}), 60) == 1.0
    assert requests_per_account(Counter({"transactions": 61}), 60) > 1.0
    assert requests_per_account(Counter(), 0) == 0.0
