"""Bank data values for tests of the mirror and of sync: a transaction, an account, a page."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from qonto_desktop.qonto.models.bank_accounts import BankAccount
from qonto_desktop.qonto.models.transactions import Transaction, TransactionPage

START = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)


def transaction(number: int, **changes: object) -> Transaction:
    """A completed card payment, number ``number`` of account ``acc-1``; ``changes`` override."""
    moment = START + timedelta(hours=number)
    value = Transaction(
        id=f"tx-{number:04d}",
        bank_account_id="acc-1",
        status="completed",
        side="debit",
        amount_cents=1_000 + number,
        currency="EUR",
        label=f"Shop {number}",
        counterparty=f"Shop {number}",
        operation_type="card",
        emitted_at=moment,
        settled_at=moment + timedelta(minutes=5),
        updated_at=moment + timedelta(minutes=6),
        settled_balance_cents=100_000 - number,
        vat_amount_cents=167,
        vat_rate=Decimal("20.0"),
        category="restaurant_and_bar",
        note=None,
        reference=None,
        attachment_ids=(f"att-{number:04d}",),
        attachment_required=True,
        attachment_lost=False,
    )
    return replace(value, **changes)  # type: ignore[arg-type]


def account(key: str = "acc-1", **changes: object) -> BankAccount:
    """An active Qonto account ``key``; ``changes`` override."""
    value = BankAccount(
        id=key,
        slug=f"{key}-slug",
        name=f"Account {key}",
        organization_id="org-1",
        status="active",
        main=True,
        is_external=False,
        iban="FR7616958000011234567890123",
        bic="QNTOFRP1XXX",
        account_number=None,
        currency="EUR",
        balance_cents=100_000,
        authorized_balance_cents=100_000,
        updated_at=START,
    )
    return replace(value, **changes)  # type: ignore[arg-type]


def pages(items: list[Transaction], per_page: int = 3) -> list[TransactionPage]:
    """``items`` cut into pages as Qonto's ``meta`` describes them."""
    chunks = [items[i : i + per_page] for i in range(0, len(items), per_page)] or [[]]
    total = len(chunks)
    return [
        TransactionPage(
            tuple(chunk),
            current_page=n + 1,
            next_page=n + 2 if n + 1 < total else None,
            total_pages=total,
            total_count=len(items),
        )
        for n, chunk in enumerate(chunks)
    ]
