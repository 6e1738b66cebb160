"""The export's progress: one row per client in words, the whole on a bar with the time left.

A failed client gets a Retry once the export has ended (an export of that client alone); a
client to reconnect says so. Cancel stops at the export's next checkpoint: the rows say what
was kept. At the end "Open folder" shows the destination in the file manager.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from qonto_desktop.connections.month_end import (
    ClientProgress,
    ExportReport,
    ExportRequest,
    Stage,
)
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.ui.formatting import fill, number
from qonto_desktop.ui.month_end.progress_words import FINISHED, needs_reconnect, stage_words
from qonto_desktop.ui.month_end.run import ExportRun
from qonto_desktop.ui.month_end.service import MonthEndService
from qonto_desktop.ui.month_end.time_left import left_words, seconds_left
from qonto_desktop.ui.panes.message_bar import MessageBar
from qonto_desktop.ui.plain import plain_label, safe_text
from qonto_desktop.ui.workers import Workers

OpenUrl = Callable[[QUrl], bool]


def open_url(url: QUrl) -> bool:
    """Show an address in the desktop's own application (the seam tests replace)."""
    return bool(QDesktopServices.openUrl(url))


class _Row:
    """One client's line: its name, its words, and a Retry button."""

    def __init__(self, parent: QWidget, connection_id: str, name: str) -> None:
        self.progress = ClientProgress(connection_id, name, "waiting")
        self.name = plain_label(QLabel(safe_text(name), parent))
        self.name.setWordWrap(True)
        self.words = plain_label(QLabel(parent))
        self.words.setWordWrap(True)
        self.words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.words.setAccessibleName(safe_text(name))
        self.retry = QPushButton(parent)
        self.retry.setAutoDefault(False)
        self.retry.hide()


