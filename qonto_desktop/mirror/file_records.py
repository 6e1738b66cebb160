"""Recording the files saved from Qonto (statements, receipts): where, how big, their SHA-256.

An export checks a recorded file against its checksum before using it again, so a file
downloaded once is not downloaded at every export.
"""

from __future__ import annotations

import sqlite3

from qonto_desktop.mirror.records import StoredFile
from qonto_desktop.mirror.writes import transaction


def record_statement(
    connection: sqlite3.Connection,
    connection_id: str,
    stored: StoredFile,
    *,
    month: str,
    file_name: str | None,
) -> None:
    """Record a statement saved on disk (``owner_id``: its account; ``month``: ``YYYY-MM``)."""
    with transaction(connection):
        connection.execute(
            "INSERT OR REPLACE INTO statements (connection_id, id, account_id, month, file_name,"
            " sha256, local_path, size) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                connection_id,
                stored.id,
                stored.owner_id,
                month,
                file_name,
                stored.sha256,
                str(stored.local_path),
                stored.size,
            ),
        )


def record_receipt(connection: sqlite3.Connection, connection_id: str, stored: StoredFile) -> None:
    """Record a receipt saved on disk (``id``: the attachment; ``owner_id``: its transaction)."""
    with transaction(connection):
        connection.execute(
            "INSERT OR REPLACE INTO receipts (connection_id, attachment_id, transaction_id,"
            " sha256, local_path, size) VALUES (?, ?, ?, ?, ?, ?)",
            (
                connection_id,
                stored.id,
                stored.owner_id,
                stored.sha256,
                str(stored.local_path),
                stored.size,
            ),
        )
