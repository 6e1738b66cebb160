"""The cached access token, and when it may be handed out: shared by the quick and slow paths."""

from __future__ import annotations

from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.errors import NeedsReconnectError
from qonto_desktop.connections.token_pair import read_access
from qonto_desktop.store.connection import Connection

# A token is handed out only while more than this is left (Qonto recommends refreshing before
# expiry, not after a 401).
REFRESH_MARGIN = 300.0
# Qonto (Hydra) revokes the access token issued with the refresh token it rotates: the current
# one, and no other (ory.sh/docs/hydra/guides/graceful-token-refresh). So that a token just
# handed out is not killed at once by another process's refresh, a token that has fallen due is
# neither handed out nor refreshed during this many seconds: callers wait, then refresh. Every
# token handed out therefore stays valid for at least this long, whatever other processes do.
HANDOUT_GRACE = 10.0


def cached(desk: Desk, connection: Connection) -> str | None:
    """The saved access token while it has more than ``REFRESH_MARGIN`` to live, else None.

    Raises:
        NeedsReconnectError: the connection is marked as needing a new sign-in.
    """
    if connection.state == "needs_reconnect":
        raise NeedsReconnectError(connection.name_text, reason=connection.state_reason)
    if connection.access_expires_at - desk.now() <= REFRESH_MARGIN:
        return None
    desk.secrets.prefer(connection.keyring_backend)  # opened directly: no backend discovery
    return read_access(desk, connection)
