"""The socket side of the loopback receiver: bind one port, serve it, leave nothing behind.

``LoopbackServer`` serves pre-bound listening sockets (127.0.0.1, and ::1 for ``localhost``) on
one asyncio loop: one request and one response per connection, every step under a time limit and
a size limit, a cap on open connections per socket, so one slow or hostile client never delays
another. What to answer is decided by the ``respond`` function it is given; this module only
carries bytes.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import logging
import socket
import struct
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import partial
from typing import Final

from qonto_desktop.i18n.message import N_, Message, Text
from qonto_desktop.oauth.loopback_http import MAX_LINE, HeadRefused, Request, read_head

logger = logging.getLogger(__name__)

READ_TIMEOUT: Final = 10.0  # seconds for a whole request head, counted from the connection
WRITE_TIMEOUT: Final = 10.0
LINGER_TIMEOUT: Final = 2.0  # after answering, how long the client may take to close first
LINGER_BYTES: Final = 65536
# Beyond this many open connections on one listening socket, new ones are closed at once: no
# running out of descriptors.
MAX_CONNECTIONS: Final = 256
# ...unless one of them has been open this long: then the newcomer takes the oldest one's place,
# so a crowd of stalled connections cannot lock the browser out.
STALE_AFTER: Final = 1.0

# winsock2.h: #define SO_EXCLUSIVEADDRUSE ((int)(~SO_REUSEADDR)), SO_REUSEADDR being 4 there.
_SO_EXCLUSIVEADDRUSE: Final[int] = getattr(socket, "SO_EXCLUSIVEADDRUSE", ~4)
_IN_USE: Final = frozenset({errno.EADDRINUSE, 10048})  # 10048: WSAEADDRINUSE
_FORBIDDEN: Final = frozenset({errno.EACCES, errno.EPERM, 10013})  # 10013: WSAEACCES


@dataclass(frozen=True)
class Reply:
    """What to send back for one request.

    Attributes:
        data: the complete HTTP response.
        label: what happened, for the log; never a value taken from the request.
        final: this answer ends the serving: stop accepting, but let this response arrive.
        later: when given, the response is what it returns, awaited (boundedly) before writing:
            the browser's request is held open until the app knows the outcome.
    """

    data: bytes
    label: str
    final: bool = False
    later: Callable[[], Awaitable[bytes]] | None = None


class LoopbackServer:
    """Serves its listening sockets until ``stop()``; answers through ``respond``."""

    def __init__(
        self, respond: Callable[[Request], Reply], refuse: Callable[[HeadRefused], Reply]
    ) -> None:
        """Prepare the server.

        Args:
            respond: the answer to a complete request head; runs on the loop.
            refuse: the answer to a head that broke a rule or a bound (400, 414, 431).
        """
        self._respond = respond
        self._refuse = refuse
        # Each open connection, with the number of the listening socket it came through.
        self._connections: dict[asyncio.Task[None], int] = {}
        # The connections being served, oldest first, with when each came.
        self._since: dict[asyncio.Task[None], float] = {}
        self._spared: asyncio.Task[None] | None = None
        self._stopping = False
        self._stopped: asyncio.Future[None] | None = None
        self._servers: list[asyncio.Server] = []

    def stop(self) -> None:
        """Stop accepting and abort open connections; call it on the loop."""
        self._stopping = True
        for server in self._servers:  # at once: no callback can connect after the final one
            server.close()
        if self._stopped is not None and not self._stopped.done():
            self._stopped.set_result(None)

    async def serve(self, *socks: socket.socket) -> None:
        """Serve ``socks`` until ``stop()``; return once they and every connection are closed."""
        self._stopped = asyncio.get_running_loop().create_future()
        if self._stopping:  # stop() came before the loop reached us
            self._stopped.set_result(None)
        try:
            for listener, sock in enumerate(socks):
                accept = partial(self._on_connection, listener)
                server = await asyncio.start_server(accept, sock=sock, limit=MAX_LINE + 2)
                self._servers.append(server)
                if self._stopping:
                    server.close()
            await self._stopped
        finally:
            for server in self._servers:  # every listening socket closes: a repeat is refused
                server.close()
            await self._end_connections()

    async def _end_connections(self) -> None:
        """Abort every connection but the spared one, and wait until all tasks have ended."""
        current = asyncio.current_task()
        while others := asyncio.all_tasks() - {current}:
            for task in self._connections:
                if task is not self._spared and not task.cancelling():
                    task.cancel()
            await asyncio.wait(others)

    async def _on_connection(
        self, listener: int, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        task = asyncio.current_task()
        assert task is not None  # noqa: S101 - start_server always runs this as a task
        graceful = False
        self._connections[task] = listener
        try:
            if not self._stopping and self._make_room(listener):
                self._since[task] = asyncio.get_running_loop().time()
                graceful = await self._converse(reader, writer)
        except asyncio.CancelledError:
            pass  # stop(): the connection is aborted below, the task ends normally
        except Exception as exc:  # one broken connection must never stop the server
            logger.warning("a loopback connection failed: %s", type(exc).__name__)
        finally:
            self._connections.pop(task, None)
            self._since.pop(task, None)
            await _close(writer, graceful=graceful)

    def _make_room(self, listener: int) -> bool:
        """True when a new connection may be served: under its socket's cap, or instead of a
        stale one of the same socket (a crowd on one socket never locks the other out)."""
        mine = [task for task, through in self._connections.items() if through == listener]
        if sum(not task.cancelling() for task in mine) <= MAX_CONNECTIONS:
            return True
        now = asyncio.get_running_loop().time()
        for task, since in self._since.items():
            if self._connections.get(task) != listener:
                continue
            if now - since < STALE_AFTER:
                return False  # oldest first: every later one is younger still
            if task is not self._spared and not task.cancelling():
                task.cancel()
                logger.debug("at the connection cap: a stalled connection made room")
                return True
        return False

    async def _converse(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> bool:
        """Read one request and answer it; return True when the client closed its side first."""
        method = path = "-"
        try:
            request = await asyncio.wait_for(read_head(reader), READ_TIMEOUT)
        except HeadRefused as refused:
            reply = self._refuse(refused)
        except asyncio.IncompleteReadError:
            reply = self._refuse(HeadRefused(400, "truncated request"))
        except (TimeoutError, ConnectionError):
            logger.debug("connection dropped: no complete request in time")
            return False
        else:
            if request is None:
                return True  # connected and left without a word: nothing to answer
            # Never the query: it may hold the code and the state.
            method, path = request.method, request.target.partition("?")[0][:80]
            reply = self._respond(request)
        logger.debug("%s %s -> %s", method, path, reply.label)
        if reply.final:
            self._spared = asyncio.current_task()
            self.stop()
        data = reply.data if reply.later is None else await reply.later()
        try:
            writer.write(data)
            await asyncio.wait_for(writer.drain(), WRITE_TIMEOUT)
        except (TimeoutError, ConnectionError):
            return False
        return await _linger(reader)


async def _linger(reader: asyncio.StreamReader) -> bool:
    """Let the client close first, so no TIME_WAIT holds our port once the receiver stops.

    Without SO_REUSEADDR (RFC 8252 App. B.3), a connection the server closed first would block a
    new bind of the port for a minute: the next sign-in would fail. This also drains what the
    client still sends, so its answer is not lost to a reset (RFC 9112 §9.6).
    """
    drained = 0
    try:
        async with asyncio.timeout(LINGER_TIMEOUT):
            while chunk := await reader.read(4096):
                drained += len(chunk)
                if drained > LINGER_BYTES:
                    return False
    except (TimeoutError, ConnectionError):
        return False
    return True


async def _close(writer: asyncio.StreamWriter, *, graceful: bool) -> None:
    """Close a connection; abort it with a reset unless the client already closed its side."""
    if graceful:
        writer.close()
    else:
        sock = writer.get_extra_info("socket")
        with contextlib.suppress(OSError):
            if sock is not None:  # a reset leaves no TIME_WAIT on our port (see _linger)
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, reset_linger(sys.platform))
        writer.transport.abort()
    with contextlib.suppress(Exception):
        await asyncio.wait_for(writer.wait_closed(), 1.0)


def open_listening_socket(host: str, port: int) -> socket.socket:
    """Bind and listen on ``host:port`` with no address reuse.

    Args:
        host: a loopback IP literal: ``127.0.0.1``, or ``::1`` (then IPv6 only, never mapped
            IPv4 addresses).
        port: the port, or 0 for any free one.

    Returns:
        The listening socket.

    Raises:
        OSError: the port is taken or forbidden, or no such address here (no IPv6 loopback);
            see ``bind_failure_reason``.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        for level, option, value in exclusive_bind_options(sys.platform):
            sock.setsockopt(level, option, value)
        if family == socket.AF_INET6:
            sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
        sock.bind((host, port))
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    return sock


