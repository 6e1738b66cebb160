"""Export one client's period into its folder: the files, then the manifest, last.

The manifest is written after every other file, so a run stopped half-way (a crash, a full
disk) leaves the previous manifest in place, and the next run, with the same values, writes
what is missing and ends with the same folder as a clean run.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from qonto_desktop.export.account_files import read_download, write_account
from qonto_desktop.export.csv_files import csv_bytes
from qonto_desktop.export.manifest import MANIFEST, earlier_files, manifest_bytes
from qonto_desktop.export.names import account_tag, client_folder, period_folder, safe_name
from qonto_desktop.export.receipts import RECEIPTS_FOLDER, PlacedReceipt, place_receipts
from qonto_desktop.export.rows import (
    EXCEL,
    MISSING_EN,
    MISSING_FR,
    PLAIN,
    Dialect,
    headers,
    missing_row,
    ordered,
    transaction_row,
)
from qonto_desktop.export.values import ClientPeriod, Formats
from qonto_desktop.export.writing import FolderWriter, Write, default_write
from qonto_desktop.qonto.models.transactions import Transaction


@dataclass(frozen=True)
class ExportResult:
    """Where the files are, and which ones this run wrote, left as they were, or removed."""

    folder: Path
    files: tuple[str, ...]
    written: tuple[str, ...]
    removed: tuple[str, ...]


def export_client(
    client: ClientPeriod,
    destination: Path,
    formats: Formats = Formats(),  # noqa: B008 - frozen, so one shared default is safe
    *,
    write: Write = default_write,
) -> ExportResult:
    """Write ``client``'s folder for its period under ``destination``.

    Raises:
        DestinationNotWritableError: before anything is written.
        DiskFullError: the disk filled up; no half-written file is left.
        ExportWriteError, DownloadUnreadableError: another failure, named.
    """
    name = client_folder(client.client_name, client.siren, client.connection_id)
    folder = destination / name / period_folder(client.period)
    writer = FolderWriter(folder, destination, write)
    writer.open()
    receipts = {r.attachment_id: r for r in client.receipts} if formats.receipts else {}
    every = [t for item in client.accounts for t in item.transactions]
    placed_by_transaction: dict[str, list[PlacedReceipt]] = defaultdict(list)
    for placed in place_receipts(every, receipts):
        placed_by_transaction[placed.transaction_id].append(placed)
        writer.put(f"{RECEIPTS_FOLDER}/{placed.name}", read_download(placed.receipt.path))
    by_transaction = {k: tuple(v) for k, v in placed_by_transaction.items()}
    entries, tags = [], set[str]()
    for item in sorted(client.accounts, key=lambda a: a.account.key):
        account = item.account
        tag = account_tag(account.display_name, account.iban, account.key)
        if tag.casefold() in tags:
            tag = f"{tag}_{safe_name(account.key, limit=12)}"
        tags.add(tag.casefold())
        entries.append(
            write_account(writer, item, tag, client.period, formats=formats, placed=by_transaction)
        )
    pairs = [(i.account.iban or i.account.display_name, i.transactions) for i in client.accounts]
    for dialect, wanted in ((EXCEL, formats.excel_csv), (PLAIN, formats.plain_csv)):
        if wanted:
            _write_csvs(writer, dialect, client.period.label, pairs, by_transaction)
    earlier = earlier_files(folder)
    removed = writer.remove_except(earlier, writer.hashes)
    used = {a for t in every for a in t.attachment_ids}
    absent = sorted(used - receipts.keys()) if formats.receipts else []
    writer.put(MANIFEST, manifest_bytes(client, formats.names, entries, writer.hashes, absent))
    return ExportResult(folder, tuple(sorted(writer.hashes)), tuple(writer.changed), tuple(removed))


def _write_csvs(
    writer: FolderWriter,
    dialect: Dialect,
    label: str,
    pairs: Sequence[tuple[str, Sequence[Transaction]]],
    placed: dict[str, tuple[PlacedReceipt, ...]],
) -> None:
    suffix = "" if dialect.french else "_rfc4180"
    rows = ordered(pairs)
    names = {t: tuple(p.name for p in found) for t, found in placed.items()}
    writer.put(
        f"transactions_{label}{suffix}.csv",
        csv_bytes(
            dialect,
            headers(dialect),
            (transaction_row(dialect, t, a, names.get(t.id, ())) for a, t in rows),
        ),
    )
    missing: Sequence[str] = MISSING_FR if dialect.french else MISSING_EN
    writer.put(
        f"justificatifs_manquants_{label}{suffix}.csv",
        csv_bytes(
            dialect, missing, (missing_row(dialect, t, a) for a, t in rows if t.missing_receipt)
        ),
    )
