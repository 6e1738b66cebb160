"""The main window, shown and loaded, for the window's tests (pytest-qt, offscreen)."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from qonto_desktop.connections.desk import Desk
from qonto_desktop.ui.main_window import LOADING, MainWindow
from qonto_desktop.ui.workers import Workers


def open_window(qtbot: QtBot, desk: Desk, workers: Workers, **options: Any) -> MainWindow:
    """A shown window whose list is loaded and whose keyring has been described."""
    window = MainWindow(desk, workers=workers, **options)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(
        lambda: (
            window.pane_ready
            and window.pages.currentIndex() != LOADING
            and window.backend is not None
        )
    )
    return window
