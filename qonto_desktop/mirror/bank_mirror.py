"""The mirror as the application uses it: one object, safe to share between threads.

Each thread works on its own SQLite connection (:class:`~qonto_desktop.mirror.database.Database`);
the methods here name what is done, and turn SQLite's errors into the app's. Writes are short
transactions (one page at most), so syncs of different clients in parallel wait on each other
only for milliseconds.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from qonto_desktop.mirror import file_records, queries, writes
from qonto_desktop.mirror.database import DAMAGED, Database, mirror_path
from qonto_desktop.mirror.errors import MirrorCorruptError, MirrorDamagedError, MirrorError
from qonto_desktop.mirror.records import (
    ConnectionCounts,
    MirroredAccount,
    MissingReceipt,
    PageCounts,
    StoredFile,
)
from qonto_desktop.qonto.models.bank_accounts import BankAccount
from qonto_desktop.qonto.models.transactions import Transaction
from qonto_desktop.system.paths import AppPaths

_T = TypeVar("_T")


class Mirror:
    """Every client's mirrored bank data, in one file (see :mod:`qonto_desktop.mirror`)."""

    def __init__(self, path: Path) -> None:
        """Open (or create, or rebuild after damage) the file at ``path``.

        Raises:
            MirrorNewerError, MirrorError: see :class:`Database`.
        """
        self._database = Database(path)
        self.path = path

    @property
    def problem(self) -> MirrorDamagedError | None:
        """The damage found on opening (the file kept aside, a new one started), if any."""
        return self._database.problem

    def close(self) -> None:
        """Close every thread's connection to the file."""
        self._database.close()

    # --- Writing ----------------------------------------------------------------------------

    def save_accounts(
        self, connection_id: str, organization_id: str | None, accounts: Iterable[BankAccount]
    ) -> None:
        """Upsert a connection's accounts; their cursors stay."""
        self._run(lambda c: writes.save_accounts(c, connection_id, organization_id, accounts))

    def save_page(
        self,
        connection_id: str,
        organization_id: str | None,
        account_id: str,
        transactions: Iterable[Transaction],
        *,
        checkpoint: writes.Checkpoint | None = None,
    ) -> PageCounts:
        """Upsert one page and move the account's cursor, in one commit (see ``writes``)."""
        return self._run(
            lambda c: writes.save_page(
                c,
                connection_id,
                organization_id,
                account_id,
                transactions,
                checkpoint=checkpoint or (lambda _: None),
            )
        )

    def record_statement(
        self, connection_id: str, stored: StoredFile, *, month: str, file_name: str | None
    ) -> None:
        """Record a statement saved on disk, with its checksum."""
        self._run(
            lambda c: file_records.record_statement(
                c, connection_id, stored, month=month, file_name=file_name
            )
        )

    def record_receipt(self, connection_id: str, stored: StoredFile) -> None:
        """Record a receipt saved on disk, with its checksum."""
        self._run(lambda c: file_records.record_receipt(c, connection_id, stored))

    def forget(self, connection_id: str) -> tuple[Path, ...]:
        """Delete a connection's rows; the local files they named, for the caller to delete."""
        return self._run(lambda c: writes.forget(c, connection_id))

    # --- Reading ----------------------------------------------------------------------------

    def cursor(self, connection_id: str, account_id: str) -> datetime | None:
        """The account's cursor: ask Qonto for what changed from it on."""
        return self._run(lambda c: queries.cursor(c, connection_id, account_id))

    def accounts(self, connection_id: str) -> tuple[MirroredAccount, ...]:
        """The connection's accounts as last synced."""
        return self._run(lambda c: queries.accounts(c, connection_id))

    def transactions(
        self, connection_id: str, account_id: str, start: datetime, end: datetime
    ) -> tuple[Transaction, ...]:
        """The account's transactions booked in ``[start, end)`` (see ``queries``)."""
        return self._run(lambda c: queries.transactions(c, connection_id, account_id, start, end))

    def missing_receipts(
        self, connection_ids: tuple[str, ...] | None = None
    ) -> tuple[MissingReceipt, ...]:
        """Every transaction still needing a receipt, across the connections named (or all)."""
        return self._run(lambda c: queries.missing_receipts(c, connection_ids))

    def counts(self) -> dict[str, ConnectionCounts]:
        """Each connection's accounts, transactions and missing receipts."""
        return self._run(queries.counts)

    def statement_file(self, connection_id: str, statement_id: str) -> StoredFile | None:
        """A statement as recorded on disk, if it was."""
        return self._run(lambda c: queries.statement_file(c, connection_id, statement_id))

    def receipt_file(self, connection_id: str, attachment_id: str) -> StoredFile | None:
        """A receipt as recorded on disk, if it was."""
        return self._run(lambda c: queries.receipt_file(c, connection_id, attachment_id))

    def _run(self, work: Callable[[sqlite3.Connection], _T]) -> _T:
        try:
            return work(self._database.connection())
        except sqlite3.DatabaseError as exc:
            if getattr(exc, "sqlite_errorcode", None) in DAMAGED:
                self._database.note_damage()
                raise MirrorCorruptError(self.path, str(exc)) from None
            raise MirrorError(self.path, str(exc)) from None
        except sqlite3.Error as exc:
            raise MirrorError(self.path, str(exc)) from None


def open_mirror(paths: AppPaths) -> Mirror:
    """The mirror in the app's data folder.

    Raises:
        MirrorNewerError, MirrorError: see :class:`Database`.
    """
    return Mirror(mirror_path(paths))
