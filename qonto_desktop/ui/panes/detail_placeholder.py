"""What stands where the detail pane goes until it is built: the selected company's name.

The window shows its list first and builds the detail pane just after (see
:class:`~qonto_desktop.ui.panes.connection_pane.ConnectionPane`). Meanwhile this takes the
pane's place and size, with the selected company's name where the pane's header shows it, in
the same font: no "Loading…" words for a few tens of milliseconds, and nothing that moves when
the pane arrives.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from qonto_desktop.connections.model import Connection
from qonto_desktop.ui.panes.status import display_name
from qonto_desktop.ui.plain import plain_label

MARGIN = 12  # the detail pane's own margins (ConnectionView._detail_page)
NAME_SCALE = 1.6  # the detail pane's name font, against the window's


class DetailPlaceholder(QWidget):
    """The detail pane's place: the name of the selected company, or nothing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = plain_label(QLabel(self))
        font = QFont(self.name.font())
        font.setPointSizeF(font.pointSizeF() * NAME_SCALE)
        font.setBold(True)
        self.name.setFont(font)
        self.name.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.addWidget(self.name)
        layout.addStretch(1)

    def show_connection(self, connection: Connection | None) -> None:
        """Name ``connection`` (None: nothing selected)."""
        words = display_name(connection) if connection is not None else ""
        self.name.setText(words)
        self.name.setAccessibleName(words)
