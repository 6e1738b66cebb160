"""How the Business API writes transactions, attachments and statements, and their files' bytes.

Field names and types as Qonto's OpenAPI (S) and examples show them: amounts as numbers with
``*_cents`` integers, ``vat_details`` items as strings; see docs/qonto-facts.md "Bank data".
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from typing import Any

from qonto_desktop.emulator.data import Answering, Organization, amount_fields
from qonto_desktop.emulator.held import Month, Tx
from qonto_desktop.emulator.pdf import one_page_pdf

SUBJECT_TYPES = {
    "card": "Card",
    "transfer": "Transfer",
    "income": "Income",
    "direct_debit": "DirectDebit",
    "qonto_fee": "Other",
}
Signer = Callable[[str, str], str]
"""(kind, path) → a fresh download URL."""


def iso(moment: float | None) -> str | None:
    """Epoch seconds as Qonto's ISO 8601 with milliseconds (``2025-06-14T09:12:33.120Z``)."""
    if moment is None:
        return None
    whole = int(moment)
    millis = round((moment - whole) * 1000)
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(whole)) + f".{millis:03d}Z"


def euros(cents: int, point: str = ",") -> str:
    """Cents as euros with two decimals, from integers only (``-12,05``)."""
    sign = "-" if cents < 0 else ""
    return f"{sign}{abs(cents) // 100}{point}{abs(cents) % 100:02d}"


def vat_cents(tx: Tx) -> int | None:
    """The VAT in cents of the amount, VAT included; ``None`` without a rate."""
    rate = tx.draft.vat_rate
    if rate is None:
        return None
    if rate < 0:  # several rates: the receipt's sum, here 20 % of half the amount
        return round(tx.draft.amount_cents / 2 * 20 / 120)
    return round(tx.draft.amount_cents * rate / (100 + rate))


def transaction(tx: Tx, includes: set[str], answering: Answering, sign: Signer) -> dict[str, Any]:
    """One transaction as ``GET /v2/transactions`` writes it."""
    d = tx.draft
    vat = vat_cents(tx)
    body: dict[str, Any] = {
        "id": d.id,
        "transaction_id": f"{tx.account.slug}-transaction-{d.id[:8]}",
        "bank_account_id": tx.account.id,
        "status": tx.status,
        "side": d.side,
        "operation_type": d.operation_type,
        "subject_type": SUBJECT_TYPES.get(d.operation_type, "Other"),
        "label": d.label,
        "clean_counterparty_name": d.label,
        "currency": "EUR",
        "local_currency": "EUR",
        "emitted_at": iso(d.emitted_at),
        "settled_at": iso(tx.settled_at),
        "created_at": iso(d.emitted_at),
        "updated_at": iso(tx.updated_at),
        "note": tx.note,
        "reference": d.reference,
        "category": d.category,
        "vat_rate": d.vat_rate,
        "attachment_ids": list(tx.attachment_ids()),
        "attachment_required": d.attachment_required,
        "attachment_lost": d.attachment_lost,
        "label_ids": [],
        "card_last_digits": d.card_last_digits,
        "is_external_transaction": False,
        "initiator_id": None,
    }
    body.update(amount_fields("amount", d.amount_cents, answering))
    body.update(amount_fields("local_amount", d.amount_cents, answering))
    if tx.settled_balance_cents is None:
        body.update({"settled_balance": None, "settled_balance_cents": None})
    else:
        body.update(amount_fields("settled_balance", tx.settled_balance_cents, answering))
    if vat is None:
        body.update({"vat_amount": None, "vat_amount_cents": None})
    else:
        body.update(amount_fields("vat_amount", vat, answering))
    if "attachments" in includes:
        body["attachments"] = [attachment(tx, n, sign) for n in range(tx.attachment_count)]
    if "labels" in includes:
        body["labels"] = []
    if "vat_details" in includes:
        body["vat_details"] = {"items": _vat_items(tx, vat)}
    return body


def _vat_items(tx: Tx, vat: int | None) -> list[dict[str, str]]:
    if vat is None or tx.draft.vat_rate is None or tx.draft.vat_rate < 0:
        return []
    amount = tx.draft.amount_cents
    return [
        {
            "amount": euros(vat, "."),
            "amount_cents": str(vat),
            "amount_excluding_vat": euros(amount - vat, "."),
            "amount_excluding_vat_cents": str(amount - vat),
            "rate": f"{tx.draft.vat_rate:g}",
        }
    ]


def attachment(tx: Tx, number: int, sign: Signer) -> dict[str, Any]:
    """The ``number``-th attachment of a transaction, with a fresh URL."""
    attachment_id = tx.attachment_ids()[number]
    name = f"recu-{tx.draft.id[:8]}-{number + 1}.pdf"
    return {
        "id": attachment_id,
        "created_at": iso(tx.settled_at or tx.draft.emitted_at),
        "file_name": name,
        "file_size": str(len(receipt_pdf(tx, number))),
        "file_content_type": "application/pdf",
        "url": sign("attachment", f"/files/attachments/{attachment_id}/{name}"),
        "probative_attachment": {"status": "unavailable"},
    }


def receipt_pdf(tx: Tx, number: int) -> bytes:
    """The receipt's bytes: a one-page PDF naming the merchant, the date and the amount."""
    d = tx.draft
    day = time.strftime("%d/%m/%Y", time.gmtime(int(d.emitted_at)))
    lines = [f"Recu {number + 1}", d.label, day, f"Total TTC : {euros(d.amount_cents)} EUR", d.id]
    return one_page_pdf(lines)


def statement_id(account_id: str, month: Month) -> str:
    """A statement's id, the same on every run."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"statement:{account_id}:{month[0]}-{month[1]}"))


def statement(account_id: str, month: Month, pdf_bytes: bytes, sign: Signer) -> dict[str, Any]:
    """One statement as ``GET /v2/statements`` writes it."""
    sid = statement_id(account_id, month)
    name = f"releve-{month[0]:04d}-{month[1]:02d}.pdf"
    return {
        "id": sid,
        "bank_account_id": account_id,
        "period": f"{month[1]:02d}-{month[0]:04d}",
        "file": {
            "file_name": name,
            "file_content_type": "application/pdf",
            "file_size": str(len(pdf_bytes)),
            "file_url": sign("statement", f"/files/statements/{sid}/{name}"),
        },
    }


def statement_pdf(
    organization: Organization, iban: str, month: Month, cents: tuple[int, int, int]
) -> bytes:
    """The statement's bytes; ``cents`` = (opening balance, closing balance, completed count)."""
    opening, closing, count = cents
    return one_page_pdf(
        [
            f"Releve de compte - {month[1]:02d}/{month[0]:04d}",
            organization.legal_name,
            f"IBAN {iban}",
            f"Solde d'ouverture : {euros(opening)} EUR",
            f"Solde de cloture : {euros(closing)} EUR",
            f"Operations executees : {count}",
        ]
    )
