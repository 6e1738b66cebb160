"""One live receiver against 10,000 generated hostile requests and 100 idle connections a socket.

The receiver serves a ``localhost`` redirect URI, so it listens on 127.0.0.1 and on ::1 (where
the kernel has IPv6 loopback; in CI it must): the flood and the idle crowds hit both sockets at
once, and the genuine callback then arrives on the last one. The requests and their checks are
in :mod:`tests.support.hostile_load`; this test runs them against the app's receiver, twice:
while it waits for the browser, and while it lingers after a cancel (where the genuine callback
must get the cancelled page and still complete nothing).
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from functools import partial

import pytest

from qonto_desktop.oauth.errors import AuthorizationCancelledError
from tests.conftest import Figure
from tests.support.hostile_load import CLIENTS, IDLE, REQUESTS, IdleCrowd, Tally, run_client
from tests.support.loopback_client import STATE, call, listening, loopback_addresses


@pytest.mark.slow(seconds=8)
@pytest.mark.parametrize("phase", ["waiting", "lingering"])
def test_hostile_flood_cannot_complete_block_or_crash_the_receiver(
    phase: str, figure: Figure
) -> None:
    addresses = loopback_addresses()
    tally, lock = Tally(), threading.Lock()
    started = time.monotonic()
    with (
        listening(host="localhost", timeout=120, linger=120) as receiver,
        ThreadPoolExecutor(1 + CLIENTS) as pool,
        ExitStack() as stack,
    ):
        assert receiver.listens_on_ipv6 == (len(addresses) == 2)
        if phase == "lingering":
            receiver.cancel()
            with pytest.raises(AuthorizationCancelledError):
                receiver.wait()
        waiting = pool.submit(receiver.wait)
        port = receiver.port
        crowds = [stack.enter_context(IdleCrowd(port, IDLE, address)) for address in addresses]
        clients = [
            pool.submit(
                partial(run_client, address=addresses[client % len(addresses)]),
                client,
                port,
                tally,
                lock,
            )
            for client in range(CLIENTS)
        ]
        for client in clients:
            client.result(timeout=100)
        # Waiting, it must still wait: nothing so far was its answer. Lingering, wait() ends
        # at once with the cancel, whatever came.
        if phase == "waiting":
            tally.false_completions = max(tally.false_completions, int(waiting.done()))
        idle_open = [crowd.freeze() for crowd in crowds]
        try:
            target = f"/callback?code=the-genuine-code&state={STATE}"
            genuine = call(port, target, address=addresses[-1]).status
        except OSError:
            genuine = 0  # refused: something completed (or stopped) the receiver before
        try:
            params = waiting.result(timeout=20)
        except AuthorizationCancelledError:
            params = None
        reopened = sum(crowd.reopened for crowd in crowds)
        lost = sum(crowd.lost for crowd in crowds)
    elapsed = time.monotonic() - started

    figure("listening sockets", len(addresses))
    figure("requests sent", tally.sent)
    figure("crashes", tally.crashes)
    figure("false completions", tally.false_completions)
    figure("unescaped reflections", tally.reflections)
    figure("concurrent idle connections", sum(idle_open))
    figure("idle connections dropped by the server and reopened", reopened)
    figure("seconds", round(elapsed, 1))

    assert tally.sent >= REQUESTS
    assert set(tally.kinds) >= {"near-miss", "binary", "pipelined", "empty", "long-line"}
    assert tally.false_completions == 0
    assert tally.reflections == 0
    assert tally.crashes == 0
    assert tally.unanswered == 0
    assert tally.wrong_answers == [], tally.wrong_answers[:20]
    assert idle_open == [IDLE] * len(addresses)
    assert lost == 0
    if phase == "waiting":
        assert genuine == 200
        assert params is not None
        assert params.code == "the-genuine-code"
        assert params.state == STATE
    else:  # told it was cancelled; the sign-in stays cancelled
        assert genuine == 410
        assert params is None
