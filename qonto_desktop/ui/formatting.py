"""Numbers, amounts, dates and durations written the way the UI language writes them.

The core's :mod:`qonto_desktop.qonto.presentation` formats for terminals; the window goes
through :class:`QLocale`, so grouping, decimal marks, month names and currency placement come
from Qt's locale data (CLDR) for ``en_GB`` or ``fr_FR``.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

from qonto_desktop.qonto.presentation import CURRENCY_SYMBOLS

# The UI language (a settings value) -> the locale whose conventions it follows.
LOCALE_NAMES = {"en": "en_GB", "fr": "fr_FR"}
DATE_TIME_PATTERN = "d MMM yyyy, HH:mm"
MINUTE = 60.0
HOUR = 3600.0
DAY = 86400.0
_MARKER = re.compile(r"%([1-9])")
_LAST_DIGIT = re.compile(r"\d(?!.*\d)", re.S)


def fill(template: str, *values: str) -> str:
    """A translated template with ``values`` put in for %1, %2…, in one pass.

    One pass, so a value that itself holds "%2" (an organization's name, an error) stays as
    it is.
    """
    return _MARKER.sub(lambda found: values[int(found[1]) - 1], template)


def ui_locale(language: str) -> QLocale:
    """The locale for a UI language (``"en"``, ``"fr"``); British English for any other."""
    return QLocale(LOCALE_NAMES.get(language, LOCALE_NAMES["en"]))


def money(cents: int, currency: str, language: str) -> str:
    """An amount in cents: ``€1,234.56`` in English, ``1 234,56 €`` in French.

    A negative amount takes a minus sign, not the accounting parentheses Qt would use. The
    amount never goes through ``float``: Qt places the symbol and groups the whole units, and
    the cents are written after the last digit with the locale's decimal mark.
    """
    locale = ui_locale(language)
    symbol = CURRENCY_SYMBOLS.get(currency, currency)
    units, hundredths = divmod(abs(cents), 100)
    whole = locale.toCurrencyString(units, symbol)
    last_digit = _LAST_DIGIT.search(whole)
    end = last_digit.end() if last_digit is not None else len(whole)  # Qt writes digits
    text = f"{whole[:end]}{locale.decimalPoint()}{hundredths:02d}{whole[end:]}"
    return f"{locale.negativeSign()}{text}" if cents < 0 else text


def number(value: int, language: str) -> str:
    """A whole number with the language's digit grouping."""
    return ui_locale(language).toString(value)


def date_time(timestamp: float | None, language: str) -> str:
    """A local date and time (``28 Nov 2026, 17:09`` / ``28 nov. 2026, 17:09``), or "Never"."""
    if timestamp is None:
        return QCoreApplication.translate("Formatting", "Never")
    moment = QDateTime.fromSecsSinceEpoch(int(timestamp))
    return ui_locale(language).toString(moment, DATE_TIME_PATTERN)


def time_left(seconds: float, language: str) -> str:
    """How long until something expires: ``in 42 min``, ``in 3 h``, ``in 12 days``, ``expired``."""
    if seconds <= 0:
        return QCoreApplication.translate("Formatting", "expired")
    if seconds < HOUR:
        minutes = number(max(1, int(seconds // MINUTE)), language)
        return QCoreApplication.translate("Formatting", "in %1 min").replace("%1", minutes)
    if seconds < 2 * DAY:
        hours = number(int(seconds // HOUR), language)
        return QCoreApplication.translate("Formatting", "in %1 h").replace("%1", hours)
    return QCoreApplication.translate("Formatting", "in %1 days").replace(
        "%1", number(int(seconds // DAY), language)
    )


def days_left(days: int, language: str) -> str:
    """``1 day left`` / ``12 days left`` (singular and plural are separate sources to translate)."""
    if days == 1:
        return QCoreApplication.translate("Formatting", "1 day left")
    return QCoreApplication.translate("Formatting", "%1 days left").replace(
        "%1", number(days, language)
    )
