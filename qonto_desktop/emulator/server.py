"""HTTP plumbing: a threaded server on 127.0.0.1 that hands whole requests to the application."""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Protocol

from qonto_desktop.emulator.messages import Request, Response, json_response

logger = logging.getLogger(__name__)

MAX_BODY = 1024 * 1024
LOOPBACK = "127.0.0.1"


class Responder(Protocol):
    """What the server hands each request to."""

    def handle(self, request: Request) -> Response | None:
        """Answer one request; ``None`` closes the connection without an answer."""
        ...


class EmulatorServer(ThreadingHTTPServer):
    """A threaded HTTP server whose stop joins every request thread.

    Args:
        port: The port to bind on 127.0.0.1; 0 picks a free one.

    Raises:
        OSError: If the port is busy.
    """

    daemon_threads = False  # stop() joins request threads, so none outlives the emulator
    block_on_close = True

    def __init__(self, port: int) -> None:
        self.application: Responder | None = None
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        super().__init__((LOOPBACK, port), _Handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        """Track the connection, then serve it on its own thread."""
        with self._connections_lock:
            self._connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        """Forget the connection, then close it."""
        with self._connections_lock:
            self._connections.discard(request)
        super().shutdown_request(request)

    def end_idle_connections(self) -> None:
        """Wake threads waiting on silent clients: their next read sees the end of input."""
        with self._connections_lock:
            connections = list(self._connections)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RD)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Log an unexpected error without the request's content."""
        logger.exception("unexpected error while serving a request")


class _Handler(BaseHTTPRequestHandler):
    server: EmulatorServer
    server_version = "qonto-emulator"
    sys_version = ""
    timeout = 30  # seconds a client may stay silent before its connection is dropped

    def do_GET(self) -> None:
        self._serve()

    do_HEAD = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = do_GET  # noqa: N815

    def version_string(self) -> str:
        """Name the server without Python's version."""
        return self.server_version

    def _serve(self) -> None:
        path, _, query = self.path.partition("?")
        if self.headers.get("Transfer-Encoding"):
            self._write(json_response(411, {"errors": [{"code": "length_required"}]}))
            return
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if not 0 <= length <= MAX_BODY:
            self._write(json_response(400, {"errors": [{"code": "bad_request"}]}))
            return
        request = Request(
            method=self.command,
            path=path,
            query=query,
            headers={key.lower(): value for key, value in self.headers.items()},
            body=self.rfile.read(length),
            client=str(self.client_address[0]),
        )
        application = self.server.application
        if application is None:
            self._write(json_response(503, {"errors": [{"code": "unavailable"}]}))
            return
        try:
            response = application.handle(request)
        except Exception:
            logger.exception("unexpected error while answering %s %s", self.command, path)
            response = json_response(500, {"errors": [{"code": "internal_server_error"}]})
        if response is None:
            self.close_connection = True  # a "drop" fault: no answer at all
            return
        self._write(response)

    def _write(self, response: Response) -> None:
        self.send_response(response.status)
        if response.content_type is not None:
            self.send_header("Content-Type", response.content_type)
        for name, value in response.headers:
            self.send_header(name, value)
        declared = response.declared_length
        self.send_header(
            "Content-Length", str(len(response.body) if declared is None else declared)
        )
        if declared is not None:
            self.close_connection = True  # a cut download: the rest never comes
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(response.body)

    def _safe_path(self) -> str:
        # The query carries codes, states and tokens: never log it.
        return str(getattr(self, "path", "")).partition("?")[0]

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        """Log the method, the path without its query, and the status."""
        logger.info("%s %s %s", getattr(self, "command", "-"), self._safe_path(), code)

    def log_error(self, format: str, *args: Any) -> None:
        """Log that a request failed, without the request line (it may carry secrets)."""
        logger.warning("could not serve %s %s", getattr(self, "command", "-"), self._safe_path())

    def log_message(self, format: str, *args: Any) -> None:
        """Say nothing: the default prints the whole request line, query included."""


class ServerThread:
    """Runs an :class:`EmulatorServer` on a thread, and stops it completely.

    Args:
        server: The bound server, with its application set.
        stopping: Set on stop, so delayed answers end at once.
    """

    def __init__(self, server: EmulatorServer, stopping: threading.Event) -> None:
        self._server = server
        self._stopping = stopping
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="qonto-emulator"
        )

    def start(self) -> None:
        """Start serving."""
        self._thread.start()

    def stop(self) -> None:
        """Stop serving, end pending requests, close the socket and join every thread."""
        self._stopping.set()
        self._server.shutdown()
        self._server.end_idle_connections()
        self._server.server_close()
        self._thread.join()
