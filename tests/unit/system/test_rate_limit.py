"""The process-wide pace: both of Qonto's windows kept, and a Retry-After pausing every send."""

from __future__ import annotations

import threading

from qonto_desktop.system.rate_limit import QONTO_WINDOWS, RateLimiter, Window, process_limiter


class Clock:
    """Time that moves only when someone sleeps."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def limiter(clock: Clock, *windows: Window) -> RateLimiter:
    return RateLimiter(windows, clock=lambda: clock.now, sleep=clock.sleep)


def test_sends_within_the_window_go_at_once_and_the_next_waits_for_the_oldest() -> None:
    clock = Clock()
    pace = limiter(clock, Window(3, 10.0))
    for _ in range(3):
        pace.acquire()
    assert clock.slept == []
    clock.now += 4
    pace.acquire()  # the fourth in 10 s: waits until the first is 10 s old
    assert clock.slept == [6.0]


def test_the_longer_window_holds_even_when_the_short_one_has_room() -> None:
    clock = Clock()
    pace = limiter(clock, Window(5, 1.0), Window(6, 60.0))
    for _ in range(6):
        pace.acquire()
        clock.now += 1.0
    pace.acquire()
    assert sum(clock.slept) == 54.0  # the first send leaves the 60 s window


def test_a_hold_pauses_the_next_send_of_every_thread() -> None:
    clock = Clock()
    pace = limiter(clock, Window(100, 10.0))
    pace.hold(7.5)
    pace.acquire()
    assert clock.slept == [7.5]
    pace.hold(1.0)
    pace.hold(0.5)  # a shorter hold does not shorten a longer one
    pace.acquire()
    assert clock.slept == [7.5, 1.0]


def test_threads_never_exceed_the_window() -> None:
    clock = Clock()
    lock = threading.Lock()
    pace = limiter(clock, Window(10, 10.0))
    sent: list[float] = []

    def send() -> None:
        for _ in range(10):
            pace.acquire()
            with lock:
                sent.append(clock.now)

    threads = [threading.Thread(target=send) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(sent) == 40
    ordered = sorted(sent)
    pairs = zip(ordered, ordered[10:], strict=False)  # each send and the tenth after it
    assert all(later - earlier >= 10.0 for earlier, later in pairs)


def test_the_process_keeps_a_margin_under_qontos_limits() -> None:
    assert process_limiter() is process_limiter()
    short, long = QONTO_WINDOWS
    assert short.seconds == 10.0
    assert short.requests < 1000
    assert long.seconds == 600.0
    assert long.requests < 10_000
