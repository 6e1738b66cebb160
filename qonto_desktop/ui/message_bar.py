"""A non-modal message strip: an icon, words, and (optionally) a button to dismiss it.

Used for the demo banner, the damaged-list banner and the outcome of each action. Errors go
through the app's one :class:`ErrorView` (message, next action), never a traceback. The kind is
told by the icon's shape and by the words, not only by the colour.
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.ui.error_view import ErrorView
from qonto_desktop.ui.icons import icon

Kind = Literal["info", "success", "warning", "error"]

_ICONS: dict[Kind, str] = {
    "info": "status-info",
    "success": "status-ok",
    "warning": "status-warning",
    "error": "status-error",
}
# Background, border: light tints that keep dark text readable (contrast above 7:1).
_COLOURS: dict[Kind, tuple[str, str]] = {
    "info": ("#e8f0fb", "#9bb8e3"),
    "success": ("#e6f4ea", "#8cc79f"),
    "warning": ("#fff4e0", "#e0b46a"),
    "error": ("#fce8e6", "#e39a94"),
}


class MessageBar(QFrame):
    """One message at a time; hidden while there is none."""

    def __init__(self, *, closable: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.kind: Kind = "info"
        self._icon = QLabel(self)
        self._icon.setFixedSize(QSize(20, 20))
        self._icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._text = QLabel(self)
        self._text.setWordWrap(True)
        self._text.setTextFormat(Qt.TextFormat.PlainText)
        self._text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 8, 8, 8)
        layout.setSpacing(8)
        layout.addWidget(self._icon, 0, Qt.AlignmentFlag.AlignTop)
        self.error_view = ErrorView(self, compact=True)
        text_column = QVBoxLayout()
        text_column.setContentsMargins(0, 0, 0, 0)
        text_column.addWidget(self._text)
        text_column.addWidget(self.error_view)
        layout.addLayout(text_column, 1)
        self.close_button: QToolButton | None = None
        if closable:
            button = QToolButton(self)
            button.setIcon(icon("close"))
            button.setAutoRaise(True)
            button.setToolTip(self.tr("Dismiss this message"))
            button.setAccessibleName(self.tr("Dismiss message"))
            button.setAccessibleDescription(self.tr("Hides this message."))
            button.clicked.connect(self.clear)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            self.close_button = button
        self.setAccessibleName(self.tr("Message"))
        self.hide()

    @property
    def text(self) -> str:
        """The words shown (empty while hidden)."""
        if self.isHidden():
            return ""
        return self.error_view.text() if self.kind == "error" else self._text.text()

    def show_message(self, kind: Kind, text: str) -> None:
        """Show ``text`` as a message of ``kind``."""
        self._set_kind(kind)
        self.error_view.clear()
        self._text.setText(text)
        self._text.show()
        self.setAccessibleDescription(f"{self._kind_word(kind)}: {text}")
        self.show()

    def show_error(self, error: QontoDesktopError) -> None:
        """Show an error's message and next action (through the app's one error view)."""
        self._set_kind("error")
        self._text.clear()
        self._text.hide()
        self.error_view.show_error(error)
        self.setAccessibleDescription(f"{self._kind_word('error')}: {self.error_view.text()}")
        self.show()

    def _set_kind(self, kind: Kind) -> None:
        self.kind = kind
        background, border = _COLOURS[kind]
        self.setStyleSheet(
            f"QFrame#messageBar {{ background: {background}; border: 1px solid {border};"
            " border-radius: 6px; }"
            " QFrame#messageBar QLabel { color: #1f1f1f; background: transparent; }"
        )
        self._icon.setPixmap(icon(_ICONS[kind]).pixmap(QSize(18, 18), self.devicePixelRatioF()))
        self._icon.setAccessibleName(self._kind_word(kind))

    def clear(self) -> None:
        """Hide the message."""
        self._text.clear()
        self.error_view.clear()
        self.hide()

    def _kind_word(self, kind: Kind) -> str:
        words = {
            "info": self.tr("Information"),
            "success": self.tr("Done"),
            "warning": self.tr("Warning"),
            "error": self.tr("Error"),
        }
        return words[kind]
