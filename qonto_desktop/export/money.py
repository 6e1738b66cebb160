"""Integer cents as text, exactly: no float between the server's integer and the file."""

from __future__ import annotations

from decimal import Decimal


def cents_text(cents: int, *, decimal_mark: str = ".") -> str:
    """``-123456`` → ``-1234.56`` (or ``-1234,56`` with a comma); no thousands separator."""
    sign = "-" if cents < 0 else ""
    units, hundredths = divmod(abs(cents), 100)
    return f"{sign}{units}{decimal_mark}{hundredths:02d}"


def cents_decimal(cents: int) -> Decimal:
    """``-4590`` → ``Decimal("-45.90")``, exact, two places."""
    return Decimal(cents).scaleb(-2)


def rate_text(rate: Decimal | None, *, decimal_mark: str = ".") -> str:
    """A VAT rate (``Decimal("5.5")``) as text; Qonto's ``-1`` (several rates) stays ``-1``."""
    if rate is None:
        return ""
    text = format(rate.normalize(), "f")
    return text.replace(".", decimal_mark)
