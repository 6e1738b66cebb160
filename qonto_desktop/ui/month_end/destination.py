"""Where exports go: the folder last chosen, remembered in the settings file, and checked.

The window reads the settings once, at start; the folder chosen for an export is written back
(on a worker, keeping every other setting) when that export starts.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from qonto_desktop.system.paths import AppPaths
from qonto_desktop.system.settings import load_settings, save_settings

EXPORT_FOLDER = "export_folder"  # the settings file's key: the last destination, as a path

Unusable = Literal["missing", "not_a_folder", "not_writable"]


def remembered_folder(settings: Mapping[str, Any]) -> Path | None:
    """The folder of the last export, if one was remembered."""
    value = settings.get(EXPORT_FOLDER)
    return Path(value) if isinstance(value, str) and value else None


def save_folder(paths: AppPaths, folder: Path) -> None:
    """Remember ``folder`` for the next export, keeping every other setting.

    Raises:
        SettingsFileError: the settings file exists but cannot be read.
    """
    settings = load_settings(paths)
    settings[EXPORT_FOLDER] = str(folder)
    save_settings(settings, paths)


def unusable(folder: Path) -> Unusable | None:
    """Why files cannot be written in ``folder``, or None when they can.

    Writing is tried (a small file made and removed at once): permissions alone do not tell,
    for an administrator, a read-only disk or a network share.
    """
    if not folder.exists():
        return "missing"
    if not folder.is_dir():
        return "not_a_folder"
    probe = folder / f".qonto-desktop-probe-{os.getpid()}"
    try:
        os.close(os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except OSError:
        return "not_writable"
    with contextlib.suppress(OSError):
        probe.unlink()
    return None
