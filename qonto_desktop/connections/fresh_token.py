"""The value ``token`` hands out: kept apart so that its quick path loads no other API value."""

from __future__ import annotations

from dataclasses import dataclass

from qonto_desktop.store.connection import Connection


@dataclass(frozen=True)
class FreshToken:
    """An access token and the connection it belongs to, as saved."""

    access_token: str
    connection: Connection
