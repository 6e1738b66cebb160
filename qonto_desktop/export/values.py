"""What an export of one client for one period is made from: plain values and local files.

The caller (the application API) gathers them from the mirror and the downloads; this package
reads nothing else, neither the mirror nor the network.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from qonto_desktop.export.period import Period
from qonto_desktop.qonto.models.bank_accounts import BankAccount
from qonto_desktop.qonto.models.statements import Statement
from qonto_desktop.qonto.models.transactions import Transaction


@dataclass(frozen=True)
class StatementFile:
    """A statement already downloaded to ``path`` (Qonto's PDF, as is)."""

    statement: Statement
    path: Path


@dataclass(frozen=True)
class ReceiptFile:
    """A receipt already downloaded to ``path``, with its original name and content type."""

    attachment_id: str
    path: Path
    file_name: str | None = None
    content_type: str | None = None


@dataclass(frozen=True)
class AccountPeriod:
    """One bank account's part of the export.

    ``transactions``: those of the period, any status (only completed ones go in the OFX file
    and the balance check). ``cursor``: the sync's ``updated_at`` cursor the data comes from.
    ``statements``: the downloaded statements of the period's months; a month absent from it
    is reported as not issued yet. ``balance_before_cents``: the last settled balance before
    the period, when known.
    """

    account: BankAccount
    transactions: tuple[Transaction, ...]
    cursor: str | None = None
    statements: tuple[StatementFile, ...] = ()
    balance_before_cents: int | None = None


@dataclass(frozen=True)
class Formats:
    """Which files to write; the manifest always is.

    The names are those of ``connections.month_end.Format``: ``statements``, ``csv_excel``,
    ``csv_plain``, ``ofx``, ``receipts``.
    """

    excel_csv: bool = True
    plain_csv: bool = False
    ofx: bool = True
    statements: bool = True
    receipts: bool = True

    @classmethod
    def of(cls, names: Iterable[str]) -> Formats:
        """The formats named (unknown names are ignored)."""
        chosen = set(names)
        return cls(**{field: name in chosen for name, field in _FIELDS.items()})

    @property
    def names(self) -> tuple[str, ...]:
        """The formats as the manifest lists them, in a fixed order."""
        return tuple(name for name, field in _FIELDS.items() if getattr(self, field))


_FIELDS = {
    "statements": "statements",
    "csv_excel": "excel_csv",
    "csv_plain": "plain_csv",
    "ofx": "ofx",
    "receipts": "receipts",
}


@dataclass(frozen=True)
class ClientPeriod:
    """One client, one period: everything its export folder is made of."""

    client_name: str
    siren: str | None
    connection_id: str
    period: Period
    accounts: tuple[AccountPeriod, ...]
    receipts: tuple[ReceiptFile, ...] = ()
