"""The window's size and place, remembered in the app's config folder (never in QSettings).

QSettings would write to the OS's own places (the registry, ~/.config); everything the app
writes stays under its folders, so ``QONTO_DESKTOP_HOME`` isolates it completely.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
from pathlib import Path

from PySide6.QtCore import QByteArray

from qonto_desktop.system.files import write_atomically

log = logging.getLogger(__name__)

GEOMETRY_FILE = "window.json"


def geometry_file(config_dir: Path) -> Path:
    """Where the geometry is kept."""
    return config_dir / GEOMETRY_FILE


def load_geometry(path: Path) -> QByteArray | None:
    """The saved geometry, or None when there is none or it cannot be read."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return QByteArray(base64.b64decode(data["window_geometry"], validate=True))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError, binascii.Error):
        log.info("ignoring an unreadable window geometry in %s", path)
        return None


def save_geometry(path: Path, geometry: QByteArray) -> None:
    """Remember the geometry; a failure only costs the size next time, so it is logged."""
    text = json.dumps({"window_geometry": base64.b64encode(geometry.data()).decode("ascii")})
    try:
        write_atomically(path, text.encode("utf-8"))
    except OSError as exc:
        log.warning("could not save the window geometry: %s", exc.strerror or exc)
