"""What the window shows before any account is connected: one clear call to action."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from qonto_desktop.ui.icons import app_icon, icon

COLUMN_WIDTH = 520


class EmptyState(QWidget):
    """A short explanation and the "Connect a client" button.

    In demo mode it may also offer the demo firm (:meth:`offer_firm`): 40 client companies
    already connected, so that the list can be seen full.

    Signals:
        connect_requested(): the button was pressed.
        firm_requested(): the user chose the demo firm.
    """

    connect_requested = Signal()
    firm_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        logo = QLabel(self)
        logo.setPixmap(app_icon().pixmap(QSize(72, 72), self.devicePixelRatioF()))
        logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        logo.setAccessibleName(self.tr("Qonto Desktop logo"))
        title = QLabel(self.tr("No client is connected yet"), self)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setWordWrap(True)
        text = QLabel(
            self.tr(
                "Connect the Qonto companies you keep the books for: you sign in to Qonto in "
                "your browser, and the app keeps each client's access alive in your computer's "
                "own safe storage."
            ),
            self,
        )
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setWordWrap(True)
        self.button = QPushButton(icon("add"), self.tr("Connect a client"), self)
        self.button.setAccessibleName(self.tr("Connect a client"))
        self.button.setAccessibleDescription(
            self.tr("Opens the connection window, then Qonto's sign-in page in your browser.")
        )
        self.button.setDefault(True)
        self.button.setMinimumHeight(40)
        self.button.setIconSize(QSize(18, 18))
        button_font = QFont(self.button.font())
        button_font.setPointSizeF(button_font.pointSizeF() * 1.15)
        button_font.setBold(True)
        self.button.setFont(button_font)
        self.button.clicked.connect(self.connect_requested)
        self.firm_button = QPushButton(
            icon("folder"), self.tr("Open the demo firm (40 clients)"), self
        )
        self.firm_button.setAccessibleName(self.tr("Open the demo firm"))
        self.firm_button.setAccessibleDescription(
            self.tr(
                "Instead of connecting one company yourself: an accountant's 40 client companies, "
                "already connected, a few of them needing attention."
            )
        )
        self.firm_button.hide()
        self.firm_button.clicked.connect(self._firm_chosen)
        column = QWidget(self)  # a fixed reading width, so the wrapped text gets its full height
        column.setFixedWidth(COLUMN_WIDTH)
        inner = QVBoxLayout(column)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(14)
        inner.addWidget(logo)
        inner.addWidget(title)
        inner.addWidget(text)
        inner.addSpacing(6)
        inner.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        inner.addWidget(self.firm_button, 0, Qt.AlignmentFlag.AlignHCenter)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addLayout(row)
        layout.addStretch(3)

    def offer_firm(self) -> None:
        """Show the demo firm as a second choice (demo mode)."""
        self.firm_button.show()

    def firm_opening(self, opening: bool) -> None:
        """Say that the demo firm is being opened (or give the choice back after a failure)."""
        self.firm_button.setEnabled(not opening)
        self.button.setEnabled(not opening)
        self.firm_button.setText(
            self.tr("Connecting the demo firm's 40 companies…")
            if opening
            else self.tr("Open the demo firm (40 clients)")
        )

    def _firm_chosen(self) -> None:
        self.firm_opening(True)
        self.firm_requested.emit()
