"""The left pane: every connection in a sortable table, a search box, a filter, and Connect.

Search looks at the name, the legal name, the SIREN and the IBANs' visible digits, accent-blind
and with or without spaces; "Needs attention" keeps the connections to reconnect, failing, or
whose access ends within 14 days. Ctrl+F (the platform's Find) puts the cursor in the search.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import (
    QItemSelection,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from qonto_desktop.connections.model import Connection
from qonto_desktop.connections.roster import Search, fold
from qonto_desktop.ui.formatting import fill, number
from qonto_desktop.ui.icons import icon
from qonto_desktop.ui.panes.connection_model import (
    BALANCE,
    CONNECTION_ROLE,
    NAME,
    STATUS,
    UNTIL,
    ConnectionTable,
)
from qonto_desktop.ui.panes.delegate import ConnectionDelegate, row_height

__all__ = ["ConnectionList", "fold"]  # fold: the search's folding, as the list applies it


class _Filter(QSortFilterProxyModel):
    """Keeps the rows the search matches (and, when asked, only those needing attention)."""

    def __init__(self, table: ConnectionTable, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._table = table
        self._search = Search.of("")
        self.attention_only = False
        self.setSourceModel(table)
        self.setDynamicSortFilter(False)  # a row renewed under the filter stays until asked

    def set_filters(self, text: str, attention_only: bool) -> None:
        """Match ``text`` and, with ``attention_only``, keep only those needing attention."""
        self.beginFilterChange()
        self._search = Search.of(text)
        self.attention_only = attention_only
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def lessThan(  # noqa: N802 - Qt's name
        self,
        source_left: QModelIndex | QPersistentModelIndex,
        source_right: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        column = source_left.column()
        left = self._table.sort_key(source_left.row(), column)
        right = self._table.sort_key(source_right.row(), column)
        return left < right  # type: ignore[operator]  # one column's keys are all of one kind

    def filterAcceptsRow(  # noqa: N802 - Qt's name
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if self.attention_only and self._table.attention(source_row) is None:
            return False
        return not self._search.words or self._search.matches(self._table.keys(source_row))


class _Rows(QTableView):
    """A table moved through by rows: Home and End go to the first and last one, as in a list."""

    def moveCursor(  # noqa: N802 - Qt's name
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        if action in (
            QAbstractItemView.CursorAction.MoveHome,
            QAbstractItemView.CursorAction.MoveEnd,
        ):
            modifiers = Qt.KeyboardModifier.ControlModifier  # Ctrl+Home: the first row
        return super().moveCursor(action, modifiers)


class ConnectionList(QWidget):
    """The connections, sortable by any column, searchable, filtered on demand.

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
        self._language = language
        self._quiet = False
        self._build_search()
        self.attention = QCheckBox(self.tr("Needs attention"), self)
        self.attention.setAccessibleDescription(
            self.tr(
                "Shows only the connections to reconnect, those that could not be checked, and "
                "those whose access ends within 14 days."
            )
        )
        self.model = ConnectionTable(now=now, language=language, parent=self)
        self.proxy = _Filter(self.model, self)
        self.view: QTableView = _Rows(self)
        self._build_view()
        self.no_match = QLabel(self.tr("No connection matches this search."), self)
        self.no_match.setWordWrap(True)
        self.no_match.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_match.hide()
        self.connect_button = QPushButton(icon("add"), self.tr("Connect a client…"), self)
        self.connect_button.setAccessibleName(self.tr("Connect a client"))
        self.connect_button.setAccessibleDescription(
            self.tr("Signs in to Qonto in your browser to connect another organization.")
        )
        self.find_shortcut = QShortcut(self)
        self.find_shortcut.setKeys(QKeySequence.keyBindings(QKeySequence.StandardKey.Find))
        self.find_shortcut.activated.connect(self.focus_search)
        self.setMinimumWidth(520)
        self._lay_out()
        self.search.textChanged.connect(self._filter)
        self.attention.toggled.connect(self._filter)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.connect_button.clicked.connect(self.connect_requested)
        self.setTabOrder(self.search, self.attention)
        self.setTabOrder(self.attention, self.view)
        self.setTabOrder(self.view, self.connect_button)

    def _build_search(self) -> None:
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search by name, SIREN or IBAN digits"))
        self.search.setClearButtonEnabled(True)
        leading = QLineEdit.ActionPosition.LeadingPosition
        search_icon = self.search.addAction(icon("search"), leading)
        search_icon.setText(self.tr("Search"))
        for button in self.search.findChildren(QToolButton):  # the icon and the clear button
            is_icon = search_icon in button.actions() or button.defaultAction() is search_icon
            button.setAccessibleName(self.tr("Search") if is_icon else self.tr("Clear the search"))
        self.search.setAccessibleName(self.tr("Search connections"))
        self.search.setAccessibleDescription(
            self.tr(
                "Shows only the connections whose name, legal name, SIREN or IBAN's last digits "
                "contain these words. Ctrl+F comes back here."
            )
        )

    def _build_view(self) -> None:
        view = self.view
        view.setModel(self.proxy)
        view.setItemDelegate(ConnectionDelegate(view))
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setTabKeyNavigation(False)  # Tab leaves the table, as it left the list
        view.setShowGrid(False)
        view.setWordWrap(False)
        view.setCornerButtonEnabled(False)
        rows = view.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # one height: no measuring
        rows.setDefaultSectionSize(row_height(view.font()))
        header = view.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the index's order: by name
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        metrics = view.fontMetrics()
        widest = max(self.model.status_words(), key=metrics.horizontalAdvance)
        samples = {STATUS: widest, UNTIL: "00 Sept. 0000", BALANCE: "-000 000,00 €"}
        for column, sample in samples.items():
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = max(
                metrics.horizontalAdvance(sample) + 40, metrics.horizontalAdvance(title) + 32
            )
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setMinimumSectionSize(60)
        view.setSortingEnabled(True)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        view.setAccessibleName(self.tr("Connections"))
        view.setAccessibleDescription(
            self.tr(
                "Each connected company: its status, until when its access is valid, and its "
                "last balance. Click a column title to sort by it."
            )
        )

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 6, 4)
        layout.setSpacing(8)
        filters = QHBoxLayout()
        filters.setSpacing(8)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.attention)
        layout.addLayout(filters)
        layout.addWidget(self.no_match)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.connect_button)

    # --- What the window asks ---------------------------------------------------------------

    def set_connections(self, connections: Sequence[Connection]) -> None:
        """Show these connections, keeping the selection when it is still shown."""
        current = self.current()
        self._quiet = True  # one ``selected`` at the end, not one per step of the reset
        try:
            self.model.set_connections(connections)
            self._count_attention()
            self._update_no_match()
            kept = current is not None and self._select_shown(current.id)
            if not kept and self.proxy.rowCount() > 0:
                self.view.setCurrentIndex(self.proxy.index(0, 0))
        finally:
            self._quiet = False
        self.selected.emit(self.current())

    def update_connection(self, connection: Connection) -> None:
        """Show the new facts of one connection (after a test or a refresh)."""
        if self.model.replace(connection) is None:
            return
        self._count_attention()
        if (current := self.current()) is not None and current.id == connection.id:
            self.selected.emit(connection)

    def set_missing_counts(self, counts: Mapping[str, int]) -> None:
        """Show each client's count of missing receipts (under its status)."""
        self.model.set_missing_counts(counts)

    def missing_count(self, connection_id: str) -> str | None:
        """The missing receipts shown for a connection; None before they are counted."""
        row = self.model.row_of(connection_id)
        return None if row is None else self.model.missing_words(row)

    def select(self, connection_id: str) -> bool:
        """Select a connection by id (clearing the search and the filter if they hide it)."""
        row = self.model.row_of(connection_id)
        if row is None:
            return False
        if not self._select_shown(connection_id):
            self.search.clear()
            self.attention.setChecked(False)
            self._select_shown(connection_id)
        return True

    def current(self) -> Connection | None:
        """The selected connection, if any."""
        connection = self.view.currentIndex().data(CONNECTION_ROLE)
        return connection if isinstance(connection, Connection) else None

    def visible_names(self) -> list[str]:
        """The names shown, in order (after the search, the filter and the sort)."""
        return [
            str(self.proxy.index(row, NAME).data(Qt.ItemDataRole.DisplayRole))
            for row in range(self.proxy.rowCount())
        ]

    def focus_search(self) -> None:
        """Put the cursor in the search box, its text selected (Ctrl+F)."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def sort_by(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column, as clicking its title does."""
        self.view.sortByColumn(column, order)

    # --- Inside -----------------------------------------------------------------------------

    def _select_shown(self, connection_id: str) -> bool:
        row = self.model.row_of(connection_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True

    def _count_attention(self) -> None:
        count = self.model.attention_count()
        self.attention.setText(fill(self.tr("Needs attention (%1)"), number(count, self._language)))
        self.attention.setAccessibleName(
            fill(
                self.tr("Only the %1 connections that need attention"),
                number(count, self._language),
            )
        )

    def _filter(self) -> None:
        self.proxy.set_filters(self.search.text(), self.attention.isChecked())
        self._update_no_match()
        if self.proxy.rowCount() > 0 and not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(self.proxy.index(0, 0))

    def _update_no_match(self) -> None:
        self.no_match.setVisible(self.model.rowCount() > 0 and self.proxy.rowCount() == 0)

    def _selection_changed(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        if not self._quiet:
            self.selected.emit(self.current())
