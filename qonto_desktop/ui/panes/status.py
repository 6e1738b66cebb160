"""A connection's status and environment in words, with an icon whose shape differs per status.

Colour is never the only signal: every status has its words and its own icon shape (a tick in a
circle, a triangle, an octagon, a dashed circle with a question mark).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QCoreApplication

from qonto_desktop.connections.model import Connection
from qonto_desktop.ui.formatting import DAY, number
from qonto_desktop.ui.plain import safe_text

Tone = Literal["ok", "warning", "error", "unknown"]

# Each tone's icon in resources/icons (status-<tone>.svg has its own shape).
TONE_ICONS: dict[Tone, str] = {
    "ok": "status-ok",
    "warning": "status-warning",
    "error": "status-error",
    "unknown": "status-unverified",
}


@dataclass(frozen=True)
class Status:
    """What the list and the detail pane say about a connection's health."""

    words: str
    tone: Tone

    @property
    def icon(self) -> str:
        """The icon's name under ``resources/icons``."""
        return TONE_ICONS[self.tone]


def status_of(connection: Connection, now: float, language: str = "en") -> Status:
    """The status to show: needs reconnecting, unverified, access running out, or OK.

    The access is the connection's, as long as Qonto takes its refresh token (90 days): the
    words say "access", the technical facts under Advanced say which token.
    """
    translate = QCoreApplication.translate
    if connection.state == "needs_reconnect":
        return Status(translate("ConnectionStatus", "Needs reconnecting"), "error")
    if connection.refresh_expires_at is not None and connection.refresh_expires_at <= now:
        return Status(translate("ConnectionStatus", "Access expired"), "error")
    if connection.state == "unverified":
        return Status(translate("ConnectionStatus", "Unverified"), "unknown")
    if connection.refresh_expiring_soon(now) and connection.refresh_expires_at is not None:
        days = math.floor((connection.refresh_expires_at - now) / DAY)
        if days == 0:
            words = translate("ConnectionStatus", "Access ends today")
        elif days == 1:
            words = translate("ConnectionStatus", "Access ends in 1 day")
        else:
            words = translate("ConnectionStatus", "Access ends in %1 days").replace(
                "%1", number(days, language)
            )
        return Status(words, "warning")
    return Status(translate("ConnectionStatus", "OK"), "ok")


def environment_label(name: str) -> str:
    """The badge text of an environment: Production, Sandbox, Demo (the emulator) or Custom."""
    translate = QCoreApplication.translate
    labels = {
        "production": translate("ConnectionStatus", "Production"),
        "sandbox": translate("ConnectionStatus", "Sandbox"),
        "emulator": translate("ConnectionStatus", "Demo"),
        "custom": translate("ConnectionStatus", "Custom"),
    }
    return labels.get(name, name)


def display_name(connection: Connection) -> str:
    """The company's name, or a translated placeholder for an unverified connection.

    One display-safe line (a name comes from Qonto): every view that names a connection (list
    row, detail pane, messages, dialogs and their titles) takes it from here.
    """
    if connection.organization_name:
        return safe_text(connection.organization_name)
    return QCoreApplication.translate("ConnectionStatus", "Unverified connection %1").replace(
        "%1", safe_text(connection.id)
    )
