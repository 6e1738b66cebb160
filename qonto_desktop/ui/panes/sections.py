"""The facts about one connection an accountant reads: who signed in, the bank accounts and
their balances as of when they were read, the permissions in plain words.

Built afresh for each connection shown; every value is plain text the user can select and copy.
The technical facts (tokens, storage, codes) are in :mod:`~qonto_desktop.ui.panes.advanced`.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from qonto_desktop.connections.model import AccountSummary, Connection
from qonto_desktop.i18n.localize import translate
from qonto_desktop.qonto import scopes
from qonto_desktop.ui.formatting import date_time, money
from qonto_desktop.ui.icons import icon
from qonto_desktop.ui.panes.facts import add_row, fact_grid, heading, value
from qonto_desktop.ui.plain import safe_text


def role_words(role: str) -> str:
    """A Qonto membership role in the user's words."""
    words = {
        "owner": QCoreApplication.translate("ConnectionSections", "Owner"),
        "admin": QCoreApplication.translate("ConnectionSections", "Admin"),
        "manager": QCoreApplication.translate("ConnectionSections", "Manager"),
        "reporting": QCoreApplication.translate("ConnectionSections", "Reporting"),
        "employee": QCoreApplication.translate("ConnectionSections", "Employee"),
        "accountant": QCoreApplication.translate("ConnectionSections", "Accountant"),
    }
    return words.get(role, role.capitalize())


def permission_words(name: str, language: str) -> str:
    """A permission's label in the language; its code (shown under Advanced) when unknown."""
    try:
        return scopes.label(name, language)
    except scopes.UnknownScopeError:
        return name


def _folded(text: str) -> str:
    """Case- and accent-blind form, to see whether a name already says a word."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def with_tag(name: str, tag: str) -> str:
    """``name (tag)``, unless the name already says it ("Compte principal" is not "(principal)")."""
    return name if _folded(tag) in _folded(name) else f"{name} ({tag})"


class ConnectionSections(QWidget):
    """The scrollable body of the detail pane for one connection."""

    def __init__(self, connection: Connection, *, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._language = language
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 8, 0)
        layout.setSpacing(6)
        self._layout = layout
        self._who(connection)
        self._accounts(connection)
        self._permissions(connection)

    def _section(self, title: str) -> QGridLayout:
        if self._layout.count() > 0:
            self._layout.addSpacing(12)
        self._layout.addWidget(heading(title, self))
        grid = fact_grid()
        self._layout.addLayout(grid)
        return grid

    def _value(
        self, text: str, *, muted: bool = False, right: bool = False, wrap: bool = True
    ) -> QLabel:
        return value(text, self, muted=muted, right=right, wrap=wrap)

    def _who(self, connection: Connection) -> None:
        grid = self._section(self.tr("Signed in"))
        user = safe_text(connection.user_name) or self.tr("Unknown (not read yet)")
        add_row(grid, self, self.tr("Person"), user)
        if connection.role:
            add_row(grid, self, self.tr("Role"), role_words(connection.role))
        if connection.user_email:
            add_row(grid, self, self.tr("Email"), safe_text(connection.user_email))

    def _accounts(self, connection: Connection) -> None:
        grid = self._section(self.tr("Bank accounts"))
        if not connection.accounts:
            text = self.tr("None seen yet. Test the connection to read them.")
            grid.addWidget(self._value(text, muted=True), 0, 0, 1, 3)
            return
        if connection.verified_at is not None:
            read = date_time(connection.verified_at, self._language)
            as_of = self._value(self.tr("Balances as of %1").replace("%1", read), muted=True)
            as_of.setObjectName("balances_as_of")
            grid.addWidget(as_of, 0, 0, 1, 3)
        for account in connection.qonto_accounts:
            self._account(grid, account)
        total = connection.qonto_total
        if total is not None and len(connection.qonto_accounts) > 1:
            row = grid.rowCount()
            grid.addWidget(self._value(self.tr("Total at Qonto"), muted=True), row, 0, 1, 2)
            amount = self._value(money(*total, self._language), right=True)
            amount.setObjectName("qonto_total")
            grid.addWidget(amount, row, 2)
        if connection.external_accounts:
            row = grid.rowCount()
            elsewhere = self.tr("At another bank (connected to Qonto, not in the Qonto total)")
            grid.addWidget(self._value(elsewhere, muted=True), row, 0, 1, 3)
            for account in connection.external_accounts:
                self._account(grid, account)
        for note in connection.notes:
            words = self._value(translate(note, self._language), muted=True)
            words.setObjectName("not_read")
            grid.addWidget(words, grid.rowCount(), 0, 1, 3)
        grid.setColumnStretch(0, 1)

    def _account(self, grid: QGridLayout, account: AccountSummary) -> None:
        row = grid.rowCount()
        name = safe_text(account.name)
        if account.main:
            name = with_tag(name, self.tr("main"))
        if account.external:
            name = with_tag(name, self.tr("at another bank"))
        grid.addWidget(self._value(name), row, 0)
        masked_iban = safe_text(account.masked_iban)
        iban = self._value(masked_iban or "—", wrap=False)
        if masked_iban:
            iban.setAccessibleName(self.tr("IBAN ending in %1").replace("%1", masked_iban[-4:]))
        grid.addWidget(iban, row, 1)
        balance = (
            self.tr("Balance not shown")
            if account.balance_cents is None
            else money(account.balance_cents, account.currency, self._language)
        )
        shown = self._value(balance, right=True, muted=account.balance_cents is None)
        grid.addWidget(shown, row, 2)

    def _permissions(self, connection: Connection) -> None:
        grid = self._section(self.tr("Permissions"))
        granted = connection.scopes_granted
        missing = [name for name in connection.scopes_requested if name not in granted]
        for name in granted:
            self._mark(
                grid, "status-ok", self.tr("Granted"), permission_words(name, self._language)
            )
        for name in missing:
            words = permission_words(name, self._language)
            self._mark(grid, "status-error", self.tr("Requested, not granted"), words)

    def _mark(self, grid: QGridLayout, icon_name: str, state: str, words: str) -> None:
        row = grid.rowCount()
        mark = QLabel(self)
        mark.setPixmap(icon(icon_name).pixmap(QSize(14, 14), self.devicePixelRatioF()))
        mark.setAccessibleName(state)
        mark.setToolTip(state)
        grid.addWidget(mark, row, 0)
        grid.addWidget(self._value(f"{words} — {state.lower()}"), row, 1)
        grid.setColumnStretch(1, 1)
