"""Where exports go when the user does not say: the folder used last, else Documents.

The last folder is remembered in the settings (``export_folder``), as the window's Export
dialog remembers it: an accountant exports every month into the same place.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from qonto_desktop.system.paths import AppPaths
from qonto_desktop.system.settings import load_settings, save_settings

EXPORT_FOLDER = "export_folder"
DEFAULT_FOLDER = ("Documents", "Qonto exports")


def export_folder(settings: Mapping[str, Any], home: Path | None = None) -> Path:
    """The folder remembered, else ``~/Documents/Qonto exports``."""
    remembered = settings.get(EXPORT_FOLDER)
    if isinstance(remembered, str) and remembered.strip():
        return Path(remembered)
    return (home or Path.home()).joinpath(*DEFAULT_FOLDER)


def remember_export_folder(paths: AppPaths, folder: Path) -> None:
    """Remember ``folder`` for the next export, keeping every other setting.

    Raises:
        SettingsFileError: the settings file exists but cannot be read.
    """
    settings = load_settings(paths)
    settings[EXPORT_FOLDER] = str(folder)
    save_settings(settings, paths)
