"""What the window shows before any account is connected: one clear call to action."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from qonto_desktop.ui.icons import app_icon, icon

COLUMN_WIDTH = 520


class EmptyState(QWidget):
    """A short explanation and the "Connect a Qonto account" button.

    Signals:
        connect_requested(): the button was pressed.
    """

    connect_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        logo = QLabel(self)
        logo.setPixmap(app_icon().pixmap(QSize(72, 72), self.devicePixelRatioF()))
        logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        logo.setAccessibleName(self.tr("Qonto Desktop logo"))
        title = QLabel(self.tr("No Qonto account is connected yet"), self)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setWordWrap(True)
        text = QLabel(
            self.tr(
                "Connect the Qonto organizations you keep the books for. You sign in to Qonto "
                "in your browser; the tokens are kept in your computer's keyring, and your "
                "scripts can then get a fresh access token at any time."
            ),
            self,
        )
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setWordWrap(True)
        self.button = QPushButton(icon("add"), self.tr("Connect a Qonto account"), self)
        self.button.setAccessibleName(self.tr("Connect a Qonto account"))
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
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addLayout(row)
        layout.addStretch(3)
