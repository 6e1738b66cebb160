"""Hostile names for organizations, accounts and the user, and the checks on what shows them.

A name is data from a server: it may carry terminal escape sequences (retitle the terminal,
clear the screen), CR/LF that fake a status line, bidi overrides, NUL, HTML, or be 100,000
characters long. What the app prints, logs or shows must stay one short safe line per value.
"""

from __future__ import annotations

from dataclasses import replace

from qonto_desktop.emulator import Emulator

LONG = 100_000

ESCAPES = "\x1b]0;pwned\x07Boulangerie\x1b[2J Martin"
"""Retitles an xterm, then clears the screen."""
ESCAPES_SHOWN = "\\x1b]0;pwned\\x07Boulangerie\\x1b[2J Martin"

FAKE_LINE = "Atelier\r\n✓ Token OK \u202eerè\u0000imuL"
"""A carriage return and a newline that fake a status line, a right-to-left override, NUL."""
FAKE_LINE_SHOWN = "Atelier\\r\\n✓ Token OK erè\\x00imuL"

HTML = "<img src=x onerror=alert(1)><b>Big</b>"
HUGE = HTML + "Ж" * LONG
"""HTML a rich-text widget would render, then 100,000 characters."""

ACCOUNT = "Compte\x1b[31m rouge\nTotal: 1 000 000 €"
ACCOUNT_SHOWN = "Compte\\x1b[31m rouge\\nTotal: 1 000 000 €"

FIRST_NAME = "\x1b[2J"
LAST_NAME = "Camille\n✓ Token OK"
USER_SHOWN = "\\x1b[2J Camille\\n✓ Token OK"

LINE_BOUND = 1_000
"""The most characters any printed, logged or shown line may hold."""


def make_hostile(emulator: Emulator) -> None:
    """Give the emulator's three organizations, an account and the user hostile names.

    Call it before the emulator starts: it serves what these attributes hold then.
    """
    first, second, third = emulator.organizations[:3]
    accounts = first.bank_accounts
    hostile_accounts = (replace(accounts[0], name=ACCOUNT), replace(accounts[1], name=HUGE))
    emulator.organizations = (
        replace(first, name=ESCAPES, bank_accounts=hostile_accounts),
        replace(second, name=FAKE_LINE),
        replace(third, name=HUGE),
        *emulator.organizations[3:],
    )
    emulator.user = replace(emulator.user, first_name=FIRST_NAME, last_name=LAST_NAME)


def unsafe_characters(text: str) -> list[str]:
    """Every character of ``text`` that is neither printable nor a line's own newline."""
    return [char for char in text if not char.isprintable() and char != "\n"]


def long_lines(text: str, bound: int = LINE_BOUND) -> list[int]:
    """The lengths of the lines of ``text`` longer than ``bound`` (only ``\\n`` ends a line)."""
    return [len(line) for line in text.split("\n") if len(line) > bound]


def assert_display_safe(text: str, where: str, *, bounded: bool = True) -> None:
    """No control, bidi or format character in ``text``, and (``bounded``) no long line."""
    assert unsafe_characters(text) == [], f"{where}: {unsafe_characters(text)[:5]!r}"
    if bounded:
        assert long_lines(text) == [], f"{where}: lines of {long_lines(text)[:5]} characters"
