"""The loopback receiver's life: binding, the platform rules, waiting, timeout, cancel, freeing."""

from __future__ import annotations

import contextlib
import errno
import logging
import socket
import struct
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from qonto_desktop.oauth import loopback_server
from qonto_desktop.oauth.browser_wait import DEFAULT_TIMEOUT
from qonto_desktop.oauth.callback import CallbackParams
from qonto_desktop.oauth.errors import (
    AuthorizationCancelledError,
    AuthorizationTimeoutError,
    ConfigurationError,
    PortUnavailableError,
)
from qonto_desktop.oauth.loopback import Receiver
from qonto_desktop.oauth.loopback_server import (
    bind_failure_reason,
    exclusive_bind_options,
    reset_linger,
)
from qonto_desktop.oauth.redirect import DEFAULT_PORT
from tests.support.loopback_client import (
    HOST,
    STATE,
    assert_dropped,
    assert_port_free,
    assert_refused,
    call,
    listening,
)


def genuine(receiver: Receiver, code: str = "the-code") -> requests.Response:
    return requests.get(f"{receiver.redirect_uri}?code={code}&state={STATE}", timeout=10)


def test_defaults() -> None:
    assert DEFAULT_PORT == 52817
    assert DEFAULT_PORT not in {53683, 18920}  # Qonto's CLI and another public client
    assert DEFAULT_TIMEOUT == 300.0


@pytest.mark.parametrize(
    "uri",
    [
        "https://127.0.0.1:52817/callback",
        "http://LocalHost:52817/callback",
        "http://0.0.0.0:52817/callback",
        "http://[::1]:52817/callback",
        "http://127.0.0.1/callback",
        "http://127.0.0.1:52817",
        "http://127.0.0.1:52817/callback?x=1",
        "http://127.0.0.1:52817/callback#top",
        "http://user@127.0.0.1:52817/callback",
        "http://127.0.0.1:99999/callback",
        "http://127.0.0.1:052817/callback",
        "http://127.0.0.1:52817/call back",
        "http://[::1:52817/callback",
        "",
    ],
)
def test_redirect_uri_must_be_a_loopback_address_with_a_port(uri: str) -> None:
    with pytest.raises(ConfigurationError):
        Receiver(uri)


def test_language_and_timeout_are_checked() -> None:
    with pytest.raises(ConfigurationError):
        Receiver("http://127.0.0.1:0/callback", language="de")
    with pytest.raises(ConfigurationError):
        Receiver("http://127.0.0.1:0/callback", timeout=0)


def test_expect_refuses_an_empty_state() -> None:
    with pytest.raises(ConfigurationError):
        Receiver("http://127.0.0.1:0/callback").expect("")


def test_wait_before_entering_is_a_bug() -> None:
    with pytest.raises(RuntimeError):
        Receiver("http://127.0.0.1:0/callback").wait(0.1)


def test_port_zero_picks_a_free_port_and_reports_it() -> None:
    receiver = Receiver("http://127.0.0.1:0/callback")
    assert receiver.port == 0
    with receiver:
        assert receiver.port > 0
        assert receiver.redirect_uri == f"http://127.0.0.1:{receiver.port}/callback"
        assert call(receiver.port, "/favicon.ico").status == 404


def test_a_fixed_port_is_used_as_given() -> None:
    with socket.socket() as probe:  # find a port that is free right now
        probe.bind((HOST, 0))
        port = probe.getsockname()[1]
    with Receiver(f"http://127.0.0.1:{port}/cb") as receiver:
        assert receiver.port == port
        assert receiver.redirect_uri == f"http://127.0.0.1:{port}/cb"


@pytest.mark.skipif(sys.platform != "linux", reason="all of 127.0.0.0/8 is loopback on Linux")
def test_binds_127_0_0_1_only() -> None:
    with listening() as receiver:
        assert call(receiver.port, "/x").status == 404
        # Bound to all interfaces, the receiver would also answer on another loopback address.
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection(("127.0.0.2", receiver.port), timeout=5).close()


def test_busy_port_fails_on_enter_before_any_serving() -> None:
    with socket.socket() as squatter:
        squatter.bind((HOST, 0))
        squatter.listen()
        port = squatter.getsockname()[1]
        threads_before = threading.active_count()
        receiver = Receiver(f"http://127.0.0.1:{port}/callback")
        with pytest.raises(PortUnavailableError) as caught, receiver:
            pytest.fail("entered a receiver on a busy port")
        assert threading.active_count() == threads_before, "no serving thread was started"
        assert caught.value.port == port
        assert caught.value.redirect_uri == f"http://127.0.0.1:{port}/callback"
        assert "already using this port" in caught.value.message
        assert str(port) in caught.value.message


