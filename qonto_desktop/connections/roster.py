"""The connections as a firm's list sees them: what needs attention, and what a search matches.

Pure functions over :class:`Connection`, shared by every face: the window's table sorts and
filters with them; nothing here reads the keyring or the network.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from qonto_desktop.store.connection import REFRESH_WARNING, Connection

# What calls for the accountant, worst first: Qonto refuses the connection; it could not be
# checked; its access lapses within 14 days. ``None``: nothing to do.
Attention = Literal["reconnect", "failing", "ending"]
SEVERITY: dict[Attention | None, int] = {"reconnect": 0, "failing": 1, "ending": 2, None: 3}

MASK = "•"  # what hides an IBAN's middle (qonto_desktop.qonto.presentation.masked_iban)
_LATIN_MARKS = re.compile("[\u0300-\u036f]+")  # the accents NFKD splits off Latin letters
_SEPARATORS = re.compile(r"[\s.\-]+")
# A whole IBAN as it is printed or pasted: country, check digits, then the account.
_WHOLE_IBAN = re.compile(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}")


def fold(text: str) -> str:
    """Text for matching: case and accents ignored ("Lumière" and "lumiere" fold alike)."""
    decomposed = _LATIN_MARKS.sub("", unicodedata.normalize("NFKD", text.casefold()))
    if decomposed.isascii():  # French names, once their accents are gone: no loop needed
        return decomposed
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def attention(connection: Connection, now: float) -> Attention | None:
    """Why this connection needs the accountant, the worst reason first; None when it does not."""
    expires = connection.refresh_expires_at
    if connection.state == "needs_reconnect" or (expires is not None and expires <= now):
        return "reconnect"
    if connection.state == "unverified":
        return "failing"
    if expires is not None and expires - now < REFRESH_WARNING:
        return "ending"
    return None


def last_balance(connection: Connection) -> tuple[int, str, float] | None:
    """The Qonto accounts' total in cents, its currency, and when it was read; None if unknown."""
    total = connection.qonto_total
    if total is None or connection.verified_at is None:
        return None
    return total[0], total[1], connection.verified_at


@dataclass(frozen=True)
class SearchKeys:
    """What a search looks at in one connection, folded once.

    Attributes:
        words: the name, legal name, SIREN and the IBANs' visible characters, folded.
        digits: the SIREN and the IBANs' visible characters, without spaces, upper case.
        ibans: each account's visible IBAN ends: ``("FR76", "0978")``.
    """

    words: str
    digits: str
    ibans: tuple[tuple[str, str], ...]


def search_keys(connection: Connection) -> SearchKeys:
    """The keys a search matches in ``connection`` (its IBANs are only ever stored masked)."""
    ibans = tuple(_visible_ends(account.masked_iban) for account in connection.accounts)
    identifiers = [compact(connection.legal_number)]
    identifiers += [f"{start} {end}" for start, end in ibans if start or end]
    text = " ".join([connection.organization_name, connection.legal_name, *identifiers])
    return SearchKeys(
        words=fold(text),
        digits=" ".join(compact(identifier) for identifier in identifiers if identifier),
        ibans=ibans,
    )


def compact(text: str) -> str:
    """An identifier without its spaces, dots and dashes, upper case: ``843 217 654`` alike."""
    return _SEPARATORS.sub("", text).upper()


@dataclass(frozen=True)
class Search:
    """What the user typed, ready to match; an empty search matches everything."""

    words: tuple[str, ...]
    digits: str  # the whole text as an identifier; empty when it has no digit
    iban: tuple[str, str] | None = None  # a whole IBAN's visible ends, when one was typed

    @classmethod
    def of(cls, text: str) -> Search:
        """Parse the search box's text (a masked IBAN copied from the app keeps its ends)."""
        shown = text.replace(MASK, " ")
        digits = compact(shown)
        iban = (digits[:4], digits[-4:]) if _WHOLE_IBAN.fullmatch(digits) else None
        has_digit = any(char.isdigit() for char in digits)
        return cls(tuple(fold(shown).split()), digits if has_digit else "", iban)

    def matches(self, keys: SearchKeys) -> bool:
        """Every word appears (accent-blind), or the whole text is an identifier's digits.

        Typed with or without spaces, ``843 217 654`` finds that SIREN and ``09 78`` the IBAN
        ending in 0978; a whole IBAN pasted finds the account whose visible ends it has.
        """
        if not self.words:
            return True
        if all(word in keys.words for word in self.words):
            return True
        if self.digits and self.digits in keys.digits:
            return True
        return self.iban is not None and self.iban in keys.ibans


def _visible_ends(masked: str) -> tuple[str, str]:
    """The unmasked ends of ``FR76 •••• •••• 0978``: ``("FR76", "0978")``."""
    parts = [part for part in masked.split() if part and MASK not in part]
    if not parts:
        return "", ""
    if len(parts) == 1:
        return "", compact(parts[0])
    return compact(parts[0]), compact(parts[-1])
