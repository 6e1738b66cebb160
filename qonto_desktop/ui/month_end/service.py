"""The one seam between the window and the month-end work: what the window asks, and of whom.

The window never runs an export itself: it is given a :class:`MonthEndService` (the application
API's export, sync and missing-receipts use cases behind one small face) and calls it on a
worker. Without one the window offers no month-end action at all.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Protocol

from qonto_desktop.connections.month_end import (
    ClientProgress,
    ExportReport,
    ExportRequest,
    MissingReceipt,
)

__all__ = ["ExportStopped", "MissingReceipt", "MonthEndService"]


class ExportStopped(Exception):  # noqa: N818 - a cancellation, not an error
    """What the window's checkpoint raises once Cancel is pressed.

    The service lets it out of :meth:`MonthEndService.export` (or ends the export with the
    clients not finished as ``cancelled``): what was saved stays, the rest resumes next time.
    """


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
