"""The connections as a table: one row each, its cells' words made only when a view asks.

At 300 connections the view paints the twenty or so rows in view: a row's words (dates,
amounts, what a screen reader says) are made the first time one of its cells is asked for,
then kept until the list is read again. Sorting compares :meth:`ConnectionTable.sort_key`,
made once per column.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QDateTime,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from qonto_desktop.connections.model import Connection
from qonto_desktop.connections.roster import (
    SEVERITY,
    Attention,
    SearchKeys,
    attention,
    fold,
    last_balance,
    search_keys,
)
from qonto_desktop.ui.formatting import fill, money, number, time_left, ui_locale
from qonto_desktop.ui.panes.status import Status, Tone, display_name, environment_label
from qonto_desktop.ui.plain import safe_text, tooltip

NAME, STATUS, UNTIL, BALANCE = range(4)
COLUMNS = 4
CONNECTION_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
ENVIRONMENT_ROLE = Qt.ItemDataRole.UserRole + 3
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 4  # a cell's second line
DATE_PATTERN = "d MMM yyyy"

Index = QModelIndex | QPersistentModelIndex
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_TONES: dict[Attention | None, Tone] = {
    "reconnect": "error",
    "failing": "unknown",
    "ending": "warning",
    None: "ok",
}


@dataclass(frozen=True)
class Row:
    """Every word one row shows and says, made once."""

    cells: tuple[str, str, str, str]
    details: tuple[str, str, str, str]
    status: Status
    environment: str
    spoken: str
    tip: str


class ConnectionTable(QAbstractTableModel):
    """The connections, in the order given (the index's: by name), as four columns."""

    def __init__(
        self, *, now: Callable[[], float], language: str, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._now = now
        self._language = language
        self._connections: list[Connection] = []
        self._rows: dict[int, Row] = {}
        self._keys: dict[int, SearchKeys] = {}
        self._attention: list[Attention | None] = []
        self._sort: dict[int, list[tuple[int, ...] | str]] = {}
        self._positions: dict[str, int] = {}
        self._missing: dict[str, int] | None = None  # receipts missing, once counted

    # --- What the list changes -------------------------------------------------------------

    def set_connections(self, connections: Sequence[Connection]) -> None:
        """Show these connections instead (their words are made when first shown)."""
        self.beginResetModel()
        self._connections = list(connections)
        self._positions = {c.id: row for row, c in enumerate(self._connections)}
        self._forget()
        self.endResetModel()

    def replace(self, connection: Connection) -> int | None:
        """Show the new facts of one connection; its row, or None if it is not listed."""
        row = self._positions.get(connection.id)
        if row is None:
            return None
        self._connections[row] = connection
        self._forget()
        self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMNS - 1))
        return row

    def set_missing_counts(self, counts: Mapping[str, int]) -> None:
        """Show each connection's missing receipts under its status (asked after the list)."""
        self._missing = dict(counts)
        if self._connections:
            last = len(self._connections) - 1
            self.dataChanged.emit(self.index(0, STATUS), self.index(last, STATUS))

    def missing_words(self, row: int) -> str | None:
        """The missing receipts of ``row`` in words; empty when none, None before counting."""
        if self._missing is None:
            return None
        count = self._missing.get(self._connections[row].id, 0)
        return fill(self.tr("Receipts due: %1"), number(count, self._language)) if count else ""

    def _forget(self) -> None:
        now = self._now()
        self._rows.clear()
        self._keys.clear()
        self._sort.clear()
        self._attention = [attention(c, now) for c in self._connections]

    # --- What the list reads ---------------------------------------------------------------

    def row_of(self, connection_id: str) -> int | None:
        """The row of a connection, by id."""
        return self._positions.get(connection_id)

    def connection(self, row: int) -> Connection:
        """The connection shown in ``row``."""
        return self._connections[row]

    def attention(self, row: int) -> Attention | None:
        """Why the connection in ``row`` needs the accountant, or None."""
        return self._attention[row]

    def attention_count(self) -> int:
        """How many connections need attention."""
        return sum(1 for reason in self._attention if reason is not None)

    def keys(self, row: int) -> SearchKeys:
        """What a search looks at in ``row``, folded once."""
        keys = self._keys.get(row)
        if keys is None:
            keys = self._keys[row] = search_keys(self._connections[row])
        return keys

    # --- Qt's model ------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's
        """One row per connection."""
        return 0 if parent.isValid() else len(self._connections)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's
        """Name, status, access valid until, last balance."""
        return 0 if parent.isValid() else COLUMNS

    def headerData(  # noqa: N802 - Qt's name
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """The columns' titles: short on screen, whole in the tooltip and for screen readers."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMNS:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("Company"),
                self.tr("Status"),
                self.tr("Valid until"),
                self.tr("Balance"),
            )[section]
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.title(section)
        return None

    def title(self, section: int) -> str:
        """A column's whole title: what a screen reader says before each cell."""
        titles = (
            self.tr("Company"),
            self.tr("Status"),
            self.tr("Access valid until"),
            self.tr("Last balance"),
        )
        return titles[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """A cell's words, second line, status, sort key, or what a screen reader says."""
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == CONNECTION_ROLE:
            return self._connections[row]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column == BALANCE else None
        answer = self._answer(self._row(row), column, role)
        if column == STATUS and role in (DETAIL_ROLE, Qt.ItemDataRole.AccessibleTextRole):
            missing = self.missing_words(row)
            if missing:  # under the status: what the month end still needs
                return missing if role == DETAIL_ROLE else f"{answer}, {missing}"
        return answer

    def _answer(self, words: Row, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            return words.cells[column]
        if role == DETAIL_ROLE:
            return words.details[column]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return words.spoken if column == NAME else self._cell_spoken(words, column)
        answers = {
            STATUS_ROLE: words.status,
            ENVIRONMENT_ROLE: words.environment,
            Qt.ItemDataRole.ToolTipRole: words.tip,
        }
        return answers.get(role)

    # --- Words -----------------------------------------------------------------------------

    def _row(self, row: int) -> Row:
        words = self._rows.get(row)
        if words is None:
            words = self._rows[row] = self._words(self._connections[row], self._attention[row])
        return words

    def _words(self, connection: Connection, reason: Attention | None) -> Row:
        name = display_name(connection)
        legal = safe_text(connection.legal_name)
        siren = safe_text(connection.legal_number, limit=20)
        siren_words = fill(self.tr("SIREN %1"), siren) if siren else ""
        identity = " · ".join(part for part in (legal, siren_words) if part)
        status = Status(self._status_words(reason), _TONES[reason])
        environment = environment_label(connection.environment)
        until, left = self._until(connection)
        balance, as_of = self._balance(connection)
        spoken = ", ".join(
            part
            for part in (
                name,
                legal,
                siren_words,
                environment,
                status.words,
                fill(self.tr("access valid until %1 (%2)"), until, left) if left else "",
                fill(self.tr("balance %1 as of %2"), balance, as_of) if as_of else "",
            )
            if part
        )
        return Row(
            cells=(name, status.words, until, balance),
            details=(identity, "", left, fill(self.tr("as of %1"), as_of) if as_of else ""),
            status=status,
            environment=environment,
            spoken=spoken,
            tip=tooltip(spoken),
        )

    def status_words(self) -> list[str]:
        """Every status the table may show, for sizing its column."""
        return [self._status_words(reason) for reason in SEVERITY]

    def _status_words(self, reason: Attention | None) -> str:
        if reason == "reconnect":
            return self.tr("To reconnect")
        if reason == "failing":
            return self.tr("Unverified")
        if reason == "ending":
            return self.tr("Ending soon")
        return self.tr("Active")

    def _until(self, connection: Connection) -> tuple[str, str]:
        expires = connection.refresh_expires_at
        if expires is None:
            return "—", ""
        return self._date(expires), time_left(expires - self._now(), self._language)

    def _balance(self, connection: Connection) -> tuple[str, str]:
        balance = last_balance(connection)
        if balance is None:
            return "—", ""
        cents, currency, read_at = balance
        return money(cents, currency, self._language), self._date(read_at)

    def _date(self, timestamp: float) -> str:
        moment = QDateTime.fromSecsSinceEpoch(int(timestamp))
        return ui_locale(self._language).toString(moment, DATE_PATTERN)

    def _cell_spoken(self, words: Row, column: int) -> str:
        title = self.title(column)
        detail = words.details[column]
        shown = f"{words.cells[column]}, {detail}" if detail else words.cells[column]
        # "%1: %2" is worded per language (French: a no-break space before the colon).
        return self.tr("%1: %2").replace("%1", title).replace("%2", shown)

    # --- Sorting ---------------------------------------------------------------------------

    def sort_key(self, row: int, column: int) -> tuple[int, ...] | str:
        """What sorting by ``column`` compares for ``row`` (made once per column)."""
        keys = self._sort.get(column)
        if keys is None:
            count = len(self._connections)
            keys = self._sort[column] = [self._sort_key(r, column) for r in range(count)]
        return keys[row]

    def _sort_key(self, row: int, column: int) -> tuple[int, ...] | str:
        connection = self._connections[row]
        expires = connection.refresh_expires_at
        lapses = (1, 0) if expires is None else (0, int(expires))  # "never" goes last
        if column == NAME:
            return fold(display_name(connection))
        if column == STATUS:  # the worst first, then the soonest to lapse
            return (SEVERITY[self._attention[row]], *lapses)
        if column == UNTIL:
            return lapses
        balance = last_balance(connection)
        return (1, 0) if balance is None else (0, balance[0])  # unknown goes last
