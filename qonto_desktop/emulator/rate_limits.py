"""Qonto's per-IP rate limits: 1,000 requests per 10 s and 10,000 per 10 min, then 429.

https://docs.qonto.com/get-started/general/rate-limitations. The windows slide over the
emulator's clock; a refused request does not count (the emulator's choice).
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Sequence

from qonto_desktop.emulator.clock import Clock

QONTO_LIMITS: tuple[tuple[int, float], ...] = ((1_000, 10.0), (10_000, 600.0))
"""(requests, seconds) per IP address, as Qonto documents them."""


class RateLimits:
    """Counts each client IP's requests in sliding windows.

    Args:
        clock: Where the windows read the time.
        limits: (requests, seconds) pairs; empty turns the limits off.
    """

    def __init__(self, clock: Clock, limits: Sequence[tuple[int, float]] = QONTO_LIMITS) -> None:
        self._clock = clock
        self.limits = tuple(limits)
        self._seen: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def admit(self, client: str) -> float | None:
        """Count one request; ``None`` if allowed, else the seconds until one is allowed."""
        if not self.limits:
            return None
        now = self._clock.now()
        longest = max(seconds for _, seconds in self.limits)
        with self._lock:
            seen = self._seen.setdefault(client, deque())
            while seen and seen[0] <= now - longest:
                seen.popleft()
            for count, seconds in self.limits:
                if len(seen) >= count and seen[-count] > now - seconds:
                    return max(seen[-count] + seconds - now, 0.001)
            seen.append(now)
            return None
