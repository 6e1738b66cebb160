"""Where the read-only files the app ships (pages, icons, translations) are found."""

from __future__ import annotations

import sys
from pathlib import Path

# The top-level resources/ folder of a source checkout, beside the package.
CHECKOUT_RESOURCES = Path(__file__).resolve().parents[2] / "resources"
# Where ``pip install .`` puts them: inside the package, as ``qonto_desktop.resources``.
INSTALLED_RESOURCES = Path(__file__).resolve().parents[1] / "resources"


def resources_dir() -> Path:
    """Return the shipped files' folder: frozen, installed as package data, or in a checkout.

    Returns:
        ``resources/`` under ``sys._MEIPASS`` in the executable (PyInstaller unpacks it there),
        ``qonto_desktop/resources`` once installed (``pip install .``), else the checkout's.
    """
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        return Path(frozen_root) / "resources"
    installed = installed_resources()
    return installed if installed is not None else CHECKOUT_RESOURCES


def installed_resources() -> Path | None:
    """Return the folder installed as ``qonto_desktop.resources``, or None in a checkout.

    A plain path, not ``importlib.resources``: Qt and the page templates need files on disk
    (a package imported from a zip has none), and the window's first frame skips its import.
    """
    return INSTALLED_RESOURCES if INSTALLED_RESOURCES.is_dir() else None


def resource_path(*parts: str) -> Path:
    """Return the path of one shipped file, e.g. ``resource_path("pages", "success.en.html")``."""
    return resources_dir().joinpath(*parts)
