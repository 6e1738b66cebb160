"""How many bank data requests the emulator received, by route: what a bench counts.

Every ``/v2/...`` call and every download on ``/files/...`` is counted when it arrives, refused
or not (a 429 is a request made), under the route's name (``transactions``, ``files``...), or its
path for the other ``/v2/...`` calls (``/v2/organization``). A test waits on
:meth:`RequestCounts.reached` to act at a request of its choosing (kill a process there).
"""

from __future__ import annotations

import threading
from collections import Counter


class RequestCounts:
    """A thread-safe tally of requests by route."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts: Counter[str] = Counter()
        self._total = 0
        self._waits: list[tuple[int, threading.Event]] = []

    def add(self, route: str) -> None:
        """Count one request to ``route``."""
        with self._lock:
            self._counts[route] += 1
            self._total += 1
            for total, event in self._waits:
                if self._total >= total:
                    event.set()
            self._waits = [(t, e) for t, e in self._waits if not e.is_set()]

    def reached(self, total: int) -> threading.Event:
        """An event set when ``total`` requests in all have arrived (at once if they have)."""
        event = threading.Event()
        with self._lock:
            if self._total >= total:
                event.set()
            else:
                self._waits.append((total, event))
        return event

    def snapshot(self) -> Counter[str]:
        """The counts so far, a copy."""
        with self._lock:
            return Counter(self._counts)
