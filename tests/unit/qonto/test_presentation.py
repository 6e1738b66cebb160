"""How IBANs and amounts are shown: masked, and written the way each language writes money."""

from __future__ import annotations

import pytest

from qonto_desktop.qonto.presentation import masked_iban, money

NNBSP = "\u202f"  # narrow no-break space: French thousands separator
NBSP = "\u00a0"  # no-break space: before the French currency symbol


@pytest.mark.parametrize(
    ("iban", "shown"),
    [
        ("FR7630006000011234567890189", "FR76 •••• •••• 0189"),
        ("FR76 3000 6000 0112 3456 7890 189", "FR76 •••• •••• 0189"),
        ("fr76 3000 6000 0112 3456 7890 189\n", "FR76 •••• •••• 0189"),
        ("DE89370400440532013000", "DE89 •••• •••• 3000"),
        ("AB123456", "AB12 •••• •••• 3456"),
    ],
)
def test_masked_iban_shows_country_check_digits_and_last_four(iban: str, shown: str) -> None:
    assert masked_iban(iban) == shown


def test_masked_iban_hides_the_middle() -> None:
    iban = "FR7630006000011234567890189"
    assert "30006000011234567" not in masked_iban(iban).replace(" ", "")


@pytest.mark.parametrize("iban", ["", "FR76", "FR76123", "  F R 7 6 1 2 3 "])
def test_masked_iban_of_something_too_short_shows_nothing(iban: str) -> None:
    assert masked_iban(iban) == "••••"


@pytest.mark.parametrize(
    ("cents", "currency", "shown"),
    [
        (0, "EUR", "€0.00"),
        (5, "EUR", "€0.05"),
        (100, "EUR", "€1.00"),
        (123456, "EUR", "€1,234.56"),
        (123456789, "EUR", "€1,234,567.89"),
        (-5, "EUR", "-€0.05"),
        (-123456, "EUR", "-€1,234.56"),
        (99, "USD", "$0.99"),
        (250000, "GBP", "£2,500.00"),
        (1234, "CHF", "CHF12.34"),
    ],
)
def test_money_in_english(cents: int, currency: str, shown: str) -> None:
    assert money(cents, currency, "en") == shown


@pytest.mark.parametrize(
    ("cents", "currency", "shown"),
    [
        (0, "EUR", f"0,00{NBSP}€"),
        (5, "EUR", f"0,05{NBSP}€"),
        (123456, "EUR", f"1{NNBSP}234,56{NBSP}€"),
        (123456789, "EUR", f"1{NNBSP}234{NNBSP}567,89{NBSP}€"),
        (-5, "EUR", f"-0,05{NBSP}€"),
        (-123456, "EUR", f"-1{NNBSP}234,56{NBSP}€"),
        (99, "USD", f"0,99{NBSP}$"),
        (1234, "CHF", f"12,34{NBSP}CHF"),
    ],
)
def test_money_in_french(cents: int, currency: str, shown: str) -> None:
    assert money(cents, currency, "fr") == shown


@pytest.mark.parametrize("cents", [1, 99, 100, 1001, 99999, 100000, 12345678901234])
def test_money_keeps_every_cent(cents: int) -> None:
    for language in ("en", "fr"):
        digits = "".join(ch for ch in money(cents, "EUR", language) if ch.isdigit())
        assert int(digits) == cents


@pytest.mark.parametrize("cents", [1, 123456, 10**12])
def test_a_negative_amount_is_the_positive_one_with_a_minus(cents: int) -> None:
    for language in ("en", "fr"):
        assert money(-cents, "EUR", language) == "-" + money(cents, "EUR", language)
