"""What the action buttons do: each use case on a worker, its outcome back on the GUI thread.

Nothing here touches the network or the keyring itself; access tokens travel only from the
worker to the clipboard, and are never logged, shown or kept.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from qonto_desktop.connections import fresh
from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.model import Connection, DisconnectReport
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.ui.clipboard import TokenClipboard
from qonto_desktop.ui.formatting import fill
from qonto_desktop.ui.language import current_language
from qonto_desktop.ui.panes.company_words import long_date
from qonto_desktop.ui.panes.status import display_name
from qonto_desktop.ui.workers import Workers

log = logging.getLogger(__name__)


class ConnectionActions(QObject):
    """Test, renew access, copy a token, disconnect; one action at a time per connection.

    Signals:
        changed(Connection): new facts were saved for a connection.
        removed(DisconnectReport): a connection was disconnected.
        reported(str, str, str): connection id, kind (info/success/warning/error), words.
        failed(str, QontoDesktopError): connection id and what went wrong.
        busy_changed(str, bool): connection id, whether an action runs for it.
    """

    changed = Signal(object)
    removed = Signal(object)
    reported = Signal(str, str, str)
    failed = Signal(str, object)
    busy_changed = Signal(str, bool)

    def __init__(
        self, desk: Desk, workers: Workers, clipboard: TokenClipboard, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self._workers = workers
        self._clipboard = clipboard
        self._busy: set[str] = set()
        self.stopped = False

    def is_busy(self, connection_id: str) -> bool:
        """True while an action runs for this connection."""
        return connection_id in self._busy

    def test(self, connection_id: str) -> None:
        """Check the connection against Qonto now (``verify``)."""
        desk = self.desk

        def done(result: object) -> None:
            connection = getattr(result, "connection", None)
            if not isinstance(connection, Connection):
                return
            self.changed.emit(connection)
            if getattr(result, "checked", False):
                words = self.tr("Connection OK: Qonto answered for %1.").replace(
                    "%1", display_name(connection)
                )
                self.reported.emit(connection_id, "success", words)
                return
            words = self.tr(
                "Not checked: this connection may not read the company. Reconnect and tick "
                "“Read bank accounts, balances and transactions” to check it."
            )
            self.reported.emit(connection_id, "warning", words)

        def work() -> object:
            # The HTTP stack loads here, on a worker, the first time: not at start-up.
            from qonto_desktop.connections.verify import verify  # noqa: PLC0415

            return verify(desk, connection_id)

        self._run(connection_id, work, done)

    def renew(self, connection_id: str) -> None:
        """Renew the access now (a refresh); only the saved connection comes back, not a token."""
        desk = self.desk
        language = current_language()

        def done(result: object) -> None:
            if not isinstance(result, Connection):
                return
            self.changed.emit(result)
            if result.refresh_expires_at is None:
                words = self.tr("Access renewed for %1.").replace("%1", display_name(result))
            else:
                words = fill(
                    self.tr("Access renewed for %1: valid until %2."),
                    display_name(result),
                    long_date(result.refresh_expires_at, language),
                )
            self.reported.emit(connection_id, "success", words)

        self._run(connection_id, lambda: fresh.refresh(desk, connection_id).connection, done)

    def copy_token(self, connection_id: str) -> None:
        """Put a valid access token on the clipboard, cleared again after a while."""
        desk = self.desk

        def done(token: object) -> None:
            if not isinstance(token, str):
                return
            self._clipboard.put(token)
            seconds = max(1, round(self._clipboard.clear_after_ms / 1000))
            words = self.tr(
                "Access token copied. The clipboard is cleared in %1 seconds if it still holds it."
            ).replace("%1", str(seconds))
            self.reported.emit(connection_id, "info", words)

        self._run(connection_id, lambda: fresh.access_token(desk, connection_id).access_token, done)

    def disconnect_connection(
        self, connection_id: str, *, revoke_consent: bool, forget_data: bool = False
    ) -> None:
        """Revoke at Qonto (best effort) and forget the connection (and its bank data, asked)."""
        desk = self.desk

        def done(report: object) -> None:
            if isinstance(report, DisconnectReport):
                self.removed.emit(report)

        def work() -> DisconnectReport:
            # On the worker: revoking loads the HTTP stack, never on the GUI thread.
            from qonto_desktop.connections.disconnect import disconnect  # noqa: PLC0415

            return disconnect(
                desk, connection_id, revoke_consent=revoke_consent, forget_data=forget_data
            )

        self._run(connection_id, work, done)

    def _run(
        self, connection_id: str, work: Callable[[], object], done: Callable[[object], None]
    ) -> None:
        if connection_id in self._busy or self.stopped:
            return
        self._busy.add(connection_id)
        self.busy_changed.emit(connection_id, True)

        def finish() -> bool:
            self._busy.discard(connection_id)
            if self.stopped:  # the window is closing: nothing left to show it in
                return False
            self.busy_changed.emit(connection_id, False)
            return True

        def succeeded(result: object) -> None:
            if finish():
                done(result)

        def failed(error: QontoDesktopError) -> None:
            if finish():
                log.info("action on %s failed: %s", connection_id, error.code)
                self.failed.emit(connection_id, error)

        self._workers.run(work, succeeded, failed)
