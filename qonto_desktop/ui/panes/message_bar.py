"""A non-modal message strip: an icon, words, and (optionally) a button to dismiss it.

Used for the demo banner, the damaged-list banner and the outcome of each action. Errors go
through the app's one :class:`ErrorView` (message, next action), never a traceback. The kind is
told by the icon's shape and by the words, not only by the colour.

A bar builds its contents (and imports ``Qt``'s enums, the error view and its icons) when it
first shows a message: the window's bars cost next to nothing before its first frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.i18n.display import safe_text
from qonto_desktop.ui.icons import icon

MESSAGE_LIMIT = 1000
"""The most characters of a message shown (its values are each capped at 200 already)."""

if TYPE_CHECKING:
    from qonto_desktop.ui.panes.error_view import ErrorView

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
        self.closable = closable
        self.close_button: QToolButton | None = None  # built with the contents, if closable
        self._contents: tuple[QLabel, QLabel, ErrorView] | None = None  # icon, text, error
        self.setAccessibleName(self.tr("Message"))
        self.hide()

    def _built(self) -> tuple[QLabel, QLabel, ErrorView]:
        """The icon, the words and the error view, built on first use."""
        if self._contents is not None:
            return self._contents
        from PySide6.QtCore import Qt  # noqa: PLC0415 - builds Qt's enums: not before needed

        from qonto_desktop.ui.panes.error_view import ErrorView  # noqa: PLC0415

        icon_label = QLabel(self)
        icon_label.setFixedSize(QSize(20, 20))
        icon_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        text = QLabel(self)
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 8, 8, 8)
        layout.setSpacing(8)
        layout.addWidget(icon_label, 0, Qt.AlignmentFlag.AlignTop)
        error_view = ErrorView(self, compact=True)
        text_column = QVBoxLayout()
        text_column.setContentsMargins(0, 0, 0, 0)
        text_column.addWidget(text)
        text_column.addWidget(error_view)
        layout.addLayout(text_column, 1)
        if self.closable:
            button = QToolButton(self)
            button.setIcon(icon("close"))
            button.setAutoRaise(True)
            button.setToolTip(self.tr("Dismiss this message"))
            button.setAccessibleName(self.tr("Dismiss message"))
            button.setAccessibleDescription(self.tr("Hides this message."))
            button.clicked.connect(self.clear)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            self.close_button = button
        self._contents = (icon_label, text, error_view)
        return self._contents

    @property
    def error_view(self) -> ErrorView:
        """The app's error view, showing an error's message and next action."""
        return self._built()[2]

    @property
    def text(self) -> str:
        """The words shown (empty while hidden)."""
        if self.isHidden() or self._contents is None:
            return ""
        _, text, error_view = self._contents
        return error_view.text() if self.kind == "error" else text.text()

    def show_message(self, kind: Kind, text: str) -> None:
        """Show ``text`` as a message of ``kind``."""
        _, label, error_view = self._built()
        self._set_kind(kind)
        error_view.clear()
        text = safe_text(text, limit=MESSAGE_LIMIT)  # a path or a name put in: one safe line
        label.setText(text)
        label.show()
        self.setAccessibleDescription(self._spoken(kind, text))
        self.show()

    def show_error(self, error: QontoDesktopError) -> None:
        """Show an error's message and next action (through the app's one error view)."""
        _, label, error_view = self._built()
        self._set_kind("error")
        label.clear()
        label.hide()
        error_view.show_error(error)
        self.setAccessibleDescription(self._spoken("error", error_view.text()))
        self.show()

    def _spoken(self, kind: Kind, text: str) -> str:
        """What a screen reader says: the kind, then the words ("Avertissement : …" in French)."""
        # %1 first: the kind's word holds no marker, the text (put in last) may.
        return self.tr("%1: %2").replace("%1", self._kind_word(kind)).replace("%2", text)

    def _set_kind(self, kind: Kind) -> None:
        self.kind = kind
        background, border = _COLOURS[kind]
        self.setStyleSheet(
            f"QFrame#messageBar {{ background: {background}; border: 1px solid {border};"
            " border-radius: 6px; }"
            " QFrame#messageBar QLabel { color: #1f1f1f; background: transparent; }"
        )
        icon_label = self._built()[0]
        icon_label.setPixmap(icon(_ICONS[kind]).pixmap(QSize(18, 18), self.devicePixelRatioF()))
        icon_label.setAccessibleName(self._kind_word(kind))

    def clear(self) -> None:
        """Hide the message."""
        if self._contents is not None:
            self._contents[1].clear()
            self._contents[2].clear()
        self.hide()

    def _kind_word(self, kind: Kind) -> str:
        words = {
            "info": self.tr("Information"),
            "success": self.tr("Done"),
            "warning": self.tr("Warning"),
            "error": self.tr("Error"),
        }
        return words[kind]
