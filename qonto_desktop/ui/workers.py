"""Running use cases off the GUI thread, with their results delivered back on it."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from qonto_desktop.errors import QontoDesktopError

log = logging.getLogger(__name__)


class UnexpectedError(QontoDesktopError):
    """A bug, reported in the user's words; the details go to the log, never to the window."""

    code = "unexpected"
    message = "Something unexpected went wrong."
    next_action = "Try again. If it keeps happening, open the log folder (menu Help) and report it."


class _Relay(QObject):
    """Lives on the GUI thread; its signals carry a task's outcome back there."""

    succeeded = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except QontoDesktopError as exc:
            self._relay.failed.emit(exc)
        except Exception:  # a bug must reach the user as a message, not kill the thread
            log.exception("unexpected error in a background task")
            self._relay.failed.emit(UnexpectedError())
        else:
            self._relay.succeeded.emit(result)


class Workers(QObject):
    """A small pool of threads for network and keyring calls.

    ``run`` returns at once; exactly one of ``on_success`` / ``on_failure`` is later called on
    the GUI thread. Failures are always :class:`QontoDesktopError` instances.
    """

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 4) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._relays: set[_Relay] = set()

    def run(
        self,
        work: Callable[[], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[QontoDesktopError], None],
    ) -> None:
        """Run ``work`` on a worker thread."""
        relay = _Relay(self)
        self._relays.add(relay)

        def done() -> None:
            self._relays.discard(relay)
            relay.deleteLater()

        relay.succeeded.connect(on_success)
        relay.failed.connect(on_failure)
        relay.succeeded.connect(done)
        relay.failed.connect(done)
        self._pool.start(_Task(work, relay))

    @property
    def busy(self) -> bool:
        """True while any task runs or waits."""
        return self._pool.activeThreadCount() > 0 or bool(self._relays)

    def wait_for_done(self, milliseconds: int = 10_000) -> bool:
        """Block until every task has finished (used when the window closes)."""
        return bool(self._pool.waitForDone(milliseconds))
