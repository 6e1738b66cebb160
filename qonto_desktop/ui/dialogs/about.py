"""About: the version, the licence, where the app keeps its files and its secrets."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from qonto_desktop import APP_NAME, __version__
from qonto_desktop.system.paths import AppPaths
from qonto_desktop.ui.icons import app_icon

LICENCE = "MIT"


class AboutDialog(QDialog):
    """A small window with the facts; open it with ``open()``."""

    def __init__(
        self, paths: AppPaths, backend: str | None, *, demo: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About %1").replace("%1", APP_NAME))
        logo = QLabel(self)
        logo.setPixmap(app_icon().pixmap(QSize(56, 56), self.devicePixelRatioF()))
        logo.setAccessibleName(self.tr("Qonto Desktop logo"))
        title = QLabel(APP_NAME, self)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        self.version = QLabel(self.tr("Version %1").replace("%1", __version__), self)
        licence = QLabel(self.tr("Licence: %1").replace("%1", LICENCE), self)
        heading = QVBoxLayout()
        heading.setSpacing(2)
        heading.addWidget(title)
        heading.addWidget(self.version)
        heading.addWidget(licence)
        top = QHBoxLayout()
        top.setSpacing(14)
        top.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(heading, 1)
        self.backend = self._value(backend or self.tr("Looking up the keyring…"))
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        form.setVerticalSpacing(8)
        form.addRow(self.tr("Settings:"), self._value(str(paths.config_dir)))
        form.addRow(self.tr("Connections list:"), self._value(str(paths.data_dir)))
        form.addRow(self.tr("Logs:"), self._value(str(paths.log_dir)))
        form.addRow(self.tr("Secrets:"), self.backend)
        note_text = self.tr(
            "Tokens and client secrets are kept only in the keyring; the folders hold no secret."
        )
        if demo:
            note_text += "\n" + self.tr(
                "Demo mode: these are the demo folders, apart from real data."
            )
        note = QLabel(note_text, self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        for button in buttons.buttons():  # Qt's standard text would stay English in French
            button.setText(self.tr("Close"))
            button.setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(14)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def set_backend(self, words: str) -> None:
        """Name the keyring, once the worker has found out."""
        self.backend.setText(words)

    def text(self) -> str:
        """Everything the dialog says (for tests)."""
        return "\n".join(label.text() for label in self.findChildren(QLabel) if label.text())

    def _value(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label
