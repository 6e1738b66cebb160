"""What an accountant reads first about a connection: the company's number, and how long the
access lasts, in the window's language.

"Access valid until" names the day the connection lapses unless it is renewed: the refresh
token's expiry (Qonto's 90 days), not the access token's hour, which renews itself.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QDateTime

from qonto_desktop.connections.model import Connection
from qonto_desktop.ui.formatting import date_time, ui_locale
from qonto_desktop.ui.plain import safe_text

LONG_DATE_PATTERN = "d MMMM yyyy"
_SPACES = re.compile(r"[\s.]+")


def long_date(timestamp: float, language: str) -> str:
    """A local date with the month in words: ``7 March 2027``, ``7 mars 2027``."""
    moment = QDateTime.fromSecsSinceEpoch(int(timestamp))
    return ui_locale(language).toString(moment, LONG_DATE_PATTERN)


def registration_words(legal_number: str) -> str:
    """``SIREN 123 456 789`` for a French number (a SIRET's first nine digits are its SIREN);
    any other number as Qonto gave it, after its name; empty when there is none."""
    number = safe_text(legal_number, limit=40)
    digits = _SPACES.sub("", number)
    if digits.isdigit() and len(digits) in {9, 14}:
        siren = digits[:9]
        return f"SIREN {siren[:3]} {siren[3:6]} {siren[6:]}"
    if not number:
        return ""
    return QCoreApplication.translate("CompanyWords", "Registration number %1").replace(
        "%1", number
    )


def access_words(connection: Connection, now: float, language: str) -> str:
    """Until when the access lasts, or that it has ended and what to do."""
    translate = QCoreApplication.translate
    if connection.state == "needs_reconnect":
        return translate("CompanyWords", "Access ended: reconnect to use this company again.")
    lapses = connection.refresh_expires_at
    if lapses is None:  # no refresh token: the access token's end is the connection's
        return translate("CompanyWords", "Access valid until %1, and it cannot be renewed").replace(
            "%1", date_time(connection.access_expires_at, language)
        )
    if lapses <= now:
        return translate(
            "CompanyWords", "Access ended on %1: reconnect to use this company again."
        ).replace("%1", long_date(lapses, language))
    return translate("CompanyWords", "Access valid until %1").replace(
        "%1", long_date(lapses, language)
    )
