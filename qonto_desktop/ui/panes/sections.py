"""The facts about one connection, in sections: who, bank accounts, permissions, tokens.

Built afresh for each connection shown; every value is plain text the user can select and copy.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from qonto_desktop.connections.model import AccountSummary, Connection
from qonto_desktop.i18n.localize import translate
from qonto_desktop.qonto import scopes
from qonto_desktop.ui.formatting import date_time, days_left, money, time_left
from qonto_desktop.ui.icons import icon
from qonto_desktop.ui.plain import plain_label, safe_text

VALUE_LIMIT = 400
"""The most characters of one value; a name from Qonto is already capped shorter."""


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
    """A permission's label in the language, with its technical name for reference."""
    try:
        return f"{scopes.label(name, language)} ({name})"
    except scopes.UnknownScopeError:
        return name


class ConnectionSections(QWidget):
    """The scrollable body of the detail pane for one connection."""

    def __init__(
        self,
        connection: Connection,
        *,
        now: float,
        language: str,
        backend: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._language = language
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 8, 8)
        layout.setSpacing(6)
        self._layout = layout
        self._who(connection)
        self._accounts(connection)
        self._permissions(connection)
        self._tokens(connection, now, backend)
        layout.addStretch(1)

    def _section(self, title: str) -> QGridLayout:
        heading = plain_label(QLabel(title, self))
        font = QFont(heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        heading.setFont(font)
        heading.setAccessibleName(title)
        if self._layout.count() > 0:
            self._layout.addSpacing(12)
        self._layout.addWidget(heading)
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(6)
        self._layout.addLayout(grid)
        return grid

    def _value(
        self, text: str, *, muted: bool = False, right: bool = False, wrap: bool = True
    ) -> QLabel:
        label = plain_label(QLabel(safe_text(text, limit=VALUE_LIMIT), self))
        label.setWordWrap(wrap and not right)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if muted:  # secondary text: the same colour, a little lighter (still 4.5:1 or more)
            palette = label.palette()
            colour = palette.color(QPalette.ColorRole.WindowText)
            colour.setAlpha(185)
            palette.setColor(QPalette.ColorRole.WindowText, colour)
            label.setPalette(palette)
        if right:
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return label

    def _row(self, grid: QGridLayout, name: str, value: str) -> None:
        row = grid.rowCount()
        key = self._value(name, muted=True, wrap=False)
        key.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        grid.addWidget(key, row, 0)
        grid.addWidget(self._value(value), row, 1)
        grid.setColumnStretch(1, 1)

    def _who(self, connection: Connection) -> None:
        grid = self._section(self.tr("Signed in"))
        user = safe_text(connection.user_name) or self.tr("Unknown (not read yet)")
        if connection.role:
            user = f"{user} · {role_words(connection.role)}"
        self._row(grid, self.tr("User"), user)
        if connection.user_email:
            self._row(grid, self.tr("Email"), safe_text(connection.user_email))

    def _accounts(self, connection: Connection) -> None:
        grid = self._section(self.tr("Bank accounts"))
        if not connection.accounts:
            text = self.tr("None seen yet. Test the connection to read them.")
            grid.addWidget(self._value(text, muted=True), 0, 0, 1, 3)
            return
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
            heading = self.tr("At another bank (connected to Qonto, not in the Qonto total)")
            grid.addWidget(self._value(heading, muted=True), row, 0, 1, 3)
            for account in connection.external_accounts:
                self._account(grid, account)
        for note in connection.notes:
            words = self._value(translate(note, self._language), muted=True)
            words.setObjectName("not_read")
            grid.addWidget(words, grid.rowCount(), 0, 1, 3)
        grid.setColumnStretch(0, 1)

    def _account(self, grid: QGridLayout, account: AccountSummary) -> None:
        row = grid.rowCount()
        main = self.tr("main")  # lupdate reads no tr() inside an f-string
        elsewhere = self.tr("at another bank")
        name = safe_text(account.name) + (f" ({main})" if account.main else "")
        name += f" ({elsewhere})" if account.external else ""
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

    def _tokens(self, connection: Connection, now: float, backend: str | None) -> None:
        grid = self._section(self.tr("Tokens and storage"))
        language = self._language
        expires = connection.access_expires_at
        access = f"{date_time(expires, language)} ({time_left(expires - now, language)})"
        self._row(grid, self.tr("Access token expires"), access)
        if connection.refresh_expires_at is None:
            refresh = self.tr(
                "No refresh token: the connection ends when the access token expires."
            )
        else:
            days = int(connection.refresh_days_left(now) or 0)
            until = date_time(connection.refresh_expires_at, language)
            until_words = self.tr("until %1").replace("%1", until)
            refresh = f"{days_left(days, language)} ({until_words})"
        self._row(grid, self.tr("Refresh token"), refresh)
        if connection.grant_id is not None:
            shared = self.tr("One sign-in shared with the other companies it added (user access)")
            self._row(grid, self.tr("Sign-in"), shared)
        self._row(grid, self.tr("Last refreshed"), date_time(connection.refreshed_at, language))
        verified = date_time(connection.verified_at, language)
        if connection.verified_at is not None:  # say what the date rests on
            verified = self.tr("%1 (company and accounts read from Qonto)").replace("%1", verified)
        self._row(grid, self.tr("Last verified"), verified)
        self._row(grid, self.tr("Secrets stored in"), backend or self.tr("Looking up the keyring…"))
