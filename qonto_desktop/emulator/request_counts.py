"""How many bank data requests the emulator received, by route: what a bench counts.

Every ``/v2/...`` call and every download on ``/files/...`` is counted when it arrives, refused
or not (a 429 is a request made), under the route's name (``transactions``, ``files``...), or its
path for the other ``/v2/...`` calls (``/v2/organization``).
"""

from __future__ import annotations

import threading
from collections import Counter


class RequestCounts:
    """A thread-safe tally of requests by route."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts: Counter[str] = Counter()

    def add(self, route: str) -> None:
        """Count one request to ``route``."""
        with self._lock:
            self._counts[route] += 1

    def snapshot(self) -> Counter[str]:
        """The counts so far, a copy."""
        with self._lock:
            return Counter(self._counts)
