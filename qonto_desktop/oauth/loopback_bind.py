"""Which sockets a loopback redirect URI needs: 127.0.0.1, and ::1 too for ``localhost``.

A browser may resolve ``localhost`` to ::1 before 127.0.0.1, so a ``localhost`` redirect URI is
served on both, on the same port. 127.0.0.1 is required: without it nothing is bound and the
caller says why. ::1 is added where the system has it; where another program holds it on that
port, the sign-in still works on 127.0.0.1 (and by pasting the address), which is logged.
See docs/decisions.md, "localhost: both loopback addresses".
"""

from __future__ import annotations

import errno
import logging
import socket
from typing import Final

from qonto_desktop.oauth.loopback_server import open_listening_socket
from qonto_desktop.oauth.redirect import LOOPBACK_HOST, LoopbackHost

logger = logging.getLogger(__name__)

IPV6_LOOPBACK: Final = "::1"
# With port 0 and "localhost", how many free IPv4 ports to try for one whose ::1 twin is free.
PORT_TRIES: Final = 5
# What bind() raises where the system has no IPv6 loopback address (10049, 10047: Winsock's).
_NO_IPV6: Final = frozenset({errno.EADDRNOTAVAIL, errno.EAFNOSUPPORT, 10049, 10047})


def bind_loopback(host: LoopbackHost, port: int) -> list[socket.socket]:
    """Bind what ``http://<host>:<port>/...`` needs, 127.0.0.1 first.

    Args:
        host: the redirect URI's host.
        port: its port; 0 picks a free one (the same on both addresses).

    Returns:
        The listening sockets: 127.0.0.1's, then ::1's when it is served too.

    Raises:
        OSError: 127.0.0.1 could not be bound (nothing is left bound).
    """
    tries = PORT_TRIES if host == "localhost" and port == 0 else 1
    for attempt in range(tries):
        # RFC 8252 §8.3: the loopback interface only, never all interfaces.
        first = open_listening_socket(LOOPBACK_HOST, port)
        if host != "localhost":
            return [first]
        bound = first.getsockname()[1]
        try:
            return [first, open_listening_socket(IPV6_LOOPBACK, bound)]
        except OSError as exc:
            if exc.errno in _NO_IPV6 or not socket.has_ipv6:
                logger.info("no IPv6 loopback here: listening on 127.0.0.1 only")
                return [first]
            if attempt + 1 < tries:  # a port picked for us: pick another
                first.close()
                continue
            logger.warning(
                "[::1]:%d is not available (%s): listening on 127.0.0.1 only",
                bound,
                type(exc).__name__,
            )
            return [first]
    raise AssertionError("unreachable")  # pragma: no cover - the last try always returns
