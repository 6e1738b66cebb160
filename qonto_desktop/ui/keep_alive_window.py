"""The window's side of the keep-alive: the list updated as outcomes arrive, the notices, Renew all.

Built by the main window after its first frame (with the connection pane). A background
renewal speaks only when it did something: what it renewed, and the clients newly found to
need reconnecting or that failed; a client already reported as to reconnect is not reported
again at every turn. Renew all shows its own dialog; if that dialog was closed before the
end, the window's notice gives the outcome.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.errors import RenewalStoppedError
from qonto_desktop.connections.model import Connection, RefreshResult
from qonto_desktop.connections.preferences import keep_alive_on
from qonto_desktop.connections.renew_due import RenewAllReport
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.ui.dialogs.renew_all import RenewAllDialog
from qonto_desktop.ui.keep_alive import KeepAlive
from qonto_desktop.ui.panes.message_bar import MessageBar
from qonto_desktop.ui.renew_outcome import background_notice, kind_of, outcome_of, summary
from qonto_desktop.ui.workers import Workers

log = logging.getLogger(__name__)


class WindowKeepAlive(QObject):
    """The keep-alive of one window.

    Args:
        window: the dialogs' parent.
        desk: the window's current desk.
        workers: the window's pool.
        notice: the window's message bar.
        show_connection: shows a connection's new facts in the list and the pane.
    """

    def __init__(
        self,
        window: QWidget,
        desk: Callable[[], Desk],
        workers: Workers,
        notice: MessageBar,
        show_connection: Callable[[Connection], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._notice = notice
        self._show_connection = show_connection
        self.keep_alive = KeepAlive(
            desk, workers, enabled=keep_alive_on(desk().settings), parent=self
        )
        self.dialog: RenewAllDialog | None = None
        self._told: set[str] = set()  # connections already reported as to reconnect
        self.keep_alive.progress.connect(self._one)
        self.keep_alive.finished.connect(self._finished)
        self.keep_alive.failed.connect(self._failed)

    def renew_all(self) -> RenewAllDialog:
        """Open Renew all (one dialog at a time), which starts the renewal."""
        if self.dialog is not None:
            if self.dialog.over:
                self.dialog.start()
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        dialog = RenewAllDialog(self.keep_alive, self._window)
        dialog.finished.connect(self._dialog_closed)
        self.dialog = dialog
        dialog.show()
        return dialog

    def set_enabled(self, enabled: bool) -> None:
        """Turn the background renewals on or off (Settings)."""
        self.keep_alive.set_enabled(enabled)

    def stop(self) -> None:
        """The window is closing: no more renewals; close the dialog."""
        self.keep_alive.stop()
        if self.dialog is not None:
            self.dialog.reject()

    def _dialog_closed(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def _one(self, _done: int, _total: int, result: object) -> None:
        """Show what changed in the index: a renewal, or a client found to reconnect."""
        if isinstance(result, RefreshResult) and (
            result.refreshed or kind_of(result) == "reconnect"
        ):
            self._show_connection(result.connection)

    def _finished(self, report: object, manual: bool) -> None:
        if not isinstance(report, RenewAllReport):
            return
        outcomes = [outcome_of(result) for result in report.results]
        if manual:
            self._told.update(o.connection_id for o in outcomes if o.kind == "reconnect")
            if self.dialog is None:  # closed before the end: the window says it
                words = self.tr("Renew all is done. %1").replace("%1", summary(outcomes))
                self._notice.show_message("info", words)
            return
        new = [o for o in outcomes if not (o.kind == "reconnect" and o.connection_id in self._told)]
        self._told.update(o.connection_id for o in outcomes if o.kind == "reconnect")
        notice = background_notice(new)
        if notice is not None:
            kind, words = notice
            self._notice.show_message("warning" if kind == "warning" else "info", words)

    def _failed(self, error: QontoDesktopError, manual: bool) -> None:
        if isinstance(error, RenewalStoppedError):
            return
        log.warning("a renewal of every connection failed: %s", error.code)
        if not manual or self.dialog is None:
            self._notice.show_error(error)
