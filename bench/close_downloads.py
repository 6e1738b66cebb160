"""The month end's downloads, as a process of their own, while ``export`` is not there yet.

Run by :mod:`bench.monthly_close` after ``main.py sync --all``, on the same home: for every
connection, the period's statements (one listing, then each PDF) and the receipts of the period's
transactions the mirror holds, into ``--to``, each recorded in the mirror with its SHA-256 and
skipped next time while its file is there. Clients run :data:`POOL_SIZE` at a time (the sync's
pool), each client's files one after the other, every request through the application's own
pieces (the fresh-token use case, Qonto's bank-data client, the mirror). Receipts' addresses
come from the period's transactions listed again (:func:`_fresh_urls`); one that expired, or
is missing, is asked again once. Prints a JSON summary: files downloaded, files already there,
clients failed.

Usage: ``python bench/close_downloads.py --period 2026-11 --to DIR``
"""

from __future__ import annotations

import os
import sys

# Run as a script, this folder comes first on sys.path, and bench/token.py would stand in for
# the standard library's ``token`` module: put the repository there instead.
sys.path.pop(0)
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import argparse
import hashlib
import json
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path

from qonto_desktop.connections import fresh
from qonto_desktop.connections.desk import Desk, open_desk
from qonto_desktop.connections.sync import POOL_SIZE
from qonto_desktop.connections.sync_tokens import qonto_readers
from qonto_desktop.mirror.bank_mirror import Mirror, open_mirror
from qonto_desktop.mirror.periods import month_bounds
from qonto_desktop.mirror.records import StoredFile
from qonto_desktop.qonto.bank_api import QontoBankApi
from qonto_desktop.qonto.banking import BankReader
from qonto_desktop.qonto.errors import FileUrlExpiredError
from qonto_desktop.qonto.models.statements import Month
from qonto_desktop.store.connection import Connection


@dataclass
class Tally:
    """One client's files: downloaded now, and found already there."""

    downloaded: int = 0
    kept: int = 0


def _recorded(found: StoredFile | None) -> bool:
    return found is not None and found.local_path.is_file()


def _fetch(reader: BankReader, url: str | None, again: Callable[[], str | None], to: Path) -> str:
    """Download ``url`` to ``to`` (asking ``again`` once for an expired one); its SHA-256."""
    try:
        if url is None:
            raise FileUrlExpiredError
        reader.download(url, to)
    except FileUrlExpiredError:
        fresh_url = again()
        if fresh_url is None:
            raise
        reader.download(fresh_url, to)
    return hashlib.sha256(to.read_bytes()).hexdigest()


def _fresh_urls(
    reader: BankReader, account: str, start: datetime, end: datetime
) -> dict[str, str | None]:
    """Fresh receipt addresses of the period, a page of 100 transactions a request.

    The mirror keeps no address (they die in 30 minutes); asking each receipt's again would
    be one API call per file. Pending transactions have no ``settled_at``: theirs are asked
    one by one.
    """
    if not isinstance(reader, QontoBankApi):  # the protocol has no period filters
        return {}
    pages = reader.transactions(
        account,
        updated_at_from=None,
        settled_at_from=start,
        settled_at_to=end - timedelta(milliseconds=1),
    )
    return {a.id: a.url for page in pages for t in page.transactions for a in t.attachments}


def _statement_url(reader: BankReader, statement_id: str) -> str | None:
    return reader.statement(statement_id).file_url


def _receipt_url(reader: BankReader, attachment_id: str) -> str | None:
    return reader.attachment(attachment_id).url


def one_client(desk: Desk, mirror: Mirror, connection: Connection, month: Month, to: Path) -> Tally:
    """The period's statements and receipts of one client."""
    tally = Tally()
    folder = to / connection.id
    folder.mkdir(parents=True, exist_ok=True)
    token = fresh.access_token(desk, connection.id).access_token
    reader = qonto_readers(desk)(connection, token)
    accounts = tuple(a.id for a in mirror.accounts(connection.id))
    for statement in reader.statements(accounts, month, month):
        if _recorded(mirror.statement_file(connection.id, statement.id)):
            tally.kept += 1
            continue
        path = folder / f"statement-{statement.id}.pdf"
        digest = _fetch(
            reader, statement.file_url, partial(_statement_url, reader, statement.id), path
        )
        stored = StoredFile(
            statement.id, statement.bank_account_id, digest, path, path.stat().st_size
        )
        mirror.record_statement(
            connection.id, stored, month=month.label, file_name=statement.file_name
        )
        tally.downloaded += 1
    start, end = month_bounds(month)
    for account in accounts:
        wanted = [
            (transaction.id, attachment.id)
            for transaction in mirror.transactions(connection.id, account, start, end)
            for attachment in transaction.attachments
        ]
        needed = [w for w in wanted if not _recorded(mirror.receipt_file(connection.id, w[1]))]
        tally.kept += len(wanted) - len(needed)
        urls = _fresh_urls(reader, account, start, end) if needed else {}
        for transaction_id, attachment_id in needed:
            path = folder / f"receipt-{attachment_id}"
            again = partial(_receipt_url, reader, attachment_id)
            digest = _fetch(reader, urls.get(attachment_id), again, path)
            size = path.stat().st_size
            stored = StoredFile(attachment_id, transaction_id, digest, path, size)
            mirror.record_receipt(connection.id, stored)
            tally.downloaded += 1
    return tally


def _period(text: str) -> Month:
    year, _, month = text.partition("-")
    return Month(int(year), int(month))


def main() -> int:
    """Download every client's files for the period; print the JSON summary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--period", type=_period, required=True, help="YYYY-MM")
    parser.add_argument("--to", type=Path, required=True, help="the destination folder")
    args = parser.parse_args()
    desk = open_desk()
    mirror = open_mirror(desk.paths)
    failed: list[str] = []
    total = Tally()
    try:
        connections = desk.index.load().connections
        with ThreadPoolExecutor(max_workers=POOL_SIZE, thread_name_prefix="files") as pool:
            futures = [
                (c, pool.submit(one_client, desk, mirror, c, args.period, args.to))
                for c in connections
            ]
            for connection, future in futures:
                try:
                    tally = future.result()
                except Exception as exc:  # reported, the others go on
                    failed.append(f"{connection.id}: {type(exc).__name__}")
                    continue
                total.downloaded += tally.downloaded
                total.kept += tally.kept
    finally:
        mirror.close()
    summary = {"downloaded": total.downloaded, "kept": total.kept, "failed": failed}
    print(json.dumps(summary))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
