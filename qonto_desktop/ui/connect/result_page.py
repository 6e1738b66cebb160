"""How a sign-in ended: the company and its accounts, or what went wrong, and what next.

After a success, "Connect another client" is the button in focus, with the tally of this
session: an accountant connects clients one after another. A company already connected says
so ("already connected: access renewed"), never just "Connected". A refusal says it plainly,
with Qonto's codes folded under "Details"; Retry starts the sign-in again at once.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from qonto_desktop.connections.errors import AccessDeniedError, OAuthError
from qonto_desktop.connections.model import Connection
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.ui.connect.disclosure import Disclosure
from qonto_desktop.ui.connect.registration_form import button
from qonto_desktop.ui.connect.waiting_page import heading
from qonto_desktop.ui.formatting import money
from qonto_desktop.ui.panes.error_view import ErrorView, message_label, qonto_detail
from qonto_desktop.ui.plain import safe_text


class ResultPage(QWidget):
    """How the attempt ended: the company and its accounts, or the error, Retry and Details."""

    retry_requested = Signal()
    back_requested = Signal()
    another_requested = Signal()
    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("result_page")
        self.heading = heading(self, "result_heading")
        self.renewed = message_label(self, "renewed", role="plain")
        self.summary = message_label(self, "result_summary", role="plain")
        self.accounts = QWidget(self)
        self.accounts.setObjectName("accounts")
        self._grid = QGridLayout(self.accounts)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(18)
        self.tally = message_label(self, "tally", role="plain")
        self.error = ErrorView(self)
        self.codes = message_label(self, "codes", role="hint")
        self.codes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = Disclosure(
            "details",
            self.tr("Details"),
            self.tr("Shows what Qonto answered, its codes."),
            self.codes,
            self,
        )
        self.back = button(
            self,
            "back",
            self.tr("Back to the form"),
            self.tr("Returns to the form, with everything kept, to change a choice."),
        )
        self.retry = button(
            self,
            "retry",
            self.tr("Retry"),
            self.tr("Starts the sign-in again, with the same choices."),
        )
        self.another = button(
            self,
            "another",
            self.tr("Connect another client"),
            self.tr("Starts the next sign-in at once, with the same choices."),
        )
        self.close_button = button(self, "close", self.tr("Close"), self.tr("Closes this window."))
        self.back.clicked.connect(self.back_requested)
        self.retry.clicked.connect(self.retry_requested)
        self.another.clicked.connect(self.another_requested)
        self.close_button.clicked.connect(self.close_requested)
        self._layout()
        self._show(success=True)

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for pushed in (self.back, self.retry, self.another, self.close_button):
            buttons.addWidget(pushed)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        for widget in (self.heading, self.renewed, self.summary, self.accounts, self.error):
            layout.addWidget(widget)
        layout.addWidget(self.details, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.codes)
        layout.addStretch(1)
        layout.addWidget(self.tally)
        layout.addLayout(buttons)

    def controls(self) -> list[QWidget]:
        """The interactive controls, in tab order."""
        return [self.details, self.back, self.retry, self.another, self.close_button]

    def _show(self, *, success: bool) -> None:
        self.summary.setVisible(success)
        self.accounts.setVisible(success)
        self.another.setVisible(success)
        self.error.setVisible(not success)
        self.retry.setVisible(not success)
        self.back.setVisible(not success)
        self.details.setChecked(False)
        self.details.setVisible(not success)
        self.renewed.setVisible(False)

    def set_tally(self, count: int) -> None:
        """How many clients this dialog connected (or renewed) so far; 0 shows nothing."""
        self.tally.setText(
            self.tr("1 client connected this session")
            if count == 1
            else self.tr("{count} clients connected this session").format(count=count)
        )
        self.tally.setVisible(count > 0)

    def show_success(self, connection: Connection, language: str, *, renewed: bool = False) -> None:
        """Show the company connected and its accounts, and offer the next one."""
        self._show(success=True)
        name = safe_text(connection.display_name)
        self.heading.setText(
            self.tr("{organization} was already connected: access renewed").format(
                organization=name
            )
            if renewed
            else self.tr("Connected to {organization}").format(organization=name)
        )
        self.renewed.setText(
            self.tr("The same connection goes on, with its history; nothing was duplicated.")
        )
        self.renewed.setVisible(renewed)
        self.summary.setText(self._signed_in(connection))
        self._clear_accounts()
        headers = (self.tr("Bank account"), self.tr("IBAN"), self.tr("Balance"))
        rows = [
            (
                self._account_name(account.name, main=account.main)
                + (" " + self.tr("(at another bank)") if account.external else ""),
                safe_text(account.masked_iban),
                self.tr("not shown")
                if account.balance_cents is None
                else money(account.balance_cents, account.currency, language),
            )
            for account in connection.accounts
        ]
        for row, cells in enumerate([headers, *rows] if rows else []):
            for column, text in enumerate(cells):
                cell = message_label(self.accounts, "account_cell", role="plain")
                cell.setWordWrap(False)
                cell.setText(text)
                if row == 0:
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
                if column == 2:
                    cell.setAlignment(Qt.AlignmentFlag.AlignRight)
                self._grid.addWidget(cell, row, column)
        self._grid.setColumnStretch(3, 1)

    def _account_name(self, name: str, *, main: bool) -> str:
        """The account's name, marked as the main one unless its name says so already."""
        shown = safe_text(name)
        marker = self.tr("(main)")
        if main and marker.strip("()").casefold() not in shown.casefold():
            shown += " " + marker
        return shown

    def _signed_in(self, connection: Connection) -> str:
        roles = {
            "owner": self.tr("owner"),
            "admin": self.tr("admin"),
            "manager": self.tr("manager"),
            "reporting": self.tr("reporting"),
            "employee": self.tr("employee"),
            "accountant": self.tr("accountant"),
        }
        summary = self.tr("Signed in as {user} ({role}).").format(
            user=safe_text(connection.user_name or connection.user_email) or self.tr("unknown"),
            role=safe_text(roles.get(connection.role, connection.role)) or self.tr("role unknown"),
        )
        if not connection.accounts:
            summary += " " + self.tr("No bank account could be read with these permissions.")
        return summary

    def _clear_accounts(self) -> None:
        while (item := self._grid.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()

    def show_companies(self, connections: Sequence[Connection]) -> None:
        """Show the companies a user-access sign-in added, and offer the next sign-in."""
        self._show(success=True)
        count = len(connections)
        self.heading.setText(
            self.tr("1 company connected")
            if count == 1
            else self.tr("{count} companies connected").format(count=count)
        )
        names = ", ".join(safe_text(c.display_name, limit=80) for c in connections)
        self.summary.setText(self.tr("Added, sharing one sign-in: {names}.").format(names=names))
        self._clear_accounts()
        self.accounts.hide()

    def show_failure(self, error: QontoDesktopError) -> None:
        """Show what went wrong and what to do, with Retry; Qonto's codes under Details."""
        self._show(success=False)
        self.error.show_error(error)
        self.error.heading.hide()
        self.error.detail.hide()  # Qonto's own words go under Details, with its code
        if isinstance(error, AccessDeniedError):
            self.heading.setText(self.tr("You refused access; nothing was connected"))
            self.error.message.setText(
                self.tr("Qonto was told no: the app got no access to this client's account.")
            )
            self.error.next_action.setText(
                self.tr("To connect it after all, choose Retry and approve in Qonto.")
            )
        else:
            self.heading.setText(self.tr("The connection did not succeed"))
        self.error.setAccessibleDescription(self.error.text())
        self.codes.setText(self._codes(error))
        self.details.setVisible(bool(self.codes.text()))

    def _codes(self, error: QontoDesktopError) -> str:
        """What Qonto answered, as it said it: its error code and its own words."""
        lines = []
        if isinstance(error, OAuthError) and error.oauth_error:
            lines.append(self.tr("Qonto's code: {code}").format(code=safe_text(error.oauth_error)))
        detail = qonto_detail(error)
        if detail:
            lines.append(self.tr("Qonto said: “{detail}”").format(detail=detail))
        if isinstance(error, OAuthError) and error.status:
            lines.append(self.tr("HTTP status: {status}").format(status=error.status))
        return "\n".join(lines)

    def text(self) -> str:
        """Everything the page says, as plain text (for tests and screen readers)."""
        labels = [self.heading, *self.findChildren(QLabel)]
        return "\n".join(
            dict.fromkeys(lb.text() for lb in labels if lb.isVisibleTo(self) and lb.text())
        )
