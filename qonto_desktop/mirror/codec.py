"""A transaction kept whole in the mirror: encoded exactly, read back identical.

msgspec writes the dataclass as JSON with ``Decimal`` as a string and times in ISO 8601, so
nothing goes through a float and a value read back equals the one written. Attachments' ``url``
is not kept: it is a presigned credential that dies in 30 minutes (the export asks for a fresh
one), so it is emptied before the transaction is written.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import msgspec

from qonto_desktop.qonto.models.transactions import Transaction

_ENCODER = msgspec.json.Encoder(decimal_format="string")
_DECODER = msgspec.json.Decoder(Transaction)


def encode(transaction: Transaction) -> bytes:
    """The transaction as JSON bytes, its attachments' short-lived URLs left out."""
    return _ENCODER.encode(kept(transaction))


def kept(transaction: Transaction) -> Transaction:
    """The transaction as the mirror keeps it: without its attachments' URLs."""
    if not any(attachment.url for attachment in transaction.attachments):
        return transaction
    attachments = tuple(replace(a, url=None) for a in transaction.attachments)
    return replace(transaction, attachments=attachments)


def decode(data: bytes) -> Transaction:
    """The transaction :func:`encode` wrote."""
    return _DECODER.decode(data)


def moment_text(moment: datetime | None) -> str | None:
    """A time as sortable text in UTC (``2026-11-30T23:30:00.000000Z``), compared as strings."""
    if moment is None:
        return None
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def moment_of(text: str | None) -> datetime | None:
    """The time :func:`moment_text` wrote."""
    if text is None:
        return None
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
