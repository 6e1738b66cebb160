"""A ``localhost`` redirect: the receiver listens on 127.0.0.1 and ::1, the same port, once.

Browsers may resolve ``localhost`` to ::1 first, so both loopback addresses are served; the
first genuine callback on either completes the sign-in and both sockets then close. The ::1
tests are skipped only where the kernel has no IPv6 loopback, never in CI.
"""

from __future__ import annotations

import errno
import logging
import socket
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

from qonto_desktop.oauth import loopback_bind
from qonto_desktop.oauth.errors import PortUnavailableError
from qonto_desktop.oauth.loopback import Receiver
from qonto_desktop.oauth.loopback_server import open_listening_socket
from tests.support.loopback_client import (
    HOST,
    IPV6_HOST,
    STATE,
    assert_port_free,
    assert_refused,
    call,
    listening,
    require_ipv6_loopback,
)


@pytest.fixture
def ipv6() -> None:
    require_ipv6_loopback()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def ipv6_taken() -> Iterator[socket.socket]:
    """Another program's socket on [::1]:<port>, its 127.0.0.1 twin free."""
    require_ipv6_loopback()
    for _ in range(20):
        port = _free_port()
        other = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
        other.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
        try:
            other.bind((IPV6_HOST, port))
        except OSError:
            other.close()
            continue
        other.listen(1)
        with other:
            yield other
        return
    pytest.fail("no port free on both loopback addresses")


def test_localhost_listens_on_both_addresses_on_one_port(ipv6: None) -> None:
    with listening(host="localhost") as receiver:
        assert receiver.listens_on_ipv6
        assert receiver.redirect_uri == f"http://localhost:{receiver.port}/callback"
        assert call(receiver.port, "/favicon.ico").status == 404
        assert call(receiver.port, "/favicon.ico", address=IPV6_HOST).status == 404
        # Each socket also takes the other's Host forms: the browser names "localhost".
        assert call(receiver.port, "/x", host=f"localhost:{receiver.port}").status == 404
        answer = call(receiver.port, "/x", address=IPV6_HOST, host=f"localhost:{receiver.port}")
        assert answer.status == 404
        assert call(receiver.port, "/x", host=f"evil.example:{receiver.port}").status == 400
    assert_refused(receiver.port)
    assert_refused(receiver.port, IPV6_HOST)
    assert_port_free(receiver.port)
    assert_port_free(receiver.port, IPV6_HOST)


def test_the_ipv6_socket_is_ipv6_only_and_on_loopback_only(ipv6: None) -> None:
    with open_listening_socket(IPV6_HOST, 0) as sock:
        assert sock.family == socket.AF_INET6
        assert sock.getsockname()[0] == IPV6_HOST
        assert sock.getsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY) == 1
    with listening(host="localhost") as receiver:
        if sys.platform == "linux":  # all of 127.0.0.0/8 is loopback there
            with pytest.raises(ConnectionRefusedError):
                socket.create_connection(("127.0.0.2", receiver.port), timeout=5).close()


def test_127_0_0_1_listens_on_ipv4_only(ipv6: None) -> None:
    with listening() as receiver:
        assert not receiver.listens_on_ipv6
        assert call(receiver.port, "/favicon.ico").status == 404
        assert_refused(receiver.port, IPV6_HOST)
        # And a Host of [::1] is not its own origin.
        assert call(receiver.port, "/x", host=f"[::1]:{receiver.port}").status == 400


@pytest.mark.parametrize(("first", "later"), [(IPV6_HOST, HOST), (HOST, IPV6_HOST)])
def test_the_first_callback_on_either_socket_completes_once(
    ipv6: None, first: str, later: str
) -> None:
    with listening(host="localhost") as receiver, ThreadPoolExecutor(1) as pool:
        waiting = pool.submit(receiver.wait)
        won = call(receiver.port, f"/callback?code=first&state={STATE}", address=first)
        assert won.status == 200
        params = waiting.result(timeout=10)
        assert params.code == "first"
        # The other socket closed with the first answer: a later callback cannot complete.
        try:
            late = call(receiver.port, f"/callback?code=later&state={STATE}", address=later)
        except OSError:
            pass  # refused, or dropped without a word
        else:
            assert late.status == 400
        assert receiver.wait() is params
    assert_refused(receiver.port, first)
    assert_refused(receiver.port, later)


def test_a_wrong_state_on_ipv6_is_answered_and_ignored(ipv6: None) -> None:
    with listening(host="localhost") as receiver:
        wrong = call(receiver.port, "/callback?code=x&state=wrong", address=IPV6_HOST)
        assert wrong.status == 400
        assert call(receiver.port, f"/callback?code=real&state={STATE}").status == 200
        assert receiver.wait().code == "real"


def test_ipv6_taken_by_another_program_still_serves_127_0_0_1(
    ipv6_taken: socket.socket, caplog: pytest.LogCaptureFixture
) -> None:
    port = ipv6_taken.getsockname()[1]
    with (
        caplog.at_level(logging.WARNING, logger=loopback_bind.__name__),
        Receiver(f"http://localhost:{port}/callback", page_wait=0) as receiver,
    ):
        receiver.expect(STATE)
        assert not receiver.listens_on_ipv6
        assert receiver.port == port
        assert call(port, f"/callback?code=c&state={STATE}").status == 200
        assert receiver.wait().code == "c"
    assert "127.0.0.1 only" in caplog.text
    assert_port_free(port)


def test_with_port_zero_a_port_free_on_both_addresses_is_picked(
    ipv6: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    refused: list[int] = []

    def ipv6_busy_once(host: str, port: int) -> socket.socket:
        if host == IPV6_HOST and not refused:
            refused.append(port)
            raise OSError(errno.EADDRINUSE, "Address already in use")
        return open_listening_socket(host, port)

    monkeypatch.setattr(loopback_bind, "open_listening_socket", ipv6_busy_once)
    with listening(host="localhost") as receiver:
        assert receiver.listens_on_ipv6
        assert refused
        assert receiver.port != refused[0]
        assert call(receiver.port, "/x", address=IPV6_HOST).status == 404
    assert_port_free(refused[0])  # the first pick was let go


def test_without_ipv6_loopback_localhost_serves_127_0_0_1(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_ipv6(host: str, port: int) -> socket.socket:
        if host == IPV6_HOST:
            raise OSError(errno.EADDRNOTAVAIL, "Cannot assign requested address")
        return open_listening_socket(host, port)

    monkeypatch.setattr(loopback_bind, "open_listening_socket", no_ipv6)
    with listening(host="localhost") as receiver:
        assert not receiver.listens_on_ipv6
        assert call(receiver.port, f"/callback?code=v4&state={STATE}").status == 200
        assert receiver.wait().code == "v4"


def test_127_0_0_1_taken_is_a_clear_error_and_binds_nothing(ipv6: None) -> None:
    with socket.socket() as other:
        other.bind((HOST, 0))
        other.listen(1)
        port = other.getsockname()[1]
        with pytest.raises(PortUnavailableError) as caught:
            Receiver(f"http://localhost:{port}/callback").__enter__()
        assert "another program" in caught.value.message
        assert f"http://localhost:{port}/callback" in caught.value.message
    assert_port_free(port, IPV6_HOST)
