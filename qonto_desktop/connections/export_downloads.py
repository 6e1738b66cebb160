"""The statements and receipts of an export, downloaded once into the app's file store.

Each file is saved under the app's data folder (``files/<connection>/statements`` and
``.../receipts``, this user only) and recorded in the mirror with its size and SHA-256. A later
export finds it there: when the file on disk still has the recorded checksum it is used as it
is, and nothing is downloaded. Qonto's file addresses are short-lived: an address that expired
(or was never given) is asked again once (``statement(id)``, ``attachment(id)``). Files are
hashed a block at a time: a large scan never sits whole in memory.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable
from pathlib import Path

from qonto_desktop.mirror.bank_mirror import Mirror
from qonto_desktop.mirror.records import StoredFile
from qonto_desktop.qonto.banking import BankReader
from qonto_desktop.qonto.errors import FileUrlExpiredError, TruncatedDownloadError
from qonto_desktop.qonto.models.statements import Statement
from qonto_desktop.system.files import make_private_folder
from qonto_desktop.system.paths import AppPaths

log = logging.getLogger(__name__)

FILES_FOLDER = "files"
_PLAIN = re.compile(r"[A-Za-z0-9_-]{1,80}")
_BLOCK = 1 << 16


def store_folder(paths: AppPaths, connection_id: str, kind: str) -> Path:
    """Where a connection's ``statements`` or ``receipts`` are kept."""
    return paths.data_dir / FILES_FOLDER / _file_part(connection_id) / kind


def _file_part(identifier: str) -> str:
    """An id as a file name: as it is when plain, else its SHA-256 (ids come from Qonto)."""
    if _PLAIN.fullmatch(identifier):
        return identifier
    return hashlib.sha256(identifier.encode("utf-8")).hexdigest()


def kept(stored: StoredFile | None) -> Path | None:
    """The recorded file's path when it is still on disk with its recorded size and checksum."""
    if stored is None:
        return None
    try:
        if stored.local_path.stat().st_size != stored.size:
            return None
        digest = _sha256(stored.local_path)
    except OSError:
        return None
    return stored.local_path if digest == stored.sha256 else None


def _sha256(path: Path) -> str:
    """The file's SHA-256, read a block at a time."""
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while block := file.read(_BLOCK):
            digest.update(block)
    return digest.hexdigest()


def _fetch(
    reader: BankReader, url: str | None, again: Callable[[], str | None], destination: Path
) -> StoredFile:
    """Download ``url`` to ``destination``; a fresh address (``again``) when it is missing,
    and once more when the address used expired or the download was cut short."""
    make_private_folder(destination.parent)
    address = url if url is not None else again()
    if address is not None:
        try:
            reader.download(address, destination)
            return _stored(destination)
        except FileUrlExpiredError:
            log.info("a file address expired: asking Qonto for a new one")
        except TruncatedDownloadError:  # nothing kept of it: once more, on a fresh address
            log.info("a download was cut short: fetching it again")
    fresh = again()  # once: a second expiry or cut is said
    if fresh is None:
        raise FileUrlExpiredError
    reader.download(fresh, destination)
    return _stored(destination)


def _stored(path: Path) -> StoredFile:
    return StoredFile("", "", _sha256(path), path, path.stat().st_size)


def statement_path(
    reader: BankReader, mirror: Mirror, paths: AppPaths, connection_id: str, statement: Statement
) -> tuple[Path, bool]:
    """The statement's local file, and whether it was downloaded now."""
    found = kept(mirror.statement_file(connection_id, statement.id))
    if found is not None:
        return found, False
    folder = store_folder(paths, connection_id, "statements")
    destination = folder / f"{_file_part(statement.id)}.pdf"
    got = _fetch(
        reader,
        statement.file_url,
        lambda: reader.statement(statement.id).file_url,
        destination,
    )
    record = StoredFile(
        statement.id, statement.bank_account_id, got.sha256, got.local_path, got.size
    )
    mirror.record_statement(
        connection_id, record, month=statement.period.label, file_name=statement.file_name
    )
    return destination, True


def download_receipt(
    reader: BankReader,
    mirror: Mirror,
    paths: AppPaths,
    connection_id: str,
    *,
    transaction_id: str,
    attachment_id: str,
    url: str | None,
) -> Path:
    """Download a receipt not in the store (from ``url``, else asked once) and record it."""
    destination = store_folder(paths, connection_id, "receipts") / _file_part(attachment_id)
    got = _fetch(reader, url, lambda: reader.attachment(attachment_id).url, destination)
    record = StoredFile(attachment_id, transaction_id, got.sha256, got.local_path, got.size)
    mirror.record_receipt(connection_id, record)
    return destination
