"""The permissions asked for, in a sentence or two: the preset's name and what it allows.

The full picker stays one click away (the form's "Change"); this is what an accountant reads.
"""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from qonto_desktop.qonto import scopes
from qonto_desktop.qonto.user_access import USER_ORGANIZATIONS_SCOPE
from qonto_desktop.ui.connect.scope_picker import OFFLINE_ACCESS, ScopePicker
from qonto_desktop.ui.panes.error_view import message_label

# Permissions every sign-in asks for, not worth naming in a summary.
PLUMBING = frozenset({"openid", OFFLINE_ACCESS, USER_ORGANIZATIONS_SCOPE})


class PermissionSummary(QWidget):
    """What the app will be allowed to do, following ``picker``."""

    def __init__(self, picker: ScopePicker, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("permission_summary")
        self._picker = picker
        self._language = language
        self.title = message_label(self, "permission_title", role="plain")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.description = message_label(self, "permission_description", role="plain")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.description)
        picker.changed.connect(self.update_summary)
        self.update_summary()

    def update_summary(self) -> None:
        """Say again what the picker's choice allows, and when it would not last."""
        selected = self._picker.selected()
        key = self._picker.preset_key()
        if key is not None:
            chosen = scopes.preset(key)
            title, description = chosen.label(self._language), chosen.description(self._language)
        else:
            names = [
                scopes.label(name, self._language) for name in selected if name not in PLUMBING
            ]
            title = self.tr("Your own choice of permissions")
            description = (
                ", ".join(names) + "." if names else self.tr("Only signing in: nothing is read.")
            )
        if OFFLINE_ACCESS not in selected:  # said here too: the picker may be folded away
            description += " " + self.tr("Without offline access, it stops after one hour.")
        self.title.setText(title)
        self.description.setText(description)

    def text(self) -> str:
        """The summary as plain text."""
        return f"{self.title.text()}\n{self.description.text()}"
