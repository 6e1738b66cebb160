"""The bytes of ``connections.json``: ``{"schema": 1, "connections": [...]}``, checked by field.

Only the fields named in ``CONNECTION_FIELDS`` and ``ACCOUNT_FIELDS`` are ever written, so a
field added to ``Connection`` is not stored until someone adds it here on purpose (a test keeps
the lists in step). Reading is strict about types, lenient about additions: unknown keys are
ignored, and a field that has a default in ``Connection`` may be missing, so a field added with a
default needs no new schema version. Reasons name fields, never values.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable
from dataclasses import MISSING, dataclass, fields
from typing import Any, cast, get_args

from qonto_desktop.i18n.message import N_, Message, Text, as_message
from qonto_desktop.store.connection import AccountSummary, Connection, ConnectionState

SCHEMA_VERSION = 1
_RECORD = N_("record {position}: {problem}")


class _ReadError(ValueError):
    """Something in the file cannot be read; ``reason`` says what, as a message."""

    def __init__(self, reason: Text) -> None:
        super().__init__(str(reason))
        self.reason = as_message(reason)  # the app's reasons are templates: translated later


class FormatError(_ReadError):
    """The whole file is unreadable as an index: not UTF-8, not JSON, or the wrong shape."""


class RecordError(_ReadError):
    """One record cannot be read as a connection; the reason names the field."""


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


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise RecordError(N_("not text"))
    return value


def _name(value: object) -> str:
    text = _text(value)
    if not text:
        raise RecordError(N_("empty"))
    return text


def _optional_text(value: object) -> str | None:
    return None if value is None else _text(value)


def _texts(value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise RecordError(N_("not a list"))
    return tuple(_text(item) for item in value)


def _integer(value: object) -> int:
    if type(value) is not int:  # bool is an int subclass; a flag is not an amount
        raise RecordError(N_("not an integer"))
    return value


def _optional_integer(value: object) -> int | None:
    return None if value is None else _integer(value)


def _flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise RecordError(N_("not true or false"))
    return value


def _number(value: object) -> float:
    if type(value) not in (int, float) or not math.isfinite(cast(float, value)):
        raise RecordError(N_("not a finite number"))
    return float(cast(float, value))


def _optional_number(value: object) -> float | None:
    return None if value is None else _number(value)


def _state(value: object) -> ConnectionState:
    if value not in get_args(ConnectionState):
        raise RecordError(N_("not a known state"))
    return cast(ConnectionState, value)


Check = Callable[[object], object]

ACCOUNT_FIELDS: dict[str, Check] = {
    "name": _text,
    "masked_iban": _text,
    "currency": _text,
    "balance_cents": _optional_integer,
    "main": _flag,
    "external": _flag,
}
# Written by versions before external accounts were read: such an account is at Qonto.
_ACCOUNT_OPTIONAL = {"external"}


def _accounts(value: object) -> tuple[AccountSummary, ...]:
    if not isinstance(value, list):
        raise RecordError(N_("not a list"))
    return tuple(
        AccountSummary(**_read_fields(item, ACCOUNT_FIELDS, _ACCOUNT_OPTIONAL)) for item in value
    )


CONNECTION_FIELDS: dict[str, Check] = {
    "id": _name,
    "environment": _name,
    "client_id": _text,
    "organization_id": _optional_text,
    "organization_name": _text,
    "organization_slug": _text,
    "legal_name": _text,
    "user_name": _text,
    "user_email": _text,
    "role": _text,
    "subject": _optional_text,
    "scopes_requested": _texts,
    "scopes_granted": _texts,
    "created_at": _number,
    "refreshed_at": _optional_number,
    "verified_at": _optional_number,
    "access_expires_at": _number,
    "refresh_expires_at": _optional_number,
    "state": _state,
    "state_reason": _optional_text,
    "accounts": _accounts,
    "notes": _texts,
    "grant_id": _optional_text,
    "keyring_backend": _text,
    "legal_number": _text,
}

_OPTIONAL = {
    field.name
    for field in fields(Connection)
    if field.default is not MISSING or field.default_factory is not MISSING
}


def _read_fields(record: object, checks: dict[str, Check], optional: set[str]) -> dict[str, Any]:
    if not isinstance(record, dict):
        raise RecordError(N_("not a JSON object"))
    values: dict[str, Any] = {}
    for name, check in checks.items():
        if name not in record:
            if name in optional:
                continue
            raise RecordError(Message(N_("field {field!r} is missing"), field=name))
        try:
            values[name] = check(record[name])
        except RecordError as exc:
            raise RecordError(
                Message(N_("field {field!r}: {problem}"), field=name, problem=exc.reason)
            ) from None
    return values


def connection_from_record(record: object) -> Connection:
    """Read one JSON record as a ``Connection``.

    Raises:
        RecordError: a field is missing or has the wrong type; the message names it.
    """
    return Connection(**_read_fields(record, CONNECTION_FIELDS, _OPTIONAL))


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
    try:
        text = data.decode("utf-8-sig")  # a byte-order mark from a hand edit is harmless
    except UnicodeDecodeError:
        raise FormatError(N_("not UTF-8 text")) from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FormatError(Message(N_("not valid JSON (line {line})"), line=exc.lineno)) from None
    except RecursionError:
        raise FormatError(N_("nested too deeply")) from None
    if not isinstance(document, dict):
        raise FormatError(N_("not a JSON object"))
    schema = document.get("schema")
    if type(schema) is not int or schema < 1:
        raise FormatError(N_("no valid schema version"))
    records = document.get("connections")
    if not isinstance(records, list):
        if schema > SCHEMA_VERSION:
            return Decoded(schema, ())
        raise FormatError(N_("no list of connections"))
    connections: list[Connection] = []
    problems: list[Message] = []
    seen: set[str] = set()
    for position, record in enumerate(records, start=1):
        try:
            connection = connection_from_record(record)
        except RecordError as exc:
            problems.append(Message(_RECORD, position=position, problem=exc.reason))
            continue
        if connection.id in seen:
            duplicate = Message(N_("the same id as an earlier record"))
            problems.append(Message(_RECORD, position=position, problem=duplicate))
            continue
        seen.add(connection.id)
        connections.append(connection)
    return Decoded(schema, tuple(connections), tuple(problems))


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
