"""The one pace every request of the process keeps: Qonto's per-IP limits, with a margin.

Qonto allows 1,000 requests in 10 s and 10,000 in 10 min per IP address, and answers 429 beyond
(docs/qonto-facts.md, "Rate limits"). Renewing hundreds of connections, and reading bank data
for them, sends requests from several threads at once: they all take their turn here, so the
process stays under both windows whatever runs in it. A ``Retry-After`` the server sends
(:meth:`RateLimiter.hold`) pauses every request of the process, not only the one refused.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Window:
    """At most ``requests`` sends in any ``seconds``."""

    requests: int
    seconds: float


# Qonto's two windows, each kept 20 % under its limit: the firm's other tools and the people
# on the same network share the IP address the limits count.
QONTO_WINDOWS = (Window(800, 10.0), Window(8_000, 600.0))


class RateLimiter:
    """Sliding windows shared by threads: ``acquire`` blocks until one more send fits in all."""

    def __init__(
        self,
        windows: tuple[Window, ...] = QONTO_WINDOWS,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        """Set up the windows; ``clock`` and ``sleep`` are injectable for tests."""
        self._windows = windows
        self._sent = tuple(deque[float]() for _ in windows)
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._held_until = 0.0

    def acquire(self) -> None:
        """Block until one more request may be sent, and count it."""
        while True:
            with self._lock:
                now = self._clock()
                wait = self._wait(now)
                if wait <= 0:
                    for sent in self._sent:
                        sent.append(now)
                    return
            self._sleep(wait)

    def hold(self, seconds: float) -> None:
        """No request of the process goes out for ``seconds`` (a ``Retry-After``)."""
        with self._lock:
            self._held_until = max(self._held_until, self._clock() + seconds)

    def _wait(self, now: float) -> float:
        """Seconds until a send fits in every window and no hold is on; the lock is held."""
        wait = self._held_until - now
        for window, sent in zip(self._windows, self._sent, strict=True):
            while sent and sent[0] <= now - window.seconds:
                sent.popleft()
            if len(sent) >= window.requests:
                wait = max(wait, sent[0] + window.seconds - now)
        return wait


_PROCESS = RateLimiter()


def process_limiter() -> RateLimiter:
    """The limiter every request to Qonto from this process goes through."""
    return _PROCESS
