"""The pieces every fact in the detail pane is made of: a heading, a muted name, a value.

Every value is plain text the user can select and copy; text from Qonto is made one safe line.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from qonto_desktop.ui.plain import plain_label, safe_text

VALUE_LIMIT = 400
"""The most characters of one value; a name from Qonto is already capped shorter."""


def heading(text: str, parent: QWidget) -> QLabel:
    """A section's title, a little larger and bold."""
    label = plain_label(QLabel(text, parent))
    font = QFont(label.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    label.setFont(font)
    label.setAccessibleName(text)
    return label


def fact_grid() -> QGridLayout:
    """The grid a section lays its facts out in."""
    grid = QGridLayout()
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setHorizontalSpacing(16)
    grid.setVerticalSpacing(6)
    return grid


def value(
    text: str, parent: QWidget, *, muted: bool = False, right: bool = False, wrap: bool = True
) -> QLabel:
    """One value, selectable; ``muted`` for secondary text, ``right`` for amounts."""
    label = plain_label(QLabel(safe_text(text, limit=VALUE_LIMIT), parent))
    label.setWordWrap(wrap and not right)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if muted:  # secondary text: the same colour, a little lighter (still 4.5:1 or more)
        palette = label.palette()
        colour = palette.color(QPalette.ColorRole.WindowText)
        colour.setAlpha(185)
        palette.setColor(QPalette.ColorRole.WindowText, colour)
        label.setPalette(palette)
    if right:
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return label


def add_row(grid: QGridLayout, parent: QWidget, name: str, text: str) -> QLabel:
    """A named fact on its own row; returns the value's label."""
    row = grid.rowCount()
    key = value(name, parent, muted=True, wrap=False)
    key.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    grid.addWidget(key, row, 0)
    shown = value(text, parent)
    grid.addWidget(shown, row, 1)
    grid.setColumnStretch(1, 1)
    return shown
