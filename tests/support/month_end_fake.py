"""An in-memory month-end service for the window's tests and screenshots.

It plays the export as the real one reports it: every client waiting, then one after another
reading transactions (120 at a time), downloading statements, receipts (10 at a time), writing
files, done; or failed with its error. It calls the checkpoint between steps, so the window's
Cancel stops it there; ``hold`` blocks it (on its worker) after the first client's first
step until the test lets it go.
"""

from __future__ import annotations

import csv
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from qonto_desktop.connections.month_end import (
    ClientProgress,
    ExportReport,
    ExportRequest,
    MissingReceipt,
)
from qonto_desktop.errors import QontoDesktopError

TRANSACTIONS = 480
RECEIPTS = 40
READ_STEP = 120
RECEIPT_STEP = 10
HOLD_TIMEOUT_S = 20


@dataclass
class FakeMonthEnd:
    """The month-end work, played in memory.

    Args:
        clients: connection id → name, in the order "every client" means.
        failures: the clients whose export fails, with the error it fails with.
        receipts: what :meth:`missing` lists.
        hold: when given, the export waits for it after the step ``hold_at`` (by default its
            first step), once; ``holding`` is set then.
        cancel_as_report: a checkpoint's raise ends the export with the clients not finished
            as ``cancelled`` (instead of letting the raise out).
    """

    clients: dict[str, str]
    failures: dict[str, QontoDesktopError] = field(default_factory=dict)
    receipts: tuple[MissingReceipt, ...] = ()
    hold: threading.Event | None = None
    hold_at: str | None = None
    cancel_as_report: bool = False
    requests: list[ExportRequest] = field(default_factory=list)
    written: list[tuple[tuple[MissingReceipt, ...], Path]] = field(default_factory=list)
    holding: threading.Event = field(default_factory=threading.Event)
    steps: list[str] = field(default_factory=list)

    def export(
        self,
        request: ExportRequest,
        on_progress: Callable[[ClientProgress], None],
        checkpoint: Callable[[str], None],
    ) -> ExportReport:
        self.requests.append(request)
        ids = request.connection_ids or tuple(self.clients)
        last = {i: ClientProgress(i, self.clients.get(i, i), "waiting") for i in ids}
        for progress in last.values():
            on_progress(progress)

        def tell(progress: ClientProgress) -> None:
            last[progress.connection_id] = progress
            on_progress(progress)

        try:
            for connection_id in ids:
                self._one(request, last[connection_id], tell, checkpoint)
        except Exception:
            if not self.cancel_as_report:
                raise
            for key, progress in last.items():
                if progress.stage not in ("done", "failed"):
                    last[key] = ClientProgress(key, progress.name, "cancelled")
        return ExportReport(tuple(last[i] for i in ids), request.destination)

    def _one(
        self,
        request: ExportRequest,
        start: ClientProgress,
        tell: Callable[[ClientProgress], None],
        checkpoint: Callable[[str], None],
    ) -> None:
        key, name = start.connection_id, start.name

        def step(progress: ClientProgress) -> None:
            checkpoint(progress.stage)
            name_of_step = f"{key}:{progress.stage}:{progress.done}"
            self.steps.append(name_of_step)
            tell(progress)
            here = self.hold_at is None or self.hold_at == name_of_step
            if self.hold is not None and here and not self.holding.is_set():
                self.holding.set()
                self.hold.wait(HOLD_TIMEOUT_S)

        for done in range(0, TRANSACTIONS + 1, READ_STEP):
            step(ClientProgress(key, name, "syncing", done, TRANSACTIONS))
        if key in self.failures:
            checkpoint("failed")
            tell(ClientProgress(key, name, "failed", error=self.failures[key]))
            return
        step(ClientProgress(key, name, "statements"))
        for done in range(0, RECEIPTS + 1, RECEIPT_STEP):
            step(ClientProgress(key, name, "receipts", done, RECEIPTS))
        step(ClientProgress(key, name, "writing"))
        folder = request.destination / f"{name} {request.period.label}"
        step(ClientProgress(key, name, "done", folder=folder))

    def missing(self) -> tuple[MissingReceipt, ...]:
        return self.receipts

    def missing_counts(self) -> Mapping[str, int]:
        counts: dict[str, int] = {}
        for receipt in self.receipts:
            counts[receipt.connection_id] = counts.get(receipt.connection_id, 0) + 1
        return counts

    def write_missing_csv(self, rows: Sequence[MissingReceipt], path: Path) -> None:
        self.written.append((tuple(rows), path))
        with path.open("w", encoding="utf-8", newline="") as file:
            writer = csv.writer(file)
            for row in rows:
                writer.writerow([row.client, row.day.isoformat(), row.amount_cents])


# Demo-like rows: what a month of French small businesses leaves without receipts.
_MISSING = (
    ("Boulangerie Martin", date(2026, 11, 3), -4_590, "Metro Cash & Carry", "CB METRO", "Courant"),
    ("Boulangerie Martin", date(2026, 11, 18), -128_000, "EDF Pro", "PRLV EDF", "Courant"),
    ("Boulangerie Martin", date(2026, 11, 24), -990, "SNCF", "CB SNCF CONNECT", "Courant"),
    ("Atelier Durand", date(2026, 11, 7), -23_450, "Leroy Merlin Pro", "CB LEROY MERLIN", "Pro"),
    ("Atelier Durand", date(2026, 11, 12), 150_000, "Mairie de Lyon", "VIR SUBVENTION", "Pro"),
    ("Atelier Durand", date(2026, 11, 29), -6_700, "Total Energies", "CB TOTAL", "Pro"),
    ("Cabinet Lefèvre", date(2026, 11, 2), -119_900, "Apple", "CB APPLE STORE", "Principal"),
    ("Cabinet Lefèvre", date(2026, 11, 21), -3_520, "Uber", "CB UBER TRIP", "Principal"),
)


def demo_receipts(ids: Mapping[str, str]) -> tuple[MissingReceipt, ...]:
    """The demo rows, each client's given the connection id ``ids`` names it with."""
    rows = []
    for number, (client, day, cents, counterparty, label, account) in enumerate(_MISSING):
        rows.append(
            MissingReceipt(
                connection_id=ids.get(client, client),
                client=client,
                transaction_id=f"tx-{number:04d}",
                day=day,
                amount_cents=cents,
                currency="EUR",
                counterparty=counterparty,
                label=label,
                account=account,
            )
        )
    return tuple(rows)


def receipts_for(clients: Mapping[str, str]) -> tuple[MissingReceipt, ...]:
    """The demo rows given to these clients (id → name): the demo's first client to the first."""
    demo_clients = list(dict.fromkeys(row[0] for row in _MISSING))
    chosen = list(clients.items())
    owners = {demo: chosen[n % len(chosen)] for n, demo in enumerate(demo_clients)}
    return tuple(
        replace(row, connection_id=owners[row.client][0], client=owners[row.client][1])
        for row in demo_receipts({})
    )
