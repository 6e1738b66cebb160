"""Every secret value the emulator handed out or was sent, so a test can search for each one."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping

# Form fields of the token and revocation endpoints whose values are secrets.
SECRET_FORM_FIELDS = ("code", "code_verifier", "refresh_token", "client_secret", "token")
# Parameters of an authorization request that must stay private (RFC 6749 §10.12, RFC 7636).
SECRET_AUTHORIZE_PARAMETERS = ("state", "code_challenge", "nonce")


class IssuedSecrets:
    """A set of secret values, added to from any thread; empty values are not kept."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._values: set[str] = set()

    def add(self, *values: str | None) -> None:
        """Keep each non-empty value."""
        with self._lock:
            self._values.update(value for value in values if value)

    def add_fields(
        self, fields: Mapping[str, str] | Iterable[tuple[str, str]], names: Iterable[str]
    ) -> None:
        """Keep the values of the fields called ``names`` (every value of a repeated one)."""
        pairs = fields.items() if isinstance(fields, Mapping) else fields
        wanted = set(names)
        self.add(*(value for name, value in pairs if name in wanted))

    def values(self) -> set[str]:
        """A copy of every value kept so far."""
        with self._lock:
            return set(self._values)
