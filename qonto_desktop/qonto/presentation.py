"""How Qonto values are shown to a person: masked IBANs, amounts in the user's language."""

from __future__ import annotations

from decimal import Decimal

NARROW_NO_BREAK_SPACE = "\u202f"
NO_BREAK_SPACE = "\u00a0"
CURRENCY_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£"}


def masked_iban(iban: str) -> str:
    """Show only the country, check digits and last four characters: ``FR76 •••• •••• 1234``."""
    compact = "".join(iban.split()).upper()
    if len(compact) < 8:
        return "••••"
    return f"{compact[:4]} •••• •••• {compact[-4:]}"


def money(cents: int, currency: str, language: str) -> str:
    """Format an amount in cents the way the language writes it.

    English: ``€1,234.56``; French: ``1 234,56 €`` (narrow no-break space between thousands).
    """
    amount = Decimal(cents) / 100
    symbol = CURRENCY_SYMBOLS.get(currency, currency)
    sign = "-" if amount < 0 else ""
    whole, _, fraction = f"{abs(amount):,.2f}".partition(".")
    if language == "fr":
        grouped = whole.replace(",", NARROW_NO_BREAK_SPACE)
        return f"{sign}{grouped},{fraction}{NO_BREAK_SPACE}{symbol}"
    return f"{sign}{symbol}{whole}.{fraction}"