def test_forbidden_port_fails_with_a_plain_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    def forbidden(self: socket.socket, address: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(socket.socket, "bind", forbidden)
    with pytest.raises(PortUnavailableError) as caught, Receiver("http://127.0.0.1:5000/cb"):
        pytest.fail("entered a receiver on a forbidden port")
    assert "does not allow" in caught.value.message
    assert "Hyper-V or WSL" in caught.value.message


def test_no_address_reuse_is_ever_set(monkeypatch: pytest.MonkeyPatch) -> None:
    options: list[tuple[int, int]] = []
    original = socket.socket.setsockopt

    def spy(self: socket.socket, level: int, option: int, *value: object) -> None:
        options.append((level, option))
        original(self, level, option, *value)  # type: ignore[call-overload]

    monkeypatch.setattr(socket.socket, "setsockopt", spy)
    with listening() as receiver:
        genuine(receiver)
        receiver.wait()
    reuse = {socket.SO_REUSEADDR, getattr(socket, "SO_REUSEPORT", socket.SO_REUSEADDR)}
    assert not [o for o in options if o[0] == socket.SOL_SOCKET and o[1] in reuse]


def test_exclusive_address_use_on_windows_only() -> None:
    windows = exclusive_bind_options("win32")
    assert windows == [(socket.SOL_SOCKET, getattr(socket, "SO_EXCLUSIVEADDRUSE", -5), 1)]
    assert windows[0][1] == -5  # ~SO_REUSEADDR in winsock2.h, whatever platform runs the test
    for platform in ("linux", "darwin", "freebsd14"):
        assert exclusive_bind_options(platform) == []


def test_reset_linger_matches_each_platforms_struct() -> None:
    assert reset_linger("win32") == struct.pack("HH", 1, 0)
    assert len(reset_linger("win32")) == 4
    assert struct.unpack("ii", reset_linger("linux")) == (1, 0)
    assert reset_linger("darwin") == reset_linger("linux")


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (OSError(errno.EADDRINUSE, "in use"), "already using"),
        (OSError(10048, "WSAEADDRINUSE"), "already using"),
        (PermissionError(errno.EACCES, "denied"), "does not allow"),
        (OSError(10013, "WSAEACCES"), "does not allow"),
        (OSError(errno.EPERM, "not permitted"), "does not allow"),
        (OSError(errno.EADDRNOTAVAIL, "Cannot assign requested address"), "Cannot assign"),
    ],
)
def test_bind_failures_are_explained(error: OSError, words: str) -> None:
    assert words in str(bind_failure_reason(error))


def test_genuine_callback_completes_while_wait_runs_in_another_thread() -> None:
    with listening() as receiver, ThreadPoolExecutor(1) as pool:
        waiting = pool.submit(receiver.wait)
        answer = genuine(receiver, "code-123")
        assert answer.status_code == 200
        assert "Qonto answered" in answer.text
        params = waiting.result(timeout=10)
    assert params == CallbackParams(code="code-123", state=STATE)


def test_wait_after_the_request_returns_the_answer() -> None:
    with listening() as receiver:
        assert genuine(receiver, "code-9").status_code == 200
        assert receiver.wait().code == "code-9"


def test_wait_returns_exactly_once_then_the_same_outcome() -> None:
    with listening() as receiver:
        genuine(receiver, "first")
        first = receiver.wait()
        assert_refused(receiver.port)  # a repeated callback cannot even connect
        assert receiver.wait() is first
        assert receiver.wait(0) is first


def test_port_is_free_after_completion() -> None:
    with listening() as receiver:
        for _ in range(3):  # connections before the genuine one must not hold the port either
            assert call(receiver.port, "/favicon.ico").status == 404
        genuine(receiver)
        receiver.wait()
        assert_refused(receiver.port)  # no second callback, at once
        receiver.close()  # the end of the flow: the page's connection is done with too
        assert_port_free(receiver.port)


def test_overall_timeout_ends_wait_and_frees_the_port() -> None:
    with listening(timeout=0.3) as receiver:
        started = time.monotonic()
        with pytest.raises(AuthorizationTimeoutError):
            receiver.wait()
        assert time.monotonic() - started < 5
        assert_refused(receiver.port)
        assert_port_free(receiver.port)
        with pytest.raises(AuthorizationTimeoutError):
            receiver.wait()


def test_a_timeout_given_to_wait_ends_it_too() -> None:
    with listening() as receiver:
        with pytest.raises(AuthorizationTimeoutError):
            receiver.wait(0.2)
        assert_port_free(receiver.port)


def test_the_receiver_stops_at_its_timeout_even_without_a_wait() -> None:
    with listening(timeout=0.2) as receiver:
        port = receiver.port
        # The serving thread gives up on its own (it may be gone already): no wait() needed.
        for thread in threading.enumerate():
            if thread.name == f"oauth-receiver-{port}":
                thread.join(timeout=10)
                assert not thread.is_alive()
        assert_refused(port)
        with pytest.raises(AuthorizationTimeoutError):
            receiver.wait()


