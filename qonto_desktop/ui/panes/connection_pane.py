"""The list beside the selected connection, and the actions between them.

Each action's outcome is shown next to the connection it concerns: in the detail pane when that
connection is still the one shown, otherwise in the window's notice bar.

The list is built at once; the detail pane and the actions (their modules, their widgets, the
first layout of the pane) with :meth:`ConnectionPane.build_details`, which the window calls
just after the list's first frame. Until then a placeholder of the same place names the
selected company, and the selection is remembered: the pane shows it once built.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSplitter, QWidget

from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.model import Connection, DisconnectReport
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.ui.clipboard import TokenClipboard
from qonto_desktop.ui.panes.connection_list import ConnectionList
from qonto_desktop.ui.panes.detail_placeholder import DetailPlaceholder
from qonto_desktop.ui.panes.message_bar import Kind, MessageBar
from qonto_desktop.ui.workers import Workers

if TYPE_CHECKING:  # built by build_details(), after the list's first frame
    from qonto_desktop.ui.dialogs.confirm_disconnect import ConfirmDisconnect
    from qonto_desktop.ui.panes.actions import ConnectionActions
    from qonto_desktop.ui.panes.connection_view import ConnectionView


class ConnectionPane(QSplitter):
    """Connections on the left, the selected one on the right.

    Args:
        build_details: build the detail pane and the actions now; otherwise
            :meth:`build_details` builds them (``view`` and ``connection_actions`` exist from
            then on).

    Signals:
        connect_requested(): the user wants to connect another organization.
        reconnect_requested(Connection): the user wants to sign in again for this one.
        reload_requested(object): the list should be read again (then select this id, or None).
    """

    connect_requested = Signal()
    reconnect_requested = Signal(object)
    reload_requested = Signal(object)

    def __init__(
        self,
        desk: Desk,
        workers: Workers,
        clipboard: TokenClipboard,
        notice: MessageBar,
        *,
        now: Callable[[], float],
        language: str,
        parent: QWidget | None = None,
        build_details: bool = True,
    ) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._notice = notice
        self._backend: str | None = None
        self._making = (desk, workers, clipboard, now, language)  # for build_details()
        self.confirm_dialog: ConfirmDisconnect | None = None
        self.connection_actions: ConnectionActions
        self.view: ConnectionView
        self.details_ready = False
        self.list = ConnectionList(now=now, language=language, parent=self)
        self.placeholder = DetailPlaceholder(self)
        self.addWidget(self.list)
        self.addWidget(self.placeholder)
        self.setChildrenCollapsible(False)
        self.setStretchFactor(1, 1)
        self.setSizes([320, 780])
        self.list.selected.connect(self._selected)
        self.list.connect_requested.connect(self.connect_requested)
        if build_details:
            self.build_details()

    def build_details(self) -> None:
        """Build the detail pane and the actions in the placeholder's place (once)."""
        if self.details_ready:
            return
        from qonto_desktop.ui.panes.actions import ConnectionActions  # noqa: PLC0415
        from qonto_desktop.ui.panes.connection_view import ConnectionView  # noqa: PLC0415

        desk, workers, clipboard, now, language = self._making
        self.connection_actions = ConnectionActions(desk, workers, clipboard, self)
        self.view = ConnectionView(now=now, language=language)  # the splitter adopts it
        if self._backend is not None:
            self.view.set_backend(self._backend)
        self.replaceWidget(1, self.view)  # in the placeholder's place, at its size
        self.placeholder.setParent(None)  # out of findChildren at once, deleted later
        self.placeholder.deleteLater()
        self.view.test_requested.connect(self.connection_actions.test)
        self.view.renew_requested.connect(self.connection_actions.renew)
        self.view.copy_requested.connect(self.connection_actions.copy_token)
        self.view.reconnect_requested.connect(self._reconnect)
        self.view.disconnect_requested.connect(self.confirm_disconnect)
        self.connection_actions.changed.connect(self.list.update_connection)
        self.connection_actions.reported.connect(self._report)
        self.connection_actions.failed.connect(self._failed)
        self.connection_actions.busy_changed.connect(self._busy_changed)
        self.connection_actions.removed.connect(self._removed)
        self.setTabOrder(self.list.connect_button, self.view.test_button)
        self.details_ready = True
        self._selected(self.list.current())  # what was selected meanwhile

    def set_backend(self, words: str) -> None:
        """Name the keyring that holds the secrets."""
        self._backend = words
        if self.details_ready:
            self.view.set_backend(words)

    def confirm_disconnect(self, connection_id: str) -> ConfirmDisconnect | None:
        """Ask before disconnecting; the answer starts the disconnect on a worker."""
        if not self.details_ready:
            return None
        connection = self.view.connection
        if connection is None or connection.id != connection_id:
            return None
        from qonto_desktop.ui.dialogs.confirm_disconnect import (  # noqa: PLC0415 - loaded by now
            ConfirmDisconnect,
        )

        dialog = ConfirmDisconnect(connection, self._backend, self)
        dialog.confirmed.connect(
            lambda withdraw: self.connection_actions.disconnect_connection(
                connection_id, revoke_consent=withdraw, forget_data=dialog.forget.isChecked()
            )
        )
        dialog.finished.connect(dialog.deleteLater)
        self.confirm_dialog = dialog
        dialog.open()
        return dialog

    def _shown(self, connection_id: str) -> bool:
        return (
            self.details_ready
            and self.view.connection is not None
            and self.view.connection.id == connection_id
        )

    def _selected(self, connection: Connection | None) -> None:
        if not self.details_ready:
            self.placeholder.show_connection(connection)
            return
        self.view.show_connection(connection)
        self.view.set_busy(
            connection is not None and self.connection_actions.is_busy(connection.id)
        )

    def _busy_changed(self, connection_id: str, busy: bool) -> None:
        if self._shown(connection_id):
            self.view.set_busy(busy)

    def _report(self, connection_id: str, kind: str, words: str) -> None:
        bar = self.view.message if self._shown(connection_id) else self._notice
        bar.show_message(cast("Kind", kind), words)

    def _failed(self, connection_id: str, error: QontoDesktopError) -> None:
        (self.view.message if self._shown(connection_id) else self._notice).show_error(error)
        # A failure may have changed the record (marked "needs reconnecting"): read it again.
        self.reload_requested.emit(self.view.connection.id if self.view.connection else None)

    def _removed(self, report: DisconnectReport) -> None:
        from qonto_desktop.ui.dialogs.confirm_disconnect import (  # noqa: PLC0415 - loaded by now
            disconnect_outcome,
        )

        self._notice.show_message(*disconnect_outcome(report))
        self.reload_requested.emit(None)

    def _reconnect(self, connection_id: str) -> None:
        if self._shown(connection_id):
            self.reconnect_requested.emit(self.view.connection)
