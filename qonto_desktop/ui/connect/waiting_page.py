"""The page after Sign in: waiting for the browser (the result is :mod:`.result_page`).

While waiting, the user sees the time left, the address (to copy or open again), a Cancel
button, and a box for the address the browser ended on, for when the browser cannot reach this
computer's loopback.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.ui.connect.registration_form import button, line_edit
from qonto_desktop.ui.panes.error_view import ErrorView, message_label


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
        self.pasted.setPlaceholderText(
            self.tr("Starts with {address}").format(address=redirect_uri)
        )
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
