"""The app's icons: hand-written SVG files under ``resources/icons``, crisp at any scale."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from qonto_desktop.system.resources import resource_path


@cache
def icon(name: str) -> QIcon:
    """The icon ``resources/icons/<name>.svg`` (an empty icon if the file is missing)."""
    return QIcon(str(resource_path("icons", f"{name}.svg")))


def app_icon() -> QIcon:
    """The application's icon (window title bar, task bar, About)."""
    return icon("app")
