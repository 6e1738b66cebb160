"""The one seam between the window and the month-end work: what the window asks, and of whom.

The window never runs an export itself: it is given a :class:`MonthEndService` (the application
API's export, sync and missing-receipts use cases behind one small face) and calls it on a
worker. Without one the window offers no month-end action at all.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Protocol

from qonto_desktop.connections.export_errors import ExportCancelledError
from qonto_desktop.connections.month_end import (
    ClientProgress,
    ExportReport,
    ExportRequest,
    MissingReceipt,
)

__all__ = ["ExportStopped", "MissingReceipt", "MonthEndService"]


# What the window's checkpoint raises once Cancel is pressed: the application API's cancellation,
# so the real export ends cleanly (the clients not finished ``cancelled``, what was saved kept).
# A service may also let it out of :meth:`MonthEndService.export`: the window takes it as a stop.
ExportStopped = ExportCancelledError


class MonthEndService(Protocol):
    """The month-end use cases as the window calls them; every call runs on a worker thread."""

    def export(
        self,
        request: ExportRequest,
        on_progress: Callable[[ClientProgress], None],
        checkpoint: Callable[[str], None],
    ) -> ExportReport:
        """Sync and export ``request``; ``on_progress`` is called on this (worker) thread."""
        ...

    def missing(self) -> tuple[MissingReceipt, ...]:
        """Every transaction still missing a receipt, across every connection."""
        ...

    def missing_counts(self) -> Mapping[str, int]:
        """How many receipts each connection misses (connection id → count)."""
        ...

    def write_missing_csv(self, rows: Sequence[MissingReceipt], path: Path) -> None:
        """Write these rows as a CSV file at ``path`` (atomically)."""
        ...
