"""A loopback receiver on the standard library's ``http.server``, for comparison only.

Written as http.server-based receivers are (one handler class, the standard parser), with the
app's pages, Host, state, size and method rules wherever a handler can apply them, and the
app's listen backlog. :mod:`bench.receiver_hostile` runs the hostile load against it; the app
never ships it.
"""

from __future__ import annotations

import hmac
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer, ThreadingHTTPServer

from qonto_desktop.oauth import pages
from qonto_desktop.oauth.callback import CallbackParams, parse_query
from qonto_desktop.oauth.loopback_http import MAX_HEAD_BYTES, MAX_HEADERS, MAX_LINE
from qonto_desktop.oauth.loopback_server import READ_TIMEOUT
from tests.support.loopback_client import HOST, STATE

GENUINE_CODE = "the-genuine-code"


class HttpServerReceiver:
    """A receiver as http.server-based libraries write it, with the app's rules and pages."""

    def __init__(self, *, threaded: bool) -> None:
        server_class = _Threading if threaded else _Single
        self.server: _Single | _Threading = server_class((HOST, 0), _Handler)
        self.server.receiver = self
        self.port: int = self.server.server_address[1]
        self.hosts = frozenset({f"{HOST}:{self.port}", f"localhost:{self.port}"})
        self.outcome: CallbackParams | None = None
        self.done = threading.Event()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self.server.serve_forever, name="http-receiver")

    def __enter__(self) -> HttpServerReceiver:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self._thread.join()

    def settle(self, params: CallbackParams) -> bool:
        """True for an answer with the right state: it gets the success page.

        Unlike the app's one-shot receiver, a hostile request accepted here is only counted
        (the checks see its 200): the genuine code alone ends the wait, so that one lenient
        parse does not hide the availability figures behind a failed sign-in.
        """
        if params.state is None or not params.is_answer:
            return False
        if not hmac.compare_digest(params.state.encode(), STATE.encode()):
            return False
        with self._lock:
            if self.outcome is None and params.code == GENUINE_CODE:
                self.outcome = params
                self.done.set()
        return True

    def wait(self, timeout: float) -> CallbackParams | None:
        """The genuine answer, or None when none came in time."""
        return self.outcome if self.done.wait(timeout) else None


class _Single(HTTPServer):
    request_queue_size = 128  # the app's listen() backlog, not the default 5
    receiver: HttpServerReceiver


class _Threading(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128
    receiver: HttpServerReceiver


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # the checks read "HTTP/1.1" status lines
    timeout = READ_TIMEOUT  # the same per-connection limit as the app's receiver

    def do_GET(self) -> None:
        self._answer(head_only=False)

    def do_HEAD(self) -> None:
        self._answer(head_only=True)

    def do_POST(self) -> None:
        self._send(405, "bad-request")

    do_PUT = do_DELETE = do_OPTIONS = do_CONNECT = do_PATCH = do_POST  # noqa: N815

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the request line may carry the code."""

    def _answer(self, *, head_only: bool) -> None:
        receiver: HttpServerReceiver = self.server.receiver  # type: ignore[attr-defined]
        fields = self.headers.items()
        if len(self.requestline) > MAX_LINE:
            self._send(414, "bad-request")
            return
        head_bytes = len(self.requestline) + sum(len(k) + len(v) + 2 for k, v in fields)
        if (
            len(fields) > MAX_HEADERS
            or head_bytes > MAX_HEAD_BYTES
            or any(len(k) + len(v) + 2 > MAX_LINE for k, v in fields)
        ):
            self._send(431, "bad-request")
            return
        hosts = self.headers.get_all("Host") or []
        if len(hosts) != 1 or hosts[0] not in receiver.hosts:
            self._send(400, "bad-request")
            return
        purpose = (self.headers.get("Sec-Purpose") or self.headers.get("Purpose") or "").lower()
        if purpose.startswith("prefetch"):
            self._raw(pages.response(204))
            return
        path, _, query = self.path.partition("?")
        if path != "/callback":
            self._send(404, "not-found", head_only=head_only)
            return
        if head_only:
            self._raw(pages.response(200, head_only=True))
            return
        if receiver.settle(parse_query(query)):
            self._send(200, "success")
        else:
            self._send(400, "wrong-state")

    def _send(self, status: int, page: str, *, head_only: bool = False) -> None:
        self._raw(pages.response(status, pages.render(page, "en"), head_only=head_only))

    def _raw(self, data: bytes) -> None:
        self.close_connection = True
        self.wfile.write(data)
