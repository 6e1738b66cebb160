"""One live receiver against 10,000 generated hostile requests and 100 idle connections.

The requests and their checks are in :mod:`tests.support.hostile_load`; this test runs them
against the app's receiver.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.conftest import Figure
from tests.support.hostile_load import CLIENTS, IDLE, REQUESTS, IdleCrowd, Tally, run_client
from tests.support.loopback_client import STATE, call, listening


@pytest.mark.slow(seconds=6)
def test_hostile_flood_cannot_complete_block_or_crash_the_receiver(figure: Figure) -> None:
    tally, lock = Tally(), threading.Lock()
    started = time.monotonic()
    with listening(timeout=120) as receiver, ThreadPoolExecutor(1 + CLIENTS) as pool:
        waiting = pool.submit(receiver.wait)
        port = receiver.port
        with IdleCrowd(port, IDLE) as crowd:
            clients = [
                pool.submit(run_client, client, port, tally, lock) for client in range(CLIENTS)
            ]
            for client in clients:
                client.result(timeout=100)
            # The receiver must still be waiting: nothing so far was its answer.
            tally.false_completions = max(tally.false_completions, int(waiting.done()))
            idle_open = crowd.freeze()
            try:
                genuine = call(port, f"/callback?code=the-genuine-code&state={STATE}").status
            except OSError:
                genuine = 0  # refused: something completed the receiver before
            params = waiting.result(timeout=20)
            reopened, lost = crowd.reopened, crowd.lost
    elapsed = time.monotonic() - started

    figure("requests sent", tally.sent)
    figure("crashes", tally.crashes)
    figure("false completions", tally.false_completions)
    figure("unescaped reflections", tally.reflections)
    figure("concurrent idle connections", idle_open)
    figure("idle connections dropped by the server and reopened", reopened)
    figure("seconds", round(elapsed, 1))

    assert tally.sent >= REQUESTS
    assert set(tally.kinds) >= {"near-miss", "binary", "pipelined", "empty", "long-line"}
    assert tally.false_completions == 0
    assert tally.reflections == 0
    assert tally.crashes == 0
    assert tally.unanswered == 0
    assert tally.wrong_answers == [], tally.wrong_answers[:20]
    assert idle_open == IDLE
    assert lost == 0
    assert genuine == 200
    assert params.code == "the-genuine-code"
    assert params.state == STATE
