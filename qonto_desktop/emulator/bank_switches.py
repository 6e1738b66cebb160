"""Switches for the bank data calls: latency, 5xx, 429 storms, expired URLs, cut downloads.

Unlike :class:`~qonto_desktop.emulator.faults.Faults` (one fault per endpoint, for the OAuth
tests), these apply to every Business API call or download at once, so a bench can add latency
and a test a 429 storm on top of it. Counters count down per request; thread-safe.
"""

from __future__ import annotations

import random
import threading


class BankSwitches:
    """What the bank data calls do wrong now; every attribute may be changed while running.

    Attributes:
        latency: Seconds every API call and download waits before its answer.
        server_error_fraction: Share of API calls answered 503, drawn from a seeded sequence.
        retry_after: Seconds sent in ``Retry-After`` with a 429; ``None`` sends none (Qonto
            documents neither way).
        expire_all_urls: Every file URL handed out is already expired.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.latency = 0.0
        self.server_error_fraction = 0.0
        self.retry_after: int | None = None
        self.expire_all_urls = False
        self._left = {"server_errors": 0, "storm": 0, "expired_urls": 0, "truncated": 0}
        self._draws = random.Random(14)  # noqa: S311 - a repeatable fault pattern

    def server_errors(self, count: int) -> None:
        """Answer the next ``count`` API calls with 503."""
        self._set("server_errors", count)

    def storm(self, count: int) -> None:
        """Answer the next ``count`` API calls with 429."""
        self._set("storm", count)

    def expire_urls(self, count: int) -> None:
        """Hand out the next ``count`` file URLs already expired."""
        self._set("expired_urls", count)

    def truncate_downloads(self, count: int) -> None:
        """Cut the next ``count`` downloads short: full Content-Length, half the body, closed."""
        self._set("truncated", count)

    def clear(self) -> None:
        """Every switch off."""
        with self._lock:
            self.latency = self.server_error_fraction = 0.0
            self.retry_after = None
            self.expire_all_urls = False
            self._left = dict.fromkeys(self._left, 0)

    def take_server_error(self) -> bool:
        """Whether this API call gets a 503."""
        with self._lock:
            if self._take("server_errors"):
                return True
            return self.server_error_fraction > 0 and (
                self._draws.random() < self.server_error_fraction
            )

    def take_storm(self) -> bool:
        """Whether this API call gets a 429."""
        with self._lock:
            return self._take("storm")

    def take_expired_url(self) -> bool:
        """Whether the URL being handed out is expired already."""
        with self._lock:
            return self.expire_all_urls or self._take("expired_urls")

    def take_truncated(self) -> bool:
        """Whether this download is cut short."""
        with self._lock:
            return self._take("truncated")

    def _set(self, name: str, count: int) -> None:
        if count < 0:
            raise ValueError("count must not be negative")
        with self._lock:
            self._left[name] = count

    def _take(self, name: str) -> bool:
        if self._left[name] <= 0:
            return False
        self._left[name] -= 1
        return True
