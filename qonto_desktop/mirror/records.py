"""The plain values the mirror hands back, besides the transactions themselves."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from qonto_desktop.qonto.models.transactions import Transaction


@dataclass(frozen=True)
class PageCounts:
    """What one committed page changed: rows new, rows replaced, rows received as they were."""

    new: int = 0
    changed: int = 0
    unchanged: int = 0

    def __add__(self, other: PageCounts) -> PageCounts:
        return PageCounts(
            self.new + other.new, self.changed + other.changed, self.unchanged + other.unchanged
        )


@dataclass(frozen=True)
class MirroredAccount:
    """A bank account as last synced, with its cursor (the greatest ``updated_at`` kept)."""

    connection_id: str
    id: str
    organization_id: str | None
    name: str | None
    iban: str | None
    bic: str | None
    currency: str | None
    status: str | None
    balance_cents: int | None
    cursor: datetime | None


@dataclass(frozen=True)
class MissingReceipt:
    """A transaction still needing a receipt, and the connection it was synced for."""

    connection_id: str
    transaction: Transaction


@dataclass(frozen=True)
class ConnectionCounts:
    """One connection's rows in the mirror."""

    accounts: int = 0
    transactions: int = 0
    missing_receipts: int = 0


@dataclass(frozen=True)
class StoredFile:
    """A statement or a receipt saved on disk, as recorded: where, how big, its SHA-256."""

    id: str
    owner_id: str  # the statement's account, or the receipt's transaction
    sha256: str
    local_path: Path
    size: int
