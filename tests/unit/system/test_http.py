"""The one HTTP policy, against a real server on 127.0.0.1: what is resent, and after how long.

The waits are recorded, never slept: every sender gets an injected pause, clock and draw.
"""

from __future__ import annotations

import socket
import ssl
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests

from qonto_desktop.system.http import (
    API_RETRY,
    NO_RETRY,
    TOKEN_RETRY,
    RetryPolicy,
    Sender,
    new_session,
    retry_after,
)

NOW = 1_700_000_000.0


@dataclass(frozen=True)
class Answer:
    """One scripted answer: a status and its headers; ``drop`` closes without answering."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    drop: bool = False


class ScriptedServer(ThreadingHTTPServer):
    """Answers each request with the next scripted answer (the last one repeats)."""

    daemon_threads = True

    def __init__(self, answers: list[Answer]) -> None:
        self.answers = answers
        self.seen: list[str] = []
        self._lock = threading.Lock()
        super().__init__(("127.0.0.1", 0), ScriptedHandler)

    def next_answer(self, method: str) -> Answer:
        with self._lock:
            self.seen.append(method)
            return self.answers[min(len(self.seen), len(self.answers)) - 1]

    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/v2/organization"


class ScriptedHandler(BaseHTTPRequestHandler):
    server: ScriptedServer

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        self.rfile.read(length)
        answer = self.server.next_answer(self.command)
        if answer.drop:
            self.close_connection = True
            return
        self.send_response(answer.status)
        for name, value in {"Content-Length": "2", **answer.headers}.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(b"{}")

    def do_GET(self) -> None:
        self._answer()

    def do_POST(self) -> None:
        self._answer()

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output quiet."""


@pytest.fixture
def serve() -> Iterator[Callable[[list[Answer]], ScriptedServer]]:
    started: list[tuple[ScriptedServer, threading.Thread]] = []

    def start(answers: list[Answer]) -> ScriptedServer:
        server = ScriptedServer(answers)
        thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
        thread.start()
        started.append((server, thread))
        return server

    yield start
    for server, thread in started:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


class Recorder:
    """Stands in for the pause and the limiter: remembers what it was asked."""

    def __init__(self) -> None:
        self.pauses: list[float] = []
        self.acquired = 0
        self.held: list[float] = []

    def pause(self, seconds: float) -> None:
        self.pauses.append(seconds)

    def acquire(self) -> None:
        self.acquired += 1

    def hold(self, seconds: float) -> None:
        self.held.append(seconds)


def sender(policy: RetryPolicy, record: Recorder, *, draw: float = 0.0) -> Sender:
    return Sender(policy, pause=record.pause, now=lambda: NOW, draw=lambda: draw, limiter=record)


def get(server: ScriptedServer) -> Callable[[], requests.Response]:
    return lambda: requests.get(server.url(), timeout=5)


def post(url: str) -> Callable[[], requests.Response]:
    return lambda: requests.post(url, data={"code": "the-code"}, timeout=5)


def closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


# --- Retry-After -------------------------------------------------------------------------------


def test_a_get_waits_the_seconds_retry_after_asks(serve: Callable[..., ScriptedServer]) -> None:
    server = serve([Answer(503, {"Retry-After": "2"}), Answer(200)])
    record = Recorder()
    response = sender(API_RETRY, record).send(get(server), idempotent=True)
    assert response.status_code == 200
    assert server.seen == ["GET", "GET"]
    assert record.pauses == [2.0]
    assert record.held == [2.0]  # the limiter hears of it, to slow the whole process
    assert record.acquired == 2


def test_a_get_waits_until_the_http_date_retry_after_names(
    serve: Callable[..., ScriptedServer],
) -> None:
    date = formatdate(NOW + 3, usegmt=True)
    server = serve([Answer(429, {"Retry-After": date}), Answer(200)])
    record = Recorder()
    response = sender(API_RETRY, record).send(get(server), idempotent=True)
    assert response.status_code == 200
    assert record.pauses == [3.0]


def test_a_retry_after_over_the_cap_is_handed_back_not_waited(
    serve: Callable[..., ScriptedServer],
) -> None:
    server = serve([Answer(429, {"Retry-After": "10"})])
    record = Recorder()
    response = sender(API_RETRY, record).send(get(server), idempotent=True)
    assert response.status_code == 429
    assert retry_after(response) == 10.0
    assert server.seen == ["GET"]
    assert record.pauses == []


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("120", 120.0),
        ("0", 0.0),
        (formatdate(NOW + 90, usegmt=True), 90.0),
        (formatdate(NOW - 90, usegmt=True), None),  # already past
        ("Sun, 06 Nov 1994 08:49:37 -0000", None),  # no time zone: unknown
        ("1.5", None),
        ("-5", None),
        ("soon", None),
        ("²", None),
        ("", None),
    ],
)
def test_retry_after_reads_both_forms(header: str, expected: float | None) -> None:
    response = requests.Response()
    response.headers["Retry-After"] = header
    assert retry_after(response, NOW) == expected


