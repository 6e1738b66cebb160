"""Bank values for the export's tests: a client, its accounts, transactions and files."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from qonto_desktop.export.period import month
from qonto_desktop.export.values import AccountPeriod, ClientPeriod, ReceiptFile, StatementFile
from qonto_desktop.qonto.models.bank_accounts import BankAccount
from qonto_desktop.qonto.models.statements import Month, Statement
from qonto_desktop.qonto.models.transactions import Transaction

MAIN_IBAN = "FR7616958000011234567890142"
SAVINGS_IBAN = "FR7616958000019876543210955"


def account(
    account_id: str = "acc-main", iban: str = MAIN_IBAN, name: str = "Compte principal"
) -> BankAccount:
    """A Qonto current account in euros."""
    return BankAccount(
        id=account_id, slug=account_id, name=name, organization_id="org-1", status="active",
        main=True, is_external=False, iban=iban, bic="QNTOFRP1XXX", account_number=None,
        currency="EUR", balance_cents=1_000_000, authorized_balance_cents=1_000_000,
        updated_at=datetime(2026, 12, 1, tzinfo=UTC),
    )  # fmt: skip


def transaction(identifier: str, day: int, signed_cents: int, **changes: Any) -> Transaction:
    """A completed transaction of November 2026; ``changes`` replace any field."""
    settled = datetime(2026, 11, day, 10, 0, tzinfo=UTC)
    base = Transaction(
        id=identifier, bank_account_id="acc-main", status="completed",
        side="credit" if signed_cents >= 0 else "debit", amount_cents=abs(signed_cents),
        currency="EUR", label=f"Paiement {identifier}", counterparty="SNCF",
        operation_type="card", emitted_at=settled, settled_at=settled, updated_at=settled,
        settled_balance_cents=None, vat_amount_cents=None, vat_rate=Decimal("20"),
        category="transport", note=None, reference=None, attachment_ids=(),
        attachment_required=True, attachment_lost=False,
    )  # fmt: skip
    return replace(base, **changes)


def chained(opening_cents: int, items: list[Transaction]) -> tuple[Transaction, ...]:
    """``items`` with the settled balances Qonto would give them, from ``opening_cents``."""
    balance, out = opening_cents, []
    for item in items:
        balance += item.signed_cents
        out.append(replace(item, settled_balance_cents=balance))
    return tuple(out)


def statement_file(
    folder: Path, account_id: str = "acc-main", body: bytes = b"%PDF-1.4 nov"
) -> StatementFile:
    """November 2026's statement, downloaded to ``folder``."""
    path = folder / f"download-{account_id}.pdf"
    path.write_bytes(body)
    found = Statement(
        f"st-{account_id}",
        account_id,
        Month(2026, 11),
        "releve.pdf",
        "application/pdf",
        len(body),
        None,
    )
    return StatementFile(found, path)


def receipt_file(folder: Path, attachment_id: str, body: bytes = b"%PDF receipt") -> ReceiptFile:
    """A receipt downloaded to ``folder``."""
    path = folder / f"download-{attachment_id}"
    path.write_bytes(body)
    return ReceiptFile(attachment_id, path, "facture.PDF", "application/pdf")


def client(
    accounts: tuple[AccountPeriod, ...],
    receipts: tuple[ReceiptFile, ...] = (),
    name: str = "Boulangerie Martin",
    siren: str | None = "123456789",
) -> ClientPeriod:
    """One client's November 2026."""
    return ClientPeriod(name, siren, "conn-1a2b3c4d5e", month(2026, 11), accounts, receipts)
