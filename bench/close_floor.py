"""The monthly close's floor: what Qonto's allowed rate and the latency leave as the best time.

The floor of a run is the larger of two times: the time the process's rate limiter (Qonto's
per-IP limits less its margin, :data:`~qonto_desktop.system.rate_limit.QONTO_WINDOWS`) needs to
let that many API calls out, and ``latency * requests ÷ concurrency``, every request waiting its
round trip with ``concurrency`` of them in flight. Pure arithmetic, for the bench and its tests.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from qonto_desktop.system.rate_limit import QONTO_WINDOWS, Window

DOWNLOADS = "files"  # the emulator's name for downloads (presigned addresses, not the API)


def rate_seconds(requests: int, windows: Sequence[Window] = QONTO_WINDOWS) -> float:
    """Seconds from the first send to the last that the sliding ``windows`` allow.

    With ``W`` requests allowed in any ``S`` seconds, starting empty, the ``k``-th request
    (from 0) goes at the earliest ``⌊k / W⌋ * S``: the last at ``⌊(requests - 1) / W⌋ * S``.
    """
    if requests <= 0:
        return 0.0
    return max(((requests - 1) // window.requests) * window.seconds for window in windows)


@dataclass(frozen=True)
class Floor:
    """A run's floor and its two parts, in seconds."""

    rate: float  # the limiter's windows for the API calls
    latency: float  # latency * every request ÷ concurrency

    @property
    def seconds(self) -> float:
        """The larger of the two."""
        return max(self.rate, self.latency)

    @property
    def bound_by(self) -> str:
        """Which of the two makes the floor."""
        return "rate" if self.rate >= self.latency else "latency"


def api_calls(counts: Counter[str]) -> int:
    """The requests Qonto's limits count: every one but the downloads."""
    return sum(n for route, n in counts.items() if route != DOWNLOADS)


def floor_of(
    counts: Counter[str],
    *,
    latency: float,
    concurrency: int,
    windows: Sequence[Window] = QONTO_WINDOWS,
) -> Floor:
    """The floor of a run that made ``counts`` requests (by route, as the emulator counts)."""
    if concurrency < 1:
        raise ValueError("concurrency must be at least 1")
    every = sum(counts.values())
    return Floor(rate_seconds(api_calls(counts), windows), latency * every / concurrency)


def requests_per_account(counts: Counter[str], accounts: int) -> float:
    """Transactions requests per bank account (``nothing new`` must keep it at 1 or under)."""
    return counts["transactions"] / accounts if accounts else 0.0
