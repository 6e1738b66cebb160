"""Text from outside shown in the window as text: never as HTML, never with control characters.

A name Qonto sent (an organization, an account, the user) or a word the user typed is made one
safe line by :func:`~qonto_desktop.i18n.display.safe_text`, the app's one function for it.
Qt would render it as HTML wherever it "looks like" HTML (:func:`Qt.mightBeRichText`): labels
that show it are set to plain text, and a tooltip, which has no such setting, is escaped and
marked as rich text so that its escapes read back as the characters they stand for.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from qonto_desktop.i18n.display import safe_text

__all__ = ["plain_label", "safe_text", "tooltip"]


def plain_label(label: QLabel) -> QLabel:
    """``label`` set to show its text as plain text (a ``<b>`` in a name stays ``<b>``)."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def tooltip(text: str, *, limit: int = 400) -> str:
    """``text`` as a tooltip that shows it literally: one safe line, escaped, in a paragraph."""
    return f"<p>{html.escape(safe_text(text, limit=limit), quote=False)}</p>"
