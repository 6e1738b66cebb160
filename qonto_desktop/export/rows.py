"""One row per transaction, as the French Excel CSV and the plain RFC 4180 CSV write it.

The French file is for people: French headers, ``dd/mm/yyyy``, decimal comma, and any cell of
server text starting with ``=``, ``+``, ``-``, ``@``, a tab or a return gets a leading
apostrophe, so Excel shows it as text instead of running it as a formula. The plain file is for
scripts: stable English headers, ISO dates, a dot, and the text exactly as Qonto sent it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from qonto_desktop.export.money import cents_text, rate_text
from qonto_desktop.export.receipts import booking_day
from qonto_desktop.qonto.models.transactions import Transaction

_RISKY_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Dialect:
    """How one CSV file writes its cells."""

    name: str
    delimiter: str
    decimal_mark: str
    french: bool
    bom: bool

    def day(self, value: date) -> str:
        """A date as this file writes it."""
        return value.strftime("%d/%m/%Y") if self.french else value.isoformat()

    def money(self, cents: int | None) -> str:
        """Cents as this file writes them; empty when unknown."""
        return "" if cents is None else cents_text(cents, decimal_mark=self.decimal_mark)

    def text(self, value: str | None) -> str:
        """Server text; guarded against formulas in the French file only."""
        given = value or ""
        if self.french and given.startswith(_RISKY_START):
            return f"'{given}"
        return given


EXCEL = Dialect("excel-fr", ";", ",", french=True, bom=True)
PLAIN = Dialect("rfc4180", ",", ".", french=False, bom=False)

HEADERS_FR = (
    "Date", "Libellé", "Contrepartie", "Montant", "Devise", "Montant TVA", "Taux TVA",
    "Catégorie", "Note", "Référence", "Justificatifs", "Statut", "Compte", "Identifiant Qonto",
)  # fmt: skip
HEADERS_EN = (
    "date", "label", "counterparty", "amount", "currency", "vat_amount", "vat_rate",
    "category", "note", "reference", "receipts", "status", "account", "qonto_id",
)  # fmt: skip
RECEIPT_SEPARATOR = " | "  # "|" is in no file name (names.py forbids it)


def headers(dialect: Dialect) -> tuple[str, ...]:
    """The header row of a transactions file."""
    return HEADERS_FR if dialect.french else HEADERS_EN


def transaction_row(
    dialect: Dialect, transaction: Transaction, account: str, receipts: Sequence[str]
) -> tuple[str, ...]:
    """One transaction's cells, in the order of :func:`headers`."""
    t = transaction
    return (
        dialect.day(booking_day(t)),
        dialect.text(t.label),
        dialect.text(t.counterparty),
        dialect.money(t.signed_cents),
        dialect.text(t.currency),
        dialect.money(t.vat_amount_cents),
        rate_text(t.vat_rate, decimal_mark=dialect.decimal_mark),
        dialect.text(t.category),
        dialect.text(t.note),
        dialect.text(t.reference),
        RECEIPT_SEPARATOR.join(receipts),
        dialect.text(t.status),
        dialect.text(account),
        dialect.text(t.id),
    )


MISSING_FR = ("Date", "Contrepartie", "Libellé", "Montant", "Devise", "Compte", "Identifiant Qonto")
MISSING_EN = ("date", "counterparty", "label", "amount", "currency", "account", "qonto_id")


def missing_row(dialect: Dialect, transaction: Transaction, account: str) -> tuple[str, ...]:
    """One transaction still waiting for its receipt."""
    t = transaction
    return (
        dialect.day(booking_day(t)),
        dialect.text(t.counterparty),
        dialect.text(t.label),
        dialect.money(t.signed_cents),
        dialect.text(t.currency),
        dialect.text(account),
        dialect.text(t.id),
    )


def ordered(pairs: Sequence[tuple[str, Sequence[Transaction]]]) -> list[tuple[str, Transaction]]:
    """(account, transaction) pairs by day, time, then id: the same order on every export."""
    flat = [(account, t) for account, items in pairs for t in items]
    return sorted(flat, key=lambda p: (booking_day(p[1]), _moment(p[1]), p[1].id, p[0]))


def _moment(transaction: Transaction) -> str:
    when = transaction.settled_at or transaction.emitted_at or transaction.updated_at
    return when.isoformat()
