"""Settings: the language of the window (System, English, Français), saved on a worker, and
whether the window keeps connections alive in the background (on by default; saved with it).

The choice is written to ``settings.json`` (key ``language``) and applies the next time the app
starts: a restart retranslates every window, menu and message cleanly, which a live switch of
half-built dialogs would not.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from qonto_desktop.connections.preferences import (
    SYSTEM_LANGUAGE,
    keep_alive_on,
    save_keep_alive,
    save_language,
)
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.system.paths import AppPaths
from qonto_desktop.ui.panes.message_bar import MessageBar
from qonto_desktop.ui.workers import Workers

SYSTEM = SYSTEM_LANGUAGE

__all__ = ["SYSTEM", "SettingsDialog", "save_keep_alive", "save_language"]


class SettingsDialog(QDialog):
    """The settings the window offers; open it with ``open()``.

    Signals:
        saved(Mapping): the settings as written, once the worker has saved them.
    """

    saved = Signal(object)

    def __init__(
        self,
        paths: AppPaths,
        workers: Workers,
        settings: Mapping[str, Any],
        parent: QWidget | None = None,
        *,
        schedule: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._paths = paths
        self._workers = workers
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox(self)
        self.language.addItem(self.tr("System"), SYSTEM)
        self.language.addItem("English", "en")  # each language in its own words
        self.language.addItem("Français", "fr")
        current = self.language.findData(settings.get("language", SYSTEM))
        self.language.setCurrentIndex(max(0, current))
        self.language.setAccessibleName(self.tr("Language"))
        self.language.setAccessibleDescription(
            self.tr("The language of the window; System follows the computer's language.")
        )
        note = QLabel(self.tr("The new language applies the next time Qonto Desktop starts."), self)
        note.setWordWrap(True)
        self.keep_alive = QCheckBox(self.tr("&Keep connections alive while the app is open"), self)
        self.keep_alive.setChecked(keep_alive_on(settings))
        keep_alive_words = self.tr(
            "Shortly after start, then every few hours, renews each connection whose "
            "access would end within 60 days, so that it does not lapse."
        )
        self.keep_alive.setAccessibleDescription(keep_alive_words)
        self.keep_alive.setToolTip(keep_alive_words)
        self.message = MessageBar(closable=False, parent=self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        # The app's own words: Qt's standard texts would stay English without Qt's catalogue.
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        for button in self.buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Language:"), self.language)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(12)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.keep_alive)
        if schedule is not None:  # its own section, which installs on its own buttons
            schedule.setParent(self)
            layout.addWidget(schedule, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def _save(self) -> None:
        self.buttons.setEnabled(False)
        language = str(self.language.currentData())
        keep_alive = self.keep_alive.isChecked()
        paths = self._paths

        def save() -> dict[str, Any]:
            save_language(paths, language)
            return save_keep_alive(paths, keep_alive)

        self._workers.run(save, self._saved, self._failed)

    def _saved(self, settings: object) -> None:
        self.saved.emit(settings)
        self.accept()

    def _failed(self, error: QontoDesktopError) -> None:
        self.buttons.setEnabled(True)
        self.message.show_error(error)
