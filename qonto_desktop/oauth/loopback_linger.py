"""The receivers that linger after a cancel, by port, so a new sign-in can take the port over.

After a cancel the receiver keeps answering for a short while (:data:`CANCEL_LINGER`), so a
browser that comes back late sees "this sign-in was cancelled" instead of a dead port. Its port
is the registration's redirect port, which the next sign-in needs at once: entering a new
receiver on that port ends the lingering one first, and the app's exit ends them all (their
threads are daemons, but ending them closes their sockets cleanly). See docs/decisions.md,
"After a cancel, the receiver answers the late browser".
"""

from __future__ import annotations

import atexit
import threading
from typing import Final, Protocol

# Seconds a cancelled receiver still answers: long enough to finish a sign-in left open in the
# browser (e-mail, password, a confirmation on the phone), short enough to free the port soon.
CANCEL_LINGER: Final = 120.0


class Closable(Protocol):
    """What the registry needs of a receiver."""

    def close(self) -> None:
        """Stop serving now and free the port."""
        ...


_lock = threading.Lock()
_lingering: dict[int, Closable] = {}
_at_exit: list[bool] = []  # whether end_all is registered to run at the interpreter's exit


def add(port: int, receiver: Closable) -> None:
    """Record a receiver that lingers on ``port``."""
    with _lock:
        _lingering[port] = receiver
        if not _at_exit:
            atexit.register(end_all)
            _at_exit.append(True)


def remove(port: int, receiver: Closable) -> None:
    """Forget ``receiver`` once it stopped (a newer one on the port stays recorded)."""
    with _lock:
        if _lingering.get(port) is receiver:
            del _lingering[port]


def hand_over(port: int) -> None:
    """End the receiver lingering on ``port``, if any, so a new sign-in can bind it."""
    with _lock:
        receiver = _lingering.pop(port, None)
    if receiver is not None:
        receiver.close()


def end_all() -> None:
    """End every lingering receiver (the app is closing, or a test is over)."""
    with _lock:
        receivers = list(_lingering.values())
        _lingering.clear()
    for receiver in receivers:
        receiver.close()
