"""``export [NAME ... | --all] [--period P] [--to DIR] [--format F,...] [--json]``: the month end.

Each client is synced, its period's statements and receipts fetched (once: a later export
downloads nothing it has), and its folder written under the destination. Progress goes to
stderr on a terminal only (one line, rewritten); piped, one line per client at the end on
stdout (or stderr when it failed), or the ``--json`` summary on stdout. The exit code is the
worst client's.
"""

from __future__ import annotations

import contextlib
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from qonto_desktop.cli import exit_codes
from qonto_desktop.cli.json_output import json_text
from qonto_desktop.cli.render import error_line
from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.export_folder import export_folder, remember_export_folder
from qonto_desktop.connections.export_run import export_month_end
from qonto_desktop.connections.listing import find_connection
from qonto_desktop.connections.month_end import (
    DEFAULT_FORMATS,
    ClientProgress,
    ExportReport,
    ExportRequest,
    Format,
)
from qonto_desktop.connections.month_end_period import period_choice, previous_month
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.i18n.display import safe_text

# What the command line calls each format; "csv" is the French Excel one, as the window's.
FORMAT_WORDS: dict[str, Format] = {
    "csv": "csv_excel",
    "csv-excel": "csv_excel",
    "csv_excel": "csv_excel",
    "csv-plain": "csv_plain",
    "csv_plain": "csv_plain",
    "rfc4180": "csv_plain",
    "ofx": "ofx",
    "pdf": "statements",
    "statements": "statements",
    "receipts": "receipts",
}
STAGE_WORDS = {
    "waiting": "waiting",
    "syncing": "syncing",
    "statements": "downloading statements",
    "receipts": "downloading receipts",
    "writing": "writing its files",
    "done": "done",
    "failed": "failed",
    "cancelled": "stopped",
}


def formats_of(text: str | None) -> frozenset[Format] | str:
    """The formats named (``csv,ofx``), or the first word not known."""
    if text is None:
        return DEFAULT_FORMATS
    chosen: set[Format] = set()
    for word in (w.strip().lower() for w in text.split(",")):
        if word not in FORMAT_WORDS:
            return word
        chosen.add(FORMAT_WORDS[word])
    return frozenset(chosen)


def run(
    desk: Desk,
    names: list[str],
    *,
    every: bool,
    period: str | None,
    to: str | None,
    formats: str | None,
    as_json: bool,
    out: TextIO,
    err: TextIO,
) -> int:
    """Export the clients named (or all); one line each, or ``--json``; the worst exit code."""
    if bool(names) == every:
        print("export: name the clients to export, or give --all (see --help)", file=err)
        return exit_codes.USAGE
    chosen = formats_of(formats)
    if isinstance(chosen, str):
        known = ", ".join(sorted(set(FORMAT_WORDS)))
        print(f"export: unknown format '{safe_text(chosen, limit=40)}' ({known})", file=err)
        return exit_codes.USAGE
    choice = period_choice(period) if period is not None else previous_month(date.today())
    destination = Path(to).expanduser() if to else export_folder(desk.settings)
    ids = None if every else tuple(dict.fromkeys(find_connection(desk, n).id for n in names))
    request = ExportRequest(ids, choice, destination, chosen)
    progress = _Progress(err) if err.isatty() and not as_json else None
    report = export_month_end(desk, request, on_progress=progress.show if progress else None)
    if progress is not None:
        progress.clear()
    _remember(desk, report.destination)
    if as_json:
        print(json_text(summary_data(report, choice.label)), file=out)
    else:
        _lines(report, choice.label, out, err)
    errors = [c.error for c in report.clients if c.error is not None]
    worst = max((exit_codes.exit_code(e) for e in errors), default=exit_codes.OK)
    if worst == exit_codes.OK and report.failed:
        return exit_codes.ERROR
    return worst


def _remember(desk: Desk, destination: Path) -> None:
    # The export is done: a settings file that cannot be written costs only the next default.
    with contextlib.suppress(QontoDesktopError, OSError):
        remember_export_folder(desk.paths, destination.resolve())


def summary_data(report: ExportReport, period: str) -> dict[str, Any]:
    """The ``--json`` summary: one object per client, and the mirror's problem."""
    return {
        "period": period,
        "destination": str(report.destination),
        "clients": [_client_data(c) for c in report.clients],
        "problem": _error_data(report.problem),
    }


def _client_data(client: ClientProgress) -> dict[str, Any]:
    return {
        "id": client.connection_id,
        "name": client.name,
        "outcome": client.stage,
        "folder": None if client.folder is None else str(client.folder),
        "statements_not_issued": list(client.statements_not_issued),
        "error": _error_data(client.error),
    }


def _error_data(error: QontoDesktopError | None) -> dict[str, str] | None:
    if error is None:
        return None
    return {"code": error.code, "message": error.message, "next_action": error.next_action}


def _lines(report: ExportReport, period: str, out: TextIO, err: TextIO) -> None:
    if report.problem is not None:
        print(error_line(report.problem), file=err)
    for client in report.clients:
        name = safe_text(client.name)
        if client.stage == "done" and client.folder is not None:
            print(f"{name}: {period} exported to {safe_text(str(client.folder))}", file=out)
            if client.statements_not_issued:
                months = ", ".join(client.statements_not_issued)
                print(f"{name}: statement not issued yet by Qonto for {months}", file=out)
        elif client.error is not None:
            print(f"{name}: {STAGE_WORDS[client.stage]}: {error_line(client.error)}", file=err)
        else:
            print(f"{name}: {STAGE_WORDS[client.stage]}", file=err)


class _Progress:
    """One line on the terminal: clients done, and the last client heard from."""

    def __init__(self, err: TextIO) -> None:
        self._err = err
        self._done = 0
        self._total = 0
        self._width = 0

    def show(self, event: ClientProgress) -> None:
        if event.stage == "waiting":
            self._total += 1
            return
        if event.stage in {"done", "failed", "cancelled"}:
            self._done += 1
            self._write(f"{self._done} of {self._total} clients exported")
            return
        counted = ""
        if event.stage in {"syncing", "receipts"}:
            of = f" of {event.total}" if event.total is not None else ""
            counted = f" {event.done}{of}"
        self._write(
            f"{self._done} of {self._total} clients exported; "
            f"{safe_text(event.name, limit=40)}: {STAGE_WORDS[event.stage]}{counted}"
        )

    def clear(self) -> None:
        if self._width:
            self._write("")
            self._err.write("\r")
            self._err.flush()

    def _write(self, line: str) -> None:
        shown = line[:100]
        self._err.write("\r" + shown.ljust(self._width))
        self._err.flush()
        self._width = max(self._width, len(shown))