def test_cancel_from_another_thread_ends_wait_promptly_and_close_frees_the_port() -> None:
    with listening(timeout=300) as receiver, ThreadPoolExecutor(1) as pool:
        waiting = pool.submit(receiver.wait)
        assert call(receiver.port, "/favicon.ico").status == 404  # serving, and wait() pending
        started = time.monotonic()
        receiver.cancel()
        with pytest.raises(AuthorizationCancelledError):
            waiting.result(timeout=10)
        assert time.monotonic() - started < 5
        assert call(receiver.port, "/favicon.ico").status == 404  # lingering for a late browser
        receiver.close()
        assert_refused(receiver.port)
        assert_port_free(receiver.port)


def test_a_late_genuine_callback_after_cancel_changes_nothing() -> None:
    with listening() as receiver:
        receiver.cancel()
        with pytest.raises(AuthorizationCancelledError):
            receiver.wait()
        assert genuine(receiver).status_code == 410  # told it was cancelled, nothing completed
        with pytest.raises(AuthorizationCancelledError):
            receiver.wait()
        receiver.close()
        assert_refused(receiver.port)


def test_leaving_without_wait_stops_everything_and_close_is_idempotent() -> None:
    receiver = Receiver("http://127.0.0.1:0/callback")
    with receiver:
        port = receiver.port
        assert call(port, "/x").status == 404
    receiver.close()
    receiver.close()
    assert_refused(port)
    assert_port_free(port)
    with pytest.raises(AuthorizationCancelledError):
        receiver.wait()


def test_a_receiver_is_entered_once() -> None:
    with listening() as receiver, pytest.raises(RuntimeError):
        receiver.__enter__()


def test_idle_connections_are_dropped_after_the_read_timeout(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(loopback_server, "READ_TIMEOUT", 0.2)
    with listening() as receiver:
        with socket.create_connection((HOST, receiver.port), timeout=10) as idle:
            with contextlib.suppress(ConnectionResetError, BrokenPipeError):  # already dropped
                idle.sendall(b"GET /callback?co")  # a slow client that stalls
            assert_dropped(idle)
        assert genuine(receiver).status_code == 200
        assert receiver.wait().code == "the-code"


def test_connections_beyond_the_cap_are_closed_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loopback_server, "MAX_CONNECTIONS", 3)
    with listening() as receiver:
        idle = [socket.create_connection((HOST, receiver.port), timeout=10) for _ in range(3)]
        try:
            # Accepted in order, the fourth finds the three others open: it is dropped unserved.
            try:
                extra = socket.create_connection((HOST, receiver.port), timeout=10)
            except ConnectionResetError:
                pass  # reset even before connect() returned to this thread: dropped at once
            else:
                with extra:
                    assert_dropped(extra)
        finally:
            for sock in idle:
                sock.close()
        assert genuine(receiver).status_code == 200
        assert receiver.wait().code == "the-code"


def test_at_the_cap_the_oldest_stalled_connection_makes_room(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A crowd that holds every slot cannot lock the browser out once its connections are stale.
    monkeypatch.setattr(loopback_server, "MAX_CONNECTIONS", 3)
    monkeypatch.setattr(loopback_server, "STALE_AFTER", 0.0)
    with listening() as receiver:
        idle = [socket.create_connection((HOST, receiver.port), timeout=10) for _ in range(3)]
        try:
            assert genuine(receiver).status_code == 200
            assert receiver.wait().code == "the-code"
            assert_dropped(idle[0])  # the oldest gave its place to the browser
        finally:
            for sock in idle:
                sock.close()


def test_nothing_secret_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="qonto_desktop")
    with listening() as receiver:
        call(receiver.port, f"/callback?code=wrong-secret-code&state=other-{STATE}")
        call(receiver.port, f"/nowhere?code=wrong-secret-code&state={STATE}")
        genuine(receiver, "secret-code-value")
        receiver.wait()
    logged = caplog.text
    assert "GET /callback -> completed (code)" in logged
    assert "GET /nowhere -> not found" in logged
    for secret in ("secret-code", STATE, "code=", "state=", "?"):
        assert secret not in logged


def test_a_pasted_answer_completes_the_wait_and_frees_the_port() -> None:
    with listening() as receiver, ThreadPoolExecutor(1) as pool:
        waiting = pool.submit(receiver.wait)
        assert not receiver.offer(CallbackParams(code="c", state="another-sign-in"))
        assert not receiver.offer(CallbackParams(state=STATE))  # neither code nor error
        assert receiver.offer(CallbackParams(code="pasted", state=STATE))
        assert waiting.result(timeout=10).code == "pasted"
        assert not receiver.offer(CallbackParams(code="again", state=STATE))  # only the first
        assert_refused(receiver.port)  # the browser's late answer cannot complete it again


def test_a_pasted_answer_after_the_browser_answered_changes_nothing() -> None:
    with listening() as receiver:
        genuine(receiver, "from-browser")
        assert not receiver.offer(CallbackParams(code="pasted", state=STATE))
        assert receiver.wait().code == "from-browser"
