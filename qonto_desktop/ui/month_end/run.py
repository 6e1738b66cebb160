"""One export running on a worker: its progress carried to the GUI thread, and Cancel.

Cancel sets a flag; the export's next checkpoint raises :data:`ExportStopped` (the application
API's cancellation) there, so the export stops between two steps, never inside a save.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from qonto_desktop.connections.month_end import ClientProgress, ExportReport, ExportRequest
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.ui.month_end.service import ExportStopped, MonthEndService
from qonto_desktop.ui.workers import Workers

_STOPPED = object()  # what the work returns when the checkpoint stopped it


class _Relay(QObject):
    """Lives on the GUI thread; its signal carries each progress there from the worker."""

    progress = Signal(object)


class ExportRun(QObject):
    """Run one export request.

    Signals:
        progress(ClientProgress): a client's export moved on (on the GUI thread).
        finished(ExportReport): the export ended (cancelled clients included).
        stopped(): Cancel stopped the export before it could report.
        failed(QontoDesktopError): the export as a whole could not run.
    """

    progress = Signal(object)
    finished = Signal(object)
    stopped = Signal()
    failed = Signal(object)

    def __init__(
        self,
        service: MonthEndService,
        workers: Workers,
        request: ExportRequest,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.request = request
        self.running = False
        self._service = service
        self._workers = workers
        self._cancel = threading.Event()
        self._relay = _Relay(self)
        self._relay.progress.connect(self.progress)

    @property
    def cancelled(self) -> bool:
        """Cancel was pressed."""
        return self._cancel.is_set()

    def start(self) -> None:
        """Start the export on a worker (once)."""
        if self.running:
            return
        self.running = True
        service, request, cancel = self._service, self.request, self._cancel
        emit = self._relay.progress.emit

        def checkpoint(step: str) -> None:
            if cancel.is_set():
                raise ExportStopped

        def on_progress(progress: ClientProgress) -> None:
            emit(progress)

        def work() -> object:
            try:
                return service.export(request, on_progress, checkpoint)
            except ExportStopped:
                return _STOPPED

        self._workers.run(work, self._done, self._failed)

    def cancel(self) -> None:
        """Stop at the export's next checkpoint (safe to call at any time)."""
        self._cancel.set()

    def _done(self, result: object) -> None:
        self.running = False
        if isinstance(result, ExportReport):
            self.finished.emit(result)
        else:
            self.stopped.emit()

    def _failed(self, error: QontoDesktopError) -> None:
        self.running = False
        self.failed.emit(error)
