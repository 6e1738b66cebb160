"""Bank-data answer bodies shaped as Qonto's documentation shows them, each with its source.

S is the vendored copy of Qonto's OpenAPI in a public Java client:
https://github.com/hiit-consulting-fr/qonto-java-client/blob/main/openapi_v2.yml
D is https://docs.qonto.com/api-reference/business-api/transactions-statements/...
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

ACCOUNT_ID = "0190fb2c-4be8-7a6b-8bbc-a9e1b2f6c0d1"

# GET /v2/transactions, one transaction with includes[]=attachments (S schema, D example):
# amounts are JSON numbers, *_cents integers, the attachment's file_size a string.
TRANSACTION: dict[str, Any] = {
    "id": "7b7a5ed6-3903-4782-889d-b4f64bd7bef9",
    "transaction_id": "croissant-bank-transaction-1",
    "amount": 1425.6,
    "amount_cents": 142560,
    "settled_balance": 40212.43,
    "settled_balance_cents": 4021243,
    "attachment_ids": ["a7b3a2d9-f2b9-4a2b-9b5e-2f0fd7c3a1ee"],
    "logo": {"small": "https://example.invalid/s.png", "medium": "https://example.invalid/m.png"},
    "local_amount": 1425.6,
    "local_amount_cents": 142560,
    "side": "debit",
    "operation_type": "card",
    "currency": "EUR",
    "local_currency": "EUR",
    "label": "AMAZON PAYMENTS",
    "clean_counterparty_name": "Amazon",
    "settled_at": "2024-08-01T10:35:09.089Z",
    "emitted_at": "2024-07-31T08:12:01.000Z",
    "created_at": "2024-07-31T08:12:01.000Z",
    "updated_at": "2024-08-01T10:35:09.120Z",
    "status": "completed",
    "note": "Office chairs",
    "reference": None,
    "vat_amount": 237.6,
    "vat_amount_cents": 23760,
    "vat_rate": 20.0,
    "initiator_id": "0b8b0d1c-6f60-4f0b-9d3e-8b3a1f2c4d5e",
    "label_ids": [],
    "attachment_lost": False,
    "attachment_required": True,
    "card_last_digits": "4242",
    "category": "office_supply",
    "cashflow_category": {"name": "Equipment"},
    "subject_type": "Card",
    "bank_account_id": ACCOUNT_ID,
    "is_external_transaction": False,
    "attachments": [
        {
            "id": "a7b3a2d9-f2b9-4a2b-9b5e-2f0fd7c3a1ee",
            "created_at": "2024-08-01T11:00:00.000Z",
            "file_name": "facture-amazon.pdf",
            "file_size": "16966",
            "file_content_type": "application/pdf",
            "url": "https://qonto.s3.example.invalid/a.pdf?X-Amz-Expires=1800",
            "probative_attachment": {"status": "unavailable"},
        }
    ],
}

META_LAST = {
    "current_page": 1,
    "next_page": None,
    "prev_page": None,
    "total_pages": 1,
    "total_count": 1,
    "per_page": 100,
}

# GET /v2/statements (D list-statements): period MM-YYYY, file_size a string.
STATEMENT: dict[str, Any] = {
    "id": "2f5b6c1e-8e3d-4f6a-9c2b-1d0e7a9b8c7d",
    "bank_account_id": ACCOUNT_ID,
    "period": "08-2024",
    "file": {
        "file_name": "releve-08-2024.pdf",
        "file_content_type": "application/pdf",
        "file_size": "16966",
        "file_url": "https://qonto.s3.example.invalid/s.pdf?X-Amz-Expires=1800",
    },
}

# S3's answer to a presigned URL past its X-Amz-Expires.
S3_EXPIRED = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code>'
    b"<Message>Request has expired</Message><X-Amz-Expires>1800</X-Amz-Expires></Error>"
)


def page(
    key: str, items: Sequence[object], *, current: int = 1, next_page: int | None = None
) -> bytes:
    """A paged answer ``{key: items, "meta": ...}``."""
    meta = {**META_LAST, "current_page": current, "next_page": next_page}
    return json.dumps({key: items, "meta": meta}).encode()


def with_fields(item: dict[str, Any], **changes: object) -> dict[str, object]:
    """``item`` with some fields changed (a field set to ``...`` is removed)."""
    changed = {**item, **changes}
    return {name: value for name, value in changed.items() if value is not ...}
