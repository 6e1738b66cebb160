"""A disclosure: a button that shows or hides a part of the page, collapsed to begin with.

The button is a check box in disguise: checked means open. Its arrow and its accessible
description say which, so nothing depends on seeing the arrow. Whatever the part holds is out
of the tab order while it is hidden (Qt skips hidden widgets).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSizePolicy, QToolButton, QWidget


class Disclosure(QToolButton):
    """Shows ``part`` when checked; ``toggled(bool)`` as any checkable button.

    Signals:
        opened_by_user(bool): the user clicked or pressed it (not :meth:`open_part`).
    """

    opened_by_user = Signal(bool)

    def __init__(
        self, name: str, text: str, description: str, part: QWidget, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setText(text)
        self.setCheckable(True)
        self.setAutoRaise(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(text.replace("&", ""))
        self._description = description
        self.part = part
        self.toggled.connect(self._show)
        self.clicked.connect(self.opened_by_user)
        self._show(False)

    @property
    def is_open(self) -> bool:
        """True while the part is shown."""
        return self.isChecked()

    def open_part(self) -> None:
        """Show the part (something in it needs the user)."""
        self.setChecked(True)

    def _show(self, shown: bool) -> None:
        self.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.part.setVisible(shown)
        state = self.tr("Open.") if shown else self.tr("Closed.")
        self.setAccessibleDescription(f"{self._description} {state}")
        self.setToolTip(self._description)
