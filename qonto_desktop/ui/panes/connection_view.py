"""The right pane: the selected connection, what can be done with it, and how that went."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal, SignalInstance
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from qonto_desktop.connections.model import Connection
from qonto_desktop.ui.icons import icon
from qonto_desktop.ui.panes.advanced import AdvancedSection
from qonto_desktop.ui.panes.company_words import access_words, registration_words
from qonto_desktop.ui.panes.message_bar import MessageBar
from qonto_desktop.ui.panes.sections import ConnectionSections
from qonto_desktop.ui.panes.status import display_name, environment_label, status_of
from qonto_desktop.ui.plain import plain_label, safe_text


class ConnectionView(QWidget):
    """One connection in detail, with its actions.

    Signals (each carries the connection's id):
        test_requested, renew_requested, copy_requested, reconnect_requested,
        disconnect_requested, export_requested (shown once :meth:`offer_export` is called).
    """

    test_requested = Signal(str)
    renew_requested = Signal(str)
    copy_requested = Signal(str)
    reconnect_requested = Signal(str)
    disconnect_requested = Signal(str)
    export_requested = Signal(str)

    def __init__(
        self, *, now: Callable[[], float], language: str = "en", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._now = now
        self._language = language
        self._backend: str | None = None
        self._busy = False
        self.connection: Connection | None = None
        self._make_header()
        self._make_buttons()
        self.message = MessageBar(parent=self)
        self.details = QScrollArea(self)
        self.details.setWidgetResizable(True)
        self.details.setFrameShape(QScrollArea.Shape.NoFrame)
        self.details.setAccessibleName(self.tr("Connection details"))
        self.details.setAccessibleDescription(
            self.tr("Who signed in, bank accounts and balances, permissions; then Advanced.")
        )
        self._body = QWidget()
        self._sections: QWidget = QWidget(self._body)
        body = self._body_layout = QVBoxLayout(self._body)
        body.setContentsMargins(0, 0, 0, 8)
        body.setSpacing(12)
        body.addWidget(self._sections)
        body.addWidget(self.advanced)
        body.addStretch(1)
        self.details.setWidget(self._body)
        self._pages = QStackedWidget(self)
        self._pages.addWidget(self._placeholder())
        self._pages.addWidget(self._detail_page())
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._pages)
        self.show_connection(None)

    @property
    def buttons(self) -> tuple[QPushButton, ...]:
        """The action buttons, in tab order; the last, "Copy access token", is under Advanced."""
        return (
            self.test_button,
            self.renew_button,
            self.reconnect_button,
            self.disconnect_button,
            self.copy_button,
        )

    def show_connection(self, connection: Connection | None) -> None:
        """Show ``connection`` (None: nothing selected). A new connection clears the message."""
        if connection is None or self.connection is None or connection.id != self.connection.id:
            self.message.clear()
        self.connection = connection
        if connection is None:
            self._pages.setCurrentIndex(0)
            return
        self._pages.setCurrentIndex(1)
        now = self._now()
        status = status_of(connection, now, self._language)
        self.name.setText(display_name(connection))
        self.name.setAccessibleName(display_name(connection))
        legal_name = safe_text(connection.legal_name)
        self.legal_name.setText(legal_name)
        self.legal_name.setVisible(bool(legal_name))
        self.legal_name.setAccessibleName(self.tr("Legal name: %1").replace("%1", legal_name))
        registration = registration_words(connection.legal_number)
        self.registration.setText(registration)
        self.registration.setVisible(bool(registration))
        self.access.setText(access_words(connection, now, self._language))
        self.environment.setText(safe_text(environment_label(connection.environment)))
        self.environment.setAccessibleName(
            self.tr("Environment: %1").replace("%1", self.environment.text())
        )
        self.status_icon.setPixmap(
            icon(status.icon).pixmap(QSize(16, 16), self.devicePixelRatioF())
        )
        self.status_icon.setAccessibleName(status.words)
        self.status_words.setText(status.words)
        self.status_words.setAccessibleName(self.tr("Status: %1").replace("%1", status.words))
        position = self.details.verticalScrollBar().value()
        sections = ConnectionSections(connection, language=self._language, parent=self._body)
        self._body_layout.replaceWidget(self._sections, sections)
        self._sections.setParent(None)  # out of findChildren at once, deleted later
        self._sections.deleteLater()
        self._sections = sections
        self.advanced.show_facts(
            connection, now=now, language=self._language, backend=self._backend
        )
        self.details.verticalScrollBar().setValue(position)
        self.reconnect_button.setDefault(connection.state == "needs_reconnect")
        self._enable()

    def set_backend(self, words: str) -> None:
        """Name the keyring that holds the secrets (looked up on a worker)."""
        self._backend = words
        self.show_connection(self.connection)

    def offer_export(self) -> None:
        """Show "Export…" beside the actions (the window has the month-end work)."""
        self.export_button.show()

    def set_busy(self, busy: bool) -> None:
        """Disable the actions while one runs for the connection shown."""
        self._busy = busy
        self._enable()

    def details_text(self) -> str:
        """Every piece of text the pane shows (for tests and screen-reader checks)."""
        labels = self.findChildren(QLabel)
        return "\n".join(label.text() for label in labels if label.text())

    def _enable(self) -> None:
        for button in self.buttons:
            button.setEnabled(not self._busy and self.connection is not None)

    def _button(self, icon_name: str, text: str, signal: SignalInstance) -> QPushButton:
        button = QPushButton(icon(icon_name), text, self)
        button.setAccessibleName(text)
        button.setAutoDefault(False)
        button.clicked.connect(lambda: self._emit(signal))
        return button

    def _emit(self, signal: SignalInstance) -> None:
        if self.connection is not None:
            signal.emit(self.connection.id)

    def _make_header(self) -> None:
        self.name = plain_label(QLabel(self))
        font = QFont(self.name.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.name.setFont(font)
        self.name.setWordWrap(True)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.legal_name = plain_label(QLabel(self))
        self.legal_name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.environment = plain_label(QLabel(self))
        self.environment.setObjectName("environmentBadge")
        self.environment.setStyleSheet(
            "QLabel#environmentBadge { border: 1px solid palette(mid); border-radius: 4px;"
            " padding: 1px 6px; font-weight: bold; }"
        )
        self.status_icon = QLabel(self)
        self.status_words = plain_label(QLabel(self))
        self.registration = plain_label(QLabel(self))
        self.registration.setObjectName("registration")
        self.registration.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.access = plain_label(QLabel(self))
        self.access.setObjectName("access_until")
        self.access.setWordWrap(True)
        self.access.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        access_font = QFont(self.access.font())
        access_font.setBold(True)
        self.access.setFont(access_font)

    def _make_buttons(self) -> None:
        self.test_button = self._button("test", self.tr("Test connection"), self.test_requested)
        self.test_button.setAccessibleDescription(
            self.tr("Asks Qonto now whether the connection works, and updates the details.")
        )
        self.renew_button = self._button("refresh", self.tr("Renew access"), self.renew_requested)
        self.renew_button.setAccessibleDescription(
            self.tr("Asks Qonto now for 90 more days of access, which keeps the connection alive.")
        )
        self.reconnect_button = self._button(
            "reconnect", self.tr("Reconnect…"), self.reconnect_requested
        )
        self.reconnect_button.setAccessibleName(self.tr("Reconnect"))
        self.reconnect_button.setAccessibleDescription(
            self.tr("Signs in to Qonto again for this company, to renew or change permissions.")
        )
        self.disconnect_button = self._button(
            "disconnect", self.tr("Disconnect…"), self.disconnect_requested
        )
        self.disconnect_button.setAccessibleName(self.tr("Disconnect"))
        self.disconnect_button.setAccessibleDescription(
            self.tr("Removes the app's access to this company at Qonto, after confirmation.")
        )
        self.export_button = self._button("folder", self.tr("Export…"), self.export_requested)
        self.export_button.setAccessibleName(self.tr("Export"))
        self.export_button.setAccessibleDescription(
            self.tr("Saves a period's statements, transactions and receipts as files (Ctrl+E).")
        )
        self.export_button.hide()
        self.advanced = AdvancedSection(self)
        self.advanced.copy_requested.connect(lambda: self._emit(self.copy_requested))
        self.copy_button = self.advanced.copy_button

    def _placeholder(self) -> QWidget:
        page = QLabel(self.tr("Select a connection to see its details."), self)
        page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        page.setWordWrap(True)
        return page

    def _detail_page(self) -> QWidget:
        page = QWidget(self)
        status_line = QHBoxLayout()
        status_line.setSpacing(8)
        status_line.addWidget(self.environment)
        status_line.addSpacing(4)
        status_line.addWidget(self.status_icon)
        status_line.addWidget(self.status_words)
        status_line.addStretch(1)
        status_line.addWidget(self.export_button)  # beside the actions, without crowding them
        actions = QHBoxLayout()
        actions.setSpacing(6)
        for button in self.buttons[:2]:
            actions.addWidget(button)
        actions.addStretch(1)
        for button in self.buttons[2:4]:
            actions.addWidget(button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(10)
        layout.addWidget(self.name)
        layout.addWidget(self.legal_name)
        layout.addWidget(self.registration)
        layout.addLayout(status_line)
        layout.addWidget(self.access)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(self.details, 1)
        previous: QWidget = self.buttons[0]
        for widget in (*self.buttons[1:4], self.details, self.advanced.toggle, self.copy_button):
            self.setTabOrder(previous, widget)
            previous = widget
        return page
