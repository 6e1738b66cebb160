"""An access token on the clipboard, for a limited time only.

After the delay the clipboard is cleared, but only if it still holds the token: whatever the
user copied since is theirs and stays. The token is marked as a secret for clipboard managers
that honour a hint (KDE's Klipper, Windows clipboard history).
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QObject, QTimer, Signal
from PySide6.QtGui import QClipboard, QGuiApplication

CLEAR_AFTER_MS = 60_000

# Hints that keep the token out of clipboard histories and cloud sync where honoured.
_SECRET_HINTS = {
    "x-kde-passwordManagerHint": b"secret",
    'application/x-qt-windows-mime;value="ExcludeClipboardContentFromMonitorProcessing"': b"1",
    'application/x-qt-windows-mime;value="CanIncludeInClipboardHistory"': b"\x00\x00\x00\x00",
    'application/x-qt-windows-mime;value="CanUploadToCloudClipboard"': b"\x00\x00\x00\x00",
}


class TokenClipboard(QObject):
    """Puts one token on the clipboard and takes it off again after ``clear_after_ms``.

    Signals:
        expired(bool): the countdown ended; True if the token was still there and was cleared.
    """

    expired = Signal(bool)

    def __init__(self, clear_after_ms: int = CLEAR_AFTER_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._token: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(clear_after_ms)
        self._timer.timeout.connect(lambda: self.expired.emit(self.clear_now()))

    @property
    def clear_after_ms(self) -> int:
        """How long the token stays on the clipboard."""
        return self._timer.interval()

    @property
    def holds_token(self) -> bool:
        """True while the clipboard still holds the token this object put there."""
        return self._token is not None and _clipboard().text() == self._token

    def put(self, token: str) -> None:
        """Put ``token`` on the clipboard and start the countdown (again)."""
        data = QMimeData()
        data.setText(token)
        for mime_type, value in _SECRET_HINTS.items():
            data.setData(mime_type, value)
        _clipboard().setMimeData(data)
        self._token = token
        self._timer.start()

    def clear_now(self) -> bool:
        """Clear the clipboard if it still holds the token; forget the token either way.

        Returns:
            True if the clipboard was cleared.
        """
        self._timer.stop()
        still_there = self.holds_token
        self._token = None
        if still_there:
            _clipboard().clear()
        return still_there


def _clipboard() -> QClipboard:
    return QGuiApplication.clipboard()