# --- back-off ------------------------------------------------------------------------------------


def test_the_back_off_doubles_up_to_the_cap(serve: Callable[..., ScriptedServer]) -> None:
    server = serve([Answer(503)])
    policy = RetryPolicy(attempts=6, first_wait=1.0, max_wait=3.0, statuses=frozenset({503}))
    record = Recorder()
    response = sender(policy, record).send(get(server), idempotent=True)
    assert response.status_code == 503
    assert len(server.seen) == 6
    assert record.pauses == [1.0, 2.0, 3.0, 3.0, 3.0]


def test_jitter_shortens_each_wait_within_its_share() -> None:
    policy = RetryPolicy(attempts=4, first_wait=1.0, max_wait=8.0, jitter=0.5)
    assert [policy.backoff(n, lambda: 0.0) for n in (1, 2, 3)] == [1.0, 2.0, 4.0]
    assert [policy.backoff(n, lambda: 0.999) for n in (1, 2, 3)] == pytest.approx(
        [0.5005, 1.001, 2.002]
    )


def test_the_default_policies_are_capped() -> None:
    for policy in (TOKEN_RETRY, API_RETRY):
        waits = [policy.backoff(n, lambda: 0.0) for n in range(1, policy.attempts)]
        assert all(0 < wait <= policy.max_wait for wait in waits)
    assert NO_RETRY.attempts == 1


def test_a_policy_refuses_nonsense() -> None:
    with pytest.raises(ValueError, match="attempts"):
        RetryPolicy(attempts=0)
    with pytest.raises(ValueError, match="jitter"):
        RetryPolicy(attempts=2, jitter=2.0)
    with pytest.raises(ValueError, match="schedule"):
        RetryPolicy(attempts=3, schedule=(1.0,))


# --- what may be resent --------------------------------------------------------------------------


def test_a_post_that_reached_the_server_is_never_resent(
    serve: Callable[..., ScriptedServer],
) -> None:
    server = serve([Answer(503, {"Retry-After": "1"}), Answer(200)])
    record = Recorder()
    response = sender(API_RETRY, record).send(post(server.url()), idempotent=False)
    assert response.status_code == 503
    assert server.seen == ["POST"]
    assert record.pauses == []


def test_a_post_dropped_without_an_answer_is_never_resent(
    serve: Callable[..., ScriptedServer],
) -> None:
    server = serve([Answer(drop=True), Answer(200)])
    record = Recorder()
    with pytest.raises(requests.ConnectionError):
        sender(TOKEN_RETRY, record).send(post(server.url()), idempotent=False)
    assert server.seen == ["POST"]
    assert record.pauses == []


def test_a_get_dropped_without_an_answer_is_resent(serve: Callable[..., ScriptedServer]) -> None:
    server = serve([Answer(drop=True), Answer(200)])
    record = Recorder()
    response = sender(API_RETRY, record).send(get(server), idempotent=True)
    assert response.status_code == 200
    assert server.seen == ["GET", "GET"]
    assert record.pauses == [0.5]


def test_a_post_that_never_left_is_resent_with_back_off() -> None:
    record = Recorder()
    url = f"http://127.0.0.1:{closed_port()}/oauth2/token"
    with pytest.raises(requests.ConnectionError):
        sender(TOKEN_RETRY, record, draw=0.999).send(post(url), idempotent=False)
    assert record.acquired == TOKEN_RETRY.attempts
    assert record.pauses == pytest.approx([0.25025, 0.5005])


def test_no_limiter_is_needed(serve: Callable[..., ScriptedServer]) -> None:
    server = serve([Answer(503, {"Retry-After": "1"}), Answer(200)])
    pauses: list[float] = []
    response = Sender(API_RETRY, pause=pauses.append).send(get(server), idempotent=True)
    assert response.status_code == 200
    assert pauses == [1.0]


def test_a_session_verifies_against_the_os_store() -> None:
    with new_session(requests.Session) as session:
        assert isinstance(session, requests.Session)
    assert ssl.SSLContext.__module__.startswith("truststore")
