"""Export…: which clients, which period, into which folder, in which formats.

The dialog only asks: it checks the period and the folder, says in the dialog what is wrong,
and emits the :class:`ExportRequest`; the progress dialog runs it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from qonto_desktop.connections.month_end import DEFAULT_FORMATS, ExportRequest, Format, PeriodChoice
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.ui.formatting import fill, number, ui_locale
from qonto_desktop.ui.month_end import periods
from qonto_desktop.ui.month_end.destination import unusable
from qonto_desktop.ui.panes.message_bar import MessageBar
from qonto_desktop.ui.plain import safe_text

MONTH, QUARTER, DATES = range(3)
FORMATS: tuple[Format, ...] = ("statements", "csv_excel", "csv_plain", "ofx", "receipts")
ChooseFolder = Callable[[QWidget, str, str], str]


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def pick_folder(parent: QWidget, title: str, start: str) -> str:
    """The desktop's folder picker (the seam tests replace); empty when cancelled."""
    return QFileDialog.getExistingDirectory(parent, title, start)


class ExportDialog(QDialog):
    """The export's questions; ``requested`` carries the answer once it is valid.

    Args:
        client: the selected client (id, name), offered as "Only …"; None: all clients.
        clients: how many clients there are.
        folder: the folder remembered from the last export.
        today: today's date (the default period is the month before it).
        choose_folder: the folder picker.

    Signals:
        requested(ExportRequest): Export was pressed with valid answers.
    """

    requested = Signal(object)

    def __init__(
        self,
        *,
        client: tuple[str, str] | None,
        clients: int,
        folder: Path | None,
        language: str,
        today: Callable[[], date] = date.today,
        choose_folder: ChooseFolder = pick_folder,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._client = client
        self._today = today
        self._choose_folder = choose_folder
        self._language = language
        self.setWindowTitle(self.tr("Export the month end"))
        self.message = MessageBar(closable=False, parent=self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(12)
        layout.addWidget(self._scope_box(clients))
        layout.addWidget(self._period_box())
        layout.addWidget(self._folder_box(folder))
        layout.addWidget(self._formats_box())
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(
            self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setDefault(True)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        self.export_button.clicked.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    # --- The questions -----------------------------------------------------------------------

    def _scope_box(self, clients: int) -> QGroupBox:
        box = QGroupBox(self.tr("Clients"), self)
        self.only_client = QRadioButton(box)
        self.all_clients = QRadioButton(
            fill(self.tr("All clients (%1)"), number(clients, self._language)), box
        )
        group = QButtonGroup(box)
        group.addButton(self.only_client)
        group.addButton(self.all_clients)
        if self._client is not None:
            self.only_client.setText(fill(self.tr("Only %1"), safe_text(self._client[1])))
            self.only_client.setChecked(True)
        else:
            self.only_client.hide()
            self.all_clients.setChecked(True)
        inner = QVBoxLayout(box)
        inner.addWidget(self.only_client)
        inner.addWidget(self.all_clients)
        return box

    def _period_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Period"), self)
        today = self._today()
        locale = ui_locale(self._language)
        self.kind = QComboBox(box)
        self.kind.addItems([self.tr("A month"), self.tr("A quarter"), self.tr("Chosen dates")])
        self.kind.setAccessibleName(self.tr("Kind of period"))
        self.month = QComboBox(box)
        self.month.setAccessibleName(self.tr("Month"))
        for choice in periods.recent_months(today):
            words = locale.toString(_qdate(choice.start), "MMMM yyyy")
            self.month.addItem(words[:1].upper() + words[1:], choice)
        self.quarter = QComboBox(box)
        self.quarter.setAccessibleName(self.tr("Quarter"))
        for choice in periods.recent_quarters(today):
            number_of = str((choice.start.month - 1) // 3 + 1)
            first = locale.standaloneMonthName(choice.start.month)
            last = locale.standaloneMonthName(choice.end.month)
            year = str(choice.start.year)
            words = fill(self.tr("Q%1 %2 (%3 to %4)"), number_of, year, first, last)
            self.quarter.addItem(words, choice)
        self.start = self._date_edit(box, periods.previous_month(today).start, self.tr("From"))
        self.end = self._date_edit(box, periods.previous_month(today).end, self.tr("To"))
        chosen = QWidget(box)
        row = QHBoxLayout(chosen)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("From"), chosen))
        row.addWidget(self.start)
        row.addSpacing(12)
        row.addWidget(QLabel(self.tr("To"), chosen))
        row.addWidget(self.end)
        row.addStretch(1)
        self.period_pages = QStackedWidget(box)
        for page in (self.month, self.quarter, chosen):
            self.period_pages.addWidget(page)
        self.kind.currentIndexChanged.connect(self.period_pages.setCurrentIndex)
        inner = QHBoxLayout(box)
        inner.addWidget(self.kind)
        inner.addWidget(self.period_pages, 1)
        return box

    def _date_edit(self, parent: QWidget, day: date, name: str) -> QDateEdit:
        edit = QDateEdit(_qdate(day), parent)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setAccessibleName(name)
        return edit

    def _folder_box(self, folder: Path | None) -> QGroupBox:
        box = QGroupBox(self.tr("Destination folder"), self)
        self.folder = QLineEdit(str(folder) if folder is not None else "", box)
        self.folder.setAccessibleName(self.tr("Destination folder"))
        self.folder.setPlaceholderText(self.tr("The folder that receives one folder per client"))
        self.choose = QPushButton(self.tr("Choose…"), box)
        self.choose.setAccessibleName(self.tr("Choose the destination folder"))
        self.choose.setAutoDefault(False)
        self.choose.clicked.connect(self._pick)
        inner = QHBoxLayout(box)
        inner.addWidget(self.folder, 1)
        inner.addWidget(self.choose)
        return box

    def _formats_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Files"), self)
        words = {
            "statements": self.tr("Statements (PDF)"),
            "csv_excel": self.tr("Transactions for Excel (CSV)"),
            "csv_plain": self.tr("Transactions as plain CSV"),
            "ofx": self.tr("Transactions for accounting software (OFX)"),
            "receipts": self.tr("Receipts"),
        }
        self.formats: dict[Format, QCheckBox] = {}
        inner = QFormLayout(box)
        for kind in FORMATS:
            check = QCheckBox(words[kind], box)
            check.setChecked(kind in DEFAULT_FORMATS)
            self.formats[kind] = check
            inner.addRow(check)
        return box

    def _pick(self) -> None:
        chosen = self._choose_folder(self, self.tr("Export to"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    # --- The answer ----------------------------------------------------------------------------

    def period(self) -> PeriodChoice:
        """The period chosen."""
        kind = self.kind.currentIndex()
        if kind == MONTH:
            return self.month.currentData()  # type: ignore[no-any-return]
        if kind == QUARTER:
            return self.quarter.currentData()  # type: ignore[no-any-return]
        return periods.dates(_day(self.start.date()), _day(self.end.date()))

    def export(self) -> None:
        """Check the answers; say what is wrong, or emit ``requested`` and close."""
        request = self.request()
        if request is not None:
            self.requested.emit(request)
            self.accept()

    def request(self) -> ExportRequest | None:
        """The request the answers make, or None once the dialog has said what is wrong."""
        period = self.period()
        found = periods.problem(period, self._today())
        if found == "end_before_start":
            self._wrong(
                self.tr("The period ends before it starts."),
                self.tr("Choose a “To” date on or after the “From” date."),
            )
            return None
        if found == "in_the_future":
            self._wrong(
                self.tr("The period ends after today."),
                self.tr("Choose dates up to today: the bank has nothing later yet."),
            )
            return None
        text = self.folder.text().strip()
        if not text:
            self._wrong(
                self.tr("No destination folder is chosen."),
                self.tr("Choose the folder that receives the files (button “Choose…”)."),
            )
            return None
        folder = Path(text).expanduser()
        reason = unusable(folder)
        if reason is not None:
            words = {
                "missing": self.tr("The folder %1 does not exist."),
                "not_a_folder": self.tr("%1 is a file, not a folder."),
                "not_writable": self.tr("The folder %1 cannot be written to."),
            }
            self._wrong(
                fill(words[reason], safe_text(str(folder))),
                self.tr("Choose a folder of yours where files can be saved."),
            )
            return None
        formats = frozenset(kind for kind, check in self.formats.items() if check.isChecked())
        if not formats:
            self._wrong(self.tr("No file is chosen."), self.tr("Tick at least one kind of file."))
            return None
        self.message.clear()
        only = self._client is not None and self.only_client.isChecked()
        ids = (self._client[0],) if only and self._client is not None else None
        return ExportRequest(ids, period, folder, formats)

    def _wrong(self, message: str, next_action: str) -> None:
        """Say in the dialog what is wrong and what to do (there is then no request)."""
        self.message.show_error(QontoDesktopError(message, next_action=next_action))