def exclusive_bind_options(platform: str) -> list[tuple[int, int, int]]:
    """The socket options that keep other processes off the receiver's port.

    Args:
        platform: a ``sys.platform`` value.

    Returns:
        ``(level, option, value)`` triples to set before ``bind``.
    """
    if platform == "win32":
        # RFC 8252 App. B.3: without it, Windows lets another process bind the same port.
        return [(socket.SOL_SOCKET, _SO_EXCLUSIVEADDRUSE, 1)]
    # POSIX refuses a second bind of a bound port as long as SO_REUSEADDR/PORT stay unset.
    return []


def reset_linger(platform: str) -> bytes:
    """The ``SO_LINGER`` value that makes ``close()`` send a reset instead of a FIN.

    Args:
        platform: a ``sys.platform`` value.

    Returns:
        ``struct linger`` on, zero seconds: two ``u_short`` on Windows, two ``int`` elsewhere.
    """
    return struct.pack("HH" if platform == "win32" else "ii", 1, 0)


def bind_failure_reason(exc: OSError) -> Text:
    """Say in plain words why the port could not be bound.

    Args:
        exc: what ``bind`` raised.

    Returns:
        A short reason for ``PortUnavailableError``.
    """
    if isinstance(exc, PermissionError) or exc.errno in _FORBIDDEN:
        # Hyper-V, WSL and Docker reserve port ranges on Windows: binding there is "access denied".
        return N_(
            "the system does not allow the app to use this port; on Windows, Hyper-V or WSL "
            "may have reserved it"
        )
    if exc.errno in _IN_USE:
        return N_("another program is already using this port")
    detail = exc.strerror or type(exc).__name__
    return Message(N_("the system refused it: {detail}"), detail=detail)
