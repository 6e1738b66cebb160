"""Amounts as Qonto sends them (numbers, integers or decimal strings) read into integer cents.

Qonto documents ``balance`` as a JSON number in euros and ``balance_cents`` as an integer;
public clients and a documentation mirror show the amounts as strings too. Every reading here
is exact: JSON numbers arrive as ``Decimal`` built from their text, never through ``float``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from qonto_desktop.qonto.models.decoding import Reason

HUNDRED = Decimal(100)

# A plain decimal string: "142188.43", "-12", "0.5". Commas are refused: "1,234" could be a
# thousands separator or a decimal comma, and no public client shows Qonto sending either.
_DECIMAL_TEXT = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
_WHOLE_TEXT = re.compile(r"[+-]?\d+")


@dataclass(frozen=True)
class CentsReading:
    """An amount in cents, or None with the reason it could not be read."""

    cents: int | None
    problem: Reason | None = None


def decimal_of(value: object) -> Decimal | None:
    """A finite ``Decimal`` from a JSON number or a plain decimal string, else None."""
    if isinstance(value, bool):
        return None  # JSON true/false are not amounts, although Python calls them ints
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    if isinstance(value, str) and _DECIMAL_TEXT.fullmatch(value.strip()):
        return Decimal(value.strip())
    return None


def whole_of(value: object) -> int | None:
    """An integer from a JSON integer, an integral number (``10000.0``) or a digit string."""
    if isinstance(value, str):
        return int(value.strip()) if _WHOLE_TEXT.fullmatch(value.strip()) else None
    number = decimal_of(value)
    if number is None or number != number.to_integral_value():
        return None
    return int(number)


def cents_of(amount: object, cents: object) -> CentsReading:
    """Read the pair ``balance`` / ``balance_cents`` (or any ``x`` / ``x_cents``) into cents.

    ``x_cents`` is preferred; ``x`` is used alone when it has at most two decimals. When both
    are readable and disagree, neither is trusted: a wrong balance is worse than none.
    """
    from_cents = whole_of(cents)
    number = decimal_of(amount)
    from_amount: int | None = None
    if number is not None:
        scaled = number * HUNDRED
        if scaled == scaled.to_integral_value():
            from_amount = int(scaled)
    amount_bad = amount is not None and from_amount is None
    cents_bad = cents is not None and from_cents is None
    if from_cents is not None and from_amount is not None and from_cents != from_amount:
        return CentsReading(None, "disagrees")
    if from_cents is not None:
        return CentsReading(from_cents)
    if from_amount is not None:
        return CentsReading(from_amount)
    if amount_bad or cents_bad:
        return CentsReading(None, "unreadable")
    return CentsReading(None, "missing")
