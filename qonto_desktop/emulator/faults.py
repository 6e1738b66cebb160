"""Faults a test can switch on per endpoint: slow, broken, throttled or truncated answers."""

from __future__ import annotations

import threading
from dataclasses import dataclass

ENDPOINTS: frozenset[str] = frozenset(
    {
        "auth",
        "token",
        "revoke",
        "jwks",
        "discovery",
        "organization",
        "membership",
        "consents",
        "user_organizations",
        # The bank data calls and the download address (see bank_routes.py).
        "bank_accounts",
        "transactions",
        "transaction",
        "transaction_attachments",
        "statements",
        "statement",
        "attachment",
        "files",
    }
)
"""The endpoint names a fault can be set on."""


@dataclass(frozen=True)
class Fault:
    """How one endpoint misbehaves.

    Attributes:
        delay: Seconds to wait before answering (other requests are served meanwhile).
        status: Answer this HTTP status with a JSON error body.
        oauth_error: With ``status``, the RFC 6749 §5.2 ``error`` code an OAuth endpoint
            answers (default ``server_error`` for 5xx, ``invalid_request`` otherwise).
        html: Answer 200 with an HTML page instead of JSON.
        malformed_json: Answer 200 with ``application/json`` that does not parse.
        drop: Read the request, then close the connection without answering.
        rate_limited: Answer 429 with ``Retry-After: 10`` and a JSON error body.
        missing_fields: On success, remove these keys from the JSON answer (a dotted
            name such as ``organization.bank_accounts`` reaches into an object); on a
            redirect, remove these query parameters from its ``Location``.
        times: How many requests it applies to; ``None`` until cleared.
        api_code: With ``status`` on a Business API endpoint, the ``errors[].code`` answered
            (default ``http_<status>``); ``detail`` its ``errors[].detail``.
    """

    delay: float = 0
    status: int | None = None
    oauth_error: str | None = None
    html: bool = False
    malformed_json: bool = False
    drop: bool = False
    rate_limited: bool = False
    missing_fields: tuple[str, ...] = ()
    times: int | None = None
    api_code: str | None = None
    detail: str = "injected fault"

    def __post_init__(self) -> None:
        if self.delay < 0:
            raise ValueError("delay must not be negative")
        if self.times is not None and self.times < 1:
            raise ValueError("times must be at least 1, or None")
        if self.status is not None and not 100 <= self.status <= 599:
            raise ValueError("status must be an HTTP status code")
        if self.oauth_error is not None and self.status is None:
            raise ValueError("oauth_error goes with a status")


class Faults:
    """The faults currently set, one per endpoint; safe to use from any thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: dict[str, Fault] = {}
        self._left: dict[str, int | None] = {}

    def set(self, name: str, fault: Fault) -> None:
        """Make an endpoint misbehave, replacing any fault set on it.

        Args:
            name: One of :data:`ENDPOINTS`.
            fault: How it misbehaves.

        Raises:
            ValueError: If ``name`` is not a known endpoint.
        """
        if name not in ENDPOINTS:
            raise ValueError(f"unknown endpoint {name!r}; expected one of {sorted(ENDPOINTS)}")
        with self._lock:
            self._faults[name] = fault
            self._left[name] = fault.times

    def clear(self, name: str | None = None) -> None:
        """Remove the fault of one endpoint, or of every endpoint when ``name`` is ``None``."""
        with self._lock:
            if name is None:
                self._faults.clear()
                self._left.clear()
            else:
                self._faults.pop(name, None)
                self._left.pop(name, None)

    def take(self, name: str) -> Fault | None:
        """Return the fault that applies to one request to an endpoint, counting it down.

        Args:
            name: The endpoint the request is for.

        Returns:
            The fault, or ``None`` when the endpoint behaves.
        """
        with self._lock:
            fault = self._faults.get(name)
            if fault is None:
                return None
            left = self._left[name]
            if left is not None:
                if left <= 1:
                    del self._faults[name]
                    del self._left[name]
                else:
                    self._left[name] = left - 1
            return fault
