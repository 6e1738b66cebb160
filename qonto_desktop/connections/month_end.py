"""The month end as both faces ask for it and hear about it: plain values, no work here.

An :class:`ExportRequest` names the clients, the period, the destination and the formats; the
export use case reports each client's progress as :class:`ClientProgress` values on the
``on_progress`` callback it is given, and ends with an :class:`ExportReport`. Missing receipts
are listed as :class:`MissingReceipt` values.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from qonto_desktop.errors import QontoDesktopError

Format = Literal["statements", "csv_excel", "csv_plain", "ofx", "receipts"]
# What an export writes when the user does not choose: what a French accountant imports.
DEFAULT_FORMATS: frozenset[Format] = frozenset({"statements", "csv_excel", "ofx", "receipts"})

Stage = Literal[
    "waiting",  # not started yet
    "syncing",  # reading what changed in Qonto: ``done`` of ``total`` transactions
    "statements",  # downloading the period's statements
    "receipts",  # downloading receipts: ``done`` of ``total``
    "writing",  # writing the period's files
    "done",
    "failed",  # ``error`` says why and what to do; the others went on
    "cancelled",  # stopped by the user; what was done stays, the rest resumes next time
]


@dataclass(frozen=True)
class PeriodChoice:
    """The dates an export covers, both included, and how folders name them.

    ``label`` is ``2026-11`` for a month, ``2026-Q4`` for a quarter, ``2026-11-03_2026-11-20``
    for chosen dates.
    """

    start: date
    end: date
    label: str


@dataclass(frozen=True)
class ExportRequest:
    """Export ``period`` for these connections (``None``: every connection) into ``destination``."""

    connection_ids: tuple[str, ...] | None
    period: PeriodChoice
    destination: Path
    formats: frozenset[Format] = DEFAULT_FORMATS


@dataclass(frozen=True)
class ClientProgress:
    """Where one client's export stands; ``folder`` is set once its files are written.

    ``statements_not_issued``: the months (``YYYY-MM``) of the period some account has no
    statement for yet (Qonto issues them in the first days of the next month): not an error.
    """

    connection_id: str
    name: str
    stage: Stage
    done: int = 0
    total: int | None = None
    error: QontoDesktopError | None = None
    folder: Path | None = None
    statements_not_issued: tuple[str, ...] = ()


@dataclass(frozen=True)
class ExportReport:
    """Every client's last progress, in the order asked, and the folder holding them all.

    ``problem``: the local copy of bank data was damaged, kept aside and rebuilt (or None).
    """

    clients: tuple[ClientProgress, ...]
    destination: Path
    problem: QontoDesktopError | None = None

    @property
    def failed(self) -> tuple[ClientProgress, ...]:
        """The clients whose export did not complete."""
        return tuple(client for client in self.clients if client.stage != "done")


@dataclass(frozen=True)
class MissingReceipt:
    """A transaction Qonto asks a receipt for, with none attached and none declared lost.

    ``amount_cents`` is signed (negative for a debit). Text is as Qonto sent it: show it
    through :func:`qonto_desktop.i18n.display.safe_text`.
    """

    connection_id: str
    client: str
    transaction_id: str
    day: date
    amount_cents: int
    currency: str
    counterparty: str | None
    label: str | None
    account: str
