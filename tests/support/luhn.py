"""The Luhn check digit that a SIREN carries, to check the emulator's seeded companies."""

from __future__ import annotations


def luhn_valid(number: str) -> bool:
    """Whether ``number``'s last digit is its Luhn check digit."""
    total = 0
    for i, ch in enumerate(reversed(number)):
        digit = int(ch) * (2 if i % 2 else 1)
        total += digit - 9 if digit > 9 else digit
    return total % 10 == 0
