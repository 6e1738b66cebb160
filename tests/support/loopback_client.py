"""Clients for the loopback receiver's tests: raw sockets, so every byte sent is chosen."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from qonto_desktop.oauth.loopback import Receiver

STATE = "state-of-the-pending-sign-in-0123456789"
HOST = "127.0.0.1"


@dataclass(frozen=True)
class Answer:
    """One parsed HTTP response."""

    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        """The body, decoded."""
        return self.body.decode("utf-8")


@contextmanager
def listening(
    *,
    state: str | None = STATE,
    timeout: float = 30.0,
    language: str = "en",
    path: str = "/callback",
) -> Iterator[Receiver]:
    """A receiver on a free port, entered, expecting ``state`` (unless ``None``)."""
    with Receiver(f"http://{HOST}:0{path}", timeout=timeout, language=language) as receiver:
        if state is not None:
            receiver.expect(state)
        yield receiver


def exchange(port: int, data: bytes, *, timeout: float = 10.0) -> bytes:
    """Send ``data`` on a new connection, half-close it, and read until the server closes."""
    with socket.create_connection((HOST, port), timeout=timeout) as sock:
        if data:
            sock.sendall(data)
        sock.shutdown(socket.SHUT_WR)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def request_bytes(
    method: str, target: str, *, host: str | None, headers: tuple[tuple[str, str], ...] = ()
) -> bytes:
    """Build one request head; ``host=None`` leaves the Host field out."""
    lines = [f"{method} {target} HTTP/1.1"]
    if host is not None:
        lines.append(f"Host: {host}")
    lines += [f"{name}: {value}" for name, value in headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def parse_answer(raw: bytes) -> Answer:
    """Split a raw response into status, headers (lower-case names) and body."""
    head, separator, body = raw.partition(b"\r\n\r\n")
    assert separator, f"no complete response head in {raw[:200]!r}"
    status_line, *fields = head.decode("latin-1").split("\r\n")
    version, status, _ = status_line.split(" ", 2)
    assert version == "HTTP/1.1"
    headers = {}
    for field in fields:
        name, _, value = field.partition(":")
        headers[name.strip().lower()] = value.strip()
    return Answer(int(status), headers, body)


def call(
    port: int,
    target: str,
    *,
    method: str = "GET",
    host: str | None = "",
    headers: tuple[tuple[str, str], ...] = (),
) -> Answer:
    """Send one request and parse the answer; ``host=""`` means the right ``127.0.0.1:<port>``."""
    if host == "":
        host = f"{HOST}:{port}"
    return parse_answer(exchange(port, request_bytes(method, target, host=host, headers=headers)))


def assert_port_free(port: int) -> None:
    """Bind the port the way the receiver does (no address reuse): it must succeed."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, port))


def assert_refused(port: int) -> None:
    """Nobody listens on the port any more."""
    try:
        with socket.create_connection((HOST, port), timeout=5):
            pass
    except ConnectionRefusedError:
        return
    raise AssertionError(f"port {port} still accepts connections")


def assert_dropped(sock: socket.socket) -> None:
    """The server closed this connection without answering (with a FIN or a reset)."""
    try:
        data = sock.recv(100)
    except ConnectionResetError:
        return
    assert data == b"", f"the server answered {data[:40]!r}"
