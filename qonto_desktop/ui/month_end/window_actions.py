"""The window's month-end actions: Export… (Ctrl+E), Missing receipts…, and the list's counts.

Built only when the window is given a :class:`MonthEndService`. The dialogs load on first use;
the missing-receipt counts are asked on a worker once the list is shown, never before.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.month_end import ExportRequest
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.ui.month_end.destination import remembered_folder, save_folder
from qonto_desktop.ui.month_end.export_dialog import ChooseFolder, ExportDialog, pick_folder
from qonto_desktop.ui.month_end.missing_dialog import ChooseFile, MissingReceiptsDialog, pick_csv
from qonto_desktop.ui.month_end.progress_dialog import ExportProgressDialog, OpenUrl, open_url
from qonto_desktop.ui.month_end.service import MonthEndService
from qonto_desktop.ui.panes.status import display_name
from qonto_desktop.ui.workers import Workers

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from qonto_desktop.ui.panes.connection_list import ConnectionList

log = logging.getLogger(__name__)

EXPORT_KEYS = "Ctrl+E"


class MonthEndActions(QObject):
    """Export… and Missing receipts…, for the File menu and the connection pane."""

    def __init__(
        self,
        window: QWidget,
        service: MonthEndService,
        workers: Workers,
        desk: Callable[[], Desk],
        connections: Callable[[], ConnectionList | None],
        *,
        language: str,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._service = service
        self._workers = workers
        self._desk = desk
        self._connections = connections
        self._language = language
        self.folder: Path | None = remembered_folder(desk().settings)
        # The seams tests replace: the pickers, the file manager, today and the clock.
        self.choose_folder: ChooseFolder = pick_folder
        self.choose_file: ChooseFile = pick_csv
        self.open_url: OpenUrl = open_url
        self.today: Callable[[], date] = date.today
        self.clock: Callable[[], float] = time.monotonic
        self.export_dialog: ExportDialog | None = None
        self.progress_dialog: ExportProgressDialog | None = None
        self.missing_dialog: MissingReceiptsDialog | None = None
        self.stopped = False
        self.export = QAction(self.tr("&Export…"), window)
        self.export.setShortcut(QKeySequence(EXPORT_KEYS))
        self.export.setStatusTip(
            self.tr("Statements, transactions and receipts of a period, in files")
        )
        self.export.triggered.connect(self.open_export)
        self.missing = QAction(self.tr("&Missing receipts…"), window)
        self.missing.triggered.connect(self.open_missing)

    # --- Export ----------------------------------------------------------------------------------

    def open_export(self) -> ExportDialog | None:
        """Ask what to export (the selected client, or all of them)."""
        if self.stopped:
            return None
        if self.progress_dialog is not None and self.progress_dialog.running:
            self.progress_dialog.show()  # one export at a time: the running one comes back
            self.progress_dialog.raise_()
            self.progress_dialog.activateWindow()
            return None
        listing = self._connections()
        current = listing.current() if listing is not None else None
        client = None
        if current is not None:
            client = (current.id, display_name(current))
        count = listing.model.rowCount() if listing is not None else 0
        dialog = ExportDialog(
            client=client,
            clients=count,
            folder=self.folder,
            language=self._language,
            today=self.today,
            choose_folder=self.choose_folder,
            parent=self._window,
        )
        dialog.requested.connect(self._requested)
        dialog.finished.connect(self._export_closed)
        self.export_dialog = dialog
        dialog.open()
        return dialog

    def _export_closed(self) -> None:
        dialog, self.export_dialog = self.export_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def _requested(self, request: object) -> None:
        if not isinstance(request, ExportRequest) or self.stopped:
            return
        self._remember(request.destination)
        listing = self._connections()
        clients: list[tuple[str, str]] = []
        if listing is not None:
            for row in range(listing.model.rowCount()):
                connection = listing.model.connection(row)
                if request.connection_ids is None or connection.id in request.connection_ids:
                    clients.append((connection.id, display_name(connection)))
        if self.progress_dialog is not None:
            self.progress_dialog.deleteLater()
        dialog = ExportProgressDialog(
            self._service,
            self._workers,
            request,
            clients,
            language=self._language,
            clock=self.clock,
            open_url=self.open_url,
            parent=self._window,
        )
        dialog.ended.connect(self.refresh_counts)
        self.progress_dialog = dialog
        dialog.show()  # not modal: the window stays usable while the export runs

    def _remember(self, folder: Path) -> None:
        if folder == self.folder:
            return
        self.folder = folder
        paths = self._desk().paths

        def failed(error: QontoDesktopError) -> None:  # costs only the folder next time
            log.warning("could not remember the export folder: %s", error.code)

        self._workers.run(lambda: save_folder(paths, folder), lambda _: None, failed)

    # --- Missing receipts ----------------------------------------------------------------------

    def open_missing(self) -> MissingReceiptsDialog | None:
        """Show every missing receipt (one view at a time)."""
        if self.stopped:
            return None
        if self.missing_dialog is not None:
            self.missing_dialog.reload()
            self.missing_dialog.raise_()
            self.missing_dialog.activateWindow()
            return self.missing_dialog
        dialog = MissingReceiptsDialog(
            self._service,
            self._workers,
            language=self._language,
            folder=self.folder,
            choose_file=self.choose_file,
            parent=self._window,
        )
        dialog.finished.connect(self._missing_closed)
        self.missing_dialog = dialog
        dialog.show()
        return dialog

    def _missing_closed(self) -> None:
        dialog, self.missing_dialog = self.missing_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def refresh_counts(self) -> None:
        """Ask each client's missing-receipt count (on a worker) and show it in the list."""
        if self.stopped:
            return
        self._workers.run(self._service.missing_counts, self._counted, self._count_failed)

    def _counted(self, counts: object) -> None:
        listing = self._connections()
        if listing is not None and isinstance(counts, Mapping) and not self.stopped:
            listing.set_missing_counts(counts)

    def _count_failed(self, error: QontoDesktopError) -> None:
        log.info("missing-receipt counts unavailable: %s", error.code)

    def stop(self) -> None:
        """The window closes: an export running stops at its next checkpoint."""
        self.stopped = True
        if self.progress_dialog is not None:
            self.progress_dialog.cancel()
