"""The log level the user asked for in the environment, as written (no ``logging`` needed).

:func:`qonto_desktop.system.logs.setup_logging` reads it; ``token``'s quick path, which sets up
no log, leaves a run with a level asked for to the full path, so that it logs what it logs.
"""

from __future__ import annotations

import os

LEVEL_VARIABLE = "QONTO_DESKTOP_LOG_LEVEL"


def asked_level() -> str:
    """``QONTO_DESKTOP_LOG_LEVEL``'s value, stripped ("" when not set)."""
    return os.environ.get(LEVEL_VARIABLE, "").strip()
