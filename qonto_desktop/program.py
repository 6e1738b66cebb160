"""How the user starts the app from a terminal, for the commands that messages suggest."""

from __future__ import annotations

import sys
from pathlib import Path

# The hidden option that starts the app as the self-test's Qt probe (qonto_desktop/ui/qt_probe.py).
QT_PROBE_FLAG = "--qt-probe"


def program_name() -> str:
    """``QontoDesktop`` (``QontoDesktop.exe``) in the executable; ``main.py`` from source."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).name
    return "main.py"
