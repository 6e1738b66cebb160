"""Transactions as ``GET /v2/transactions`` lists them, read into exact, typed values.

Qonto sends amounts unsigned, with the direction in ``side``; ``amount_cents`` is an integer
and ``amount`` a JSON number (docs/qonto-facts.md, "Bank data"). Money here is integer cents.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Literal

from qonto_desktop.qonto.models.decoding import Unread

Side = Literal["credit", "debit"]


@dataclass(frozen=True)
class TransactionAttachment:
    """A receipt attached to a transaction; ``url`` lives 30 minutes, so use it at once."""

    id: str
    file_name: str | None
    content_type: str | None
    size: int | None
    created_at: datetime | None
    url: str | None


@dataclass(frozen=True)
class Transaction:
    """One transaction of one bank account.

    ``amount_cents`` is unsigned, as Qonto sends it; :attr:`signed_cents` carries the sign of
    ``side``. ``settled_balance_cents`` is the account's balance once this transaction
    settled (None while pending, and for accounts at other banks). ``vat_rate`` is a percentage
    (``Decimal("20")``), ``Decimal(-1)`` for "several or not categorised" as Qonto documents.
    Text is kept as sent: show it through :func:`qonto_desktop.i18n.display.safe_text`.
    """

    id: str
    bank_account_id: str
    status: str
    side: Side
    amount_cents: int
    currency: str
    label: str | None
    counterparty: str | None  # clean_counterparty_name
    operation_type: str | None
    emitted_at: datetime | None
    settled_at: datetime | None
    updated_at: datetime
    settled_balance_cents: int | None
    vat_amount_cents: int | None
    vat_rate: Decimal | None
    category: str | None
    note: str | None
    reference: str | None
    attachment_ids: tuple[str, ...]
    attachment_required: bool
    attachment_lost: bool
    attachments: tuple[TransactionAttachment, ...] = ()
    unread: tuple[Unread, ...] = ()

    @property
    def signed_cents(self) -> int:
        """The amount with its direction: positive for a credit, negative for a debit."""
        return self.amount_cents if self.side == "credit" else -self.amount_cents

    @property
    def missing_receipt(self) -> bool:
        """Qonto asks for a receipt, none is attached and none was declared lost."""
        return self.attachment_required and not self.attachment_ids and not self.attachment_lost


@dataclass(frozen=True)
class TransactionPage:
    """One page of ``GET /v2/transactions``, with what the progress display needs."""

    transactions: tuple[Transaction, ...]
    current_page: int
    next_page: int | None
    total_pages: int | None
    total_count: int | None
    unread: tuple[Unread, ...] = ()
