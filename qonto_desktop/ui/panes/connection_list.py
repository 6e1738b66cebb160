"""The left pane: every connection, a search box, and the button to connect another one."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QItemSelection,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from qonto_desktop.connections.model import Connection
from qonto_desktop.ui.icons import icon
from qonto_desktop.ui.panes.delegate import (
    CONNECTION_ROLE,
    ENVIRONMENT_ROLE,
    STATUS_ROLE,
    ConnectionDelegate,
)
from qonto_desktop.ui.panes.status import display_name, environment_label, status_of
from qonto_desktop.ui.plain import tooltip


def fold(text: str) -> str:
    """Text for matching: case and accents ignored ("Lumière" and "lumiere" fold alike)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


class _NameFilter(QSortFilterProxyModel):
    """Keeps the rows whose organization name contains the search text (folded)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needle = ""

    def set_needle(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = fold(text.strip())
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(  # noqa: N802 - Qt's name
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if not self._needle:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        return self._needle in fold(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))


class ConnectionList(QWidget):
    """The connections, searchable by organization name.

    Signals:
        selected(Connection | None): the chosen connection changed.
        connect_requested(): the user wants to connect another account.
    """

    selected = Signal(object)
    connect_requested = Signal()

    def __init__(
        self, *, now: Callable[[], float], language: str = "en", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._now = now
        self._language = language
        self._quiet = False
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search by organization name"))
        self.search.setClearButtonEnabled(True)
        leading = QLineEdit.ActionPosition.LeadingPosition
        search_icon = self.search.addAction(icon("search"), leading)
        search_icon.setText(self.tr("Search"))
        for button in self.search.findChildren(QToolButton):  # the icon and the clear button
            is_icon = search_icon in button.actions() or button.defaultAction() is search_icon
            button.setAccessibleName(self.tr("Search") if is_icon else self.tr("Clear the search"))
        self.search.setAccessibleName(self.tr("Search connections"))
        self.search.setAccessibleDescription(
            self.tr("Shows only the connections whose organization name contains these words.")
        )
        self.model = QStandardItemModel(self)
        self.proxy = _NameFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view = QListView(self)
        self.view.setModel(self.proxy)
        self.view.setItemDelegate(ConnectionDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setUniformItemSizes(True)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setAccessibleName(self.tr("Connections"))
        self.view.setAccessibleDescription(
            self.tr("Each connected Qonto organization, with its environment and status.")
        )
        self.no_match = QLabel(self.tr("No connection matches this search."), self)
        self.no_match.setWordWrap(True)
        self.no_match.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_match.hide()
        self.connect_button = QPushButton(icon("add"), self.tr("Connect a Qonto account…"), self)
        self.connect_button.setAccessibleName(self.tr("Connect a Qonto account"))
        self.connect_button.setAccessibleDescription(
            self.tr("Signs in to Qonto in your browser to connect another organization.")
        )
        self.setMinimumWidth(240)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 6, 4)
        layout.setSpacing(8)
        layout.addWidget(self.search)
        layout.addWidget(self.no_match)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.connect_button)
        self.search.textChanged.connect(self._filter)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.connect_button.clicked.connect(self.connect_requested)
        self.setTabOrder(self.search, self.view)
        self.setTabOrder(self.view, self.connect_button)

    def set_connections(self, connections: Sequence[Connection]) -> None:
        """Show these connections, keeping the selection when it is still among them."""
        current = self.current()
        self._quiet = True  # one ``selected`` at the end, not one per step of the reset
        try:
            self.model.clear()
            for connection in connections:
                self.model.appendRow(self._item(connection))
            self._update_no_match()
            kept = current is not None and self.select(current.id)
            if not kept and self.proxy.rowCount() > 0:
                self.view.setCurrentIndex(self.proxy.index(0, 0))
        finally:
            self._quiet = False
        self.selected.emit(self.current())

    def update_connection(self, connection: Connection) -> None:
        """Show the new facts of one connection (after a test or a refresh)."""
        row = self._source_row(connection.id)
        if row is None:
            return
        self.model.setItem(row, self._item(connection))
        if (current := self.current()) is not None and current.id == connection.id:
            self.selected.emit(connection)

    def select(self, connection_id: str) -> bool:
        """Select a connection by id (clearing the search if it hides it)."""
        row = self._source_row(connection_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            self.search.clear()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.view.setCurrentIndex(index)
        return True

    def current(self) -> Connection | None:
        """The selected connection, if any."""
        connection = self.view.currentIndex().data(CONNECTION_ROLE)
        return connection if isinstance(connection, Connection) else None

    def visible_names(self) -> list[str]:
        """The organization names shown, in order (after the search)."""
        return [
            str(self.proxy.index(row, 0).data(Qt.ItemDataRole.DisplayRole))
            for row in range(self.proxy.rowCount())
        ]

    def _item(self, connection: Connection) -> QStandardItem:
        status = status_of(connection, self._now(), self._language)
        environment = environment_label(connection.environment)
        item = QStandardItem(display_name(connection))
        item.setData(connection, CONNECTION_ROLE)
        item.setData(status, STATUS_ROLE)
        item.setData(environment, ENVIRONMENT_ROLE)
        spoken = f"{display_name(connection)}, {environment}, {status.words}"
        item.setData(spoken, Qt.ItemDataRole.AccessibleTextRole)
        item.setData(tooltip(spoken), Qt.ItemDataRole.ToolTipRole)
        return item

    def _source_row(self, connection_id: str) -> int | None:
        for row in range(self.model.rowCount()):
            connection = self.model.index(row, 0).data(CONNECTION_ROLE)
            if isinstance(connection, Connection) and connection.id == connection_id:
                return row
        return None

    def _filter(self, text: str) -> None:
        self.proxy.set_needle(text)
        self._update_no_match()
        if self.proxy.rowCount() > 0 and not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(self.proxy.index(0, 0))

    def _update_no_match(self) -> None:
        self.no_match.setVisible(self.model.rowCount() > 0 and self.proxy.rowCount() == 0)

    def _selection_changed(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        if not self._quiet:
            self.selected.emit(self.current())
