"""The month end of the desk a face is using: export, missing receipts and their CSV, in one object.

The window is given one :class:`DeskMonthEnd` and calls it on its workers. It asks for the desk at
every call, so it follows the window when the desk changes (the demo firm, a setting saved). The
export and the mirror load at the first call, never at the window's start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the window imports this module before its first frame: names only
    from collections.abc import Callable, Mapping, Sequence
    from pathlib import Path

    from qonto_desktop.connections.checkpoint import Checkpoint
    from qonto_desktop.connections.desk import Desk
    from qonto_desktop.connections.month_end import (
        ClientProgress,
        ExportReport,
        ExportRequest,
        MissingReceipt,
    )

__all__ = ["DeskMonthEnd"]


class DeskMonthEnd:
    """The month-end use cases bound to ``desk()``, the desk in use at each call.

    Cancel is the checkpoint raising
    :class:`~qonto_desktop.connections.export_errors.ExportCancelledError` (any of the app's
    errors): the export then returns its report, the clients not finished ``cancelled``.
    """

    def __init__(self, desk: Callable[[], Desk]) -> None:
        self._desk = desk

    def export(
        self,
        request: ExportRequest,
        on_progress: Callable[[ClientProgress], None],
        checkpoint: Checkpoint,
    ) -> ExportReport:
        """Sync and export ``request``, as ``export_month_end`` does (progress on this thread)."""
        # The sync, the mirror and the export's steps load with the first export.
        from qonto_desktop.connections.export_run import export_month_end  # noqa: PLC0415

        return export_month_end(
            self._desk(), request, on_progress=on_progress, checkpoint=checkpoint
        )

    def missing(self) -> tuple[MissingReceipt, ...]:
        """Every connected client's transactions still missing a receipt."""
        from qonto_desktop.connections.missing_receipts import missing_receipts  # noqa: PLC0415

        return missing_receipts(self._desk())

    def missing_counts(self) -> Mapping[str, int]:
        """How many receipts each connection misses (connections with none: absent)."""
        from qonto_desktop.connections.missing_receipts import missing_counts  # noqa: PLC0415

        return missing_counts(self._desk())

    def write_missing_csv(self, rows: Sequence[MissingReceipt], path: Path) -> None:
        """Write these rows as the export's French Excel CSV at ``path``, atomically."""
        from qonto_desktop.connections.missing_receipts import write_missing_csv  # noqa: PLC0415

        write_missing_csv(tuple(rows), path)
