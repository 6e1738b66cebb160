"""The menu's own actions: Settings, Open log folder, About, and the dialogs they open."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QWidget

from qonto_desktop.connections.desk import Desk
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.system.files import make_private_folder
from qonto_desktop.ui.icons import app_icon, icon
from qonto_desktop.ui.panes.message_bar import MessageBar
from qonto_desktop.ui.shortcuts import set_standard_shortcut
from qonto_desktop.ui.workers import Workers

if TYPE_CHECKING:  # each dialog loads when it is first opened
    from qonto_desktop.ui.dialogs.about import AboutDialog
    from qonto_desktop.ui.dialogs.settings import SettingsDialog


def open_folder(path: Path) -> bool:
    """Show a folder in the desktop's file manager (the one seam tests replace)."""
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))


class MenuActions(QObject):
    """Settings, Open log folder and About, for the window's menu.

    Signals:
        settings_saved(Mapping): the settings file was written (the language changed).
    """

    settings_saved = Signal(object)

    def __init__(
        self, window: QWidget, desk: Desk, workers: Workers, notice: MessageBar, *, demo: bool
    ) -> None:
        super().__init__(window)
        self.desk = desk
        self._window = window
        self._workers = workers
        self._notice = notice
        self._demo = demo
        self._backend: str | None = None
        self.settings_dialog: SettingsDialog | None = None
        self.about_dialog: AboutDialog | None = None
        self.settings = QAction(self.tr("&Settings…"), window)
        set_standard_shortcut(self.settings, QKeySequence.StandardKey.Preferences)
        self.settings.triggered.connect(self.open_settings)
        self.log_folder = QAction(self.tr("Open &log folder"), window)
        self.log_folder.triggered.connect(self.open_log_folder)
        self.about = QAction(self.tr("&About Qonto Desktop"), window)
        self.about.triggered.connect(self.open_about)

    def set_icons(self) -> None:
        """Give the actions their icons (after the first frame: the SVG engine loads then)."""
        self.settings.setIcon(icon("settings"))
        self.log_folder.setIcon(icon("folder"))
        self.about.setIcon(app_icon())

    def set_backend(self, words: str) -> None:
        """Name the keyring (found on a worker), for About."""
        self._backend = words
        if self.about_dialog is not None:
            self.about_dialog.set_backend(words)

    def open_settings(self) -> SettingsDialog:
        """Open the settings; saving happens on a worker."""
        from qonto_desktop.ui.dialogs.settings import SettingsDialog  # noqa: PLC0415 - on use

        schedule = None
        if not self._demo:  # the demo's connections live in a folder gone when it ends
            from qonto_desktop.ui.dialogs.schedule_section import ScheduleSection  # noqa: PLC0415

            schedule = ScheduleSection(self.desk, self._workers)
        dialog = SettingsDialog(
            self.desk.paths, self._workers, self.desk.settings, self._window, schedule=schedule
        )
        dialog.saved.connect(self._settings_saved)
        dialog.finished.connect(dialog.deleteLater)
        self.settings_dialog = dialog
        dialog.open()
        return dialog

    def _settings_saved(self, saved: Mapping[str, Any]) -> None:
        if saved.get("language", "") != self.desk.settings.get("language", ""):
            words = self.tr(
                "Settings saved. The new language applies the next time Qonto Desktop starts."
            )
        else:
            words = self.tr("Settings saved.")
        self._notice.show_message("info", words)
        self.settings_saved.emit(saved)

    def open_log_folder(self) -> None:
        """Show the log folder (created first, so there is something to open)."""
        folder = self.desk.paths.log_dir
        try:
            make_private_folder(folder)
        except OSError as exc:
            self._notice.show_error(
                QontoDesktopError(
                    self.tr("The log folder %1 cannot be created (%2).")
                    .replace("%1", str(folder))
                    .replace("%2", exc.strerror or str(exc)),
                    next_action=self.tr("Check the permissions of its parent folder."),
                )
            )
            return
        if not open_folder(folder):
            self._notice.show_message(
                "info", self.tr("The log folder is %1").replace("%1", str(folder))
            )

    def open_about(self) -> AboutDialog:
        """Show the version, the licence and where things are kept."""
        from qonto_desktop.ui.dialogs.about import AboutDialog  # noqa: PLC0415 - on use

        dialog = AboutDialog(self.desk.paths, self._backend, demo=self._demo, parent=self._window)
        dialog.finished.connect(self._about_closed)
        self.about_dialog = dialog
        dialog.open()
        return dialog

    def _about_closed(self) -> None:
        dialog, self.about_dialog = self.about_dialog, None
        if dialog is not None:
            dialog.deleteLater()
