"""One pool of HTTP connections for the process: sessions come and go, connections stay."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests

from qonto_desktop.system.http import new_session
from qonto_desktop.system.http_pool import shared_adapter


class _KeepAlive(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # connections stay open between requests

    def do_GET(self) -> None:
        self.server.connections.add(self.client_address)  # type: ignore[attr-defined]
        body = b"ok"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


@pytest.fixture
def server() -> Iterator[ThreadingHTTPServer]:
    running = ThreadingHTTPServer(("127.0.0.1", 0), _KeepAlive)
    running.daemon_threads = False
    running.block_on_close = True  # server_close joins the request threads
    running.connections = set()  # type: ignore[attr-defined]
    thread = threading.Thread(target=running.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    yield running
    shared_adapter().poolmanager.clear()  # the kept connection ends: its server thread too
    running.shutdown()
    running.server_close()
    thread.join()


def test_sessions_closed_one_after_another_reuse_one_connection(
    server: ThreadingHTTPServer,
) -> None:
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    for _ in range(5):
        with new_session(requests.Session) as session:
            assert session.get(url, timeout=5).text == "ok"
    assert len(server.connections) == 1  # type: ignore[attr-defined]


def test_every_session_sends_through_the_same_adapter() -> None:
    with new_session(requests.Session) as first, new_session(requests.Session) as second:
        assert first.get_adapter("https://example.test/") is shared_adapter()
        assert second.get_adapter("http://example.test/") is shared_adapter()
