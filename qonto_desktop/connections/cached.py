"""The cached access token, and when it may be handed out: shared by the quick and slow paths."""

from __future__ import annotations

from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.errors import NeedsReconnectError
from qonto_desktop.connections.freshness import NEEDS_RECONNECT, still_fresh
from qonto_desktop.connections.token_pair import read_access
from qonto_desktop.store.connection import Connection


def cached(desk: Desk, connection: Connection) -> str | None:
    """The saved access token while it has more than ``REFRESH_MARGIN`` to live, else None.

    Raises:
        NeedsReconnectError: the connection is marked as needing a new sign-in.
    """
    if connection.state == NEEDS_RECONNECT:
        raise NeedsReconnectError(connection.name_text, reason=connection.state_reason)
    if not still_fresh(connection.access_expires_at, desk.now()):
        return None
    desk.secrets.prefer(connection.keyring_backend)  # opened directly: no backend discovery
    return read_access(desk, connection)
