"""``serve()``: prints how to connect, stops on the event, reports a busy port."""

from __future__ import annotations

import io
import re
import socket
import threading

import requests

from qonto_desktop.emulator.cli import serve

TIMEOUT = 10


class Announcing(io.StringIO):
    """A text stream that says when something was written to it."""

    def __init__(self) -> None:
        super().__init__()
        self.written = threading.Event()

    def write(self, text: str) -> int:
        count = super().write(text)
        self.written.set()
        return count


def run(sandbox: bool) -> tuple[str, int]:
    out = Announcing()
    stop = threading.Event()
    result: list[int] = []
    thread = threading.Thread(target=lambda: result.append(serve(0, sandbox, out, stop)))
    thread.start()
    assert out.written.wait(TIMEOUT)
    text = out.getvalue()
    base = re.search(r"http://127\.0\.0\.1:\d+", text)
    assert base is not None
    assert requests.get(base.group(0) + "/v2/organization", timeout=TIMEOUT).status_code in {
        200,
        401,
    }
    stop.set()
    thread.join(timeout=TIMEOUT)
    assert not thread.is_alive()
    return text, result[0]


def test_serve_prints_clients_and_stops_on_the_event() -> None:
    text, code = run(sandbox=False)
    assert code == 0
    for needle in (
        "/oauth2/auth",
        "/oauth2/token",
        "b941ca0d-55e4-4cee-95d5-0bfd03c00742",
        "2f3b4ea1-31ec-4960-9588-abbe120db0fc",
        "client_secret:",
        "http://127.0.0.1:52817/callback",
        "http://localhost:52817/callback",
        "camille.lefevre@",
        "/files/ (signed URLs: receipts 30 min, statements 15 min)",
        "1000 per 10 s, 10000 per 600 s per IP address",
        "Press Ctrl+C to stop",
    ):
        assert needle in text, needle
    assert "staging token" not in text.lower()
    secret = re.search(r"client_secret: (\S+)", text)
    assert secret is not None
    assert len(secret.group(1)) >= 32


def test_serve_in_sandbox_prints_the_staging_token() -> None:
    text, code = run(sandbox=True)
    assert code == 0
    assert re.search(r"X-Qonto-Staging-Token\): \S{24,}", text)


def test_busy_port_returns_1_with_a_reason() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        out, err = io.StringIO(), io.StringIO()
        assert serve(port, False, out, threading.Event(), err=err) == 1
    assert out.getvalue() == ""
    message = err.getvalue()
    assert message.count("\n") == 1
    assert str(port) in message
