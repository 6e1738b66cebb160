"""The mirror's tables, and the steps that bring an older file up to date.

``PRAGMA user_version`` holds the version a file is at; opening runs each missing step in order,
each in its own transaction with the version it reaches, so a file is never half migrated. A
new version appends a step to :data:`MIGRATIONS`; a file from a newer app is left untouched.
"""

from __future__ import annotations

import sqlite3

_VERSION_1 = """
CREATE TABLE accounts (
    connection_id TEXT NOT NULL,
    id TEXT NOT NULL,
    organization_id TEXT,
    name TEXT,
    iban TEXT,
    bic TEXT,
    currency TEXT,
    status TEXT,
    balance_cents INTEGER,
    cursor TEXT,
    PRIMARY KEY (connection_id, id)
);
CREATE TABLE transactions (
    connection_id TEXT NOT NULL,
    id TEXT NOT NULL,
    organization_id TEXT,
    account_id TEXT NOT NULL,
    status TEXT NOT NULL,
    side TEXT NOT NULL,
    amount_cents INTEGER NOT NULL,
    settled_at TEXT,
    emitted_at TEXT,
    booked_at TEXT,
    updated_at TEXT NOT NULL,
    attachment_required INTEGER NOT NULL,
    attachment_lost INTEGER NOT NULL,
    attachment_count INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (connection_id, id)
);
CREATE INDEX transactions_by_account_date
    ON transactions (connection_id, account_id, booked_at);
CREATE INDEX transactions_missing
    ON transactions (attachment_required, attachment_count, attachment_lost, status);
CREATE TABLE statements (
    connection_id TEXT NOT NULL,
    id TEXT NOT NULL,
    account_id TEXT NOT NULL,
    month TEXT NOT NULL,
    file_name TEXT,
    sha256 TEXT NOT NULL,
    local_path TEXT NOT NULL,
    size INTEGER NOT NULL,
    PRIMARY KEY (connection_id, id)
);
CREATE TABLE receipts (
    connection_id TEXT NOT NULL,
    attachment_id TEXT NOT NULL,
    transaction_id TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    local_path TEXT NOT NULL,
    size INTEGER NOT NULL,
    PRIMARY KEY (connection_id, attachment_id)
);
"""

# MIGRATIONS[n] brings a file at version n to version n + 1.
MIGRATIONS: tuple[str, ...] = (_VERSION_1,)
SCHEMA_VERSION = len(MIGRATIONS)


def version_of(connection: sqlite3.Connection) -> int:
    """The version the open file is at (0 for a new, empty file)."""
    row = connection.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(connection: sqlite3.Connection) -> None:
    """Run the steps the file lacks, each atomically with its new version.

    The caller has checked the file is not newer than :data:`SCHEMA_VERSION`; the connection is
    in autocommit mode (``isolation_level=None``).
    """
    while (current := version_of(connection)) < SCHEMA_VERSION:
        connection.execute("BEGIN IMMEDIATE")
        try:
            if version_of(connection) == current:  # another thread or process may have done it
                for statement in MIGRATIONS[current].split(";"):
                    if statement.strip():
                        connection.execute(statement)
                connection.execute(f"PRAGMA user_version = {current + 1}")
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
