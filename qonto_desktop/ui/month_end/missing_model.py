"""Every missing receipt as a table: words made once, and sort keys that compare values.

Amounts sort on their signed cents and dates on the day, never on the words shown.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from qonto_desktop.connections.month_end import MissingReceipt
from qonto_desktop.connections.roster import fold
from qonto_desktop.ui.formatting import money, ui_locale
from qonto_desktop.ui.plain import safe_text

CLIENT, DAY, AMOUNT, COUNTERPARTY, LABEL, ACCOUNT = range(6)
COLUMNS = 6
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
RECEIPT_ROLE = Qt.ItemDataRole.UserRole + 2
DATE_PATTERN = "dd/MM/yyyy"

Index = QModelIndex | QPersistentModelIndex
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class MissingTable(QAbstractTableModel):
    """The missing receipts, one row each, in the order given."""

    def __init__(self, *, language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self._receipts: list[MissingReceipt] = []
        self._cells: list[tuple[str, ...]] = []
        self._keys: list[tuple[object, ...]] = []

    def set_receipts(self, receipts: Sequence[MissingReceipt]) -> None:
        """Show these instead."""
        self.beginResetModel()
        self._receipts = list(receipts)
        self._cells = [self._words(receipt) for receipt in self._receipts]
        self._keys = [self._sort_keys(receipt) for receipt in self._receipts]
        self.endResetModel()

    def receipt(self, row: int) -> MissingReceipt:
        """The missing receipt of ``row``."""
        return self._receipts[row]

    def _words(self, receipt: MissingReceipt) -> tuple[str, ...]:
        when = QDate(receipt.day.year, receipt.day.month, receipt.day.day)
        day = ui_locale(self._language).toString(when, DATE_PATTERN)
        return (
            safe_text(receipt.client),
            day,
            money(receipt.amount_cents, safe_text(receipt.currency, limit=8), self._language),
            safe_text(receipt.counterparty or ""),
            safe_text(receipt.label or ""),
            safe_text(receipt.account),
        )

    def _sort_keys(self, receipt: MissingReceipt) -> tuple[object, ...]:
        return (
            fold(receipt.client),
            receipt.day.toordinal(),
            receipt.amount_cents,
            fold(receipt.counterparty or ""),
            fold(receipt.label or ""),
            fold(receipt.account),
        )

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's
        """One row per missing receipt."""
        return 0 if parent.isValid() else len(self._receipts)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's
        """Client, date, amount, counterparty, label, account."""
        return 0 if parent.isValid() else COLUMNS

    def headerData(  # noqa: N802 - Qt's name
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """The columns' titles."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("Client"),
            self.tr("Date"),
            self.tr("Amount"),
            self.tr("Counterparty"),
            self.tr("Label"),
            self.tr("Account"),
        )
        return titles[section] if 0 <= section < COLUMNS else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """A cell's words, its sort key, or its receipt."""
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cells[row][column]
        if role == SORT_ROLE:
            return self._keys[row][column]
        if role == RECEIPT_ROLE:
            return self._receipts[row]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == AMOUNT:
            return _RIGHT
        return None


class MissingFilter(QSortFilterProxyModel):
    """Sorts on the values (cents, days) and keeps the rows whose words hold the search."""

    def __init__(self, table: MissingTable, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._table = table
        self._words: list[str] = []
        self.setSourceModel(table)
        self.setSortRole(SORT_ROLE)

    def set_search(self, text: str) -> None:
        """Keep only the rows holding every word of ``text`` (accent- and case-blind)."""
        self.beginFilterChange()
        self._words = fold(text).split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def lessThan(  # noqa: N802 - Qt's name
        self,
        source_left: QModelIndex | QPersistentModelIndex,
        source_right: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        left = source_left.data(SORT_ROLE)
        right = source_right.data(SORT_ROLE)
        return bool(left < right)

    def filterAcceptsRow(  # noqa: N802 - Qt's name
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if not self._words:
            return True
        cells = " ".join(
            fold(str(self._table.index(source_row, column).data())) for column in range(COLUMNS)
        )
        return all(word in cells for word in self._words)

    def shown(self) -> list[MissingReceipt]:
        """The receipts shown, in the order shown."""
        return [self.index(row, 0).data(RECEIPT_ROLE) for row in range(self.rowCount())]
