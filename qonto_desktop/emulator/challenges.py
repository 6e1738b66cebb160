"""Single-use challenges that key an authorization request between the consent pages.

Like Hydra's login and consent challenges: the sign-in form carries a login challenge; a
successful sign-in swaps it for a consent challenge; a decision consumes that.
"""

from __future__ import annotations

import secrets
import threading
from dataclasses import dataclass
from typing import Literal

from qonto_desktop.emulator.authorize import AuthorizationRequest
from qonto_desktop.emulator.clock import Clock

CHALLENGE_LIFETIME = 30 * 60.0

Phase = Literal["login", "consent"]


@dataclass(frozen=True)
class _Pending:
    request: AuthorizationRequest
    phase: Phase
    expires_at: float


class Challenges:
    """Authorization requests waiting for the user; safe to use from any thread.

    Args:
        clock: Where expiry reads the time.
    """

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._pending: dict[str, _Pending] = {}

    def open(self, request: AuthorizationRequest, phase: Phase = "login") -> str:
        """Keep a request and return the random challenge that names it."""
        challenge = secrets.token_urlsafe(32)
        with self._lock:
            self._pending[challenge] = _Pending(
                request, phase, self._clock.now() + CHALLENGE_LIFETIME
            )
        return challenge

    def peek(self, challenge: str, phase: Phase) -> AuthorizationRequest | None:
        """Return the request a live challenge of this phase names, leaving it in place."""
        with self._lock:
            return self._live(challenge, phase)

    def take(self, challenge: str, phase: Phase) -> AuthorizationRequest | None:
        """Return the request a live challenge of this phase names, and forget it."""
        with self._lock:
            request = self._live(challenge, phase)
            if request is not None:
                del self._pending[challenge]
            return request

    def _live(self, challenge: str, phase: Phase) -> AuthorizationRequest | None:
        pending = self._pending.get(challenge)
        if pending is None or pending.phase != phase:
            return None
        if self._clock.now() >= pending.expires_at:
            del self._pending[challenge]
            return None
        return pending.request
