"""The pages after Connect: waiting for the browser, then the result (success or failure).

While waiting, the user sees the time left, the address (to copy or open again), a Cancel
button, and a box for the address the browser ended on, for when the browser cannot reach this
computer's loopback. The result page shows the organization and its accounts, or the error with
what to do next.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from qonto_desktop.connections.model import Connection
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.ui.connect.registration_form import button, line_edit
from qonto_desktop.ui.formatting import money
from qonto_desktop.ui.panes.error_view import ErrorView, message_label
from qonto_desktop.ui.plain import safe_text


def heading(parent: QWidget, name: str) -> QLabel:
    """A large bold word-wrapped label that titles a page."""
    label = message_label(parent, name, role="heading")
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.25)
    label.setFont(font)
    return label


def clock(seconds: float) -> str:
    """``m:ss`` for a number of seconds (rounded up, never negative)."""
    whole = max(0, int(-(-seconds // 1)))
    return f"{whole // 60}:{whole % 60:02d}"


class WaitingPage(QWidget):
    """Waiting for Qonto to send the browser back."""

    open_again_requested = Signal()
    cancel_requested = Signal()
    address_offered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("waiting_page")
        self._deadline = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self.heading = heading(self, "waiting_heading")
        self.instructions = message_label(self, "waiting_instructions", role="plain")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("time_left_bar")
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Time left"))
        self.time_left = message_label(self, "time_left", role="plain")
        self.url = line_edit(
            self,
            "authorization_url",
            self.tr("Sign-in address"),
            self.tr("The Qonto address the browser was asked to open."),
        )
        self.url.setReadOnly(True)
        self.copy_url = button(
            self, "copy_url", self.tr("Copy"), self.tr("Puts the sign-in address on the clipboard.")
        )
        self.copy_url.setAccessibleName(self.tr("Copy the sign-in address"))
        self.open_again = button(
            self, "open_again", self.tr("Open again"), self.tr("Opens the sign-in address again.")
        )
        self.pasted = line_edit(
            self,
            "pasted_address",
            self.tr("Address your browser ended on"),
            self.tr("Paste the full address from the browser's address bar after approving."),
        )
        self.use_address = button(
            self,
            "use_address",
            self.tr("Use this address"),
            self.tr("Finishes the connection with the pasted address."),
        )
        self.paste_error = ErrorView(self, compact=True)
        self.paste_error.setObjectName("paste_error")
        self.cancel = button(
            self, "cancel", self.tr("Cancel"), self.tr("Stops waiting and returns to the form.")
        )
        self._layout()
        self.copy_url.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.url.text()))
        self.open_again.clicked.connect(self.open_again_requested)
        self.cancel.clicked.connect(self.cancel_requested)
        self.use_address.clicked.connect(self._offer)
        self.pasted.returnPressed.connect(self._offer)

    def _layout(self) -> None:
        url_row = QHBoxLayout()
        url_row.addWidget(self.url, 1)
        url_row.addWidget(self.copy_url)
        url_row.addWidget(self.open_again)
        paste_row = QHBoxLayout()
        paste_row.addWidget(self.pasted, 1)
        paste_row.addWidget(self.use_address)
        paste_label = QLabel(self.tr("Paste the address your browser ended on"), self)
        paste_label.setBuddy(self.pasted)
        paste_hint = message_label(self, "paste_hint", role="hint")
        paste_hint.setText(
            self.tr(
                "Only if the browser could not come back to this app (another computer, "
                "a remote desktop): after approving, copy the address from its address bar."
            )
        )
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        for widget in (self.heading, self.instructions, self.progress, self.time_left):
            layout.addWidget(widget)
        layout.addSpacing(8)
        layout.addWidget(QLabel(self.tr("Sign-in address"), self))
        layout.addLayout(url_row)
        layout.addSpacing(8)
        layout.addWidget(paste_label)
        layout.addWidget(paste_hint)
        layout.addLayout(paste_row)
        layout.addWidget(self.paste_error)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        layout.addLayout(buttons)

    def controls(self) -> list[QWidget]:
        """The interactive controls, in tab order."""
        return [
            self.url,
            self.copy_url,
            self.open_again,
            self.pasted,
            self.use_address,
            self.cancel,
        ]

    def starting(self) -> None:
        """Before the receiver listens: checks and saving the registration."""
        self._timer.stop()
        self.heading.setText(self.tr("Getting ready…"))
        self.instructions.setText(
            self.tr("Checking the settings and the keyring before opening the browser.")
        )
        self.progress.setRange(0, 0)
        self.time_left.clear()
        self.url.clear()
        self.pasted.clear()
        self.paste_error.clear()
        for widget in (self.url, self.copy_url, self.open_again, self.pasted, self.use_address):
            widget.setEnabled(False)

    def start(self, url: str, redirect_uri: str, deadline: float) -> None:
        """Listening: show ``url`` and count down to ``deadline`` (a ``time.monotonic()``)."""
        self._deadline = deadline
        self.pasted.setPlaceholderText(f"{redirect_uri}?code=…&state=…")
        self.heading.setText(self.tr("Waiting for you to approve in Qonto"))
        self.instructions.setText(
            self.tr(
                "Your browser was asked to open Qonto. Sign in, choose the organization and "
                "approve; this window goes on by itself. If no browser opened, copy the address "
                "below into one."
            )
        )
        self.url.setText(url)
        self.url.setCursorPosition(0)
        for widget in (self.url, self.copy_url, self.open_again, self.pasted, self.use_address):
            widget.setEnabled(True)
        self.progress.setRange(0, max(1, round(deadline - time.monotonic())))
        self._tick()
        self._timer.start()

    def stop(self) -> None:
        """Stop counting down."""
        self._timer.stop()

    def show_paste_error(self, error: QontoDesktopError) -> None:
        """Explain, under the box, why the pasted address was not used."""
        self.paste_error.show_error(error)

    def _offer(self) -> None:
        self.paste_error.clear()
        if self.pasted.text().strip():
            self.address_offered.emit(self.pasted.text())

    def _tick(self) -> None:
        left = max(0.0, self._deadline - time.monotonic())
        self.progress.setValue(min(self.progress.maximum(), round(left)))
        text = self.tr("Time left: {time}").format(time=clock(left))
        self.time_left.setText(text)
        self.progress.setAccessibleDescription(text)
        if left <= 0:
            self._timer.stop()


class ResultPage(QWidget):
    """How the attempt ended: the organization and its accounts, or the error and Retry."""

    retry_requested = Signal()
    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("result_page")
        self.heading = heading(self, "result_heading")
        self.summary = message_label(self, "result_summary", role="plain")
        self.accounts = QWidget(self)
        self.accounts.setObjectName("accounts")
        self._grid = QGridLayout(self.accounts)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(18)
        self.error = ErrorView(self)
        self.retry = button(
            self, "retry", self.tr("Retry"), self.tr("Returns to the form, with everything kept.")
        )
        self.close_button = button(self, "close", self.tr("Close"), self.tr("Closes this window."))
        self.retry.clicked.connect(self.retry_requested)
        self.close_button.clicked.connect(self.close_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.retry)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        for widget in (self.heading, self.summary, self.accounts, self.error):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addLayout(buttons)

    def controls(self) -> list[QWidget]:
        """The interactive controls, in tab order."""
        return [self.retry, self.close_button]

    def show_success(self, connection: Connection, language: str) -> None:
        """Show the organization connected and its accounts, and offer to close."""
        self.heading.setText(
            self.tr("Connected to {organization}").format(
                organization=safe_text(connection.display_name)
            )
        )
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
        self.summary.setText(summary)
        while (item := self._grid.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        headers = (self.tr("Bank account"), self.tr("IBAN"), self.tr("Balance"))
        rows = [
            (
                safe_text(account.name)
                + (" " + self.tr("(main)") if account.main else "")
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
        self.summary.show()
        self.accounts.show()
        self.error.hide()
        self.retry.hide()

    def show_companies(self, connections: Sequence[Connection]) -> None:
        """Show the companies a user-access sign-in added, and offer to close."""
        count = len(connections)
        self.heading.setText(
            self.tr("1 company connected")
            if count == 1
            else self.tr("{count} companies connected").format(count=count)
        )
        names = ", ".join(safe_text(c.display_name, limit=80) for c in connections)
        self.summary.setText(self.tr("Added, sharing one sign-in: {names}.").format(names=names))
        while (item := self._grid.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        self.summary.show()
        self.accounts.hide()
        self.error.hide()
        self.retry.hide()

    def show_failure(self, error: QontoDesktopError) -> None:
        """Show what went wrong and what to do, with Retry."""
        self.heading.setText(self.tr("The connection did not succeed"))
        self.error.show_error(error)
        self.error.heading.hide()
        self.summary.hide()
        self.accounts.hide()
        self.retry.show()

    def text(self) -> str:
        """Everything the page says, as plain text (for tests and screen readers)."""
        labels = [self.heading, *self.findChildren(QLabel)]
        return "\n".join(
            dict.fromkeys(lb.text() for lb in labels if lb.isVisibleTo(self) and lb.text())
        )
