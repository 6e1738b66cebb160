"""When a saved access token may be handed out as it is: the rule, on plain numbers.

Shared by :mod:`~qonto_desktop.connections.cached` (the application API's path) and ``token``'s
quick path (:mod:`~qonto_desktop.connections.quick_token`), which loads nothing else of it.
"""

from __future__ import annotations

# A token is handed out only while more than this is left (Qonto recommends refreshing before
# expiry, not after a 401).
REFRESH_MARGIN = 300.0
# Qonto (Hydra) revokes the access token issued with the refresh token it rotates: the current
# one, and no other (ory.sh/docs/hydra/guides/graceful-token-refresh). So that a token just
# handed out is not killed at once by another process's refresh, a token that has fallen due is
# neither handed out nor refreshed during this many seconds: callers wait, then refresh. Every
# token handed out therefore stays valid for at least this long, whatever other processes do.
HANDOUT_GRACE = 10.0
# The state of a connection whose tokens Qonto no longer accepts: no token to hand out.
NEEDS_RECONNECT = "needs_reconnect"


def still_fresh(access_expires_at: float, now: float) -> bool:
    """Whether a token expiring then has more than ``REFRESH_MARGIN`` to live at ``now``."""
    return access_expires_at - now > REFRESH_MARGIN
