"""One pool of HTTP connections for the whole process, shared by every session.

Each request builds a short-lived session (Authlib's ``OAuth2Session`` keeps token state, so
one must not serve two threads at once), but the connections below it are reused: every session
mounts the same adapter, whose urllib3 pool manager keeps one pool per host and is safe to use
from several threads. A renewal of hundreds of connections then opens a handful of TCP and TLS
connections, not one per refresh.
"""

from __future__ import annotations

import threading

import requests
from requests.adapters import HTTPAdapter

# Connections kept open per host: one per worker of a sync or an export (16 clients at once,
# connections.sync.POOL_SIZE) and of a renew-all; a request beyond them opens a connection
# that is not kept, so 300 clients' bank requests reuse these 16.
CONNECTIONS_PER_HOST = 16
# Hosts whose pools are kept (Qonto's OAuth server and its API, in one or two environments).
HOSTS = 8


class SharedAdapter(HTTPAdapter):
    """An adapter that outlives the sessions it is mounted in."""

    def close(self) -> None:
        """Keep the pool: closing a session must not close the connections others use."""


_lock = threading.Lock()
_adapter: SharedAdapter | None = None


def shared_adapter() -> SharedAdapter:
    """The process's adapter, built on first use (after the OS certificates are trusted)."""
    global _adapter  # noqa: PLW0603  (one pool for the process, built once)
    with _lock:
        if _adapter is None:
            _adapter = SharedAdapter(pool_connections=HOSTS, pool_maxsize=CONNECTIONS_PER_HOST)
        return _adapter


def mount_shared(session: requests.Session) -> None:
    """Make ``session`` send through the process's pool of connections."""
    adapter = shared_adapter()
    session.mount("https://", adapter)
    session.mount("http://", adapter)
