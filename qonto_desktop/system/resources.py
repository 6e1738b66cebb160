"""Where the read-only files the app ships (pages, icons, translations) are found."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """Return the ``resources/`` folder, in a source checkout or a frozen executable.

    Returns:
        The folder; PyInstaller unpacks it under ``sys._MEIPASS``.
    """
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    """Return the path of one shipped file, e.g. ``resource_path("pages", "success.en.html")``."""
    return resources_dir().joinpath(*parts)
