"""Small real HTTP servers on 127.0.0.1 that stand for a token endpoint, for the token client.

``TokenServer`` records every request and answers a chosen ``Reply``; ``MuteServer`` reads a
request in full and never answers (the two cases a retry must tell apart); ``Servers`` runs
them in threads and stops every one.
"""

from __future__ import annotations

import json
import socketserver
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs

GOOD_ANSWER = {
    "access_token": "ory_at_new",
    "expires_in": 3600,
    "refresh_token": "ory_rt_new",
    "scope": "offline_access organization.read",
    "token_type": "bearer",
}


@dataclass(frozen=True)
class Seen:
    """One request a server received."""

    method: str
    path: str
    headers: dict[str, str]  # names in lower case
    form: dict[str, list[str]]


@dataclass
class Reply:
    """What a ``TokenServer`` answers: a token response by default."""

    status: int = 200
    body: bytes = json.dumps(GOOD_ANSWER).encode()
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)


class TokenServer(HTTPServer):
    """A tiny token endpoint that records every request and answers ``reply``."""

    def __init__(self, port: int = 0) -> None:
        self.seen: list[Seen] = []
        self.reply = Reply()
        super().__init__(("127.0.0.1", port), TokenHandler)

    def url(self, path: str) -> str:
        """The address of ``path`` on this server."""
        return f"http://127.0.0.1:{self.server_address[1]}{path}"


class TokenHandler(BaseHTTPRequestHandler):
    """Records a POST and answers the server's ``reply``."""

    server: TokenServer

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length).decode("utf-8")
        self.server.seen.append(
            Seen(
                method="POST",
                path=self.path,
                headers={name.lower(): value for name, value in self.headers.items()},
                form=parse_qs(body, keep_blank_values=True),
            )
        )
        reply = self.server.reply
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(reply.body)

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output quiet."""


class MuteServer(socketserver.ThreadingTCPServer):
    """Reads each HTTP request in full, then never answers: it closes, or holds until stopped."""

    daemon_threads = False
    block_on_close = True  # server_close() joins every handler thread

    def __init__(self, *, hold: bool) -> None:
        self.requests: list[bytes] = []
        self.hold = hold
        self.released = threading.Event()
        self._lock = threading.Lock()
        super().__init__(("127.0.0.1", 0), MuteHandler)

    def record(self, request: bytes) -> None:
        """Keep one request as received."""
        with self._lock:
            self.requests.append(request)

    def url(self, path: str) -> str:
        """The address of ``path`` on this server."""
        return f"http://127.0.0.1:{self.server_address[1]}{path}"


class MuteHandler(socketserver.StreamRequestHandler):
    """Reads one request to its last byte and answers nothing."""

    server: MuteServer

    def handle(self) -> None:
        head = b""
        while not head.endswith(b"\r\n\r\n"):
            line = self.rfile.readline()
            if not line:
                return
            head += line
        length = 0
        for line in head.split(b"\r\n"):
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        self.server.record(head + self.rfile.read(length))
        if self.server.hold:
            self.server.released.wait(timeout=30)
        # Returning closes the connection without a single byte of answer.


class Servers:
    """Starts servers in threads and stops every one of them, once."""

    def __init__(self) -> None:
        self._running: list[tuple[socketserver.BaseServer, threading.Thread]] = []

    def start(self, server: socketserver.BaseServer) -> None:
        """Serve ``server`` in a thread of its own."""
        thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="test-server"
        )
        thread.start()
        self._running.append((server, thread))

    def stop(self, server: socketserver.BaseServer) -> None:
        """Stop ``server``, release any request it holds, and join its thread."""
        for entry in list(self._running):
            if entry[0] is server:
                if isinstance(server, MuteServer):
                    server.released.set()
                server.shutdown()
                server.server_close()
                entry[1].join(timeout=10)
                self._running.remove(entry)

    def stop_all(self) -> None:
        """Stop every server still running."""
        for server, _ in list(self._running):
            self.stop(server)
