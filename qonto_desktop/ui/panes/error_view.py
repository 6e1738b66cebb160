"""How the window shows an error: what happened and what to do next, never a traceback.

Every panel that reports a :class:`QontoDesktopError` uses :class:`ErrorView`, so errors read the
same everywhere. Text Qonto sent (``detail`` of an OAuth error) is shown labelled as Qonto's,
never as the app's own words; a storage error's ``detail`` (the keyring's own, often cryptic,
text) is for the log only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from qonto_desktop.connections.errors import OAuthError
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.i18n.localize import localize
from qonto_desktop.ui.language import current_language
from qonto_desktop.ui.plain import safe_text

MESSAGE_LIMIT = 1000
"""The most characters of a message or an action shown (values are capped at 200 already)."""


def qonto_detail(error: QontoDesktopError) -> str | None:
    """The text Qonto itself sent with an OAuth error, if any (shown labelled, never bare)."""
    if isinstance(error, OAuthError) and error.detail:
        return safe_text(error.detail.strip()) or None
    return None


def message_label(parent: QWidget, name: str, *, role: str = "message") -> QLabel:
    """A word-wrapped plain-text label: a validation ``message``, a ``hint`` or ``plain`` text.

    Messages are words, not just a colour: the text itself says what is wrong.
    """
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setProperty("role", role)
    return label


class ErrorView(QWidget):
    """A message, the next action, and what Qonto said, as selectable word-wrapped text.

    Args:
        compact: one smaller block without a heading, for inline messages under an input.
    """

    def __init__(self, parent: QWidget | None = None, *, compact: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("error_view")
        self._compact = compact
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4 if compact else 10)
        self.heading = self._label("error_heading")
        self.heading.setText(self.tr("Something went wrong"))
        font = self.heading.font()
        font.setBold(True)
        if not compact:
            font.setPointSizeF(font.pointSizeF() * 1.25)
        self.heading.setFont(font)
        self.heading.setVisible(not compact)
        self.message = self._label("error_message")
        self.next_action = self._label("error_next_action")
        self.detail = self._label("error_detail")
        for label in (self.heading, self.message, self.next_action, self.detail):
            layout.addWidget(label)
        self.clear()

    def _label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)  # server text must never render as HTML
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def set_heading(self, text: str) -> None:
        """Replace the heading ("Something went wrong" by default)."""
        self.heading.setText(text)

    def show_error(self, error: QontoDesktopError) -> None:
        """Show ``error``'s message, its next action and Qonto's own words, if any."""
        message, next_action = localize(error, current_language())
        # A message's values are made safe when it is rendered; an error built from finished
        # words (a path, a system's reason) is made safe here.
        message = safe_text(message, limit=MESSAGE_LIMIT)
        next_action = safe_text(next_action, limit=MESSAGE_LIMIT)
        self.message.setText(message)
        self.next_action.setText(self.tr("What to do: {action}").format(action=next_action))
        self.next_action.setVisible(bool(next_action))
        detail = qonto_detail(error)
        self.detail.setText(self.tr("Qonto said: “{detail}”").format(detail=detail or ""))
        self.detail.setVisible(detail is not None)
        self.message.setVisible(True)
        self.setAccessibleName(self.tr("Error"))
        self.setAccessibleDescription(self.text())
        self.setVisible(True)

    def clear(self) -> None:
        """Forget the error shown; a compact view hides itself."""
        for label in (self.message, self.next_action, self.detail):
            label.clear()
            label.setVisible(False)
        self.setAccessibleDescription("")
        if self._compact:
            self.setVisible(False)

    def text(self) -> str:
        """Everything shown, as one plain string (for tests and screen readers)."""
        labels = (self.message, self.next_action, self.detail)
        return "\n".join(label.text() for label in labels if not label.isHidden() and label.text())
