"""After a user-access sign-in: pick the companies to add, all ticked to begin with.

One row per company Qonto listed (name, legal name, SIREN, role), those already connected said
so; "Add N companies" adds the ticked ones, each as a connection sharing the one sign-in. Every
cell is plain text, made display-safe: the names are Qonto's, not the app's.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qonto_desktop.connections.companies import Company, CompanyChoice
from qonto_desktop.ui.connect.registration_form import button
from qonto_desktop.ui.connect.waiting_page import heading
from qonto_desktop.ui.panes.error_view import message_label
from qonto_desktop.ui.plain import safe_text

_COMPANY = Qt.ItemDataRole.UserRole


class CompanyPage(QWidget):
    """Tick the companies to add.

    Signals:
        add_requested(tuple[Company, ...]): the ticked companies, in Qonto's order.
        cancel_requested(): add none (the sign-in's grant is then revoked).
    """

    add_requested = Signal(object)
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("company_page")
        self.heading = heading(self, "company_heading")
        self.summary = message_label(self, "company_summary", role="plain")
        self.table = QTreeWidget(self)
        self.table.setObjectName("company_table")
        self.table.setAccessibleName(self.tr("Companies"))
        self.table.setAccessibleDescription(
            self.tr("Tick the companies to add; each becomes a connection.")
        )
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setHeaderLabels(
            [
                self.tr("Company"),
                self.tr("Legal name"),
                self.tr("SIREN"),
                self.tr("Role"),
                self.tr("Status"),
            ]
        )
        self.cancel = button(
            self, "cancel_companies", self.tr("Cancel"), self.tr("Adds no company.")
        )
        self.add = button(
            self, "add_companies", self.tr("Add"), self.tr("Adds the ticked companies.")
        )
        # Not the dialog's default button: that is Connect, on the form (Enter in a field).
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.table.itemChanged.connect(self._update)
        self.add.clicked.connect(self._add)
        self.cancel.clicked.connect(self.cancel_requested)

    def show_choice(self, choice: CompanyChoice) -> None:
        """List the companies of ``choice``, every one ticked."""
        self.table.blockSignals(True)
        self.table.clear()
        for company in choice.companies:
            item = QTreeWidgetItem(self.table, _cells(company, self.tr("Already connected")))
            item.setData(0, _COMPANY, company)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked)
        self.table.blockSignals(False)
        for column in range(self.table.columnCount()):
            self.table.resizeColumnToContents(column)
        self.heading.setText(self.tr("Choose the companies to add"))
        summary = self.tr(
            "Qonto lists the companies this sign-in reaches. Each one ticked becomes a "
            "connection; they all share this one sign-in."
        )
        if choice.unread:
            summary += " " + self.tr("{count} more could not be read and are left out.").format(
                count=choice.unread
            )
        if not choice.companies:
            summary = self.tr("This sign-in reaches no company: there is nothing to add.")
        self.summary.setText(summary)
        self.set_busy(False)
        first = self.table.topLevelItem(0)
        if first is not None:
            self.table.setCurrentItem(first)
        self.table.setFocus()

    def item(self, row: int) -> QTreeWidgetItem:
        """The row of the ``row``-th company shown."""
        found = self.table.topLevelItem(row)
        if found is None:
            raise IndexError(row)
        return found

    def picked(self) -> tuple[Company, ...]:
        """The ticked companies, in the order shown."""
        items = (self.table.topLevelItem(i) for i in range(self.table.topLevelItemCount()))
        return tuple(
            item.data(0, _COMPANY)
            for item in items
            if item is not None and item.checkState(0) == Qt.CheckState.Checked
        )

    def set_busy(self, busy: bool) -> None:
        """While the companies are being added, nothing here can be changed."""
        self.table.setEnabled(not busy)
        self.cancel.setEnabled(not busy)
        self._update(busy=busy)

    def _update(self, *_: object, busy: bool = False) -> None:
        count = len(self.picked())
        label = (
            self.tr("Add 1 company")
            if count == 1
            else self.tr("Add {count} companies").format(count=count)
        )
        self.add.setText(label)
        self.add.setAccessibleName(label)
        self.add.setEnabled(count > 0 and not busy)

    def _add(self) -> None:
        picked = self.picked()
        if picked:
            self.set_busy(True)
            self.add_requested.emit(picked)


def _cells(company: Company, connected: str) -> list[str]:
    return [
        safe_text(company.name, limit=80),
        safe_text(company.legal_name, limit=80),
        safe_text(company.legal_number, limit=20),
        safe_text(company.role, limit=30),
        connected if company.connected is not None else "",
    ]
