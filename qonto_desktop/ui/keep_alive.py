"""The keep-alive: connections renewed in the background while the window is open, and Renew all.

Shortly after the window's first frame (``FIRST_DELAY_MS``), then every ``PERIOD_MS`` while it
stays open, the connections whose refresh token lapses within 60 days (``KEEP_ALIVE_WITHIN``)
are renewed on a worker; the others are left alone, their access tokens included. "Renew all"
renews what is due, as ``refresh --all`` does. Both go through the application API's renew-all,
which keeps to Qonto's limits (the process's limiter, a bounded pool).

One renewal at a time: Renew all asked during a background renewal starts when that one ends;
a background turn that comes during a renewal is skipped (that renewal covers it). Progress and
outcomes come back on the GUI thread as signals. :meth:`KeepAlive.stop` (the window closing)
ends a renewal at its next chunk, never between the saves of one refresh.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, QTimer, Signal

from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.errors import RenewalStoppedError
from qonto_desktop.connections.fresh import renew_all
from qonto_desktop.connections.renew_due import KEEP_ALIVE_WITHIN, RenewAllReport
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.ui.workers import Workers

__all__ = ["FIRST_DELAY_MS", "PERIOD_MS", "KeepAlive"]

# After the first frame and the first list: start-up (P1/P2) and the first read come first.
FIRST_DELAY_MS = 20_000
# Every four hours: a turn with nothing lapsing costs one index read and sends nothing, and a
# window left open for days still renews each connection well before its 90 days run out.
PERIOD_MS = 4 * 3600 * 1000
STOP_AT = "next chunk"  # the one step where stopping leaves no refresh half saved


class _Relay(QObject):
    """Lives on the GUI thread; carries the worker's progress there."""

    progress = Signal(int, int, object)


class KeepAlive(QObject):
    """Background renewals on a timer, and Renew all on demand, never two at once.

    Args:
        desk: the window's current desk (it changes when settings are saved).
        workers: the window's worker pool.
        enabled: whether the background renewals run (Settings: on by default).
        first_delay_ms, period_ms: when the first background renewal comes, and the next ones
            (by default ``FIRST_DELAY_MS`` and ``PERIOD_MS``, read when the window builds it).

    Signals:
        started(bool): a renewal began; True for Renew all, False for the background one.
        progress(int, int, object): ``(done, total, RefreshResult)`` as each outcome is known.
        finished(object, bool): the :class:`RenewAllReport`, and whether it was Renew all.
        failed(object, bool): the :class:`QontoDesktopError` that stopped the whole renewal.
    """

    started = Signal(bool)
    progress = Signal(int, int, object)
    finished = Signal(object, bool)
    failed = Signal(object, bool)

    def __init__(
        self,
        desk: Callable[[], Desk],
        workers: Workers,
        *,
        enabled: bool = True,
        first_delay_ms: int | None = None,
        period_ms: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._workers = workers
        self._first_delay_ms = FIRST_DELAY_MS if first_delay_ms is None else first_delay_ms
        self._period_ms = PERIOD_MS if period_ms is None else period_ms
        self._stopping = threading.Event()
        self._relay = _Relay(self)
        self._relay.progress.connect(self.progress)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._turn)
        self.running: bool | None = None  # None: idle; else whether it is Renew all
        self.manual_waiting = False  # Renew all asked during a background renewal
        self.enabled = False
        self.set_enabled(enabled)

    @property
    def busy(self) -> bool:
        """A renewal runs, or Renew all waits for one to end."""
        return self.running is not None or self.manual_waiting

    @property
    def renewing_all(self) -> bool:
        """Renew all is running (not a background renewal)."""
        return self.running is True

    def set_enabled(self, enabled: bool) -> None:
        """Turn the background renewals on (the first one shortly) or off."""
        if enabled == self.enabled or self._stopping.is_set():
            return
        self.enabled = enabled
        if enabled:
            self.timer.start(self._first_delay_ms)
        else:
            self.timer.stop()

    def renew_all(self) -> None:
        """Renew what is due now, or as soon as the background renewal running ends."""
        if self._stopping.is_set():
            return
        if self.running is None:
            self._start(manual=True)
        elif self.running is False:
            self.manual_waiting = True

    def stop(self) -> None:
        """No more renewals; the one running ends at its next chunk."""
        self._stopping.set()
        self.timer.stop()
        self.manual_waiting = False

    def _turn(self) -> None:
        self.timer.setInterval(self._period_ms)
        if self.running is None:
            self._start(manual=False)

    def _start(self, *, manual: bool) -> None:
        self.running = manual
        desk = self._desk()
        emit = self._relay.progress.emit
        stopping = self._stopping
        within = None if manual else KEEP_ALIVE_WITHIN

        def checkpoint(step: str) -> None:
            if step == STOP_AT and stopping.is_set():
                raise RenewalStoppedError()

        def work() -> RenewAllReport:
            return renew_all(desk, on_progress=emit, checkpoint=checkpoint, lapsing_within=within)

        self.started.emit(manual)
        self._workers.run(work, partial(self._done, manual), partial(self._failed, manual))

    def _done(self, manual: bool, report: object) -> None:
        self.running = None
        if isinstance(report, RenewAllReport):
            self.finished.emit(report, manual)
        self._next()

    def _failed(self, manual: bool, error: QontoDesktopError) -> None:
        self.running = None
        self.failed.emit(error, manual)
        self._next()

    def _next(self) -> None:
        if self.manual_waiting and not self._stopping.is_set():
            self.manual_waiting = False
            self._start(manual=True)