class ExportProgressDialog(QDialog):
    """Runs ``request`` on open and shows how each client's export goes.

    Args:
        clients: every client of the request, (id, name), in the order asked.

    Signals:
        ended(): an export (or a retry) ended: the missing receipts may have changed.
    """

    ended = Signal()

    def __init__(
        self,
        service: MonthEndService,
        workers: Workers,
        request: ExportRequest,
        clients: Sequence[tuple[str, str]],
        *,
        language: str,
        clock: Callable[[], float] = time.monotonic,
        open_url: OpenUrl = open_url,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._workers = workers
        self._language = language
        self._clock = clock
        self._open_url = open_url
        self.request = request
        self.run: ExportRun | None = None
        self.requests: list[ExportRequest] = []  # every request run, retries included
        self._started_at = 0.0
        self.setWindowTitle(self.tr("Month-end export"))
        self.status = plain_label(QLabel(self))
        self.status.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setAccessibleName(self.tr("Clients exported so far"))
        self.bar.setTextVisible(False)
        self.left = QLabel(self)
        self.left.setAccessibleName(self.tr("Time left"))
        self.list = QWidget()
        self._rows: dict[str, _Row] = {}
        scroll = self._build_list(clients)
        self.message = MessageBar(closable=False, parent=self)
        self._build_buttons()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(self.status)
        layout.addWidget(self.bar)
        layout.addWidget(self.left)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumSize(640, 440)
        self.start(request)

    def _build_list(self, clients: Sequence[tuple[str, str]]) -> QScrollArea:
        self.list.setAccessibleName(self.tr("Progress of each client"))
        self._grid = QGridLayout(self.list)
        self._grid.setContentsMargins(8, 6, 8, 6)
        self._grid.setHorizontalSpacing(16)
        self._grid.setVerticalSpacing(6)
        self._grid.setColumnStretch(1, 1)
        self._grid.setColumnMinimumWidth(0, 200)  # a company's name on one line, mostly
        for column, title in enumerate((self.tr("Client"), self.tr("Progress"))):
            heading = QLabel(title, self.list)
            font = QFont(heading.font())
            font.setBold(True)
            heading.setFont(font)
            self._grid.addWidget(heading, 0, column, Qt.AlignmentFlag.AlignTop)
        for connection_id, name in clients:
            self._row(connection_id, name)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.StyledPanel)
        scroll.setWidget(self.list)
        return scroll

    def _build_buttons(self) -> None:
        self.buttons = QDialogButtonBox(self)
        self.cancel_button = self.buttons.addButton(
            self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.cancel_button.setAccessibleDescription(
            self.tr("Stops the export cleanly: what is done is kept, the rest resumes next time.")
        )
        self.open_button = self.buttons.addButton(
            self.tr("Open folder"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_button.hide()
        self.close_button = self.buttons.addButton(
            self.tr("Close"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.close_button.hide()
        self.cancel_button.clicked.connect(self.cancel)
        self.open_button.clicked.connect(self.open_folder)
        self.close_button.clicked.connect(self.accept)

    # --- Running -------------------------------------------------------------------------------

    def start(self, request: ExportRequest) -> None:
        """Run ``request`` (the first one, or a retry) on a worker."""
        self.requests.append(request)
        self.message.clear()
        run = ExportRun(self._service, self._workers, request, self)
        run.progress.connect(self._progress)
        run.finished.connect(self._finished)
        run.stopped.connect(self._stopped)
        run.failed.connect(self._failed)
        self.run = run
        self._started_at = self._clock()
        for row in self._rows.values():
            row.retry.hide()
        self._set_running(True)
        self._show_overall()
        run.start()

    @property
    def running(self) -> bool:
        """An export (or a retry) is running."""
        return self.run is not None and self.run.running

    def cancel(self) -> None:
        """Stop the export at its next checkpoint; the rows say what was kept."""
        if self.running and self.run is not None:
            self.run.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Stopping at the next safe point…"))

    def reject(self) -> None:
        """Closing while it runs stops the export cleanly, as Cancel does."""
        self.cancel()
        super().reject()

    def retry(self, connection_id: str) -> None:
        """Export this client alone again."""
        if self.running:
            return
        row = self._rows[connection_id]
        self._set(row, replace(row.progress, stage="waiting", done=0, total=None, error=None))
        self.start(replace(self.request, connection_ids=(connection_id,)))

    def open_folder(self) -> None:
        """Show the destination folder in the file manager."""
        if not self._open_url(QUrl.fromLocalFile(str(self.request.destination))):
            self.message.show_message(
                "info",
                fill(self.tr("The files are in %1"), str(self.request.destination)),
            )

    # --- What the export says -------------------------------------------------------------------

    def _progress(self, progress: object) -> None:
        if isinstance(progress, ClientProgress):
            self._set(self._row(progress.connection_id, progress.name), progress)
            self._show_overall()

    def _finished(self, report: object) -> None:
        if not isinstance(report, ExportReport):
            return
        for progress in report.clients:
            self._set(self._row(progress.connection_id, progress.name), progress)
        self._over()

    def _stopped(self) -> None:
        self._over()

    def _failed(self, error: QontoDesktopError) -> None:
        if self.run is None or not self.run.cancelled:  # after Cancel, a stop is no failure
            self.message.show_error(error)
        self._over()

    def _over(self) -> None:
        stopped = self.run is not None and self.run.cancelled
        for row in self._rows.values():
            if row.progress.stage not in FINISHED:
                stage: Stage = "cancelled" if stopped else "failed"
                self._set(row, replace(row.progress, stage=stage))
            failed = row.progress.stage == "failed" and not needs_reconnect(row.progress)
            row.retry.setVisible(failed)
        self._set_running(False)
        self._show_overall(over=True)
        self.ended.emit()

    # --- Showing ---------------------------------------------------------------------------------

    def _row(self, connection_id: str, name: str) -> _Row:
        row = self._rows.get(connection_id)
        if row is not None:
            return row
        row = self._rows[connection_id] = _Row(self.list, connection_id, name)
        row.retry.setText(self.tr("Retry"))
        row.retry.setAccessibleName(fill(self.tr("Retry %1"), safe_text(name)))
        row.retry.clicked.connect(lambda: self.retry(connection_id))
        line = len(self._rows)
        top = Qt.AlignmentFlag.AlignTop
        self._grid.addWidget(row.name, line, 0, top)
        self._grid.addWidget(row.words, line, 1, top)
        self._grid.addWidget(row.retry, line, 2, top)
        self._grid.setRowStretch(line, 0)
        self._grid.setRowStretch(line + 1, 1)  # the rows stay at the top
        self._set(row, row.progress)
        return row

    def _set(self, row: _Row, progress: ClientProgress) -> None:
        row.progress = progress
        row.words.setText(stage_words(progress, self._language))

    def _set_running(self, running: bool) -> None:
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        self.open_button.setVisible(not running)
        self.close_button.setVisible(not running)
        if not running:
            self.open_button.setDefault(True)

    def _show_overall(self, *, over: bool = False) -> None:
        rows = list(self._rows.values())
        total = len(rows)
        finished = sum(1 for row in rows if row.progress.stage in FINISHED)
        self.bar.setRange(0, max(1, total))
        self.bar.setValue(finished if not over else max(1, total))
        language = self._language
        if not over:
            self.status.setText(
                fill(
                    self.tr("Exporting — clients finished: %1 of %2…"),
                    number(finished, language),
                    number(total, language),
                )
            )
            left = seconds_left(finished, total, self._clock() - self._started_at)
            self.left.setText(left_words(left, language) if left is not None else "")
            self.left.setVisible(left is not None)
            return
        self.left.hide()
        counts = dict.fromkeys(("done", "failed", "cancelled"), 0)
        for row in rows:
            counts[row.progress.stage] = counts.get(row.progress.stage, 0) + 1
        if counts["cancelled"]:
            words = self.tr("Stopped — exported: %1; the others resume at the next export.")
            self.status.setText(fill(words, number(counts["done"], language)))
        elif counts["failed"]:
            words = self.tr("Done — exported: %1, failed: %2.")
            self.status.setText(
                fill(words, number(counts["done"], language), number(counts["failed"], language))
            )
        else:
            self.status.setText(
                fill(self.tr("Done — exported: %1."), number(counts["done"], language))
            )

    @property
    def rows(self) -> list[tuple[str, str]]:
        """What the list shows, row by row: the client and its words."""
        return [(row.name.text(), row.words.text()) for row in self._rows.values()]

    def retry_button(self, connection_id: str) -> QPushButton:
        """The Retry button of one client's row."""
        return self._rows[connection_id].retry
