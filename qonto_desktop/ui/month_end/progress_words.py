"""One client's export progress in words: "Reading transactions: 120 of 480", "Failed: …"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from qonto_desktop.connections.errors import NeedsReconnectError, NoRefreshTokenError
from qonto_desktop.connections.month_end import ClientProgress
from qonto_desktop.i18n.localize import localize
from qonto_desktop.ui.formatting import fill, number
from qonto_desktop.ui.plain import safe_text

FINISHED = frozenset({"done", "failed", "cancelled"})
translate = QCoreApplication.translate  # lupdate reads translate("Context", "literal") calls


def needs_reconnect(progress: ClientProgress) -> bool:
    """The client failed because only a new sign-in helps (Retry would fail the same way)."""
    return isinstance(progress.error, NeedsReconnectError | NoRefreshTokenError)


def stage_words(progress: ClientProgress, language: str) -> str:
    """What one client's export is doing, or how it ended, in plain words."""
    stage = progress.stage
    if stage == "failed":
        return failure_words(progress, language)
    done = number(progress.done, language)
    if stage in ("syncing", "receipts") and progress.total is not None:
        total = number(progress.total, language)
        if stage == "syncing":
            return fill(translate("ExportProgress", "Reading transactions: %1 of %2"), done, total)
        return fill(translate("ExportProgress", "Downloading receipts: %1 of %2"), done, total)
    if stage == "syncing":
        return fill(translate("ExportProgress", "Reading transactions: %1 so far"), done)
    words = {
        "waiting": translate("ExportProgress", "Waiting"),
        "statements": translate("ExportProgress", "Downloading statements"),
        "receipts": translate("ExportProgress", "Downloading receipts"),
        "writing": translate("ExportProgress", "Writing files"),
        "done": translate("ExportProgress", "Done"),
        "cancelled": translate("ExportProgress", "Stopped — resumes next time"),
    }
    return words[stage]


def failure_words(progress: ClientProgress, language: str) -> str:
    """Why a client failed and what to do, or that it is to reconnect."""
    message, next_action = localize(progress.error, language) if progress.error else ("", "")
    message = safe_text(message, limit=300)
    next_action = safe_text(next_action, limit=300)
    if needs_reconnect(progress):
        return (
            fill(translate("ExportProgress", "To reconnect — %1"), next_action)
            if next_action
            else translate("ExportProgress", "To reconnect")
        )
    if not message:
        return translate("ExportProgress", "Failed")
    if not next_action:
        return fill(translate("ExportProgress", "Failed: %1"), message)
    return fill(translate("ExportProgress", "Failed: %1 — %2"), message, next_action)
