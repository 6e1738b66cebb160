"""A small real HTTP server on 127.0.0.1 that answers bank-data calls as a test scripts them.

Each request is recorded (path, repeated query parameters kept in order, headers); the answer
is the next ``Reply`` queued for its path, or the path's last one again.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit


@dataclass(frozen=True)
class Seen:
    """One request the stub received."""

    path: str
    query: list[tuple[str, str]]
    headers: dict[str, str]  # names in lower case


@dataclass
class Reply:
    """One answer; ``cut_after`` sends only that many bytes of ``body`` though announcing all."""

    status: int = 200
    body: bytes = b"{}"
    headers: dict[str, str] = field(default_factory=dict)
    cut_after: int | None = None


class BankStub(ThreadingHTTPServer):
    """Records every request and answers what :meth:`answer` queued for its path."""

    daemon_threads = True

    def __init__(self) -> None:
        self.seen: list[Seen] = []
        self.replies: dict[str, list[Reply]] = {}
        super().__init__(("127.0.0.1", 0), _Handler)

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:port``."""
        return f"http://127.0.0.1:{self.server_address[1]}"

    def answer(self, path: str, *replies: Reply) -> None:
        """Queue ``replies`` for ``path``, in order; the last is repeated."""
        self.replies.setdefault(path, []).extend(replies)

    def next_reply(self, path: str) -> Reply:
        queued = self.replies.get(path)
        if not queued:
            return Reply(404, b'{"errors":[{"code":"not_found","detail":"no such stub"}]}')
        return queued.pop(0) if len(queued) > 1 else queued[0]


class _Handler(BaseHTTPRequestHandler):
    server: BankStub

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        self.server.seen.append(
            Seen(
                path=parts.path,
                query=parse_qsl(parts.query, keep_blank_values=True),
                headers={name.lower(): value for name, value in self.headers.items()},
            )
        )
        reply = self.server.next_reply(parts.path)
        self.send_response(reply.status)
        headers = {"Content-Type": "application/json", **reply.headers}
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        body = reply.body if reply.cut_after is None else reply.body[: reply.cut_after]
        self.wfile.write(body)
        if reply.cut_after is not None:
            self.close_connection = True

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the tests read ``seen``."""


@contextmanager
def running_stub() -> Iterator[BankStub]:
    """A started :class:`BankStub`, stopped afterwards."""
    stub = BankStub()
    thread = threading.Thread(target=stub.serve_forever, daemon=True)
    thread.start()
    try:
        yield stub
    finally:
        stub.shutdown()
        stub.server_close()
        thread.join()
