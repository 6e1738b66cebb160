"""The time an export has left, from the clients finished so far, once that means something."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from qonto_desktop.ui.formatting import fill, number

MEANINGFUL_AFTER_S = 5.0  # before this, one fast client would promise far too little
MEANINGFUL_SHARE = 0.1  # nor before a tenth of the clients (or one of them) is finished


def seconds_left(finished: int, total: int, elapsed: float) -> float | None:
    """Seconds left at the pace so far, or None while the pace says nothing yet."""
    if finished <= 0 or finished >= total or elapsed < MEANINGFUL_AFTER_S:
        return None
    if finished < max(1, total * MEANINGFUL_SHARE):
        return None
    return elapsed / finished * (total - finished)


def left_words(seconds: float, language: str) -> str:
    """``About 4 min left``, ``Less than a minute left``, ``About 1 h 20 min left``."""
    translate = QCoreApplication.translate
    minutes = round(seconds / 60)
    if minutes < 1:
        return translate("ExportProgress", "Less than a minute left")
    if minutes < 60:
        return fill(translate("ExportProgress", "About %1 min left"), number(minutes, language))
    hours, rest = divmod(minutes, 60)
    return fill(
        translate("ExportProgress", "About %1 h %2 min left"),
        number(hours, language),
        number(rest, language),
    )
