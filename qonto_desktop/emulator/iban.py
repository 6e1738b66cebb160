"""French RIB keys and IBAN check digits (ISO 13616, mod 97-10 of ISO 7064)."""

from __future__ import annotations

import string

# ISO 13616: letters count as 10..35 when the IBAN is turned into a number.
_LETTER_VALUES = {letter: str(10 + i) for i, letter in enumerate(string.ascii_uppercase)}


def _numeric(text: str) -> int:
    return int("".join(_LETTER_VALUES.get(ch, ch) for ch in text.upper()))


def rib_key(bank_code: str, branch_code: str, account_number: str) -> str:
    """Return the two-digit French RIB key of a digits-only account.

    Args:
        bank_code: The five-digit bank code (code banque).
        branch_code: The five-digit branch code (code guichet).
        account_number: The eleven-digit account number.
    """
    value = 89 * int(bank_code) + 15 * int(branch_code) + 3 * int(account_number)
    return f"{97 - value % 97:02d}"


def iban_check_digits(country: str, bban: str) -> str:
    """Return the two IBAN check digits for a country code and a BBAN."""
    return f"{98 - _numeric(bban + country + '00') % 97:02d}"


def french_iban(bank_code: str, branch_code: str, account_number: str) -> str:
    """Build a valid French IBAN (with a correct RIB key and check digits)."""
    bban = (
        bank_code + branch_code + account_number + rib_key(bank_code, branch_code, account_number)
    )
    return "FR" + iban_check_digits("FR", bban) + bban


def is_valid_iban(iban: str) -> bool:
    """Return whether an IBAN (spaces allowed) passes the mod-97 check."""
    compact = iban.replace(" ", "").upper()
    if len(compact) < 15 or not compact.isalnum() or not compact[:2].isalpha():
        return False
    return _numeric(compact[4:] + compact[:4]) % 97 == 1
