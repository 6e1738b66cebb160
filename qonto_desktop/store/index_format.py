"""The bytes of ``connections.json``: ``{"schema": 1, "connections": [...]}``, as ``Connection``
values.

The records are read and checked field by field in :mod:`~qonto_desktop.store.index_records`
(plain values, the rules of the format); this module builds the values from them, and writes
them back. Reasons name fields, never values.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from qonto_desktop.i18n.message import Message
from qonto_desktop.store.connection import AccountSummary, Connection
from qonto_desktop.store.index_records import (
    ACCOUNT_FIELDS,
    CONNECTION_FIELDS,
    SCHEMA_VERSION,
    checked_records,
    connection_values,
    records_of,
)


@dataclass(frozen=True)
class Decoded:
    """What a file holds: the connections that could be read, and why the others could not.

    Attributes:
        schema: the file's schema version; above ``SCHEMA_VERSION``, ``connections`` is a
            best-effort reading of records that happen to look like this version's.
        reasons: one reason per record that could not be read (a duplicate id counts), as a
            message to translate; ``problems`` has the same in English.
    """

    schema: int
    connections: tuple[Connection, ...]
    reasons: tuple[Message, ...] = ()

    @property
    def problems(self) -> tuple[str, ...]:
        """The reasons in English, for the log."""
        return tuple(reason.english() for reason in self.reasons)


def _connection(values: dict[str, Any]) -> Connection:
    if "accounts" in values:
        values["accounts"] = tuple(AccountSummary(**account) for account in values["accounts"])
    return Connection(**values)


def connection_from_record(record: object) -> Connection:
    """Read one JSON record as a ``Connection``.

    Raises:
        RecordError: a field is missing or has the wrong type; the message names it.
    """
    return _connection(connection_values(record))


def connection_to_record(connection: Connection) -> dict[str, object]:
    """The JSON record of one connection: exactly the fields of ``CONNECTION_FIELDS``."""
    record: dict[str, object] = {}
    for name in CONNECTION_FIELDS:
        value = getattr(connection, name)
        record[name] = list(value) if isinstance(value, tuple) else value  # JSON has lists
    record["accounts"] = [
        {name: getattr(account, name) for name in ACCOUNT_FIELDS} for account in connection.accounts
    ]
    return record


def decode(data: bytes) -> Decoded:
    """Read a whole index file.

    Raises:
        FormatError: the file is not an index at all (its reason says why); records that cannot
            be read do not raise, they are counted in ``Decoded.problems``.
    """
    schema, records = records_of(data)
    if records is None:
        return Decoded(schema, ())
    readable, problems = checked_records(records)
    return Decoded(schema, tuple(_connection(values) for values in readable), tuple(problems))


def encode(connections: Iterable[Connection]) -> bytes:
    """The file's bytes for these connections; they are read back before being returned.

    Raises:
        ValueError: a connection holds a value that would not read back (a wrong type, an
            unknown state, a duplicate id); nothing is written then.
    """
    document = {
        "schema": SCHEMA_VERSION,
        "connections": [connection_to_record(connection) for connection in connections],
    }
    try:
        data = (json.dumps(document, indent=2, ensure_ascii=False, allow_nan=False) + "\n").encode()
    except (TypeError, ValueError) as exc:
        raise ValueError(f"a connection cannot be stored: {exc}") from None
    problems = decode(data).problems
    if problems:
        raise ValueError(f"a connection cannot be stored: {problems[0]}")
    return data
