"""Renew all: the progress of a renewal ("12 of 40") and each client's outcome in plain words.

The dialog follows the window's keep-alive: it asks for Renew all when opened, waits in words
while a background renewal ends, fills its list as each outcome arrives, and ends with the
whole renewal in one sentence, the clients that need the user first (failed, to reconnect).
Closing it leaves the renewal running; the window tells its outcome then.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qonto_desktop.connections.errors import RenewalStoppedError
from qonto_desktop.connections.model import RefreshResult
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.ui.keep_alive import KeepAlive
from qonto_desktop.ui.panes.message_bar import MessageBar
from qonto_desktop.ui.plain import plain_label, tooltip
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
        self.list = QTreeWidget(self)
        self.list.setColumnCount(2)
        self.list.setHeaderLabels([self.tr("Client"), self.tr("Outcome")])
        self.list.setRootIsDecorated(False)
        self.list.setWordWrap(True)
        self.list.setUniformRowHeights(False)
        self.list.setAccessibleName(self.tr("Outcome for each client"))
        self.list.setColumnWidth(0, 200)
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
        layout.addWidget(self.list, 1)
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
            self.list.clear()
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
        self.list.addTopLevelItem(self._item(outcome))
        self._show_running(done, total)

    def _item(self, outcome: Outcome) -> QTreeWidgetItem:
        item = QTreeWidgetItem([outcome.name, outcome.words])
        item.setToolTip(1, tooltip(outcome.words, limit=800))
        item.setData(0, Qt.ItemDataRole.UserRole, outcome.connection_id)
        return item

    def _finished(self, _report: object, manual: bool) -> None:
        if not (manual and self._mine):
            return
        self._mine = False
        self.over = True
        self.outcomes.sort(key=lambda o: ORDER.index(o.kind))  # stable: arrival order kept
        self.list.clear()
        for outcome in self.outcomes:
            self.list.addTopLevelItem(self._item(outcome))
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
        items = (self.list.topLevelItem(i) for i in range(self.list.topLevelItemCount()))
        return [(item.text(0), item.text(1)) for item in items if item is not None]
