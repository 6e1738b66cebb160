"""``receipts --missing [--csv FILE] [--json]``: every client's transactions still needing a
receipt, from the local copy of bank data (as fresh as the last ``sync`` or ``export``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TextIO

from qonto_desktop.cli import exit_codes
from qonto_desktop.cli.json_output import json_text
from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.missing_receipts import missing_receipts, write_missing_csv
from qonto_desktop.connections.month_end import MissingReceipt
from qonto_desktop.i18n.display import safe_text
from qonto_desktop.qonto.presentation import money


def run(
    desk: Desk, *, missing: bool, csv: str | None, as_json: bool, out: TextIO, err: TextIO
) -> int:
    """List the receipts still missing (a table, ``--json``), and write them as CSV if asked."""
    if not missing:
        print("receipts: only --missing is known for now (see --help)", file=err)
        return exit_codes.USAGE
    rows = missing_receipts(desk)
    if csv is not None:
        write_missing_csv(rows, Path(csv))
    if as_json:
        print(json_text({"missing": [row_data(r) for r in rows]}), file=out)
        return exit_codes.OK
    for row in rows:
        print(_line(row), file=out)
    clients = len({r.connection_id for r in rows})
    if rows:
        print(f"{len(rows)} receipts missing, {clients} clients.", file=out)
    else:
        print("No receipt missing (as of the last sync).", file=out)
    if csv is not None:
        print(f"Written to {safe_text(str(Path(csv).expanduser()))}", file=out)
    return exit_codes.OK


def row_data(row: MissingReceipt) -> dict[str, Any]:
    """One missing receipt as JSON data."""
    return {
        "connection_id": row.connection_id,
        "client": row.client,
        "transaction_id": row.transaction_id,
        "date": row.day.isoformat(),
        "amount_cents": row.amount_cents,
        "currency": row.currency,
        "counterparty": row.counterparty,
        "label": row.label,
        "account": row.account,
    }


def _line(row: MissingReceipt) -> str:
    client = safe_text(row.client, limit=30)
    who = safe_text(row.counterparty or row.label or "-", limit=30)
    amount = money(row.amount_cents, row.currency, "en")
    return f"{client:<30}  {row.day.isoformat()}  {safe_text(amount):>14}  {who}"
