"""Renew all: the progress of a renewal ("12 of 40") and each client's outcome in plain words.

The dialog follows the window's keep-alive: it asks for Renew all when opened, waits in words
while a background renewal ends, fills its list as each outcome arrives, and ends with the
whole renewal in one sentence, the clients that need the user first (failed, to reconnect).
Closing it leaves the renewal running; the window tells its outcome then.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QProgressBar,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from qonto_desktop.connections.errors import RenewalStoppedError
from qonto_desktop.connections.model import RefreshResult
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.ui.keep_alive import KeepAlive
from qonto_desktop.ui.panes.message_bar import MessageBar
from qonto_desktop.ui.plain import plain_label
from qonto_desktop.ui.renew_outcome import ORDER, Outcome, outcome_of, summary


class RenewAllDialog(QDialog):
    """Renew all's progress and outcomes; open it with ``show()``, it starts the renewal."""

    def __init__(self, keep_alive: KeepAlive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._keep_alive = keep_alive
        self._mine = False  # the renewal running is this dialog's Renew all
        self.outcomes: list[Outcome] = []
        self.over = False
        self.setWindowTitle(self.tr("Renew all connections"))
        self.status = plain_label(QLabel(self))
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Renewal progress"))
        self.bar = QProgressBar(self)
        self.bar.setAccessibleName(self.tr("Connections renewed so far"))
        self.bar.setTextVisible(False)
        # Labels, not an item view: an outcome says why and what to do, wrapped, never cut.
        self.list = QWidget()
        self.list.setAccessibleName(self.tr("Outcome for each client"))
        self._grid = QGridLayout(self.list)
        self._grid.setContentsMargins(8, 6, 8, 6)
        self._grid.setHorizontalSpacing(16)
        self._grid.setVerticalSpacing(6)
        self._grid.setColumnStretch(1, 1)
        self._labels: list[tuple[QLabel, QLabel]] = []
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.StyledPanel)
        scroll.setWidget(self.list)
        self.outcome_area = scroll
        self.message = MessageBar(closable=False, parent=self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        close.setAccessibleName(self.tr("Close"))
        close.setAccessibleDescription(
            self.tr("A renewal still running goes on in the background.")
        )
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(self.status)
        layout.addWidget(self.bar)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumSize(620, 420)
        keep_alive.started.connect(self._started)
        keep_alive.progress.connect(self._progress)
        keep_alive.finished.connect(self._finished)
        keep_alive.failed.connect(self._failed)
        self.start()

    def start(self) -> None:
        """Ask for Renew all (at once, or once the background renewal ends)."""
        if self._keep_alive.renewing_all:  # already renewing all: follow it
            self._mine = True
            self._show_running(0, 0)
            return
        self._keep_alive.renew_all()
        if not self._keep_alive.renewing_all:
            self.status.setText(self.tr("Waiting for the background renewal to finish…"))
            self.bar.setRange(0, 0)  # busy, with no count yet

    def _started(self, manual: bool) -> None:
        if manual:
            self._mine = True
            self.over = False
            self.outcomes.clear()
            self._clear_rows()
            self.message.clear()
            self._show_running(0, 0)

    def _show_running(self, done: int, total: int) -> None:
        if total:
            words = self.tr("Renewing access: %1 of %2…")
            self.status.setText(words.replace("%1", str(done)).replace("%2", str(total)))
            self.bar.setRange(0, total)
            self.bar.setValue(done)
        else:
            self.status.setText(self.tr("Renewing access…"))
            self.bar.setRange(0, 0)

    def _progress(self, done: int, total: int, result: object) -> None:
        if not self._mine or not isinstance(result, RefreshResult):
            return
        outcome = outcome_of(result)
        self.outcomes.append(outcome)
        self._add_row(outcome)
        self._show_running(done, total)

    def _add_row(self, outcome: Outcome) -> None:
        if not self._labels:  # the headings, once there is a row under them
            self._heading(self.tr("Client"), 0)
            self._heading(self.tr("Outcome"), 1)
        row = len(self._labels) + 1
        name = plain_label(QLabel(outcome.name, self.list))
        name.setWordWrap(True)
        words = plain_label(QLabel(outcome.words, self.list))
        words.setWordWrap(True)
        words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        words.setAccessibleName(outcome.name)
        self._grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
        self._grid.addWidget(words, row, 1, Qt.AlignmentFlag.AlignTop)
        self._labels.append((name, words))
        self._grid.setRowStretch(row, 0)
        self._grid.setRowStretch(row + 1, 1)  # the rows stay at the top

    def _heading(self, text: str, column: int) -> None:
        label = QLabel(text, self.list)
        font = QFont(label.font())
        font.setBold(True)
        label.setFont(font)
        self._grid.addWidget(label, 0, column, Qt.AlignmentFlag.AlignTop)

    def _clear_rows(self) -> None:
        while (item := self._grid.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        self._labels.clear()

    def _finished(self, _report: object, manual: bool) -> None:
        if not (manual and self._mine):
            return
        self._mine = False
        self.over = True
        self.outcomes.sort(key=lambda o: ORDER.index(o.kind))  # stable: arrival order kept
        self._clear_rows()
        for outcome in self.outcomes:
            self._add_row(outcome)
        self.bar.setRange(0, max(1, len(self.outcomes)))
        self.bar.setValue(max(1, len(self.outcomes)))
        if self.outcomes:
            self.status.setText(self.tr("Done. %1").replace("%1", summary(self.outcomes)))
        else:
            self.status.setText(self.tr("Done: there is no connection to renew."))

    def _failed(self, error: QontoDesktopError, manual: bool) -> None:
        if not (manual and self._mine) or isinstance(error, RenewalStoppedError):
            return
        self._mine = False
        self.over = True
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.status.setText(self.tr("The renewal could not be done."))
        self.message.show_error(error)

    @property
    def rows(self) -> list[tuple[str, str]]:
        """What the list shows, row by row: the client and its outcome."""
        return [(name.text(), words.text()) for name, words in self._labels]
