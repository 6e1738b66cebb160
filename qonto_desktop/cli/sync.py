"""``sync [NAME ... | --all] [--json]``: bring the local copy of bank data up to date.

Progress goes to stderr on a terminal only (one line, rewritten); a scheduled task, piped, gets
one line per client at the end, or the ``--json`` summary on stdout.
"""

from __future__ import annotations

from typing import Any, TextIO

from qonto_desktop.cli import exit_codes
from qonto_desktop.cli.json_output import json_text
from qonto_desktop.cli.render import error_line, name_of
from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.listing import find_connection
from qonto_desktop.connections.sync import SyncEvent, sync
from qonto_desktop.connections.sync_model import (
    ClientSync,
    Done,
    Failed,
    Syncing,
    SyncSummary,
)
from qonto_desktop.errors import QontoDesktopError

OUTCOME_WORDS = {
    "done": "up to date",
    "failed": "failed",
    "to_reconnect": "to reconnect",
    "stopped": "stopped",
}


def run(
    desk: Desk, names: list[str], *, every: bool, as_json: bool, out: TextIO, err: TextIO
) -> int:
    """Sync the clients named (or all); one line each, or ``--json``; the worst exit code."""
    if bool(names) == every:
        print("sync: name the clients to sync, or give --all (see --help)", file=err)
        return exit_codes.USAGE
    ids = None if every else tuple(dict.fromkeys(find_connection(desk, n).id for n in names))
    progress = _Progress(err) if err.isatty() and not as_json else None
    summary = sync(desk, ids, on_progress=progress.show if progress else None)
    if progress is not None:
        progress.clear()
    if as_json:
        print(json_text(summary_data(summary)), file=out)
    else:
        _lines(summary, out, err)
    errors = [c.error for c in summary.clients if c.error is not None]
    return max((exit_codes.exit_code(e) for e in errors), default=exit_codes.OK)


def summary_data(summary: SyncSummary) -> dict[str, Any]:
    """The ``--json`` summary: one object per client, and the mirror's problem."""
    return {
        "clients": [_client_data(c) for c in summary.clients],
        "problem": _error_data(summary.problem),
    }


def _client_data(client: ClientSync) -> dict[str, Any]:
    return {
        "id": client.connection.id,
        "name": client.connection.display_name,
        "outcome": client.outcome,
        "accounts": client.accounts,
        "new": client.new,
        "changed": client.changed,
        "error": _error_data(client.error),
    }


def _error_data(error: QontoDesktopError | None) -> dict[str, str] | None:
    if error is None:
        return None
    return {"code": error.code, "message": error.message, "next_action": error.next_action}


def _lines(summary: SyncSummary, out: TextIO, err: TextIO) -> None:
    if summary.problem is not None:
        print(error_line(summary.problem), file=err)
    for client in summary.clients:
        name = name_of(client.connection)
        if client.error is None:
            print(
                f"{name}: up to date ({client.new} new, {client.changed} changed, "
                f"{client.accounts} account{'s' if client.accounts != 1 else ''})",
                file=out,
            )
        else:
            print(f"{name}: {OUTCOME_WORDS[client.outcome]}: {error_line(client.error)}", file=err)
    if not summary.clients:
        print("No connection to sync.", file=out)


class _Progress:
    """One line on the terminal: clients done, and the last client heard from."""

    def __init__(self, err: TextIO) -> None:
        self._err = err
        self._done = 0
        self._total = 0
        self._width = 0

    def show(self, event: SyncEvent) -> None:
        if isinstance(event, Done | Failed):
            self._done += 1
            line = f"{self._done} of {self._total} clients synced"
        elif isinstance(event, Syncing):
            of = f" of {event.total}" if event.total is not None else ""
            line = (
                f"{self._done} of {self._total} clients synced; "
                f"{name_of(event.connection)}: {event.done}{of} transactions"
            )
        else:
            self._total += 1
            return
        self._write(line)

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
