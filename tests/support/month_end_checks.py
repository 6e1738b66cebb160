"""What an end-to-end month-end test reads back: the emulator's own data, the files written."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from ofxtools.Parser import OFXTree

from qonto_desktop.emulator import Emulator
from qonto_desktop.mirror.periods import days_bounds
from tests.support.bank_calls import all_transactions


def emulator_transactions(
    emulator: Emulator, token: str, account_id: str, first: date, last: date
) -> list[dict[str, Any]]:
    """The account's completed transactions settled in the period (days in Paris time)."""
    start, end = days_bounds(first, last)
    found = all_transactions(
        emulator,
        token,
        [("bank_account_id", account_id), ("status[]", "completed"), ("per_page", "100")],
    )
    return [t for t in found if start <= _moment(t["settled_at"]) < end]


def missing_in_emulator(emulator: Emulator, token: str, account_id: str) -> set[str]:
    """The ids of the account's completed transactions still needing a receipt."""
    found = all_transactions(
        emulator, token, [("bank_account_id", account_id), ("status[]", "completed")]
    )
    return {
        t["id"]
        for t in found
        if t["attachment_required"] and not t["attachment_ids"] and not t["attachment_lost"]
    }


def ofx_entries(path: Path) -> set[tuple[str, int]]:
    """(FITID, cents) of every transaction of an OFX file, parsed back by ofxtools."""
    tree = OFXTree()
    tree.parse(str(path))
    (statement,) = tree.convert().statements
    return {(t.fitid, int(t.trnamt * 100)) for t in statement.transactions}


def french_csv(path: Path) -> list[list[str]]:
    """The rows of a French Excel CSV (BOM, ``;``), read with the csv module."""
    text = path.read_bytes().decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def folder_files(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under ``folder``: its bytes and modification time (nanoseconds)."""
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _moment(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)
