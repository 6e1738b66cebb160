"""Missing receipts: every transaction of every client still waiting for its receipt.

Read on a worker when the view opens; sortable by any column (amounts on their cents, dates on
the day), filtered by a search, and saved as CSV (the rows shown, in the order shown).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qonto_desktop.connections.month_end import MissingReceipt
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.ui.formatting import fill, number
from qonto_desktop.ui.month_end.missing_model import (
    AMOUNT,
    CLIENT,
    COUNTERPARTY,
    DAY,
    LABEL,
    MissingFilter,
    MissingTable,
)
from qonto_desktop.ui.month_end.service import MonthEndService
from qonto_desktop.ui.panes.message_bar import MessageBar
from qonto_desktop.ui.workers import Workers

ChooseFile = Callable[[QWidget, str, str], str]
CSV_NAME = "missing-receipts.csv"


def pick_csv(parent: QWidget, title: str, start: str) -> str:
    """The desktop's save-as picker for a CSV file (the seam tests replace); empty: cancelled."""
    chosen, _ = QFileDialog.getSaveFileName(parent, title, start, "CSV (*.csv)")
    return chosen


class MissingReceiptsDialog(QDialog):
    """The missing receipts of every client, as a sortable, searchable table."""

    def __init__(
        self,
        service: MonthEndService,
        workers: Workers,
        *,
        language: str,
        folder: Path | None = None,
        choose_file: ChooseFile = pick_csv,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._workers = workers
        self._language = language
        self._folder = folder
        self._choose_file = choose_file
        self.loaded = False
        self.table = MissingTable(language=language, parent=self)
        self.proxy = MissingFilter(self.table, self)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search by client, counterparty, label or amount"))
        self.search.setAccessibleName(self.tr("Search the missing receipts"))
        self.search.textChanged.connect(self._searched)
        self.view = QTableView(self)
        self._build_view()
        self.status = QLabel(self.tr("Reading the missing receipts…"), self)
        self.status.setWordWrap(True)
        self.message = MessageBar(parent=self)
        self.export_button = QPushButton(self.tr("Export as CSV…"), self)
        self.export_button.setAccessibleName(self.tr("Export as CSV"))
        self.export_button.setEnabled(False)
        self.export_button.setAutoDefault(False)
        self.export_button.clicked.connect(self.export_csv)
        buttons = QDialogButtonBox(self)
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.export_button)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addLayout(bottom)
        self.setMinimumSize(760, 460)
        self._title()
        self.reload()

    def _build_view(self) -> None:
        view = self.view
        view.setModel(self.proxy)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSortingEnabled(True)
        view.sortByColumn(DAY, Qt.SortOrder.AscendingOrder)
        view.verticalHeader().hide()
        view.setWordWrap(False)
        view.setAccessibleName(self.tr("Missing receipts"))
        view.setAccessibleDescription(
            self.tr("One row per transaction still missing its receipt. Click a title to sort.")
        )
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(LABEL, QHeaderView.ResizeMode.Stretch)
        metrics = view.fontMetrics()
        samples = {
            CLIENT: "Atelier Lumière Architecture",
            DAY: "00/00/0000",
            AMOUNT: "-00 000,00 €",
        }
        samples[COUNTERPARTY] = "Leroy Merlin Pro"
        for column, sample in samples.items():
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 32)

    def _title(self) -> None:
        count = self.table.rowCount()
        if not self.loaded:
            self.setWindowTitle(self.tr("Missing receipts"))
            return
        self.setWindowTitle(fill(self.tr("Missing receipts (%1)"), number(count, self._language)))

    # --- Reading ---------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the missing receipts again, on a worker."""
        self._workers.run(self._service.missing, self._loaded, self._load_failed)

    def _loaded(self, receipts: object) -> None:
        if not isinstance(receipts, tuple):
            return
        self.loaded = True
        self.table.set_receipts([r for r in receipts if isinstance(r, MissingReceipt)])
        self._title()
        self._searched()

    def _load_failed(self, error: QontoDesktopError) -> None:
        self.status.setText(self.tr("The missing receipts could not be read."))
        self.message.show_error(error)

    def _searched(self) -> None:
        self.proxy.set_search(self.search.text())
        if not self.loaded:
            return
        total, shown = self.table.rowCount(), self.proxy.rowCount()
        language = self._language
        if total == 0:
            words = self.tr("No receipt is missing: every transaction that needs one has one.")
        elif shown == total:
            words = fill(self.tr("Transactions needing a receipt: %1."), number(total, language))
        else:
            words = fill(
                self.tr("Transactions shown: %1 of %2."),
                number(shown, language),
                number(total, language),
            )
        self.status.setText(words)
        self.export_button.setEnabled(shown > 0)

    # --- Saving ----------------------------------------------------------------------------------

    def export_csv(self) -> None:
        """Ask where, then write the rows shown as CSV (on a worker)."""
        rows = tuple(self.proxy.shown())
        start = str((self._folder or Path.home()) / CSV_NAME)
        chosen = self._choose_file(self, self.tr("Export the missing receipts"), start)
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".csv":
            path = path.with_name(f"{path.name}.csv")
        service = self._service
        self.export_button.setEnabled(False)

        def saved(_: object) -> None:
            self.export_button.setEnabled(True)
            self.message.show_message(
                "success",
                fill(
                    self.tr("Rows saved: %1, in %2."), number(len(rows), self._language), str(path)
                ),
            )

        def failed(error: QontoDesktopError) -> None:
            self.export_button.setEnabled(True)
            self.message.show_error(error)

        self._workers.run(lambda: service.write_missing_csv(rows, path), saved, failed)
