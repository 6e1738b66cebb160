"""``refresh [--all | CONNECTION]``: renew access now, which keeps connections alive."""

from __future__ import annotations

from typing import TextIO

from qonto_desktop.cli import exit_codes
from qonto_desktop.cli.render import error_line, name_of, remaining
from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.fresh import refresh, renew_all
from qonto_desktop.connections.listing import find_connection


def run(desk: Desk, query: str | None, *, every: bool, out: TextIO, err: TextIO) -> int:
    """Renew one connection's access, or all that need it in one batch (a failure stops none)."""
    if not every:
        fresh = refresh(desk, find_connection(desk, query).id)
        left = remaining(fresh.connection.access_expires_at - desk.now())
        print(f"{name_of(fresh.connection)}: access renewed, token expires {left}", file=out)
        return exit_codes.OK
    report = renew_all(desk)
    results = report.results
    worst = exit_codes.OK
    if report.problem is not None:  # a damaged list: kept aside, and said first
        print(error_line(report.problem), file=err)
        worst = exit_codes.exit_code(report.problem)
    for result in results:
        name = name_of(result.connection)
        if result.error is None and result.refreshed:
            print(f"{name}: access renewed", file=out)
        elif result.error is None:
            days = int(result.connection.refresh_days_left(desk.now()) or 0)
            print(f"{name}: still fresh (access valid {days} more days)", file=out)
        else:
            print(f"{name}: {error_line(result.error)}", file=err)
            worst = max(worst, exit_codes.exit_code(result.error))
    if not results:
        print("No connection to renew.", file=out)
    return worst
