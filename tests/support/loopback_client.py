"""Clients for the loopback receiver's tests: raw sockets, so every byte sent is chosen."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from qonto_desktop.oauth.loopback import Receiver
from qonto_desktop.oauth.loopback_linger import CANCEL_LINGER

STATE = "state-of-the-pending-sign-in-0123456789"
HOST = "127.0.0.1"
IPV6_HOST = "::1"


def has_ipv6_loopback() -> bool:
    """True when this kernel has ::1 (Linux lists it in /proc/net/if_inet6; elsewhere: try)."""
    listed = Path("/proc/net/if_inet6")
    if listed.exists():
        return any(line.split()[0] == "0" * 31 + "1" for line in listed.read_text().splitlines())
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as probe:
            probe.bind((IPV6_HOST, 0))
    except OSError:
        return False
    return True


def loopback_addresses() -> tuple[str, ...]:
    """The addresses a ``localhost`` receiver listens on here: 127.0.0.1, and ::1 if any.

    In CI (``CI=true``) a missing ::1 is a failure: the IPv6 side must be tested there.
    """
    if has_ipv6_loopback():
        return (HOST, IPV6_HOST)
    if os.environ.get("CI") == "true":
        raise AssertionError("CI must run the IPv6 loopback tests: ::1 is missing")
    return (HOST,)


def host_field(address: str, port: int) -> str:
    """The right ``Host`` value for a connection to ``address``: ``[::1]:<port>`` for IPv6."""
    return f"[{address}]:{port}" if ":" in address else f"{address}:{port}"


def require_ipv6_loopback() -> None:
    """Skip a test that needs ::1 where the kernel has none; never in CI (``CI=true``)."""
    if has_ipv6_loopback():
        return
    if os.environ.get("CI") == "true":
        raise AssertionError("CI must run the IPv6 loopback tests: ::1 is missing")
    pytest.skip("this kernel has no IPv6 loopback address")


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
    host: str = HOST,
    page_wait: float = 0.0,
    linger: float | None = None,
) -> Iterator[Receiver]:
    """A receiver on a free port, entered, expecting ``state`` (unless ``None``).

    ``host`` is the redirect URI's (``127.0.0.1`` or ``localhost``). With the default
    ``page_wait`` of 0 the browser that brings a code is answered at once (the "finishing"
    page), so a test may send the genuine callback from its own thread. ``linger``: after a
    cancel (``None``: the receiver's default).
    """
    uri = f"http://{host}:0{path}"
    lingers = CANCEL_LINGER if linger is None else linger
    with Receiver(
        uri, timeout=timeout, language=language, page_wait=page_wait, linger=lingers
    ) as receiver:
        if state is not None:
            receiver.expect(state)
        yield receiver


def exchange(port: int, data: bytes, *, timeout: float = 10.0, address: str = HOST) -> bytes:
    """Send ``data`` to ``address`` on a new connection, half-close, read until it closes."""
    with socket.create_connection((address, port), timeout=timeout) as sock:
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
    address: str = HOST,
) -> Answer:
    """Send one request to ``address`` and parse the answer.

    ``host=""`` means the right Host for ``address``: ``127.0.0.1:<port>`` or ``[::1]:<port>``.
    """
    if host == "":
        host = host_field(address, port)
    data = request_bytes(method, target, host=host, headers=headers)
    return parse_answer(exchange(port, data, address=address))


def assert_port_free(port: int, address: str = HOST) -> None:
    """Bind the port the way the receiver does (no address reuse): it must succeed."""
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.bind((address, port))


def assert_refused(port: int, address: str = HOST) -> None:
    """Nobody listens on the port any more."""
    try:
        with socket.create_connection((address, port), timeout=5):
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
