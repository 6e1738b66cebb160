"""The one place the window opens a web browser; tests replace it through one seam.

``QONTO_DESKTOP_BROWSER`` (see ``qonto_desktop.system.browser``) wins; otherwise Qt asks the desktop
to open the address in the user's default browser.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices


def open_url(url: str) -> bool:
    """Open ``url`` in a browser; False when none could be asked to."""
    # On use: it loads subprocess and webbrowser, which the window's first frame does not need.
    from qonto_desktop.system import browser  # noqa: PLC0415

    if os.environ.get(browser.BROWSER_VARIABLE, "").strip():
        return browser.open_url(url)
    return bool(QDesktopServices.openUrl(QUrl(url)))
